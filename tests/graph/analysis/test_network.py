"""Network views: communities, centrality, supply chains and adversaries of partners, with fact ids."""

import pytest

from alignkg.graph import EdgeType, InvalidInputError, KnowledgeGraph, UnknownStateError
from alignkg.graph.analysis import centrality, communities, fact_view, partner_adversaries, supply_chains
from alignkg.graph.model import Fact


def _id(subject, edge_type, obj, directed=True):
    return KnowledgeGraph.fact_id(Fact(subject, edge_type, obj, directed=directed))


TWO_GROUPS = ("Iran sold drones to Russia. China bought oil from Iran. North Korea shipped artillery shells to "
              "Russia. France sold jets to Greece. Germany sold tanks to Greece. Russia condemned France.")


def test_network_communities_follow_cooperation_and_carry_their_facts(kg):
    kg.ingest(TWO_GROUPS, id="a1")
    found = communities(fact_view(kg), seed=7)
    assert [c.members for c in found] == [("CHN", "IRN", "PRK", "RUS"), ("DEU", "FRA", "GRC")]
    assert found[0].weight == 6.0
    assert set(found[1].facts) == {_id("FRA", EdgeType.ARMS_TRANSFER, "GRC"), _id("DEU", EdgeType.ARMS_TRANSFER, "GRC")}
    assert communities(fact_view(kg), seed=7) == found  # seeded: the same result every time
    assert _id("RUS", EdgeType.CONDEMNATION, "FRA") not in {f for c in found for f in c.facts}


def test_network_communities_of_a_graph_without_cooperation_is_empty(kg):
    kg.ingest("Israel struck Iran.", id="a1")
    assert communities(fact_view(kg)) == ()


def test_network_centrality_measures(kg):
    kg.ingest(TWO_GROUPS, id="a1")
    G = fact_view(kg)
    strength = centrality(G)
    # ties are ranked by code
    assert [(c.state, c.value) for c in strength[:3]] == [("GRC", 4.0), ("IRN", 4.0), ("RUS", 4.0)]
    assert set(strength[1].facts) == {_id("IRN", EdgeType.ARMS_TRANSFER, "RUS"), _id("IRN", EdgeType.ENERGY_TRADE,
                                                                                       "CHN")}
    assert [(c.state, c.value) for c in centrality(G, measure="degree", top=4)] == [
        ("GRC", 2.0), ("IRN", 2.0), ("RUS", 2.0), ("CHN", 1.0)]
    assert centrality(G, top=0) == ()
    between = {c.state: c.value for c in centrality(G, measure="betweenness")}
    assert between["IRN"] > 0 and between["RUS"] > 0 and between["CHN"] == 0
    eigen = centrality(G, measure="eigenvector")
    assert len(eigen) == 7 and all(c.value >= 0 for c in eigen)
    with pytest.raises(InvalidInputError, match="unknown centrality measure 'fame'"):
        centrality(G, measure="fame")


SUPPLY = ("Belarus sold rifles to Iran. Iran delivered missiles to Russia. Russia delivered drones to Venezuela. "
          "Venezuela sold rifles to Belarus. Iran and Syria signed an arms deal.")


def test_network_supply_chains_follow_arms_transfers(kg):
    kg.ingest(SUPPLY, id="a1")
    G = fact_view(kg)
    chains = supply_chains(G, max_length=2)
    assert [c.states for c in chains] == [("BLR", "IRN", "RUS"), ("IRN", "RUS", "VEN"), ("RUS", "VEN", "BLR"),
                                          ("VEN", "BLR", "IRN")]
    assert chains[0].facts == ((_id("BLR", EdgeType.ARMS_TRANSFER, "IRN"),), (_id("IRN", EdgeType.ARMS_TRANSFER,
                                                                                   "RUS"),))
    longest = supply_chains(G, source="Belarus", min_length=3, max_length=10)
    assert [c.states for c in longest] == [("BLR", "IRN", "RUS", "VEN")]  # a cycle never repeats a state
    assert [c.states for c in supply_chains(G, target="VEN", max_length=3)] == [("BLR", "IRN", "RUS", "VEN"),
                                                                                ("IRN", "RUS", "VEN")]
    assert len(supply_chains(G, limit=2)) == 2
    undirected = supply_chains(G, source="SYR", include_undirected=True, max_length=2)
    assert [c.states for c in undirected] == [("SYR", "IRN", "RUS")]
    assert supply_chains(G, source="SYR") == ()


def test_network_supply_chains_bad_options_are_clear_errors(kg):
    G = fact_view(kg)
    with pytest.raises(InvalidInputError, match="min_length"):
        supply_chains(G, min_length=3, max_length=2)
    with pytest.raises(UnknownStateError, match="IRN Iran"):
        supply_chains(G, source="Iram")


def test_network_adversary_of_my_partner_patterns(kg):
    kg.ingest("Iran sold drones to Russia. Russia attacked Ukraine. Iran condemned Ukraine. "
              "China bought oil from Russia. China bought wheat from Ukraine. "
              "Belarus voiced support for Russia.", id="a1")
    G = fact_view(kg)
    found = {(p.state, p.partner, p.adversary): p for p in partner_adversaries(G)}
    assert set(found) == {("IRN", "RUS", "UKR"), ("CHN", "RUS", "UKR"), ("BLR", "RUS", "UKR"),
                          ("RUS", "IRN", "UKR"), ("CHN", "UKR", "RUS"), ("CHN", "UKR", "IRN")}
    iran, china, belarus = found["IRN", "RUS", "UKR"], found["CHN", "RUS", "UKR"], found["BLR", "RUS", "UKR"]
    assert (iran.relation, iran.balanced) == ("adversary", True)
    assert iran.tie == (_id("IRN", EdgeType.CONDEMNATION, "UKR"),)
    assert iran.partnership == (_id("IRN", EdgeType.ARMS_TRANSFER, "RUS"),)
    assert iran.hostility == (_id("RUS", EdgeType.MILITARY_STRIKE, "UKR"),)
    assert (china.relation, china.balanced) == ("partner", False)
    assert (belarus.relation, belarus.balanced, belarus.tie) == ("none", None, ())
    assert found["RUS", "IRN", "UKR"].relation == "adversary"  # Russia strikes its partner's adversary
    assert found["CHN", "UKR", "RUS"].relation == "partner"  # China trades with both sides
    assert [(p.partner, p.adversary) for p in partner_adversaries(G, states=["China"])] == [
        ("RUS", "UKR"), ("UKR", "IRN"), ("UKR", "RUS")]
