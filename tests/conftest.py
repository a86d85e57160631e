"""Shared fixtures: the gazetteer and the extractor are built once per test session.

The gazetteer is the bundled one the library loads once per process (``default_gazetteer``), so the
extractor's spaCy pipeline is also the one the command line run in this process and the doctests use
(``pipelines`` in the root ``conftest.py``): one pipeline per worker, not two.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alignkg.graph import Extractor, Gazetteer
from alignkg.graph.gazetteer import default_gazetteer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def extractor(gazetteer: Gazetteer, pipelines) -> Extractor:
    """The session's extractor, on the session's pipeline of the bundled gazetteer (it parses a text once)."""
    return Extractor(gazetteer, nlp=pipelines(gazetteer))


@pytest.fixture(scope="session")
def triples(extractor: Extractor):
    """Return a function: text -> sorted set of (subject, type, object) extracted from it."""

    def run(text: str) -> list[tuple[str, str, str]]:
        result = extractor.extract(text, id="t")
        return sorted({(f.subject, f.type.value, f.object) for f in result.facts})

    return run


SEED_TEXT = (REPO / "data" / "articles" / "seed-distant-allies.txt").read_text(encoding="utf-8")


@pytest.fixture
def kg(extractor, gazetteer):
    from alignkg.graph import KnowledgeGraph

    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as graph:
        yield graph


@pytest.fixture
def seeded_kg(kg):
    import datetime as dt

    kg.ingest(SEED_TEXT, id="seed", published=dt.date(2025, 6, 24), title="Distant Allies",
              url="https://example.org/distant-allies", publisher="Example")
    return kg


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """Yield the URL of a live Oxigraph server (the ``oxigraph`` package), one per session, stopped at the end.

    It serves the union of its named graphs as the default graph, as the remote store requires
    (docs/deploy.md). Tests that use it clear it first (:func:`remote_store`).
    """
    import os
    import shutil
    import socket
    import subprocess
    import sys
    import time

    import httpx

    if os.environ.get("ALIGNKG_TEST_STORE_URL"):  # another server, started by bench/virtuoso_store.py
        yield os.environ["ALIGNKG_TEST_STORE_URL"]
        return
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert exe, "the oxigraph server is not installed: pip install -e '.[test]'"
    with socket.socket() as sock:  # a free port: the server binds it right after
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = tmp_path_factory.mktemp("oxigraph")
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen([exe, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}",  # noqa: S603
                                "--union-default-graph"], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (folder / "server.log").read_text()
            try:
                if httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=2).is_success:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "no oxigraph server: " + (folder / "server.log").read_text()
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture
def remote_url(oxigraph_server):
    """Return the URL of the session's SPARQL server, the graphs the tests write emptied.

    Only those graphs: with ``ALIGNKG_TEST_STORE_URL`` the server is another one (bench/virtuoso_store.py),
    which may hold graphs of its own.
    """
    from alignkg.graph.store.remote import RemoteStore

    store = RemoteStore(oxigraph_server, **_test_store_options())
    store.update("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } FILTER("
                 "STRSTARTS(STR(?g), 'https://w3id.org/alignkg/') || STRSTARTS(STR(?g), 'https://example.org/')) }")
    store.close()
    return oxigraph_server


def _test_store_options() -> dict[str, object]:
    """Return the credentials of the server given by ``ALIGNKG_TEST_STORE_URL`` (from ALIGNKG_TEST_STORE_*)."""
    import os

    user = os.environ.get("ALIGNKG_TEST_STORE_USER")
    return {} if user is None else {"user": user, "password": os.environ.get("ALIGNKG_TEST_STORE_PASSWORD", ""),
                                    "digest": os.environ.get("ALIGNKG_TEST_STORE_DIGEST") == "1"}
