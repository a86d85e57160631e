"""Start-up loads only what is used: ``import alignkg`` and ``alignkg --help`` import no heavy dependency.

The public names of ``alignkg`` and ``alignkg.graph`` are imported on first use (PEP 562
``__getattr__``), and the CLI's command modules import the library's heavy parts inside the
commands. Each check runs in a fresh interpreter, since this test session has loaded everything.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import alignkg
import alignkg.graph

REPO = Path(__file__).resolve().parent.parent
#: What a command may load when it runs, and nothing may load before.
HEAVY = {"spacy", "thinc", "numpy", "pyoxigraph", "networkx", "lark", "rdflib", "fastapi", "starlette", "uvicorn",
         "pydantic", "pydantic_settings", "matplotlib", "pyvis", "tqdm", "pycountry", "country_converter"}
#: Runs the command line's root app with ``--help`` as the console script does, then lists the modules loaded.
CLI_HELP = """
import json, sys
from alignkg.app.cli.main import app
try:
    app(["--help"], prog_name="alignkg")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def _heavy_modules_after(code: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    modules = json.loads(proc.stdout.strip().splitlines()[-1])
    return {m for m in modules if m.split(".")[0] in HEAVY}


@pytest.mark.parametrize("statement", [
    "import alignkg",
    "import alignkg.graph",
    "from alignkg import AlignkgError, Article, EdgeType, __version__",
    "import alignkg.graph.ontology, alignkg.graph.model, alignkg.graph.namespace, alignkg.graph.resources",
])
def test_startup_import_loads_no_heavy_dependency(statement):
    assert _heavy_modules_after(f"{statement}; import json, sys; print(json.dumps(sorted(sys.modules)))") == set()


def test_startup_cli_help_loads_no_heavy_dependency():
    assert _heavy_modules_after(CLI_HELP) == set()


def test_startup_heavy_modules_load_when_a_name_needs_them():
    # the check above can fail: asking for KnowledgeGraph loads the store
    code = "from alignkg import KnowledgeGraph; import json, sys; print(json.dumps(sorted(sys.modules)))"
    assert "pyoxigraph" in _heavy_modules_after(code)


@pytest.mark.parametrize("package", [alignkg, alignkg.graph])
def test_startup_lazy_names_resolve_and_are_listed(package):
    assert package.__all__ == alignkg.graph.__all__
    assert set(package.__all__) <= set(dir(package))
    for name in package.__all__:
        assert getattr(package, name) is getattr(alignkg.graph, name)
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        package.Nope  # noqa: B018


def _type_checking_imports(path: str) -> dict[str, str | None]:
    tree = ast.parse((REPO / path).read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    return {alias.name: node.module for node in block.body if isinstance(node, ast.ImportFrom)
            for alias in node.names}


def test_startup_type_checking_imports_name_every_lazy_name():
    imported = _type_checking_imports("graph/__init__.py")
    assert set(imported) == set(alignkg.graph.__all__) - {"__version__"}
    # each from the module the lazy table imports it from
    assert imported == {name: "alignkg.graph" + home for name, home in alignkg.graph._HOMES.items()}


def test_startup_package_root_takes_the_library_names_for_type_checkers_too():
    """``alignkg`` lists no names of its own: type checkers read alignkg.graph's ``__all__`` through ``*``."""
    assert _type_checking_imports("alignkg/__init__.py") == {"*": "alignkg.graph"}
