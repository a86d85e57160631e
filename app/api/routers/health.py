"""``GET /health``: the service is up (a constant answer that touches no store)."""

from __future__ import annotations

from fastapi import APIRouter

from alignkg.app.api.schemas import HealthOut
from alignkg.graph import __version__

router = APIRouter(tags=["service"])


@router.get("/health", summary="Is the service up?")
async def health() -> HealthOut:
    """Answer ``ok`` with the version; never touches the store, so it is also the service's speed ceiling."""
    return HealthOut(status="ok", version=__version__)
