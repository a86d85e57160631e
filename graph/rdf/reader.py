"""Query results to plain Python: SPARQL rows to dicts, fact rows to model objects.

No pyoxigraph term leaves the package: IRIs become strings (state IRIs their
ISO code where a column holds states), typed literals Python values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions

from alignkg.graph import namespace as ns

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                                "unsignedInt", "unsignedLong")}
_DECIMALS = {_XSD + t for t in ("decimal", "double", "float")}


def to_python(term: Any) -> Any:
    """Return the Python value of an RDF term: str for IRIs and strings, int, float, bool, date."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
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


def state_code(iri: str) -> str:
    """Return the ISO code of a state IRI (the IRI itself when it is not a state)."""
    return iri[len(ns.STATE):] if iri.startswith(ns.STATE) else iri


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


def to_rows(solutions: QuerySolutions, *, codes: bool = True) -> Rows:
    """Return a :class:`Rows` from SELECT solutions; state IRIs become codes when ``codes``."""
    columns = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        row = {}
        for name in columns:
            value = to_python(solution[name])
            row[name] = state_code(value) if codes and isinstance(value, str) else value
        rows.append(row)
    return Rows(columns, rows)
