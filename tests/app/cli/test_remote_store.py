"""``--store http://...`` and ALIGNKG_STORE_URL: the CLI on a live Oxigraph server (run in this process,
``cli_helpers.run_cli``), and what it refuses (in a real process: one line on stderr, no traceback)."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx
from cli_helpers import run_cli as run_here

REPO = Path(__file__).resolve().parents[3]
ARTICLES = REPO / "data" / "articles"


def run_cli(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "alignkg.app.cli.main", *args], cwd=cwd, capture_output=True,
                          timeout=300, check=False, env={**os.environ, **(env or {})})


def test_cli_ingests_the_bundled_articles_into_the_servers_named_graphs(remote_url, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    proc = run_here("ingest", str(ARTICLES), "--store", remote_url)
    assert proc.returncode == 0, proc.stderr.decode()
    assert list(tmp_path.iterdir()) == []  # no folder named "http:"
    stats = json.loads(run_here("stats", "--json", "--store", remote_url).stdout)
    articles = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert stats["articles"] == len(articles) == 11 and stats["facts"] > 0

    graphs = httpx.post(remote_url + "/query", headers={"Accept": "application/sparql-results+json"}, data={
        "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"}).json()["results"]["bindings"]
    names = {b["g"]["value"] for b in graphs}
    assert all(any(name.endswith("/" + a) for name in names) for a in articles), sorted(names)

    by_env = run_here("stats", "--json", env={"ALIGNKG_STORE_URL": remote_url})
    assert json.loads(by_env.stdout) == stats
    rows = json.loads(run_here("query", "?x non_intervention IRN", "--format", "json", "--store", remote_url).stdout)
    assert sorted(r["x"] for r in rows) == ["CHN", "RUS"]


def test_cli_unreachable_store_says_so_in_one_line(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = run_cli("stats", "--store", f"http://me:secret@127.0.0.1:{port}", cwd=tmp_path,
                   env={"ALIGNKG_STORE_RETRIES": "0"})
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err and "secret" not in err
    assert err.startswith(f"alignkg: cannot open the store: cannot reach the SPARQL store at http://127.0.0.1:{port}")
    assert list(tmp_path.iterdir()) == []
    bad = run_cli("stats", env={"ALIGNKG_STORE_URL": "ftp://example.org/x"})
    assert bad.returncode == 2 and "store_url (ALIGNKG_STORE_URL): must be an http:// or https:// URL" in \
        bad.stderr.decode()


def test_service_opens_the_store_url_of_its_settings(remote_url, gazetteer, extractor):
    from alignkg.app.api.main import open_graph
    from alignkg.app.settings import Settings

    settings = Settings(store_url=remote_url, store_path=Path("unused"))
    with open_graph(settings, gazetteer=gazetteer, extractor=extractor) as kg:
        kg.ingest("Iran sold drones to Russia.", id="a1")
    count = httpx.post(remote_url + "/query", headers={"Accept": "application/sparql-results+json"}, data={
        "query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/alignkg/graph/article/a1> { ?s ?p ?o } }"})
    assert int(count.json()["results"]["bindings"][0]["n"]["value"]) > 0
