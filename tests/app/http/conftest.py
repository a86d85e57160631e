"""Fixtures of the HTTP suite: real uvicorn servers on free ports, over copies of one seeded store.

The store seeded with the bundled articles is built once per session; every server
gets its own copy of it (an on-disk store can be open only once). ``live_server`` is
shared by the read-only tests, which must leave its store unchanged; tests that write
or need other settings start their own server with ``fresh_server`` (stopped at the test's end)
or ``server_factory`` (for module fixtures: stopped at the module's end), so that the query
workers of servers no longer used do not pile up.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from http_helpers import KEY, ORIGIN, OTHER_KEY, LiveServer, snapshot, start_server, stop_server

from alignkg.app.api.main import open_graph
from alignkg.app.cli.serve import seed
from alignkg.app.settings import Settings
from alignkg.graph import KnowledgeGraph


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory, gazetteer, extractor) -> Path:
    """A store holding the bundled articles, built once (about 2 s)."""
    path = tmp_path_factory.mktemp("seeded") / "store"
    with KnowledgeGraph.open(path, gazetteer=gazetteer, extractor=extractor) as kg:
        assert seed(kg) == 11
    return path


def _servers(seeded_store: Path, tmp_path_factory, gazetteer, extractor) -> Iterator[Callable[..., LiveServer]]:
    """Yield a function starting a server with the given settings over a fresh copy of the seeded store.

    ``spare`` is the number of query workers the server keeps started and idle. By default none: the
    server's first query (as it opens the store) starts one, which is then kept and answers the test's
    client, which sends one request at a time (a worker takes ~0.3-0.4 s of CPU to start, and the suite
    starts ~40 servers; with 1 spare each server started a second worker as the first was taken). A server
    whose deadline is shorter than a worker's start keeps 1, so that a query finds a worker started after
    one is killed at its deadline. None keeps as many as ``alignkg serve`` does (``max_client_requests + 1``),
    for the tests of concurrent clients, where the next client's query must find a worker started.
    """
    started: list[LiveServer] = []

    def make(*, spare: int | None = 0, **settings: Any) -> LiveServer:
        copy = tmp_path_factory.mktemp("store") / "store"
        shutil.copytree(seeded_store, copy)
        config = Settings(store_path=copy, **settings)
        # As alignkg serve opens it: queries in worker processes, stopped at their deadline.
        kept = {} if spare is None else {"query_spare": spare}
        kg = open_graph(config, gazetteer=gazetteer, extractor=extractor, **kept)
        live = start_server(config, kg)
        started.append(live)
        return live

    yield make
    for live in started:
        stop_server(live)
        live.kg.close()


@pytest.fixture(scope="module")
def server_factory(seeded_store, tmp_path_factory, gazetteer, extractor):
    """Start servers of a test module's own; they stop (with their query workers) when the module ends."""
    yield from _servers(seeded_store, tmp_path_factory, gazetteer, extractor)


@pytest.fixture
def fresh_server(seeded_store, tmp_path_factory, gazetteer, extractor):
    """Start servers of a test's own; they stop (with their query workers) when the test ends."""
    yield from _servers(seeded_store, tmp_path_factory, gazetteer, extractor)


@pytest.fixture(scope="session")
def _session_servers(seeded_store, tmp_path_factory, gazetteer, extractor):
    yield from _servers(seeded_store, tmp_path_factory, gazetteer, extractor)


@pytest.fixture(scope="session")
def live_server(_session_servers) -> LiveServer:
    """The shared server: one API key, one CORS origin, default limits. Tests must not change its store.

    Its clients send one request at a time (the concurrent-client tests have servers of their own), so it keeps
    no spare query worker: the one its first query starts answers them all (5 kept ready started 4 workers more
    in each test process that uses it, ~1 s of CPU).
    """
    return _session_servers(api_keys=[KEY, OTHER_KEY], cors_origins=[ORIGIN])


@pytest.fixture(scope="session")
def http(live_server) -> Iterator[httpx.Client]:
    with live_server.client() as client:
        yield client


@pytest.fixture
def writable_server(fresh_server) -> LiveServer:
    """A server of its own for a test that writes."""
    return fresh_server(api_keys=[KEY])


@pytest.fixture
def unchanged(http) -> Iterator[Callable[[], None]]:
    """Check, at the end of the test, that the shared server's store is exactly as it was at its start."""
    before = snapshot(http)
    yield lambda: None
    assert snapshot(http) == before, "the store changed"
