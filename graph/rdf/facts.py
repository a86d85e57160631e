"""Reading facts: the filters of a fact listing, and result rows as :class:`Fact` values.

``kg.facts()``, ``kg.count_facts()``, ``kg.fact()``, the filtered export and the events table
select facts the same way, so the filters are written here once: states, type, quad class,
hedging, a window on the dates the facts were seen or on their event dates, a least number of
sources, and whether retracted facts count. States and types arrive resolved (codes, enums);
:func:`alignkg.graph.rdf.queries.fact_where` writes a filter as SPARQL, every value as a pyoxigraph term.
"""

from __future__ import annotations

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
