"""The body of ``POST /articles``: one article (a JSON object), or a batch (a JSON array, or JSON Lines).

A batch is read into items, each an article or the error that refuses it (not JSON, a field
of the wrong form, a text over ``max_article_chars``), so one bad item costs only itself.
The whole body is bounded by ``max_body_bytes`` (the middleware) and the number of items by
``max_batch_articles``, checked before anything is extracted. :func:`write_results` is the
answer's producer: one JSON line per item, as the batch is stored (:func:`alignkg.graph.iter_ingest`).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import IO, Any

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from alignkg.app.api.errors import ApiError, describe_errors
from alignkg.app.api.schemas import ArticleIn, ArticleResultOut, article_path
from alignkg.graph import Article, IngestOutcome, KnowledgeGraph, iter_ingest

#: Media types of JSON Lines (one JSON object per line) that name a batch.
JSON_LINES = frozenset({"application/x-ndjson", "application/jsonl", "application/json-lines",
                        "application/x-jsonlines", "application/jsonlines"})
#: Articles per write transaction of a batch.
WRITE_BATCH = 32


@dataclass(frozen=True, slots=True)
class Item:
    """One item of a batch: the article it holds, or why it is refused (an error code and a detail)."""

    index: int
    article: Article | None = None
    id: str | None = None
    error: str | None = None
    detail: str | None = None


def media_type(content_type: str | None) -> str:
    """Return the media type of a Content-Type header, lower case, without parameters (JSON by default)."""
    return (content_type or "application/json").split(";")[0].strip().lower()


def parse_json(body: bytes) -> Any:
    """Return the JSON value of a body.

    Raises:
        ApiError: 400 ``invalid_request``, the body is not UTF-8 JSON.
    """
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ApiError("invalid_request", f"the body is not valid JSON ({err})") from None


def one_article(value: Any) -> ArticleIn:
    """Return the article a JSON object describes, refused as FastAPI refuses a body (``400 invalid_request``)."""
    try:
        return ArticleIn.model_validate(value)
    except ValidationError as err:
        raise RequestValidationError(_body_errors(err)) from None


def _body_errors(err: ValidationError) -> list[dict[str, Any]]:
    """The errors of a body's validation, located in the body as FastAPI locates them."""
    return [{**e, "loc": ("body", *e["loc"])} for e in err.errors(include_url=False)]


def too_large(chars: int, max_chars: int) -> str:
    """What ``413 article_too_large`` says, for one article or a batch's item."""
    return f"the article's text has {chars:,} characters; this server accepts at most {max_chars:,} (max_article_chars)"


def line_values(body: bytes) -> list[tuple[Any, str | None]]:
    """Return (value, None) per JSON line of a body, or (None, why) for a line that is not JSON; blank lines skipped."""
    values: list[tuple[Any, str | None]] = []
    for line in body.splitlines():
        if not line.strip():
            continue
        try:
            values.append((json.loads(line), None))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            values.append((None, f"not valid JSON ({err})"))
    return values


def to_items(values: list[tuple[Any, str | None]], *, max_articles: int, max_chars: int) -> list[Item]:
    """Return the items of a batch, each an article or its error.

    Raises:
        ApiError: 413 ``batch_too_large``, more than ``max_articles`` items; 400 ``invalid_request``, none.
    """
    if len(values) > max_articles:
        raise ApiError("batch_too_large", f"the batch holds {len(values):,} articles; this server accepts at most "
                                          f"{max_articles:,} per request (max_batch_articles): send several")
    if not values:
        raise ApiError("invalid_request", "the batch holds no article")
    return [_item(index, value, error, max_chars) for index, (value, error) in enumerate(values)]


def _item(index: int, value: Any, error: str | None, max_chars: int) -> Item:
    if error is not None:
        return Item(index, error="invalid_request", detail=error)
    found = value.get("id") if isinstance(value, dict) else None
    label = found if isinstance(found, str) else None
    try:
        article = ArticleIn.model_validate(value)
    except ValidationError as err:
        return Item(index, id=label, error="invalid_request", detail=describe_errors(_body_errors(err)))
    if len(article.text) > max_chars:
        return Item(index, id=article.id, error="article_too_large", detail=too_large(len(article.text), max_chars))
    return Item(index, article.to_article(), id=article.id)


def write_results(out: IO[bytes], kg: KnowledgeGraph, items: list[Item], *, replace: bool,
                  lock: threading.Lock) -> None:
    """Write one JSON line per item to ``out``: the refused ones first, then each article as its batch is stored."""
    for item in items:
        if item.article is None:
            _line(out, ArticleResultOut(index=item.index, id=item.id, status="failed", error=item.error,
                                        detail=item.detail))
    valid = [item for item in items if item.article is not None]
    outcomes = iter_ingest(kg, (item.article for item in valid if item.article is not None), batch=WRITE_BATCH,
                           replace=replace, lock=lock)
    for item, outcome in zip(valid, outcomes, strict=True):
        _line(out, _result(item.index, outcome))


def _result(index: int, outcome: IngestOutcome) -> ArticleResultOut:
    if outcome.status == "failed":
        return ArticleResultOut(index=index, id=outcome.article_id, status="failed", error=outcome.code,
                                detail=outcome.message)
    extraction = outcome.extraction
    return ArticleResultOut(index=index, id=outcome.article_id, status=outcome.status,
                            facts=None if extraction is None else len(extraction.facts),
                            claims=None if extraction is None else len(extraction.claims),
                            links={"self": article_path(outcome.article_id)})


def _line(out: IO[bytes], result: ArticleResultOut) -> None:
    out.write(result.model_dump_json(exclude_none=True).encode() + b"\n")
    out.flush()
