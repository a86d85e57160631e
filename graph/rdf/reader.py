"""Query results to plain Python: SPARQL rows to dicts, fact rows to model objects.

No pyoxigraph term leaves the package: IRIs become strings (state IRIs their
ISO code where a column holds states), typed literals Python values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from pyoxigraph import BlankNode, Literal, NamedNode

from alignkg.graph import namespace as ns
from alignkg.graph.store.results import Solutions

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                                "unsignedInt", "unsignedLong")}
_DECIMALS = {_XSD + t for t in ("decimal", "double", "float")}


def state_code(iri: str) -> str | None:
    """Return the ISO alpha-3 code of a state IRI, or None for any other IRI.

    The inverse of :func:`alignkg.graph.namespace.state_iri`, which percent-encodes the code.

    Example:
        >>> state_code("https://w3id.org/alignkg/state/IRN"), state_code("https://example.org/x")
        ('IRN', None)
    """
    return unquote(iri[len(ns.STATE):]) if iri.startswith(ns.STATE) else None


def to_python(term: Any, *, codes: bool = False) -> Any:
    """Return a result term as plain Python; the one conversion of the package (no pyoxigraph term leaves it).

    An IRI becomes its string, or with ``codes`` a state IRI its code (:func:`state_code`); a
    blank node ``_:id``; ``xsd`` integer types ``int``, decimals and doubles ``float``,
    ``xsd:boolean`` ``bool`` and ``xsd:date`` ``datetime.date``; another literal, or a typed
    literal whose text is not valid for its type, its lexical form; an unbound value None.
    Literals are never read as states, even with ``codes``: only IRIs name states.

    Example:
        >>> to_python(NamedNode("https://w3id.org/alignkg/state/RUS"), codes=True)
        'RUS'
        >>> to_python(Literal("2024-06-20", datatype=NamedNode(_XSD + "date"))), to_python(Literal(512))
        (datetime.date(2024, 6, 20), 512)
    """
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return (state_code(term.value) or term.value) if codes else term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _DECIMALS:
                return float(term.value)
            if datatype == _XSD + "boolean":
                return term.value in ("true", "1")
            if datatype == _XSD + "date":
                return dt.date.fromisoformat(term.value)
        except ValueError:
            return term.value
        return term.value
    return str(term)


@dataclass
class Rows:
    """The rows of a SELECT query: column names, and one dict per row.

    Example:
        >>> rows = Rows(["x"], [{"x": "RUS"}])
        >>> list(rows), len(rows)
        ([{'x': 'RUS'}], 1)
    """

    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def to_dataframe(self) -> Any:
        """Return a pandas DataFrame of the rows (pandas must be installed)."""
        import pandas  # noqa: PLC0415 - optional dependency, imported on use

        return pandas.DataFrame(self.rows, columns=self.columns)


def to_rows(solutions: Solutions, *, codes: bool = True) -> Rows:
    """Return a :class:`Rows` from SELECT solutions; state IRIs become codes when ``codes``."""
    columns = list(solutions.variables)
    rows = []
    for solution in solutions:
        row = {}
        for name in columns:
            row[name] = to_python(solution[name], codes=codes)
        rows.append(row)
    return Rows(columns, rows)
