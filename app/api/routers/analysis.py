"""``/analysis``: pair scores, the bloc test, communities of cooperation and the stored claims.

Each handler reads its parameters, calls one ``KnowledgeGraph`` analysis method and returns
the models of :mod:`alignkg.app.api.analysis_schemas`; scores, verdicts and rules are
:mod:`alignkg.graph.analysis`'s (docs/analysis.md). A state that names no state is ``404
unknown_state`` with suggestions, as on ``/states/{state}``; a bloc of fewer than two
distinct states, a bad weight or window is ``400``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from alignkg.app.api.analysis_schemas import (
    BlocOut,
    ClaimsOut,
    CommunitiesOut,
    DyadOut,
    bloc_out,
    claims_out,
    communities_out,
    dyad_out,
)
from alignkg.app.api.deps import KGDep, QueryDeadline, ReadKey
from alignkg.app.api.errors import ApiError
from alignkg.app.api.schemas import IsoDate, error_responses
from alignkg.graph import Claim, EdgeType, KnowledgeGraph, QuadClass, UnknownStateError
from alignkg.graph.analysis import Weights

router = APIRouter(prefix="/analysis", tags=["analysis"], dependencies=[ReadKey, QueryDeadline])


@dataclass(frozen=True, slots=True)
class Options:
    """The options every analysis takes: the time window and the weights."""

    since: dt.date | None
    until: dt.date | None
    weights: Weights


async def analysis_options(
    since: Annotated[IsoDate | None, Query(description="Only facts last seen on or after this date (YYYY-MM-DD).",
                                           examples=["2024-01-01"])] = None,
    until: Annotated[IsoDate | None, Query(description="Only facts first seen on or before this date (YYYY-MM-DD).",
                                           examples=["2025-12-31"])] = None,
    weight: Annotated[list[str] | None, Query(
        description="Override a weight, `name=value` (repeatable): a quad class "
                    f"(`{QuadClass.NON_COOPERATION.value}=-1`), an edge type (`{EdgeType.ARMS_TRANSFER.value}=3`) "
                    "or `hedged=1`. Defaults in docs/analysis.md.",
        examples=[[f"{QuadClass.NON_COOPERATION.value}=-1"]])] = None,
) -> Options:
    """Read the window and the weight overrides (a bad weight is a 400 naming it)."""
    return Options(since, until, Weights.parse(weight or []))


OptionsDep = Annotated[Options, Depends(analysis_options)]


@contextmanager
def unknown_state_is_404() -> Iterator[None]:
    """Answer a state that names no state with 404 and suggestions, as ``/states/{state}`` does."""
    try:
        yield
    except UnknownStateError as err:
        raise ApiError.from_error(err, status=404) from err


def bloc_members(kg: KGDep,
                 states: Annotated[list[str] | None, Query(
                     description="A member: code, name or alias; repeat it for each (at least 2).",
                     examples=[["RUS", "CHN", "PRK", "IRN"]])] = None,
                 claim: Annotated[str | None, Query(
                     description="Instead of `states`: a stored claim, by its number or id in `/analysis/claims`.",
                     examples=["1"])] = None) -> Sequence[str] | Claim:
    """Return the members to test: the states given (blank ones dropped) or a stored claim."""
    if claim is not None:
        if states:
            raise ApiError("invalid_request", "give either 'states' or 'claim', not both")
        return kg.claim(claim)
    return [s for s in states or [] if s.strip()]


@router.get("/dyad", summary="The alignment score of two states, with the facts behind it",
            responses=error_responses(400, 401, 404))
def get_dyad(kg: KGDep, options: OptionsDep,
             a: Annotated[str, Query(description="A state: code, name or alias.", examples=["RUS", "Russia"])],
             b: Annotated[str, Query(description="Another state.", examples=["IRN", "Iran"])]) -> DyadOut:
    """Score two states from the quad class of their facts (either direction), every fact with its weight."""
    with unknown_state_is_404():
        score = kg.dyad(a, b, weights=options.weights, since=options.since, until=options.until)
    return dyad_out(score)


@router.get("/bloc", summary="The bloc test: does the evidence show the claimed bloc?",
            responses=error_responses(400, 401, 404))
def get_bloc(kg: KGDep, options: OptionsDep,
             members: Annotated[Sequence[str] | Claim, Depends(bloc_members)]) -> BlocOut:
    """Test a claimed bloc pair by pair (cooperation, conflict, aid, non-intervention), with cohesion and verdict.

    Fewer than two distinct states is a 400; a state that names no state a 404 with suggestions.
    """
    with unknown_state_is_404():
        report = kg.bloc(members, weights=options.weights, since=options.since, until=options.until)
    return bloc_out(report, KnowledgeGraph.claim_id(members) if isinstance(members, Claim) else None)


@router.get("/communities", summary="Communities of cooperation (Louvain)", responses=error_responses(400, 401))
def get_communities(kg: KGDep, options: OptionsDep,
                    seed: Annotated[int, Query(description="Seed of the Louvain method (same seed, same "
                                                           "result).")] = 0,
                    resolution: Annotated[float, Query(gt=0, description="Louvain resolution; above 1 favours "
                                                                         "smaller groups.")] = 1.0) -> CommunitiesOut:
    """Group the states by the cooperation between them; each group with its cooperation facts."""
    found = kg.communities(weights=options.weights, seed=seed, resolution=resolution, since=options.since,
                           until=options.until)
    return communities_out(found, options.weights)


@router.get("/claims", summary="The stored claims of alignment", responses=error_responses(401))
def list_claims(kg: KGDep) -> ClaimsOut:
    """List the claims officials made that states form a bloc, each with the link to its bloc test."""
    return claims_out(kg.claims())
