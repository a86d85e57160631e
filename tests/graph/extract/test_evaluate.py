"""The gold scorer follows the guide's scoring rules ("How a prediction is scored")."""

import json

import pytest

from alignkg.graph import EdgeType
from alignkg.graph.errors import InvalidInputError, NotFoundError
from alignkg.graph.extract.evaluate import Report, evaluate_gold, half_of, read_gold, score_passage
from alignkg.graph.model import Claim, Evidence, Extraction, Fact

EV = Evidence("p", "s", 0, 1)


def _extraction(*triples, claims=()):
    facts = tuple(Fact(s, EdgeType(t), o, evidence=(EV,)) for s, t, o in triples)
    return Extraction("p", facts, tuple(Claim((), tuple(sorted(m)), (EV,)) for m in claims))


def _score(gold, *triples, gold_claims=(), claims=()):
    report = Report()
    row = {"id": "p", "text": "x", "gold": gold, "claims": [{"members": m} for m in gold_claims]}
    score_passage(report, row, _extraction(*triples, claims=claims))
    return report


def test_evaluate_exact_match_is_a_true_positive():
    report = _score([{"subject": "IRN", "type": "arms_transfer", "object": "RUS"}], ("IRN", "arms_transfer", "RUS"))
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)


def test_evaluate_reverse_orientation_matches_only_when_undirected_or_symmetric():
    undirected = [{"subject": "TUR", "type": "trade", "object": "ISR", "directed": False}]
    assert _score(undirected, ("ISR", "trade", "TUR")).micro.tp == 1
    directed = [{"subject": "TUR", "type": "trade", "object": "ISR"}]
    reversed_ = _score(directed, ("ISR", "trade", "TUR"))
    assert (reversed_.micro.tp, reversed_.micro.fp, reversed_.micro.fn) == (0, 1, 1)
    alliance = [{"subject": "RUS", "type": "alliance", "object": "BLR"}]
    assert _score(alliance, ("BLR", "alliance", "RUS")).micro.tp == 1


def test_evaluate_type_must_match_and_misses_are_listed():
    report = _score([{"subject": "USA", "type": "sanction", "object": "IRN"}], ("USA", "threat", "IRN"))
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 1, 1)
    assert [(m.kind, m.triple) for m in report.misses] == [
        ("missed", ("USA", "sanction", "IRN")), ("spurious", ("USA", "threat", "IRN"))]
    assert report.per_type["sanction"].fn == 1 and report.per_type["threat"].fp == 1


def test_evaluate_precision_recall_f1_are_micro_averaged():
    report = Report()
    gold = [{"subject": "A", "type": "threat", "object": "B"}, {"subject": "C", "type": "threat", "object": "D"}]
    score_passage(report, {"id": "1", "gold": gold}, _extraction(("A", "threat", "B")))
    score_passage(report, {"id": "2", "gold": []}, _extraction(("E", "threat", "F")))
    assert (report.micro.precision, report.micro.recall) == (0.5, 0.5)
    assert report.micro.f1 == pytest.approx(0.5)
    assert report.passages == 2


def test_evaluate_nothing_expected_and_nothing_found_is_perfect():
    report = _score([])
    assert (report.micro.precision, report.micro.recall) == (1.0, 1.0)


def test_evaluate_claims_match_on_member_sets():
    report = _score([], gold_claims=[["RUS", "CHN", "IRN"]], claims=[("IRN", "RUS", "CHN"), ("RUS", "IRN")])
    assert (report.claims.tp, report.claims.fp, report.claims.fn) == (1, 1, 0)


def test_evaluate_half_split_is_fixed_and_splits_both_ways():
    ids = [f"p-{k:03d}" for k in range(200)]
    halves = [half_of(i) for i in ids]
    assert halves == [half_of(i) for i in ids]
    assert 60 < halves.count("study") < 140


def test_evaluate_read_gold_reports_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x"}) + "\n" + "{not json\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="line 2: not JSON"):
        list(read_gold(path))
    path.write_text(json.dumps({"id": "a"}) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="line 1: expected an object with 'id' and 'text'"):
        list(read_gold(path))


def test_evaluate_gold_scores_one_half_of_a_file(tmp_path, extractor):
    rows = [{"id": i, "text": "Russia sold drones to Iran.",
             "gold": [{"subject": "RUS", "type": "arms_transfer", "object": "IRN"}]} for i in ("c2a-002", "c2a-007")]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert evaluate_gold(path, extractor).passages == 2
    study = evaluate_gold(path, extractor, half="study")
    assert (study.passages, study.micro.tp, study.micro.fp) == (1, 1, 0)


def test_evaluate_gold_names_a_bad_half_and_a_missing_file(tmp_path, extractor):
    with pytest.raises(InvalidInputError, match="half must be one of study, check, not 'odd'"):
        evaluate_gold(tmp_path / "gold.jsonl", extractor, half="odd")
    with pytest.raises(NotFoundError, match="no such file"):
        evaluate_gold(tmp_path / "gold.jsonl", extractor)
