"""Shared fixtures: the gazetteer and the extractor are built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignkg.graph import Extractor, Gazetteer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def extractor(gazetteer: Gazetteer) -> Extractor:
    return Extractor(gazetteer)


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
