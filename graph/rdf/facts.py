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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

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

_T = TypeVar("_T")


#: The columns :func:`fact_edges` reads, by name: a remote store's results may list them in another order.
_EDGE_COLUMNS = ("f", "s", "o", "t", "h", "d", "first", "last", "event", "na", "ns", "ne")


class _Converted(dict[Any, _T]):
    """Terms and what they convert to, each distinct term converted once, on first use (``memo[term]``).

    A state, a type, a date, a flag or a count recurs in thousands of rows, so a dictionary
    lookup per value replaces a conversion (and the ``.value`` string pyoxigraph makes anew on
    every read). Keyed by the term itself, so two literals of one text and two datatypes stay
    apart, as :func:`to_python` reads them. ``None`` (an unbound value) maps to ``unbound``.
    """

    __slots__ = ("_convert",)

    def __init__(self, convert: Callable[[Any], _T], unbound: _T) -> None:
        super().__init__({None: unbound})
        self._convert = convert

    def __missing__(self, term: Any) -> _T:
        value = self[term] = self._convert(term)
        return value


def _code_of(term: Any) -> str:
    """Return the state code of a state IRI (the IRI's text for an IRI that names no state)."""
    return state_code(term.value) or str(term.value)


def _kind_of(term: Any) -> tuple[str, str]:
    """Return the type and the quad class of an edge type literal, as a :class:`Fact` carries them."""
    edge_type = EdgeType(term.value)
    return edge_type.value, edge_type.spec.quad_class.value


def _flag_of(term: Any) -> bool:
    """Return a boolean literal's value as :func:`to_python` reads it."""
    return term.value in ("true", "1")


def _count_of(term: Any) -> int:
    """Return a count's value."""
    return int(term.value)


def fact_edges(rows: Solutions) -> Iterator[FactEdge]:
    """Return the edges of :data:`alignkg.graph.rdf.queries.ALL_FACTS` rows, in the listing's order.

    The listing's order is type, subject, object, then the fact's IRI. Each attribute equals
    what :func:`fact_of` gives the same row, but read by position and with every distinct
    state, type, date, flag and count converted once: at 96,000 facts, :func:`fact_of` and
    its :func:`to_python` calls were half of ``to_networkx()``'s time
    (docs/decisions/20261207-lean-reads.md). The rows are read on the first edge asked for.
    """
    ends, attributes, keys = _read_edges(rows)
    for i in sorted(range(len(keys)), key=keys.__getitem__):
        data = attributes[i]
        yield ends[2 * i], ends[2 * i + 1], data["fact"], data


def _read_edges(rows: Solutions) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    """Return the edges' ends (subject and object codes, flat), attributes and sort keys, in the store's order.

    Why it is written this way (``to_networkx()`` at 100,000 facts, issue 14): per row, one
    attribute dict and three strings are all that stay alive. A tuple per edge (or a key
    tuple) is a container Python's garbage collector keeps walking while the 96,000 rows are
    read, and the collector was up to a third of the time. The sort key is one string,
    ``type NUL subject NUL object NUL IRI``, which sorts as the tuple of the four would (none of
    them can hold a NUL: they are IRIs and edge type ids) at half the cost of tuples.
    """
    codes = _Converted(_code_of, "")
    kinds = _Converted(_kind_of, ("", ""))
    values = _Converted(to_python, None)
    flags = _Converted(_flag_of, False)
    counts = _Converted(_count_of, 0)
    ends: list[str] = []
    attributes: list[dict[str, Any]] = []
    keys: list[str] = []
    pick = operator.itemgetter(*(rows.variables.index(name) for name in _EDGE_COLUMNS))
    for row in rows.tuples():
        f, s, o, t, h, d, first, last, event, na, sources, ne = pick(row)
        kind, quad_class = kinds[t]
        iri: str = f.value
        subject, obj = codes[s], codes[o]
        keys.append(f"{kind}\0{subject}\0{obj}\0{iri}")
        ends.append(subject)
        ends.append(obj)
        key = fact_id(iri)
        attributes.append({
            "type": kind, "quad_class": quad_class, "hedged": flags[h], "directed": flags[d], "fact": key,
            "iri": iri, "first_seen": values[first], "last_seen": values[last], "event_date": values[event],
            "articles": counts[na], "sources": counts[sources], "evidence": counts[ne]})
    return ends, attributes, keys
