"""What runs in an extraction process (a local worker or a Dask worker): articles in, extractions out.

Building the spaCy pipeline takes seconds, so each process builds one extractor, on its
first chunk, and keeps it (:func:`process_extractor`); a chunk is extracted with spaCy's
batched ``pipe``. A bad article does not cost its chunk: the chunk is then extracted one
article at a time and the bad one reported. This module must not open a store.
"""

from __future__ import annotations

import signal
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from alignkg.graph.errors import AlignkgError
from alignkg.graph.model import Article, Extraction

if TYPE_CHECKING:  # spaCy loads in the worker, when its first chunk arrives
    from alignkg.graph.extract.extractor import Extractor

_lock = threading.Lock()
_extractor: Extractor | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """The outcome of one article's extraction: its extraction, or what went wrong (message and error code)."""

    article: Article
    extraction: Extraction | None = None
    error: str | None = None
    code: str | None = None


def process_extractor() -> Extractor:
    """Return this process's extractor, built on first use: once per process, never per article."""
    global _extractor
    with _lock:
        if _extractor is None:
            from alignkg.graph.extract.extractor import Extractor

            _extractor = Extractor()
        return _extractor


def ignore_interrupts() -> None:
    """Leave Ctrl-C to the parent process: it stops the ingest, and its workers with it, cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def extract_chunk(articles: list[Article], extractor: Extractor | None = None) -> list[Extracted]:
    """Return the outcome of each article of a chunk, in order.

    Without ``extractor``, the process's own (:func:`process_extractor`). On a Dask worker
    of several threads, the threads take turns: a spaCy pipeline is not shared between threads.
    """
    if extractor is None:
        extractor = process_extractor()
        with _lock:
            return _extract(extractor, articles)
    return _extract(extractor, articles)


def _extract(extractor: Extractor, articles: list[Article]) -> list[Extracted]:
    try:
        extractions = list(extractor.extract_many((a.id, a.text, a.published) for a in articles))
    except Exception:  # noqa: BLE001 - one bad article: extract the chunk article by article to name it
        return [_one(extractor, article) for article in articles]
    return [Extracted(a, e) for a, e in zip(articles, extractions, strict=True)]


def _one(extractor: Extractor, article: Article) -> Extracted:
    try:
        return Extracted(article, extractor.extract(article.text, id=article.id, published=article.published))
    except AlignkgError as err:
        return Extracted(article, error=str(err), code=err.code)
    except Exception as err:  # noqa: BLE001 - the per-article boundary: reported at the end of the ingest
        return Extracted(article, error=f"{type(err).__name__}: {err}", code="internal")
