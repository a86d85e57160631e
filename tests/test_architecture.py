"""Invariants of the code base: one home per concept, linters clean, layers respected."""

import ast
import re
import subprocess
import sys
from pathlib import Path

from alignkg.graph import EdgeType
from alignkg.graph.extract import lexicon

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
    forbidden = re.compile(r"^\s*(from|import)\s+(alignkg\.app|fastapi|starlette|uvicorn|typer|pydantic)\b", re.M)
    offenders = [str(p.relative_to(REPO)) for p in _sources("graph") if forbidden.search(p.read_text())]
    assert offenders == []


#: The repository's folders as import names: the distribution installs them only as alignkg.graph and alignkg.app.
BARE_NAMES = {"graph", "app"}
#: Bare imports written as text: in strings run as code (``python -c``, ``-m``), doctests and Markdown examples.
BARE_IMPORT_TEXT = re.compile(r"(?<![\w.])from\s+(?:graph|app)(?:\.[\w.]+)?\s+import\s"
                              r"|^\s*(?:>>>\s+|\.\.\.\s+)?import\s+(?:graph|app)\b"
                              r"|;\s*import\s+(?:graph|app)\b"
                              r"|[\"']-m[\"'],\s*[\"'](?:graph|app)\.", re.M)


def _bare_imports(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = [f"{path.relative_to(REPO)}:{m.string.count(chr(10), 0, m.start()) + 1}"
             for m in BARE_IMPORT_TEXT.finditer(text)]
    if path.suffix == ".py":
        for node in ast.walk(ast.parse(text)):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            found += [f"{path.relative_to(REPO)}:{node.lineno}" for name in names
                      if name.split(".")[0] in BARE_NAMES]
    return found


def test_architecture_code_imports_graph_and_app_only_as_alignkg():
    # alignkg/graph and alignkg/app are links to graph/ and app/: each file is read once, by its repository path.
    # This file is left out: it holds the guard's samples.
    files = [REPO / "alignkg" / "__init__.py", REPO / "README.md", *(REPO / "docs").rglob("*.md"),
             *(p for p in _sources("graph", "app", "tests", "bench") if p != Path(__file__).resolve())]
    assert [hit for path in files for hit in _bare_imports(path)] == []


def test_architecture_bare_import_guard_sees_every_form():
    samples = ["from graph import Extractor", "import app.cli", ">>> from graph.kg import KnowledgeGraph",
               "    ... import graph", "python -c 'import typer; import app'",
               'run([sys.executable, "-m", "app.cli.main"])']
    allowed = ["from alignkg.graph import Extractor", "alignkg import graph.trig", "import alignkg.app",
               "from .graph import x"]
    assert all(BARE_IMPORT_TEXT.search(s) for s in samples)
    assert not any(BARE_IMPORT_TEXT.search(s) for s in allowed)


# The linters run from the test environment's own interpreter: the test install ([test] extra) carries
# them, so a missing one is a failure (ModuleNotFoundError in the output), never a silent skip.
def _run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=REPO, capture_output=True, text=True, check=False)


def test_architecture_ruff_is_clean():
    proc = _run_tool("-m", "ruff", "check", "--quiet", str(REPO))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_architecture_import_contracts_hold():
    proc = _run_tool("-c", "import sys; from importlinter.cli import lint_imports_command; "
                           "sys.exit(lint_imports_command())")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_architecture_passes_mypy_strict():
    # [tool.mypy] in pyproject: strict, over the files it names, each module under its alignkg.* name.
    proc = _run_tool("-m", "mypy")
    assert proc.returncode == 0, proc.stdout + proc.stderr


#: The modules that may hold SPARQL text: the library's reads and writes, and what turns users' queries into SPARQL
#: (the pattern-language compiler) or checks them (the endpoint's policy).
SPARQL_HOMES = {"graph/rdf/queries.py", "graph/rdf/updates.py", "graph/query/compiler.py",
                # not the library's queries: examples shown to users, and the text that warms the policy's parser
                "app/api/routers/sparql.py", "app/api/routers/web.py", "graph/store/worker.py",
                # the remote store's stand-ins for the Graph Store Protocol (dump, count), not the library's queries
                "graph/store/remote.py"}
SPARQL_TEXT = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\s*(\{|\?|\*|\(|DISTINCT)|\bWHERE\s*\{|\b(INSERT|DELETE)"
                         r"\s+(DATA\s+)?\{|\bDROP\s+(SILENT\s+)?GRAPH\b")


def test_architecture_sparql_lives_in_one_module_of_queries_and_one_of_updates():
    offenders = [str(p.relative_to(REPO)) for p in _sources("graph", "app")
                 if str(p.relative_to(REPO)) not in SPARQL_HOMES
                 and any(SPARQL_TEXT.search(s) for s in _string_constants(p))]
    assert offenders == []
