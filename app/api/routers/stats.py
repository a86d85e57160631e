"""``GET /stats``: what the store holds, as ``alignkg stats`` prints it (and reads it from a running server)."""

from __future__ import annotations

from fastapi import APIRouter

from alignkg.app.api.deps import KGDep, QueryDeadline, ReadKey
from alignkg.app.api.schemas import StatsOut, error_responses

router = APIRouter(tags=["service"])


@router.get("/stats", summary="Counts of what the store holds", dependencies=[ReadKey, QueryDeadline],
            responses=error_responses(401, 503, 504))
def stats(kg: KGDep) -> StatsOut:
    """Count the quads, articles, facts (in all and by type), claims, evidence and analysts' records."""
    return StatsOut.model_validate(kg.stats())
