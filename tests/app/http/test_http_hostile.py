"""The hostile findings of issue 11, one test each: no request can take the service down.

Each row of the issue's table has a test here (rows 5 and 7, which need a real
``alignkg serve`` process, are in ``test_http_serve.py``; the memory of exports, row 8,
in ``tests/graph/rdf/test_export.py``). Servers use small deadlines (1 to 2 s) set
through the settings, so every test is bounded in time; every test that sends hostile
requests checks that the store is exactly as it was.
"""

from __future__ import annotations

import concurrent.futures
import socket
import time

import httpx
import pytest
from http_helpers import KEY, assert_error, auth, snapshot

from alignkg.graph import QueryLimitError

#: A count over a 3-way product of every quad: hours of work (row 2).
ENDLESS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
#: Four free patterns: their product has ~10^14 rows (row 1).
PRODUCT_PATTERN = "?a any ?b . ?c any ?d . ?e any ?f . ?g any ?h"


@pytest.fixture(scope="module")
def short(server_factory):  # module-scoped: its servers stop with the module
    """A server whose read requests get 1.5 s; writes allowed with KEY; its workers ready as served (concurrent
    clients)."""
    return server_factory(api_keys=[KEY], query_timeout_s=1.5, spare=None)


@pytest.fixture(scope="module")
def instant(server_factory):
    """A server whose every query is over its deadline (0.001 s); read-only, shared by the module's tests."""
    return server_factory(query_timeout_s=0.001, spare=1)


@pytest.fixture(scope="module")
def patient(server_factory):
    """A server with a deadline of 20 s; read-only, shared by the module's tests."""
    return server_factory(query_timeout_s=20)


@pytest.fixture(scope="module")
def client(short):
    with short.client() as http:
        yield http


def _chain(n: int) -> str:
    """A pattern query of ``n`` chained clauses, ``?v0 any ?v1 . ?v1 any ?v2 ...`` (row 1)."""
    return " . ".join(f"?v{i} any ?v{i + 1}" for i in range(n))


# --- row 1: the pattern language streams under the row cap and stops at the deadline --------------

@pytest.mark.parametrize("pattern", [PRODUCT_PATTERN, _chain(400)], ids=["product", "chain-400"])
def test_hostile_pattern_query_stops_at_the_cap_or_the_deadline(client, pattern):
    before = snapshot(client)
    response = client.post("/query", json={"pattern": pattern})
    assert response.status_code in (422, 504), response.text
    assert response.json()["error"] in ("result_too_large", "query_timeout")
    assert client.get("/health").status_code == 200
    assert snapshot(client) == before


def test_hostile_pattern_row_cap_applies_while_streaming(fresh_server):
    """The cap is reached at row max+1, long before the 10^14 rows of the product could be built."""
    live = fresh_server(max_result_rows=50, query_timeout_s=30)
    with live.client() as http:
        started = time.monotonic()
        assert_error(http.post("/query", json={"pattern": PRODUCT_PATTERN}), 422, "result_too_large")
        assert time.monotonic() - started < 30  # answered by the cap, not by the deadline


# --- row 2: over-deadline queries are stopped, and the endpoint serves others at once ---------------

def test_hostile_over_deadline_queries_do_not_lock_others_out(short, client):
    before = snapshot(client)
    with concurrent.futures.ThreadPoolExecutor(4) as pool, short.client() as other:
        answers = list(pool.map(lambda _: other.get("/sparql", params={"query": ENDLESS_COUNT}), range(4)))
    for answer in answers:
        assert_error(answer, 504, "query_timeout")
    started = time.monotonic()
    cheap = client.get("/sparql", params={"query": "ASK { state:IRN a ak:State }"})
    assert cheap.status_code == 200 and cheap.json()["boolean"] is True
    assert time.monotonic() - started < 1.0, "a cheap query waited for the stopped ones"
    assert snapshot(client) == before


@pytest.mark.parametrize(("path", "params"), [
    ("/analysis/communities", {}),
    ("/states/IRN", {}),
    ("/facts", {"subject": "RUS"}),
])
def test_hostile_every_read_path_has_the_deadline(instant, path, params):
    """Analysis, state and fact reads run their queries under the request's deadline too."""
    with instant.client() as http:
        assert_error(http.get(path, params=params), 504, "query_timeout")


# --- row 3: deep or long valid SPARQL is answered, or refused with a 400, never a 500 ---------------

def _nested_groups(n: int) -> str:
    return "SELECT * WHERE " + "{ " * n + "?s a ak:State " + "} " * n + "LIMIT 1"


def _nested_brackets(n: int) -> str:
    return "SELECT * WHERE { ?s ak:iso3 ?c FILTER(" + "(" * n + "true" + ")" * n + ") } LIMIT 1"


def _long_bgp(n: int) -> str:
    return "SELECT * WHERE { " + " ".join(f"?s{i} a ak:State ." for i in range(n)) + " } LIMIT 1"


@pytest.mark.parametrize("query", [_nested_groups(40), _nested_brackets(30), _long_bgp(90)],
                         ids=["groups-40", "brackets-30", "bgp-90"])
def test_hostile_deep_or_long_sparql_just_works(patient, query):
    with patient.client() as http:
        response = http.get("/sparql", params={"query": query})
        assert response.status_code == 200, response.text


@pytest.mark.parametrize("query", [_nested_groups(3000), _nested_brackets(5000)], ids=["groups-3000",
                                                                                        "brackets-5000"])
def test_hostile_very_deep_sparql_is_answered_or_a_400_or_a_504(client, query):
    """The server parses such a text once, in a worker with a large stack (graph/query/sparql.py), which
    answers it; a 400 or 504 would do too, never a 500, and the server answers on."""
    response = client.get("/sparql", params={"query": query})
    assert response.status_code in (200, 400, 504), response.text
    if response.status_code != 200:
        assert response.json()["error"] in ("query_too_complex", "query_syntax", "query_timeout")
    assert client.get("/health").status_code == 200


def test_hostile_very_deep_sparql_in_an_embedded_graph_is_refused_not_a_crash(kg):
    """Without worker processes, pyoxigraph's parser would overflow this process's stack: the check refuses first."""
    with pytest.raises(QueryLimitError) as caught:
        kg.run_sparql(_nested_groups(3000))
    assert caught.value.code == "query_too_complex"


# --- row 4: parsing holds no global lock -------------------------------------------------------------

def test_hostile_slow_parses_do_not_block_a_trivial_query(fresh_server):
    """Six 79 KB queries from one client: four are parsed at once (no lock), two get 429, and another
    client's trivial query is answered at once by a worker of its own."""
    live = fresh_server(query_timeout_s=2, spare=None)
    values = "SELECT * WHERE { VALUES ?x { " + " ".join(f'"v{i:05}"' for i in range(9_000)) + " } } LIMIT 1"
    assert 70_000 < len(values) < 100_000
    other = httpx.HTTPTransport(local_address="127.0.0.2")  # another client address on loopback
    with live.client() as http, live.client(transport=other) as hostile, \
            concurrent.futures.ThreadPoolExecutor(6) as pool:
        slow = [pool.submit(hostile.post, "/sparql", content=values.encode(),
                            headers={"Content-Type": "application/sparql-query"}) for _ in range(6)]
        time.sleep(0.3)  # the parses have started
        started = time.monotonic()
        ask = http.get("/sparql", params={"query": "ASK { state:IRN a ak:State }"})
        assert ask.status_code == 200, ask.text
        assert time.monotonic() - started < 1.0, "the trivial query waited for the slow parses"
        assert sorted(f.result().status_code for f in slow).count(429) == 2


# --- row 6: one huge article does not hold writes hostage ---------------------------------------------

def test_hostile_article_over_the_limit_is_413(fresh_server):
    live = fresh_server(api_keys=[KEY], max_article_chars=1_000)
    with live.client() as http:
        before = snapshot(http)
        body = assert_error(http.post("/articles", json={"id": "big", "text": "Iran sold drones to Russia. " * 40},
                                      headers=auth()), 413, "article_too_large")
        assert "max_article_chars" in body["detail"]
        assert snapshot(http) == before


def test_hostile_small_write_does_not_wait_for_a_large_extraction(fresh_server, real_parses):
    """Both articles are parsed as they arrive (``real_parses``): the large one's parse is what takes seconds."""
    live = fresh_server(api_keys=[KEY])
    sentence = "Iran reportedly supplied drones to Russia, officials said on Tuesday. "
    big = {"id": "big", "text": sentence * 1_400}  # ~98,000 characters: seconds of extraction
    small = {"id": "small", "text": "Japan condemned Iran."}
    with live.client() as http, live.client() as other, concurrent.futures.ThreadPoolExecutor(1) as pool:
        large = pool.submit(other.post, "/articles", json=big, headers=auth())
        time.sleep(0.3)  # the large article is being extracted
        answer = http.post("/articles", json=small, headers=auth())
        assert answer.status_code == 200, answer.text
        assert not large.done(), "the small article was stored only after the large one"
        assert large.result().status_code == 200


# --- row 9: the smaller findings ------------------------------------------------------------------------

@pytest.mark.parametrize("article_id", ["..", ".", "\u200b", " \u2060 ", "a\u0085b", "a\x07b", "a/b"])
def test_hostile_article_ids_follow_the_library_rule(short, client, article_id):
    before = snapshot(client)
    body = assert_error(client.post("/articles", json={"id": article_id, "text": "Iran sold drones to Russia."},
                                    headers=auth()), 400, "invalid_request")
    assert "'id'" in body["detail"]
    assert snapshot(client) == before


@pytest.mark.parametrize(("path", "params"), [
    ("/facts", {"since": "1.0956e-82"}),
    ("/facts", {"until": "20240101"}),
    ("/analysis/dyad", {"a": "RUS", "b": "IRN", "since": "1700000000"}),
    ("/sparql", {"query": ["ASK {}", "ASK { ?s ?p ?o }"]}),
    ("/facts", {"subject": ["RUS", "IRN"]}),
])
def test_hostile_ambiguous_parameters_are_400(client, path, params):
    assert_error(client.get(path, params=params), 400, "invalid_request")


def test_hostile_numbers_are_not_dates_in_bodies(client):
    before = snapshot(client)
    body = {"id": "dated", "text": "Iran sold drones to Russia.", "published": 1700000000}
    assert_error(client.post("/articles", json=body, headers=auth()), 400, "invalid_request")
    assert snapshot(client) == before


def test_hostile_huge_claim_number_is_404(client):
    assert_error(client.get("/analysis/bloc", params={"claim": "9" * 5000}), 404, "not_found")
    assert_error(client.get("/analysis/bloc", params={"claim": "\u00b2"}), 404, "not_found")


def test_hostile_docs_load_nothing_from_another_host(client):
    for page in ("/docs", "/redoc"):
        html = client.get(page)
        assert html.status_code == 200
        assert "http://" not in html.text and "https://" not in html.text, "the page loads from another host"
    assert client.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/vendor/swagger-ui/swagger-ui.css").status_code == 200


def test_hostile_openapi_marks_security_as_enforced(client, fresh_server):
    operations = {(path, method): op for path, ops in client.get("/openapi.json").json()["paths"].items()
                  for method, op in ops.items()}
    secured = {key for key, op in operations.items() if op.get("security")}
    assert secured == {("/articles", "post"), ("/articles/{article_id}", "delete"), ("/curations/assertions", "post"),
                       ("/curations/retractions", "post"), ("/curations/{record_id}/reversals", "post")}
    closed = fresh_server(api_keys=[KEY], require_read_key=True)
    with closed.client() as http:
        paths = http.get("/openapi.json", headers=auth()).json()["paths"]
    assert paths["/facts"]["get"]["security"] and "security" not in paths["/health"]["get"]


@pytest.mark.parametrize("raw", [
    b"GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    b"NOT-HTTP\r\n\r\n",
    b"GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
])
def test_hostile_protocol_errors_are_json(short, raw):
    host, port = short.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(raw)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400"), data[:200]
    assert b"content-type: application/json" in head.lower()
    assert httpx.Response(400, content=body).json()["error"] == "invalid_request"


def test_hostile_too_many_requests_from_one_client_is_429(fresh_server):
    live = fresh_server(max_client_requests=2, query_timeout_s=1.5, spare=None)
    with live.client() as http, concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: http.get("/sparql", params={"query": ENDLESS_COUNT}), range(4)))
        statuses = sorted(a.status_code for a in answers)
        assert 429 in statuses and 504 in statuses, statuses
        limited = next(a for a in answers if a.status_code == 429)
        assert_error(limited, 429, "too_many_requests")
        assert limited.headers["Retry-After"]
        assert http.get("/health").status_code == 200
