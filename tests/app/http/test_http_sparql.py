"""/sparql as a SPARQL 1.1 Protocol endpoint: real clients, content negotiation, and what it refuses."""

from __future__ import annotations

import csv
import io
import json
import urllib.error

import pytest
from http_helpers import assert_error
from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper

FACTS = """SELECT ?fact ?s ?type ?o WHERE { ?fact ak:subject ?s ; ak:edgeType ?type ; ak:object ?o }
           ORDER BY ?fact"""
TWO_HOP = """SELECT DISTINCT ?a ?c WHERE { ?f1 ak:subject ?a ; ak:object ?b . ?f2 ak:subject ?b ; ak:object ?c .
             FILTER(?a != ?c) }"""


def wrapper(live_server, query: str, fmt: str = JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{live_server.url}/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_http_sparql_client_lists_the_facts(http, live_server):
    result = wrapper(live_server, FACTS).query().convert()
    bindings = result["results"]["bindings"]
    expected = http.get("/facts", params={"limit": 1000}).json()["facts"]
    assert len({b["fact"]["value"] for b in bindings}) == len({f["id"] for f in expected})
    assert all(b["s"]["value"].startswith("https://w3id.org/alignkg/state/") for b in bindings)


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_http_sparql_client_every_results_format(live_server, fmt):
    client = wrapper(live_server, "SELECT ?x WHERE { ?f a ak:NonIntervention ; ak:subject ?x ; ak:object state:IRN }",
                     fmt)
    client.setOnlyConneg(fmt in (CSV, TSV))
    converted = client.query().convert()
    if fmt == JSON:
        values = {b["x"]["value"] for b in converted["results"]["bindings"]}
    elif fmt == XML:
        values = {node.firstChild.data for node in converted.getElementsByTagName("uri")}
    elif fmt == CSV:
        values = {row["x"] for row in csv.DictReader(io.StringIO(converted.decode()))}
    else:
        values = {line.strip("<>") for line in converted.decode().splitlines()[1:]}
    assert values == {"https://w3id.org/alignkg/state/RUS", "https://w3id.org/alignkg/state/CHN"}


def test_http_sparql_rdflib_sparqlstore(live_server):
    graph = Graph(SPARQLStore(f"{live_server.url}/sparql", returnFormat="json"))
    rows = list(graph.query("SELECT ?x WHERE { ?f a <https://w3id.org/alignkg/ontology#NonIntervention> ; "
                            "<https://w3id.org/alignkg/ontology#subject> ?x }"))
    assert {str(row[0]).rsplit("/", 1)[1] for row in rows} == {"RUS", "CHN"}


def test_http_sparql_construct_turtle_through_client(live_server):
    data = wrapper(live_server, "CONSTRUCT { ?x ak:nonIntervention ?y } WHERE { ?x ak:nonIntervention ?y }",
                   TURTLE).query().convert()
    triples = list(parse(data, format=RdfFormat.TURTLE))
    assert len(triples) == 2


@pytest.mark.parametrize(("accept", "media", "fmt"), [
    ("text/turtle", "text/turtle", RdfFormat.TURTLE),
    ("application/n-triples", "application/n-triples", RdfFormat.N_TRIPLES),
    ("application/ld+json", "application/ld+json", RdfFormat.JSON_LD),
    ("application/rdf+xml", "application/rdf+xml", RdfFormat.RDF_XML),
    (None, "text/turtle", RdfFormat.TURTLE),
])
def test_http_sparql_construct_and_describe_negotiate(http, accept, media, fmt):
    headers = {"Accept": accept} if accept else {}
    for query in ("CONSTRUCT WHERE { ?x ak:nonIntervention ?y }", "DESCRIBE state:IRN"):
        response = http.get("/sparql", params={"query": query}, headers=headers)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] == media
        assert list(parse(response.content, format=fmt))


@pytest.mark.parametrize(("accept", "media", "fmt"), [
    ("application/sparql-results+json", "application/sparql-results+json", QueryResultsFormat.JSON),
    ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
    ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
    ("application/json", "application/sparql-results+json", QueryResultsFormat.JSON),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml",
     QueryResultsFormat.XML),
    ("*/*", "application/sparql-results+json", QueryResultsFormat.JSON),
])
def test_http_sparql_select_and_ask_negotiate(http, accept, media, fmt):
    response = http.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ak:nonIntervention state:IRN }"},
                        headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    assert "Accept" in response.headers["vary"]
    assert len(list(parse_query_results(response.content, format=fmt))) == 2
    ask = http.get("/sparql", params={"query": "ASK { state:RUS ak:nonIntervention state:IRN }"},
                   headers={"Accept": accept})
    assert bool(parse_query_results(ask.content, format=fmt)) is True


def test_http_sparql_csv(http):
    response = http.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ak:nonIntervention state:IRN }",
                                           "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert sorted(response.text.split()[1:]) == ["https://w3id.org/alignkg/state/CHN",
                                                 "https://w3id.org/alignkg/state/RUS"]


def test_http_sparql_post_form_and_direct_body(http):
    query = "SELECT ?x WHERE { ?x ak:nonIntervention state:IRN }"
    form = http.post("/sparql", data={"query": query})
    direct = http.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert form.status_code == direct.status_code == 200
    assert form.json() == direct.json()
    assert len(form.json()["results"]["bindings"]) == 2


def test_http_sparql_post_by_client(live_server):
    client = wrapper(live_server, "SELECT ?x WHERE { ?x ak:nonIntervention state:IRN }")
    client.setMethod(POST)
    assert len(client.query().convert()["results"]["bindings"]) == 2


# --- refused: updates, SERVICE, bad input; the store stays exactly as it was --------------------------

UPDATES = [
    "INSERT DATA { state:IRN ak:alliance state:USA }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/evil.ttl>",
    "CREATE GRAPH <http://example.org/g>",
    "# SELECT * WHERE { ?s ?p ?o }\nPREFIX ex: <http://example.org/>\n\n# only a comment\nDROP ALL",
    "PREFIX ak: <https://w3id.org/alignkg/ontology#>\nBASE <http://example.org/>\nINSERT DATA { <a> <b> <c> }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "INSERT DATA { <a:b> <a:c> <a:d> } ; DROP ALL",
    "  \n\tdrop   all  ",
]


@pytest.mark.parametrize("update", UPDATES)
def test_http_sparql_update_is_refused_and_the_graph_is_unchanged(http, unchanged, update):
    for response in (http.get("/sparql", params={"query": update}),
                     http.post("/sparql", data={"query": update}),
                     http.post("/sparql", content=update.encode(),
                               headers={"Content-Type": "application/sparql-query"})):
        body = assert_error(response, 403, "query_refused")
        assert "read-only" in body["detail"]


@pytest.mark.parametrize("update", ["INSERT DATA { state:IRN ak:alliance state:USA }", "DROP ALL"])
def test_http_sparql_update_by_protocol_is_refused(http, unchanged, live_server, update):
    assert_error(http.post("/sparql", data={"update": update}), 403, "query_refused")
    assert_error(http.post("/sparql", content=update.encode(), headers={"Content-Type": "application/sparql-update"}),
                 403, "query_refused")
    client = wrapper(live_server, update)
    client.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as caught:
        client.query()
    assert caught.value.code == 403
    assert json.loads(caught.value.read())["error"] == "query_refused"


SERVICES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x a ak:State . OPTIONAL { SERVICE <http://example.org/sparql> { ?x ?p ?o } } }",
    "SELECT * WHERE { ?x a ak:State FILTER EXISTS { SERVICE <http://example.org/sparql> { ?x ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?x WHERE { SERVICE ?endpoint { ?x ?p ?o } } } }",
    "ASK { ?x ?p ?o MINUS { service <http://example.org/sparql> { ?x ?p ?o } } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { # comment\n  SERVICE\n<http://example.org/sparql>\n{ ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", SERVICES)
def test_http_sparql_service_is_refused(http, unchanged, query):
    body = assert_error(http.get("/sparql", params={"query": query}), 403, "query_refused")
    assert "SERVICE" in body["detail"]


def test_http_sparql_service_word_in_a_string_is_not_refused(http):
    response = http.get("/sparql", params={"query": 'SELECT * WHERE { ?s ak:sentence "SERVICE <http://x/> { }" }'})
    assert response.status_code == 200


@pytest.mark.parametrize(("request_", "status", "code"), [
    ({"params": {"query": "SELEC * WHERE { ?s ?p ?o }"}}, 400, "query_syntax"),
    ({"params": {"query": "SELECT * WHERE { ?s ?p ?o "}}, 400, "query_syntax"),
    ({"params": {"query": "SELECT * WHERE { ?s ?p ?o } ; DROP ALL"}}, 400, "query_syntax"),
    ({"params": {"query": "SELECT * WHERE { ?s nope:p ?o }"}}, 400, "query_syntax"),
    ({"params": {"query": ""}}, 400, "invalid_request"),
    ({"params": {}}, 400, "invalid_request"),
    ({"params": {"query": "# nothing but a comment"}}, 400, "query_syntax"),
    ({"params": {"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": "http://x/"}}, 400, "invalid_request"),
    ({"params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "format": "turtle"}}, 406, "not_acceptable"),
    ({"params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}, "headers": {"Accept": "image/png"}}, 406,
     "not_acceptable"),
    ({"params": {"query": "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"}, "headers": {"Accept": "text/csv"}}, 406,
     "not_acceptable"),
    ({"params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "limit": "3"}}, 400, "unknown_parameter"),
])
def test_http_sparql_bad_requests(http, unchanged, request_, status, code):
    assert_error(http.get("/sparql", **request_), status, code)


def test_http_sparql_syntax_error_says_where(http):
    body = assert_error(http.get("/sparql", params={"query": "SELECT ?x WHERE {\n ?x ?p }"}), 400, "query_syntax")
    assert body["line"] == 2 and body["column"] >= 1


@pytest.mark.parametrize(("content", "content_type", "status", "code"), [
    (b"query=SELECT", "text/plain", 415, "unsupported_media_type"),
    (b"\xff\xfe", "application/sparql-query", 400, "invalid_request"),
    (b"query=SELECT+*+WHERE+{}&bogus=1", "application/x-www-form-urlencoded", 400, "unknown_parameter"),
    (b"format=json", "application/x-www-form-urlencoded", 400, "invalid_request"),
])
def test_http_sparql_bad_posts(http, unchanged, content, content_type, status, code):
    assert_error(http.post("/sparql", content=content, headers={"Content-Type": content_type}), status, code)


def test_http_sparql_two_hop_join(http):
    response = http.get("/sparql", params={"query": TWO_HOP})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"]


def test_http_sparql_service_runs_when_allowed(fresh_server, live_server):
    federating = fresh_server(allow_service=True)
    query = (f"SELECT ?x WHERE {{ SERVICE <{live_server.url}/sparql> {{ "
             "?x <https://w3id.org/alignkg/ontology#nonIntervention> <https://w3id.org/alignkg/state/IRN> } }")
    with federating.client() as http:
        response = http.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    assert len(response.json()["results"]["bindings"]) == 2
