"""Smoke test of the benchmark scripts: they run, offline and fast, and print their report."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(autouse=True)
def _one_pipeline(shared_pipelines, monkeypatch):
    """The scripts that extract in this process (extract_speed, ingest_bench's --jobs 1) share one spaCy pipeline."""
    shared_pipelines(monkeypatch)


def _load_script(monkeypatch, name: str):
    """Import ``bench/<name>.py`` by path (``bench/`` is not a package)."""
    monkeypatch.syspath_prepend(str(BENCH_DIR))  # for ``from _harness import ...``
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH_DIR / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_extract_speed_quick_prints_the_ratio(monkeypatch, capsys):
    extract_speed = _load_script(monkeypatch, "extract_speed")

    assert extract_speed.main(["--quick", "--size", "8000"]) == 0  # two documents of the resampled corpus

    out = capsys.readouterr().out
    assert "whole extractor / parse alone = " in out
    assert "goal: at most 1.3x the parse alone -> " in out
    assert "built by resampling" in out and "2 documents" in out
    assert "rules s/100k" in out and "parse s/100k" in out and "(1.0x is linear)" in out


def test_store_bench_quick_prints_the_ratios(monkeypatch, capsys):
    store_bench = _load_script(monkeypatch, "store_bench")

    # 300 facts (30 articles): every query of the report finds rows, and the batches and tenths are still measured
    assert store_bench.main(["--quick", "--size", "300"]) == 0

    out = capsys.readouterr().out
    assert "300 facts: same quad count in both stores: yes" in out
    assert "project / bulk_load = " in out
    assert "goal: at least 50% -> " in out
    assert "same quad count in both stores: yes" in out
    assert out.count("project / raw = ") == 6  # three queries, at the largest size and beside rdflib
    assert "rdflib / project = " in out
    assert "goal: 2-hop join at least 1,000x faster through the project than rdflib -> " in out

def test_http_bench_quick_prints_rates_latencies_and_the_goal(monkeypatch, capsys):
    http_bench = _load_script(monkeypatch, "http_bench")

    assert http_bench.main(["--quick"]) == 0

    out = capsys.readouterr().out
    for label in ("GET /health (ceiling)", "GET /facts?subject=RUS", "GET /states/IRN", "GET /sparql 2-hop join",
                  "GET /sparql 2-hop, distinct"):
        line = next(line for line in out.splitlines() if line.startswith(label))
        requests, errors = line[len(label):].split()[:2]
        assert int(requests.replace(",", "")) > 0 and errors == "0", line
    assert "p50 ms" in out and "p99 ms" in out and "req/s" in out
    assert out.count("/ ceiling = ") == 5
    assert "goal: /facts at least 50% of the ceiling -> " in out and "% cached, " in out and "; uncached " in out
    assert "without it (ALIGNKG_RESPONSE_CACHE_BYTES=0" in out
    assert "goal: /states and /states/{state} within 50 ms (uncached) -> " in out
    assert "goal: /sparql with distinct texts at least 80% of one text's rate -> " in out
    assert "load average" in out


def test_http_bench_reads_wrk_reports_and_writes_its_scripts(monkeypatch):
    http_bench = _load_script(monkeypatch, "http_bench")
    report = ("Running 5s test @ http://127.0.0.1:1/health\n  Latency Distribution\n     50%  812.00us\n"
              "     75%    1.20ms\n     90%    2.00ms\n     99%    1.50s\n  9000 requests in 5.00s, 1.2MB read\n"
              "  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 4\n"
              "Requests/sec:   1800.00\n")
    run = http_bench.parse_wrk(report)
    assert (run.requests, run.errors, run.seconds, run.p50_ms, run.p99_ms) == (9000, 7, 5.0, 0.812, 1500.0)
    assert run.rate == 1800.0
    with pytest.raises(RuntimeError):
        http_bench.parse_wrk("unable to connect")
    distinct = http_bench.ENDPOINTS["sparql_distinct"]
    script = http_bench.lua_script(distinct)
    assert "(100000 + counter)" in script and '["Accept"] = "application/sparql-results+json"' in script
    assert "counter" not in http_bench.lua_script(http_bench.ENDPOINTS["facts"]).split("wrk.format")[1]

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
    for label in ("kg.state_counts()", "kg.state_page('IRN')", "kg.state_page('USA')"):  # beside raw pyoxigraph
        assert label in out
    assert "goal: kg.state_counts() and kg.state_page() within 50 ms at 100,000 facts -> not judged" in out


def test_deadline_bench_quick_prints_the_costs(monkeypatch, capsys):
    deadline_bench = _load_script(monkeypatch, "deadline_bench")

    assert deadline_bench.main(["--quick"]) == 0

    out = capsys.readouterr().out
    assert "worker over a checkpoint" in out
    assert "the first read after it (makes the checkpoint)" in out
    assert "slow query in a worker: QueryLimitError" in out


def test_soak_summary_measures_growth_after_warm_up_and_gives_a_verdict(monkeypatch):
    # The soak itself runs a server for a minute or more, so it is not run here; its arithmetic is.
    soak = _load_script(monkeypatch, "soak")
    # up by 30 MiB in the first 10 s, then 230 MiB with a passing 0.5 every 5 s
    flat = soak.memory([(float(t), 200.0 + 3 * t if t < 10 else 230.0 + 0.5 * (t % 5 == 0)) for t in range(70)], 20.0)
    assert flat.after_warm_up == flat.final == 230.0 and flat.peak == 230.5 and flat.growth == 0
    assert abs(flat.slope) < 0.5 and flat.flat(4.0)
    growing = soak.memory([(float(t), 200.0 + t / 6) for t in range(181)], 30.0)  # 10 MiB a minute
    assert round(growing.slope, 6) == 10.0 and round(growing.growth, 2) == 24.33 and not growing.flat(4.0)
    assert soak.slope_per_minute([(1.0, 5.0)]) == 0.0

    errors = soak.collections.Counter({"429 too_many_requests": 3})
    line = soak.verdict(flat, flat, errors, 4.0)
    assert line.startswith("verdict: PASS: server memory flat after warm-up (+0.0 MiB")
    assert line.endswith("no errors except by design")
    errors["500 internal_error"] += 1
    line = soak.verdict(growing, flat, errors, 4.0)
    assert line.startswith("verdict: FAIL: server memory GROWS after warm-up (+24.3 MiB, +10.00 MiB/min)")
    assert line.endswith("ERRORS not by design: 500 internal_error x1")


def test_export_memory_quick_prints_the_ratios(monkeypatch, capsys):
    export_memory = _load_script(monkeypatch, "export_memory")

    assert export_memory.main(["--quick"]) == 0

    out = capsys.readouterr().out
    assert "streamed / buffered" in out
    rows = [line.split() for line in out.splitlines() if line.split()[:1] in (["ntriples"], ["turtle"])]
    assert [r[0] for r in rows] == ["ntriples", "turtle"] and all(len(r) == 4 for r in rows)


def test_bench_runner_prints_one_table_and_writes_the_results(monkeypatch, capsys, tmp_path):
    runner = _load_script(monkeypatch, "__main__")
    out = tmp_path / "results.md"

    assert runner.main(["--quick", "--only", "export_memory", "--out", str(out)]) == 0

    text = out.read_text(encoding="utf-8")
    assert "| export_memory | export memory, streamed / buffered (ntriples, 4,000 quads) |" in text
    assert "Machine: python" in text and "load average" in text
    assert "| benchmark | ratio | value | goal |" in capsys.readouterr().out


def test_store_sizing_quick_prints_the_extrapolation(monkeypatch, capsys, remote_url):
    store_sizing = _load_script(monkeypatch, "store_sizing")

    assert store_sizing.main(["--quick", "--url", remote_url]) == 0

    out = capsys.readouterr().out
    assert "embedded (pyoxigraph)" in out and remote_url in out
    assert "extrapolated linearly from the measured run" in out


def test_ingest_bench_quick_prints_the_ratio(monkeypatch, capsys, tmp_path):
    ingest_bench = _load_script(monkeypatch, "ingest_bench")

    corpus = ingest_bench.make_corpus(30)
    assert len({a.id for a in corpus}) == 30 and corpus[0].text != corpus[11].text  # the same text, other states
    assert ingest_bench.main(["--quick", "--write", str(tmp_path / "corpus.jsonl")]) == 0
    assert len((tmp_path / "corpus.jsonl").read_text("utf-8").splitlines()) == 12
    assert ingest_bench.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "jobs 2 / jobs 1 = " in out and "12 articles generated" in out
