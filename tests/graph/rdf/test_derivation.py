"""The batch ingest (derived values computed in Python) leaves the store exactly as one Update per article does."""

from __future__ import annotations

import datetime as dt

import pytest

from alignkg.graph import KnowledgeGraph
from alignkg.graph.errors import ConflictError
from alignkg.graph.store.oxigraph import OxigraphStore
from tests.conftest import REPO

DIRECTED = "Iran sold drones to Russia."
UNDIRECTED = "Iran's drone deals with Russia worried the West."


@pytest.fixture(scope="module")
def bundled(extractor):
    """The bundled articles with their extractions, dated from their file names."""
    pairs = []
    for path in sorted((REPO / "data" / "articles").glob("*.txt")):
        published = dt.date.fromisoformat(path.stem[:10]) if path.stem[:4].isdigit() else None
        with KnowledgeGraph.in_memory(extractor=extractor) as kg:
            pairs.append(kg.extract(path.read_text("utf-8"), id=path.stem, published=published,
                                    url=f"https://example.org/{path.stem}"))
    return pairs


def _quads(kg: KnowledgeGraph) -> set[str]:
    return {str(q) for q in kg.store._store}  # noqa: SLF001 - the raw quads are what is compared


def _without_records(kg: KnowledgeGraph) -> set[str]:
    """The quads outside the curation graph: its records carry their time and a random id."""
    return {q for q in _quads(kg) if not q.endswith("graph/curation> .") and not q.endswith("graph/curation>")}


def _one_by_one(pairs, extractor) -> KnowledgeGraph:
    kg = KnowledgeGraph.in_memory(extractor=extractor)
    for article, extraction in pairs:
        kg.ingest_extraction(article, extraction)
    return kg


@pytest.mark.parametrize("atomic", [True, False])
@pytest.mark.parametrize("batch", [1, 4, 500])
def test_derivation_batch_ingest_writes_the_quads_of_one_update_per_article(bundled, extractor, batch, atomic):
    with _one_by_one(bundled, extractor) as old, KnowledgeGraph.in_memory(extractor=extractor) as new:
        changed = list(new.ingest_batch(bundled, batch=batch, atomic=atomic))
        assert changed == [(a.id, True) for a, _ in bundled]
        assert _quads(new) == _quads(old)
        assert list(new.ingest_batch(bundled, batch=batch)) == [(a.id, False) for a, _ in bundled]
        assert _quads(new) == _quads(old)
        for article, _ in bundled[::3]:
            old.delete_article(article.id)
            new.delete_article(article.id)
        assert _quads(new) == _quads(old)


def test_derivation_batch_ingest_on_a_store_with_facts_and_a_retraction(bundled, extractor):
    first, second = bundled[:6], bundled[6:]
    with _one_by_one(first, extractor) as old, KnowledgeGraph.in_memory(extractor=extractor) as new:
        list(new.ingest_batch(first))
        for kg in (old, new):
            fact = next(kg.facts())
            kg.retract_fact(fact, reason="test", by="tester")
        for article, extraction in second + first[:2]:
            old.ingest_extraction(article, extraction)
        list(new.ingest_batch(second + first[:2], batch=3))
        assert _without_records(new) == _without_records(old)


@pytest.mark.parametrize("texts", [(UNDIRECTED, DIRECTED), (DIRECTED, UNDIRECTED), (UNDIRECTED, UNDIRECTED)])
@pytest.mark.parametrize("batch", [1, 2])
def test_derivation_undirected_evidence_moves_as_it_does_one_by_one(extractor, texts, batch):
    with KnowledgeGraph.in_memory(extractor=extractor) as old, KnowledgeGraph.in_memory(extractor=extractor) as new:
        pairs = [old.extract(text, id=f"a{i}", published=dt.date(2024, 1, 1 + i)) for i, text in enumerate(texts)]
        for article, extraction in pairs:
            old.ingest_extraction(article, extraction)
        list(new.ingest_batch(pairs, batch=batch))
        assert _quads(new) == _quads(old)


def test_derivation_same_id_twice_in_a_batch_and_a_conflict(extractor):
    with KnowledgeGraph.in_memory(extractor=extractor) as kg:
        a = kg.extract(DIRECTED, id="a")
        b = kg.extract(UNDIRECTED, id="b")
        assert list(kg.ingest_batch([a, a, b])) == [("a", True), ("a", False), ("b", True)]
        other = kg.extract("Japan condemned North Korea.", id="a")
        c = kg.extract("Israel struck Iran.", id="c")
        with pytest.raises(ConflictError):
            list(kg.ingest_batch([c, other]))
        assert kg.article_ids() == ["a", "b", "c"]
        assert list(kg.ingest_batch([other], replace=True)) == [("a", True)]
        assert sorted(f.type.value for f in kg.facts()) == ["arms_transfer", "condemnation", "military_strike"]


class _CountingStore(OxigraphStore):
    """An in-memory store that counts the flushes asked of it."""

    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def test_derivation_flush_counts_articles_over_calls(extractor):
    # The ingest pipeline calls ingest_batch once per batch of articles: the count of articles since the last
    # flush must run over its calls, or a long ingest of small batches never flushes RocksDB's memtables.
    store = _CountingStore()
    with KnowledgeGraph(store, extractor=extractor) as kg:
        pairs = [kg.extract(f"Iran sold drones to Russia. Japan condemned Iran {i}.", id=f"a{i}") for i in range(5)]
        for pair in pairs:
            list(kg.ingest_batch([pair], flush_every=2))
        assert store.flushes == 2
