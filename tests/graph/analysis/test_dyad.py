"""The alignment score of a pair: weights by quad class and type, audit trail, windows, trends, dyad graph."""

import datetime as dt
import math

import pytest

from alignkg.graph import EdgeType, InvalidInputError, KnowledgeGraph, QuadClass, UnknownStateError
from alignkg.graph.analysis import DyadScore, Weights, dyad_graph, dyad_score, dyad_trend, fact_view
from alignkg.graph.model import Fact


def _id(subject, edge_type, obj, directed=True):
    return KnowledgeGraph.fact_id(Fact(subject, edge_type, obj, directed=directed))


@pytest.mark.parametrize(("sentence", "pair", "edge_type", "score"), [
    ("Iran sold drones to Russia.", ("RUS", "IRN"), EdgeType.ARMS_TRANSFER, 2.0),
    ("China bought oil from Iran.", ("CHN", "IRN"), EdgeType.ENERGY_TRADE, 2.0),
    ("China and Russia expanded trade.", ("CHN", "RUS"), EdgeType.TRADE, 1.0),
    ("Russia and North Korea signed a defence pact.", ("RUS", "PRK"), EdgeType.ALLIANCE, 2.0),
    ("North Korea sent troops to fight for Russia.", ("RUS", "PRK"), EdgeType.MILITARY_SUPPORT, 3.0),
    ("China voiced support for Russia.", ("CHN", "RUS"), EdgeType.DIPLOMATIC_SUPPORT, 1.0),
    ("Russia condemned Iran.", ("IRN", "RUS"), EdgeType.CONDEMNATION, -1.0),
    ("Russia threatened Ukraine.", ("RUS", "UKR"), EdgeType.THREAT, -1.0),
    ("China sanctioned Russia.", ("RUS", "CHN"), EdgeType.SANCTION, -2.0),
    ("Israel struck Iran.", ("IRN", "ISR"), EdgeType.MILITARY_STRIKE, -2.0),
    ("Russia refrained from intervening to help Iran.", ("IRN", "RUS"), EdgeType.NON_INTERVENTION, -2.0),
    ("Iran allegedly sold drones to Russia.", ("RUS", "IRN"), EdgeType.ARMS_TRANSFER, 1.0),  # hedged: x 0.5
])
def test_dyad_score_of_each_kind_of_fact(kg, sentence, pair, edge_type, score):
    kg.ingest(sentence, id="a1")
    result = dyad_score(fact_view(kg), *pair)
    assert result.score == score
    assert result.normalized == math.copysign(1.0, score)
    assert result.counts == {edge_type: 1}
    (contribution,) = result.contributions
    assert contribution.fact.type is edge_type and contribution.weight == score
    assert result.facts == (contribution.fact.id,)
    assert kg.fact(contribution.fact.id).type is edge_type  # every number opens its evidence


def test_dyad_score_adds_up_both_directions_and_lists_each_fact(kg):
    kg.ingest("Iran sold drones to Russia. Russia sent troops to fight for Iran. Russia condemned Iran. "
              "Russia refrained from intervening to help Iran.", id="a1")
    result = dyad_score(fact_view(kg), "Iran", "Russia")
    assert (result.a, result.b) == ("IRN", "RUS")
    assert result.score == 2.0 + 3.0 - 1.0 - 2.0
    assert (result.cooperation, result.conflict) == (5.0, 3.0)
    assert result.normalized == pytest.approx(2.0 / 8.0)
    assert result.counts == {EdgeType.ARMS_TRANSFER: 1, EdgeType.MILITARY_SUPPORT: 1, EdgeType.CONDEMNATION: 1,
                             EdgeType.NON_INTERVENTION: 1}
    assert result.facts_by_type[EdgeType.ARMS_TRANSFER] == (_id("IRN", EdgeType.ARMS_TRANSFER, "RUS"),)
    assert result.facts_by_class[QuadClass.MATERIAL_COOPERATION] == (
        _id("IRN", EdgeType.ARMS_TRANSFER, "RUS"), _id("RUS", EdgeType.MILITARY_SUPPORT, "IRN"))
    assert result.summary == ("IRN and RUS: score +2.0 (normalized +0.25) from 4 fact(s): arms transfer x1 (+2.0), "
                              "military support x1 (+3.0), condemnation x1 (-1.0), non intervention x1 (-2.0)")
    data = result.to_dict()
    assert data["counts"] == {"arms_transfer": 1, "military_support": 1, "condemnation": 1, "non_intervention": 1}
    assert sorted(f["id"] for f in data["facts"]) == sorted(result.facts)


def test_dyad_pair_with_no_facts_gives_zeros_and_says_so(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1")
    result = dyad_score(fact_view(kg), "PRK", "IRN")
    assert (result.score, result.normalized, result.counts, result.facts) == (0.0, 0.0, {}, ())
    assert result.is_empty
    assert result.summary == "no facts between PRK and IRN: score 0"


def test_dyad_third_party_facts_do_not_count(kg):
    kg.ingest("Russia and China condemned the U.S. strikes on Iran.", id="a1")
    assert dyad_score(fact_view(kg), "RUS", "CHN").is_empty


def test_dyad_weights_can_be_changed_per_class_type_and_hedge(kg):
    kg.ingest("Iran sold drones to Russia. Reports say Russia condemned Iran.", id="a1")
    G = fact_view(kg)
    assert dyad_score(G, "RUS", "IRN").score == 2.0 - 0.5
    heavy = Weights(classes={QuadClass.VERBAL_CONFLICT: -4.0}, types={EdgeType.ARMS_TRANSFER: 5.0}, hedged=1.0)
    assert dyad_score(G, "RUS", "IRN", weights=heavy).score == 5.0 - 4.0
    assert heavy.weight(EdgeType.MILITARY_SUPPORT) == 3.0  # defaults kept under the overrides
    parsed = Weights.parse(["verbal_conflict=-4", "arms_transfer=5", "hedged=1"])
    assert parsed == heavy
    assert dyad_score(G, "RUS", "IRN", weights=parsed).weights == heavy


@pytest.mark.parametrize(("options", "message"), [
    (["arms_transfer"], "name=number"),
    (["arms_transfer=lots"], "name=number"),
    (["friendship=2"], "unknown weight 'friendship'"),
])
def test_dyad_bad_weight_options_are_clear_errors(options, message):
    with pytest.raises(InvalidInputError, match=message):
        Weights.parse(options)


def test_dyad_weights_must_be_finite_and_hedged_a_share():
    with pytest.raises(InvalidInputError, match="finite number"):
        Weights(classes={QuadClass.VERBAL_CONFLICT: math.inf})
    with pytest.raises(InvalidInputError, match="between 0 and 1"):
        Weights(hedged=2.0)


def test_dyad_default_weights_are_documented_values():
    w = Weights()
    assert {q.value: w.classes[q] for q in QuadClass} == {
        "verbal_cooperation": 1.0, "material_cooperation": 2.0, "verbal_conflict": -1.0,
        "material_conflict": -2.0, "non_cooperation": -2.0}
    assert dict(w.types) == {EdgeType.MILITARY_SUPPORT: 3.0, EdgeType.TRADE: 1.0}
    assert w.hedged == 0.5
    assert hash(w) == hash(Weights())


def test_dyad_same_state_twice_and_unknown_state_are_clear_errors(kg):
    G = fact_view(kg)
    with pytest.raises(InvalidInputError, match="two different states"):
        dyad_score(G, "Russia", "RUS")
    with pytest.raises(UnknownStateError, match=r"unknown state 'Iram' \(did you mean .*IRN Iran"):
        dyad_score(G, "RUS", "Iram")


def test_dyad_window_keeps_facts_seen_in_it(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1", published=dt.date(2022, 10, 20))
    kg.ingest("Russia condemned Iran.", id="a2", published=dt.date(2024, 1, 5))
    G = fact_view(kg)
    assert dyad_score(G, "RUS", "IRN", since="2023-01-01").score == -1.0
    early = dyad_score(G, "RUS", "IRN", until=dt.date(2022, 12, 31))
    assert early.score == 2.0 and early.summary.startswith("RUS and IRN until 2022-12-31: score +2.0")
    empty = dyad_score(G, "RUS", "IRN", since="2025-01-01", until="2025-12-31")
    assert empty.summary == "no facts between RUS and IRN from 2025-01-01 to 2025-12-31: score 0"


def test_dyad_trend_by_year_and_month_fills_gaps_and_lists_undated(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1", published=dt.date(2022, 11, 20))
    kg.ingest("Iran sold drones to Russia.", id="a2", published=dt.date(2023, 1, 5))
    kg.ingest("Russia condemned Iran.", id="a3", published=dt.date(2023, 2, 1))
    kg.ingest("Russia refrained from intervening to help Iran.", id="a4")
    G = fact_view(kg)
    by_year = dyad_trend(G, "RUS", "IRN")
    assert [(p.period, p.score, len(p.facts)) for p in by_year.points] == [("2022", 2.0, 1), ("2023", 1.0, 2)]
    assert by_year.undated == (_id("RUS", EdgeType.NON_INTERVENTION, "IRN"),)
    by_month = dyad_trend(G, "RUS", "IRN", by="month")
    assert [(p.period, p.score) for p in by_month.points] == [("2022-11", 2.0), ("2022-12", 2.0), ("2023-01", 2.0),
                                                              ("2023-02", -1.0)]
    with pytest.raises(InvalidInputError, match="by year or month"):
        dyad_trend(G, "RUS", "IRN", by="week")
    assert dyad_trend(G, "PRK", "IRN").points == ()


def test_dyad_graph_weights_every_pair(kg):
    kg.ingest("Iran sold drones to Russia. Russia condemned Iran. Israel struck Iran. "
              "China voiced support for Russia.", id="a1")
    D = dyad_graph(fact_view(kg))
    assert sorted(tuple(sorted(e)) for e in D.edges) == [("CHN", "RUS"), ("IRN", "ISR"), ("IRN", "RUS")]
    edge = D.edges["IRN", "RUS"]
    assert (edge["score"], edge["cooperation"], edge["conflict"]) == (1.0, 2.0, 1.0)
    assert edge["counts"] == {"arms_transfer": 1, "condemnation": 1}
    assert set(edge["facts"]) == {_id("IRN", EdgeType.ARMS_TRANSFER, "RUS"), _id("RUS", EdgeType.CONDEMNATION, "IRN")}


def test_dyad_kg_wrapper_reads_only_the_pair(kg):
    kg.ingest("Iran sold drones to Russia. Israel struck Iran.", id="a1")
    result = kg.dyad("Russia", "Iran", weights=Weights(types={EdgeType.ARMS_TRANSFER: 4.0}))
    assert isinstance(result, DyadScore) and result.score == 4.0
    assert kg.dyad_trend("RUS", "IRN").undated == result.facts
