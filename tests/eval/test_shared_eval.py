"""Scores on the gold passages in ../shared/eval, which stay outside the repository.

Skipped where ../shared is absent. The thresholds are the issue's acceptance
criteria; they check quality, not speed.
"""

from pathlib import Path

import pytest

from alignkg.graph import evaluate_gold

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def _report(name, extractor):
    path = EVAL / name
    if not path.is_file():
        pytest.skip(f"{path} is not present (the gold passages live outside the repository)")
    return evaluate_gold(path, extractor)


def test_eval_seed_is_perfect(extractor):
    report = _report("seed.jsonl", extractor)
    assert report.micro.f1 == 1.0, [m for m in report.misses]
    assert report.claims.f1 == 1.0


def test_eval_dev_meets_the_bar(extractor):
    report = _report("dev.jsonl", extractor)
    assert report.micro.precision >= 0.95
    assert report.micro.f1 >= 0.90
    missing = [t for t, s in report.per_type.items() if s.tp + s.fn and s.recall == 0]
    assert missing == []


def test_eval_dev2_floor_on_passages_the_rules_were_not_written_for(extractor):
    """dev2: a floor just under what the parse-based extractor measured (P 0.94, F 0.72), not the target.

    Claims are held to issue 9's bar (F1 >= 0.70 on dev2), which they meet (0.94).
    """
    report = _report("dev2.jsonl", extractor)
    assert report.passages == 108
    assert report.micro.precision >= 0.90
    assert report.micro.f1 >= 0.70
    assert report.claims.f1 >= 0.70


def test_eval_project_demo_set_guards_against_regressions(extractor):
    """The demo articles were not written for the rules: a floor, not a target (figures in data/eval)."""
    path = Path(__file__).resolve().parents[2] / "data" / "eval" / "demo.jsonl"
    report = evaluate_gold(path, extractor)
    assert report.passages == 10
    assert report.micro.precision >= 0.95
    assert report.micro.f1 >= 0.84
