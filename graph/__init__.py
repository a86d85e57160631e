"""alignkg's core library: typed, sourced state-to-state facts from news text.

Only the names in ``__all__`` are public; everything else may change.
"""

from graph.errors import (
    AlignkgError,
    DataError,
    InvalidArticleError,
    InvalidInputError,
    UnknownEdgeTypeError,
    UnknownStateError,
)
from graph.extract.extractor import Extractor
from graph.gazetteer import Gazetteer
from graph.model import Article, Claim, Evidence, Extraction, Fact, State
from graph.ontology import EdgeType, QuadClass

__all__ = [
    "AlignkgError",
    "Article",
    "Claim",
    "DataError",
    "EdgeType",
    "Evidence",
    "Extraction",
    "Extractor",
    "Fact",
    "Gazetteer",
    "InvalidArticleError",
    "InvalidInputError",
    "QuadClass",
    "State",
    "UnknownEdgeTypeError",
    "UnknownStateError",
]
