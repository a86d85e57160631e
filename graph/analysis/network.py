"""Network views of the alignment graph: communities, centrality, supply chains, adversaries of partners.

Each function takes a fact view (:mod:`alignkg.graph.analysis.views`) first, plus keyword options
in the networkx manner (``weights``, ``seed``, ``since``, ``until``), and returns frozen
dataclasses that carry the ids of the facts behind every number. Pair weights come from
:func:`alignkg.graph.analysis.dyad.dyad_graph`; this module never reads the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from alignkg.graph.analysis.dyad import Weights, dyad_graph
from alignkg.graph.analysis.views import DateLike, check_window, iter_facts, resolve_state, to_date
from alignkg.graph.errors import InvalidInputError
from alignkg.graph.ontology import EdgeType

__all__ = [
    "Centrality",
    "Community",
    "PartnerAdversary",
    "SupplyChain",
    "centrality",
    "communities",
    "partner_adversaries",
    "supply_chains",
]


@dataclass(frozen=True, slots=True)
class Community:
    """A group of states tied by cooperation, with the cooperation facts inside it.

    Example:
        >>> Community(("IRN", "RUS"), 2.0, ("f1",)).to_dict()
        {'members': ['IRN', 'RUS'], 'weight': 2.0, 'facts': ['f1']}
    """

    members: tuple[str, ...]
    weight: float
    facts: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"members": list(self.members), "weight": self.weight, "facts": list(self.facts)}


def _cooperation_graph(G: Any, weights: Weights | None, since: DateLike | None, until: DateLike | None) -> Any:
    """Return the dyad graph's pairs with positive cooperation, weighted by it, with their cooperation facts."""
    weights = weights or Weights()
    D = dyad_graph(G, weights=weights, since=since, until=until)
    first, last = to_date(since), to_date(until)
    positive: dict[tuple[str, str], list[str]] = {}
    for fact in iter_facts(G, since=first, until=last):
        if weights.of(fact) > 0:
            a, b = sorted((fact.subject, fact.object))
            positive.setdefault((a, b), []).append(fact.id)
    C = nx.Graph()
    for (a, b), ids in sorted(positive.items()):
        C.add_edge(a, b, weight=D.edges[a, b]["cooperation"], facts=tuple(sorted(ids)))
    return C


def communities(G: Any, *, weights: Weights | None = None, seed: int | None = 0, resolution: float = 1.0,
                since: DateLike | None = None, until: DateLike | None = None) -> tuple[Community, ...]:
    """Return the communities of cooperation: Louvain on the pairs' cooperation weights.

    Only positive weights count (conflict does not pull states apart here; it shows in the
    scores). States without cooperation belong to no community. Largest community first.

    Args:
        G: a fact view.
        weights: the weights (default :class:`Weights`).
        seed: the seed of ``networkx.community.louvain_communities`` (same seed, same result).
        resolution: Louvain's resolution; above 1 favours smaller communities.
        since: only facts last seen on or after this date.
        until: only facts first seen on or before this date.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import fact_view
        >>> text = "Iran sold drones to Russia. China bought oil from Iran. France sold jets to Greece."
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest(text, id="a1")
        ...     found = communities(fact_view(kg))
        >>> [(c.members, c.weight, len(c.facts)) for c in found]
        [(('CHN', 'IRN', 'RUS'), 4.0, 2), (('FRA', 'GRC'), 2.0, 1)]
    """
    C = _cooperation_graph(G, weights, since, until)
    if C.number_of_edges() == 0:
        return ()
    found = []
    for group in nx.community.louvain_communities(C, weight="weight", resolution=resolution, seed=seed):
        inner = C.subgraph(group)
        facts = tuple(sorted(f for _, _, ids in inner.edges(data="facts") for f in ids))
        weight = sum(w for _, _, w in inner.edges(data="weight"))
        found.append(Community(tuple(sorted(group)), weight + 0.0, facts))
    return tuple(sorted(found, key=lambda c: (-len(c.members), -c.weight, c.members)))


@dataclass(frozen=True, slots=True)
class Centrality:
    """One state's centrality in the cooperation graph, with its cooperation facts.

    Example:
        >>> Centrality("IRN", 4.0, ("f1", "f2")).to_dict()
        {'state': 'IRN', 'value': 4.0, 'facts': ['f1', 'f2']}
    """

    state: str
    value: float
    facts: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"state": self.state, "value": self.value, "facts": list(self.facts)}


_MEASURES = ("strength", "degree", "betweenness", "eigenvector")


def centrality(G: Any, *, measure: str = "strength", weights: Weights | None = None, top: int | None = None,
               since: DateLike | None = None, until: DateLike | None = None) -> tuple[Centrality, ...]:
    """Return the states' centrality in the cooperation graph, highest first.

    Measures: ``strength`` (sum of cooperation weights), ``degree`` (number of cooperation
    partners), ``betweenness`` (on distances 1 / weight) and ``eigenvector`` (weighted, within each
    connected component, where it is defined).

    Raises:
        InvalidInputError: an unknown measure or a negative ``top``.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import fact_view
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest("Iran sold drones to Russia. China bought oil from Iran.", id="a1")
        ...     ranked = centrality(fact_view(kg), measure="degree")
        >>> [(c.state, c.value, len(c.facts)) for c in ranked]
        [('IRN', 2.0, 2), ('CHN', 1.0, 1), ('RUS', 1.0, 1)]
    """
    if measure not in _MEASURES:
        raise InvalidInputError(f"unknown centrality measure {measure!r}; expected one of {', '.join(_MEASURES)}")
    if top is not None and top < 0:
        raise InvalidInputError(f"top must not be negative, not {top}")
    C = _cooperation_graph(G, weights, since, until)
    if C.number_of_nodes() == 0:
        return ()
    if measure == "strength":
        values = dict(C.degree(weight="weight"))
    elif measure == "degree":
        values = dict(C.degree())
    elif measure == "betweenness":
        for _, _, data in C.edges(data=True):
            data["distance"] = 1.0 / data["weight"]
        values = nx.betweenness_centrality(C, weight="distance")
    else:
        values = _eigenvector(C)
    ranked = sorted(values.items(), key=lambda item: (-item[1], item[0]))[:top]
    return tuple(Centrality(state, float(value) + 0.0, tuple(sorted(f for _, _, ids in C.edges(state, data="facts")
                                                                  for f in ids)))
                 for state, value in ranked)


def _eigenvector(C: Any) -> dict[str, float]:
    """Eigenvector centrality within each connected component (it is undefined across components)."""
    values: dict[str, float] = {}
    for component in nx.connected_components(C):
        try:
            values.update(nx.eigenvector_centrality(C.subgraph(component), weight="weight", max_iter=1000))
        except nx.PowerIterationFailedConvergence as err:
            raise InvalidInputError("eigenvector centrality did not converge; use the strength or degree measure") \
                from err
    return values


@dataclass(frozen=True, slots=True)
class SupplyChain:
    """A path of arms transfers (``states[0]`` supplies ``states[1]``, which supplies ``states[2]``...).

    ``facts`` holds, hop by hop, the ids of the arms-transfer facts of that hop.

    Example:
        >>> SupplyChain(("BLR", "IRN", "RUS"), (("f1",), ("f2",))).to_dict()
        {'states': ['BLR', 'IRN', 'RUS'], 'facts': [['f1'], ['f2']]}
    """

    states: tuple[str, ...]
    facts: tuple[tuple[str, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"states": list(self.states), "facts": [list(hop) for hop in self.facts]}


def supply_chains(G: Any, *, source: str | None = None, target: str | None = None, min_length: int = 2,
                  max_length: int = 3, limit: int = 1000, type: EdgeType | str = EdgeType.ARMS_TRANSFER,
                  include_undirected: bool = False, since: DateLike | None = None,
                  until: DateLike | None = None) -> tuple[SupplyChain, ...]:
    """Return the paths of arms transfers of ``min_length`` to ``max_length`` hops, in code order.

    A hop follows a directed fact from supplier to recipient. Undirected deals ("Iran and
    Russia signed an arms deal") name no supplier, so they are left out unless
    ``include_undirected``, which lets them be walked both ways. At most ``limit`` paths are
    returned (the first in code order); every simple path is listed, including the parts of
    longer ones.

    Args:
        G: a fact view.
        source: only paths that start at this state.
        target: only paths that end at this state.
        min_length: the fewest hops (at least 1).
        max_length: the most hops.
        limit: the most paths returned.
        type: the edge type to follow (arms transfer by default; energy trade works too).
        include_undirected: also walk undirected facts, both ways.
        since: only facts last seen on or after this date.
        until: only facts first seen on or before this date.

    Raises:
        InvalidInputError: bad lengths or limit.
        UnknownStateError: ``source`` or ``target`` names no state.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import fact_view
        >>> text = ("Belarus sold rifles to Iran. Iran delivered missiles to Russia. "
        ...         "Russia delivered drones to Venezuela.")
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest(text, id="a1")
        ...     chains = supply_chains(fact_view(kg))
        >>> [c.states for c in chains]
        [('BLR', 'IRN', 'RUS'), ('BLR', 'IRN', 'RUS', 'VEN'), ('IRN', 'RUS', 'VEN')]
    """
    if min_length < 1 or max_length < min_length or limit < 0:
        raise InvalidInputError(f"need 1 <= min_length <= max_length and limit >= 0; got min_length={min_length}, "
                                f"max_length={max_length}, limit={limit}")
    edge_type = EdgeType.parse(type)
    start = resolve_state(G, source) if source is not None else None
    end = resolve_state(G, target) if target is not None else None
    first, last = to_date(since), to_date(until)
    check_window(G, first, last)
    hops: dict[str, dict[str, list[str]]] = {}
    for fact in iter_facts(G, since=first, until=last):
        if fact.type is not edge_type or not (fact.directed or include_undirected):
            continue
        ends = [(fact.subject, fact.object)] if fact.directed else [(fact.subject, fact.object),
                                                                     (fact.object, fact.subject)]
        for u, v in ends:
            hops.setdefault(u, {}).setdefault(v, []).append(fact.id)
    found: list[SupplyChain] = []
    starts = [start] if start is not None else sorted(hops)
    for node in starts:
        for path in _paths(hops, [node], max_length):
            if len(path) - 1 >= min_length and (end is None or path[-1] == end):
                found.append(SupplyChain(tuple(path), tuple(tuple(sorted(hops[u][v])) for u, v in
                                                            zip(path, path[1:], strict=False))))
                if len(found) >= limit:
                    return tuple(found)
    return tuple(found)


def _paths(hops: dict[str, dict[str, list[str]]], path: list[str], max_length: int) -> Iterator[list[str]]:
    """Yield ``path`` and its simple extensions up to ``max_length`` hops, depth first in code order."""
    yield path
    if len(path) - 1 >= max_length:
        return
    for nxt in sorted(hops.get(path[-1], {})):
        if nxt not in path:
            yield from _paths(hops, [*path, nxt], max_length)


@dataclass(frozen=True, slots=True)
class PartnerAdversary:
    """An "adversary of my partner" pattern: ``state`` is aligned with ``partner``, ``partner`` opposes ``adversary``.

    ``relation`` is how ``state`` itself stands with ``adversary``: ``"adversary"`` (balanced:
    the enemy of my friend is my enemy), ``"partner"`` (unbalanced: ``state`` is aligned with
    both sides) or ``"none"`` (no net tie either way). Signs are those of the pair scores.

    Example:
        >>> PartnerAdversary("IRN", "RUS", "UKR", "adversary", ("f1",), ("f2",), ("f3",)).balanced
        True
    """

    state: str
    partner: str
    adversary: str
    relation: str
    partnership: tuple[str, ...]
    hostility: tuple[str, ...]
    tie: tuple[str, ...]

    @property
    def balanced(self) -> bool | None:
        """True when ``state`` also opposes ``adversary``, False when it is aligned with it, None without a tie."""
        return {"adversary": True, "partner": False}.get(self.relation)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI."""
        return {"state": self.state, "partner": self.partner, "adversary": self.adversary,
                "relation": self.relation, "balanced": self.balanced, "partnership": list(self.partnership),
                "hostility": list(self.hostility), "tie": list(self.tie)}


def partner_adversaries(G: Any, *, states: Iterable[str] | None = None, weights: Weights | None = None,
                        since: DateLike | None = None, until: DateLike | None = None) -> tuple[PartnerAdversary, ...]:
    """Return the "adversary of my partner" patterns: state +partner, partner -adversary, in code order.

    A pair is aligned when its score is positive and opposed when negative (see
    :func:`alignkg.graph.analysis.dyad_score`); each pattern says how ``state`` stands with its
    partner's adversary, with the facts of all three ties.

    Args:
        G: a fact view.
        states: only patterns seen from these states (default: every state).
        weights: the weights of the pair scores.
        since: only facts last seen on or after this date.
        until: only facts first seen on or before this date.

    Raises:
        UnknownStateError: a state names no state.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> from alignkg.graph.analysis import fact_view
        >>> text = "Iran sold drones to Russia. Russia attacked Ukraine. Iran condemned Ukraine."
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     _ = kg.ingest(text, id="a1")
        ...     found = partner_adversaries(fact_view(kg), states=["Iran"])
        >>> [(p.state, p.partner, p.adversary, p.relation, p.balanced) for p in found]
        [('IRN', 'RUS', 'UKR', 'adversary', True)]
    """
    D = dyad_graph(G, weights=weights, since=since, until=until)
    chosen = sorted({resolve_state(G, s) for s in states}) if states is not None else sorted(D.nodes)
    found = []
    for state in chosen:
        if state not in D:
            continue
        for partner in sorted(D.neighbors(state)):
            ally = D.edges[state, partner]
            if ally["score"] <= 0:
                continue
            for adversary in sorted(D.neighbors(partner)):
                enemy = D.edges[partner, adversary]
                if adversary == state or enemy["score"] >= 0:
                    continue
                tie = D.get_edge_data(state, adversary)
                score = tie["score"] if tie else 0.0
                relation = "partner" if score > 0 else "adversary" if score < 0 else "none"
                found.append(PartnerAdversary(state, partner, adversary, relation, tuple(ally["facts"]),
                                              tuple(enemy["facts"]), tuple(tie["facts"]) if tie else ()))
    return tuple(found)
