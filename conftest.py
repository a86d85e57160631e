"""Fixtures of the whole run, the doctests of ``alignkg/`` included (``tests/conftest.py`` serves only ``tests/``).

The doctests build their own ``Extractor()`` or ``KnowledgeGraph.in_memory()``, and the command line run in
this process (``tests/app/cli``) its own ``KnowledgeGraph``, each loading the spaCy pipeline (about 1 s).
With :func:`shared_pipelines` they share one pipeline per gazetteer and model, as the tests share the
session's extractor: a pipeline is only read once built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from alignkg.graph import Gazetteer


@pytest.fixture(scope="session")
def shared_pipelines() -> Callable[[pytest.MonkeyPatch], None]:
    """Return a function that makes ``Extractor`` build each pipeline once per session while its monkeypatch holds.

    A pipeline is kept by gazetteer (its id, the gazetteer kept alive beside it) and model.
    """
    built: dict[tuple[int, str | None], tuple[Gazetteer, Language]] = {}

    def share(monkeypatch: pytest.MonkeyPatch) -> None:
        from alignkg.graph.extract import extractor

        build: Callable[..., Language] = extractor.build_nlp

        def shared(gazetteer: Gazetteer, *, model: str | None = None, **options: Any) -> Language:
            key = (id(gazetteer), model)
            if key not in built:
                built[key] = (gazetteer, build(gazetteer, model=model, **options))
            return built[key][1]

        monkeypatch.setattr(extractor, "build_nlp", shared)

    return share


@pytest.fixture(autouse=True)
def _doctests_share_one_pipeline(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """In a doctest, make ``Extractor`` build the pipeline of a gazetteer and model once per session."""
    if isinstance(request.node, pytest.DoctestItem):
        request.getfixturevalue("shared_pipelines")(monkeypatch)
    yield


#: The test files that take longest (~15-45 s each on one worker of the shared 2-core machine, measured with
#: ``--durations``). They run before all others: ``--dist loadfile`` hands whole files to the two workers in
#: collection order (``--no-loadscope-reorder`` in pyproject; by default xdist puts the files with the most tests
#: first, which left these few-test, long files for the end, one worker busy on one while the other idled).
#: The files that start several processes at once come first, together; the files with a bound on a time
#: (``test_http_hostile``; ``test_http_serve`` and ``test_pool``, left in collection order) come after them.
LONGEST_FIRST = (
    "tests/app/cli/test_ingest_killed.py",  # ~30-45 s: ingests stopped part-way, in processes that load spaCy
    "tests/graph/ingest/test_pipeline.py",  # ingests in two processes and on Dask clusters
    "tests/bench/test_bench_smoke_extract.py",  # ingest_bench's --jobs 2
    "tests/test_packaging.py",  # builds and installs the wheel
    "tests/bench/test_bench_smoke_http.py",  # ~35 s: 19 measurements of at least 1 s (wrk's shortest)
    "tests/app/http/test_http_write.py",
    "tests/app/http/test_http_cache.py",
    "tests/app/http/test_http_hostile.py",  # ~60 s
    "tests/bench/test_bench_smoke_store.py",
    "tests/graph/rdf/test_export.py",
    "tests/test_architecture.py",  # ~50 s when mypy has no cache (a fresh checkout), ~6 s with one
    "tests/bench/test_bench_smoke_deadline.py",
    "tests/app/http/test_http_limits.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the files of :data:`LONGEST_FIRST` first, in its order; the others keep theirs (a stable sort)."""
    rank = {path: i for i, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))
