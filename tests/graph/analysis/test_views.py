"""The networkx views of the store: one query, the fact multigraph's shape, scopes and windows."""

import datetime as dt

import networkx as nx
import pytest

from alignkg.graph import EdgeType, InvalidInputError, KnowledgeGraph, QuadClass, UnknownStateError
from alignkg.graph.analysis import FactRef, bloc_view, dyad_score, fact_view, iter_facts, neighbourhood_view
from alignkg.graph.analysis.views import resolve_state, to_date
from alignkg.graph.model import Fact


def _edges(G):
    return sorted((u, d["type"].value, v) for u, v, d in G.edges(data=True))


def test_views_fact_view_has_one_edge_per_fact_with_its_attributes(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1", published=dt.date(2022, 10, 20))
    kg.ingest("Iran sold drones to Russia. Reports say Israel struck Iran.", id="a2", published=dt.date(2024, 4, 14))
    G = fact_view(kg)
    assert isinstance(G, nx.MultiDiGraph)
    assert _edges(G) == [("IRN", "arms_transfer", "RUS"), ("ISR", "military_strike", "IRN")]
    fact_id = KnowledgeGraph.fact_id(Fact("IRN", EdgeType.ARMS_TRANSFER, "RUS"))
    data = G.edges["IRN", "RUS", fact_id]
    assert data["fact"] == fact_id
    assert data["quad_class"] is QuadClass.MATERIAL_COOPERATION
    assert (data["hedged"], data["directed"], data["evidence"]) == (False, True, 2)
    assert (data["first_seen"], data["last_seen"]) == (dt.date(2022, 10, 20), dt.date(2024, 4, 14))
    strike = next(d for _, _, d in G.in_edges("IRN", data=True))
    assert strike["hedged"] is True and strike["evidence"] == 1
    assert G.nodes["IRN"]["name"] == "Iran"
    assert kg.fact(fact_id).subject == "IRN"  # a fact id opens the fact and its evidence


def test_views_undirected_fact_stated_both_ways_is_one_edge(kg):
    kg.ingest("Iran and China signed an oil deal.", id="a1")
    kg.ingest("China and Iran signed an oil deal.", id="a2")
    G = fact_view(kg)
    assert G.number_of_edges() == 1
    ((u, v, data),) = G.edges(data=True)
    assert (u, v) == ("CHN", "IRN") and data["directed"] is False and data["evidence"] == 2


def test_views_deal_stated_with_and_without_its_supplier_is_one_directed_fact(kg):
    # "a deal between" says less than "sold to" about the same relation: one fact, two pieces of evidence.
    kg.ingest("Iran and Russia signed an arms deal.", id="a1")
    kg.ingest("Iran sold drones to Russia.", id="a2")
    G = fact_view(kg)
    edges = sorted((u, v, data["directed"], data["evidence"]) for u, v, data in G.edges(data=True))
    assert edges == [("IRN", "RUS", True, 2)]


def test_views_window_drops_facts_outside_it_and_undated_ones(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1", published=dt.date(2022, 10, 20))
    kg.ingest("Israel struck Iran.", id="a2", published=dt.date(2024, 4, 14))
    kg.ingest("China bought oil from Iran.", id="a3")
    assert _edges(fact_view(kg, since="2023-01-01")) == [("ISR", "military_strike", "IRN")]
    assert _edges(fact_view(kg, until=dt.date(2023, 1, 1))) == [("IRN", "arms_transfer", "RUS")]
    assert len(_edges(fact_view(kg))) == 3
    G = fact_view(kg)
    assert [f.type for f in iter_facts(G, since="2024-01-01")] == [EdgeType.MILITARY_STRIKE]


def test_views_scoped_views_hold_only_their_facts(kg):
    kg.ingest("Iran sold drones to Russia. Israel struck Iran. Russia refrained from intervening to help Iran. "
              "France sold jets to Greece.", id="a1")
    among = fact_view(kg, states=["Russia", "Iran"])
    assert _edges(among) == [("IRN", "arms_transfer", "RUS"), ("RUS", "non_intervention", "IRN")]
    assert _edges(bloc_view(kg, ["RUS", "IRN"])) == [("IRN", "arms_transfer", "RUS"),
                                                      ("ISR", "military_strike", "IRN"),
                                                      ("RUS", "non_intervention", "IRN")]
    assert _edges(neighbourhood_view(kg, "GRC")) == [("FRA", "arms_transfer", "GRC")]
    assert set(fact_view(kg, states=["PRK", "CHN"]).nodes) == {"PRK", "CHN"}  # members without facts are nodes


def test_views_a_scoped_view_refuses_a_pair_it_does_not_hold(kg):
    kg.ingest("Israel struck Iran.", id="a1")
    G = fact_view(kg, states=["RUS", "IRN"])
    with pytest.raises(InvalidInputError, match="holds only the facts among IRN, RUS"):
        dyad_score(G, "ISR", "IRN")
    G = fact_view(kg, since="2020-01-01")
    with pytest.raises(InvalidInputError, match="last seen on or after 2020-01-01"):
        dyad_score(G, "ISR", "IRN")


def test_views_unknown_state_is_a_clear_error(kg):
    with pytest.raises(UnknownStateError, match="IRN Iran") as caught:
        fact_view(kg, states=["Iram", "RUS"])
    assert caught.value.name == "Iram" and caught.value.code == "unknown_state"


def test_views_resolve_state_on_a_graph_built_by_hand():
    G = nx.MultiDiGraph()
    G.add_edge("IRN", "RUS", key="f1", fact="f1", type="arms_transfer")
    assert resolve_state(G, "irn") == "IRN"
    with pytest.raises(UnknownStateError, match="IRN"):
        resolve_state(G, "IRM")
    assert list(iter_facts(G)) == [FactRef("f1", "IRN", EdgeType.ARMS_TRANSFER, "RUS")]


def test_views_iter_facts_reads_kg_to_networkx_graphs_too(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1")
    (fact,) = iter_facts(kg.to_networkx())
    assert (fact.subject, fact.type, fact.object, fact.evidence) == ("IRN", EdgeType.ARMS_TRANSFER, "RUS", 1)


def test_views_bad_date_is_a_clear_error():
    with pytest.raises(InvalidInputError, match="not an ISO date"):
        to_date("last year")


def test_views_fact_ref_describes_itself():
    fact = FactRef("f", "RUS", EdgeType.NON_INTERVENTION, "IRN", hedged=True)
    assert fact.describe() == "non intervention from RUS to IRN (hedged)"
    assert FactRef("f", "PRK", EdgeType.ALLIANCE, "RUS").describe() == "alliance between PRK and RUS"
    assert fact.in_window(None, None) and not fact.in_window(dt.date(2020, 1, 1), None)
