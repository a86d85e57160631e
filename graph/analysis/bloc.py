"""The bloc test: whether the facts show the bloc that officials claim.

Given a claimed bloc (a stored :class:`~alignkg.graph.model.Claim` or a list of states), this module
reports for every pair of members the material cooperation, the verbal cooperation, the
conflict, the military support and the non-interventions when a member was attacked; an
overall cohesion figure; and a verdict sentence built from those numbers by the rules in
``docs/analysis.md``. Every number carries the ids of the facts behind it. The pair scores
come from :mod:`alignkg.graph.analysis.dyad`; facts come only from the views of
:mod:`alignkg.graph.analysis.views`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from alignkg.graph.analysis.dyad import DyadScore, Weights, score_facts
from alignkg.graph.analysis.views import (
    DateLike,
    FactRef,
    Members,
    check_window,
    fact_of,
    pair_facts,
    require_cover,
    resolve_members,
    resolve_state,
    to_date,
)
from alignkg.graph.model import Claim
from alignkg.graph.ontology import EdgeType, QuadClass

__all__ = ["BlocReport", "PairReport", "Response", "Tally", "bloc_report"]

_CONFLICT = (QuadClass.VERBAL_CONFLICT, QuadClass.MATERIAL_CONFLICT)
#: The categories of the bloc test, by their JSON key, with the test a fact passes to belong to one.
#: Two categories are quad classes and two are edge types, so their keys come from the ontology.
_CATEGORIES: dict[str, Callable[[FactRef], bool]] = {
    QuadClass.MATERIAL_COOPERATION.value: lambda f: f.quad_class is QuadClass.MATERIAL_COOPERATION,
    QuadClass.VERBAL_COOPERATION.value: lambda f: f.quad_class is QuadClass.VERBAL_COOPERATION,
    "conflict": lambda f: f.quad_class in _CONFLICT,
    EdgeType.MILITARY_SUPPORT.value: lambda f: f.type is EdgeType.MILITARY_SUPPORT,
    EdgeType.NON_INTERVENTION.value: lambda f: f.type is EdgeType.NON_INTERVENTION,
}


@dataclass(frozen=True, slots=True)
class Tally:
    """A number of the bloc report with the pairs and the facts behind it.

    For the pair measures (``material_cooperation``...) ``count`` is the number of pairs;
    for ``non_intervention`` it is the number of non-intervention facts.

    Example:
        >>> Tally(1, ("f1",), (("RUS", "IRN"),)).to_dict()
        {'count': 1, 'pairs': [['RUS', 'IRN']], 'facts': ['f1']}
    """

    count: int
    facts: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"count": self.count, "pairs": [list(p) for p in self.pairs], "facts": list(self.facts)}


@dataclass(frozen=True, slots=True)
class PairReport:
    """What the facts say about one pair of members, by category, with the pair's score.

    Example:
        >>> facts = [FactRef("f1", "IRN", EdgeType.ARMS_TRANSFER, "RUS"),
        ...          FactRef("f2", "RUS", EdgeType.NON_INTERVENTION, "IRN")]
        >>> pair = PairReport("RUS", "IRN", score_facts("RUS", "IRN", facts, Weights()))
        >>> [f.id for f in pair.material_cooperation], [f.id for f in pair.non_intervention], pair.conflict
        (['f1'], ['f2'], ())
    """

    a: str
    b: str
    dyad: DyadScore

    def category(self, key: str) -> tuple[FactRef, ...]:
        """Return the pair's facts in one category of the bloc test, by its JSON key."""
        keep = _CATEGORIES[key]
        return tuple(c.fact for c in self.dyad.contributions if keep(c.fact))

    @property
    def material_cooperation(self) -> tuple[FactRef, ...]:
        """Arms, energy, trade, alliances and military support between the two."""
        return self.category(QuadClass.MATERIAL_COOPERATION.value)

    @property
    def verbal_cooperation(self) -> tuple[FactRef, ...]:
        """Diplomatic support between the two."""
        return self.category(QuadClass.VERBAL_COOPERATION.value)

    @property
    def conflict(self) -> tuple[FactRef, ...]:
        """Condemnations, threats, sanctions and strikes between the two."""
        return self.category("conflict")

    @property
    def military_support(self) -> tuple[FactRef, ...]:
        """One member's military support of the other."""
        return self.category(EdgeType.MILITARY_SUPPORT.value)

    @property
    def non_intervention(self) -> tuple[FactRef, ...]:
        """One member staying out of the other's conflict."""
        return self.category(EdgeType.NON_INTERVENTION.value)

    @property
    def facts(self) -> tuple[str, ...]:
        """The ids of all the facts between the two."""
        return self.dyad.facts

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI: fact ids by category, and the pair's score."""
        categories = {key: [f.id for f in self.category(key)] for key in _CATEGORIES}
        return {"a": self.a, "b": self.b, "score": self.dyad.score, "normalized": self.dyad.normalized,
                "summary": self.dyad.summary, **categories, "dyad": self.dyad.to_dict()}


@dataclass(frozen=True, slots=True)
class Response:
    """How one member answered another member's conflict: military support or non-intervention.

    ``strikes`` are the strikes on the member in the window, to say who attacked it.

    Example:
        >>> stayed_out = FactRef("f1", "RUS", EdgeType.NON_INTERVENTION, "IRN")
        >>> strike = FactRef("f2", "ISR", EdgeType.MILITARY_STRIKE, "IRN")
        >>> response = Response(stayed_out, (strike,))
        >>> response.member, response.attacked, response.attackers
        ('RUS', 'IRN', ('ISR',))
    """

    fact: FactRef
    strikes: tuple[FactRef, ...] = ()

    @property
    def member(self) -> str:
        """The member that helped or stayed out."""
        return self.fact.subject

    @property
    def attacked(self) -> str:
        """The member in a conflict."""
        return self.fact.object

    @property
    def attackers(self) -> tuple[str, ...]:
        """The states that struck the attacked member, in code order."""
        return tuple(sorted({s.subject for s in self.strikes}))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"type": self.fact.type.value, "member": self.member, "attacked": self.attacked,
                "attackers": list(self.attackers), "fact": self.fact.id, "strikes": [s.id for s in self.strikes]}


@dataclass(frozen=True, slots=True)
class BlocReport:
    """The bloc test: per pair, per category and overall, with a verdict, every number with its facts.

    ``cohesion`` is the mean of the pairs' normalized scores (a pair without facts counts
    0): +1 when every pair only cooperates, -1 when every pair only fights, 0 for no ties
    or ties cancelled by conflict and non-intervention.

    Example:
        >>> arms = FactRef("f1", "IRN", EdgeType.ARMS_TRANSFER, "RUS")
        >>> pair = PairReport("RUS", "IRN", score_facts("RUS", "IRN", [arms], Weights()))
        >>> report = BlocReport(("RUS", "IRN"), (pair,), ())
        >>> report.headline, report.cohesion, report.material_cooperation.count
        ('material ties without mutual defence', 1.0, 1)
    """

    members: tuple[str, ...]
    pairs: tuple[PairReport, ...]
    responses: tuple[Response, ...]
    claimants: tuple[str, ...] = ()
    weights: Weights = field(default_factory=Weights)
    since: dt.date | None = None
    until: dt.date | None = None

    def tally(self, key: str) -> Tally:
        """Return one category of the bloc test over all pairs, by its JSON key (pairs counted)."""
        pairs = [p for p in self.pairs if p.category(key)]
        return Tally(len(pairs), tuple(f.id for p in pairs for f in p.category(key)), tuple((p.a, p.b) for p in pairs))

    @property
    def material_cooperation(self) -> Tally:
        """The pairs with material cooperation (arms, energy, trade, alliance, military support)."""
        return self.tally(QuadClass.MATERIAL_COOPERATION.value)

    @property
    def verbal_cooperation(self) -> Tally:
        """The pairs with diplomatic support."""
        return self.tally(QuadClass.VERBAL_COOPERATION.value)

    @property
    def conflict(self) -> Tally:
        """The pairs with conflict (verbal or material)."""
        return self.tally("conflict")

    @property
    def military_support(self) -> Tally:
        """The pairs where a member came to another's aid."""
        return self.tally(EdgeType.MILITARY_SUPPORT.value)

    @property
    def non_intervention(self) -> Tally:
        """The non-intervention facts: a member stayed out when another was attacked."""
        found = self.tally(EdgeType.NON_INTERVENTION.value)
        return Tally(len(found.facts), found.facts, found.pairs)

    def tallies(self) -> dict[str, Tally]:
        """Return the five measures of the report by their JSON key."""
        return {QuadClass.MATERIAL_COOPERATION.value: self.material_cooperation,
                QuadClass.VERBAL_COOPERATION.value: self.verbal_cooperation, "conflict": self.conflict,
                EdgeType.MILITARY_SUPPORT.value: self.military_support,
                EdgeType.NON_INTERVENTION.value: self.non_intervention}

    @property
    def cohesion(self) -> float:
        """The mean normalized score of the pairs, from -1 to +1."""
        return sum(p.dyad.normalized for p in self.pairs) / len(self.pairs) + 0.0

    @property
    def facts(self) -> tuple[str, ...]:
        """The ids of every fact among the members (those behind the cohesion figure)."""
        return tuple(f for p in self.pairs for f in p.facts)

    @property
    def headline(self) -> str:
        """The verdict's first words, chosen by the rules of ``docs/analysis.md``."""
        if not self.facts:
            return "no evidence of a bloc"
        cooperating = sum(1 for p in self.pairs if p.material_cooperation or p.verbal_cooperation)
        conflict, aid = self.conflict.count, self.military_support.count
        if conflict > cooperating:
            return "more conflict than cooperation"
        if aid and not self.non_intervention.count:
            return "a bloc with mutual defence"
        if aid:
            return "mutual defence in part"
        if self.material_cooperation.count:
            return "material ties without mutual defence"
        if self.verbal_cooperation.count:
            return "words without material ties"
        return "no bloc"

    @property
    def verdict(self) -> str:
        """One sentence built from the numbers of the report: the headline, then one clause per measure."""
        total = len(self.pairs)
        if not self.facts:
            return f"no evidence of a bloc: no fact links any of the {total} pairs of {_join(self.members)}."
        clauses = [self._ties_clause(total), *self._aid_clauses(total), self._abstention_clause(),
                   self._conflict_clause(total)]
        return f"{self.headline}: {'; '.join(clauses)}."

    def _ties_clause(self, total: int) -> str:
        tally = self.material_cooperation
        if not tally.count:
            return "no pair has material ties"
        ties = ", ".join(f.describe() for p in self.pairs for f in p.material_cooperation)
        return f"{tally.count} of {total} pairs {'has' if tally.count == 1 else 'have'} material ties ({ties})"

    def _aid_clauses(self, total: int) -> list[str]:
        aid, words = self.military_support, self.verbal_cooperation
        if not aid.count and not words.count:
            return ["no pair came to another's aid: no military or diplomatic support between members"]
        clauses = []
        if aid.count:
            helped = ", ".join(_response(r) for r in self.responses if r.fact.type is EdgeType.MILITARY_SUPPORT)
            clauses.append(f"{aid.count} of {total} pairs came to another's aid ({helped})")
        else:
            clauses.append("no pair came to another's aid (no military support)")
        if words.count:
            said = ", ".join(f.describe() for p in self.pairs for f in p.verbal_cooperation)
            clauses.append(f"{words.count} of {total} pairs voiced support ({said})")
        else:
            clauses.append("no diplomatic support between members")
        return clauses

    def _abstention_clause(self) -> str:
        abstentions = [r for r in self.responses if r.fact.type is EdgeType.NON_INTERVENTION]
        if not abstentions:
            return "no non-intervention"
        groups: dict[str, list[Response]] = {}
        for response in abstentions:
            groups.setdefault(response.attacked, []).append(response)
        parts = []
        for attacked in sorted(groups, key=self.members.index):
            responses = groups[attacked]
            who = _join(dict.fromkeys(r.member for r in responses))
            attackers = sorted({a for r in responses for a in r.attackers})
            when = f"when {attacked} was struck by {_join(attackers)}" if attackers else f"of {attacked}'s conflict"
            parts.append(f"{who} stayed out {when}")
        count = len(abstentions)
        return f"{count} non-intervention{'s' if count > 1 else ''}: {', '.join(parts)}"

    def _conflict_clause(self, total: int) -> str:
        tally = self.conflict
        if not tally.count:
            return "no conflict between members"
        found = ", ".join(f.describe() for p in self.pairs for f in p.conflict)
        return f"{tally.count} of {total} pairs {'is' if tally.count == 1 else 'are'} in conflict ({found})"

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI: members, per-category tallies, pairs, cohesion, verdict."""
        return {
            "members": list(self.members),
            "claimants": list(self.claimants),
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "pairs_total": len(self.pairs),
            **{key: tally.to_dict() for key, tally in self.tallies().items()},
            "cohesion": {"value": self.cohesion, "facts": list(self.facts)},
            "headline": self.headline,
            "verdict": self.verdict,
            "responses": [r.to_dict() for r in self.responses],
            "pairs": [p.to_dict() for p in self.pairs],
            "weights": self.weights.to_dict(),
        }


def _join(items: Iterable[str]) -> str:
    names = list(items)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _response(response: Response) -> str:
    text = response.fact.describe()
    if response.attackers:
        text += f" when {response.attacked} was struck by {_join(response.attackers)}"
    return text


def _strikes_on(G: Any, state: str, since: dt.date | None, until: dt.date | None) -> tuple[FactRef, ...]:
    found = []
    for u, v, data in G.in_edges(state, data=True):
        fact = fact_of(u, v, data)
        if fact.type is EdgeType.MILITARY_STRIKE and fact.in_window(since, until):
            found.append(fact)
    return tuple(sorted(found, key=lambda f: (f.subject, f.id)))


def bloc_report(G: Any, states: Members, *, weights: Weights | None = None,
                since: DateLike | None = None, until: DateLike | None = None) -> BlocReport:
    """Return the bloc test of a claimed bloc: per pair, per category, cohesion and verdict, with fact ids.

    Pairs are taken in the order the members are given (a claim's members in code order).
    A pair without facts is reported with zeros and the words "no facts".

    Args:
        G: a fact view holding the members' facts: :func:`alignkg.graph.analysis.bloc_view` (which
            also holds the strikes on members) or :func:`alignkg.graph.analysis.fact_view`.
        states: a stored claim, or a list of at least 2 states (codes, names or aliases).
        weights: the weights of the pair scores (default :class:`Weights`).
        since: only facts last seen on or after this date.
        until: only facts first seen on or before this date.

    Raises:
        InvalidInputError: fewer than 2 distinct states, a bad date, or a view without the members.
        UnknownStateError: a member names no state (with suggestions).

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import bloc_view
        >>> text = ("Iran sold drones to Russia. China bought oil from Iran. Israel struck Iran. "
        ...         "Russia refrained from intervening to help Iran.")
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest(text, id="a1")
        ...     report = bloc_report(bloc_view(kg, ["RUS", "CHN", "IRN"]), ["RUS", "CHN", "IRN"])
        >>> report.material_cooperation.count, report.military_support.count, report.non_intervention.count
        (2, 0, 1)
        >>> print(report.verdict)  # doctest: +NORMALIZE_WHITESPACE
        material ties without mutual defence: 2 of 3 pairs have material ties (arms transfer from IRN to RUS,
        energy trade from IRN to CHN); no pair came to another's aid: no military or diplomatic support between
        members; 1 non-intervention: RUS stayed out when IRN was struck by ISR; no conflict between members.
    """
    first, last = to_date(since), to_date(until)
    members = resolve_members(lambda name: resolve_state(G, name), states)
    require_cover(G, members)
    check_window(G, first, last)
    weights = weights or Weights()
    pairs = tuple(PairReport(a, b, score_facts(a, b, pair_facts(G, a, b, since=first, until=last), weights,
                                               first, last))
                  for a, b in itertools.combinations(members, 2))
    strikes: dict[str, tuple[FactRef, ...]] = {}
    responses = []
    for pair in pairs:
        for fact in (*pair.military_support, *pair.non_intervention):
            if fact.object not in strikes:
                strikes[fact.object] = _strikes_on(G, fact.object, first, last)
            responses.append(Response(fact, strikes[fact.object]))
    claimants = states.claimants if isinstance(states, Claim) else ()
    return BlocReport(members, pairs, tuple(responses), claimants, weights, first, last)
