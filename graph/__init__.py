"""alignkg's core library: typed, sourced state-to-state facts from news text.

Only the names in ``__all__`` are public; everything else may change.
"""

from alignkg.graph.errors import (
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
from alignkg.graph.extract.extractor import Extractor
from alignkg.graph.gazetteer import Gazetteer
from alignkg.graph.kg import KnowledgeGraph
from alignkg.graph.model import Article, Claim, Evidence, Extraction, Fact, State
from alignkg.graph.ontology import EdgeType, QuadClass
from alignkg.graph.rdf.export import ExportFormat
from alignkg.graph.rdf.reader import Rows
from alignkg.graph.version import __version__

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
