"""Fixtures of the whole run, the doctests of ``alignkg/`` included (``tests/conftest.py`` serves only ``tests/``).

The doctests build their own ``Extractor()`` or ``KnowledgeGraph.in_memory()``, each loading the spaCy
pipeline (about 1 s). Here they share one pipeline per gazetteer and model, as the tests share the session's
extractor: the pipeline is only read once built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from alignkg.graph import Gazetteer


@pytest.fixture(scope="session")
def _shared_pipelines() -> dict[tuple[int, str | None], tuple[Gazetteer, Language]]:
    """Return the pipelines the doctests have built, by gazetteer (its id, kept alive beside it) and model."""
    return {}


@pytest.fixture(autouse=True)
def _doctests_share_one_pipeline(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """In a doctest, make ``Extractor`` build the pipeline of a gazetteer and model once per session."""
    if not isinstance(request.node, pytest.DoctestItem):
        yield
        return
    from alignkg.graph.extract import extractor

    built: dict[tuple[int, str | None], tuple[Gazetteer, Language]] = request.getfixturevalue("_shared_pipelines")
    build: Callable[..., Language] = extractor.build_nlp

    def shared(gazetteer: Gazetteer, *, model: str | None = None, **options: Any) -> Language:
        key = (id(gazetteer), model)
        if key not in built:
            built[key] = (gazetteer, build(gazetteer, model=model, **options))
        return built[key][1]

    monkeypatch.setattr(extractor, "build_nlp", shared)
    yield
