"""``GET /facts`` (filters, cursor pagination) and ``GET /facts/{id}`` (one fact with all its evidence)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from alignkg.app.api.cache import cached_json
from alignkg.app.api.deps import FiltersDep, KGDep, QueryDeadline, ReadKey
from alignkg.app.api.schemas import (
    FactDetailOut,
    FactsPage,
    error_responses,
    fact_detail_out,
    facts_page,
)

router = APIRouter(prefix="/facts", tags=["facts"], dependencies=[ReadKey, QueryDeadline])


@router.get("", summary="Facts matching filters, a page at a time", response_model=FactsPage,
            responses=error_responses(400, 401))
async def list_facts(request: Request, kg: KGDep, filters: FiltersDep,
                     cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
                     limit: Annotated[int, Query(ge=1, le=1000, description="Facts per page.")] = 100) -> Response:
    """List facts ordered by (type, subject, object), without evidence; follow ``links.next`` for more.

    ``total`` counts the facts matching the filters on all pages. The answer is kept until the
    next write (``ETag``, ``If-None-Match``: docs/decisions/20261207-response-cache.md)."""
    def make() -> bytes:
        page = kg.facts_page(**filters.as_kwargs(), after=cursor, limit=limit)
        return facts_page(page, lambda next_cursor: (
            f"{request.url.path}?{request.url.include_query_params(cursor=next_cursor).query}")).model_dump_json(
        ).encode()

    return await cached_json(request, kg, make)


@router.get("/{fact_id}", summary="One fact with all its evidence", responses=error_responses(401, 404))
def get_fact(fact_id: Annotated[str, Path(description="The fact's id (or its full IRI).",
                                          examples=["3f1b9a0c6d2e4f5a7b8c"])], kg: KGDep) -> FactDetailOut:
    """Return a fact with every sentence that supports it, each linked to its article."""
    return fact_detail_out(kg.fact(fact_id))
