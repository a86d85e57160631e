"""The write generation of a store: moves after every write (failed ones too), never on a read; None for a remote.

The HTTP service's response cache keeps answers under it (docs/decisions/20261207-response-cache.md),
so a write that did not move it would let a stale answer out.
"""

from __future__ import annotations

import io

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from alignkg.graph import KnowledgeGraph
from alignkg.graph.errors import QuerySyntaxError
from alignkg.graph.store.oxigraph import OxigraphStore
from alignkg.graph.store.pool import CheckpointStore
from alignkg.graph.store.remote import RemoteStore

EX = "https://example.org/"
QUAD = Quad(NamedNode(EX + "s"), NamedNode(EX + "p"), Literal("o"), NamedNode(EX + "g"))


def _writes(store: OxigraphStore | CheckpointStore) -> None:
    """Write through every write method of a store, checking that each moves the generation and reads do not."""
    steps = [lambda: store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}p> 1 }} }}"),
             lambda: store.insert([QUAD]),
             lambda: store.bulk_insert([QUAD]),
             lambda: store.load(io.BytesIO(f'<{EX}b> <{EX}p> "2" <{EX}g> .\n'.encode()), RdfFormat.N_QUADS)]
    for step in steps:
        before = store.generation
        step()
        assert store.generation > before
        store.query("SELECT * WHERE { ?s ?p ?o }")
        store.count()
        store.flush()
        assert store.generation == before + 1
    before = store.generation
    with pytest.raises(QuerySyntaxError):
        store.update("INSERT DATA {")
    assert store.generation > before  # a write that failed may have changed something: never trust the cache


def test_embedded_store_counts_its_writes(tmp_path):
    for store in (OxigraphStore(None), OxigraphStore(tmp_path / "s")):
        _writes(store)
        store.close()


def test_checkpoint_store_counts_its_writes_and_the_next_read_sees_them(tmp_path):
    store = CheckpointStore(tmp_path / "store", timeout_s=30, workers=1, spare=0)
    try:
        _writes(store)
        before = store.generation
        store.update(f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}fresh> <{EX}p> 3 }} }}")
        assert store.generation == before + 1
        assert store.query(f"ASK {{ <{EX}fresh> ?p ?o }}") is True  # read after the number moved: the write is there
    finally:
        store.close()


def test_remote_store_has_no_generation():
    assert RemoteStore("http://127.0.0.1:9").generation is None


def test_every_write_of_the_graph_moves_its_generation(gazetteer, extractor):
    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as kg:  # the session's (no spaCy load)
        seen = [kg.generation]
        kg.ingest("Iran sold drones to Russia.", id="a1")
        seen.append(kg.generation)
        kg.retract_fact(next(iter(kg.facts())), reason="test", by="ana")
        seen.append(kg.generation)
        kg.ingest("Japan condemned Iran.", id="a2")
        seen.append(kg.generation)
        kg.refresh()  # writes what it derives (there are facts to derive for)
        seen.append(kg.generation)
        kg.delete_article("a1")
        seen.append(kg.generation)
        kg.stats()
        list(kg.facts())
        assert seen == sorted(set(seen)) and kg.generation == seen[-1]
