"""Smoke test of the store benchmarks: they run, offline and fast, and print their report."""


def test_store_bench_quick_prints_the_ratios(load_script, capsys):
    store_bench = load_script("store_bench")

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


def test_store_sizing_quick_prints_the_extrapolation(load_script, capsys, remote_url):
    store_sizing = load_script("store_sizing")

    assert store_sizing.main(["--quick", "--url", remote_url]) == 0

    out = capsys.readouterr().out
    assert "embedded (pyoxigraph)" in out and remote_url in out
    assert "extrapolated linearly from the measured run" in out
