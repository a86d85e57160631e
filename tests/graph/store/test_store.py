"""The store interface, run against the embedded store and a live Oxigraph server: same answers, plain values.

The remote store talks to the session's ``oxigraph serve`` (``oxigraph_server`` in tests/conftest.py);
the HTTP failures (server down, refused credentials, a transient 503) are real servers on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import io
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse

from alignkg.graph import KnowledgeGraph
from alignkg.graph.errors import InvalidInputError, QueryLimitError, QuerySyntaxError, StoreError
from alignkg.graph.store.oxigraph import OxigraphStore
from alignkg.graph.store.remote import RemoteStore
from alignkg.graph.store.results import Solutions
from tests.conftest import SEED_TEXT, _test_store_options

EX = "https://example.org/"
G1, G2 = NamedNode(EX + "g1"), NamedNode(EX + "g2")
A, B, P = NamedNode(EX + "a"), NamedNode(EX + "b"), NamedNode(EX + "p")
QUADS = [Quad(A, P, B, G1), Quad(A, P, Literal("tab\there \"quoted\"", language="en"), G1),
         Quad(A, P, B, G2), Quad(B, P, Literal(7), G2)]


@pytest.fixture(params=["embedded", "remote"])
def store(request):
    if request.param == "embedded":
        store = OxigraphStore(None)
    else:
        store = RemoteStore(request.getfixturevalue("remote_url"), batch_quads=3, graph_prefix=EX,
                            **_test_store_options())
    yield store
    store.close()


def test_store_answers_plain_values(store):
    store.insert(QUADS)
    rows = store.query("SELECT ?o WHERE { GRAPH ?g { ?s ex:p ?o } }", prefixes={"ex": EX})
    assert isinstance(rows, Solutions) and rows.variables == ("o",)
    values = sorted((row["o"] for row in rows), key=str)
    assert values == sorted([Literal(7), B, B, Literal("tab\there \"quoted\"", language="en")], key=str)
    assert store.query("ASK { ?s ?p 7 }") is True and store.query("ASK { ?s ?p 8 }") is False
    triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {G2} {{ ?s ?p ?o }} }}")
    assert not isinstance(triples, (bool, Solutions))
    assert sorted(map(str, triples)) == sorted(str(Triple(q.subject, q.predicate, q.object)) for q in QUADS[2:])


def test_store_default_graph_is_the_union_of_the_graphs(store):
    store.insert(QUADS)
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {A} ?p ?o }}")
    # Oxigraph's union gives (a p b) once per graph that holds it, the embedded store and the server alike
    assert [row["n"].value for row in rows] == ["3"]


def test_store_insert_and_update_are_idempotent(store):
    store.insert(QUADS)
    store.insert(QUADS)
    assert store.count() == 4
    store.update(f"DELETE DATA {{ GRAPH {G1} {{ {A} {P} {B} }} }}")
    store.update(f"DELETE DATA {{ GRAPH {G1} {{ {A} {P} {B} }} }}")
    assert store.count() == 3
    store.bulk_insert(QUADS * 2)  # the remote store sends it in requests of 3 quads
    assert store.count() == 4


def test_store_caps_and_syntax_errors(store):
    store.insert(QUADS)
    with pytest.raises(QueryLimitError) as err:
        store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", max_rows=3)
    assert err.value.code == "result_too_large"
    with pytest.raises(QuerySyntaxError):
        store.query("SELECT ?x WHERE {")
    with pytest.raises(QuerySyntaxError):
        store.update("INSERT DATA { oops }")
    assert store.count() == 4


def test_store_dump_and_load_round_trip(store):
    store.insert(QUADS)
    out = io.BytesIO()
    store.dump(out, RdfFormat.N_QUADS)
    assert set(parse(out.getvalue(), RdfFormat.N_QUADS)) == set(QUADS)
    union = io.BytesIO()
    store.dump(union, RdfFormat.N_TRIPLES)
    assert len(union.getvalue().splitlines()) == 3  # each triple of the union once
    one = io.BytesIO()
    store.dump(one, RdfFormat.TURTLE, graph=G2.value, prefixes={"ex": EX})
    assert b"@prefix ex:" in one.getvalue()
    assert {(t.subject, t.predicate, t.object) for t in parse(one.getvalue(), RdfFormat.TURTLE)} == {
        (q.subject, q.predicate, q.object) for q in QUADS[2:]}
    store.update(f"DROP SILENT GRAPH {G1} ; DROP SILENT GRAPH {G2}")
    store.load(io.BytesIO(out.getvalue()), RdfFormat.N_QUADS)
    assert store.count() == 4
    with pytest.raises(QuerySyntaxError):
        store.load(io.BytesIO(b"<a> <b> ."), RdfFormat.N_QUADS)
    assert store.count() == 4


def _graph_state(kg: KnowledgeGraph) -> dict[str, object]:
    nquads = io.BytesIO()
    kg.export(nquads, format="nquads")
    return {"facts": sorted((f.subject, f.type.value, f.object, f.articles, f.first_seen) for f in kg.facts()),
            "articles": kg.article_ids(), "stats": {k: v for k, v in kg.stats().items()},
            "pattern": sorted(r["x"] for r in kg.query("?x non_intervention IRN")),
            "networkx": [(u, v, key, data) for u, v, key, data in kg.to_networkx().edges(keys=True, data=True)],
            "quads": set(parse(nquads.getvalue(), RdfFormat.N_QUADS))}


def test_remote_graph_gives_the_answers_of_the_embedded_one(remote_url, extractor, gazetteer):
    """Same answers, same idempotence, same article deletion, through KnowledgeGraph."""
    options = {"gazetteer": gazetteer, "extractor": extractor}
    with KnowledgeGraph.in_memory(**options) as local, KnowledgeGraph.connect(
            remote_url, **options, **_test_store_options()) as remote:
        empty = _graph_state(remote)
        assert empty == _graph_state(local)
        states = []
        for kg in (local, remote):
            kg.ingest(SEED_TEXT, id="seed", published=dt.date(2025, 6, 24), url="https://example.org/seed")
            first = _graph_state(kg)
            kg.ingest(SEED_TEXT, id="seed", published=dt.date(2025, 6, 24), url="https://example.org/seed")
            assert _graph_state(kg) == first  # ingesting again changes nothing
            pairs = [kg.extract("Iran sold drones to Russia.", id="b1"), kg.extract("Russia bought jets.", id="b2")]
            assert list(kg.ingest_batch(pairs, atomic=False)) == [("b1", True), ("b2", True)]
            states.append(_graph_state(kg))
            kg.delete_article("b1")
            kg.delete_article("b2")
            kg.delete_article("seed")
            states.append(_graph_state(kg))
        assert states[0] == states[2] and states[0]["stats"]["articles"] == 3
        assert states[1] == states[3] == empty


def test_remote_graph_open_takes_an_http_url_for_the_server(remote_url, gazetteer, extractor):
    with KnowledgeGraph.open(remote_url, gazetteer=gazetteer, extractor=extractor) as kg:
        assert isinstance(kg.store, RemoteStore) and kg.article_ids() == []


def test_remote_graph_on_disk_url_is_never_a_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for location in (Path("http://127.0.0.1:1"), "ftp://example.org/store"):
        with pytest.raises(InvalidInputError, match="is a URL, not a folder"):
            KnowledgeGraph.open(location)
    assert list(tmp_path.iterdir()) == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_remote_store_down_is_a_store_error():
    url = f"http://me:secret@127.0.0.1:{_free_port()}"
    with pytest.raises(StoreError, match=r"cannot reach the SPARQL store at http://127\.0\.0\.1:\d+ .*is it running"
                                         r".*tried 2 times") as err:
        KnowledgeGraph.connect(url, retries=1)
    assert "secret" not in str(err.value)


class _Server(ThreadingHTTPServer):
    """A real HTTP server on a free port, in a thread, for the failures Oxigraph does not make."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
        self.thread.join()


def test_remote_store_refused_credentials_are_a_store_error():
    class Refuse(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with _Server(Refuse) as url, pytest.raises(StoreError, match=r"refused the query \(HTTP 401\)") as err:
        KnowledgeGraph.connect(url, user="me", password="secret")
    assert "secret" not in str(err.value)


def test_remote_store_retries_a_transient_failure(remote_url):
    """The first request gets 503 from a proxy in front of the server; the retry reaches the server."""
    seen: list[int] = []

    class FlakyProxy(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append(len(seen))
            if len(seen) == 1:
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            answer = httpx.post(remote_url + self.path, content=body, headers={
                "Content-Type": self.headers["Content-Type"], "Accept": self.headers.get("Accept", "*/*")})
            self.send_response(answer.status_code)
            self.send_header("Content-Type", answer.headers.get("content-type", "text/plain"))
            self.send_header("Content-Length", str(len(answer.content)))
            self.end_headers()
            self.wfile.write(answer.content)

        def log_message(self, *args: object) -> None:
            pass

    with _Server(FlakyProxy) as url:
        store = RemoteStore(url, backoff_s=0.01)
        try:
            assert store.query("ASK {}") is True
        finally:
            store.close()
    assert len(seen) == 2


def test_remote_store_silent_server_times_out():
    with socket.socket() as sock:  # accepts connections, never answers
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        store = RemoteStore(f"http://127.0.0.1:{sock.getsockname()[1]}", timeout_s=0.2, retries=0)
        with pytest.raises(StoreError, match="did not answer within 0.2 s"):
            store.query("ASK {}")
        with KnowledgeGraph.deadline(0.1), pytest.raises(QueryLimitError):
            store.query("ASK {}")
        store.close()
