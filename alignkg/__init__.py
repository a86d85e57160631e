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
from alignkg.graph.version import __version__

if TYPE_CHECKING:
    from alignkg.graph import (
        AlignkgError,
        Article,
        Claim,
        ConflictError,
        Curation,
        CurationKind,
        DataError,
        EdgeType,
        Evidence,
        ExportFormat,
        Extraction,
        Extractor,
        Fact,
        Gazetteer,
        IngestOutcome,
        IngestProblem,
        IngestProgress,
        IngestReport,
        InvalidArticleError,
        InvalidInputError,
        KnowledgeGraph,
        NotFoundError,
        QuadClass,
        QueryLimitError,
        QueryRefusedError,
        QuerySyntaxError,
        Rows,
        State,
        StoreError,
        StoreLockedError,
        UnknownEdgeTypeError,
        UnknownStateError,
        check_article_id,
        ingest_articles,
        iter_ingest,
        to_date,
    )

__all__ = [
    "AlignkgError",
    "Article",
    "Claim",
    "ConflictError",
    "Curation",
    "CurationKind",
    "DataError",
    "EdgeType",
    "Evidence",
    "Extraction",
    "ExportFormat",
    "Extractor",
    "Fact",
    "Gazetteer",
    "IngestOutcome",
    "IngestProblem",
    "IngestProgress",
    "IngestReport",
    "InvalidArticleError",
    "InvalidInputError",
    "KnowledgeGraph",
    "NotFoundError",
    "QuadClass",
    "QueryLimitError",
    "QueryRefusedError",
    "QuerySyntaxError",
    "Rows",
    "State",
    "StoreError",
    "StoreLockedError",
    "UnknownEdgeTypeError",
    "UnknownStateError",
    "__version__",
    "check_article_id",
    "ingest_articles",
    "iter_ingest",
    "to_date",
]


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
