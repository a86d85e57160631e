"""One relation, one fact: undirected statements join the directed fact of their pair and type in the store."""

import datetime as dt

import pytest

DIRECTED = "Iran sold drones to Russia."
UNDIRECTED = "Iran's drone deals with Russia worried the West."


def _facts(kg):
    return sorted((f.subject, f.type.value, f.object, f.directed) for f in kg.facts())


@pytest.mark.parametrize("order", [(DIRECTED, UNDIRECTED), (UNDIRECTED, DIRECTED)])
def test_updates_two_phrasings_across_articles_are_one_fact_with_two_pieces_of_evidence(kg, order):
    for i, text in enumerate(order):
        kg.ingest(text, id=f"a{i}", published=dt.date(2024, 5, 1 + i))
    assert _facts(kg) == [("IRN", "arms_transfer", "RUS", True)]
    (fact,) = kg.facts()
    assert {e.article_id for e in kg.evidence(fact)} == {"a0", "a1"}
    dyad = kg.dyad("RUS", "IRN")
    assert dyad.score == 2.0 and len(dyad.facts) == 1
    assert kg.stats()["facts"] == 1
    assert len(kg.bloc(["RUS", "IRN"]).pairs[0].material_cooperation) == 1


def test_updates_two_phrasings_in_one_article_are_one_fact(kg):
    kg.ingest(f"{DIRECTED} {UNDIRECTED}", id="a")
    assert _facts(kg) == [("IRN", "arms_transfer", "RUS", True)]
    assert len(kg.evidence(next(kg.facts()))) == 2


def test_updates_undirected_fact_comes_back_when_its_direction_goes(kg):
    kg.ingest(UNDIRECTED, id="u", published=dt.date(2023, 1, 5))
    kg.ingest(DIRECTED, id="d", published=dt.date(2024, 3, 9))
    kg.delete_article("d")
    assert _facts(kg) == [("IRN", "arms_transfer", "RUS", False)]
    (fact,) = kg.facts()
    assert [e.article_id for e in kg.evidence(fact)] == ["u"]
    assert kg.sparql("ASK { state:IRN ak:armsTransfer state:RUS }") is False
    assert kg.sparql("ASK { state:RUS ak:armsTransferWith state:IRN }") is True
    row = kg.sparql("SELECT ?a ?b WHERE { ?f ak:firstSeen ?a ; ak:lastSeen ?b }").rows
    assert row == [{"a": dt.date(2023, 1, 5), "b": dt.date(2023, 1, 5)}]


def test_updates_replacing_the_directed_article_moves_the_evidence_back(kg):
    kg.ingest(UNDIRECTED, id="u")
    kg.ingest(DIRECTED, id="d")
    kg.ingest("Japan condemned North Korea.", id="d", replace=True)
    assert _facts(kg) == [("IRN", "arms_transfer", "RUS", False), ("JPN", "condemnation", "PRK", True)]


def test_updates_undirected_statement_supports_both_directions_when_both_are_stated(kg):
    kg.ingest("Iran sold drones to Russia. Russia delivered fighter jets to Iran.", id="d")
    kg.ingest(UNDIRECTED, id="u")
    assert _facts(kg) == [("IRN", "arms_transfer", "RUS", True), ("RUS", "arms_transfer", "IRN", True)]
    for fact in kg.facts():
        assert "u" in {e.article_id for e in kg.evidence(fact)}


ASK = "ASK {{ state:{a} ak:{p} state:{b} }}"


@pytest.mark.parametrize("a,b", [("IRN", "CHN"), ("CHN", "IRN")])
def test_updates_undirected_trade_answers_both_ways_without_a_direction(kg, a, b):
    kg.ingest("Iran has oil trade with China.", id="a")
    assert kg.sparql(ASK.format(a=a, p="energyTradeWith", b=b)) is True
    assert kg.sparql(ASK.format(a=a, p="energyTrade", b=b)) is False


@pytest.mark.parametrize("a,b", [("RUS", "PRK"), ("PRK", "RUS")])
def test_updates_alliance_answers_both_ways(kg, a, b):
    kg.ingest("Russia and North Korea signed a defence pact.", id="a")
    assert kg.sparql(ASK.format(a=a, p="alliance", b=b)) is True


def test_updates_directed_fact_states_its_direction_and_the_pair_both_ways(kg):
    kg.ingest(DIRECTED, id="a")
    assert kg.sparql(ASK.format(a="IRN", p="armsTransfer", b="RUS")) is True
    assert kg.sparql(ASK.format(a="RUS", p="armsTransfer", b="IRN")) is False
    assert kg.sparql(ASK.format(a="RUS", p="armsTransferWith", b="IRN")) is True
    assert kg.sparql(ASK.format(a="IRN", p="armsTransferWith", b="RUS")) is True


def test_updates_deleting_the_last_article_leaves_no_direct_triple(kg):
    kg.ingest("Iran has oil trade with China. Russia and North Korea signed a defence pact.", id="a")
    kg.delete_article("a")
    assert kg.sparql("ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), STR(state:))"
                     " && STRSTARTS(STR(?o), STR(state:))) }") is False


def test_updates_to_networkx_keeps_every_fact(kg):
    kg.ingest("Iran sold drones to Russia. Russia delivered fighter jets to Iran. Iran has oil trade with China.",
              id="a")
    g = kg.to_networkx()
    assert g.number_of_edges() == len(list(kg.facts())) == 3
