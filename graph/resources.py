"""The only code that knows where the bundled data lives.

The project keeps reference data and articles in ``data/`` beside the ``graph``
package (the README installs the project in editable mode, so this holds for an
installation too). Callers ask for a path by its name inside ``data/`` and never
build paths themselves.
"""

from __future__ import annotations

from pathlib import Path

from alignkg.graph.errors import DataError

_PACKAGE_DIR = Path(__file__).resolve().parent
_DATA_DIR = _PACKAGE_DIR.parent / "data"


def data_dir() -> Path:
    """Return the folder of bundled data.

    Raises:
        DataError: no data folder ships with this installation.
    """
    if (_DATA_DIR / "gazetteer").is_dir():
        return _DATA_DIR
    raise DataError("the bundled data folder is missing; reinstall alignkg from its repository")


def data_path(*parts: str) -> Path:
    """Return the path of a bundled data file, e.g. ``data_path("gazetteer", "states.toml")``."""
    return data_dir().joinpath(*parts)
