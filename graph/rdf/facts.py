"""Reading facts: the filters of a fact listing, and result rows as :class:`Fact` values.

``kg.facts()``, ``kg.count_facts()``, ``kg.fact()``, the filtered export and the events table
select facts the same way, so the filters are written here once: states, type, quad class,
hedging, a window on the dates the facts were seen or on their event dates, a least number of
sources, and whether retracted facts count. States and types arrive resolved (codes, enums);
:func:`alignkg.graph.rdf.queries.fact_where` writes a filter as SPARQL, every value as a pyoxigraph term.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pyoxigraph import NamedNode

from alignkg.graph.errors import InvalidInputError
from alignkg.graph.model import Fact
from alignkg.graph.namespace import fact_id
from alignkg.graph.ontology import EdgeType, QuadClass
from alignkg.graph.rdf.reader import state_code, to_python
from alignkg.graph.store.results import Solutions


class DateBasis(StrEnum):
    """Which dates ``since`` and ``until`` look at: when the facts were seen, or when the events happened."""

    #: The dates of the articles: ``since`` keeps facts last seen on or after it, ``until`` first seen on or before.
    SEEN = "seen"
    #: The event date the sentences give: facts without one drop out.
    EVENT = "event"

    @classmethod
    def parse(cls, value: str | DateBasis) -> DateBasis:
        """Return the basis named by ``value``.

        Raises:
            InvalidInputError: neither ``seen`` nor ``event``.

        Example:
            >>> DateBasis.parse("Event")
            <DateBasis.EVENT: 'event'>
        """
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise InvalidInputError(f"unknown date basis {value!r}; expected one of "
                                    f"{', '.join(d.value for d in cls)}") from None


@dataclass(frozen=True, slots=True)
class FactFilter:
    """Which facts a listing keeps; every field is already resolved (codes, enums, dates).

    ``state`` keeps facts with that state on either side. ``retracted`` keeps the facts an
    analyst retracted too (they leave listings and the analysis otherwise); ``fact`` keeps
    that one fact only.

    Example:
        >>> FactFilter(subject="IRN", min_sources=2).retracted
        False
    """

    subject: str | None = None
    object: str | None = None
    state: str | None = None
    type: EdgeType | None = None
    quad_class: QuadClass | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    date: DateBasis = DateBasis.SEEN
    hedged: bool | None = None
    min_sources: int | None = None
    retracted: bool = False
    fact: NamedNode | None = None


def _code(term: Any) -> str:
    """Return the state code of a sort key (a code, or a state IRI's text) or of a state IRI."""
    return state_code(term.value) or str(term.value)


def fact_of(row: Any, subject: str = "sk", object: str = "ok") -> Fact:
    """Return the :class:`Fact` of a row of :func:`alignkg.graph.rdf.queries.facts` (without evidence).

    Any row that binds the variables of :data:`alignkg.graph.rdf.queries.DERIVED`, ``?t``, ``?h``, ``?d`` and the two
    states (named by ``subject`` and ``object``) will do.
    """
    return Fact(_code(row[subject]), EdgeType(row["t"].value), _code(row[object]),
                hedged=bool(to_python(row["h"])), directed=bool(to_python(row["d"])),
                first_seen=to_python(row["first"]), last_seen=to_python(row["last"]),
                event_date=to_python(row["event"]), articles=int(to_python(row["na"]) or 0),
                sources=int(to_python(row["ns"]) or 0), evidence_count=int(to_python(row["ne"]) or 0),
                retracted=bool(to_python(row["r"])))


#: The key a listing sorts by: the type's id, then the subject's and the object's codes (a state's
#: IRI where it has none), as :data:`alignkg.graph.rdf.queries.KEYS` orders them in the store.
ListingKey = tuple[str, str, str]


def listing_key(row: Any) -> ListingKey:
    """Return the sort key of a row of :func:`alignkg.graph.rdf.queries.listing_keys`.

    Example:
        >>> from pyoxigraph import Literal, NamedNode
        >>> listing_key({"t": Literal("alliance"), "s": NamedNode("https://w3id.org/alignkg/state/RUS"),
        ...              "o": NamedNode("https://example.org/x")})
        ('alliance', 'RUS', 'https://example.org/x')
    """
    return row["t"].value, _code(row["s"]), _code(row["o"])


def page_start(keyed: list[tuple[ListingKey, str]], cursor: str | None, cursor_key: ListingKey | None) -> int:
    """Return where the page after ``cursor`` (a fact IRI) starts in ``keyed``, a sorted list of (key, IRI).

    A cursor among the rows starts the page just after it (facts with equal keys, a directed
    and an undirected one, are ordered by IRI, so none is skipped or repeated); one that left
    the listing since (retracted, deleted) starts it after its ``cursor_key``.

    Example:
        >>> rows = [(("t", "IRN", "RUS"), "f1"), (("t", "RUS", "IRN"), "f2"), (("u", "CHN", "RUS"), "f3")]
        >>> page_start(rows, None, None), page_start(rows, "f2", None), page_start(rows, "gone", ("t", "RUS", "USA"))
        (0, 2, 2)
    """
    if cursor is None:
        return 0
    for position, (_, iri) in enumerate(keyed):
        if iri == cursor:
            return position + 1
    if cursor_key is None:
        return 0
    return bisect.bisect_right(keyed, (cursor_key, "\U0010ffff"))


#: An edge of ``kg.to_networkx()``: (subject code, object code, fact id, attributes).
FactEdge = tuple[str, str, str, dict[str, Any]]


#: The columns :func:`fact_edges` reads, by name: a remote store's results may list them in another order.
_EDGE_COLUMNS = ("f", "s", "o", "t", "h", "d", "first", "last", "event", "na", "ns", "ne")


def fact_edges(rows: Solutions) -> list[FactEdge]:
    """Return the edges of :data:`alignkg.graph.rdf.queries.ALL_FACTS` rows, in the listing's order.

    The listing's order is type, subject, object, then the fact's IRI. Each attribute equals
    what :func:`fact_of` gives the same row, but read by position and with every distinct
    state, type and date converted once (a date or state recurs in thousands of rows): at
    96,000 facts, :func:`fact_of` and its :func:`to_python` calls were half of
    ``to_networkx()``'s time (docs/decisions/20261207-lean-reads.md).
    """
    codes: dict[str, str] = {}
    types: dict[str, tuple[str, str]] = {}
    dates: dict[str, Any] = {}

    def code(term: Any) -> str:
        value: str = term.value
        found = codes.get(value)
        if found is None:
            found = codes[value] = state_code(value) or value
        return found

    def date(term: Any) -> Any:
        if term is None:
            return None
        value = term.value
        if value not in dates:
            dates[value] = to_python(term)
        return dates[value]

    pick = operator.itemgetter(*(rows.variables.index(name) for name in _EDGE_COLUMNS))
    edges: list[tuple[tuple[str, str, str, str], FactEdge]] = []
    for row in rows.tuples():
        f, s, o, t, h, d, first, last, event, na, sources, ne = pick(row)
        kind = types.get(t.value)
        if kind is None:
            edge_type = EdgeType(t.value)
            kind = types[t.value] = (edge_type.value, edge_type.spec.quad_class.value)
        iri, subject, obj = f.value, code(s), code(o)
        key = fact_id(iri)
        edges.append(((kind[0], subject, obj, iri), (subject, obj, key, {
            "type": kind[0], "quad_class": kind[1], "hedged": h.value in ("true", "1"),
            "directed": d.value in ("true", "1"), "fact": key, "iri": iri, "first_seen": date(first),
            "last_seen": date(last), "event_date": date(event), "articles": _count(na), "sources": _count(sources),
            "evidence": _count(ne)})))
    edges.sort(key=lambda pair: pair[0])
    return [edge for _, edge in edges]


def _count(term: Any) -> int:
    """Return a count's value, 0 when unbound (as :func:`fact_of` reads it)."""
    return 0 if term is None else int(term.value)
