"""alignkg curate assert / retract / revert / list on a store in a temporary folder, run in this process
(``cli_helpers.run_cli``: the arguments, stdin, stdout, stderr and exit status of a run of ``alignkg``)."""

import json

from cli_helpers import run_cli


def test_cli_curate_round_trip_with_records(tmp_path):
    store = str(tmp_path / "store")
    lines = json.dumps({"id": "a1", "text": "Iran sold drones to Russia."}).encode()
    assert run_cli("ingest", "--store", store, stdin=lines).returncode == 0

    proc = run_cli("curate", "assert", "Iran", "arms_transfer", "Venezuela", "--url", "https://example.org/x",
                   "--sentence", "Iran delivered drones to Venezuela.", "--by", "ana", "--store", store)
    assert proc.returncode == 0, proc.stderr.decode()
    assertion = json.loads(proc.stdout)
    assert (assertion["kind"], assertion["by"]) == ("assertion", "ana")
    rows = json.loads(run_cli("query", "IRN arms_transfer ?y", "--format", "json", "--store", store).stdout)
    assert sorted(r["y"] for r in rows) == ["RUS", "VEN"]

    fact = json.loads(run_cli("query", "?x arms_transfer RUS", "--format", "json", "--store", store).stdout)[0]
    fact_id = fact["_fact1"].rsplit("/", 1)[1]
    proc = run_cli("curate", "retract", fact_id, "--reason", "wrong seller", "--by", "bob", "--store", store)
    assert proc.returncode == 0, proc.stderr.decode()
    retraction = json.loads(proc.stdout)
    stats = json.loads(run_cli("stats", "--json", "--store", store).stdout)
    assert (stats["facts"], stats["retracted"], stats["curations"]) == (1, 1, 2)

    # Re-ingesting the article does not bring the retracted fact back.
    assert run_cli("ingest", "--replace", "--store", store, stdin=lines.replace(b"Russia.", b"Russia. ")
                   ).returncode == 0
    assert json.loads(run_cli("stats", "--json", "--store", store).stdout)["retracted"] == 1

    proc = run_cli("curate", "revert", retraction["id"], "--by", "bob", "--store", store)
    assert proc.returncode == 0 and json.loads(proc.stdout)["reverts"] == retraction["id"]
    listed = json.loads(run_cli("curate", "list", "--fact", fact_id, "--store", store).stdout)
    assert [(r["kind"], r.get("reverted_by") is not None) for r in listed] == [("retraction", True),
                                                                              ("reversal", False)]
    assert json.loads(run_cli("stats", "--json", "--store", store).stdout)["facts"] == 2


def test_cli_curate_errors_go_to_stderr_with_a_non_zero_exit(tmp_path):
    store = str(tmp_path / "store")
    proc = run_cli("curate", "retract", "0000", "--reason", "x", "--by", "ana", "--store", store)
    assert proc.returncode == 1 and "no fact '0000'" in proc.stderr.decode() and proc.stdout == b""
    proc = run_cli("curate", "assert", "Iran", "arms_transfer", "Atlantis", "--url", "https://example.org/x",
                   "--sentence", "s", "--by", "ana", "--store", store)
    assert proc.returncode == 1 and "unknown state 'Atlantis'" in proc.stderr.decode()
