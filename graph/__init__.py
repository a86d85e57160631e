"""alignkg's core library: typed, sourced state-to-state facts from news text.

Only the names in ``__all__`` are public; everything else may change.
"""

from graph.errors import (
    AlignkgError,
    ConflictError,
    DataError,
    InvalidArticleError,
    InvalidInputError,
    NotFoundError,
    QueryLimitError,
    QueryRefusedError,
    QuerySyntaxError,
    StoreError,
    UnknownEdgeTypeError,
    UnknownStateError,
)
from graph.extract.extractor import Extractor
from graph.gazetteer import Gazetteer
from graph.kg import KnowledgeGraph
from graph.model import Article, Claim, Evidence, Extraction, Fact, State
from graph.ontology import EdgeType, QuadClass
from graph.rdf.export import ExportFormat
from graph.rdf.reader import Rows
from graph.version import __version__

__all__ = [
    "AlignkgError",
    "Article",
    "Claim",
    "ConflictError",
    "DataError",
    "EdgeType",
    "Evidence",
    "Extraction",
    "ExportFormat",
    "Extractor",
    "Fact",
    "Gazetteer",
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
    "UnknownEdgeTypeError",
    "UnknownStateError",
    "__version__",
]
