"""The policy of the public SPARQL endpoint: read-only, no SERVICE, a deadline, a row cap, result formats.

What may run when a query comes from outside, and how its results are written:

* **Read-only.** A request is parsed with rdflib's SPARQL 1.1 grammar (the parse
  tree, never a regex on the text). An Update request (``INSERT DATA``, ``DROP ALL``,
  ``LOAD``, ``CLEAR``, ``CREATE``...) is refused with :class:`QueryRefusedError`,
  however it is hidden behind comments or prefixes; text that is neither a query nor an
  update is a :class:`QuerySyntaxError`. Queries then run through
  :meth:`alignkg.graph.store.base.Store.query`, which cannot write, so a parser disagreement
  could at worst refuse a query, never run an update.
* **No federation.** A ``SERVICE`` clause anywhere in the parse tree (in ``OPTIONAL``,
  ``FILTER EXISTS``, a subquery...) is refused unless ``allow_service``: pyoxigraph
  would otherwise call the named host. Text the rdflib grammar cannot read is refused
  as a syntax error for the same reason (its SERVICE clauses could not be seen).
* **A deadline.** pyoxigraph has no timeout, so the query runs in a daemon worker
  thread and the caller stops waiting after ``timeout_s`` (:class:`QueryLimitError`,
  code ``query_timeout``). pyoxigraph cannot be interrupted: a query that streams rows
  stops at its next row, one that must finish first (``ORDER BY``, aggregates) runs to
  its end in the background. While ``max_stalled`` such queries still run, new ones are
  refused at once (code ``busy``), so slow queries cannot pile up.
* **A row cap.** At most ``max_rows`` solutions (or triples) are read; one more ends the
  query with :class:`QueryLimitError`, code ``result_too_large``. Results are never cut
  silently: a truncated CSV or JSON result would look complete to a SPARQL client.
* **Formats.** SELECT and ASK results are written as SPARQL results in JSON, XML, CSV or
  TSV, CONSTRUCT and DESCRIBE results as Turtle, N-Triples, JSON-LD or RDF/XML, all by
  pyoxigraph, chosen from an HTTP ``Accept`` header or a format name.

The three limit errors share :class:`QueryLimitError` and differ by their ``code``
(``query_timeout``, ``result_too_large``, ``busy``), which the HTTP layer maps to a
status. This module knows nothing of HTTP beyond the syntax of an ``Accept`` header.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache, partial
from typing import Any, TypeVar

from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, parse_query_results, serialize

from alignkg.graph import namespace as ns
from alignkg.graph.errors import (
    AlignkgError,
    InvalidInputError,
    QueryLimitError,
    QueryRefusedError,
    QuerySyntaxError,
    StoreError,
)
from alignkg.graph.rdf.export import ExportFormat
from alignkg.graph.store.base import Store, detach_tracebacks

_log = logging.getLogger(__name__)

__all__ = ["QueryForm", "QueryInfo", "SparqlResult", "inspect_query", "negotiate", "run_sparql"]

#: The longest query text parsed; longer ones are refused before any parsing.
MAX_QUERY_CHARS = 100_000


class QueryForm(StrEnum):
    """The four forms of a SPARQL query."""

    SELECT = "select"
    ASK = "ask"
    CONSTRUCT = "construct"
    DESCRIBE = "describe"

    @property
    def returns_graph(self) -> bool:
        """Whether the results are triples (CONSTRUCT, DESCRIBE) rather than solutions or a boolean."""
        return self in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE)


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """What the parse tree of a query says: its form and whether it calls a SERVICE."""

    form: QueryForm
    service: bool


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
_FORMS = {"SelectQuery": QueryForm.SELECT, "AskQuery": QueryForm.ASK, "ConstructQuery": QueryForm.CONSTRUCT,
          "DescribeQuery": QueryForm.DESCRIBE}
_UPDATES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
            "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
            "Modify": "DELETE/INSERT"}
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
        for fmt in _GRAPH_FORMATS:
            for name in (fmt.value, fmt.rdf_format.file_extension, _media_of(fmt)):
                names[name] = fmt
        names.update({"json": ExportFormat.JSONLD, "json-ld": ExportFormat.JSONLD, "xml": ExportFormat.RDFXML,
                      "ttl": ExportFormat.TURTLE, "n-triples": ExportFormat.NTRIPLES,
                      "rdf+xml": ExportFormat.RDFXML})
    else:
        for result_format, aliases in _SOLUTION_FORMATS.items():
            for name in (result_format.file_extension, _media_of(result_format), *aliases):
                names[name] = result_format
    return names


def _short_names(form: QueryForm) -> list[str]:
    if form.returns_graph:
        return [fmt.value for fmt in _GRAPH_FORMATS]
    return [aliases[0] for aliases in _SOLUTION_FORMATS.values()]


# --- the policy: parse, classify, look for SERVICE --------------------------------------------------

_PARSE_LOCK = threading.Lock()


def _coded(error: _E, code: str) -> _E:
    """Give an error the code of the situation it reports (the class's code stays the default)."""
    error.code = code
    return error


def _walk(node: Any) -> Iterable[str]:
    """Yield the name of every rule of an rdflib parse tree (``CompValue`` nodes), depth first."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item.name
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


@lru_cache(maxsize=512)
def inspect_query(query: str) -> QueryInfo:
    r"""Return the form of a SPARQL query and whether it has a SERVICE clause, from its parse tree.

    The result is cached per query text, so a client repeating a query pays the parse once.

    Args:
        query: the text of the request.

    Returns:
        The query's form and whether a ``SERVICE`` clause appears anywhere in it.

    Raises:
        QueryRefusedError: the text is a SPARQL Update request (the message names the operation).
        QuerySyntaxError: the text is neither a query nor an update, with line and column.

    Example:
        >>> inspect_query("SELECT ?x WHERE { ?x a ak:State }")
        QueryInfo(form=<QueryForm.SELECT: 'select'>, service=False)
        >>> inspect_query("# a comment\nPREFIX ex: <http://example.org/>\nDROP ALL")
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.QueryRefusedError: SPARQL Update (DROP) is refused: this endpoint is read-only
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import parser

    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"the query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} "
                               "are accepted")
    with _PARSE_LOCK:
        try:
            tree = parser.parseQuery(query)
        except (ParseBaseException, ValueError) as err:
            try:
                update = parser.parseUpdate(query)
            except (ParseBaseException, ValueError):
                raise _syntax_error(err) from err
            operations = [_UPDATES[name] for name in _walk(update) if name in _UPDATES]
            if not operations:  # an empty update: only comments or prefixes
                raise _syntax_error(err) from err
            kinds = ", ".join(dict.fromkeys(reversed(operations)))
            raise QueryRefusedError(f"SPARQL Update ({kinds}) is refused: this endpoint is read-only") from None
    names = list(_walk(tree))
    form = next(_FORMS[name] for name in names if name in _FORMS)
    return QueryInfo(form, "ServiceGraphPattern" in names)


def _syntax_error(err: Exception) -> QuerySyntaxError:
    from pyparsing import ParseBaseException

    if isinstance(err, ParseBaseException):
        context = f"{err.line}\n{' ' * (err.col - 1)}^" if err.line else None
        return QuerySyntaxError(f"SPARQL syntax error: {err.msg}", line=err.lineno, column=err.col,
                                context=context)
    return QuerySyntaxError(f"SPARQL syntax error: {err}")


def _check(query: str, allow_service: bool) -> QueryInfo:
    info = inspect_query(query)
    if info.service and not allow_service:
        raise QueryRefusedError("SERVICE (a federated query) is refused: this endpoint does not call other "
                                "hosts (the server's allow_service setting is off)")
    return info


# --- running: a worker thread, a deadline, a row cap ------------------------------------------------

class _Stalled:
    """The count of queries still running after their caller stopped waiting."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0


_STALLED = _Stalled()


class _Job:
    """One query run in a worker thread; the caller waits on ``done`` up to its deadline."""

    def __init__(self, work: Callable[[threading.Event], SparqlResult]) -> None:
        self.work = work
        self.cancelled = threading.Event()
        self.done = threading.Event()
        self.result: SparqlResult | None = None
        self.error: Exception | None = None
        self.stalled = False

    def run(self) -> None:
        try:
            self.result = self.work(self.cancelled)
        except Exception as err:  # noqa: BLE001 - handed to the waiting caller, which raises it
            if not isinstance(err, AlignkgError):
                _log.exception("SPARQL query failed in its worker thread")
            self.error = detach_tracebacks(err)
        finally:
            with _STALLED.lock:
                self.done.set()
                if self.stalled:
                    _STALLED.count -= 1

    def abandon(self) -> bool:
        """Stop waiting: return False if the job finished meanwhile, else count it as stalled."""
        with _STALLED.lock:
            if self.done.is_set():
                return False
            self.cancelled.set()
            self.stalled = True
            _STALLED.count += 1
            return True


def run_sparql(store: Store, query: str, *, accept: str | None = None, format: str | None = None,
               timeout_s: float = 10.0, max_rows: int = 10_000, allow_service: bool = False,
               prefixes: Mapping[str, str] | None = None, max_stalled: int = 4) -> SparqlResult:
    """Run a read-only SPARQL query under the endpoint's policy; return its results serialized.

    Args:
        store: the store to query (the union of its graphs is the default graph).
        query: the SPARQL 1.1 query text.
        accept: an HTTP ``Accept`` header choosing the result format (default: JSON results, Turtle).
        format: a format name that wins over ``accept`` (``json``, ``xml``, ``csv``, ``tsv`` for
            SELECT and ASK; ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml`` for CONSTRUCT and DESCRIBE).
        timeout_s: seconds to wait for the results, serialization included.
        max_rows: the most solutions or triples returned; more is an error.
        allow_service: whether ``SERVICE`` clauses may call other endpoints.
        prefixes: prefixes predeclared for the query (default: the project's, ``ak:``, ``state:``...).
        max_stalled: refuse new queries while this many abandoned ones still run.

    Returns:
        The serialized results with their media type.

    Raises:
        QueryRefusedError: an update, or ``SERVICE`` while ``allow_service`` is false.
        QuerySyntaxError: the query does not parse.
        InvalidInputError: code ``not_acceptable``; no result format fits ``accept`` or ``format``.
        QueryLimitError: code ``query_timeout``, ``result_too_large`` or ``busy``.
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
    if timeout_s <= 0 or max_rows < 0:
        raise ValueError("timeout_s must be positive and max_rows at least 0")
    with _STALLED.lock:
        stalled = _STALLED.count
    if stalled >= max_stalled:
        raise _coded(QueryLimitError(f"{stalled} earlier queries are still running past their time limit; "
                                     "try again later"), "busy")
    work = partial(_execute, store, query, accept, format, max_rows, allow_service,
                   dict(ns.PREFIXES if prefixes is None else prefixes))
    job = _Job(work)
    threading.Thread(target=job.run, name="alignkg-sparql", daemon=True).start()
    if not job.done.wait(timeout_s) and job.abandon():
        raise _coded(QueryLimitError(f"the query ran past the time limit of {timeout_s:g} s (query_timeout_s) "
                                     "and was abandoned; narrow it or add a LIMIT"), "query_timeout")
    if job.error is not None:
        raise job.error
    assert job.result is not None
    return job.result


def _execute(store: Store, query: str, accept: str | None, format: str | None, max_rows: int,
             allow_service: bool, prefixes: dict[str, str], cancelled: threading.Event) -> SparqlResult:
    # The checks parse with pyparsing, whose exceptions keep this frame alive in reference cycles;
    # the pyoxigraph results therefore live only in _answer's frame, freed on this thread.
    info = _check(query, allow_service)
    chosen = _choose(info.form, accept, format)
    try:
        return _answer(store, query, prefixes, info.form, chosen, max_rows, cancelled)
    except OSError as err:
        raise StoreError(f"the query failed while running: {err}") from err


def _answer(store: Store, query: str, prefixes: dict[str, str], form: QueryForm,
            chosen: QueryResultsFormat | ExportFormat, max_rows: int, cancelled: threading.Event) -> SparqlResult:
    results = store.query(query, prefixes=prefixes)
    if isinstance(results, QueryBoolean):
        assert isinstance(chosen, QueryResultsFormat)
        return SparqlResult(results.serialize(format=chosen) or b"", chosen.media_type, form, 1)
    if isinstance(results, QuerySolutions):
        assert isinstance(chosen, QueryResultsFormat)
        variables = list(results.variables)
        rows = _collect(results, max_rows, cancelled, "rows")
        return SparqlResult(_write_solutions(variables, rows, chosen), chosen.media_type, form, len(rows))
    assert isinstance(chosen, ExportFormat)
    triples = _collect(results, max_rows, cancelled, "triples")
    body = serialize(triples, format=chosen.rdf_format, prefixes=prefixes) or b""
    return SparqlResult(body, chosen.media_type, form, len(triples))


def _collect(results: Iterable[Any], max_rows: int, cancelled: threading.Event, what: str) -> list[Any]:
    """Read up to ``max_rows`` results; stop when the caller gave up, fail on one more."""
    items: list[Any] = []
    for item in results:
        if cancelled.is_set():
            raise _coded(QueryLimitError("the query was abandoned"), "query_timeout")
        if len(items) == max_rows:
            raise _coded(QueryLimitError(
                f"the query returns more than {max_rows:,} {what}, the limit of this server (max_result_rows); "
                "add a LIMIT (with OFFSET to page through the results) or narrow it"), "result_too_large")
        items.append(item)
    return items


def _write_solutions(variables: Sequence[Any], rows: Sequence[Any], fmt: QueryResultsFormat) -> bytes:
    """Write solutions already read in ``fmt``, through pyoxigraph's own serializers.

    pyoxigraph writes only live ``QuerySolutions``, and the row cap must read them first,
    so the rows are written as SPARQL TSV (each term in its escaped N-Triples form, which
    is what the TSV format holds) and read back as ``QuerySolutions``, which are then
    serialized. The round trip is exact.
    """
    lines = ["\t".join(str(v) for v in variables)]
    lines.extend("\t".join("" if term is None else str(term) for term in row) for row in rows)
    solutions = parse_query_results("\n".join(lines) + "\n", QueryResultsFormat.TSV)
    assert isinstance(solutions, QuerySolutions)
    return solutions.serialize(format=fmt) or b""
