"""Rule 7 (repeated text is one fact) and rule 3 (undirected deals) at the article level.

The same (subject, type, object) said in several sentences, or in the headline
and the body (rule 8), is one fact with several pieces of evidence. An
undirected deal between two states that the article elsewhere orients ("trade
between A and B" and "A's exports to B") joins the directed fact instead of
standing beside it (both directed facts, when the article orients it both ways).
The store applies the same rule across articles (``graph/rdf/updates.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

from alignkg.graph.model import Claim, Evidence, Fact
from alignkg.graph.ontology import EdgeType


def merge_facts(found: Iterable[tuple[str, EdgeType, str, bool, bool, Evidence]]) -> tuple[Fact, ...]:
    """Return one fact per edge from (subject, type, object, hedged, directed, evidence) tuples.

    A fact is hedged only when every sentence that states it hedges it.
    """
    facts: dict[tuple[str, EdgeType, str, bool], Fact] = {}
    order: list[tuple[str, EdgeType, str, bool]] = []
    for subject, edge_type, obj, hedged, directed, evidence in found:
        fact = Fact(subject, edge_type, obj, hedged=hedged, directed=directed, evidence=(evidence,))
        # A directed and an undirected statement of one pair are apart here; _absorb_undirected joins them.
        key = (*fact.key, directed or edge_type.spec.symmetric)
        if key in facts:
            old = facts[key]
            evidence_all = old.evidence + tuple(e for e in fact.evidence if e not in old.evidence)
            facts[key] = Fact(old.subject, edge_type, old.object, hedged=old.hedged and hedged,
                              directed=old.directed or directed, evidence=evidence_all)
        else:
            facts[key] = fact
            order.append(key)
    merged = [facts[k] for k in order]
    return tuple(_absorb_undirected(merged))


def _absorb_undirected(facts: list[Fact]) -> list[Fact]:
    """Give an undirected fact's evidence to the directed facts of its pair and type (both, when both are stated)."""
    directed: dict[tuple[EdgeType, frozenset[str]], list[Fact]] = {}
    for f in facts:
        if f.directed:
            directed.setdefault((f.type, frozenset((f.subject, f.object))), []).append(f)
    out: list[Fact] = []
    extra: dict[tuple[str, EdgeType, str], tuple[Evidence, ...]] = {}
    for fact in facts:
        if not fact.directed and not fact.type.spec.symmetric:
            twins = directed.get((fact.type, frozenset((fact.subject, fact.object))), [])
            for twin in twins:
                extra[twin.key] = extra.get(twin.key, ()) + fact.evidence
            if twins:
                continue
        out.append(fact)
    result = []
    for fact in out:
        more = tuple(e for e in extra.get(fact.key, ()) if e not in fact.evidence)
        if more:
            fact = Fact(fact.subject, fact.type, fact.object, hedged=fact.hedged, directed=fact.directed,
                        evidence=fact.evidence + more)
        result.append(fact)
    return result


def merge_claims(found: Iterable[tuple[tuple[str, ...], tuple[str, ...], Evidence]]) -> tuple[Claim, ...]:
    """Return one claim per member set, with every claimant and sentence that makes it."""
    claims: dict[tuple[str, ...], Claim] = {}
    for claimants, members, evidence in found:
        key = tuple(sorted(members))
        old = claims.get(key)
        if old is None:
            claims[key] = Claim(tuple(sorted(claimants)), key, (evidence,))
        else:
            evidence_all = old.evidence + ((evidence,) if evidence not in old.evidence else ())
            claims[key] = Claim(tuple(sorted(set(old.claimants) | set(claimants))), key, evidence_all)
    return tuple(claims.values())
