"""The SPARQL policy of graph/query/sparql.py on its own: classification, SERVICE, deadline, formats.

(These test ``alignkg.graph.query.sparql`` directly; they sit with the HTTP suite that relies on them.)
"""

from __future__ import annotations

import os

import pytest

from alignkg.graph import KnowledgeGraph, QueryLimitError, QueryRefusedError, QuerySyntaxError
from alignkg.graph.query.sparql import QueryForm, inspect_query, negotiate, run_sparql


@pytest.mark.parametrize(("query", "form", "service"), [
    ("SELECT * WHERE { ?s ?p ?o }", QueryForm.SELECT, False),
    ("ASK { ?s ?p ?o }", QueryForm.ASK, False),
    ("CONSTRUCT WHERE { ?s ?p ?o }", QueryForm.CONSTRUCT, False),
    ("DESCRIBE state:IRN", QueryForm.DESCRIBE, False),
    ("# INSERT DATA { <a:b> <a:c> <a:d> }\nSELECT * WHERE { ?s ?p ?o }", QueryForm.SELECT, False),
    ('SELECT * WHERE { ?s ?p "DROP ALL ; SERVICE <http://x/> {}" }', QueryForm.SELECT, False),
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", QueryForm.SELECT, True),
    ("SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://x/> { ?s ?p ?o } } }", QueryForm.SELECT, True),
    ("DESCRIBE ?s WHERE { { SELECT ?s { SERVICE SILENT ?e { ?s ?p ?o } } } }", QueryForm.DESCRIBE, True),
])
def test_sparql_inspect_query_reads_the_parse_tree(query, form, service):
    info = inspect_query(query)
    assert (info.form, info.service) == (form, service)


@pytest.mark.parametrize(("update", "named"), [
    ("INSERT DATA { <a:b> <a:c> <a:d> }", "INSERT DATA"),
    ("# SELECT\nPREFIX x: <http://x/>\nDELETE DATA { <a:b> <a:c> <a:d> }", "DELETE DATA"),
    ("DROP ALL", "DROP"),
    ("LOAD <http://example.org/x.ttl> INTO GRAPH <http://example.org/g>", "LOAD"),
    ("CLEAR ALL ; CREATE GRAPH <http://x/g>", "CLEAR"),
    ("WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
    ("COPY <http://x/a> TO <http://x/b>", "COPY"),
])
def test_sparql_updates_are_refused_by_name(update, named):
    with pytest.raises(QueryRefusedError, match="read-only") as caught:
        inspect_query(update)
    assert named in str(caught.value)


@pytest.mark.parametrize("text", ["", "   ", "# just a comment", "PREFIX x: <http://x/>", "SELECT", "DROP"])
def test_sparql_empty_or_broken_text_is_a_syntax_error(text):
    with pytest.raises(QuerySyntaxError):
        inspect_query(text)


def test_sparql_overlong_query_is_refused_before_parsing():
    with pytest.raises(QuerySyntaxError, match="characters long"):
        inspect_query("SELECT * WHERE { ?s ?p ?o }" + " " * 100_001)


@pytest.mark.parametrize(("accept", "offers", "chosen"), [
    (None, ["a/b", "c/d"], "a/b"),
    ("", ["a/b", "c/d"], "a/b"),
    ("c/d", ["a/b", "c/d"], "c/d"),
    ("c/*", ["a/b", "c/d"], "c/d"),
    ("*/*;q=0.1, c/d;q=0.5", ["a/b", "c/d"], "c/d"),
    ("a/b;q=0, */*", ["a/b", "c/d"], "c/d"),
    ("x/y", ["a/b", "c/d"], None),
    ("a/b;q=0", ["a/b"], None),
    ("garbage, ,;;", ["a/b"], "a/b"),
    ("text/csv; charset=utf-8", ["text/csv; charset=utf-8"], "text/csv; charset=utf-8"),
])
def test_sparql_negotiate(accept, offers, chosen):
    assert negotiate(accept, offers) == chosen


#: Hours of work on any store: a count over a 3-way product of every quad.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_sparql_deadline_kills_the_worker_and_the_next_query_answers(tmp_path, gazetteer, extractor):
    """Past the deadline the worker running the query is killed (its CPU stops), and the pool serves on."""
    # the session's extractor: its own would load spaCy (~1 s)
    with KnowledgeGraph.open(tmp_path / "store", query_timeout_s=30, query_workers=2, gazetteer=gazetteer,
                             extractor=extractor) as kg:
        kg.ingest_extraction(*kg.extract("Iran sold drones to Russia. Japan condemned Iran.", id="a1"))
        kg.article_ids()  # the workers have started
        before = set(kg.store.pool.pids())
        with pytest.raises(QueryLimitError) as caught:
            run_sparql(kg.store, ENDLESS, timeout_s=1.0)
        assert caught.value.code == "query_timeout" and "1 s" in str(caught.value)
        killed = [pid for pid in before if pid not in kg.store.pool.pids()]
        assert killed, "the worker that ran the query is still in the pool"
        for pid in killed:
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)  # reaped: it no longer exists
        ask = run_sparql(kg.store, "ASK { state:IRN ak:armsTransfer state:RUS }", timeout_s=30)
        assert b"true" in ask.body


def test_sparql_row_cap_and_formats(gazetteer, extractor):
    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as kg:  # the session's (no spaCy load)
        _ = kg.ingest("Iran sold drones to Russia. Japan condemned Iran.", id="a1")
        with pytest.raises(QueryLimitError) as caught:
            run_sparql(kg.store, "SELECT ?s WHERE { ?s a ak:State }", max_rows=3)
        assert caught.value.code == "result_too_large"
        exact = run_sparql(kg.store, "SELECT ?s WHERE { ?s a ak:State } LIMIT 3", max_rows=3, format="tsv")
        assert exact.count == 3 and exact.body.decode().splitlines()[0] == "?s"
        ask = run_sparql(kg.store, "ASK { state:IRN ak:armsTransfer state:RUS }",
                         accept="application/sparql-results+xml")
        assert b"<boolean>true</boolean>" in ask.body
        graph = run_sparql(kg.store, "CONSTRUCT WHERE { ?x ak:armsTransfer ?y }", format="ntriples")
        assert graph.media_type == "application/n-triples" and graph.count == 1
        with pytest.raises(QueryRefusedError, match="SERVICE"):
            run_sparql(kg.store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
