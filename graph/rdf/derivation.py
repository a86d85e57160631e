"""What :func:`alignkg.graph.rdf.updates.recompute` writes, computed in Python for a batch of new articles.

The batch ingest (:meth:`alignkg.graph.kg.KnowledgeGraph.ingest_batch`) reads the quads that
decide a fact group's derived values (the evidence that supports its resources,
the documents of that evidence, the facts-graph quads of the resources, the analysts'
retractions), adds the quads of the new articles, and asks :func:`derive` for the quads to
add and the quads to remove so that the store ends exactly as one ``recompute`` request per
article would leave it: evidence that names no direction moved to the directed facts a
sentence orients, the undirected resource written again when evidence came back to it,
derived values, direct state-to-state triples, and facts and claims without evidence gone.

This module must not run queries or write: it turns quads into quads. The queries that read
the state are :data:`alignkg.graph.rdf.queries.DERIVATION_EVIDENCE` and its neighbours.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from alignkg.graph import namespace as ns
from alignkg.graph.ontology import EdgeType
from alignkg.graph.rdf.mapping import FACTS, FactGroup, ak, boolean, integer, state_node

_RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_SUPPORTS = ak("supports")
_HAS_BODY = NamedNode(ns.PREFIXES["oa"] + "hasBody")
_HEDGED = ak("hedged")
_DIRECTED = ak("directed")
_EVENT_DATE = ak("eventDate")
_DERIVED_FROM = NamedNode(ns.PREFIXES["prov"] + "wasDerivedFrom")
_DATE_PUBLISHED = NamedNode(ns.PREFIXES["schema"] + "datePublished")
_SOURCE = ak("source")
_EDGE_TYPE = ak("edgeType")
_SUBJECT = ak("subject")
_OBJECT = ak("object")
_RETRACTED = ak("retracted")
_TRUE = boolean(True)
#: The predicates of evidence and documents that the derived values read.
EVIDENCE_PREDICATES = (_SUPPORTS, _HEDGED, _DIRECTED, _EVENT_DATE, _DERIVED_FROM)
DOCUMENT_PREDICATES = (_DATE_PUBLISHED, _SOURCE)
#: The derived values (as :data:`alignkg.graph.rdf.updates.DERIVED`).
_DERIVED = frozenset(ak(name) for name in ("hedged", "firstSeen", "lastSeen", "eventDate", "articleCount",
                                           "sourceCount", "evidenceCount", "retracted"))


@dataclass(slots=True)
class _Evidence:
    graph: NamedNode
    targets: set[NamedNode] = field(default_factory=set)
    hedged: set[str] = field(default_factory=set)
    directed: set[bool] = field(default_factory=set)
    events: set[Literal] = field(default_factory=set)
    documents: set[NamedNode] = field(default_factory=set)


@dataclass(slots=True)
class State:
    """The quads that decide the derived values of some fact groups and claims, before and after new quads.

    Fill it with :meth:`add` (the quads read from the store, then the quads of the new
    articles); ``stored`` keeps apart what the store already holds, so that :func:`derive`
    removes only what is there and adds only what is not.
    """

    nodes: set[NamedNode]
    evidence: dict[NamedNode, _Evidence] = field(default_factory=dict)
    dates: dict[NamedNode, set[Literal]] = field(default_factory=dict)
    sources: dict[NamedNode, set[str]] = field(default_factory=dict)
    facts: dict[NamedNode, set[tuple[NamedNode, NamedNode | Literal]]] = field(default_factory=dict)
    retracted: set[NamedNode] = field(default_factory=set)
    stored: set[Quad] = field(default_factory=set)
    new: list[Quad] = field(default_factory=list)

    def add(self, quad: Quad, *, stored: bool) -> None:
        """Take one quad into account: one the store holds (``stored``) or one the batch adds."""
        if stored:
            self.stored.add(quad)
        else:
            self.new.append(quad)
        # Terms as Any: what this module reads are IRIs and literals, as the mapping writes them.
        s: Any = quad.subject
        o: Any = quad.object
        g: Any = quad.graph_name
        p = quad.predicate
        if g == FACTS:
            if s in self.nodes:
                self.facts.setdefault(s, set()).add((p, o))
            return
        if p in DOCUMENT_PREDICATES:
            if p == _DATE_PUBLISHED:
                self.dates.setdefault(s, set()).add(o)
            else:
                self.sources.setdefault(s, set()).add(o.value)
            return
        if p not in EVIDENCE_PREDICATES:
            return
        evidence = self.evidence.get(s)
        if evidence is None:
            evidence = self.evidence[s] = _Evidence(g)
        if p == _SUPPORTS:
            evidence.targets.add(o)
        elif p == _HEDGED:
            evidence.hedged.add(o.value)
        elif p == _DIRECTED:
            evidence.directed.add(o.value == "true")
        elif p == _EVENT_DATE:
            evidence.events.add(o)
        else:
            evidence.documents.add(o)


def evidence_quads(row: Any) -> Iterator[Quad]:
    """Yield the quads a row of :data:`~alignkg.graph.rdf.queries.DERIVATION_EVIDENCE` stands for.

    The document's date and source are given the evidence's graph: only their values matter here.
    """
    s, g, doc = row["s"], row["g"], row["doc"]
    yield Quad(s, _SUPPORTS, row["f"], g)
    for predicate, name in ((_HEDGED, "h"), (_DIRECTED, "d"), (_EVENT_DATE, "e")):
        if row[name] is not None:
            yield Quad(s, predicate, row[name], g)
    if doc is not None:
        yield Quad(s, _DERIVED_FROM, doc, g)
        for predicate, name in ((_DATE_PUBLISHED, "date"), (_SOURCE, "src")):
            if row[name] is not None:
                yield Quad(doc, predicate, row[name], g)


def nodes_of(groups: Iterable[FactGroup], claims: Iterable[NamedNode] = ()) -> list[NamedNode]:
    """Return the fact resources of ``groups`` and the ``claims``, each once."""
    found = [n for g in groups for n in (g.forward, g.backward, g.undirected) if n is not None]
    return list(dict.fromkeys([*found, *claims]))


def derive(state: State, groups: Iterable[FactGroup], claims: Iterable[NamedNode] = ()) -> tuple[list[Quad],
                                                                                                  list[Quad]]:
    """Return (quads to add, quads to remove) that bring ``groups`` and ``claims`` in line with their evidence.

    The result is what :func:`alignkg.graph.rdf.updates.recompute` leaves after the new quads
    of ``state`` are inserted: the quads to add hold the new quads, except those the
    recomputation removes at once (evidence of an undirected statement moved to a directed
    fact, a fact or claim without evidence); the quads to remove may name some the store lacks
    (a direct triple no fact stated, the ``oa:hasBody`` of a link that moves), which removes nothing.
    """
    groups = list(dict.fromkeys(groups))
    claims = list(dict.fromkeys(claims))
    links_out: set[tuple[NamedNode, NamedNode]] = set()  # (evidence, target) links removed
    links_in: set[tuple[NamedNode, NamedNode]] = set()
    by_target: dict[NamedNode, set[NamedNode]] = {}
    for node, ev in state.evidence.items():
        for target in ev.targets:
            by_target.setdefault(target, set()).add(node)

    def live(fact: NamedNode | None) -> bool:
        """Whether a sentence orients ``fact`` and no analyst retracted it."""
        return (fact is not None and fact not in state.retracted
                and any(True in state.evidence[e].directed for e in by_target.get(fact, ())))

    for group in groups:  # 1. one relation, one fact
        if group.symmetric:
            continue
        members = {n for n in (group.forward, group.backward, group.undirected) if n is not None}
        sides = {n for n in (group.forward, group.backward) if n is not None and live(n)} or {group.undirected}
        movable = {e for n in members for e in by_target.get(n, ()) if False in state.evidence[e].directed}
        for e in movable:
            old = state.evidence[e].targets & members
            if not old:
                continue
            links_out.update((e, n) for n in old - sides)
            links_in.update((e, n) for n in sides - old)
            state.evidence[e].targets = (state.evidence[e].targets - old) | sides
    for e, n in links_out:
        by_target.get(n, set()).discard(e)
    for e, n in links_in:
        by_target.setdefault(n, set()).add(e)

    final: dict[NamedNode, set[tuple[NamedNode, NamedNode | Literal]]] = {}
    for group in groups:  # 2. the undirected resource written again when evidence came back to it
        if not group.symmetric and by_target.get(group.undirected):
            spec = group.type.spec
            state.facts.setdefault(group.undirected, set()).update(
                {(_RDF_TYPE, ak(spec.rdf_class)), (_SUBJECT, state_node(group.first)),
                 (_OBJECT, state_node(group.second)), (_EDGE_TYPE, Literal(group.type.value)),
                 (_DIRECTED, boolean(False))})
    for node in nodes_of(groups, claims):  # 3. derived values; 5. no evidence, no resource
        supporting = by_target.get(node, set())
        if not supporting:
            final[node] = set()
            continue
        kept = {(p, o) for p, o in state.facts.get(node, set()) if p not in _DERIVED}
        kept |= _derived(state, supporting)
        if node in state.retracted and any(p == _EDGE_TYPE for p, _ in kept):
            kept.add((_RETRACTED, _TRUE))
        final[node] = kept

    add: list[Quad] = []
    remove: list[Quad] = []
    stored = state.stored
    for node, pairs in final.items():
        before = {Quad(node, p, o, FACTS) for p, o in state.facts.get(node, set())}
        after = {Quad(node, p, o, FACTS) for p, o in pairs}
        remove.extend(q for q in before - after if q in stored)
        add.extend(q for q in after - before)
        add.extend(q for q in after & before if q not in stored)
    for e, n in links_out:
        graph = state.evidence[e].graph
        remove.extend((Quad(e, _SUPPORTS, n, graph), Quad(e, _HAS_BODY, n, graph)))  # oa:hasBody is not read
    add.extend(q for e, n in links_in for q in (Quad(e, _SUPPORTS, n, state.evidence[e].graph),
                                                Quad(e, _HAS_BODY, n, state.evidence[e].graph)))
    dropped = {(q.subject, q.object) for q in state.new if q.predicate in (_SUPPORTS, _HAS_BODY)} & links_out
    add.extend(q for q in state.new
               if q.graph_name != FACTS and not (q.predicate in (_SUPPORTS, _HAS_BODY)
                                                 and (q.subject, q.object) in dropped))
    for group in groups:  # 4. the direct state-to-state triples
        wanted, candidates = _direct_triples(group, final)
        remove.extend(candidates - wanted)
        add.extend(wanted)
    return add, remove


def _derived(state: State, supporting: set[NamedNode]) -> set[tuple[NamedNode, NamedNode | Literal]]:
    """Return the derived values of a resource supported by ``supporting`` (as ``updates._derive``)."""
    hedged: set[str] = set()
    documents: set[NamedNode] = set()
    events: set[Literal] = set()
    counted: set[NamedNode] = set()
    for e in supporting:
        ev = state.evidence[e]
        if not ev.hedged or not ev.documents:  # the aggregate joins on both
            events |= ev.events
            continue
        counted.add(e)
        hedged |= ev.hedged
        documents |= ev.documents
        events |= ev.events
    values: set[tuple[NamedNode, NamedNode | Literal]] = set()
    if counted:
        sources = {s for d in documents for s in (state.sources.get(d) or {d.value})}
        values |= {(_HEDGED, boolean("false" not in hedged)), (ak("articleCount"), integer(len(documents))),
                   (ak("sourceCount"), integer(len(sources))), (ak("evidenceCount"), integer(len(counted)))}
        dates = [d for doc in documents for d in state.dates.get(doc, ())]
        if dates:
            values.add((ak("firstSeen"), min(dates, key=lambda d: d.value)))
            values.add((ak("lastSeen"), max(dates, key=lambda d: d.value)))
    if events:
        values.add((_EVENT_DATE, min(events, key=lambda d: d.value)))
    return values


def _direct_triples(group: FactGroup, final: dict[NamedNode, set[tuple[NamedNode, NamedNode | Literal]]]
                    ) -> tuple[set[Quad], set[Quad]]:
    """Return (the direct triples the group's facts state, every direct triple the group may have)."""
    spec = EdgeType(group.type).spec
    prop, pair = ak(spec.rdf_property), ak(spec.rdf_pair_property)
    a, b = state_node(group.first), state_node(group.second)
    candidates = {Quad(x, p, y, FACTS) for p in (prop, pair) for x, y in ((a, b), (b, a))}
    wanted: set[Quad] = set()
    for node, p, w in ((group.forward, prop, pair), (group.backward, prop, pair), (group.undirected, pair, pair)):
        values = final.get(node, set()) if node is not None else set()
        if (_RETRACTED, _TRUE) in values:
            continue
        subjects: list[Any] = [o for q, o in values if q == _SUBJECT]
        objects: list[Any] = [o for q, o in values if q == _OBJECT]
        for s in subjects:
            for o in objects:
                wanted |= {Quad(s, p, o, FACTS), Quad(s, w, o, FACTS), Quad(o, w, s, FACTS)}
    return wanted, candidates
