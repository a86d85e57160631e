"""Smoke test of the extraction, ingest and analysis benchmarks: they run, offline and fast, and print their report."""


def test_extract_speed_quick_prints_the_ratio(load_script, capsys):
    extract_speed = load_script("extract_speed")

    assert extract_speed.main(["--quick", "--size", "8000"]) == 0  # two documents of the resampled corpus

    out = capsys.readouterr().out
    assert "whole extractor / parse alone = " in out
    assert "goal: at most 1.3x the parse alone -> " in out
    assert "built by resampling" in out and "2 documents" in out
    assert "rules s/100k" in out and "parse s/100k" in out and "(1.0x is linear)" in out


def test_ingest_bench_quick_prints_the_ratio(load_script, capsys, tmp_path):
    ingest_bench = load_script("ingest_bench")

    corpus = ingest_bench.make_corpus(30)
    assert len({a.id for a in corpus}) == 30 and corpus[0].text != corpus[11].text  # the same text, other states
    assert ingest_bench.main(["--quick", "--write", str(tmp_path / "corpus.jsonl")]) == 0
    assert len((tmp_path / "corpus.jsonl").read_text("utf-8").splitlines()) == 12
    assert ingest_bench.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "jobs 2 / jobs 1 = " in out and "12 articles generated" in out


def test_analysis_bench_quick_prints_the_ratio_and_the_goal(load_script, capsys):
    analysis_bench = load_script("analysis_bench")

    assert analysis_bench.main(["--quick"]) == 0

    out = capsys.readouterr().out
    assert "distinct synthetic facts" in out
    assert "bloc          USA, RUS, CHN, IRN, UKR, ISR (15 pairs)" in out
    assert "full fact graph (fact_view)" in out and "bloc query (kg.bloc)" in out
    assert "bloc query / full graph = " in out
    assert "goal: bloc query of 6 states under 1.0 s -> " in out
    # --quick's 2,000 facts say nothing of the goal at 95,000 and more.
    assert "goal: to_networkx() at 95,000 facts within 1.5 s -> not measured (too few facts)" in out
    assert "verdict: " in out
    for label in ("kg.state_counts()", "kg.state_page('IRN')", "kg.state_page('USA')"):  # beside raw pyoxigraph
        assert label in out
    assert "goal: kg.state_counts() and kg.state_page() within 50 ms at 100,000 facts -> not judged" in out
