"""ingest_articles: the same store whatever runs the extraction (this process, local processes, a Dask
cluster), resumable after a stop, and bad articles reported without stopping the others."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from alignkg.graph import Article, IngestProgress, KnowledgeGraph, ingest_articles

REPO = Path(__file__).resolve().parents[3]
ARTICLES = [Article(p.stem, p.read_text("utf-8")) for p in sorted((REPO / "data" / "articles").glob("*.txt"))]


def digest(kg: KnowledgeGraph) -> tuple[int, str]:
    """Return the number of quads and a digest of them all (N-Quads, sorted)."""
    out = io.BytesIO()
    kg.export(out, format="nquads")
    lines = sorted(line for line in out.getvalue().splitlines() if line.strip())
    return len(lines), hashlib.sha256(b"\n".join(lines)).hexdigest()


@pytest.fixture
def graph(gazetteer, extractor):
    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as kg:
        yield kg


@pytest.fixture
def cluster_in_this_process(shared_pipelines, monkeypatch) -> None:
    """The clusters below run their workers in this process (``processes=False``), where each builds its extractor
    once (``process_extractor``): with the session's spaCy pipeline, as this process's other extractors, not a
    pipeline of its own (~2 s). The extractor built is forgotten after the test."""
    from alignkg.graph.ingest import workers

    shared_pipelines(monkeypatch)
    monkeypatch.setattr(workers, "_extractor", None)


@pytest.fixture(scope="module")
def expected(gazetteer, extractor) -> tuple[int, str]:
    """The store the bundled articles make, ingested one batch per article as before this module existed."""
    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as kg:
        for article in ARTICLES:
            list(kg.ingest_many([article]))
        return digest(kg)


def test_ingest_articles_in_process_matches_one_by_one_and_resumes(graph, expected):
    seen: list[IngestProgress] = []
    report = ingest_articles(graph, ARTICLES, batch=4, total=len(ARTICLES), progress=seen.append)
    assert (report.stored, report.unchanged, report.problems) == (len(ARTICLES), 0, ())
    assert digest(graph) == expected
    assert seen[-1].done == seen[-1].total == len(ARTICLES) and seen[-1].rate > 0
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    again = ingest_articles(graph, ARTICLES, batch=4)
    assert (again.stored, again.unchanged) == (0, len(ARTICLES))
    assert digest(graph) == expected


def test_ingest_articles_reports_bad_articles_and_goes_on(graph):
    list(graph.ingest_many([Article("kept", "Iran sold drones to Russia.")]))
    articles = [Article("empty", "   "), Article("kept", "Japan condemned Iran."), Article("bad/id?#", "Iran."),
                Article("ok", "Russia sold jets to Iran.")]
    report = ingest_articles(graph, articles, batch=2, chunk=1)
    assert report.stored == 1
    problems = {p.id: p.message for p in report.problems}
    assert set(problems) == {"empty", "kept", "bad/id?#"}
    assert "already stored with another text" in problems["kept"] and "'/'" in problems["bad/id?#"]
    assert sorted(graph.article_ids()) == ["kept", "ok"]
    assert graph.article("kept").text == "Iran sold drones to Russia."


def test_ingest_articles_stopped_then_run_again_ends_as_one_run(graph, expected):
    def stop_after_first_write(progress: IngestProgress) -> None:
        if progress.stored:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_articles(graph, ARTICLES, batch=3, progress=stop_after_first_write)
    assert 0 < len(graph.article_ids()) < len(ARTICLES)
    report = ingest_articles(graph, ARTICLES, batch=3)
    assert report.unchanged == 3 and report.stored == len(ARTICLES) - 3
    assert digest(graph) == expected


def test_ingest_articles_in_two_processes_gives_the_same_store(graph, expected):
    report = ingest_articles(graph, ARTICLES, jobs=2, batch=5, chunk=2)
    assert (report.stored, report.problems) == (len(ARTICLES), ())
    assert digest(graph) == expected


def test_ingest_articles_on_a_dask_local_cluster_gives_the_same_store(graph, expected, cluster_in_this_process):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                                  host="127.0.0.1", scheduler_port=0, dashboard_address=None) as cluster:
        report = ingest_articles(graph, [*ARTICLES, Article("empty", " ")], cluster=cluster.scheduler_address,
                                 batch=4, chunk=3)
    assert report.stored == len(ARTICLES) and [p.id for p in report.problems] == ["empty"]
    assert digest(graph) == expected


def test_ingest_articles_on_a_dask_cluster_into_the_remote_store_gives_the_same_facts(graph, gazetteer, extractor,
                                                                                      remote_url,
                                                                                      cluster_in_this_process):
    distributed = pytest.importorskip("distributed")
    ingest_articles(graph, ARTICLES)
    with (distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                                   host="127.0.0.1", scheduler_port=0, dashboard_address=None) as cluster,
          KnowledgeGraph.connect(remote_url, gazetteer=gazetteer, extractor=extractor) as remote):
        report = ingest_articles(remote, ARTICLES, cluster=cluster.scheduler_address, batch=6)
        assert report.stored == len(ARTICLES) and ingest_articles(remote, ARTICLES).unchanged == len(ARTICLES)
        facts = sorted((f.subject, f.type.value, f.object, f.articles, f.hedged) for f in remote.facts())
        counts = {k: remote.stats()[k] for k in ("articles", "facts", "claims", "evidence")}
    assert facts == sorted((f.subject, f.type.value, f.object, f.articles, f.hedged) for f in graph.facts())
    assert counts == {k: graph.stats()[k] for k in ("articles", "facts", "claims", "evidence")}


def test_ingest_articles_refuses_bad_options_and_an_unreachable_cluster(graph):
    from alignkg.graph import AlignkgError, InvalidInputError

    with pytest.raises(InvalidInputError, match="at least 1"):
        ingest_articles(graph, ARTICLES, jobs=0)
    with pytest.raises(AlignkgError, match="cannot reach the Dask scheduler"):
        ingest_articles(graph, ARTICLES, cluster="tcp://127.0.0.1:9", connect_timeout_s=1)
    assert graph.article_ids() == []
