"""``/curations``: analysts' corrections (assert a missed fact, retract a wrong one, revert either) and their records.

Writes need an API key; the record keeps its fingerprint and the analyst's name (``by``). Reads
follow the read policy. Every record stays listed: a reverted one points to its reversal.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from alignkg.app.api.deps import ApiKeyDep, KGDep, ReadKey, WriteKGDep
from alignkg.app.api.schemas import (
    AssertionIn,
    CurationOut,
    CurationsOut,
    RetractionIn,
    ReversalIn,
    curation_out,
    curations_out,
    error_responses,
)

router = APIRouter(prefix="/curations", tags=["curations"])
RecordId = Annotated[str, Path(description="The record's id.", examples=["9c41d2e07a5b13f86e20"])]


@router.get("", summary="The analysts' records, oldest first", dependencies=[ReadKey],
            responses=error_responses(401, 404))
def list_curations(kg: KGDep, fact: Annotated[str | None, Query(description="Only the records on this fact "
                                                                              "(its id).")] = None) -> CurationsOut:
    """List every assertion, retraction and reversal, or those on one fact."""
    return curations_out(kg.curations(fact=fact))


@router.get("/{record_id}", summary="One analyst's record", dependencies=[ReadKey],
            responses=error_responses(401, 404))
def get_curation(record_id: RecordId, kg: KGDep) -> CurationOut:
    """Return a record: what was done to which fact, by whom, when and why."""
    return curation_out(kg.curation(record_id))


@router.post("/assertions", summary="Assert a fact the extractor missed", status_code=201,
             responses=error_responses(400, 401, 403, 409, 413))
def post_assertion(body: AssertionIn, kg: WriteKGDep, key: ApiKeyDep) -> CurationOut:
    """Add a fact with the sentence of the source that states it; answer with the record."""
    return curation_out(kg.assert_fact(body.subject, body.type, body.object, url=body.url, sentence=body.sentence,
                                       by=body.by, reason=body.reason, published=body.published,
                                       hedged=body.hedged, directed=body.directed, key=key))


@router.post("/retractions", summary="Retract a wrong fact", status_code=201,
             responses=error_responses(400, 401, 403, 404, 409, 413))
def post_retraction(body: RetractionIn, kg: WriteKGDep, key: ApiKeyDep) -> CurationOut:
    """Take a fact out of listings, the analysis and the direct triples; it stays, flagged, for audit."""
    return curation_out(kg.retract_fact(body.fact, reason=body.reason, by=body.by, key=key))


@router.post("/{record_id}/reversals", summary="Undo an assertion or a retraction", status_code=201,
             responses=error_responses(400, 401, 403, 404, 409, 413))
def post_reversal(record_id: RecordId, body: ReversalIn, kg: WriteKGDep, key: ApiKeyDep) -> CurationOut:
    """Undo a record (both stay listed); answer with the reversal."""
    return curation_out(kg.revert(record_id, by=body.by, reason=body.reason, key=key))
