"""``GET`` and ``POST /sparql``: a read-only SPARQL 1.1 Protocol endpoint.

The protocol's three ways of sending a query are accepted: ``GET ?query=``, ``POST`` of an
``application/x-www-form-urlencoded`` form, and ``POST`` of an ``application/sparql-query``
body. What may run, the limits and the result formats are graph's policy
(:meth:`alignkg.graph.KnowledgeGraph.run_sparql`); this module only reads the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Query, Request, Response

from alignkg.app.api.deps import KGDep, QueryDeadline, ReadKey, SettingsDep
from alignkg.app.api.errors import ApiError
from alignkg.app.api.schemas import error_responses
from alignkg.app.settings import Settings
from alignkg.graph import KnowledgeGraph

router = APIRouter(tags=["sparql"], dependencies=[ReadKey, QueryDeadline])

_EXAMPLE = "SELECT ?x ?sentence WHERE { ?f a ak:NonIntervention ; ak:subject ?x ; ak:object state:IRN . " \
           "?e ak:supports ?f ; ak:sentence ?sentence }"
_RESULTS = {
    "application/sparql-results+json": {"example": {"head": {"vars": ["x"]}, "results": {"bindings": [
        {"x": {"type": "uri", "value": "https://w3id.org/alignkg/state/RUS"}}]}}},
    "application/sparql-results+xml": {"schema": {"type": "string"}},
    "text/csv": {"example": "x\r\nhttps://w3id.org/alignkg/state/RUS\r\n"},
    "text/tab-separated-values": {"example": "?x\n<https://w3id.org/alignkg/state/RUS>\n"},
    "text/turtle": {"schema": {"type": "string"}},
    "application/n-triples": {"schema": {"type": "string"}},
    "application/ld+json": {"schema": {"type": "object"}},
    "application/rdf+xml": {"schema": {"type": "string"}},
}
_RESPONSES = {200: {"description": "SPARQL results (SELECT, ASK) or RDF (CONSTRUCT, DESCRIBE), as the Accept "
                                   "header or `format` asks.", "content": _RESULTS},
              **error_responses(400, 401, 403, 406, 413, 415, 422, 429, 503, 504)}
_FORM_FIELDS = {"query", "update", "format", "output", "results", "default-graph-uri", "named-graph-uri"}


@dataclass(frozen=True, slots=True)
class SparqlRequest:
    """A query as the protocol carried it, with the format asked by name, if any."""

    query: str | None
    format: str | None
    datasets: bool


async def format_params(
    format: Annotated[str | None, Query(description="Result format by name, instead of the Accept header: json, "
                                                    "xml, csv, tsv; turtle, ntriples, jsonld, rdfxml.")] = None,
    output: Annotated[str | None, Query(description="The same as `format` (sent by some clients).")] = None,
    results: Annotated[str | None, Query(description="The same as `format` (sent by some clients).")] = None,
    default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri", description="Not supported: "
                                                         "the default graph is the union of all graphs.")] = None,
    named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri",
                                                       description="Not supported.")] = None,
) -> SparqlRequest:
    """Read the protocol's parameters other than the query from the URL."""
    return SparqlRequest(None, format or output or results, bool(default_graph_uri or named_graph_uri))


FormatDep = Annotated[SparqlRequest, Depends(format_params)]


async def posted_query(request: Request, url: FormatDep) -> SparqlRequest:
    """Read a query POSTed as a form or as an ``application/sparql-query`` body.

    Raises:
        ApiError: a SPARQL Update (403), an unknown form field (400), a body that is not UTF-8
            (400), or another media type (415).
    """
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    body = await request.body()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ApiError("invalid_request", f"the body is not valid UTF-8 (byte {err.start})") from err
    if media == "application/sparql-query":
        return SparqlRequest(text, url.format, url.datasets)
    if media == "application/sparql-update":
        raise ApiError("query_refused", "SPARQL Update is refused: this endpoint is read-only")
    if media != "application/x-www-form-urlencoded":
        raise ApiError("unsupported_media_type", f"cannot read a {media or 'body without Content-Type'}; send "
                                                 "application/sparql-query or application/x-www-form-urlencoded")
    fields = parse_qsl(text, keep_blank_values=True)
    unknown = sorted({name for name, _ in fields} - _FORM_FIELDS)
    if unknown:
        raise ApiError("unknown_parameter", f"unknown form field(s) {', '.join(map(repr, unknown))}; "
                                            f"this endpoint accepts: {', '.join(sorted(_FORM_FIELDS))}")
    repeated = sorted({name for name, _ in fields if sum(1 for other, _ in fields if other == name) > 1})
    if repeated:
        raise ApiError("invalid_request", f"form field {', '.join(map(repr, repeated))} is given more than once; "
                                          "it takes one value")
    form = dict(fields)
    if "update" in form:
        raise ApiError("query_refused", "SPARQL Update is refused: this endpoint is read-only")
    datasets = url.datasets or "default-graph-uri" in form or "named-graph-uri" in form
    named = form.get("format") or form.get("output") or form.get("results") or url.format
    return SparqlRequest(form.get("query"), named, datasets)


def _answer(kg: KnowledgeGraph, settings: Settings, request: Request, sparql: SparqlRequest) -> Response:
    if sparql.datasets:
        raise ApiError("invalid_request", "default-graph-uri and named-graph-uri are not supported: the default "
                                          "graph is the union of all graphs; use GRAPH (or FROM) in the query")
    if not sparql.query:
        raise ApiError("invalid_request", "no query: pass it as 'query' (GET or form) or POST it as "
                                          "application/sparql-query")
    result = kg.run_sparql(sparql.query, accept=request.headers.get("accept"), format=sparql.format,
                           timeout_s=None, max_rows=settings.max_result_rows, max_bytes=settings.max_result_bytes,
                           allow_service=settings.allow_service)
    return Response(result.body, media_type=result.media_type, headers={"Vary": "Accept"})


@router.get("/sparql", summary="SPARQL 1.1 query (read-only)", response_class=Response, responses=_RESPONSES)
def sparql_get(request: Request, kg: KGDep, settings: SettingsDep, url: FormatDep,
               query: Annotated[str | None, Query(description="The SPARQL query; the project's prefixes (ak:, "
                                                              "state:, fact:, oa:, schema:...) are predeclared.",
                                                  examples=[_EXAMPLE])] = None) -> Response:
    """Run a SPARQL query given in the URL; updates and SERVICE are refused."""
    return _answer(kg, settings, request, SparqlRequest(query, url.format, url.datasets))


@router.post("/sparql", summary="SPARQL 1.1 query by POST (read-only)", response_class=Response,
             responses=_RESPONSES, openapi_extra={"requestBody": {"required": True, "content": {
                 "application/sparql-query": {"schema": {"type": "string"}, "example": _EXAMPLE},
                 "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
                     "query": {"type": "string"}, "format": {"type": "string"}}, "required": ["query"]}}}}})
def sparql_post(request: Request, kg: KGDep, settings: SettingsDep,
                sparql: Annotated[SparqlRequest, Depends(posted_query)]) -> Response:
    """Run a SPARQL query sent as a form or as an ``application/sparql-query`` body."""
    return _answer(kg, settings, request, sparql)
