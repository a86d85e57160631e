"""Curation over HTTP: assertions, retractions and reversals with a write key, their records in /facts/{id}."""

from __future__ import annotations

import hashlib

from http_helpers import KEY, assert_error, auth, snapshot

ASSERTION = {"subject": "Iran", "type": "arms_transfer", "object": "Venezuela",
             "url": "https://example.org/drones", "sentence": "Iran delivered drones to Venezuela on Tuesday.",
             "published": "2025-01-09", "by": "ana", "reason": "missed by the extractor"}


def test_http_assertion_and_retraction_round_trip_with_their_records(writable_server):
    with writable_server.client() as http:
        created = http.post("/curations/assertions", json=ASSERTION, headers=auth())
        assert created.status_code == 201, created.text
        record = created.json()
        assert (record["kind"], record["by"], record["active"]) == ("assertion", "ana", True)
        assert record["key"] == hashlib.sha256(KEY.encode()).hexdigest()[:12]
        fact = http.get(record["links"]["fact"]).json()
        assert (fact["subject"], fact["object"], fact["event_date"]) == ("IRN", "VEN", "2025-01-07")
        assert [c["id"] for c in fact["curations"]] == [record["id"]]
        (evidence,) = fact["evidence"]
        assert evidence["curation"] == record["id"] and evidence["links"] == {"curation": record["links"]["self"]}

        retracted = http.post("/curations/retractions", headers=auth(),
                              json={"fact": fact["id"], "reason": "a Turkish drone", "by": "bob"})
        assert retracted.status_code == 201, retracted.text
        assert http.get("/facts", params={"subject": "IRN", "object": "VEN"}).json()["total"] == 0
        shown = http.get(f"/facts/{fact['id']}").json()
        assert shown["retracted"] is True and [c["kind"] for c in shown["curations"]] == ["assertion", "retraction"]
        dyad = http.get("/analysis/dyad", params={"a": "IRN", "b": "VEN"}).json()
        assert dyad["facts"] == []

        reverted = http.post(f"/curations/{retracted.json()['id']}/reversals", json={}, headers=auth())
        assert reverted.status_code == 201 and reverted.json()["by"] == f"key {record['key']}"
        assert http.get("/facts", params={"subject": "IRN", "object": "VEN"}).json()["total"] == 1
        listed = http.get("/curations", params={"fact": fact["id"]}).json()
        assert [c["kind"] for c in listed["curations"]] == ["assertion", "retraction", "reversal"]
        assert listed["curations"][1]["reverted_by"] == reverted.json()["id"]
        assert http.get(f"/curations/{record['id']}").json() == http.get(record["links"]["self"]).json()


def test_http_curation_needs_the_write_key_and_good_input(writable_server):
    with writable_server.client() as http:
        before = snapshot(http)
        assert_error(http.post("/curations/assertions", json=ASSERTION), 401, "unauthorized")
        assert_error(http.post("/curations/assertions", json={**ASSERTION, "object": "Atlantis"}, headers=auth()),
                     400, "unknown_state")
        assert_error(http.post("/curations/assertions", json={**ASSERTION, "url": "ftp://x"}, headers=auth()),
                     400, "invalid_request")
        assert_error(http.post("/curations/retractions", json={"fact": "0000", "reason": "x"}, headers=auth()),
                     404, "not_found")
        assert_error(http.post("/curations/retractions", json={"fact": "0000"}, headers=auth()),
                     400, "invalid_request")
        assert_error(http.post("/curations/0000/reversals", json={}, headers=auth()), 404, "not_found")
        assert_error(http.get("/curations/0000"), 404, "not_found")
        assert snapshot(http) == before


def test_http_retracting_twice_is_a_conflict(writable_server):
    with writable_server.client() as http:
        fact = http.get("/facts", params={"limit": 1}).json()["facts"][0]
        body = {"fact": fact["id"], "reason": "wrong"}
        assert http.post("/curations/retractions", json=body, headers=auth()).status_code == 201
        assert_error(http.post("/curations/retractions", json=body, headers=auth()), 409, "conflict")
