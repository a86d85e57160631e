"""``POST /query``: the pattern language (docs/query-language.md)."""

from __future__ import annotations

from fastapi import APIRouter

from alignkg.app.api.deps import KGDep, ReadKey, SettingsDep
from alignkg.app.api.errors import ApiError
from alignkg.app.api.schemas import QueryIn, QueryOut, error_responses, query_out

router = APIRouter(tags=["query"], dependencies=[ReadKey])


@router.post("/query", summary="Run a query of the pattern language", responses=error_responses(400, 401, 422))
def run_pattern(body: QueryIn, kg: KGDep, settings: SettingsDep) -> QueryOut:
    """Run a pattern such as ``?x arms_transfer IRN . ?x condemnation USA``; states come back as codes."""
    rows = kg.query(body.pattern)
    if len(rows) > settings.max_result_rows:
        raise ApiError("result_too_large", f"the query returns {len(rows):,} rows, more than the limit of this "
                                           f"server ({settings.max_result_rows:,}, max_result_rows); add 'limit'")
    return query_out(rows)
