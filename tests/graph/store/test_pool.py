"""The checkpoint store and its worker pool: reads see writes, checkpoints go, late queries are killed."""

from __future__ import annotations

import os
import threading
import time

import pytest

from alignkg.graph import QueryLimitError, StoreError
from alignkg.graph.store.deadline import deadline
from alignkg.graph.store.pool import CheckpointStore

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture
def store(tmp_path):
    opened = CheckpointStore(tmp_path / "store", timeout_s=30, workers=2, spare=1)
    opened.update("INSERT DATA { " + " ".join(f"GRAPH <urn:g{i}> {{ <urn:s{i}> <urn:p> {i} }}" for i in range(60))
                  + " }")
    yield opened
    opened.close()


def test_pool_reads_see_the_write_before_them(store):
    for i in range(3):
        store.update(f"INSERT DATA {{ GRAPH <urn:new> {{ <urn:x> <urn:p> {100 + i} }} }}")
        assert bool(store.query(f"ASK {{ <urn:x> <urn:p> {100 + i} }}"))
    assert len(list(store.query("SELECT ?o WHERE { <urn:x> <urn:p> ?o }"))) == 3


def test_pool_keeps_only_the_checkpoints_in_use(store, tmp_path):
    for i in range(5):
        store.update(f"INSERT DATA {{ GRAPH <urn:new> {{ <urn:x> <urn:p> {i} }} }}")
        store.query("ASK {}")
    folders = list((tmp_path / ".store.checkpoints").iterdir())
    assert len(folders) == 1, folders
    store.close()
    assert not (tmp_path / ".store.checkpoints").exists()


def test_pool_kills_a_late_query_and_its_cpu_stops(store):
    store.query("ASK {}")
    with pytest.raises(QueryLimitError) as caught, deadline(0.5):
        store.query(ENDLESS)
    assert caught.value.code == "query_timeout"
    for pid in store.pool.pids():
        os.kill(pid, 0)  # the workers left are alive; the late one is gone (the pool holds no dead one)
    assert list(store.query("SELECT ?s WHERE { ?s <urn:p> 1 }"))


def test_pool_row_and_byte_caps_apply_in_the_worker(store):
    with pytest.raises(QueryLimitError, match="more than 10 rows") as rows:
        store.query("SELECT ?s WHERE { ?s <urn:p> ?o }", max_rows=10)
    assert rows.value.code == "result_too_large"
    with pytest.raises(QueryLimitError, match="larger than 200 bytes"):
        store.query("SELECT ?s WHERE { ?s <urn:p> ?o }", max_bytes=200)


def test_pool_close_ends_a_running_query_at_once(store):
    store.query("ASK {}")
    failure: list[BaseException] = []

    def run() -> None:
        try:
            store.query(ENDLESS)
        except (StoreError, QueryLimitError) as err:
            failure.append(err)

    runner = threading.Thread(target=run)
    runner.start()
    time.sleep(0.5)
    started = time.monotonic()
    store.pool.close()
    runner.join(timeout=10)
    assert not runner.is_alive() and time.monotonic() - started < 10
    assert failure and isinstance(failure[0], StoreError)


def test_pool_check_refuses_updates_and_service_in_a_worker(store):
    from alignkg.graph import QueryRefusedError

    with pytest.raises(QueryRefusedError, match="DROP"):
        store.check("DROP ALL")
    with pytest.raises(QueryRefusedError, match="SERVICE"):
        store.check("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert store.check("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", allow_service=True).service
