"""Analysis of the alignment graph: pair scores, the bloc test, network views and plots.

Functions work the networkx way: they take a fact view first (built from a
:class:`~alignkg.graph.kg.KnowledgeGraph` by :func:`fact_view`, :func:`bloc_view` or
:func:`neighbourhood_view`), plus keyword options, and return frozen dataclasses that
carry the ids of the facts behind every number. ``kg.dyad()`` and ``kg.bloc()`` are
one-line wrappers. Only :mod:`alignkg.graph.analysis.views` reads the store; plots import
matplotlib when they are drawn. See ``docs/analysis.md`` for the score and the verdict rules.

Example:
    >>> from alignkg.graph import KnowledgeGraph
    >>> with KnowledgeGraph.in_memory() as kg:
    ...     _ = kg.ingest("Iran sold drones to Russia. Russia refrained from intervening to help Iran.", id="a1")
    ...     dyad_score(fact_view(kg), "RUS", "IRN").summary
    'RUS and IRN: score 0.0 (normalized 0.00) from 2 fact(s): arms transfer x1 (+2.0), non intervention x1 (-2.0)'
"""

from alignkg.graph.analysis.bloc import BlocReport, PairReport, Response, Tally, bloc_report
from alignkg.graph.analysis.dyad import (
    Contribution,
    DyadScore,
    DyadTrend,
    TrendPoint,
    Weights,
    dyad_graph,
    dyad_score,
    dyad_trend,
)
from alignkg.graph.analysis.network import (
    Centrality,
    Community,
    PartnerAdversary,
    SupplyChain,
    centrality,
    communities,
    partner_adversaries,
    supply_chains,
)
from alignkg.graph.analysis.plot import plot_bloc, plot_neighbourhood
from alignkg.graph.analysis.views import FactRef, Members, Scope, bloc_view, fact_view, iter_facts, neighbourhood_view

__all__ = [
    "BlocReport",
    "Centrality",
    "Community",
    "Contribution",
    "DyadScore",
    "DyadTrend",
    "FactRef",
    "Members",
    "PairReport",
    "PartnerAdversary",
    "Response",
    "Scope",
    "SupplyChain",
    "Tally",
    "TrendPoint",
    "Weights",
    "bloc_report",
    "bloc_view",
    "centrality",
    "communities",
    "dyad_graph",
    "dyad_score",
    "dyad_trend",
    "fact_view",
    "iter_facts",
    "neighbourhood_view",
    "partner_adversaries",
    "plot_bloc",
    "plot_neighbourhood",
    "supply_chains",
]
