"""Fixtures of the whole run, the doctests of ``alignkg/`` included (``tests/conftest.py`` serves only ``tests/``).

The doctests build their own ``Extractor()`` or ``KnowledgeGraph.in_memory()``, and the command line run in
this process (``tests/app/cli``) its own ``KnowledgeGraph``, each loading the spaCy pipeline (about 1 s).
With :func:`shared_pipelines` they share one pipeline per gazetteer and model, as the tests share the
session's extractor: a pipeline is only read once built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from alignkg.graph import Gazetteer


@pytest.fixture(scope="session")
def shared_pipelines() -> Callable[[pytest.MonkeyPatch], None]:
    """Return a function that makes ``Extractor`` build each pipeline once per session while its monkeypatch holds.

    A pipeline is kept by gazetteer (its id, the gazetteer kept alive beside it) and model.
    """
    built: dict[tuple[int, str | None], tuple[Gazetteer, Language]] = {}

    def share(monkeypatch: pytest.MonkeyPatch) -> None:
        from alignkg.graph.extract import extractor

        build: Callable[..., Language] = extractor.build_nlp

        def shared(gazetteer: Gazetteer, *, model: str | None = None, **options: Any) -> Language:
            key = (id(gazetteer), model)
            if key not in built:
                built[key] = (gazetteer, build(gazetteer, model=model, **options))
            return built[key][1]

        monkeypatch.setattr(extractor, "build_nlp", shared)

    return share


@pytest.fixture(autouse=True)
def _doctests_share_one_pipeline(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """In a doctest, make ``Extractor`` build the pipeline of a gazetteer and model once per session."""
    if isinstance(request.node, pytest.DoctestItem):
        request.getfixturevalue("shared_pipelines")(monkeypatch)
    yield
