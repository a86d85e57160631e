"""What a SPARQL text from outside may be: a query (never an update) and, unless allowed, without SERVICE.

The check reads rdflib's SPARQL 1.1 parse tree, never the text: an Update request
(``INSERT DATA``, ``DROP ALL``, ``LOAD``...) is refused with :class:`QueryRefusedError`
however it is hidden behind comments or prefixes, and a ``SERVICE`` clause anywhere in
the tree (``OPTIONAL``, ``FILTER EXISTS``, a subquery...) is found wherever it is. Text the
grammar cannot read is a :class:`QuerySyntaxError` (its SERVICE clauses could not be seen).

The parser is pyparsing's, which recurses once per nesting level and once per triple of a
basic graph pattern, and is slow on long texts: a text over :data:`MAX_QUERY_CHARS` is
refused before parsing, and one too deep for the interpreter's stack is refused with
code ``query_too_complex`` (400) instead of failing. Where it can, the store runs this
check in a worker process with a large stack and the query's deadline
(:meth:`alignkg.graph.store.pool.CheckpointStore.check`), so a slow parse is killed and
never waits on, or holds, a lock of the server. This module never runs a query.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from alignkg.graph.errors import QueryLimitError, QueryRefusedError, QuerySyntaxError

__all__ = ["MAX_QUERY_CHARS", "QueryForm", "QueryInfo", "check", "inspect_query", "may_call_service",
           "service_refused"]

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


_FORMS = {"SelectQuery": QueryForm.SELECT, "AskQuery": QueryForm.ASK, "ConstructQuery": QueryForm.CONSTRUCT,
          "DescribeQuery": QueryForm.DESCRIBE}
_UPDATES = {"Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
            "Copy": "COPY", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
            "Modify": "DELETE/INSERT"}

#: pyparsing's grammar objects are shared, and rdflib's parser is not safe to run from two threads at
#: once: in one process the parse is serialised. The service parses in worker processes instead.
_PARSE_LOCK = threading.Lock()
#: The results of recent checks, by a digest of the text (not the text: a cache of 100 KB keys would
#: hold megabytes).
_CACHE: OrderedDict[bytes, QueryInfo] = OrderedDict()
_CACHE_SIZE = 512


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


def inspect_query(query: str) -> QueryInfo:
    r"""Return the form of a SPARQL query and whether it has a SERVICE clause, from its parse tree.

    The info is cached per text, so a client repeating a query pays the parse once.

    Args:
        query: the text of the request.

    Returns:
        The query's form and whether a ``SERVICE`` clause appears anywhere in it.

    Raises:
        QueryRefusedError: the text is a SPARQL Update request (the message names the operation).
        QuerySyntaxError: the text is neither a query nor an update, with line and column, or it
            is longer than :data:`MAX_QUERY_CHARS`.
        QueryLimitError: code ``query_too_complex``; the text nests deeper than the parser can follow.

    Example:
        >>> inspect_query("SELECT ?x WHERE { ?x a ak:State }")
        QueryInfo(form=<QueryForm.SELECT: 'select'>, service=False)
        >>> inspect_query("# a comment\nPREFIX ex: <http://example.org/>\nDROP ALL")
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.QueryRefusedError: SPARQL Update (DROP) is refused: this endpoint is read-only
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"the query is {len(query):,} characters long; at most {MAX_QUERY_CHARS:,} "
                               "are accepted")
    key = hashlib.sha256(query.encode("utf-8", "surrogatepass")).digest()
    with _PARSE_LOCK:
        info = _CACHE.get(key)
        if info is None:
            info = _inspect(query)
            _CACHE[key] = info
            if len(_CACHE) > _CACHE_SIZE:
                _CACHE.popitem(last=False)
        else:
            _CACHE.move_to_end(key)
    return info


def _inspect(query: str) -> QueryInfo:
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import parser

    try:
        tree = parser.parseQuery(query)
    except RecursionError:
        raise _too_complex() from None
    except (ParseBaseException, ValueError) as err:
        try:
            update = parser.parseUpdate(query)
        except RecursionError:
            raise _too_complex() from None
        except (ParseBaseException, ValueError):
            raise _syntax_error(err) from None
        operations = [_UPDATES[name] for name in _walk(update) if name in _UPDATES]
        if not operations:  # an empty update: only comments or prefixes
            raise _syntax_error(err) from None
        kinds = ", ".join(dict.fromkeys(reversed(operations)))
        raise QueryRefusedError(f"SPARQL Update ({kinds}) is refused: this endpoint is read-only") from None
    names = list(_walk(tree))
    form = next(_FORMS[name] for name in names if name in _FORMS)
    return QueryInfo(form, "ServiceGraphPattern" in names)


def _too_complex() -> QueryLimitError:
    error = QueryLimitError("the query nests too deeply for the server's SPARQL checker (groups, brackets or "
                            "expressions inside one another); flatten it or split it into several queries")
    error.code = "query_too_complex"
    return error


def _syntax_error(err: Exception) -> QuerySyntaxError:
    from pyparsing import ParseBaseException

    if isinstance(err, ParseBaseException):
        context = f"{err.line}\n{' ' * (err.col - 1)}^" if err.line else None
        return QuerySyntaxError(f"SPARQL syntax error: {err.msg}", line=err.lineno, column=err.col,
                                context=context)
    return QuerySyntaxError(f"SPARQL syntax error: {err}")


def check(query: str, *, allow_service: bool = False) -> QueryInfo:
    """Return what a query from outside is, or refuse it: updates always, ``SERVICE`` unless ``allow_service``.

    Raises:
        QueryRefusedError: an update, or ``SERVICE`` while ``allow_service`` is false.
        QuerySyntaxError: the text does not parse, or is too long.
        QueryLimitError: code ``query_too_complex``; too deep for the parser.

    Example:
        >>> check("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.QueryRefusedError: SERVICE (a federated query) is refused: ...
    """
    info = inspect_query(query)
    if info.service and not allow_service:
        raise service_refused()
    return info


def may_call_service(query: str) -> bool:
    r"""Return whether a text could hold a SERVICE clause, without parsing it: False only when it cannot.

    SPARQL keywords are case-insensitive and may be spelled with codepoint escapes (``\u0053ERVICE``),
    which are replaced before parsing; a text with neither ``service`` in any case nor a ``\u``
    or ``\U`` escape cannot call a SERVICE. Such a text needs no check of its own: the store
    parses it as a query or refuses it (it cannot run an update), so the endpoint parses it once
    (``run_sparql``). Any other text gets the whole check (:func:`check`).

    Example:
        >>> may_call_service("SELECT * WHERE { ?s ?p ?o }"), may_call_service("select * { SeRvIcE <x> { } }")
        (False, True)
        >>> may_call_service(r"SELECT * WHERE { \u0053ERVICE <x> { } }")
        True
    """
    return "service" in query.casefold() or "\\u" in query or "\\U" in query


def service_refused() -> QueryRefusedError:
    """Return the error of a query with ``SERVICE`` on a server that does not allow it."""
    return QueryRefusedError("SERVICE (a federated query) is refused: this endpoint does not call other hosts "
                             "(the server's allow_service setting is off)")
