"""Schemathesis over the OpenAPI document: a fixed budget of generated requests, none a 500, every error JSON.

The shared server is read-only here: writes come without a key and are refused, and the
store is checked unchanged at the end. Hypothesis runs derandomized, so the same requests
are sent on every run. schemathesis and hypothesis are imported by the test, not by the module: both
workers collect every module, and only one runs this test (~0.7 s of CPU).
"""

from __future__ import annotations

from http_helpers import snapshot

#: Generated requests in all, over every operation of the document.
BUDGET = 150


def test_http_schema_generated_requests(live_server, http):
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    before = snapshot(http)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/openapi.json")
    seen: set[tuple[str, str]] = set()

    @given(case=schema.as_strategy())
    @settings(max_examples=BUDGET, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def generated(case) -> None:
        response = case.call(timeout=60)
        seen.add((case.method, case.path))
        assert response.status_code < 500, (case.method, case.path, response.text[:300])
        if response.status_code >= 400:
            media = response.headers.get("content-type") or [""]
            assert (media[0] if isinstance(media, list) else media).startswith("application/json"), response.text[:200]
            assert set(response.json()) >= {"error", "detail"}

    generated()
    assert len(seen) >= 10, seen  # the budget reached most operations
    assert snapshot(http) == before, "a generated request changed the store"
