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
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pyoxigraph import NamedNode

from alignkg.graph.errors import InvalidInputError
from alignkg.graph.model import Fact
from alignkg.graph.ontology import EdgeType, QuadClass
from alignkg.graph.rdf.reader import state_code, to_python


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
