"""The public SPARQL endpoint: the policy check, a deadline, a row cap, result formats.

What may run when a query comes from outside, and how its results are written:

* **Read-only, no federation.** :mod:`alignkg.graph.query.policy` reads the parse tree:
  an Update request is refused (:class:`QueryRefusedError`), and so is ``SERVICE`` unless
  ``allow_service``. The store runs that check (:meth:`alignkg.graph.store.base.Store.check`):
  a server's store runs it in a worker process with the query's deadline. Queries then run
  through :meth:`alignkg.graph.store.base.Store.query`, which cannot write, so a parser
  disagreement could at worst refuse a query, never run an update.
* **A deadline.** The query, its check and its serialization must end by the deadline in
  force (``timeout_s`` from now, or an enclosing one), else :class:`QueryLimitError` with code
  ``query_timeout``. A server's store kills the worker process that runs a late query, so
  its work stops (:mod:`alignkg.graph.store.pool`); the embedded store checks the deadline
  between rows.
* **A row cap.** At most ``max_rows`` solutions (or triples), and at most ``max_bytes`` bytes
  of them, are read; one more ends the query with :class:`QueryLimitError`, code
  ``result_too_large``, while the results stream, before anything is built whole. Results
  are never cut silently: a truncated CSV or JSON result would look complete to a SPARQL
  client.
* **Formats.** SELECT and ASK results are written as SPARQL results in JSON, XML, CSV or
  TSV, CONSTRUCT and DESCRIBE results as Turtle, N-Triples, JSON-LD or RDF/XML, all by
  pyoxigraph, chosen from an HTTP ``Accept`` header or a format name.

The limit errors share :class:`QueryLimitError` and differ by their ``code``
(``query_timeout``, ``result_too_large``, ``query_too_complex``), which the HTTP layer maps
to a status. This module knows nothing of HTTP beyond the syntax of an ``Accept`` header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, parse_query_results, serialize

from alignkg.graph import namespace as ns
from alignkg.graph.errors import AlignkgError, InvalidInputError, QuerySyntaxError, StoreError
from alignkg.graph.query.policy import MAX_QUERY_CHARS, QueryForm, QueryInfo, inspect_query, may_call_service
from alignkg.graph.rdf.export import ExportFormat
from alignkg.graph.store.base import Store
from alignkg.graph.store.deadline import check_deadline, deadline
from alignkg.graph.store.results import Solutions

__all__ = ["MAX_QUERY_CHARS", "QueryForm", "QueryInfo", "SparqlResult", "inspect_query", "negotiate", "run_sparql"]


@dataclass(frozen=True, slots=True)
class SparqlResult:
    """The serialized results of a query: the bytes, their media type, the query form and the rows written.

    ``count`` is the number of solutions (SELECT), triples (CONSTRUCT, DESCRIBE) or 1 (ASK).
    """

    body: bytes
    media_type: str
    form: QueryForm
    count: int


# --- formats: one table per kind of result, in the server's order of preference ------------------

_SOLUTION_FORMATS: dict[QueryResultsFormat, tuple[str, ...]] = {
    QueryResultsFormat.JSON: ("json", "application/json"),
    QueryResultsFormat.XML: ("xml", "application/xml", "text/xml"),
    QueryResultsFormat.CSV: ("csv",),
    QueryResultsFormat.TSV: ("tsv",),
}
#: The RDF formats a graph result is written in (the dataset formats of ExportFormat do not apply).
_GRAPH_FORMATS: tuple[ExportFormat, ...] = (ExportFormat.TURTLE, ExportFormat.NTRIPLES, ExportFormat.JSONLD,
                                            ExportFormat.RDFXML)
_E = TypeVar("_E", bound=AlignkgError)


def _bare(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def _accepted_ranges(accept: str) -> list[tuple[str, float]]:
    """Return the (media range, q) pairs of an Accept header, skipping malformed parts."""
    ranges = []
    for part in accept.split(","):
        media, *params = part.split(";")
        media = media.strip().lower()
        if "/" not in media:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality))
    return ranges


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """Return the offered media type an HTTP ``Accept`` header prefers, or None when it accepts none.

    Each offer gets the q of the most specific range that matches it (``type/sub``,
    then ``type/*``, then ``*/*``); the highest q wins, ties going to the earlier offer.
    No header (or one with no usable range) accepts the first offer.

    Args:
        accept: the header's value, or None.
        offers: the media types the server can write, in its order of preference.

    Returns:
        One of ``offers``, or None when every offer has q=0 or matches no range.

    Example:
        >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", ["application/sparql-results+json",
        ...           "application/sparql-results+xml", "text/csv"])
        'application/sparql-results+xml'
        >>> negotiate("image/png", ["text/turtle"]) is None
        True
        >>> negotiate(None, ["text/turtle", "application/n-triples"])
        'text/turtle'
    """
    ranges = _accepted_ranges(accept or "")
    if not ranges:
        return offers[0] if offers else None
    best: tuple[float, str] | None = None
    for offer in offers:
        kind = _bare(offer).split("/", 1)[0]
        quality, specificity = 0.0, -1
        for media, q in ranges:
            level = 3 if media == _bare(offer) else 2 if media == f"{kind}/*" else 1 if media == "*/*" else -1
            if level > specificity:
                quality, specificity = q, level
        if specificity >= 0 and quality > 0 and (best is None or quality > best[0]):
            best = (quality, offer)
    return best[1] if best else None


def _media_of(fmt: QueryResultsFormat | ExportFormat) -> str:
    return _bare(fmt.media_type)


def _choose(form: QueryForm, accept: str | None, format: str | None) -> QueryResultsFormat | ExportFormat:
    """Return the format to write a ``form`` result in: the named ``format``, else the one ``accept`` prefers.

    Raises:
        InvalidInputError: code ``not_acceptable``; no format fits.
    """
    formats: Sequence[QueryResultsFormat | ExportFormat] = (_GRAPH_FORMATS if form.returns_graph
                                                            else list(_SOLUTION_FORMATS))
    if format is not None:
        named = _format_names(form).get(format.strip().lower())
        if named is not None:
            return named
        raise _coded(InvalidInputError(f"format {format!r} is not available for a {form.value.upper()} query; "
                                       f"expected one of {', '.join(_short_names(form))}"), "not_acceptable")
    offers = {_media_of(fmt): fmt for fmt in formats}
    aliases = {alias: fmt for fmt, extra in _SOLUTION_FORMATS.items() for alias in extra if "/" in alias}
    if not form.returns_graph:
        offers.update(aliases)
    chosen = negotiate(accept, list(offers))
    if chosen is None:
        raise _coded(InvalidInputError(
            f"cannot write the results of a {form.value.upper()} query as {accept!r}; "
            f"acceptable media types: {', '.join(_media_of(f) for f in formats)}"), "not_acceptable")
    return offers[chosen]


def _format_names(form: QueryForm) -> dict[str, QueryResultsFormat | ExportFormat]:
    """Return every name a format of ``form`` results is known by: short names, extensions, media types."""
    names: dict[str, QueryResultsFormat | ExportFormat] = {}
    if form.returns_graph:
        for fmt in _GRAPH_FORMATS:  # the export's one table of names (ExportFormat.names)
            names.update(dict.fromkeys((*fmt.names, _media_of(fmt)), fmt))
    else:
        for result_format, aliases in _SOLUTION_FORMATS.items():
            for name in (result_format.file_extension, _media_of(result_format), *aliases):
                names[name] = result_format
    return names


def _short_names(form: QueryForm) -> list[str]:
    if form.returns_graph:
        return [fmt.value for fmt in _GRAPH_FORMATS]
    return [aliases[0] for aliases in _SOLUTION_FORMATS.values()]


def _coded(error: _E, code: str) -> _E:
    """Give an error the code of the situation it reports (the class's code stays the default)."""
    error.code = code
    return error


def run_sparql(store: Store, query: str, *, accept: str | None = None, format: str | None = None,
               timeout_s: float | None = 10.0, max_rows: int = 10_000, max_bytes: int | None = None,
               allow_service: bool = False, prefixes: Mapping[str, str] | None = None,
               isolated: bool = False) -> SparqlResult:
    """Run a read-only SPARQL query under the endpoint's policy; return its results serialized.

    Args:
        store: the store to query (the union of its graphs is the default graph).
        query: the SPARQL 1.1 query text.
        accept: an HTTP ``Accept`` header choosing the result format (default: JSON results, Turtle).
        format: a format name that wins over ``accept`` (``json``, ``xml``, ``csv``, ``tsv`` for
            SELECT and ASK; ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml`` for CONSTRUCT and DESCRIBE).
        timeout_s: seconds the check, the query and the serialization may take in all (None: only
            the deadline in force, if any).
        max_rows: the most solutions or triples returned; more is an error.
        max_bytes: the most bytes of results read (None: no limit); more is an error.
        allow_service: whether ``SERVICE`` clauses may call other endpoints.
        prefixes: prefixes predeclared for the query (default: the project's, ``ak:``, ``state:``...).
        isolated: whether the store parses and runs queries in processes of their own (a server's
            :class:`~alignkg.graph.store.pool.CheckpointStore`). A text that cannot call a SERVICE
            (:func:`~alignkg.graph.query.policy.may_call_service`) is then parsed once, by the store,
            which cannot run an update; its form comes from its results. Elsewhere every text is
            checked first: pyoxigraph's parser and planner recurse on nesting and crash the process
            past a few thousand levels (``{``, ``(``, ``||``, ``UNION``...), which the check refuses.

    Returns:
        The serialized results with their media type.

    Raises:
        QueryRefusedError: an update, or ``SERVICE`` while ``allow_service`` is false.
        QuerySyntaxError: the query does not parse.
        InvalidInputError: code ``not_acceptable``; no result format fits ``accept`` or ``format``.
        QueryLimitError: code ``query_timeout``, ``result_too_large`` or ``query_too_complex``.
        StoreError: the store failed while answering.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> kg = KnowledgeGraph.in_memory()
        >>> _ = kg.ingest("Iran sold drones to Russia.", id="a1")
        >>> result = run_sparql(kg.store, "SELECT ?x WHERE { ?x ak:armsTransfer state:RUS }", accept="text/csv")
        >>> result.media_type, result.body.decode().split()
        ('text/csv; charset=utf-8', ['x', 'https://w3id.org/alignkg/state/IRN'])
        >>> run_sparql(kg.store, "INSERT DATA { state:IRN ak:alliance state:RUS }")
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.QueryRefusedError: SPARQL Update (INSERT DATA) is refused: this endpoint is read-only
        >>> kg.close()
    """
    if (timeout_s is not None and timeout_s <= 0) or max_rows < 0:
        raise ValueError("timeout_s must be positive and max_rows at least 0")
    with deadline(timeout_s):
        # A text that cannot call a SERVICE is parsed once, by the store, which cannot run an update;
        # only a text that may (or one the store cannot parse, for the error to give) is checked apart.
        checked = may_call_service(query) or not isolated or len(query) > MAX_QUERY_CHARS
        info = store.check(query, allow_service=allow_service) if checked else None
        chosen = _choose(info.form, accept, format) if info is not None else None
        try:
            results = store.query(query, prefixes=dict(ns.PREFIXES if prefixes is None else prefixes),
                                  max_rows=max_rows, max_bytes=max_bytes)
        except QuerySyntaxError:
            if info is None:
                store.check(query, allow_service=allow_service)  # an update is refused, bad syntax located
            raise
        except OSError as err:
            raise StoreError(f"the query failed while running: {err}") from err
        form = info.form if info is not None else _form_of(results)
        if chosen is None:
            try:
                chosen = _choose(form, accept, format)
            except InvalidInputError:
                # results may hold pyoxigraph objects, freed only on this thread: the error leaves it with this frame
                del results
                raise
        try:
            return _write(results, form, chosen, prefixes)
        except OSError as err:
            raise StoreError(f"the query failed while running: {err}") from err


def _form_of(results: Any) -> QueryForm:
    """Return the form of a query from its results (a graph result is reported as CONSTRUCT, DESCRIBE's too)."""
    if isinstance(results, bool):
        return QueryForm.ASK
    return QueryForm.SELECT if isinstance(results, Solutions) else QueryForm.CONSTRUCT


def _write(results: Any, form: QueryForm, chosen: QueryResultsFormat | ExportFormat,
           prefixes: Mapping[str, str] | None) -> SparqlResult:
    """Serialize results already read under the caps, checking the deadline once they are written."""
    if isinstance(results, bool):
        assert isinstance(chosen, QueryResultsFormat)
        body = _boolean(results, chosen)
        count = 1
    elif isinstance(results, Solutions):
        assert isinstance(chosen, QueryResultsFormat)
        rows = list(results)
        body = _solutions(list(results.variables), rows, chosen)
        count = len(rows)
    else:
        assert isinstance(chosen, ExportFormat)
        triples = list(results)
        body = serialize(triples, format=chosen.rdf_format,
                         prefixes=dict(ns.PREFIXES if prefixes is None else prefixes)) or b""
        count = len(triples)
    check_deadline()
    return SparqlResult(body, chosen.media_type, form, count)


def _boolean(value: bool, fmt: QueryResultsFormat) -> bytes:
    answer = parse_query_results(b'{"head": {}, "boolean": %s}' % (b"true" if value else b"false"),
                                 QueryResultsFormat.JSON)
    assert isinstance(answer, QueryBoolean)
    return answer.serialize(format=fmt) or b""


def _solutions(variables: Sequence[Any], rows: Sequence[Any], fmt: QueryResultsFormat) -> bytes:
    """Write solutions already read in ``fmt``, through pyoxigraph's own serializers.

    pyoxigraph writes only live ``QuerySolutions``, so the rows are written as SPARQL TSV (each
    term in its escaped N-Triples form, which is what the TSV format holds) and read back as
    ``QuerySolutions``, which are then serialized. The round trip is exact.
    """
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines.extend("\t".join("" if term is None else str(term) for term in row) for row in rows)
    solutions = parse_query_results("\n".join(lines) + "\n", QueryResultsFormat.TSV)
    assert isinstance(solutions, QuerySolutions)
    return solutions.serialize(format=fmt) or b""
