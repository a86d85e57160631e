"""``/articles``: list, read, ingest (``POST``, with an API key) and delete (``DELETE``, with an API key)."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from alignkg.app.api.batch import (
    JSON_LINES,
    line_values,
    media_type,
    one_article,
    parse_json,
    to_items,
    too_large,
    write_results,
)
from alignkg.app.api.deps import KGDep, QueryDeadline, ReadKey, SettingsDep, WriteKey, WriteKGDep
from alignkg.app.api.errors import ApiError
from alignkg.app.api.schemas import (
    ArticleIn,
    ArticleOut,
    ArticleResultOut,
    ArticlesOut,
    IngestOut,
    article_out,
    articles_out,
    error_responses,
    ingest_out,
)
from alignkg.app.api.streaming import stream
from alignkg.app.settings import Settings
from alignkg.graph import KnowledgeGraph

router = APIRouter(prefix="/articles", tags=["articles"])
ArticleId = Annotated[str, Path(description="The article's id.", examples=["2024-06-19-russia-north-korea-treaty"])]


@router.get("", summary="The ids of the stored articles", dependencies=[ReadKey, QueryDeadline],
            responses=error_responses(401))
def list_articles(kg: KGDep) -> ArticlesOut:
    """List the stored articles by id."""
    return articles_out(kg.article_ids())


@router.get("/{article_id:path}", summary="One article: text and metadata", dependencies=[ReadKey, QueryDeadline],
            responses=error_responses(401, 404))
def get_article(article_id: ArticleId, kg: KGDep) -> ArticleOut:
    """Return a stored article with its text, title, URL, date and publisher."""
    return article_out(kg.article(article_id))


_ARTICLE = ArticleIn.model_json_schema()
_BATCH_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"oneOf": [_ARTICLE, {"type": "array", "items": _ARTICLE}]}},
    "application/x-ndjson": {"schema": {"type": "string", "description": "One article (as above) per line."}}}}}
_BATCH_ANSWER = {"description": "One article: what was extracted. A batch: one line per article (JSON Lines), "
                                "streamed as the batch is stored, the refused items first.",
                 "content": {"application/x-ndjson": {"schema": ArticleResultOut.model_json_schema()}}}


@router.post("", summary="Extract the facts of an article, or of a batch of articles, and store them",
             dependencies=[WriteKey], response_model=IngestOut, openapi_extra=_BATCH_BODY,
             responses={**error_responses(400, 401, 403, 409, 413, 415, 429), 200: _BATCH_ANSWER})
async def post_article(request: Request, kg: KGDep, settings: SettingsDep,
                       replace: Annotated[bool, Query(description="Replace an article stored under the same id "
                                                                  "with another text.")] = False) -> Any:
    """Extract the facts of an article, store them with their evidence, and answer with them.

    Posting the same id with the same text again changes nothing (and answers the same);
    the same id with another text is a 409 unless ``replace=true``. A text longer than
    ``max_article_chars`` is a 413. The extraction holds no lock: only the store's
    transaction waits for other writes.

    A JSON array of articles, or JSON Lines (``application/x-ndjson``), is a batch of at most
    ``max_batch_articles``: the answer (200, JSON Lines) has one line per article, with its
    index in the batch and its status (``stored``, ``unchanged`` or ``failed`` with an error
    code and detail), written as each transaction of the batch is stored. A bad article
    fails alone.
    """
    media = media_type(request.headers.get("content-type"))
    body = await request.body()
    if media in JSON_LINES:
        values = line_values(body)
    elif media == "application/json" or media.endswith("+json"):
        value = parse_json(body)
        if isinstance(value, dict):
            return await run_in_threadpool(_post_one, one_article(value), kg, request, replace, settings)
        if not isinstance(value, list):
            raise ApiError("invalid_request", "the body must be an article (a JSON object with 'id' and 'text'), "
                                              "a JSON array of articles, or JSON Lines")
        values = [(v, None) for v in value]
    else:
        raise ApiError("unsupported_media_type", f"a body of type {media!r} is not accepted here; send "
                                                 "application/json or application/x-ndjson (JSON Lines)")
    items = to_items(values, max_articles=settings.max_batch_articles, max_chars=settings.max_article_chars)
    chunks = await run_in_threadpool(stream, partial(write_results, kg=kg, items=items, replace=replace,
                                                     lock=request.app.state.write_lock))
    return StreamingResponse(chunks, media_type="application/x-ndjson")


def _post_one(article: ArticleIn, kg: KnowledgeGraph, request: Request, replace: bool,
              settings: Settings) -> IngestOut:
    """Ingest one article: extraction without the lock, then the store's transaction under it."""
    if len(article.text) > settings.max_article_chars:
        raise ApiError("article_too_large", too_large(len(article.text), settings.max_article_chars))
    stored, extraction = kg.extract(article.text, id=article.id, url=article.url, published=article.published,
                                    title=article.title, publisher=article.publisher)
    with request.app.state.write_lock:
        kg.ingest_extraction(stored, extraction, replace=replace)
    return ingest_out(article.id, extraction)


@router.delete("/{article_id:path}", summary="Delete an article, its evidence and orphaned facts",
               status_code=204, dependencies=[WriteKey], responses=error_responses(401, 403, 404))
def delete_article(article_id: ArticleId, kg: WriteKGDep) -> Response:
    """Delete an article with its evidence; facts and claims left without evidence go too."""
    kg.delete_article(article_id)
    return Response(status_code=204)
