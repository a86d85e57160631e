"""The checkpoint store and its worker pool: reads see writes, checkpoints go, late queries are killed."""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from alignkg.graph import QueryLimitError, StoreError
from alignkg.graph.store.deadline import deadline
from alignkg.graph.store.oxigraph import OxigraphStore
from alignkg.graph.store.pool import CheckpointStore, _Process

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


# --- reopening the store, so that RocksDB's caches do not grow (docs/decisions/20261207-store-memory.md) ---------


def _insert(store: CheckpointStore, value: int) -> None:
    store.update(f"INSERT DATA {{ GRAPH <urn:new> {{ <urn:x> <urn:p> {value} }} }}")


def test_pool_reopens_the_store_after_reopen_every_writes(tmp_path):
    store = CheckpointStore(tmp_path / "store", timeout_s=30, workers=1, spare=0, reopen_every=3)
    try:
        for i in range(7):
            _insert(store, i)
            assert bool(store.query(f"ASK {{ <urn:x> <urn:p> {i} }}"))
        assert store.reopens == 2
        assert store.count() == 7  # nothing lost, and the reopened store still writes and reads
        _insert(store, 7)
        assert len(list(store.query("SELECT ?o WHERE { <urn:x> <urn:p> ?o }"))) == 8
    finally:
        store.close()


def test_pool_never_reopens_with_reopen_every_0(tmp_path):
    store = CheckpointStore(tmp_path / "store", timeout_s=30, workers=1, spare=0, reopen_every=0)
    try:
        for i in range(5):
            _insert(store, i)
        assert store.reopens == 0 and store.count() == 5
    finally:
        store.close()
    with pytest.raises(ValueError, match="reopen_every"):
        CheckpointStore(tmp_path / "other", reopen_every=-1)


class _HeldOutput(io.BytesIO):
    """An export's output whose first write waits until the test lets it go."""

    def __init__(self) -> None:
        super().__init__()
        self.writing = threading.Event()
        self.go = threading.Event()

    def write(self, data) -> int:  # type: ignore[override]
        self.writing.set()
        self.go.wait()
        return super().write(data)


def test_pool_reopens_only_when_nothing_uses_the_store(tmp_path):
    store = CheckpointStore(tmp_path / "store", timeout_s=30, workers=1, spare=0, reopen_every=2)
    try:
        _insert(store, 0)
        output = _HeldOutput()
        export = threading.Thread(target=store.dump, args=(output, RdfFormat.N_QUADS))
        export.start()
        assert output.writing.wait(30)
        for i in range(1, 5):
            _insert(store, i)  # writes go on while the export reads the store...
        assert store.reopens == 0  # ...but the store is not reopened under it
        output.go.set()
        export.join(30)
        assert not export.is_alive()
        assert store.reopens == 1  # the last one out reopened it
        assert b"<urn:x> <urn:p>" in output.getvalue()
        assert store.count() == 5
    finally:
        store.close()


def test_pool_a_failed_reopen_is_logged_and_tried_again(tmp_path, caplog):
    store = CheckpointStore(tmp_path / "store", timeout_s=30, workers=1, spare=0, reopen_every=1)
    try:
        _insert(store, 0)
        assert store.reopens == 1
        held = store._inner._store.quads_for_pattern(None, None, None)  # keeps the opening alive: no reopen
        _insert(store, 1)  # the write succeeds; the reopen due after it fails and is logged
        assert store.reopens == 1 and "reopening the store failed" in caplog.text
        with pytest.raises(StoreError, match="again"):
            store.count()  # the next call tries again, and says it cannot
        del held
        assert store.count() == 2  # once nothing holds the old opening, the next call reopens the store
        assert store.reopens == 2
    finally:
        store.close()


def test_oxigraph_store_reopen_keeps_the_data_and_refuses_in_memory(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    store.update("INSERT DATA { <urn:s> <urn:p> 1 }")
    store.reopen()
    assert store.is_open and store.count() == 1
    store.update("INSERT DATA { <urn:s> <urn:p> 2 }")
    assert store.count() == 2
    store.close()
    assert not store.is_open
    with pytest.raises(StoreError, match="on-disk"):
        OxigraphStore(None).reopen()


def test_pool_workers_cap_malloc_arenas_unless_the_environment_says(monkeypatch):
    for given, expected in ((None, b"2"), ("4", b"4")):
        if given is None:
            monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
        else:
            monkeypatch.setenv("MALLOC_ARENA_MAX", given)
        process = _Process()
        try:
            process.wait_ready(time.monotonic() + 60)
            environ = Path(f"/proc/{process.popen.pid}/environ")
            if environ.exists():  # Linux
                assert b"\0MALLOC_ARENA_MAX=" + expected + b"\0" in b"\0" + environ.read_bytes()
        finally:
            process.kill()
