"""The response cache of /facts, /states and /states/{state}: never a page older than the last write, bounded.

Every write path of the service (one article, a batch, a replacement, a delete, an assertion, a
retraction, a reversal) and of the library on the served graph (a bulk-loaded batch, an import, a
refresh) is followed by the reads of every cached route; each answer must be what the same
request gives with the cache emptied. The cache is filled before every write, so a stale answer
would be served from it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from http_helpers import KEY, LiveServer, auth

from alignkg.app.api.cache import ResponseCache
from alignkg.graph.model import Article, Evidence, Extraction, Fact
from alignkg.graph.ontology import EdgeType

NQUAD = b'<https://example.org/s> <https://example.org/p> "o" <https://example.org/g> .\n'
READS = ["/states", "/states/IRN", "/states/VEN?limit=1&evidence_limit=0", "/facts?subject=IRN",
         "/facts?object=VEN", "/facts?subject=IRN&limit=1", "/facts", "/facts?type=arms_transfer"]


@pytest.fixture
def server(fresh_server) -> LiveServer:
    return fresh_server(api_keys=[KEY])


def _cache(live: LiveServer) -> ResponseCache:
    cache = live.server.config.app.state.response_cache
    assert isinstance(cache, ResponseCache)
    return cache


def _fill(http: httpx.Client) -> dict[str, bytes]:
    """Read every cached route twice (the second from the cache); return the bodies."""
    bodies = {}
    for path in READS:
        first, second = http.get(path), http.get(path)
        assert first.status_code == second.status_code == 200, first.text
        assert first.content == second.content
        bodies[path] = first.content
    return bodies


def _check_fresh(live: LiveServer, http: httpx.Client) -> dict[str, bytes]:
    """Read every route as served, then with an empty cache: the two must agree."""
    served = {path: http.get(path).content for path in READS}
    live.server.config.app.state.response_cache = ResponseCache(_cache(live).max_bytes)
    fresh = {path: http.get(path).content for path in READS}
    for path in READS:
        assert served[path] == fresh[path], f"{path} served a stale answer"
    return fresh


def _batch(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"content": "\n".join(httpx.Response(200, json=i).text for i in items),
            "headers": {**auth(), "Content-Type": "application/x-ndjson"}}


def test_http_cache_serves_again_until_a_write_and_never_after_one(server):
    cache = _cache(server)
    with server.client() as http:
        writes: list[tuple[str, Callable[[], Any]]] = [
            ("post article", lambda: http.post("/articles", headers=auth(), json={
                "id": "cache-a", "text": "Iran sold drones to Venezuela."})),
            ("post batch", lambda: http.post("/articles", **_batch([
                {"id": "cache-b", "text": "Japan condemned Iran."},
                {"id": "cache-c", "text": "Venezuela sold oil to Iran."}]))),
            ("replace article", lambda: http.post("/articles", params={"replace": "true"}, headers=auth(), json={
                "id": "cache-a", "text": "Iran struck Venezuela."})),
            ("assertion", lambda: http.post("/curations/assertions", headers=auth(), json={
                "subject": "Iran", "type": "military_support", "object": "Venezuela",
                "url": "https://example.org/x", "sentence": "Iran trained Venezuelan troops."})),
            ("retraction", lambda: http.post("/curations/retractions", headers=auth(), json={
                "fact": http.get("/facts", params={"subject": "IRN", "object": "VEN"}).json()["facts"][0]["id"],
                "reason": "misread"})),
            ("reversal", lambda: http.post(f"/curations/{http.get('/curations').json()['curations'][-1]['id']}"
                                           "/reversals", headers=auth(), json={})),
            ("delete article", lambda: http.delete("/articles/cache-a", headers=auth())),
            ("library: bulk-loaded batch", lambda: list(server.kg.ingest_batch([_pair("cache-d")], atomic=False))),
            ("library: import", lambda: server.kg.import_(io.BytesIO(NQUAD), format="nquads")),
            ("library: refresh", server.kg.refresh),
        ]
        before = _fill(http)
        for label, write in writes:
            hits = cache.hits
            _fill(http)
            assert cache.hits >= hits + len(READS), f"{label}: the second reads did not come from the cache"
            done = write()
            if isinstance(done, httpx.Response):
                assert done.status_code in (200, 201, 204), (label, done.text)
            _check_fresh(server, http)
            cache = _cache(server)
        assert _fill(http) != before  # the writes changed what the routes answer


def _pair(article_id: str) -> tuple[Article, Extraction]:
    text = "Iran sold drones to Venezuela."
    fact = Fact("IRN", EdgeType.ARMS_TRANSFER, "VEN", evidence=(Evidence(article_id, text, 0, len(text)),))
    return Article(id=article_id, text=text), Extraction(article_id, (fact,), ())


def test_http_cache_answers_etag_and_304(server):
    with server.client() as http:
        first = http.get("/facts", params={"subject": "IRN"})
        etag = first.headers["etag"]
        assert etag.startswith('"') and first.headers["cache-control"] == "no-cache"
        same = http.get("/facts", params={"subject": "IRN"}, headers={"If-None-Match": etag})
        assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == etag
        weak = http.get("/facts", params={"subject": "IRN"}, headers={"If-None-Match": f'"x", W/{etag}'})
        assert weak.status_code == 304
        other = http.get("/facts", params={"subject": "IRN"}, headers={"If-None-Match": '"x"'})
        assert other.status_code == 200 and other.content == first.content
        # The order of the parameters does not matter: one canonical request.
        assert http.get("/facts?limit=2&subject=IRN").content == http.get("/facts?subject=IRN&limit=2").content
        http.post("/articles", headers=auth(), json={"id": "etag-a", "text": "Iran sold drones to Venezuela."})
        after = http.get("/facts", params={"subject": "IRN"}, headers={"If-None-Match": etag})
        assert after.status_code == 200 and after.headers["etag"] != etag


def test_http_cache_errors_are_not_kept_and_bad_input_stays_4xx(server):
    cache = _cache(server)
    with server.client() as http:
        for _ in range(2):
            missing = http.get("/states/Atlantis")
            assert missing.status_code == 404 and missing.json()["error"] == "unknown_state"
            bad = http.get("/facts", params={"cursor": "0000"})
            assert bad.status_code == 400 and bad.json()["error"] == "invalid_input"
            assert http.get("/facts", params={"limit": 0}).status_code == 400
        assert len(cache) == 0


def test_http_cache_stays_within_its_bytes(fresh_server):
    live = fresh_server(response_cache_bytes=20_000)
    cache = _cache(live)
    with live.client() as http:
        for limit in range(1, 60):
            assert http.get("/facts", params={"limit": limit}).status_code == 200
            assert cache.size <= 20_000
        assert 0 < len(cache) < 59


def test_http_cache_can_be_turned_off(fresh_server):
    live = fresh_server(response_cache_bytes=0)
    assert live.server.config.app.state.response_cache is None
    with live.client() as http:
        first = http.get("/states/IRN")
        assert first.status_code == 200 and "etag" in first.headers
        assert http.get("/states/IRN").content == first.content


def test_http_cached_answers_still_need_the_read_key_and_valid_parameters(fresh_server):
    live = fresh_server(api_keys=[KEY], require_read_key=True)
    with live.client() as http:
        for _ in range(2):
            assert http.get("/facts", params={"subject": "IRN"}, headers=auth()).status_code == 200
        assert len(_cache(live)) == 1
        assert http.get("/facts", params={"subject": "IRN"}).status_code == 401
        assert http.get("/facts", params={"subject": "IRN"}, headers=auth("wrong")).status_code == 401
        refused = http.get("/facts", params={"subject": "IRN", "bogus": "1"}, headers=auth())
        assert refused.status_code == 400 and refused.json()["error"] == "unknown_parameter"
        twice = http.get("/facts?subject=IRN&subject=IRN", headers=auth())
        assert twice.status_code == 400 and twice.json()["error"] == "invalid_request"
