"""The one door through which values reach SPARQL text.

:func:`sparql_term` writes a value as a SPARQL term through pyoxigraph's
:class:`~pyoxigraph.NamedNode` and :class:`~pyoxigraph.Literal`, whose ``str()`` is
escaped N-Triples: an IRI is checked (no spaces, ``>``, ``"``, ``{``...) and a string
has its quotes, backslashes and line breaks escaped, so no value can end the term it
is written in. The compiler never puts a value into a query any other way.
:func:`alignkg.graph.rdf.reader.to_python` is the way back, from result terms to plain Python.
"""

from __future__ import annotations

import datetime as dt

from pyoxigraph import Literal, NamedNode

from alignkg.graph.namespace import PREFIXES

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
