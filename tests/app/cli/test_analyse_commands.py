"""``alignkg analyse`` and ``alignkg plot`` on a store in a temporary folder, run in this process
(``cli_helpers.run_cli``: the arguments, stdout, stderr and exit status of a run of ``alignkg``)."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_helpers import Ran, run_cli_text

REPO = Path(__file__).resolve().parents[3]
SEED = REPO / "data" / "articles" / "seed-distant-allies.txt"
SEED_VERDICT = (
    "material ties without mutual defence: 2 of 6 pairs have material ties (arms transfer between IRN and RUS, "
    "energy trade between CHN and IRN); no pair came to another's aid: no military or diplomatic support between "
    "members; 2 non-interventions: RUS and CHN stayed out when IRN was struck by ISR and USA; "
    "no conflict between members."
)


def run_cli(*args: str) -> Ran[str]:
    return run_cli_text(*args)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("analyse") / "store")
    proc = run_cli("ingest", str(SEED), "--store", path)
    assert proc.returncode == 0, proc.stderr
    return path


def test_cli_analyse_bloc_seed_axis_as_table_and_json(store):
    table = run_cli("analyse", "bloc", "RUS", "CHN", "PRK", "IRN", "--store", store)
    assert table.returncode == 0, table.stderr
    out = table.stdout
    assert out.startswith("bloc RUS, CHN, PRK, IRN\n")
    assert f"verdict: {SEED_VERDICT}" in out
    assert "RUS-CHN" in out and "no facts" in out and "all pairs" in out
    assert "non intervention from RUS to IRN" in out and "military strike from ISR to IRN (context)" in out

    proc = run_cli("analyse", "bloc", "Russia", "China", "North Korea", "Iran", "--format", "json", "--store", store)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["members"] == ["RUS", "CHN", "PRK", "IRN"] and data["verdict"] == SEED_VERDICT
    assert data["material_cooperation"]["count"] == 2 and len(data["material_cooperation"]["facts"]) == 2
    assert data["non_intervention"]["count"] == 2 and data["military_support"]["count"] == 0
    assert data["verbal_cooperation"]["count"] == 0 and data["cohesion"]["value"] == 0.0
    assert sorted(r["member"] for r in data["responses"]) == ["CHN", "RUS"]
    assert all(r["attackers"] == ["ISR", "USA"] for r in data["responses"])


def test_cli_analyse_claims_and_bloc_of_a_stored_claim(store):
    listing = run_cli("analyse", "claims", "--store", store)
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.startswith("1. CHN, IRN, PRK, RUS (claimed by GBR, USA): cohesion 0.00")
    assert "material ties without mutual defence: 2 of 6 pairs" in listing.stdout
    proc = run_cli("analyse", "bloc", "--claim", "1", "--format", "json", "--store", store)
    data = json.loads(proc.stdout)
    assert data["claimants"] == ["GBR", "USA"] and data["members"] == ["CHN", "IRN", "PRK", "RUS"]
    missing = run_cli("analyse", "bloc", "--claim", "5", "--store", store)
    assert missing.returncode == 2 and "no claim '5'" in missing.stderr


def test_cli_analyse_dyad_with_its_facts_and_a_pair_without(store):
    proc = run_cli("analyse", "dyad", "RUS", "IRN", "--store", store)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == ("RUS and IRN: score 0.0 (normalized 0.00) from 2 fact(s): arms transfer x1 (+2.0), "
                        "non intervention x1 (-2.0)")
    assert any(line.startswith("arms_transfer     +2.0") for line in lines)
    data = json.loads(run_cli("analyse", "dyad", "RUS", "IRN", "--weight", "arms_transfer=5", "--format", "json",
                              "--store", store).stdout)
    assert data["score"] == 3.0 and data["counts"] == {"arms_transfer": 1, "non_intervention": 1}
    empty = run_cli("analyse", "dyad", "PRK", "IRN", "--store", store)
    assert empty.returncode == 0 and empty.stdout.strip() == "no facts between PRK and IRN: score 0"


@pytest.mark.parametrize(("args", "message"), [
    (("analyse", "bloc"), "a bloc needs at least 2 distinct states; got 0"),
    (("analyse", "bloc", "RUS", "Iram"), "unknown state 'Iram' (did you mean"),
    (("analyse", "dyad", "RUS", "Russia"), "two different states"),
    (("analyse", "dyad", "RUS", "IRN", "--weight", "friendship=2"), "unknown weight 'friendship'"),
    (("analyse", "centrality", "--measure", "fame"), "unknown centrality measure 'fame'"),
])
def test_cli_analyse_errors_are_clear_and_exit_1(store, args, message):
    proc = run_cli(*args, "--store", store)
    assert proc.returncode == 1
    assert message in proc.stderr and proc.stderr.startswith(f"alignkg {args[0]} {args[1]}: ")
    if "Iram" in args:
        assert "IRN Iran" in proc.stderr


def test_cli_analyse_network_commands(store):
    found = json.loads(run_cli("analyse", "communities", "--format", "json", "--store", store).stdout)
    assert [c["members"] for c in found] == [["CHN", "IRN", "RUS"]] and len(found[0]["facts"]) == 2
    ranked = run_cli("analyse", "centrality", "--store", store).stdout.splitlines()
    assert ranked[0].split() == ["state", "strength", "facts"] and ranked[2].split() == ["IRN", "4.000", "2"]
    assert run_cli("analyse", "chains", "--store", store).stdout.strip() == "no supply chain of two hops or more"
    assert run_cli("analyse", "patterns", "--store", store).stdout.strip() == "no adversary of a partner"
    trend = run_cli("analyse", "trend", "RUS", "IRN", "--store", store).stdout.splitlines()
    assert trend == ["RUS and IRN by year", "no dated facts", "undated facts (in no period): 2"]


def test_cli_plot_writes_valid_png_and_svg(store, tmp_path):
    pytest.importorskip("matplotlib")
    from PIL import Image

    png = tmp_path / "iran.png"
    proc = run_cli("plot", "neighbourhood", "Iran", "-o", str(png), "--store", store)
    assert proc.returncode == 0, proc.stderr
    assert f"wrote {png}" in proc.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(png) as picture:
        assert picture.format == "PNG" and min(picture.size) >= 300

    svg = tmp_path / "axis.svg"
    proc = run_cli("plot", "bloc", "RUS", "CHN", "PRK", "IRN", "--output", str(svg), "--store", store)
    assert proc.returncode == 0, proc.stderr
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"

    bad = run_cli("plot", "bloc", "RUS", "IRN", "-o", str(tmp_path / "axis.gif"), "--store", store)
    assert bad.returncode == 1 and "expected one of png, svg" in bad.stderr
    assert not (tmp_path / "axis.gif").exists()
