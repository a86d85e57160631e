"""A stopped ``alignkg ingest`` leaves every article wholly present or absent, and a re-run completes it.

Issue 11: each batch of articles is one transaction, so a process killed between or inside
them leaves no half article. The 52 articles (the bundled texts under distinct ids) are ingested
once cleanly in this process, for both tests. The first test ingests them in a process killed with
SIGKILL part-way (after 10 to 25 articles, 3 to 6 batches of 4); it compares each article's named
graph with the clean store's, then re-runs the ingest and compares the whole stores, quad by quad.
The second (issue 12) stops an ingest extracting in two processes with Ctrl-C (SIGINT) and checks
that running it again ends with the store of one run. The stopped ingests run in processes of their
own (the signal is the behaviour); the re-runs, ordinary runs of the command, in this one
(``cli_helpers.run_cli``, with the session's spaCy pipeline).
"""

from __future__ import annotations

import hashlib
import json
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph
import pytest
from cli_helpers import run_cli

from alignkg.graph import namespace as ns

REPO = Path(__file__).resolve().parents[3]
ARTICLES = 52  # from 50 articles on, the bar is drawn when stderr is not a terminal


def _lines(path: Path, count: int = ARTICLES) -> Path:
    texts = sorted((REPO / "data" / "articles").glob("*.txt"))
    rows = [{"id": f"copy-{i:02}-{texts[i % len(texts)].stem}", "text": texts[i % len(texts)].read_text("utf-8")}
            for i in range(count)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _ingest(lines: Path, store: Path, *options: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "alignkg.app.cli.main", "ingest", str(lines), "--store", str(store),
                             "--batch", "4", *options], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _graphs(store: Path) -> dict[str, str]:
    """Return a digest of every article's named graph, by graph IRI, and of all quads ("*")."""
    opened = pyoxigraph.Store.read_only(str(store))
    quads: dict[str, list[str]] = {}
    for quad in opened:
        quads.setdefault(str(quad.graph_name), []).append(str(quad))
        quads.setdefault("*", []).append(str(quad))
    del opened
    return {graph: hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest() for graph, lines in quads.items()}


def _ingest_here(lines: Path, store: Path, gazetteer, extractor) -> None:
    """Ingest the articles of ``lines`` into the store at ``store`` in this process, as ``alignkg ingest`` does."""
    from alignkg.graph import Article, KnowledgeGraph, ingest_articles

    rows = [json.loads(line) for line in lines.read_text("utf-8").splitlines()]
    with KnowledgeGraph.open(store, gazetteer=gazetteer, extractor=extractor) as kg:
        ingest_articles(kg, [Article(r["id"], r["text"]) for r in rows])


@pytest.fixture(scope="module")
def clean(tmp_path_factory, gazetteer, extractor) -> tuple[Path, dict[str, str]]:
    """The articles' JSON Lines file and the digests of the store of one clean ingest of them (read only)."""
    folder = tmp_path_factory.mktemp("clean")
    lines = _lines(folder / "articles.jsonl")
    _ingest_here(lines, folder / "store", gazetteer, extractor)
    expected = _graphs(folder / "store")
    assert len({g for g in expected if g.startswith(f"<{ns.article_graph('')}")}) == ARTICLES
    return lines, expected


def test_ingest_killed_leaves_whole_articles_and_a_rerun_completes(tmp_path, clean):
    lines, expected = clean
    article_graphs = {g for g in expected if g.startswith(f"<{ns.article_graph('')}")}

    killed = _ingest(lines, tmp_path / "killed")
    _stop_halfway(killed, ARTICLES, signal.SIGKILL)

    after_kill = _graphs(tmp_path / "killed")
    present = article_graphs & set(after_kill)
    assert 0 < len(present) < ARTICLES, "the kill did not land during the ingest"
    for graph in present:
        assert after_kill[graph] == expected[graph], f"{graph} is only partly stored"

    rerun = run_cli("ingest", str(lines), "--store", str(tmp_path / "killed"), "--batch", "4")
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert _graphs(tmp_path / "killed") == expected


def _stop_halfway(process: subprocess.Popen[bytes], total: int, signum: int) -> bytes:
    """Send ``signum`` once tqdm's bar shows between 10 and half of ``total`` articles done; return stderr."""
    progress = bytearray()

    def read() -> None:
        assert process.stderr is not None
        while chunk := process.stderr.read1(4096):
            progress.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    limit = time.monotonic() + 600
    pattern = re.compile(rb"(\d+)/%d" % total)
    while not any(min(10, total // 4) <= int(done) < total // 2 for done in pattern.findall(bytes(progress))):
        assert process.poll() is None, progress.decode(errors="replace")
        assert time.monotonic() < limit, "the ingest made no progress"
        time.sleep(0.02)
    process.send_signal(signum)
    process.wait(timeout=120)
    reader.join(timeout=30)
    return bytes(progress)


def test_ingest_in_two_processes_stopped_by_ctrl_c_then_run_again_ends_as_one_run(tmp_path, clean):
    lines, expected = clean
    count = ARTICLES

    stopped = _ingest(lines, tmp_path / "stopped", "--jobs", "2")
    err = _stop_halfway(stopped, count, signal.SIGINT)
    assert stopped.returncode == 130 and b"run the same command again to resume" in err, err.decode()
    present = {g for g in _graphs(tmp_path / "stopped") if g.startswith(f"<{ns.article_graph('')}")}
    assert 0 < len(present) < count

    rerun = run_cli("ingest", str(lines), "--store", str(tmp_path / "stopped"), "--batch", "4", "--jobs", "2")
    assert rerun.returncode == 0, rerun.stderr.decode()
    assert f"{count - len(present)} article(s), {len(present)} unchanged".encode() in rerun.stderr
    assert _graphs(tmp_path / "stopped") == expected
