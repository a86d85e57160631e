"""``POST /query``: the pattern language (docs/query-language.md)."""

from __future__ import annotations

from fastapi import APIRouter

from alignkg.app.api.deps import KGDep, QueryDeadline, ReadKey, SettingsDep
from alignkg.app.api.schemas import QueryIn, QueryOut, error_responses, query_out

router = APIRouter(tags=["query"], dependencies=[ReadKey, QueryDeadline])


@router.post("/query", summary="Run a query of the pattern language",
             responses=error_responses(400, 401, 413, 422, 429, 503, 504))
def run_pattern(body: QueryIn, kg: KGDep, settings: SettingsDep) -> QueryOut:
    """Run a pattern such as ``?x arms_transfer IRN . ?x condemnation USA``; states come back as codes.

    The query stops at ``query_timeout_s`` (504) and at ``max_result_rows`` rows (422, while the
    rows are read: add ``limit``).
    """
    return query_out(kg.query(body.pattern, max_rows=settings.max_result_rows, max_bytes=settings.max_result_bytes))
