"""Reading facts: the filters of a fact listing as SPARQL, and result rows as :class:`Fact` values.

``kg.facts()``, ``kg.count_facts()``, ``kg.fact()``, the filtered export and the events table
select facts the same way, so the filters are written here once: states, type, quad class,
hedging, a window on the dates the facts were seen or on their event dates, a least number of
sources, and whether retracted facts count. States and types arrive resolved (codes, enums):
this module never sees user text, and every value enters the SPARQL as a pyoxigraph term.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pyoxigraph import NamedNode

from alignkg.graph import namespace as ns
from alignkg.graph.errors import InvalidInputError
from alignkg.graph.model import Fact
from alignkg.graph.ontology import SPECS, EdgeType, QuadClass
from alignkg.graph.rdf.mapping import ak, boolean, date, integer
from alignkg.graph.rdf.reader import state_code, to_python

#: What every listed fact binds: its states, type and flags.
_FACT = "?f ak:subject ?s ; ak:object ?o ; ak:edgeType ?t ; ak:hedged ?h ; ak:directed ?d ."
#: The derived values a Fact carries; after the patterns that select facts (OPTIONAL is not reordered).
DERIVED = """OPTIONAL { ?f ak:articleCount ?na } OPTIONAL { ?f ak:sourceCount ?ns }
            OPTIONAL { ?f ak:evidenceCount ?ne }
            OPTIONAL { ?f ak:firstSeen ?first } OPTIONAL { ?f ak:lastSeen ?last }
            OPTIONAL { ?f ak:eventDate ?event } OPTIONAL { ?f ak:retracted ?r }"""
#: A fact's type and the keys its states sort by: their ISO codes (short literals, which pyoxigraph
#: compares and returns without reading the long IRI strings back from disk, a third of the cost
#: of a fact listing), or the IRI itself for a state the reference graph lacks.
#: It comes after the patterns and filters that select the facts: OPTIONAL and BIND are not reordered.
KEYS = """OPTIONAL { ?s ak:iso3 ?sc } OPTIONAL { ?o ak:iso3 ?oc }
            BIND(COALESCE(?sc, STR(?s)) AS ?sk) BIND(COALESCE(?oc, STR(?o)) AS ?ok)"""
COLUMNS = "?f ?sk ?ok ?t ?h ?d ?first ?last ?event ?na ?ns ?ne ?r"


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
        >>> "FILTER(?ns >= " in where(FactFilter(min_sources=2))
        True
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


def _state(code: str) -> NamedNode:
    return NamedNode(ns.state_iri(code))


def where(f: FactFilter) -> str:
    """Return the SPARQL that binds ``?f`` (and its states ``?s``, ``?o``) to the facts ``f`` keeps."""
    clauses = [] if f.fact is None else [f"VALUES ?f {{ {f.fact} }}"]
    if f.subject is not None:
        clauses.append(f"VALUES ?s {{ {_state(f.subject)} }}")
    if f.object is not None:
        clauses.append(f"VALUES ?o {{ {_state(f.object)} }}")
    clauses.append(_FACT)
    if f.type is not None:
        clauses.append(f"?f a {ak(f.type.spec.rdf_class)} .")
    if f.quad_class is not None:
        members = " ".join(str(ak(s.rdf_class)) for s in SPECS.values() if s.quad_class is f.quad_class)
        clauses.append(f"?f a ?cls . VALUES ?cls {{ {members} }}")
    if f.state is not None:
        clauses.append(f"FILTER(?s = {_state(f.state)} || ?o = {_state(f.state)})")
    clauses.append(DERIVED)
    late, early = ("?event", "?event") if f.date is DateBasis.EVENT else ("?last", "?first")
    if f.since is not None:
        clauses.append(f"FILTER(BOUND({late}) && {late} >= {date(f.since)})")
    if f.until is not None:
        clauses.append(f"FILTER(BOUND({early}) && {early} <= {date(f.until)})")
    if f.hedged is not None:
        clauses.append(f"FILTER(?h = {boolean(f.hedged)})")
    if f.min_sources is not None:
        clauses.append(f"FILTER(?ns >= {integer(f.min_sources)})")
    if not f.retracted:
        clauses.append("FILTER(!BOUND(?r))")
    return "\n            ".join(clauses)


def select(f: FactFilter, *, after: str = "", limit: int | None = None) -> str:
    """Return the SELECT of the facts ``f`` keeps, ordered by (type, subject, object), after a cursor filter."""
    return f"""SELECT {COLUMNS} WHERE {{
            {where(f)}
            {KEYS}
            {after}
        }} ORDER BY ?t ?sk ?ok""" + (f" LIMIT {int(limit)}" if limit is not None else "")


def count(f: FactFilter) -> str:
    """Return the query counting the facts ``f`` keeps (column ``n``)."""
    return f"SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE {{ {where(f)} }}"


def _code(term: Any) -> str:
    """Return the state code of a sort key (a code, or a state IRI's text) or of a state IRI."""
    return state_code(term.value) or str(term.value)


def fact_of(row: Any, subject: str = "sk", object: str = "ok") -> Fact:
    """Return the :class:`Fact` of a row of :func:`select` (without evidence).

    Any row that binds the variables of :data:`DERIVED`, ``?t``, ``?h``, ``?d`` and the two
    states (named by ``subject`` and ``object``) will do.
    """
    return Fact(_code(row[subject]), EdgeType(row["t"].value), _code(row[object]),
                hedged=bool(to_python(row["h"])), directed=bool(to_python(row["d"])),
                first_seen=to_python(row["first"]), last_seen=to_python(row["last"]),
                event_date=to_python(row["event"]), articles=int(to_python(row["na"]) or 0),
                sources=int(to_python(row["ns"]) or 0), evidence_count=int(to_python(row["ne"]) or 0),
                retracted=bool(to_python(row["r"])))
