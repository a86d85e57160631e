"""SIGKILL during ``alignkg ingest`` leaves every article wholly present or absent, and a re-run completes it.

Issue 11: each article is one transaction, so a process killed between or inside them
leaves no half article. The test ingests 200 articles (the bundled texts under distinct
ids) once cleanly, then again in a process killed with SIGKILL part-way; it compares each
article's named graph with the clean store's, then re-runs the ingest and compares the
whole stores, quad by quad.
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

from alignkg.graph import namespace as ns

REPO = Path(__file__).resolve().parents[3]
ARTICLES = 200


def _lines(path: Path) -> Path:
    texts = sorted((REPO / "data" / "articles").glob("*.txt"))
    rows = [{"id": f"copy-{i:02}-{texts[i % len(texts)].stem}", "text": texts[i % len(texts)].read_text("utf-8")}
            for i in range(ARTICLES)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _ingest(lines: Path, store: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "alignkg.app.cli.main", "ingest", str(lines), "--store", str(store)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _graphs(store: Path) -> dict[str, str]:
    """Return a digest of every article's named graph, by graph IRI, and of all quads ("*")."""
    opened = pyoxigraph.Store.read_only(str(store))
    quads: dict[str, list[str]] = {}
    for quad in opened:
        quads.setdefault(str(quad.graph_name), []).append(str(quad))
        quads.setdefault("*", []).append(str(quad))
    del opened
    return {graph: hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest() for graph, lines in quads.items()}


def test_ingest_killed_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    lines = _lines(tmp_path / "articles.jsonl")
    clean = _ingest(lines, tmp_path / "clean")
    _, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err.decode()
    expected = _graphs(tmp_path / "clean")
    article_graphs = {g for g in expected if g.startswith(f"<{ns.article_graph('')}")}
    assert len(article_graphs) == ARTICLES

    killed = _ingest(lines, tmp_path / "killed")
    progress = bytearray()

    def read() -> None:
        assert killed.stderr is not None
        while chunk := killed.stderr.read1(4096):
            progress.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    limit = time.monotonic() + 600
    pattern = re.compile(rb"(\d+)/%d" % ARTICLES)
    while not any(10 <= int(done) < ARTICLES // 2 for done in pattern.findall(bytes(progress))):  # tqdm's bar
        assert killed.poll() is None, progress.decode(errors="replace")
        assert time.monotonic() < limit, "the ingest made no progress"
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait(timeout=30)
    reader.join(timeout=30)

    after_kill = _graphs(tmp_path / "killed")
    present = article_graphs & set(after_kill)
    assert 0 < len(present) < ARTICLES, "the kill did not land during the ingest"
    for graph in present:
        assert after_kill[graph] == expected[graph], f"{graph} is only partly stored"

    rerun = _ingest(lines, tmp_path / "killed")
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    assert _graphs(tmp_path / "killed") == expected
