"""``GET /export``: the graph, or the facts matching filters with their evidence, as RDF, streamed."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from alignkg.app.api.deps import FiltersDep, KGDep, ReadKey
from alignkg.app.api.schemas import error_responses
from alignkg.app.api.streaming import stream
from alignkg.graph import ExportFormat

router = APIRouter(tags=["export"], dependencies=[ReadKey])
_FORMATS = ", ".join(f.value for f in ExportFormat)
_CONTENT = {fmt.media_type: {"schema": {"type": "string"}} for fmt in ExportFormat}


@router.get("/export", summary="Export RDF (whole graph or filtered facts), streamed", response_class=StreamingResponse,
            responses={200: {"description": "The RDF document.", "content": _CONTENT}, **error_responses(400, 401)})
def export(kg: KGDep, filters: FiltersDep,
           format: Annotated[str, Query(description=f"One of {_FORMATS} (or an extension or media type).",
                                        examples=["turtle", "nquads"])] = "turtle",
           state: Annotated[str | None, Query(description="Facts with this state on either side.",
                                              examples=["IRN"])] = None) -> StreamingResponse:
    """Write the whole store (no filter; N-Quads and TriG keep the named graphs) or the facts matching the
    filters with their evidence, articles and states, streamed as it is serialized."""
    fmt = ExportFormat.parse(format)
    chunks = stream(partial(kg.export, format=fmt.value, state=state, **filters.as_kwargs()))
    return StreamingResponse(chunks, media_type=fmt.media_type, headers={
        "Content-Disposition": f'attachment; filename="alignkg.{fmt.rdf_format.file_extension}"'})
