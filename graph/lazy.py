"""Public names imported from their modules on first use (PEP 562), for a package's ``__init__``.

Why: importing ``alignkg`` or a light module of it must not load spaCy, pyoxigraph,
networkx or lark (the package issue's start-up budget). Each package lists where its
public names live; this module gives it the ``__getattr__`` and ``__dir__`` that
import a name's module the first time the name is asked for, once for all packages.

Example:
    >>> import alignkg.graph.query as query
    >>> "parse" in dir(query)
    True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from importlib import import_module


def lazy_names(package: str, homes: dict[str, str], public: Iterable[str],
               namespace: MutableMapping[str, object]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` for ``package``, whose name ``homes`` maps to its module.

    ``namespace`` is the package's ``globals()``: a name imported once is kept there, so
    later lookups are ordinary attribute reads.
    """
    listed = frozenset(public)

    def getattr_(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home, package), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted(set(namespace) | listed)

    return getattr_, dir_
