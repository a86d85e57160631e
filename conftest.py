"""Fixtures of the whole run, the doctests of ``alignkg/`` included (``tests/conftest.py`` serves only ``tests/``).

The doctests build their own ``Extractor()`` or ``KnowledgeGraph.in_memory()``, and the command line run in
this process (``tests/app/cli``) its own ``KnowledgeGraph``, each loading the spaCy pipeline (about 2 s of
CPU). With :func:`shared_pipelines` they share one pipeline per gazetteer and model with each other and with
the tests' session extractor (``tests/conftest.py``): a pipeline is only read once built.

That pipeline parses each text once per worker (:class:`ParseCache`): the suite extracts the same texts again
and again (the bundled articles in every store it seeds, the seed article of every ``seeded_kg``), and spaCy's
parse was ~80% of the extraction's CPU; a repeated text gets a copy of its first parse (~3% of a parse's cost),
which is the parse spaCy would give again, and the whole extraction still runs on it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from alignkg.graph import Gazetteer


class ParseCache:
    """A spaCy pipeline (any attribute is the pipeline's) that parses a text once and hands out copies of that parse.

    ``nlp(text)`` and ``nlp.pipe(texts)`` of a text parsed before give a new ``Doc`` read from the bytes of
    its first parse, taken before anyone used it (the extraction repairs a parse in place, so a parse is
    never handed out twice); a text not parsed before goes to the pipeline, ``nlp(text)`` as ``nlp(text)``
    and ``nlp.pipe`` in batches of the same size. The copy holds the parse's text, tokens, tags, heads,
    relations, lemmas, sentence starts and span groups (the actors); only the tok2vec tensor is left out,
    which nothing downstream reads. Inputs that are not strings (the parser's evaluation pipes docs) and
    calls with other options go to the pipeline unchanged. :func:`real_parses` turns the copies off for a
    test whose behaviour is the parse itself (parses in several threads at once, or how long one takes).
    """

    def __init__(self, nlp: Language, switch: Pipelines) -> None:
        self.nlp = nlp
        self._switch = switch
        self._parses: dict[str, bytes] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def __call__(self, text: str | Doc, **options: Any) -> Doc:
        """Return the parse of ``text``: a copy of its first parse if it was parsed before."""
        if options or not isinstance(text, str) or not self._switch.parse_once:
            return self.nlp(text, **options)
        if text in self._parses:
            return self._copy(text)
        return self._keep(text, self.nlp(text))

    def pipe(self, texts: Iterable[Any], *, as_tuples: bool = False, batch_size: int | None = None,
             **options: Any) -> Iterator[Any]:
        """Yield the parses of ``texts`` (with their contexts if ``as_tuples``), in order, as ``Language.pipe``."""
        if options or not self._switch.parse_once:
            return self.nlp.pipe(texts, as_tuples=as_tuples, batch_size=batch_size, **options)
        return self._pipe(iter(texts), as_tuples, batch_size or self.nlp.batch_size)

    def _pipe(self, items: Iterator[Any], as_tuples: bool, size: int) -> Iterator[Any]:
        while chunk := list(itertools.islice(items, size)):
            inputs = [item[0] for item in chunk] if as_tuples else chunk
            if all(isinstance(text, str) for text in inputs):
                missing = list(dict.fromkeys(text for text in inputs if text not in self._parses))
                fresh = {text: self._keep(text, doc)
                         for text, doc in zip(missing, self.nlp.pipe(missing, batch_size=size), strict=True)}
                docs = [fresh.pop(text) if text in fresh else self._copy(text) for text in inputs]
            else:
                docs = list(self.nlp.pipe(inputs, batch_size=size))
            yield from zip(docs, (item[1] for item in chunk), strict=True) if as_tuples else docs

    def _keep(self, text: str, doc: Doc) -> Doc:
        self._parses[text] = doc.to_bytes(exclude=["tensor"])
        return doc

    def _copy(self, text: str) -> Doc:
        from spacy.tokens import Doc

        return Doc(self.nlp.vocab).from_bytes(self._parses[text])


class Pipelines:
    """The session's pipelines, one per gazetteer (its id, the gazetteer kept alive beside it) and model."""

    def __init__(self) -> None:
        self.parse_once = True  # read by every ParseCache of the session; False: parse everything afresh
        self._built: dict[tuple[int, str | None], tuple[Gazetteer, ParseCache]] = {}

    def __call__(self, gazetteer: Gazetteer, *, model: str | None = None, **options: Any) -> ParseCache:
        """Return the pipeline of ``gazetteer`` and ``model``, built on first use (``build_nlp``'s arguments)."""
        from alignkg.graph.extract import pipeline

        key = (id(gazetteer), model)
        if key not in self._built:
            self._built[key] = (gazetteer, ParseCache(pipeline.build_nlp(gazetteer, model=model, **options), self))
        return self._built[key][1]


@pytest.fixture(scope="session")
def pipelines() -> Pipelines:
    """The session's spaCy pipelines: the tests' extractor (``tests/conftest.py``) and :func:`shared_pipelines`."""
    return Pipelines()


@pytest.fixture(scope="session")
def shared_pipelines(pipelines: Pipelines) -> Callable[..., None]:
    """Return a function that makes ``Extractor`` use the session's pipelines while its monkeypatch holds.

    ``parse_once=False`` hands out the pipelines themselves, without :class:`ParseCache`: the benchmark
    scripts time the parse.
    """

    def share(monkeypatch: pytest.MonkeyPatch, *, parse_once: bool = True) -> None:
        from alignkg.graph.extract import extractor

        def shared(gazetteer: Gazetteer, **options: Any) -> Any:
            cache = pipelines(gazetteer, **options)
            return cache if parse_once else cache.nlp

        monkeypatch.setattr(extractor, "build_nlp", shared)

    return share


@pytest.fixture
def real_parses(pipelines: Pipelines) -> Iterator[None]:
    """Parse every text afresh during the test: for a test whose behaviour is the parse (threads, its duration)."""
    pipelines.parse_once = False
    try:
        yield
    finally:
        pipelines.parse_once = True


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
