"""Shared fixtures: the gazetteer and the extractor are built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import Extractor, Gazetteer

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
