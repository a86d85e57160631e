"""The alignment score of a pair of states (a dyad), its trend over time, and the weighted dyad graph.

This module owns the score: which weight each fact brings (:class:`Weights`, by quad class
and optionally by edge type, halved when every source hedges it), how a pair's facts add
up, and how the score moves from year to year. Every number it returns comes with the
facts that produced it. It reads facts only from the views of :mod:`alignkg.graph.analysis.views`
and never touches the store; judging a bloc is :mod:`alignkg.graph.analysis.bloc`'s job.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import networkx as nx

from alignkg.graph.analysis.views import (
    DateLike,
    FactRef,
    check_window,
    iter_facts,
    pair_facts,
    require_cover,
    resolve_state,
    to_date,
)
from alignkg.graph.errors import InvalidInputError
from alignkg.graph.ontology import EdgeType, QuadClass

__all__ = [
    "Contribution",
    "DyadScore",
    "DyadTrend",
    "TrendPoint",
    "Weights",
    "dyad_graph",
    "dyad_score",
    "dyad_trend",
]

#: Default weight of a fact by its quad class: deeds weigh twice words; a refusal to help weighs as a deed.
DEFAULT_CLASS_WEIGHTS: Mapping[QuadClass, float] = MappingProxyType({
    QuadClass.MATERIAL_COOPERATION: 2.0,
    QuadClass.VERBAL_COOPERATION: 1.0,
    QuadClass.VERBAL_CONFLICT: -1.0,
    QuadClass.MATERIAL_CONFLICT: -2.0,
    QuadClass.NON_COOPERATION: -2.0,
})
#: Default per-type exceptions: fighting on a partner's side is the strongest tie, ordinary trade a weak one.
DEFAULT_TYPE_WEIGHTS: Mapping[EdgeType, float] = MappingProxyType({
    EdgeType.MILITARY_SUPPORT: 3.0,
    EdgeType.TRADE: 1.0,
})
#: Default factor applied to a fact that every source hedges (reported, alleged, accused).
DEFAULT_HEDGED = 0.5


@dataclass(frozen=True, slots=True)
class Weights:
    """The weights of the alignment score: one per quad class, optional exceptions per edge type.

    A fact weighs ``types[type]`` if its type has an exception, else ``classes[quad class]``,
    times ``hedged`` when every piece of its evidence hedges it. Mappings given are laid over
    the defaults, so ``Weights(types={EdgeType.ARMS_TRANSFER: 3.0})`` changes one weight.

    Args:
        classes: weight per :class:`QuadClass` (missing classes keep their default).
        types: weight per :class:`EdgeType`, overriding its class (laid over the defaults).
        hedged: factor for hedged facts, between 0 and 1.

    Raises:
        InvalidInputError: a weight is not a finite number, or ``hedged`` is outside [0, 1].

    Example:
        >>> w = Weights(types={EdgeType.ARMS_TRANSFER: 3.0})
        >>> arms, energy = w.weight(EdgeType.ARMS_TRANSFER), w.weight(EdgeType.ENERGY_TRADE)
        >>> arms, energy, w.weight(EdgeType.CONDEMNATION, hedged=True)
        (3.0, 2.0, -0.5)
    """

    classes: Mapping[QuadClass, float] = field(default_factory=lambda: DEFAULT_CLASS_WEIGHTS)
    types: Mapping[EdgeType, float] = field(default_factory=lambda: DEFAULT_TYPE_WEIGHTS)
    hedged: float = DEFAULT_HEDGED

    def __post_init__(self) -> None:
        classes = {**DEFAULT_CLASS_WEIGHTS, **{QuadClass(k): _finite(k, v) for k, v in self.classes.items()}}
        types = {**DEFAULT_TYPE_WEIGHTS, **{EdgeType.parse(k): _finite(k, v) for k, v in self.types.items()}}
        if not 0.0 <= _finite("hedged", self.hedged) <= 1.0:
            raise InvalidInputError(f"the hedged factor must be between 0 and 1, not {self.hedged}")
        object.__setattr__(self, "classes", MappingProxyType(classes))
        object.__setattr__(self, "types", MappingProxyType(dict(sorted(types.items(), key=lambda i: _ORDER[i[0]]))))

    @classmethod
    def parse(cls, options: Iterable[str]) -> Weights:
        """Return the default weights with ``name=value`` overrides (a quad class, an edge type or ``hedged``).

        Raises:
            InvalidInputError: an option is not ``name=value`` or names no class or type.

        Example:
            >>> Weights.parse(["verbal_conflict=-0.5", "hedged=1"]).weight(EdgeType.THREAT, hedged=True)
            -0.5
        """
        classes: dict[QuadClass, float] = {}
        types: dict[EdgeType, float] = {}
        hedged = DEFAULT_HEDGED
        for option in options:
            name, sep, raw = option.partition("=")
            name = name.strip()
            try:
                value = float(raw)
            except ValueError:
                value = math.nan
            if not sep or math.isnan(value):
                raise InvalidInputError(f"a weight is name=number, not {option!r}")
            if name == "hedged":
                hedged = value
            elif name in {q.value for q in QuadClass}:
                classes[QuadClass(name)] = value
            else:
                try:
                    types[EdgeType.parse(name)] = value
                except InvalidInputError:
                    accepted = [q.value for q in QuadClass] + [t.value for t in EdgeType] + ["hedged"]
                    raise InvalidInputError(f"unknown weight {name!r}; expected one of {', '.join(accepted)}") \
                        from None
        return cls(classes=classes, types=types, hedged=hedged)

    def __hash__(self) -> int:
        return hash((tuple(self.classes.items()), tuple(self.types.items()), self.hedged))

    def weight(self, edge_type: EdgeType, *, hedged: bool = False) -> float:
        """Return the weight of one fact of ``edge_type`` (hedged or not)."""
        base = self.types.get(edge_type, self.classes[edge_type.spec.quad_class])
        return base * self.hedged if hedged else base

    def of(self, fact: FactRef) -> float:
        """Return the weight of ``fact``."""
        return self.weight(fact.type, hedged=fact.hedged)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"classes": {k.value: v for k, v in self.classes.items()},
                "types": {k.value: v for k, v in self.types.items()}, "hedged": self.hedged}


_ORDER = {t: i for i, t in enumerate(EdgeType)}


def _finite(name: object, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidInputError(f"the weight of {name} must be a finite number, not {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class Contribution:
    """One fact's part of a score: the fact and the weight it brought.

    Example:
        >>> fact = FactRef("f1", "IRN", EdgeType.ARMS_TRANSFER, "RUS")
        >>> Contribution(fact, Weights().of(fact)).to_dict()["weight"]
        2.0
    """

    fact: FactRef
    weight: float

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {**self.fact.to_dict(), "weight": self.weight}


def _signed(value: float, digits: int = 1) -> str:
    value = round(value, digits) + 0.0  # no "-0.0"
    return f"{value:.{digits}f}" if value == 0 else f"{value:+.{digits}f}"


def _window(since: dt.date | None, until: dt.date | None) -> str:
    if since and until:
        return f" from {since} to {until}"
    if since:
        return f" since {since}"
    return f" until {until}" if until else ""


@dataclass(frozen=True, slots=True)
class DyadScore:
    """The alignment score of two states, with every fact that made it.

    ``score`` is the sum of the weights of the pair's facts (both directions); ``normalized``
    divides it by the sum of their absolute weights, so it runs from -1 (only conflict) to +1
    (only cooperation), and is 0 for a pair without facts or with balanced ones.

    Example:
        >>> facts = [FactRef("f1", "IRN", EdgeType.ARMS_TRANSFER, "RUS"),
        ...          FactRef("f2", "RUS", EdgeType.NON_INTERVENTION, "IRN")]
        >>> result = score_facts("RUS", "IRN", facts, Weights())
        >>> result.score, result.cooperation, result.conflict, result.facts
        (0.0, 2.0, 2.0, ('f1', 'f2'))
    """

    a: str
    b: str
    score: float
    normalized: float
    contributions: tuple[Contribution, ...]
    weights: Weights = field(default_factory=Weights)
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def facts(self) -> tuple[str, ...]:
        """The ids of the facts behind the score."""
        return tuple(c.fact.id for c in self.contributions)

    @property
    def is_empty(self) -> bool:
        """Whether the pair has no fact in the window."""
        return not self.contributions

    @property
    def cooperation(self) -> float:
        """The sum of the positive weights."""
        return sum((c.weight for c in self.contributions if c.weight > 0), 0.0)

    @property
    def conflict(self) -> float:
        """The sum of the negative weights, as a positive number."""
        return -sum((c.weight for c in self.contributions if c.weight < 0), 0.0) + 0.0

    @property
    def facts_by_type(self) -> dict[EdgeType, tuple[str, ...]]:
        """The fact ids by edge type, in ontology order."""
        found: dict[EdgeType, list[str]] = defaultdict(list)
        for c in self.contributions:
            found[c.fact.type].append(c.fact.id)
        return {t: tuple(found[t]) for t in EdgeType if t in found}

    @property
    def counts(self) -> dict[EdgeType, int]:
        """The number of facts by edge type, in ontology order."""
        return {t: len(ids) for t, ids in self.facts_by_type.items()}

    @property
    def facts_by_class(self) -> dict[QuadClass, tuple[str, ...]]:
        """The fact ids by quad class."""
        found: dict[QuadClass, list[str]] = defaultdict(list)
        for c in self.contributions:
            found[c.fact.quad_class].append(c.fact.id)
        return {q: tuple(found[q]) for q in QuadClass if q in found}

    @property
    def summary(self) -> str:
        """One sentence: the score and the facts by type, or that the pair has no facts."""
        window = _window(self.since, self.until)
        if self.is_empty:
            return f"no facts between {self.a} and {self.b}{window}: score 0"
        parts = []
        for edge_type, ids in self.facts_by_type.items():
            total = sum(c.weight for c in self.contributions if c.fact.type == edge_type)
            parts.append(f"{edge_type.spec.label} x{len(ids)} ({_signed(total)})")
        return (f"{self.a} and {self.b}{window}: score {_signed(self.score)} (normalized "
                f"{_signed(self.normalized, 2)}) from {len(self.contributions)} fact(s): {', '.join(parts)}")

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI: the score, counts and fact ids by type, and each fact."""
        return {
            "a": self.a,
            "b": self.b,
            "score": self.score,
            "normalized": self.normalized,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "counts": {t.value: n for t, n in self.counts.items()},
            "facts_by_type": {t.value: list(ids) for t, ids in self.facts_by_type.items()},
            "facts": [c.to_dict() for c in self.contributions],
            "summary": self.summary,
            "weights": self.weights.to_dict(),
        }


def score_facts(a: str, b: str, facts: Iterable[FactRef], weights: Weights, since: dt.date | None = None,
                until: dt.date | None = None) -> DyadScore:
    """Return the :class:`DyadScore` of ``a`` and ``b`` from their facts (already filtered).

    Example:
        >>> score_facts("PRK", "IRN", [], Weights()).summary
        'no facts between PRK and IRN: score 0'
    """
    contributions = tuple(Contribution(f, weights.of(f)) for f in facts)
    score = sum(c.weight for c in contributions)
    magnitude = sum(abs(c.weight) for c in contributions)
    normalized = score / magnitude if magnitude else 0.0
    return DyadScore(a, b, score + 0.0, normalized + 0.0, contributions, weights, since, until)


def dyad_score(G: Any, a: str, b: str, *, weights: Weights | None = None, since: DateLike | None = None,
               until: DateLike | None = None) -> DyadScore:
    """Return the alignment score of states ``a`` and ``b`` with the facts behind it.

    Cooperation counts for, conflict against, and a refusal to help the other in its
    conflict (non-intervention) against; see :class:`Weights`. A pair without facts
    scores 0 and says so in :attr:`DyadScore.summary`.

    Args:
        G: a fact view (:func:`alignkg.graph.analysis.fact_view`) that holds the pair's facts.
        a: a state (code, name or alias).
        b: another state.
        weights: the weights (default :class:`Weights`).
        since: only facts last seen on or after this date.
        until: only facts first seen on or before this date.

    Raises:
        UnknownStateError: a state names no state (with suggestions).
        InvalidInputError: ``a`` and ``b`` are the same state, a bad date, or a view without the pair.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import fact_view
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Iran sold drones to Russia. Russia condemned Iran.", id="a1")
        ...     G = fact_view(kg)
        >>> result = dyad_score(G, "Russia", "Iran")
        >>> result.score, {t.value: n for t, n in result.counts.items()}
        (1.0, {'arms_transfer': 1, 'condemnation': 1})
        >>> result.summary
        'RUS and IRN: score +1.0 (normalized +0.33) from 2 fact(s): arms transfer x1 (+2.0), condemnation x1 (-1.0)'
        >>> dyad_score(G, "PRK", "IRN").summary
        'no facts between PRK and IRN: score 0'
    """
    first, last = to_date(since), to_date(until)
    x, y = _pair(G, a, b)
    check_window(G, first, last)
    return score_facts(x, y, pair_facts(G, x, y, since=first, until=last), weights or Weights(), first, last)


def _pair(G: Any, a: str, b: str) -> tuple[str, str]:
    x, y = resolve_state(G, a), resolve_state(G, b)
    if x == y:
        raise InvalidInputError(f"a dyad needs two different states; {a!r} and {b!r} are both {x}")
    require_cover(G, (x, y))
    return x, y


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """The score of a pair over one period (``"2024"`` or ``"2024-05"``), with its facts.

    Example:
        >>> fact = FactRef("f1", "IRN", EdgeType.ARMS_TRANSFER, "RUS")
        >>> TrendPoint("2024", 2.0, (Contribution(fact, 2.0),)).to_dict()
        {'period': '2024', 'score': 2.0, 'facts': ['f1'], 'counts': {'arms_transfer': 1}}
    """

    period: str
    score: float
    contributions: tuple[Contribution, ...]

    @property
    def facts(self) -> tuple[str, ...]:
        """The ids of the facts seen in the period."""
        return tuple(c.fact.id for c in self.contributions)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"period": self.period, "score": self.score, "facts": list(self.facts),
                "counts": {t.value: sum(c.fact.type == t for c in self.contributions)
                           for t in EdgeType if any(c.fact.type == t for c in self.contributions)}}


@dataclass(frozen=True, slots=True)
class DyadTrend:
    """The score of a pair period by period; undated facts are listed apart.

    Example:
        >>> DyadTrend("IRN", "RUS", "year", (), ("f1",)).to_dict()
        {'a': 'IRN', 'b': 'RUS', 'by': 'year', 'points': [], 'undated': ['f1']}
    """

    a: str
    b: str
    by: str
    points: tuple[TrendPoint, ...]
    undated: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"a": self.a, "b": self.b, "by": self.by, "points": [p.to_dict() for p in self.points],
                "undated": list(self.undated)}


_PERIODS = ("year", "month")


def _periods(first: dt.date, last: dt.date, by: str) -> list[str]:
    if by == "year":
        return [str(y) for y in range(first.year, last.year + 1)]
    months = (last.year - first.year) * 12 + last.month - first.month
    return [f"{first.year + (first.month - 1 + i) // 12}-{(first.month - 1 + i) % 12 + 1:02d}"
            for i in range(months + 1)]


def dyad_trend(G: Any, a: str, b: str, *, by: str = "year", weights: Weights | None = None,
               since: DateLike | None = None, until: DateLike | None = None) -> DyadTrend:
    """Return the score of ``a`` and ``b`` per year or month, from the facts' first and last seen dates.

    A fact counts in every period from the one it was first seen in to the one it was last
    seen in (the span over which the news reported it); periods without facts between the
    first and the last are kept with a score of 0, so the trend has no gaps.

    Raises:
        InvalidInputError: ``by`` is not ``year`` or ``month``, or as :func:`dyad_score`.
        UnknownStateError: a state names no state.

    Example:
        >>> import datetime as dt
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import fact_view
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Iran sold drones to Russia.", id="a1", published=dt.date(2022, 10, 20))
        ...     _ = kg.ingest("Russia condemned Iran.", id="a2", published=dt.date(2024, 1, 5))
        ...     trend = dyad_trend(fact_view(kg), "IRN", "RUS")
        >>> [(p.period, p.score) for p in trend.points]
        [('2022', 2.0), ('2023', 0.0), ('2024', -1.0)]
    """
    if by not in _PERIODS:
        raise InvalidInputError(f"a trend goes by year or month, not {by!r}")
    score = dyad_score(G, a, b, weights=weights, since=since, until=until)
    dated = [c for c in score.contributions if c.fact.first_seen or c.fact.last_seen]
    undated = tuple(c.fact.id for c in score.contributions if not (c.fact.first_seen or c.fact.last_seen))
    if not dated:
        return DyadTrend(score.a, score.b, by, (), undated)
    spans: dict[str, set[str]] = {}
    dates: list[dt.date] = []
    for c in dated:
        seen = [d for d in (c.fact.first_seen, c.fact.last_seen) if d is not None]
        spans[c.fact.id] = set(_periods(min(seen), max(seen), by))
        dates.extend(seen)
    points = []
    for period in _periods(min(dates), max(dates), by):
        inside = tuple(c for c in dated if period in spans[c.fact.id])
        points.append(TrendPoint(period, sum(c.weight for c in inside) + 0.0, inside))
    return DyadTrend(score.a, score.b, by, tuple(points), undated)


def dyad_graph(G: Any, *, weights: Weights | None = None, since: DateLike | None = None,
               until: DateLike | None = None) -> Any:
    """Return the weighted dyad graph: one undirected edge per pair of states that share facts.

    Edge attributes: ``score``, ``normalized``, ``cooperation`` (sum of positive weights),
    ``conflict`` (sum of negative weights, positive), ``facts`` (ids) and ``counts`` (by
    edge type id). Node attributes are copied from ``G``.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import fact_view
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Iran sold drones to Russia. Russia condemned Iran. Israel struck Iran.", id="a1")
        ...     D = dyad_graph(fact_view(kg))
        >>> sorted((*sorted((u, v)), d["score"], d["cooperation"], d["conflict"]) for u, v, d in D.edges(data=True))
        [('IRN', 'ISR', -2.0, 0.0, 2.0), ('IRN', 'RUS', 1.0, 2.0, 1.0)]
    """
    weights = weights or Weights()
    first, last = to_date(since), to_date(until)
    check_window(G, first, last)
    by_pair: dict[tuple[str, str], list[FactRef]] = defaultdict(list)
    for fact in iter_facts(G, since=first, until=last):
        a, b = sorted((fact.subject, fact.object))
        by_pair[(a, b)].append(fact)
    D = nx.Graph()
    D.add_nodes_from(G.nodes(data=True))
    for (a, b), facts in by_pair.items():
        score = score_facts(a, b, facts, weights, first, last)
        D.add_edge(a, b, score=score.score, normalized=score.normalized, cooperation=score.cooperation,
                   conflict=score.conflict, facts=score.facts,
                   counts={t.value: n for t, n in score.counts.items()})
    return D
