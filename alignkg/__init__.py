"""alignkg: a knowledge graph of how states align, built from news text.

``from alignkg import KnowledgeGraph`` is the entry point. The names here are those of
the library, :mod:`alignkg.graph` (its ``__all__``), each imported on first use, so
``import alignkg`` loads neither spaCy nor the store. The distribution holds three parts:
``alignkg.graph`` the library, ``alignkg.app`` the command line and the HTTP service, and
``alignkg/data`` the bundled data (found only by :mod:`alignkg.graph.resources`).

Example:
    >>> import alignkg
    >>> from alignkg import KnowledgeGraph
    >>> KnowledgeGraph is alignkg.graph.KnowledgeGraph
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alignkg import graph as _graph
from alignkg.graph.version import __version__ as __version__

if TYPE_CHECKING:
    # Type checkers read the names (and their re-export) from alignkg.graph's __all__.
    from alignkg.graph import *  # noqa: F403

#: The public names: alignkg.graph's, in its order.
__all__ = list(_graph.__all__)


def __getattr__(name: str) -> object:
    """Return a public name of :mod:`alignkg.graph`, importing its module on first use (PEP 562)."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_graph, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Return the module's names, the public ones not yet imported included."""
    return sorted(set(globals()) | set(__all__))
