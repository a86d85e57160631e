"""``GET /export``: the graph, or the facts matching filters with their evidence, as RDF or the events table."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import StreamingResponse

from alignkg.app.api.deps import FiltersDep, KGDep, ReadKey
from alignkg.app.api.schemas import error_responses
from alignkg.app.api.streaming import stream
from alignkg.graph import ExportFormat, KnowledgeGraph

router = APIRouter(tags=["export"], dependencies=[ReadKey])
_FORMATS = ", ".join([f.value for f in ExportFormat] + ["csv", "parquet"])
_MEDIA = [f.media_type for f in ExportFormat] + [KnowledgeGraph.export_media(t)[1] for t in ("csv", "parquet")]
_CONTENT = {media: {"schema": {"type": "string"}} for media in _MEDIA}


@router.get("/export", summary="Export RDF or the events table (whole graph or filtered facts), streamed",
            response_class=StreamingResponse,
            responses={200: {"description": "The RDF document or the table.", "content": _CONTENT},
                       **error_responses(400, 401, 406)})
def export(kg: KGDep, filters: FiltersDep,
           format: Annotated[str | None, Query(description=f"One of {_FORMATS} (or an extension or media type); "
                                                           "without it, the `Accept` header chooses (default "
                                                           "Turtle).", examples=["turtle", "nquads", "csv"])] = None,
           state: Annotated[str | None, Query(description="Facts with this state on either side.",
                                              examples=["IRN"])] = None,
           accept: Annotated[str | None, Header(include_in_schema=False)] = None) -> StreamingResponse:
    """Write the whole store (no filter; N-Quads, TriG and JSON-LD keep the named graphs) or the facts matching
    the filters with their evidence, articles and states; ``csv`` and ``parquet`` write the events table."""
    name, media_type, extension = kg.export_media(format, accept=accept)
    chunks = stream(partial(kg.export, format=name, state=state, **filters.as_kwargs()))
    return StreamingResponse(chunks, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="alignkg.{extension}"', "Vary": "Accept"})
