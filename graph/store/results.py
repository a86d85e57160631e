"""Query results as bytes and back, read under a row cap, a byte cap and a deadline.

Both stores read results the same way: :func:`to_bytes` reads a pyoxigraph result one
solution (or triple) at a time, stops with :class:`QueryLimitError` (code
``result_too_large``) at one row past ``max_rows`` or once ``max_bytes`` are written,
and checks the deadline of :mod:`alignkg.graph.store.deadline` between rows; nothing
is built whole before the cap applies. Solutions are written as SPARQL TSV, triples as
N-Triples (each term in its escaped N-Triples form, so the round trip through
:func:`from_bytes` is exact). A worker process sends these bytes to the server; the
embedded store reads them back in place.

It also holds what every store answers (:data:`QueryResult`, plain values whatever the store):
a ``bool`` for ASK, :class:`Solutions` for SELECT, an iterator of triples for CONSTRUCT and
DESCRIBE. Terms are RDF values (``NamedNode``, ``BlankNode``, ``Literal``, ``Triple``), which
hold no store and are built from any SPARQL results format (docs/decisions/20261207-remote-store.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from pyoxigraph import (
    BlankNode,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
)
from pyoxigraph import Literal as RdfLiteral

from alignkg.graph.errors import QueryLimitError
from alignkg.graph.store.deadline import check_deadline

Kind = Literal["boolean", "solutions", "graph"]
#: An RDF term of a result: a value that holds no store (an RDF-star triple is a term too).
Term: TypeAlias = NamedNode | BlankNode | RdfLiteral | Triple


class Solution:
    """One solution of a SELECT query: its values by variable name or by position, None where unbound.

    Example:
        >>> row = Solution({"x": 0, "y": 1}, (NamedNode("https://example.org/a"), None))
        >>> row["x"].value, row[1], row.get("z", "-"), len(row)
        ('https://example.org/a', None, '-', 2)
    """

    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: Sequence[Term | None]) -> None:
        self._index = index
        self._values = tuple(values)

    def __getitem__(self, key: str | int) -> Term | None:
        """Return the value of a variable given by name (without ``?``) or position.

        Raises:
            KeyError: no variable of that name.
        """
        return self._values[key if isinstance(key, int) else self._index[key]]

    def get(self, name: str, default: Any = None) -> Any:
        """Return the value of ``name``, or ``default`` when the query has no such variable."""
        position = self._index.get(name)
        return default if position is None else self._values[position]

    def __iter__(self) -> Iterator[Term | None]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Solution) and self._values == other._values and self._index == other._index

    def __hash__(self) -> int:
        return hash(self._values)

    def __repr__(self) -> str:
        return "Solution(" + ", ".join(f"{name}={self._values[i]}" for name, i in self._index.items()) + ")"


class Solutions:
    """The solutions of a SELECT query: the variable names (without ``?``) and the rows, read once, in order.

    A store answers with these whether it is embedded or remote; they hold no store, so
    they may be read on any thread.

    Example:
        >>> rows = Solutions(["x"], [(NamedNode("https://example.org/a"),)])
        >>> rows.variables, [row["x"].value for row in rows]
        (('x',), ['https://example.org/a'])
    """

    __slots__ = ("_index", "_rows", "variables")

    def __init__(self, variables: Iterable[str], rows: Iterable[Sequence[Term | None]]) -> None:
        self.variables = tuple(variables)
        self._index = {name: i for i, name in enumerate(self.variables)}
        self._rows = iter(rows)

    def __iter__(self) -> Iterator[Solution]:
        return self

    def __next__(self) -> Solution:
        return Solution(self._index, next(self._rows))

    def tuples(self) -> Iterator[Sequence[Term | None]]:
        """Return the rows not yet read, each a sequence of values in the order of :attr:`variables`.

        For a reader of many rows that picks columns by position (``kg.to_networkx()``: one object
        less per row of 96,000).

        Example:
            >>> [tuple(row) for row in Solutions(["x", "y"], [(None, None)]).tuples()]
            [(None, None)]
        """
        return self._rows

    def __repr__(self) -> str:
        return f"Solutions(variables={self.variables!r})"


#: What a store's ``query`` returns: ASK a bool, SELECT :class:`Solutions`, CONSTRUCT and DESCRIBE triples.
QueryResult: TypeAlias = bool | Solutions | Iterator[Triple]


def to_plain(results: Any) -> QueryResult:
    """Return pyoxigraph's answer to a query as plain values, still streamed (:data:`QueryResult`).

    Example:
        >>> from pyoxigraph import Store
        >>> to_plain(Store().query("ASK {}")), list(to_plain(Store().query("SELECT ?x {}")))
        (True, [Solution(x=None)])
    """
    if isinstance(results, (bool, QueryBoolean)):
        return bool(results)
    if isinstance(results, Solutions):
        return results
    if isinstance(results, QuerySolutions):
        return Solutions([v.value for v in results.variables], (tuple(row) for row in results))
    return (triple for triple in results)


@dataclass(frozen=True, slots=True)
class EncodedResults:
    """A query result as bytes: its kind, the number of rows (or triples, or 1), and the bytes."""

    kind: Kind
    count: int
    data: bytes


def too_large(max_rows: int | None, what: str, *, max_bytes: int | None = None) -> QueryLimitError:
    """Return the error of a result over the row cap (or, with ``max_bytes``, over the byte cap)."""
    if max_bytes is not None:
        error = QueryLimitError(f"the query's results are larger than {max_bytes:,} bytes, the limit of this server "
                                "(max_result_bytes); select fewer or shorter values, or add a LIMIT")
    else:
        error = QueryLimitError(f"the query returns more than {max_rows:,} {what}, the limit of this server "
                                "(max_result_rows); add a LIMIT (with OFFSET to page through the results) or "
                                "narrow it")
    error.code = "result_too_large"
    return error


def to_bytes(results: Any, *, max_rows: int | None = None, max_bytes: int | None = None) -> EncodedResults:
    """Read a query result (pyoxigraph's or plain values) under the caps and the current deadline; return its bytes.

    Raises:
        QueryLimitError: code ``result_too_large`` past ``max_rows`` rows or ``max_bytes`` bytes,
            code ``query_timeout`` past the deadline.

    Example:
        >>> from pyoxigraph import Store
        >>> encoded = to_bytes(Store().query('SELECT ?x WHERE { VALUES ?x { "a" "b" } }'), max_rows=2)
        >>> encoded.kind, encoded.count, encoded.data.decode().split()
        ('solutions', 2, ['?x', '"a"', '"b"'])
        >>> to_bytes(Store().query('SELECT ?x WHERE { VALUES ?x { "a" "b" "c" } }'), max_rows=2)
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.QueryLimitError: the query returns more than 2 rows, the limit of this server \
(max_result_rows); add a LIMIT (with OFFSET to page through the results) or narrow it
    """
    results = to_plain(results)
    if isinstance(results, bool):
        return EncodedResults("boolean", 1, b"true" if results else b"false")
    out = bytearray()
    count = 0
    if isinstance(results, Solutions):
        kind: Kind = "solutions"
        what = "rows"
        out += "\t".join(f"?{v}" for v in results.variables).encode() + b"\n"
        lines: Iterator[str] = ("\t".join("" if term is None else str(term) for term in row) for row in results)
    else:
        kind = "graph"
        what = "triples"
        lines = (f"{triple} ." for triple in results)
    for line in lines:
        check_deadline()
        if max_rows is not None and count == max_rows:
            raise too_large(max_rows, what)
        out += line.encode("utf-8", "surrogatepass") + b"\n"
        count += 1
        if max_bytes is not None and len(out) > max_bytes:
            raise too_large(max_rows, what, max_bytes=max_bytes)
    return EncodedResults(kind, count, bytes(out))


def from_bytes(encoded: EncodedResults) -> QueryResult:
    r"""Return the result that :func:`to_bytes` wrote, as plain values (:data:`QueryResult`).

    Example:
        >>> from pyoxigraph import Store
        >>> rows = from_bytes(to_bytes(Store().query('SELECT ?x WHERE { VALUES ?x { "a\tb" } }')))
        >>> [row["x"].value for row in rows]
        ['a\tb']
    """
    if encoded.kind == "boolean":
        return encoded.data == b"true"
    if encoded.kind == "solutions":
        return to_plain(parse_query_results(encoded.data, QueryResultsFormat.TSV))
    return iter([Triple(q.subject, q.predicate, q.object) for q in parse(encoded.data, RdfFormat.N_TRIPLES)])
