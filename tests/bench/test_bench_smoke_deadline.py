"""Smoke test of the deadline, memory and soak benchmarks and of the runner: they run, offline, and report."""


def test_deadline_bench_quick_prints_the_costs(load_script, capsys):
    deadline_bench = load_script("deadline_bench")

    assert deadline_bench.main(["--quick"]) == 0

    out = capsys.readouterr().out
    assert "worker over a checkpoint" in out
    assert "the first read after it (makes the checkpoint)" in out
    assert "slow query in a worker: QueryLimitError" in out


def test_export_memory_quick_prints_the_ratios(load_script, capsys):
    export_memory = load_script("export_memory")

    assert export_memory.main(["--quick"]) == 0

    out = capsys.readouterr().out
    assert "streamed / buffered" in out
    rows = [line.split() for line in out.splitlines() if line.split()[:1] in (["ntriples"], ["turtle"])]
    assert [r[0] for r in rows] == ["ntriples", "turtle"] and all(len(r) == 4 for r in rows)


def test_ingest_memory_quick_prints_the_peaks_and_ratios(load_script, capsys):
    ingest_memory = load_script("ingest_memory")

    assert ingest_memory.main(["--quick", "--paths", "atomic,bulk"]) == 0

    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.split()[:1] in (["atomic"], ["bulk"])]
    assert [r[:2] for r in rows if len(r) == 6] == [
        ["atomic", "before"], ["atomic", "defaults"], ["bulk", "before"], ["bulk", "defaults"]]
    assert "defaults / before: peak" in out and "not judged below 100,000 facts" in out


def test_soak_summary_measures_growth_after_warm_up_and_gives_a_verdict(load_script):
    # The soak itself runs a server for a minute or more, so it is not run here; its arithmetic is.
    soak = load_script("soak")
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


def test_bench_runner_prints_one_table_and_writes_the_results(load_script, capsys, tmp_path):
    runner = load_script("__main__")
    out = tmp_path / "results.md"

    assert runner.main(["--quick", "--only", "export_memory", "--out", str(out)]) == 0

    text = out.read_text(encoding="utf-8")
    assert "| export_memory | export memory, streamed / buffered (ntriples, 4,000 quads) |" in text
    assert "Machine: python" in text and "load average" in text
    assert "| benchmark | ratio | value | goal |" in capsys.readouterr().out
