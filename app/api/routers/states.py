"""``GET /states`` and ``GET /states/{state}``: states with their fact counts, and one state's edges."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from alignkg.app.api.cache import cached_json
from alignkg.app.api.deps import KGDep, QueryDeadline, ReadKey
from alignkg.app.api.errors import ApiError
from alignkg.app.api.schemas import StateDetailOut, StatesOut, error_responses, state_detail_out, state_out
from alignkg.graph import UnknownStateError

router = APIRouter(prefix="/states", tags=["states"], dependencies=[ReadKey, QueryDeadline])


@router.get("", summary="Every state, with its fact counts", response_model=StatesOut,
            responses=error_responses(400, 401))
async def list_states(request: Request, kg: KGDep) -> Response:
    """List every state of the gazetteer by code, with the facts it is the subject and the object of.

    The answer is kept until the next write (docs/decisions/20261207-response-cache.md)."""
    def make() -> bytes:
        counts = kg.state_counts()
        return StatesOut(states=[state_out(*c) for c in counts], count=len(counts)).model_dump_json().encode()

    return await cached_json(request, kg, make)


@router.get("/{state}", summary="A state's edges out and in, by type, with evidence",
            response_model=StateDetailOut, responses=error_responses(400, 401, 404))
async def get_state(request: Request,
                    state: Annotated[str, Path(description="An ISO alpha-3 code, a name or an alias.",
                                               examples=["Iran", "IRN", "the Kremlin", "North Korea"])],
                    kg: KGDep,
                    limit: Annotated[int, Query(ge=1, le=1000, description="Facts listed on each side (outgoing, "
                                                                            "incoming), the first in (type, subject, "
                                                                            "object) order; `links.more` of a group "
                                                                            "lists all of them.")] = 100,
                    evidence_limit: Annotated[int, Query(ge=0, le=1000, description="Sentences listed per fact, the "
                                                                                     "first by article and offset; "
                                                                                     "`evidence_count` says how many "
                                                                                     "there are, `/facts/{id}` gives "
                                                                                     "all.")] = 5) -> Response:
    """Return the facts the state is the subject of (``outgoing``) and the object of (``incoming``), grouped by
    type, each with the first sentences that support it; a group's ``count`` is all its facts, of which the first
    ``limit`` per side are listed. An unknown state is a 404 with close suggestions. The answer is kept until
    the next write (docs/decisions/20261207-response-cache.md)."""
    def make() -> bytes:
        try:
            page = kg.state_page(state, limit=limit, evidence_limit=evidence_limit)
        except UnknownStateError as err:
            raise ApiError.from_error(err, status=404) from err
        return state_detail_out(page).model_dump_json().encode()

    return await cached_json(request, kg, make)
