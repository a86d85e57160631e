"""``/articles``: list, read, ingest (``POST``, with an API key) and delete (``DELETE``, with an API key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from alignkg.app.api.deps import KGDep, QueryDeadline, ReadKey, SettingsDep, WriteKey, WriteKGDep
from alignkg.app.api.errors import ApiError
from alignkg.app.api.schemas import (
    ArticleIn,
    ArticleOut,
    ArticlesOut,
    IngestOut,
    article_out,
    articles_out,
    error_responses,
    ingest_out,
)

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


@router.post("", summary="Extract an article's facts and store them", dependencies=[WriteKey],
             responses=error_responses(400, 401, 403, 409, 413, 429))
def post_article(article: ArticleIn, kg: KGDep, settings: SettingsDep, request: Request,
                 replace: Annotated[bool, Query(description="Replace an article stored under the same id with "
                                                            "another text.")] = False) -> IngestOut:
    """Extract the facts of an article, store them with their evidence, and answer with them.

    Posting the same id with the same text again changes nothing (and answers the same);
    the same id with another text is a 409 unless ``replace=true``. A text longer than
    ``max_article_chars`` is a 413. The extraction holds no lock: only the store's
    transaction waits for other writes.
    """
    if len(article.text) > settings.max_article_chars:
        raise ApiError("article_too_large", f"the article's text has {len(article.text):,} characters; this server "
                                            f"accepts at most {settings.max_article_chars:,} (max_article_chars)")
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
