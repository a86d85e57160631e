"""The syntax tree of the pattern language: frozen dataclasses the parser builds and the compiler reads.

Each node records where it starts in the query text (1-based ``line`` and ``column``) so
that errors found after parsing (an unknown state, an ordering on a variable no pattern
binds) can point at it. Positions take no part in equality: two queries that say the
same thing compare equal wherever they were written. This module holds data only; it
neither parses nor compiles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from alignkg.graph.ontology import EdgeType, QuadClass


@dataclass(frozen=True, slots=True)
class Variable:
    """A variable (``?x``) that binds a state; ``name`` is written without the ``?``.

    Example:
        >>> Variable("x") == Variable("x", line=3, column=7)
        True
    """

    name: str
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class StateTerm:
    """A state as the query names it (``IRN``, ``Iran``, ``"the Kremlin"``), and its code once resolved.

    ``code`` is None until :func:`alignkg.graph.query.parser.resolve` has asked the gazetteer.

    Example:
        >>> StateTerm("the Kremlin").resolved("RUS").code
        'RUS'
    """

    name: str
    code: str | None = None
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)

    def resolved(self, code: str) -> StateTerm:
        """Return this term with its ISO alpha-3 ``code`` filled in."""
        return StateTerm(self.name, code, line=self.line, column=self.column)


Term = Variable | StateTerm


@dataclass(frozen=True, slots=True)
class EdgeTypes:
    """One edge type, or alternatives joined by ``|`` (``arms_transfer|military_support``).

    Example:
        >>> EdgeTypes((EdgeType.TRADE,)).types
        (<EdgeType.TRADE: 'trade'>,)
    """

    types: tuple[EdgeType, ...]
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class EdgeClass:
    """Every edge type of one quad class (``[material_conflict]``).

    Example:
        >>> EdgeClass(QuadClass.VERBAL_CONFLICT).quad_class.value
        'verbal_conflict'
    """

    quad_class: QuadClass
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class AnyEdge:
    """Any edge type (``any``).

    Example:
        >>> AnyEdge() == AnyEdge(line=2)
        True
    """

    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


Edge = EdgeTypes | EdgeClass | AnyEdge


@dataclass(frozen=True, slots=True)
class Pattern:
    """``SUBJECT EDGE OBJECT``: a fact that must hold, or must not hold when ``negated``.

    Arrow forms are normalised: ``IRN <-[arms_transfer]- ?x`` is the pattern
    ``?x arms_transfer IRN``.

    Example:
        >>> p = Pattern(Variable("x"), EdgeTypes((EdgeType.SANCTION,)), StateTerm("IRN"))
        >>> p.negated, [v.name for v in p.variables()]
        (False, ['x'])
    """

    subject: Term
    edge: Edge
    object: Term
    negated: bool = False
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)

    def variables(self) -> list[Variable]:
        """Return the variables of the pattern, subject first."""
        return [t for t in (self.subject, self.object) if isinstance(t, Variable)]

    def states(self) -> list[StateTerm]:
        """Return the state terms of the pattern, subject first."""
        return [t for t in (self.subject, self.object) if isinstance(t, StateTerm)]


@dataclass(frozen=True, slots=True)
class OrderKey:
    """One key of ``order by``: a variable, ascending unless ``descending``.

    Example:
        >>> OrderKey(Variable("x"), descending=True).descending
        True
    """

    variable: Variable
    descending: bool = False
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class Query:
    """A whole query: its patterns (a conjunction) and its modifiers.

    ``since`` and ``until`` keep facts last seen on or after, and first seen on or
    before, a date (with ``date`` ``"event"``: whose event date is on or after, on or
    before it); ``hedged`` keeps facts whose ``ak:hedged`` is that value; ``min_sources``
    facts stated by at least that many sources. They decide which facts count, for
    negated patterns too. ``with_dates`` and ``with_counts`` add columns.

    Example:
        >>> q = Query((Pattern(Variable("a"), EdgeTypes((EdgeType.ALLIANCE,)), Variable("b")),), limit=5)
        >>> q.limit, q.with_evidence, [v.name for v in q.variables()]
        (5, False, ['a', 'b'])
    """

    patterns: tuple[Pattern, ...]
    since: dt.date | None = None
    until: dt.date | None = None
    hedged: bool | None = None
    with_evidence: bool = False
    limit: int | None = None
    date: str = "seen"
    min_sources: int | None = None
    with_dates: bool = False
    with_counts: bool = False
    order_by: tuple[OrderKey, ...] = ()
    line: int = field(default=1, compare=False)
    column: int = field(default=1, compare=False)

    def variables(self) -> list[Variable]:
        """Return the variables the positive patterns bind, each once, in order of first use."""
        seen: dict[str, Variable] = {}
        for pattern in self.patterns:
            if not pattern.negated:
                for variable in pattern.variables():
                    seen.setdefault(variable.name, variable)
        return list(seen.values())
