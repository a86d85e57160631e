"""Writes (POST and DELETE /articles) with API keys, read keys, CORS, and the store after bad writes."""

from __future__ import annotations

import pytest
from http_helpers import KEY, ORIGIN, OTHER_KEY, assert_error, auth, snapshot

from alignkg.graph import EdgeType

ARTICLE = {"id": "test-drones", "text": "Iran sold drones to Venezuela. Japan condemned Iran.",
           "title": "Drones", "url": "https://example.org/drones", "published": "2025-01-10",
           "publisher": "Example News"}


def test_http_post_article_answers_with_the_facts_and_stores_them(writable_server):
    with writable_server.client() as http:
        before = snapshot(http)
        response = http.post("/articles", json=ARTICLE, headers=auth())
        assert response.status_code == 200, response.text
        body = response.json()
        found = {(f["subject"], f["type"], f["object"]) for f in body["facts"]}
        assert ("IRN", EdgeType.ARMS_TRANSFER.value, "VEN") in found
        assert ("JPN", EdgeType.CONDEMNATION.value, "IRN") in found
        assert all(e["article_id"] == "test-drones" for f in body["facts"] for e in f["evidence"])
        stored = http.get("/articles/test-drones").json()
        assert stored["text"] == ARTICLE["text"] and stored["published"] == "2025-01-10"
        fact = http.get(body["facts"][0]["links"]["self"]).json()
        assert any(e["article_id"] == "test-drones" for e in fact["evidence"])
        after_first = snapshot(http)
        assert after_first[0] > before[0]

        again = http.post("/articles", json=ARTICLE, headers=auth(OTHER_KEY if False else KEY))
        assert again.status_code == 200 and again.json()["facts"] == body["facts"]
        assert snapshot(http) == after_first  # idempotent

        clash = http.post("/articles", json={**ARTICLE, "text": "Japan condemned Iran."}, headers=auth())
        assert_error(clash, 409, "conflict")
        assert snapshot(http) == after_first

        replaced = http.post("/articles", params={"replace": "true"},
                             json={**ARTICLE, "text": "Japan condemned Iran."}, headers=auth())
        assert replaced.status_code == 200
        assert {f["type"] for f in replaced.json()["facts"]} == {EdgeType.CONDEMNATION.value}
        assert http.get("/facts", params={"subject": "IRN", "object": "VEN"}).json()["facts"] == []


def test_http_delete_article_removes_evidence_and_orphaned_facts(writable_server):
    with writable_server.client() as http:
        before = snapshot(http)
        body = http.post("/articles", json=ARTICLE, headers=auth()).json()
        orphan = next(f for f in body["facts"] if f["object"] == "VEN")
        shared = http.get("/facts", params={"subject": "RUS", "type": EdgeType.NON_INTERVENTION.value}).json()
        response = http.delete("/articles/test-drones", headers=auth())
        assert response.status_code == 204 and response.content == b""
        assert_error(http.get("/articles/test-drones"), 404, "not_found")
        assert_error(http.get(orphan["links"]["self"]), 404, "not_found")
        assert http.get("/facts", params={"subject": "RUS", "type": EdgeType.NON_INTERVENTION.value}).json() == shared
        assert snapshot(http) == before  # exactly the store before the article came
        assert_error(http.delete("/articles/test-drones", headers=auth()), 404, "not_found")


def test_http_delete_bundled_article_keeps_facts_other_articles_support(writable_server):
    with writable_server.client() as http:
        seed_only = [f["id"] for f in http.get("/facts", params={"limit": 1000}).json()["facts"]]
        assert http.delete("/articles/seed-distant-allies", headers=auth()).status_code == 204
        left = {f["id"] for f in http.get("/facts", params={"limit": 1000}).json()["facts"]}
        assert left < set(seed_only)
        for fact_id in left:
            detail = http.get(f"/facts/{fact_id}").json()
            assert detail["evidence"] and all(e["article_id"] != "seed-distant-allies" for e in detail["evidence"])


@pytest.mark.parametrize(("headers", "status", "code"), [
    ({}, 401, "unauthorized"),
    ({"Authorization": "Bearer wrong"}, 401, "unauthorized"),
    ({"Authorization": f"Basic {KEY}"}, 401, "unauthorized"),
    ({"Authorization": "Bearer"}, 401, "unauthorized"),
])
def test_http_writes_need_a_valid_key(http, unchanged, headers, status, code):
    response = http.post("/articles", json=ARTICLE, headers=headers)
    assert_error(response, status, code)
    assert response.headers["www-authenticate"] == "Bearer"
    assert_error(http.delete("/articles/seed-distant-allies", headers=headers), status, code)


def test_http_second_key_works_too(fresh_server):
    live = fresh_server(api_keys=[KEY, OTHER_KEY])
    with live.client() as http:
        assert http.post("/articles", json=ARTICLE, headers=auth(OTHER_KEY)).status_code == 200


@pytest.fixture(scope="module")
def keyless(server_factory):
    """A server with default settings (no API keys, no CORS origins); read-only, shared by the module's tests."""
    return server_factory()


def test_http_writes_are_refused_without_configured_keys(keyless):
    with keyless.client() as http:
        before = snapshot(http)
        body = assert_error(http.post("/articles", json=ARTICLE, headers=auth()), 403, "forbidden")
        assert "ALIGNKG_API_KEYS" in body["detail"]
        assert_error(http.delete("/articles/seed-distant-allies", headers=auth()), 403, "forbidden")
        assert snapshot(http) == before


@pytest.mark.parametrize(("article", "fragment"), [
    ({"id": "x"}, "text"),
    ({"text": "Iran sold drones to Russia."}, "id"),
    ({"id": "x", "text": ""}, "text"),
    ({"id": "", "text": "Iran sold drones to Russia."}, "id"),
    ({"id": "a/b", "text": "Iran sold drones to Russia."}, "id"),
    ({"id": "   ", "text": "Iran sold drones to Russia."}, "id"),
    ({"id": "x", "text": "Iran sold drones to Russia.", "published": "2024-13-01"}, "published"),
    ({"id": "x", "text": "Iran sold drones to Russia.", "url": "not a url"}, "url"),
    ({"id": "x", "text": "Iran sold drones to Russia.", "url": "https://ex.org/a b"}, "url"),
    ({"id": "x", "text": "Iran sold drones to Russia.", "colour": "red"}, "colour"),
    ({"id": "x", "text": 12}, "text"),
])
def test_http_bad_articles_are_400_and_nothing_is_stored(http, unchanged, article, fragment):
    body = assert_error(http.post("/articles", json=article, headers=auth()), 400, "invalid_request")
    assert fragment in body["detail"]


def test_http_bad_article_bodies(http, unchanged):
    assert_error(http.post("/articles", content=b"{oops", headers={**auth(), "Content-Type": "application/json"}),
                 400, "invalid_request")
    assert_error(http.post("/articles", params={"replace": "perhaps"}, json=ARTICLE, headers=auth()), 400,
                 "invalid_request")
    assert_error(http.post("/articles", params={"force": "1"}, json=ARTICLE, headers=auth()), 400,
                 "unknown_parameter")
    assert_error(http.post("/articles", json={**ARTICLE, "id": "seed-distant-allies"}, headers=auth()), 409,
                 "conflict")


def test_http_reads_can_require_a_key(fresh_server):
    live = fresh_server(api_keys=[KEY], require_read_key=True)
    with live.client() as http:
        assert http.get("/health").status_code == 200
        for path in ("/states", "/states/IRN", "/facts", "/articles", "/export",
                     "/sparql?query=ASK%20%7B%7D"):
            assert_error(http.get(path), 401, "unauthorized")
            assert http.get(path, headers=auth()).status_code == 200, path
        assert_error(http.post("/query", json={"pattern": "?x trade IRN"}), 401, "unauthorized")


def test_http_cors_allows_the_configured_origin_only(http):
    preflight = http.options("/articles", headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Headers": "Authorization, Content-Type"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ORIGIN
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    simple = http.get("/states/IRN", headers={"Origin": ORIGIN})
    assert simple.headers["access-control-allow-origin"] == ORIGIN
    error = http.get("/states/Iram", headers={"Origin": ORIGIN})
    assert error.status_code == 404 and error.headers["access-control-allow-origin"] == ORIGIN
    other = http.get("/states/IRN", headers={"Origin": "https://evil.example.com"})
    assert "access-control-allow-origin" not in other.headers
    refused = http.options("/articles", headers={"Origin": "https://evil.example.com",
                                                 "Access-Control-Request-Method": "POST"})
    assert refused.status_code == 400


def test_http_no_cors_headers_without_configured_origins(keyless):
    with keyless.client() as http:
        response = http.get("/health", headers={"Origin": ORIGIN})
        assert "access-control-allow-origin" not in response.headers


def test_http_writes_reopen_the_store_every_store_reopen_writes(fresh_server):
    # RocksDB's caches fill up with every write: the server empties them by reopening its store
    # (docs/decisions/20261207-store-memory.md). Reads and writes go on as before.
    live = fresh_server(api_keys=[KEY], store_reopen_writes=2)
    assert live.kg.store.reopen_every == 2
    with live.client() as http:
        before = snapshot(http)
        for i in range(3):
            posted = http.post("/articles", json={**ARTICLE, "id": f"reopen-{i}"}, headers=auth())
            assert posted.status_code == 200, posted.text
            assert http.get(f"/articles/reopen-{i}").status_code == 200
        for i in range(3):
            assert http.delete(f"/articles/reopen-{i}", headers=auth()).status_code == 204
        assert snapshot(http) == before
    assert live.kg.store.reopens >= 2  # six writes, two at a time
