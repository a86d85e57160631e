"""Limits and guards: query timeout, row cap, body size, unknown parameters, bad values, no stack traces."""

from __future__ import annotations

import pytest
from http_helpers import KEY, assert_error, auth, snapshot

from alignkg.graph import EdgeType

#: About 30 million joined rows to count: seconds of work, against a limit of 0.05 s.
SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { VALUES ?k { 1 2 3 4 } ?a a ak:State . ?b a ak:State . ?c a ak:State }")


@pytest.fixture(scope="module")
def tight(server_factory):
    """A server with tiny limits: 5 rows, 2 KiB bodies."""
    live = server_factory(api_keys=[KEY], max_result_rows=5, max_body_bytes=2048)
    with live.client() as client:
        yield client


def test_http_sparql_timeout_is_504(fresh_server):
    live = fresh_server(query_timeout_s=0.05, spare=1)
    with live.client() as http:
        before = snapshot(http)
        body = assert_error(http.get("/sparql", params={"query": SLOW}), 504, "query_timeout")
        assert "0.05 s" in body["detail"]
        assert http.get("/health").status_code == 200  # the server still answers
        assert snapshot(http) == before


def test_http_sparql_row_cap_is_422_never_a_silent_cut(tight):
    body = assert_error(tight.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a ak:State }"}), 422,
                        "result_too_large")
    assert "5 rows" in body["detail"] and "LIMIT" in body["detail"]
    construct = tight.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s a ak:State }"})
    assert_error(construct, 422, "result_too_large")
    within = tight.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a ak:State } LIMIT 5"})
    assert within.status_code == 200 and len(within.json()["results"]["bindings"]) == 5


def test_http_pattern_query_row_cap(tight):
    assert_error(tight.post("/query", json={"pattern": "?x any ?y"}), 422, "result_too_large")
    assert tight.post("/query", json={"pattern": "?x any ?y limit 5"}).status_code == 200


def test_http_body_limit_is_413_and_nothing_is_stored(tight):
    before = snapshot(tight)
    big = {"id": "big", "text": "Iran sold drones to Russia. " * 200}
    assert_error(tight.post("/articles", json=big, headers=auth()), 413, "body_too_large")

    def chunks():
        yield b'{"id": "big", "text": "'
        for _ in range(100):
            yield b"Iran sold drones to Russia. "
        yield b'"}'

    chunked = tight.post("/articles", content=chunks(), headers={**auth(), "Content-Type": "application/json"})
    assert_error(chunked, 413, "body_too_large")
    assert_error(tight.post("/sparql", content=b"SELECT * {}" + b" " * 4096,
                            headers={"Content-Type": "application/sparql-query"}), 413, "body_too_large")
    assert snapshot(tight) == before


@pytest.mark.parametrize(("path", "params"), [
    ("/facts", {"subjet": "RUS"}),
    ("/facts", {"subject": "RUS", "page": "2"}),
    ("/states", {"verbose": "1"}),
    ("/states/IRN", {"format": "json"}),
    ("/health", {"x": "1"}),
    ("/articles", {"all": "true"}),
    ("/export", {"fromat": "turtle"}),
])
def test_http_unknown_query_parameters_are_400(http, unchanged, path, params):
    body = assert_error(http.get(path, params=params), 400, "unknown_parameter")
    assert any(name in body["detail"] for name in params)


@pytest.mark.parametrize(("path", "params", "code"), [
    ("/facts", {"subject": "Iram"}, "unknown_state"),
    ("/facts", {"object": "Atlantis"}, "unknown_state"),
    ("/facts", {"type": "arms_transfers"}, "unknown_edge_type"),
    ("/facts", {"class": "material"}, "unknown_edge_type"),
    ("/facts", {"since": "2024-02-30"}, "invalid_request"),
    ("/facts", {"until": "yesterday"}, "invalid_request"),
    ("/facts", {"hedged": "maybe"}, "invalid_request"),
    ("/facts", {"limit": "0"}, "invalid_request"),
    ("/facts", {"limit": "100000"}, "invalid_request"),
    ("/facts", {"limit": "ten"}, "invalid_request"),
    ("/facts", {"cursor": "nosuchfact"}, "invalid_input"),
    ("/facts", {"cursor": "a b>"}, "not_found"),
    ("/export", {"format": "xlsx"}, "invalid_input"),
    ("/export", {"state": "Iram"}, "unknown_state"),
    ("/export", {"type": "nope"}, "unknown_edge_type"),
])
def test_http_bad_values_are_400_with_a_message(http, unchanged, path, params, code):
    status = 404 if code == "not_found" else 400
    body = assert_error(http.get(path, params=params), status, code)
    name = next(iter(params))
    assert params[name] in body["detail"] or name in body["detail"], body


def test_http_unknown_state_in_filters_suggests(http):
    body = assert_error(http.get("/facts", params={"subject": "Rusia"}), 400, "unknown_state")
    assert any(s.startswith("RUS ") for s in body["suggestions"])
    types = assert_error(http.get("/facts", params={"type": "arms"}), 400, "unknown_edge_type")
    assert EdgeType.ARMS_TRANSFER.value in types["expected"]


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("GET", "/nowhere", 404, "not_found"),
    ("PUT", "/facts", 405, "method_not_allowed"),
    ("DELETE", "/states/IRN", 405, "method_not_allowed"),
    ("PATCH", "/sparql", 405, "method_not_allowed"),
])
def test_http_unknown_routes_and_methods_are_json(http, unchanged, method, path, status, code):
    assert_error(http.request(method, path, headers=auth()), status, code)


@pytest.mark.parametrize(("content", "code"), [
    (b"{not json", "invalid_request"),
    (b"[]", "invalid_request"),
    (b'{"pattern": 3}', "invalid_request"),
    (b'{"pattern": ""}', "invalid_request"),
    (b'{"pattern": "?x trade IRN", "extra": 1}', "invalid_request"),
])
def test_http_query_bad_bodies(http, unchanged, content, code):
    body = assert_error(http.post("/query", content=content, headers={"Content-Type": "application/json"}), 400,
                        code)
    assert "body" in body["detail"]
