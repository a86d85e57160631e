"""The one door through which values reach SPARQL text, and the way back from result terms to Python.

:func:`sparql_term` writes a value as a SPARQL term through pyoxigraph's
:class:`~pyoxigraph.NamedNode` and :class:`~pyoxigraph.Literal`, whose ``str()`` is
escaped N-Triples: an IRI is checked (no spaces, ``>``, ``"``, ``{``...) and a string
has its quotes, backslashes and line breaks escaped, so no value can end the term it
is written in. The compiler never puts a value into a query any other way.
:func:`to_python` turns result terms back into plain Python (state IRIs into codes).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import unquote

from pyoxigraph import BlankNode, Literal, NamedNode

from alignkg.graph.namespace import PREFIXES, STATE

_XSD = PREFIXES["xsd"]
_XSD_DATE = NamedNode(_XSD + "date")

Value = NamedNode | Literal | bool | int | dt.date | str


def sparql_term(value: Value) -> str:
    r"""Return ``value`` written as a SPARQL term.

    An IRI (a :class:`~pyoxigraph.NamedNode`) becomes ``<...>``; a ``bool``, ``int`` or
    ``datetime.date`` a typed literal; a ``str`` a string literal, escaped; a
    :class:`~pyoxigraph.Literal` is written as it is.

    Args:
        value: the value to write.

    Returns:
        The term, ready to be placed in a query.

    Raises:
        TypeError: ``value`` is of another type (a float, a plain object).

    Example:
        >>> sparql_term(NamedNode("https://w3id.org/alignkg/state/IRN"))
        '<https://w3id.org/alignkg/state/IRN>'
        >>> sparql_term(dt.date(2024, 1, 31))
        '"2024-01-31"^^<http://www.w3.org/2001/XMLSchema#date>'
        >>> sparql_term(False), sparql_term(10)
        ('"false"^^<http://www.w3.org/2001/XMLSchema#boolean>', '10')
        >>> print(sparql_term('Iran" } ; DROP ALL ; {\n'))
        "Iran\" } ; DROP ALL ; {\n"
    """
    if isinstance(value, NamedNode | Literal):
        return str(value)
    if isinstance(value, bool):  # before int: a bool is an int
        return str(Literal(value))
    if isinstance(value, int):
        # The bare form is also what LIMIT takes; Literal gives the canonical lexical form.
        return Literal(value).value
    if isinstance(value, dt.datetime):
        raise TypeError("a datetime cannot be written as an xsd:date; pass a datetime.date")
    if isinstance(value, dt.date):
        return str(Literal(value.isoformat(), datatype=_XSD_DATE))
    if isinstance(value, str):
        return str(Literal(value))
    raise TypeError(f"cannot write a {type(value).__name__} as a SPARQL term")


def state_code(iri: str) -> str | None:
    """Return the ISO alpha-3 code of a state IRI, or None for any other IRI.

    Example:
        >>> state_code("https://w3id.org/alignkg/state/IRN"), state_code("https://example.org/x")
        ('IRN', None)
    """
    return unquote(iri[len(STATE):]) if iri.startswith(STATE) else None


def to_python(term: NamedNode | Literal | BlankNode | None) -> str | int | bool | dt.date | None:
    """Return a result term as plain Python.

    A state IRI becomes its code, another IRI its string; ``xsd:integer``,
    ``xsd:boolean`` and ``xsd:date`` literals become ``int``, ``bool`` and
    ``datetime.date``; other literals their lexical form; an unbound value None.

    Example:
        >>> to_python(NamedNode("https://w3id.org/alignkg/state/RUS"))
        'RUS'
        >>> to_python(Literal("2024-06-20", datatype=_XSD_DATE)), to_python(Literal(512))
        (datetime.date(2024, 6, 20), 512)
    """
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return state_code(term.value) or term.value
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        if datatype in (_XSD + "integer", _XSD + "int", _XSD + "long", _XSD + "nonNegativeInteger"):
            return int(term.value)
        if datatype == _XSD + "date":
            return dt.date.fromisoformat(term.value)
        return term.value
    return str(term)
