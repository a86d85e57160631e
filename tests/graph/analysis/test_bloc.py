"""The bloc test: per-pair categories, cohesion, verdict rules, the seed axis, and clear errors."""

import pytest

from alignkg.graph import EdgeType, InvalidInputError, KnowledgeGraph, UnknownStateError
from alignkg.graph.analysis import BlocReport, bloc_report, bloc_view, fact_view
from alignkg.graph.model import Claim, Fact

AXIS = ["RUS", "CHN", "PRK", "IRN"]
SEED_VERDICT = (
    "material ties without mutual defence: 2 of 6 pairs have material ties (arms transfer between IRN and RUS, "
    "energy trade between CHN and IRN); no pair came to another's aid: no military or diplomatic support between "
    "members; 2 non-interventions: RUS and CHN stayed out when IRN was struck by ISR and USA; "
    "no conflict between members."
)


def _id(subject, edge_type, obj, directed=True):
    return KnowledgeGraph.fact_id(Fact(subject, edge_type, obj, directed=directed))


def test_bloc_seed_axis_shows_material_ties_and_no_mutual_defence(seeded_kg):
    report = seeded_kg.bloc(AXIS)
    assert isinstance(report, BlocReport)
    assert report.members == ("RUS", "CHN", "PRK", "IRN")
    assert report.verdict == SEED_VERDICT
    assert report.headline == "material ties without mutual defence"

    arms = _id("IRN", EdgeType.ARMS_TRANSFER, "RUS", directed=False)
    oil = _id("IRN", EdgeType.ENERGY_TRADE, "CHN", directed=False)
    rus_out = _id("RUS", EdgeType.NON_INTERVENTION, "IRN")
    chn_out = _id("CHN", EdgeType.NON_INTERVENTION, "IRN")
    assert report.material_cooperation.count == 2
    assert report.material_cooperation.pairs == (("RUS", "IRN"), ("CHN", "IRN"))
    assert report.material_cooperation.facts == (arms, oil)
    assert (report.verbal_cooperation.count, report.verbal_cooperation.facts) == (0, ())
    assert (report.military_support.count, report.military_support.facts) == (0, ())
    assert (report.conflict.count, report.conflict.facts) == (0, ())
    assert report.non_intervention.count == 2
    assert report.non_intervention.facts == (rus_out, chn_out)
    assert report.cohesion == 0.0
    assert sorted(report.facts) == sorted([arms, oil, rus_out, chn_out])

    (rus, chn) = report.responses
    assert (rus.member, rus.attacked, rus.attackers) == ("RUS", "IRN", ("ISR", "USA"))
    assert (chn.member, chn.attacked, chn.attackers) == ("CHN", "IRN", ("ISR", "USA"))
    assert {s.id for s in rus.strikes} == {_id("ISR", EdgeType.MILITARY_STRIKE, "IRN"),
                                           _id("USA", EdgeType.MILITARY_STRIKE, "IRN")}

    by_pair = {(p.a, p.b): p for p in report.pairs}
    assert len(by_pair) == 6
    assert by_pair["RUS", "IRN"].dyad.score == 0.0  # +2 arms, -2 non-intervention
    assert [f.id for f in by_pair["RUS", "IRN"].material_cooperation] == [arms]
    assert [f.id for f in by_pair["RUS", "IRN"].non_intervention] == [rus_out]
    for empty in (("RUS", "CHN"), ("RUS", "PRK"), ("CHN", "PRK"), ("PRK", "IRN")):
        assert by_pair[empty].dyad.is_empty and by_pair[empty].dyad.summary.startswith("no facts between")
    for fact_id in report.facts:
        assert seeded_kg.evidence(seeded_kg.fact(fact_id))  # every number opens sentences


def test_bloc_seed_claim_from_the_store(seeded_kg):
    (claim,) = seeded_kg.claims()
    report = seeded_kg.bloc(claim)
    assert report.members == ("CHN", "IRN", "PRK", "RUS") and report.claimants == ("GBR", "USA")
    assert report.verdict == (
        "material ties without mutual defence: 2 of 6 pairs have material ties (energy trade between CHN and IRN, "
        "arms transfer between IRN and RUS); no pair came to another's aid: no military or diplomatic support "
        "between members; 2 non-interventions: CHN and RUS stayed out when IRN was struck by ISR and USA; "
        "no conflict between members.")
    data = report.to_dict()
    assert data["claimants"] == ["GBR", "USA"] and data["pairs_total"] == 6
    assert data["non_intervention"]["count"] == 2 and data["material_cooperation"]["count"] == 2
    assert data["verdict"] == report.verdict


def test_bloc_on_the_full_fact_view_equals_the_bloc_view(seeded_kg):
    assert bloc_report(fact_view(seeded_kg), AXIS).verdict == SEED_VERDICT
    assert bloc_report(bloc_view(seeded_kg, AXIS), AXIS).verdict == SEED_VERDICT


@pytest.mark.parametrize(("text", "headline", "verdict"), [
    ("France sold jets to Greece.", "no evidence of a bloc",
     "no evidence of a bloc: no fact links any of the 3 pairs of RUS, PRK and IRN."),
    ("Russia sent troops to fight for North Korea. The United States struck North Korea.",
     "a bloc with mutual defence",
     "a bloc with mutual defence: 1 of 3 pairs has material ties (military support from RUS to PRK); 1 of 3 pairs "
     "came to another's aid (military support from RUS to PRK when PRK was struck by USA); no diplomatic support "
     "between members; no non-intervention; no conflict between members."),
    ("Russia sent troops to fight for North Korea. Russia refrained from intervening to help Iran.",
     "mutual defence in part",
     "mutual defence in part: 1 of 3 pairs has material ties (military support from RUS to PRK); 1 of 3 pairs came "
     "to another's aid (military support from RUS to PRK); no diplomatic support between members; "
     "1 non-intervention: RUS stayed out of IRN's conflict; no conflict between members."),
    ("Iran sold drones to Russia.", "material ties without mutual defence",
     "material ties without mutual defence: 1 of 3 pairs has material ties (arms transfer from IRN to RUS); "
     "no pair came to another's aid: no military or diplomatic support between members; no non-intervention; "
     "no conflict between members."),
    ("Russia voiced support for Iran.", "words without material ties",
     "words without material ties: no pair has material ties; no pair came to another's aid (no military support); "
     "1 of 3 pairs voiced support (diplomatic support from RUS to IRN); no non-intervention; "
     "no conflict between members."),
    ("Russia refrained from intervening to help Iran.", "no bloc",
     "no bloc: no pair has material ties; no pair came to another's aid: no military or diplomatic support between "
     "members; 1 non-intervention: RUS stayed out of IRN's conflict; no conflict between members."),
    ("Iran sold drones to Russia. Russia condemned North Korea. Iran threatened North Korea.",
     "more conflict than cooperation",
     "more conflict than cooperation: 1 of 3 pairs has material ties (arms transfer from IRN to RUS); no pair came "
     "to another's aid: no military or diplomatic support between members; no non-intervention; 2 of 3 pairs are "
     "in conflict (condemnation from RUS to PRK, threat from IRN to PRK)."),
])
def test_bloc_verdict_rules(kg, text, headline, verdict):
    kg.ingest(text, id="a1")
    report = kg.bloc(["Russia", "North Korea", "Iran"])
    assert report.headline == headline
    assert report.verdict == verdict


def test_bloc_counts_pairs_not_facts_and_cohesion_is_the_mean_pair_score(kg):
    kg.ingest("Iran sold drones to Russia. North Korea shipped artillery shells to Russia. "
              "Russia sent troops to fight for North Korea. Russia condemned Iran.", id="a1")
    report = kg.bloc(["RUS", "PRK", "IRN"])
    assert report.material_cooperation.count == 2  # RUS-PRK (two facts) and RUS-IRN
    assert len(report.material_cooperation.facts) == 3
    assert report.military_support.pairs == (("RUS", "PRK"),) and report.conflict.pairs == (("RUS", "IRN"),)
    # RUS-PRK: +2 +3 -> 1.0; RUS-IRN: +2 -1 -> 1/3; PRK-IRN: no facts -> 0
    assert report.cohesion == pytest.approx((1.0 + 1 / 3 + 0.0) / 3)


def test_bloc_non_intervention_counts_facts_and_the_json_says_the_same(kg):
    kg.ingest("Russia refrained from intervening to help Iran. Iran refrained from intervening to help Russia.",
              id="a1")
    report = kg.bloc(["RUS", "IRN"])
    assert report.non_intervention.count == 2 and report.non_intervention.pairs == (("RUS", "IRN"),)
    data = report.to_dict()
    assert data["non_intervention"]["count"] == 2 and len(data["non_intervention"]["facts"]) == 2
    assert data["material_cooperation"] == {"count": 0, "pairs": [], "facts": []}
    assert report.verdict.startswith("no bloc: ")
    assert "2 non-interventions: IRN stayed out of RUS's conflict, RUS stayed out of IRN's conflict" in report.verdict


def test_bloc_window_keeps_facts_seen_in_it(kg):
    import datetime as dt

    kg.ingest("Iran sold drones to Russia.", id="a1", published=dt.date(2022, 10, 20))
    kg.ingest("Russia refrained from intervening to help Iran.", id="a2", published=dt.date(2025, 6, 24))
    assert kg.bloc(["RUS", "IRN"], since="2025-01-01").headline == "no bloc"
    assert kg.bloc(["RUS", "IRN"], until="2023-01-01").headline == "material ties without mutual defence"


@pytest.mark.parametrize("states", [[], ["RUS"], ["RUS", "Russia", "the Kremlin"]])
def test_bloc_with_fewer_than_two_states_is_a_clear_error(kg, states):
    with pytest.raises(InvalidInputError, match="a bloc needs at least 2 distinct states"):
        kg.bloc(states)


def test_bloc_given_a_string_is_a_clear_error(kg):
    with pytest.raises(InvalidInputError, match="a bloc is a list of states"):
        kg.bloc("RUS CHN")


def test_bloc_with_an_unknown_state_names_it_and_suggests(kg):
    with pytest.raises(UnknownStateError, match=r"unknown state 'Iram' \(did you mean .*IRN Iran") as caught:
        kg.bloc(["RUS", "CHN", "Iram"])
    assert "IRN Iran" in caught.value.suggestions


def test_bloc_on_a_view_of_other_states_is_refused(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1")
    with pytest.raises(InvalidInputError, match="holds only"):
        bloc_report(fact_view(kg, states=["RUS", "IRN"]), ["RUS", "IRN", "CHN"])


def test_bloc_accepts_a_claim_built_by_hand(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1")
    report = kg.bloc(Claim(("USA",), ("IRN", "RUS")))
    assert report.members == ("IRN", "RUS") and report.claimants == ("USA",)
    assert report.material_cooperation.count == 1
