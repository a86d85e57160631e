"""ingest, stats, query, export and import on a store in a temporary folder, run in this process
(``cli_helpers.run_cli``); the errors of a query also in a real process, its exit status and stderr."""

import json
import subprocess
import sys
from pathlib import Path

from cli_helpers import run_cli

REPO = Path(__file__).resolve().parents[3]


def run_process(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "alignkg.app.cli.main", *args], input=stdin, cwd=REPO,
                          capture_output=True, timeout=300, check=False)


def test_cli_graph_round_trip(tmp_path):
    store, copy = str(tmp_path / "store"), str(tmp_path / "copy")
    seed = str(REPO / "data" / "articles" / "seed-distant-allies.txt")
    proc = run_cli("ingest", seed, "--store", store)
    assert proc.returncode == 0, proc.stderr.decode()
    stats = json.loads(run_cli("stats", "--json", "--store", store).stdout)
    assert (stats["articles"], stats["facts"], stats["claims"]) == (1, 8, 1)

    again = run_cli("ingest", seed, "--store", store)
    assert "0 article(s), 1 unchanged" in again.stderr.decode()
    assert json.loads(run_cli("stats", "--json", "--store", store).stdout)["quads"] == stats["quads"]

    rows = json.loads(run_cli("query", "?x non_intervention IRN", "--format", "json", "--store", store).stdout)
    assert sorted(r["x"] for r in rows) == ["CHN", "RUS"]

    dump = tmp_path / "graph.nq"
    assert run_cli("export", "-o", str(dump), "--store", store).returncode == 0
    assert run_cli("import", str(dump), "--store", copy).returncode == 0
    assert json.loads(run_cli("stats", "--json", "--store", copy).stdout) == stats


def test_cli_ingest_conflict_and_bad_lines_keep_the_store(tmp_path):
    store = str(tmp_path / "store")
    lines = [json.dumps({"id": "a", "text": "Iran sold drones to Russia."}).encode(), b"{oops"]
    proc = run_cli("ingest", "--store", store, stdin=b"\n".join(lines))
    assert proc.returncode == 1 and "line 2: not valid JSON" in proc.stderr.decode()
    before = json.loads(run_cli("stats", "--json", "--store", store).stdout)
    clash = run_cli("ingest", "--store", store, stdin=json.dumps({"id": "a", "text": "Japan condemned Iran."}).encode())
    assert clash.returncode == 1 and "already stored with another text" in clash.stderr.decode()
    assert json.loads(run_cli("stats", "--json", "--store", store).stdout) == before


def test_cli_query_errors_name_the_position(tmp_path):
    proc = run_process("query", "?x arms_transfer Iram", "--store", str(tmp_path / "s"))
    assert proc.returncode == 1
    assert "unknown state 'Iram'" in proc.stderr.decode() and "IRN Iran" in proc.stderr.decode()
    bad = run_process("query", "SELECT ?x WHERE {", "--sparql", "--store", str(tmp_path / "s"))
    assert bad.returncode == 1 and "SPARQL syntax error" in bad.stderr.decode()


def test_cli_export_unknown_format_is_refused(tmp_path):
    proc = run_cli("export", "--format", "xlsx", "--store", str(tmp_path / "s"))
    assert proc.returncode == 1 and "expected one of turtle" in proc.stderr.decode()
    assert "csv, parquet" in proc.stderr.decode()


def test_cli_export_events_table_and_refused_triples_import(tmp_path):
    import pandas

    store = str(tmp_path / "store")
    lines = b"\n".join(json.dumps({"id": i, "text": t, "url": f"https://{d}/{i}"}).encode() for i, t, d in (
        ("a1", "Iran sold drones to Russia.", "example.org"), ("a2", "Iran sold drones to Russia.", "example.com")))
    assert run_cli("ingest", "--store", store, stdin=lines).returncode == 0
    table = tmp_path / "events.csv"
    proc = run_cli("export", "-o", str(table), "--min-sources", "2", "--store", store)
    assert proc.returncode == 0, proc.stderr.decode()
    frame = pandas.read_csv(table, dtype={"cameo_root": str})
    assert frame[["subject", "type", "object", "sources", "cameo_root"]].values.tolist() == [
        ["IRN", "arms_transfer", "RUS", 2, "06"]]
    dump = tmp_path / "graph.ttl"
    assert run_cli("export", "-o", str(dump), "--store", store).returncode == 0
    proc = run_cli("import", str(dump), "--store", str(tmp_path / "copy"))
    assert proc.returncode == 1 and "nquads, trig, jsonld" in proc.stderr.decode()
