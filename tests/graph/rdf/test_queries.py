import datetime as dt

import pytest
from pyoxigraph import Literal, NamedNode

from alignkg.graph import namespace as ns
from alignkg.graph.rdf import queries
from alignkg.graph.rdf.facts import DateBasis, FactFilter
from alignkg.graph.rdf.mapping import date
from alignkg.graph.store.oxigraph import OxigraphStore

_NODE = NamedNode(ns.state_iri("IRN"))


def _sample(name: str):
    """A value for any parameter: a list where a VALUES row is expected, else one IRI."""
    return [_NODE] if name in ("facts", "articles", "states", "classes") else _NODE


@pytest.mark.parametrize("query", list(queries.QUERIES.values()), ids=list(queries.QUERIES))
def test_queries_every_named_query_parses_and_runs(query):
    store = OxigraphStore(None)
    try:
        store.query(query.bind(**{p: _sample(p) for p in query.params}), prefixes=ns.PREFIXES)
    finally:
        store.close()


@pytest.mark.parametrize("f", [FactFilter(), FactFilter(subject="IRN", object="RUS", state="USA", hedged=True,
                                                        since=dt.date(2024, 1, 1), until=dt.date(2024, 12, 31),
                                                        min_sources=2, retracted=True, fact=_NODE),
                               FactFilter(date=DateBasis.EVENT, since=dt.date(2024, 1, 1))])
def test_queries_composed_fact_queries_run(f):
    store = OxigraphStore(None)
    try:
        for text in (queries.facts(f, limit=3), queries.fact_count(f), queries.fact_ids(f), queries.event_rows(f),
                     queries.facts(f, after=(Literal("x"), Literal("IRN"), Literal("RUS")))):
            list(store.query(text, prefixes=ns.PREFIXES))
    finally:
        store.close()


@pytest.mark.parametrize("scope", ["all", "among", "bloc", "around"])
def test_queries_every_view_runs(scope):
    store = OxigraphStore(None)
    try:
        text = queries.view(scope, states={"IRN", "RUS"}, state="IRN", since=date(dt.date(2024, 1, 1)))
        list(store.query(text, prefixes=ns.PREFIXES))
    finally:
        store.close()


@pytest.mark.parametrize("value", ["<x> } ; DROP ALL ; {", 1.5, True, ["IRN"], None])
def test_queries_bind_takes_only_terms(value):
    with pytest.raises(TypeError):
        queries.ARTICLE_TEXT_HASH.bind(graph=value)


def test_queries_bind_escapes_a_literal_that_would_end_its_term():
    text = queries.Query("demo", "SELECT * WHERE { ?s ?p $o }").bind(o=Literal('x" } ; DROP ALL ; {\n'))
    assert text == 'SELECT * WHERE { ?s ?p "x\\" } ; DROP ALL ; {\\n" }'


def test_queries_bind_names_missing_and_unknown_parameters():
    with pytest.raises(TypeError, match=r"missing \['graph'\], unknown \['grpah'\]"):
        queries.ARTICLE_TEXT_HASH.bind(grpah=_NODE)


def test_queries_registry_names_are_unique_and_match():
    assert all(name == q.name for name, q in queries.QUERIES.items())
