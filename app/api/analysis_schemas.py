"""Response models of ``/analysis``: pair scores, the bloc test, communities and claims, with their examples.

Every number of an answer comes with the ids of the facts behind it. Nested lists hold
plain fact ids (``/facts/{id}`` reads one with its sentences); each answer also lists
every fact it names once, at its top level (``facts``), with ``links.self`` and, for pair
scores and bloc tests, what the fact is and the weight it brought. The ``*_out``
functions turn the dataclasses of :mod:`alignkg.graph.analysis` into these models; the scores,
the verdict and every rule stay in ``graph``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field

from alignkg.app.api.schemas import fact_path
from alignkg.graph import Claim, EdgeType, KnowledgeGraph, QuadClass
from alignkg.graph.analysis import BlocReport, Community, Contribution, DyadScore, FactRef, Weights

_AT, _NI, _MS = EdgeType.ARMS_TRANSFER, EdgeType.NON_INTERVENTION, EdgeType.MILITARY_SUPPORT
_MC, _VC = QuadClass.MATERIAL_COOPERATION, QuadClass.VERBAL_COOPERATION
_ARMS, _OIL, _RUS_OUT, _CHN_OUT = "6c3ae41ceba511fdbc91", "0f250208527e42e6a7c3", "a200cc3e827921352907", \
    "e254b7387fadb79f459d"
_ISR_STRIKE, _USA_STRIKE = "edbe473a40d5a82a9c6b", "61e5664ba91f01b3de4f"
_WEIGHTS = Weights().to_dict()
_VERDICT = ("material ties without mutual defence: 2 of 6 pairs have material ties (arms transfer between IRN and "
            "RUS, energy trade between CHN and IRN); no pair came to another's aid: no military or diplomatic support "
            "between members; 2 non-interventions: RUS and CHN stayed out when IRN was struck by ISR and USA; no "
            "conflict between members.")


def _examples(*examples: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(examples)})


def _ids(fact_ids: Iterable[str]) -> list[str]:
    """The fact ids the analysis names, as a JSON list (they are ``KnowledgeGraph.fact_id``'s already)."""
    return list(fact_ids)


def _example_fact(fact_id: str, subject: str, edge_type: EdgeType, obj: str, weight: float | None, *,
                  directed: bool = True, description: str = "") -> dict[str, Any]:
    return {"id": fact_id, "subject": subject, "type": edge_type.value, "object": obj,
            "quad_class": edge_type.spec.quad_class.value, "hedged": False, "directed": directed,
            "first_seen": "2025-06-24", "last_seen": "2025-06-24", "evidence": 2,
            "description": description or f"{edge_type.spec.label} from {subject} to {obj}", "weight": weight,
            "links": {"self": fact_path(fact_id)}}


_EX_ARMS = _example_fact(_ARMS, "IRN", _AT, "RUS", 2.0, directed=False,
                         description=f"{_AT.spec.label} between IRN and RUS")
_EX_RUS_OUT = _example_fact(_RUS_OUT, "RUS", _NI, "IRN", -2.0)


# --- models -----------------------------------------------------------------------------------------

class FactLinkOut(BaseModel):
    """A fact named by an answer, with the link to read it and its sentences."""

    id: str = Field(description="The fact's id (the end of its IRI); `GET /facts/{id}` gives its evidence.")
    links: dict[str, str]


class FactRefOut(FactLinkOut):
    """A fact counted by an analysis: what it is, when it was seen, and what it weighed."""

    model_config = _examples(_EX_ARMS)

    subject: str
    type: str = Field(description="The edge type id.")
    object: str
    quad_class: str
    hedged: bool
    directed: bool
    first_seen: dt.date | None = Field(description="Publication date of the first article that states it.")
    last_seen: dt.date | None = Field(description="Publication date of the last article that states it.")
    evidence: int = Field(description="How many sentences support it.")
    description: str = Field(description="The fact in words: `arms transfer between IRN and RUS`.")
    weight: float | None = Field(description="What the fact adds to the score; null for a fact shown as context "
                                             "(a strike on a member, which tells who attacked it).")


class WeightsOut(BaseModel):
    """The weights a score was computed with (docs/analysis.md)."""

    classes: dict[str, float] = Field(description="Weight per quad class.")
    types: dict[str, float] = Field(description="Weight per edge type, overriding its class.")
    hedged: float = Field(description="Factor for a fact that every source hedges.")


class DyadOut(BaseModel):
    """The alignment score of two states, with every fact behind it."""

    model_config = _examples({
        "a": "RUS", "b": "IRN", "score": 0.0, "normalized": 0.0, "cooperation": 2.0, "conflict": 2.0,
        "since": None, "until": None, "counts": {_AT.value: 1, _NI.value: 1},
        "facts_by_type": {_AT.value: [_ARMS], _NI.value: [_RUS_OUT]}, "facts": [_EX_ARMS, _EX_RUS_OUT],
        "summary": "RUS and IRN: score 0.0 (normalized 0.00) from 2 fact(s): arms transfer x1 (+2.0), "
                   "non intervention x1 (-2.0)",
        "weights": _WEIGHTS, "links": {"self": "/analysis/dyad?a=RUS&b=IRN", "a": "/states/RUS", "b": "/states/IRN"}})

    a: str
    b: str
    score: float = Field(description="The sum of the weights of the pair's facts (both directions).")
    normalized: float = Field(description="score / sum of |weights|: -1 only conflict, +1 only cooperation.")
    cooperation: float = Field(description="The sum of the positive weights (facts with weight > 0).")
    conflict: float = Field(description="The sum of the negative weights, as a positive number.")
    since: dt.date | None
    until: dt.date | None
    counts: dict[str, int] = Field(description="Facts by edge type.")
    facts_by_type: dict[str, list[str]] = Field(description="Fact ids by edge type.")
    facts: list[FactRefOut] = Field(description="Every fact behind the score, with its weight.")
    summary: str
    weights: WeightsOut
    links: dict[str, str]


class TallyOut(BaseModel):
    """One measure of the bloc test over all pairs: how many, which pairs, which facts."""

    count: int = Field(description="Pairs with such facts (for `non_intervention`: the number of facts).")
    pairs: list[list[str]]
    facts: list[str] = Field(description="Fact ids.")


class CohesionOut(BaseModel):
    """The mean normalized score of the pairs (-1 to +1), with every fact among the members."""

    value: float
    facts: list[str] = Field(description="Fact ids.")


class PairOut(BaseModel):
    """What the facts say about one pair of members: the score and the fact ids by category."""

    a: str
    b: str
    score: float
    normalized: float
    summary: str
    material_cooperation: list[str]
    verbal_cooperation: list[str]
    conflict: list[str]
    military_support: list[str]
    non_intervention: list[str]
    facts: list[str] = Field(description="Ids of every fact between the two (behind the score).")
    links: dict[str, str]


class ResponseOut(BaseModel):
    """How a member answered another member's conflict (military support or non-intervention)."""

    type: str
    member: str = Field(description="The member that helped or stayed out.")
    attacked: str = Field(description="The member in a conflict.")
    attackers: list[str] = Field(description="The states whose strikes on it are stored.")
    fact: str = Field(description="The id of the support or non-intervention fact.")
    strikes: list[str] = Field(description="The ids of the strikes on the attacked member.")


def _tally_example(pairs: list[list[str]], facts: list[str], count: int | None = None) -> dict[str, Any]:
    return {"count": len(pairs) if count is None else count, "pairs": pairs, "facts": facts}


class BlocOut(BaseModel):
    """The bloc test of a claimed bloc: per measure, per pair, cohesion and verdict, every number with its facts."""

    model_config = _examples({
        "members": ["RUS", "CHN", "PRK", "IRN"], "claimants": [], "claim": None, "since": None, "until": None,
        "pairs_total": 6,
        _MC.value: _tally_example([["RUS", "IRN"], ["CHN", "IRN"]], [_ARMS, _OIL]),
        _VC.value: _tally_example([], []), "conflict": _tally_example([], []),
        _MS.value: _tally_example([], []),
        _NI.value: _tally_example([["RUS", "IRN"], ["CHN", "IRN"]], [_RUS_OUT, _CHN_OUT]),
        "cohesion": {"value": 0.0, "facts": [_ARMS, _RUS_OUT, _OIL, _CHN_OUT]},
        "headline": "material ties without mutual defence", "verdict": _VERDICT,
        "responses": [{"type": _NI.value, "member": "RUS", "attacked": "IRN", "attackers": ["ISR", "USA"],
                       "fact": _RUS_OUT, "strikes": [_ISR_STRIKE, _USA_STRIKE]}],
        "pairs": [{"a": "RUS", "b": "IRN", "score": 0.0, "normalized": 0.0,
                   "summary": "RUS and IRN: score 0.0 (normalized 0.00) from 2 fact(s): arms transfer x1 (+2.0), "
                              "non intervention x1 (-2.0)",
                   _MC.value: [_ARMS], _VC.value: [], "conflict": [],
                   _MS.value: [], _NI.value: [_RUS_OUT], "facts": [_ARMS, _RUS_OUT],
                   "links": {"dyad": "/analysis/dyad?a=RUS&b=IRN"}}],
        "facts": [_EX_ARMS, _EX_RUS_OUT],
        "weights": _WEIGHTS,
        "links": {"self": "/analysis/bloc?states=RUS&states=CHN&states=PRK&states=IRN"}})

    members: list[str]
    claimants: list[str] = Field(description="Who claimed the bloc, when it is a stored claim.")
    claim: str | None = Field(description="The id of the stored claim tested, if one was.")
    since: dt.date | None
    until: dt.date | None
    pairs_total: int
    material_cooperation: TallyOut = Field(description="Pairs with arms, energy, trade, alliance or military "
                                                       "support between them.")
    verbal_cooperation: TallyOut = Field(description="Pairs with diplomatic support.")
    conflict: TallyOut = Field(description="Pairs with verbal or material conflict.")
    military_support: TallyOut = Field(description="Pairs where a member came to another's aid.")
    non_intervention: TallyOut = Field(description="Non-intervention facts: a member stayed out when another "
                                                   "was attacked.")
    cohesion: CohesionOut
    headline: str
    verdict: str = Field(description="One sentence built from the numbers by the rules of docs/analysis.md.")
    responses: list[ResponseOut]
    pairs: list[PairOut]
    facts: list[FactRefOut] = Field(description="Every fact the report names: those among the members, with "
                                                "their weights, then the strikes on members (weight null).")
    weights: WeightsOut
    links: dict[str, str]


class CommunityOut(BaseModel):
    """A group of states tied by cooperation, with the cooperation facts inside it."""

    members: list[str]
    weight: float = Field(description="The sum of the cooperation weights inside the group.")
    facts: list[str] = Field(description="Ids of the cooperation facts inside the group.")
    links: dict[str, str]


class CommunitiesOut(BaseModel):
    """The communities of cooperation (Louvain on the pairs' cooperation weights), largest first."""

    model_config = _examples({
        "communities": [{"members": ["CHN", "IRN", "RUS"], "weight": 4.0, "facts": [_OIL, _ARMS],
                         "links": {"bloc": "/analysis/bloc?states=CHN&states=IRN&states=RUS"}}],
        "count": 1,
        "facts": [{"id": _OIL, "links": {"self": fact_path(_OIL)}}, {"id": _ARMS, "links": {"self": fact_path(_ARMS)}}],
        "weights": _WEIGHTS})

    communities: list[CommunityOut]
    count: int
    facts: list[FactLinkOut] = Field(description="Every fact of the communities, with its link.")
    weights: WeightsOut


class ClaimRefOut(BaseModel):
    """A stored claim of alignment, with the link to its bloc test."""

    id: str = Field(description="The claim's id (one per member set); `claim=<id>` on `/analysis/bloc`.")
    number: int = Field(description="Its position in this list (members in code order), from 1.")
    claimants: list[str]
    members: list[str]
    links: dict[str, str]


class ClaimsOut(BaseModel):
    """The stored claims of alignment (officials saying that states form a bloc)."""

    model_config = _examples({"claims": [{
        "id": "2fac7f954e8fa0824445", "number": 1, "claimants": ["GBR", "USA"], "members": ["CHN", "IRN", "PRK", "RUS"],
        "links": {"bloc": "/analysis/bloc?claim=2fac7f954e8fa0824445"}}], "count": 1})

    claims: list[ClaimRefOut]
    count: int


# --- graph values -> models ------------------------------------------------------------------------

def _query(path: str, **params: Any) -> str:
    pairs = [(k, v) for k, value in params.items() if value is not None
             for v in (value if isinstance(value, list | tuple) else [value])]
    return f"{path}?{urlencode(pairs)}" if pairs else path


def _window(since: dt.date | None, until: dt.date | None) -> dict[str, str | None]:
    return {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None}


def fact_ref_out(fact: FactRef, weight: float | None) -> FactRefOut:
    """Return the JSON of a fact an analysis counted (``weight`` None for context)."""
    fact_id = fact.id
    return FactRefOut(id=fact_id, subject=fact.subject, type=fact.type.value, object=fact.object,
                      quad_class=fact.quad_class.value, hedged=fact.hedged, directed=fact.directed,
                      first_seen=fact.first_seen, last_seen=fact.last_seen, evidence=fact.evidence,
                      description=fact.describe(), weight=weight, links={"self": fact_path(fact_id)})


def _contributions(contributions: Iterable[Contribution]) -> list[FactRefOut]:
    return [fact_ref_out(c.fact, c.weight) for c in contributions]


def weights_out(weights: Weights) -> WeightsOut:
    """Return the JSON of the weights of a score."""
    return WeightsOut(**weights.to_dict())


def dyad_out(score: DyadScore) -> DyadOut:
    """Return the JSON of a pair score with its facts."""
    return DyadOut(a=score.a, b=score.b, score=score.score, normalized=score.normalized,
                   cooperation=score.cooperation, conflict=score.conflict, since=score.since, until=score.until,
                   counts={t.value: n for t, n in score.counts.items()},
                   facts_by_type={t.value: _ids(ids) for t, ids in score.facts_by_type.items()},
                   facts=_contributions(score.contributions), summary=score.summary,
                   weights=weights_out(score.weights),
                   links={"self": _query("/analysis/dyad", a=score.a, b=score.b, **_window(score.since, score.until)),
                          "a": f"/states/{score.a}", "b": f"/states/{score.b}"})


def bloc_out(report: BlocReport, claim_id: str | None = None) -> BlocOut:
    """Return the JSON of a bloc test; ``claim_id`` when it tested a stored claim."""
    tallies = {key: TallyOut(count=t.count, pairs=[list(p) for p in t.pairs], facts=_ids(t.facts))
               for key, t in report.tallies().items()}
    pairs = [PairOut(a=p.a, b=p.b, score=p.dyad.score, normalized=p.dyad.normalized, summary=p.dyad.summary,
                     material_cooperation=_ids(f.id for f in p.material_cooperation),
                     verbal_cooperation=_ids(f.id for f in p.verbal_cooperation),
                     conflict=_ids(f.id for f in p.conflict),
                     military_support=_ids(f.id for f in p.military_support),
                     non_intervention=_ids(f.id for f in p.non_intervention), facts=_ids(p.facts),
                     links={"dyad": _query("/analysis/dyad", a=p.a, b=p.b, **_window(report.since, report.until))})
             for p in report.pairs]
    responses = [ResponseOut(type=r.fact.type.value, member=r.member, attacked=r.attacked,
                             attackers=list(r.attackers), fact=r.fact.id,
                             strikes=_ids(s.id for s in r.strikes))
                 for r in report.responses]
    named = _contributions(c for p in report.pairs for c in p.dyad.contributions)
    strikes = {s.id: s for r in report.responses for s in r.strikes}
    named += [fact_ref_out(s, None) for s in strikes.values()]
    window = _window(report.since, report.until)
    self_link = (_query("/analysis/bloc", claim=claim_id, **window) if claim_id
                 else _query("/analysis/bloc", states=list(report.members), **window))
    return BlocOut(members=list(report.members), claimants=list(report.claimants), claim=claim_id,
                   since=report.since, until=report.until, pairs_total=len(report.pairs),
                   **tallies, cohesion=CohesionOut(value=report.cohesion, facts=_ids(report.facts)),
                   headline=report.headline, verdict=report.verdict, responses=responses, pairs=pairs, facts=named,
                   weights=weights_out(report.weights), links={"self": self_link})


def communities_out(found: Iterable[Community], weights: Weights) -> CommunitiesOut:
    """Return the JSON of the communities of cooperation."""
    groups = [CommunityOut(members=list(c.members), weight=c.weight, facts=_ids(c.facts),
                           links={"bloc": _query("/analysis/bloc", states=list(c.members))}) for c in found]
    named = dict.fromkeys(f for g in groups for f in g.facts)
    return CommunitiesOut(communities=groups, count=len(groups),
                          facts=[FactLinkOut(id=f, links={"self": fact_path(f)}) for f in named],
                          weights=weights_out(weights))


def claims_out(claims: Iterable[Claim]) -> ClaimsOut:
    """Return the JSON list of the stored claims, numbered from 1."""
    found = []
    for number, claim in enumerate(claims, 1):
        claim_id = KnowledgeGraph.claim_id(claim)
        found.append(ClaimRefOut(id=claim_id, number=number, claimants=list(claim.claimants),
                                 members=list(claim.members), links={"bloc": _query("/analysis/bloc", claim=claim_id)}))
    return ClaimsOut(claims=found, count=len(found))
