"""alignkg's core library: typed, sourced state-to-state facts from news text.

Only the names in ``__all__`` are public; everything else may change. Each is imported
from its module on first use (PEP 562 ``__getattr__``), so importing the package, or a
light module of it such as ``alignkg.graph.ontology``, loads neither spaCy, pyoxigraph,
networkx nor lark: ``KnowledgeGraph`` brings the store, ``Extractor`` brings spaCy.
The ``TYPE_CHECKING`` imports below tell type checkers the same names eagerly.

Example:
    >>> from alignkg.graph import EdgeType
    >>> EdgeType("arms_transfer").name
    'ARMS_TRANSFER'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alignkg.graph.lazy import lazy_names
from alignkg.graph.version import __version__

if TYPE_CHECKING:
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
        StoreLockedError,
        UnknownEdgeTypeError,
        UnknownStateError,
    )
    from alignkg.graph.extract.evaluate import HALVES, Report, evaluate_gold
    from alignkg.graph.extract.extractor import Extractor
    from alignkg.graph.gazetteer import Gazetteer
    from alignkg.graph.ingest.pipeline import (
        IngestOutcome,
        IngestProblem,
        IngestProgress,
        IngestReport,
        ingest_articles,
        iter_ingest,
    )
    from alignkg.graph.kg import KnowledgeGraph
    from alignkg.graph.model import (
        Article,
        Claim,
        Curation,
        CurationKind,
        Evidence,
        Extraction,
        Fact,
        FactPage,
        State,
        StatePage,
        check_article_id,
        to_date,
    )
    from alignkg.graph.namespace import PREFIXES
    from alignkg.graph.ontology import EdgeType, QuadClass
    from alignkg.graph.rdf.export import ExportFormat
    from alignkg.graph.rdf.reader import Rows
    from alignkg.graph.rdf.shapes import shapes_turtle
    from alignkg.graph.rdf.vocabulary import vocabulary_turtle

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
    "FactPage",
    "Gazetteer",
    "HALVES",
    "IngestOutcome",
    "IngestProblem",
    "IngestProgress",
    "IngestReport",
    "InvalidArticleError",
    "InvalidInputError",
    "KnowledgeGraph",
    "NotFoundError",
    "PREFIXES",
    "QuadClass",
    "QueryLimitError",
    "QueryRefusedError",
    "QuerySyntaxError",
    "Report",
    "Rows",
    "State",
    "StatePage",
    "StoreError",
    "StoreLockedError",
    "UnknownEdgeTypeError",
    "UnknownStateError",
    "__version__",
    "check_article_id",
    "evaluate_gold",
    "ingest_articles",
    "iter_ingest",
    "shapes_turtle",
    "to_date",
    "vocabulary_turtle",
]

#: The module (relative to this package) that defines each lazily imported public name.
_HOMES: dict[str, str] = {
    **dict.fromkeys(
        ("AlignkgError", "ConflictError", "DataError", "InvalidArticleError", "InvalidInputError", "NotFoundError",
         "QueryLimitError", "QueryRefusedError", "QuerySyntaxError", "StoreError", "StoreLockedError",
         "UnknownEdgeTypeError",
         "UnknownStateError"),
        ".errors"),
    "Extractor": ".extract.extractor",
    **dict.fromkeys(("HALVES", "Report", "evaluate_gold"), ".extract.evaluate"),
    "PREFIXES": ".namespace",
    "shapes_turtle": ".rdf.shapes",
    "vocabulary_turtle": ".rdf.vocabulary",
    "Gazetteer": ".gazetteer",
    **dict.fromkeys(("IngestOutcome", "IngestProblem", "IngestProgress", "IngestReport", "ingest_articles",
                     "iter_ingest"), ".ingest.pipeline"),
    "KnowledgeGraph": ".kg",
    **dict.fromkeys(("Article", "Claim", "Curation", "CurationKind", "Evidence", "Extraction", "Fact", "FactPage",
                     "State", "StatePage", "check_article_id", "to_date"), ".model"),
    "EdgeType": ".ontology",
    "QuadClass": ".ontology",
    "ExportFormat": ".rdf.export",
    "Rows": ".rdf.reader",
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__, globals())
