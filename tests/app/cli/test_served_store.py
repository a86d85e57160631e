"""The command line on the store of a running ``alignkg serve``: stats, query, export and ingest go through the
service; the other commands, and a store another process holds, get one line saying what to do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from alignkg.app.cli.main import app
from alignkg.app.cli.service import RECORD, Service, announce, find
from alignkg.app.settings import get_settings
from alignkg.graph import KnowledgeGraph

REPO = Path(__file__).resolve().parents[3]
KEY = "served-key"
RUN_SERVE = "import typer; from alignkg.app.cli.serve import serve; typer.run(serve)"


@pytest.fixture(scope="module")
def served(tmp_path_factory, gazetteer, extractor):
    """A store holding one article, served by ``alignkg serve`` in a process of its own on a free port."""
    store = tmp_path_factory.mktemp("served") / "store"
    with KnowledgeGraph.open(store, gazetteer=gazetteer, extractor=extractor) as kg:
        kg.ingest((REPO / "data" / "articles" / "seed-distant-allies.txt").read_text("utf-8"), id="first")
    process = subprocess.Popen([sys.executable, "-c", RUN_SERVE, "--store", str(store), "--port", "0", "--no-seed",
                                "--log-level", "warning"], cwd=REPO, env={**os.environ, "ALIGNKG_API_KEYS": KEY},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        limit = time.monotonic() + 120
        while (service := find(store)) is None:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < limit, "the server did not start"
            time.sleep(0.1)
        yield store, service
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert not (store / RECORD).exists(), "the server left its record"


@pytest.fixture
def cli(monkeypatch):
    """Run the command line in this process, with the server's key in the environment."""
    monkeypatch.setenv("ALIGNKG_API_KEYS", KEY)
    get_settings.cache_clear()
    runner = CliRunner()
    yield lambda *args, stdin=None: runner.invoke(app, list(args), input=stdin)
    get_settings.cache_clear()


def test_served_store_stats_query_and_export_go_through_the_service(served, cli, tmp_path):
    store, service = served
    stats = cli("stats", "--json", "--store", str(store))
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.stdout)["articles"] == 1
    rows = cli("query", "?x non_intervention IRN", "--format", "json", "--store", str(store))
    assert rows.exit_code == 0 and sorted(r["x"] for r in json.loads(rows.stdout)) == ["CHN", "RUS"]
    ask = cli("query", "--sparql", "ASK { ?s ?p ?o }", "--store", str(store))
    assert ask.stdout.strip() == "true"
    bad = cli("query", "?x non_intervention Iram", "--store", str(store))
    assert bad.exit_code == 1 and "unknown state 'Iram'" in bad.stderr and service.url in bad.stderr
    dump = tmp_path / "graph.nq"
    assert cli("export", "-o", str(dump), "--store", str(store)).exit_code == 0
    assert dump.read_bytes().count(b"\n") == json.loads(stats.stdout)["quads"]
    by_url = cli("stats", "--json", "--server", service.url + "/", "--store", str(tmp_path / "elsewhere"))
    assert by_url.exit_code == 0 and json.loads(by_url.stdout) == json.loads(stats.stdout)
    assert not (tmp_path / "elsewhere").exists()
    bad = cli("stats", "--server", "127.0.0.1:8000")
    assert bad.exit_code == 2 and "expected the http(s) URL of alignkg serve" in bad.stderr


def test_served_store_ingest_feeds_the_service_in_batches(served, cli):
    store, _ = served
    lines = "\n".join(json.dumps(r) for r in [{"id": "second", "text": "Iran sold drones to Russia."},
                                             {"id": "first", "text": "Another text."}, {"id": "empty", "text": " "}])
    result = cli("ingest", "--store", str(store), stdin=lines)
    assert result.exit_code == 1, result.output
    assert "ingested 1 article(s), 0 unchanged" in result.stderr and "through alignkg serve" in result.stderr
    assert "first: article 'first' is already stored with another text" in result.stderr
    assert "2 record(s) could not be ingested" in result.stderr
    with httpx.Client(base_url=served[1].url) as http:
        assert sorted(a["id"] for a in http.get("/articles").json()["articles"]) == ["first", "second"]


def test_served_store_writes_need_the_key_and_other_commands_say_what_to_do(served, cli, monkeypatch):
    store, service = served
    monkeypatch.delenv("ALIGNKG_API_KEYS")
    get_settings.cache_clear()
    refused = cli("ingest", "--store", str(store), stdin=json.dumps({"id": "third", "text": "Japan condemned Iran."}))
    assert refused.exit_code == 1 and "ALIGNKG_API_KEYS" in refused.stderr
    claims = cli("analyse", "claims", "--store", str(store))
    assert claims.exit_code == 2
    assert claims.stderr.strip().splitlines() == [
        f"alignkg analyse claims: the store at {store} is served by alignkg serve at {service.url} "
        f"(process {service.pid}); stop it to run this command, or use its HTTP API"]


def test_served_store_stale_record_is_ignored_and_a_held_store_is_named_once(tmp_path, gazetteer, extractor, cli):
    store = tmp_path / "store"
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True)
    with KnowledgeGraph.open(store, gazetteer=gazetteer, extractor=extractor) as kg:
        dead = Service("http://127.0.0.1:9", int(ended.stdout), 1000, 10)
        with announce(store, dead):
            assert find(store) is None
        held = subprocess.run([sys.executable, "-m", "alignkg.app.cli.main", "stats", "--store", str(store)], cwd=REPO,
                              capture_output=True, timeout=300, check=False)
        assert kg.article_ids() == []
    assert held.returncode == 2
    assert held.stderr.decode().strip().splitlines() == [
        f"alignkg stats: the store at {store} is open in another process (an alignkg command still running?); "
        "wait for it to end, or give another --store"]
    assert cli("stats", "--json", "--store", str(store)).exit_code == 0
