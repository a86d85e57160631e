"""Invariants of the code base: one home per concept, linters clean, layers respected."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph import EdgeType
from graph.extract import lexicon

REPO = Path(__file__).resolve().parent.parent


def _sources(*folders: str):
    for folder in folders:
        yield from (REPO / folder).rglob("*.py")


def _string_constants(path: Path) -> set[str]:
    """String literals of a module, docstrings (and their examples) left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node, clean=False)
            if doc is not None:
                docstrings.add(doc)
    return {n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value not in docstrings}


def test_architecture_edge_type_ids_live_only_in_the_ontology():
    # Single-word ids ("trade", "threat") are also English words of the lexicons; the compound ids
    # can only be identifiers, and they must come from EdgeType.
    ids = {t.value for t in EdgeType if "_" in t.value}
    offenders = [str(p.relative_to(REPO)) for p in _sources("graph", "app")
                 if p.name != "ontology.py" and _string_constants(p) & ids]
    assert offenders == []


def test_architecture_every_transfer_commodity_is_keyed_by_edge_type():
    assert all(isinstance(k, EdgeType) for k in lexicon.COMMODITIES)


def test_architecture_graph_does_not_import_web_or_cli_frameworks():
    forbidden = re.compile(r"^\s*(from|import)\s+(app|fastapi|starlette|uvicorn|typer|pydantic)\b", re.M)
    offenders = [str(p.relative_to(REPO)) for p in _sources("graph") if forbidden.search(p.read_text())]
    assert offenders == []


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed")
def test_architecture_ruff_is_clean():
    proc = subprocess.run(["ruff", "check", "--quiet", str(REPO)], capture_output=True, text=True,
                          check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter is not installed")
def test_architecture_import_contracts_hold():
    proc = subprocess.run(["lint-imports"], cwd=REPO, capture_output=True, text=True, check=False,
                          env={"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin",
                               "PYTHONPATH": str(REPO)})
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.skipif(shutil.which("mypy") is None, reason="mypy is not installed")
def test_architecture_graph_passes_mypy_strict():
    proc = subprocess.run(["mypy", "--strict", "--ignore-missing-imports", "graph"], cwd=REPO,
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
