"""The pattern query language: a compact way to ask the graph for typed edges between states.

``?x arms_transfer IRN . not ?x condemnation RUS since 2024-01-01 with evidence`` is
parsed (:mod:`alignkg.graph.query.parser`, grammar in ``grammar.lark``) into a syntax tree
(:mod:`alignkg.graph.query.ast`), its states resolved by the gazetteer, and compiled
(:mod:`alignkg.graph.query.compiler`) into one SPARQL SELECT over the model of
``docs/rdf-model.md``. The language is documented in ``docs/query-language.md``.
This package builds queries; it does not run them.

Each public name is imported from its module on first use (PEP 562 ``__getattr__``), as in
:mod:`alignkg.graph`: a query worker imports :mod:`alignkg.graph.query.policy` alone, without the
compiler, the parser's grammar and the gazetteer (a quarter of its start-up).

Example:
    >>> from alignkg.graph.gazetteer import Gazetteer
    >>> from alignkg.graph.query import compile_pattern
    >>> cq = compile_pattern("?x arms_transfer IRN . ?x condemnation USA", Gazetteer.load())
    >>> cq.variables
    ['x', '_fact1', '_type1', '_fact2', '_type2']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alignkg.graph.lazy import lazy_names

if TYPE_CHECKING:
    from alignkg.graph.query.ast import (
        AnyEdge,
        EdgeClass,
        EdgeTypes,
        OrderKey,
        Pattern,
        Query,
        StateTerm,
        Variable,
    )
    from alignkg.graph.query.compiler import CompiledQuery, compile_pattern, compile_query
    from alignkg.graph.query.parser import parse, resolve
    from alignkg.graph.query.terms import sparql_term
    from alignkg.graph.rdf.reader import state_code, to_python

__all__ = [
    "AnyEdge",
    "CompiledQuery",
    "EdgeClass",
    "EdgeTypes",
    "OrderKey",
    "Pattern",
    "Query",
    "StateTerm",
    "Variable",
    "compile_pattern",
    "compile_query",
    "parse",
    "resolve",
    "sparql_term",
    "state_code",
    "to_python",
]

#: The module (relative to this package) that defines each lazily imported public name.
_HOMES: dict[str, str] = {
    **dict.fromkeys(("AnyEdge", "EdgeClass", "EdgeTypes", "OrderKey", "Pattern", "Query", "StateTerm", "Variable"),
                    ".ast"),
    **dict.fromkeys(("CompiledQuery", "compile_pattern", "compile_query"), ".compiler"),
    **dict.fromkeys(("parse", "resolve"), ".parser"),
    "sparql_term": ".terms",
    **dict.fromkeys(("state_code", "to_python"), "..rdf.reader"),
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__, globals())
