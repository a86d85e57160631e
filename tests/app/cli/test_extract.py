"""alignkg extract, ontology and eval. The CLI runs as a real process (``run_cli``): stdin bytes, stdout lines,
stderr messages and exit codes; the other extractions run in this process (``run_here``,
``cli_helpers.run_cli``), with the same stdout, stderr and exit status and no new interpreter."""

import json
import subprocess
import sys
from pathlib import Path

import rdflib.collection
from cli_helpers import run_cli as run_here

from alignkg.graph import EdgeType

REPO = Path(__file__).resolve().parents[3]


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "alignkg.app.cli.main", *args], input=stdin, cwd=REPO,
                          capture_output=True, timeout=300, check=False)


def test_cli_extract_reports_each_bad_line_and_processes_the_others():
    lines = [
        json.dumps({"id": "ok1", "text": "Iran sold drones to Russia."}).encode(),
        b"{not json",
        json.dumps({"id": "notext"}).encode(),
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps({"id": "empty", "text": "   "}).encode(),
        json.dumps({"id": "huge", "text": "word " * 2_100_000}).encode(),
        json.dumps({"id": "ok2", "text": "Japan condemned North Korea."}).encode(),
    ]
    proc = run_cli("extract", stdin=b"\n".join(lines) + b"\n")
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["id"] for r in out] == ["ok1", "ok2"]
    assert out[0]["facts"][0]["subject"] == "IRN"
    err = proc.stderr.decode()
    assert "line 2: not valid JSON" in err
    assert "line 3: missing 'text'" in err
    assert "line 4: not valid UTF-8" in err
    assert "line 5:" in err and "empty" in err
    assert "line 6:" in err and "limit" in err
    assert "5 record(s) could not be processed" in err


def test_cli_extract_all_good_exits_zero():
    proc = run_here("extract", stdin=json.dumps({"id": "a", "text": "Israel struck Iran."}).encode())
    assert proc.returncode == 0, proc.stderr.decode()
    (record,) = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    fact = record["facts"][0]
    assert (fact["subject"], fact["type"], fact["object"]) == ("ISR", "military_strike", "IRN")
    assert record["claims"] == []


def test_cli_extract_reads_text_files_and_folders(tmp_path):
    (tmp_path / "one.txt").write_text("Iran sold drones to Russia.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe oops")
    proc = run_here("extract", str(tmp_path))
    assert proc.returncode == 1
    assert [json.loads(x)["id"] for x in proc.stdout.decode().splitlines()] == ["one"]
    assert "bad.txt: not valid UTF-8" in proc.stderr.decode()


def test_cli_extract_bundled_articles_include_the_seed():
    proc = run_here("extract", str(REPO / "data" / "articles"))
    assert proc.returncode == 0, proc.stderr.decode()
    records = {r["id"]: r for r in map(json.loads, proc.stdout.decode().splitlines())}
    seed = records["seed-distant-allies"]
    assert len(seed["facts"]) == 8
    assert len(seed["claims"]) == 1


def test_cli_ontology_prints_turtle():
    proc = run_cli("ontology")
    assert proc.returncode == 0
    assert "ak:armsTransfer" in proc.stdout.decode()


def test_cli_ontology_shapes_print_the_shapes_made_from_the_ontology():
    proc = run_cli("ontology", "--shapes")
    assert proc.returncode == 0, proc.stderr.decode()
    shapes = rdflib.Graph().parse(data=proc.stdout.decode(), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    listed = {str(v) for s in shapes.subjects(sh["in"], None) for v in rdflib.collection.Collection(
        shapes, shapes.value(s, sh["in"]))}
    assert listed == {t.value for t in EdgeType}


def test_cli_eval_missing_file_is_a_clear_error(tmp_path):
    proc = run_cli("eval", str(tmp_path / "nope.jsonl"))
    assert proc.returncode == 2
    assert "no such file" in proc.stderr.decode()
