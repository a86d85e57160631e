"""Fixtures of the web page suite: a live server over the bundled articles, and a headless Chromium.

Servers are started as in the HTTP suite (uvicorn in a thread on a free port of 127.0.0.1,
``tests/app/http/http_helpers.py``); the store is in memory, seeded once per session with
the bundled articles, and read only.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from alignkg.app.cli.serve import seed
from alignkg.app.settings import Settings
from alignkg.graph import KnowledgeGraph

# The server helpers of the HTTP suite; pytest puts their folder on sys.path only once it collects that suite.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "http"))
from http_helpers import KEY, LiveServer, start_server, stop_server  # noqa: E402


@pytest.fixture(scope="session")
def bundled_kg(gazetteer, extractor) -> Iterator[KnowledgeGraph]:
    """An in-memory graph holding the bundled articles (about 2 s to build)."""
    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as kg:
        assert seed(kg) == 11
        yield kg


@pytest.fixture(scope="session")
def web_server(bundled_kg, tmp_path_factory) -> Iterator[LiveServer]:
    """A server with open reads over the bundled articles."""
    live = start_server(Settings(store_path=tmp_path_factory.mktemp("unused") / "store"), bundled_kg)
    yield live
    stop_server(live)


@pytest.fixture(scope="session")
def keyed_server(bundled_kg, tmp_path_factory) -> Iterator[LiveServer]:
    """A server over the same graph that requires a key for reads."""
    live = start_server(Settings(store_path=tmp_path_factory.mktemp("unused") / "store", api_keys=[KEY],
                                 require_read_key=True), bundled_kg)
    yield live
    stop_server(live)
