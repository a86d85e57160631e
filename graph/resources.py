"""The only code that knows where the package's bundled files live.

Reference data, the bundled articles and the project's gold set are in
``alignkg/data`` (the repository's ``data/`` folder: ``alignkg/data`` links to it in a
checkout, and wheels and sdists carry a copy); the pattern language's grammar sits beside
its parser. Both are found through :mod:`importlib.resources`, so they read the same from a
checkout, an editable install or an installed wheel. Callers ask for a file by its name
inside ``data/`` and never build paths themselves.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from alignkg.graph.errors import DataError

#: The import package whose folder holds ``data/`` and ``graph/``.
_PACKAGE = "alignkg"


def _package_dir() -> Path:
    root = files(_PACKAGE)
    if not isinstance(root, Path):
        raise DataError(f"alignkg is installed as {root!r}; it reads its data from files, so install it unzipped")
    return root


def data_dir() -> Path:
    """Return the folder of bundled data.

    Raises:
        DataError: no data folder ships with this installation.
    """
    data = _package_dir() / "data"
    if (data / "gazetteer").is_dir():
        return data
    raise DataError(f"the bundled data folder is missing ({data}); reinstall alignkg")


def data_path(*parts: str) -> Path:
    """Return the path of a bundled data file, e.g. ``data_path("gazetteer", "states.toml")``."""
    return data_dir().joinpath(*parts)


def grammar_text() -> str:
    """Return the grammar of the pattern language (``graph/query/grammar.lark``, in lark's syntax).

    Raises:
        DataError: the grammar does not ship with this installation.
    """
    path = _package_dir() / "graph" / "query" / "grammar.lark"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataError(f"cannot read the query grammar {path}: {err.strerror}; reinstall alignkg") from err
