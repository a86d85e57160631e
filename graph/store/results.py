"""Query results as bytes and back, read under a row cap, a byte cap and a deadline.

Both stores read results the same way: :func:`to_bytes` reads a pyoxigraph result one
solution (or triple) at a time, stops with :class:`QueryLimitError` (code
``result_too_large``) at one row past ``max_rows`` or once ``max_bytes`` are written,
and checks the deadline of :mod:`alignkg.graph.store.deadline` between rows; nothing
is built whole before the cap applies. Solutions are written as SPARQL TSV, triples as
N-Triples (each term in its escaped N-Triples form, so the round trip through
:func:`from_bytes` is exact). A worker process sends these bytes to the server; the
embedded store reads them back in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pyoxigraph import (
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse,
    parse_query_results,
)

from alignkg.graph.errors import QueryLimitError
from alignkg.graph.store.deadline import check_deadline

Kind = Literal["boolean", "solutions", "graph"]


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
    """Read a pyoxigraph query result under the caps and the current deadline; return it as bytes.

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
    if isinstance(results, QueryBoolean):
        return EncodedResults("boolean", 1, b"true" if bool(results) else b"false")
    out = bytearray()
    count = 0
    if isinstance(results, QuerySolutions):
        kind: Kind = "solutions"
        what = "rows"
        out += "\t".join(str(v) for v in results.variables).encode() + b"\n"
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


def from_bytes(encoded: EncodedResults) -> Any:
    r"""Return the pyoxigraph result that :func:`to_bytes` wrote: a bool, ``QuerySolutions`` or a list of triples.

    Example:
        >>> from pyoxigraph import Store
        >>> rows = from_bytes(to_bytes(Store().query('SELECT ?x WHERE { VALUES ?x { "a\tb" } }')))
        >>> [row["x"].value for row in rows]
        ['a\tb']
    """
    if encoded.kind == "boolean":
        return encoded.data == b"true"
    if encoded.kind == "solutions":
        return parse_query_results(encoded.data, QueryResultsFormat.TSV)
    return [Triple(q.subject, q.predicate, q.object) for q in parse(encoded.data, RdfFormat.N_TRIPLES)]
