"""POST /articles with a batch: a JSON array or JSON Lines, one result line per article, bad items alone refused."""

from __future__ import annotations

import json

import pytest
from http_helpers import KEY, assert_error, auth, snapshot

ARTICLES = [{"id": "batch-a", "text": "Iran sold drones to Venezuela."},
            {"id": "batch-b", "text": "Japan condemned Iran.", "published": "2025-01-10"}]


@pytest.fixture(scope="module")
def server(server_factory):
    return server_factory(api_keys=[KEY], max_batch_articles=5, max_article_chars=200)


def lines(response) -> list[dict]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in response.text.splitlines()]


def test_http_batch_json_lines_and_array_store_each_article_once(server):
    with server.client() as http:
        body = b"\n".join(json.dumps(a).encode() for a in ARTICLES) + b"\n"
        first = lines(http.post("/articles", content=body, headers={**auth(), "Content-Type": "application/x-ndjson"}))
        assert [(r["index"], r["id"], r["status"]) for r in first] == [(0, "batch-a", "stored"),
                                                                        (1, "batch-b", "stored")]
        assert first[0]["facts"] >= 1 and first[0]["links"] == {"self": "/articles/batch-a"}
        assert http.get("/articles/batch-b").json()["published"] == "2025-01-10"
        after = snapshot(http)
        again = lines(http.post("/articles", json=ARTICLES, headers=auth()))
        assert [r["status"] for r in again] == ["unchanged", "unchanged"]
        assert snapshot(http) == after


def test_http_batch_bad_items_fail_alone(server):
    with server.client() as http:
        items = [b'{"id": "batch-c", "text": "Russia sold jets to Iran."}', b"{oops",
                 json.dumps({"id": "a/b", "text": "Iran."}).encode(),
                 json.dumps({"id": "batch-long", "text": "Iran sold drones to Russia. " * 10}).encode(),
                 json.dumps({"id": "batch-a", "text": "Another text about Iran."}).encode()]
        results = {r["index"]: r for r in lines(http.post("/articles", content=b"\n".join(items),
                                                          headers={**auth(), "Content-Type": "application/jsonl"}))}
        assert sorted(results) == [0, 1, 2, 3, 4]
        assert results[0]["status"] == "stored"
        assert (results[1]["error"], results[2]["error"]) == ("invalid_request", "invalid_request")
        assert "not valid JSON" in results[1]["detail"] and "'id'" in results[2]["detail"]
        assert results[3]["error"] == "article_too_large" and "max_article_chars" in results[3]["detail"]
        assert results[4]["error"] == "conflict" and results[4]["id"] == "batch-a"
        assert http.get("/articles/batch-a").json()["text"] == ARTICLES[0]["text"]


def test_http_batch_limits_and_bad_bodies_change_nothing(server):
    with server.client() as http:
        before = snapshot(http)
        many = [{"id": f"many-{i}", "text": "Iran sold drones to Russia."} for i in range(6)]
        body = assert_error(http.post("/articles", json=many, headers=auth()), 413, "batch_too_large")
        assert "max_batch_articles" in body["detail"]
        assert_error(http.post("/articles", json=[], headers=auth()), 400, "invalid_request")
        assert_error(http.post("/articles", json="text", headers=auth()), 400, "invalid_request")
        assert_error(http.post("/articles", content=b"[{", headers={**auth(), "Content-Type": "application/json"}),
                     400, "invalid_request")
        assert_error(http.post("/articles", content=b"id,text", headers={**auth(), "Content-Type": "text/csv"}),
                     415, "unsupported_media_type")
        assert_error(http.post("/articles", json=ARTICLES), 401, "unauthorized")
        assert snapshot(http) == before
