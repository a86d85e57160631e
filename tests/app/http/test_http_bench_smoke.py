"""Smoke test of bench/http_bench.py: it runs offline and fast with --quick, and prints its report."""

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


def test_http_bench_quick_prints_rates_latencies_and_the_goal(monkeypatch, capsys):
    http_bench = _load_script(monkeypatch, "http_bench")

    assert http_bench.main(["--quick"]) == 0

    out = capsys.readouterr().out
    for label in ("GET /health (ceiling)", "GET /facts?subject=RUS", "GET /sparql 2-hop join"):
        line = next(line for line in out.splitlines() if line.startswith(label))
        requests, errors = line[len(label):].split()[:2]
        assert int(requests.replace(",", "")) > 0 and errors == "0", line
    assert "p50 ms" in out and "p99 ms" in out and "req/s" in out
    assert out.count("/ ceiling = ") == 2
    assert "goal: /facts at least 50% of the ceiling -> " in out
