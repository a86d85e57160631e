"""Smoke test of bench/analysis_bench.py: it runs offline and fast with --quick and prints its report."""

import importlib.util
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parents[3] / "bench"


def _load_script(monkeypatch, name: str):
    """Import ``bench/<name>.py`` by path (``bench/`` is not a package)."""
    monkeypatch.syspath_prepend(str(BENCH_DIR))  # for ``from _harness import ...``
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_analysis_bench_quick_prints_the_ratio_and_the_goal(monkeypatch, capsys):
    analysis_bench = _load_script(monkeypatch, "analysis_bench")

    assert analysis_bench.main(["--quick"]) == 0

    out = capsys.readouterr().out
    assert "distinct synthetic facts" in out
    assert "bloc          USA, RUS, CHN, IRN, UKR, ISR (15 pairs)" in out
    assert "full fact graph (fact_view)" in out and "bloc query (kg.bloc)" in out
    assert "bloc query / full graph = " in out
    assert "goal: bloc query of 6 states under 1.0 s -> " in out
    assert "verdict: " in out
