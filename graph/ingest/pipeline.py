"""The ingest of a corpus: skip what is stored, extract in parallel, write in batches, report at the end.

Articles are read in groups of ``batch``. One query tells which of a group the store already
holds (:meth:`KnowledgeGraph.stored_articles`): those are skipped before any extraction, which
makes a stopped ingest resumable at the cost of that query. The others are extracted in chunks
of ``chunk`` articles, in this process (``jobs=1``), in ``jobs`` local processes, or on a Dask
cluster, a bounded number of chunks ahead of the writer, so memory stays flat however long
the corpus. Outcomes come back in input order and are written ``batch`` at a time, one
transaction each (:meth:`KnowledgeGraph.ingest_batch`), while the workers go on extracting.
A bad article (bad id, text refused by the extractor, stored with another text) is reported
at the end and the others go on; a store that fails stops the ingest.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from alignkg.graph.errors import AlignkgError, ConflictError, InvalidArticleError, InvalidInputError
from alignkg.graph.ingest.executors import InProcess, Submitter, dask_cluster, local_processes
from alignkg.graph.ingest.workers import Extracted, extract_chunk
from alignkg.graph.model import Article, Extraction, check_article_id

if TYPE_CHECKING:
    from alignkg.graph.kg import KnowledgeGraph

#: Chunks sent ahead of the writer per extraction process (a cluster counts as this many processes).
_AHEAD = 4
_CLUSTER_SLOTS = 16


@dataclass(frozen=True, slots=True)
class IngestProblem:
    """An article that could not be ingested: its id and why."""

    id: str
    message: str


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What became of one article: ``stored``, ``unchanged`` (stored before with the same text) or ``failed``.

    A stored article comes with its extraction; a failed one with the code of its error
    (an :class:`AlignkgError` code such as ``invalid_article`` or ``conflict``) and the message.
    """

    article_id: str
    status: str
    extraction: Extraction | None = None
    code: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Where an ingest stands: articles done (written or skipped) of ``total``, and since when."""

    done: int
    total: int | None
    stored: int
    unchanged: int
    failed: int
    elapsed_s: float

    @property
    def rate(self) -> float:
        """Articles done per second so far."""
        return self.done / self.elapsed_s if self.elapsed_s > 0 else 0.0


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What an ingest did: articles stored, unchanged (already stored), the problems, the time taken."""

    stored: int
    unchanged: int
    problems: tuple[IngestProblem, ...]
    elapsed_s: float

    @property
    def rate(self) -> float:
        """Articles handled per second (stored, unchanged or failed)."""
        done = self.stored + self.unchanged + len(self.problems)
        return done / self.elapsed_s if self.elapsed_s > 0 else 0.0


@dataclass(slots=True)
class _Tally:
    total: int | None
    started: float = field(default_factory=time.monotonic)
    stored: int = 0
    unchanged: int = 0
    problems: list[IngestProblem] = field(default_factory=list)

    def progress(self) -> IngestProgress:
        done = self.stored + self.unchanged + len(self.problems)
        return IngestProgress(done, self.total, self.stored, self.unchanged, len(self.problems),
                              time.monotonic() - self.started)

    def report(self) -> IngestReport:
        return IngestReport(self.stored, self.unchanged, tuple(self.problems), time.monotonic() - self.started)

    def count(self, outcome: IngestOutcome) -> None:
        if outcome.status == "stored":
            self.stored += 1
        elif outcome.status == "unchanged":
            self.unchanged += 1
        else:
            self.problems.append(IngestProblem(outcome.article_id, outcome.message or outcome.status))


def ingest_articles(kg: KnowledgeGraph, articles: Iterable[Article], *, jobs: int = 1, cluster: Any = None,
                    batch: int = 100, chunk: int = 8, replace: bool = False, total: int | None = None,
                    progress: Callable[[IngestProgress], None] | None = None,
                    connect_timeout_s: float = 30.0) -> IngestReport:
    """Ingest ``articles`` into ``kg``, extracting in ``jobs`` processes or on a Dask ``cluster``; return a report.

    Args:
        kg: the graph written to (whatever its store).
        articles: the articles, read lazily.
        jobs: extraction processes on this machine; 1 extracts in this process with ``kg.extractor``. The
            processes are started fresh (``spawn``): a script must call this under ``if __name__ == "__main__":``.
        cluster: a Dask scheduler address (``tcp://scheduler:8786``) or cluster object; overrides ``jobs``.
        batch: articles per write transaction (and per check of what is stored).
        chunk: articles per extraction task.
        replace: replace articles stored under the same id with another text (else they are problems).
        total: the number of articles, when known, for ``progress``.
        progress: called after each write or skip with where the ingest stands.
        connect_timeout_s: how long to try to reach the ``cluster``'s scheduler.

    Raises:
        InvalidInputError: ``jobs``, ``batch`` or ``chunk`` is below 1.
        AlignkgError: the cluster cannot be reached, an extraction process died, or the store failed
            (what was written before stays written; running the ingest again resumes it).

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     articles = [Article("a1", "Iran sold drones to Russia."), Article("a2", "  ")]
        ...     report = ingest_articles(kg, articles)
        ...     again = ingest_articles(kg, articles[:1])
        >>> report.stored, [p.id for p in report.problems], again.unchanged
        (1, ['a2'], 1)
    """
    tally = _Tally(total)
    for outcomes in _iter_groups(kg, articles, jobs=jobs, cluster=cluster, batch=batch, chunk=chunk,
                                 replace=replace, lock=None, connect_timeout_s=connect_timeout_s):
        for outcome in outcomes:
            tally.count(outcome)
        if progress is not None:
            progress(tally.progress())
    return tally.report()


def iter_ingest(kg: KnowledgeGraph, articles: Iterable[Article], *, batch: int = 100, chunk: int = 8,
                replace: bool = False, lock: AbstractContextManager[Any] | None = None) -> Iterator[IngestOutcome]:
    """Ingest ``articles`` in this process and yield what became of each, in input order, as batches are written.

    What a server does with a batch of articles: ``lock`` (a ``threading.Lock``) is held around
    each write, and only then, so other writers wait for a transaction, not for an extraction.

    Example:
        >>> from alignkg.graph import KnowledgeGraph
        >>> with KnowledgeGraph.in_memory() as kg:
        ...     articles = [Article("a1", "Iran sold drones to Russia."), Article("a1", "Japan condemned Iran.")]
        ...     [(o.article_id, o.status, o.code) for o in iter_ingest(kg, articles)]
        [('a1', 'stored', None), ('a1', 'failed', 'conflict')]
    """
    for outcomes in _iter_groups(kg, articles, jobs=1, cluster=None, batch=batch, chunk=chunk, replace=replace,
                                 lock=lock, connect_timeout_s=0):
        yield from outcomes


def _iter_groups(kg: KnowledgeGraph, articles: Iterable[Article], *, jobs: int, cluster: Any, batch: int,
                 chunk: int, replace: bool, lock: AbstractContextManager[Any] | None,
                 connect_timeout_s: float) -> Iterator[list[IngestOutcome]]:
    """Yield the outcomes of the articles, in input order, a group at a time (after each write or skip)."""
    if min(jobs, batch, chunk) < 1:
        raise InvalidInputError(f"jobs, batch and chunk must be at least 1, not {jobs}, {batch} and {chunk}")
    with _executor(kg, jobs, cluster, connect_timeout_s) as (submitter, extractor, ahead):
        waiting: list[Extracted] = []
        extracted = 0
        for outcomes in _in_order(_slots(kg, articles, submitter, extractor, batch, chunk, replace), ahead):
            waiting.extend(outcomes)
            extracted += sum(o.extraction is not None for o in outcomes)
            if extracted >= batch or not extracted:
                yield _settle(kg, waiting, replace, lock)
                extracted = 0
        if waiting:
            yield _settle(kg, waiting, replace, lock)


@contextmanager
def _executor(kg: KnowledgeGraph, jobs: int, cluster: Any,
              timeout_s: float) -> Iterator[tuple[Submitter, Any, int]]:
    """Yield (where chunks run, the extractor to hand them or None for the workers' own, chunks sent ahead)."""
    if cluster is not None:
        with dask_cluster(cluster, timeout_s=timeout_s) as client:
            yield client, None, _CLUSTER_SLOTS * _AHEAD
    elif jobs == 1:
        yield InProcess(), kg.extractor, 1
    else:
        with local_processes(jobs) as executor:
            yield executor, None, jobs * _AHEAD


#: A slot of the ordered stream: outcomes decided without extraction, or the future of a chunk's.
_Slot = list[Extracted] | Any


def _slots(kg: KnowledgeGraph, articles: Iterable[Article], submitter: Submitter, extractor: Any, batch: int,
           chunk: int, replace: bool) -> Iterator[_Slot]:
    """Yield, in input order, the outcomes of articles decided without extraction and the futures of chunks.

    An article the store holds with the same text is an ``Extracted`` with neither extraction nor error.
    """
    for group in _groups(articles, batch):
        decided = {id(a): d for a in group if (d := _refused(a)) is not None}
        stored = kg.stored_articles(a for a in group if id(a) not in decided)
        todo: list[Article] = []
        for article in group:
            outcome = decided.get(id(article)) or _known(article, stored.get(article.id), replace)
            if outcome is None:
                todo.append(article)
                if len(todo) < chunk:
                    continue
            if todo:
                yield submitter.submit(extract_chunk, *((todo,) if extractor is None else (todo, extractor)))
                todo = []
            if outcome is not None:
                yield [outcome]
        if todo:
            yield submitter.submit(extract_chunk, *((todo,) if extractor is None else (todo, extractor)))


def _refused(article: Article) -> Extracted | None:
    """Return the outcome of an article whose id is not valid, else None."""
    try:
        check_article_id(article.id)
    except InvalidArticleError as err:
        return Extracted(article, error=str(err), code=err.code)
    return None


def _known(article: Article, same: bool | None, replace: bool) -> Extracted | None:
    """Return the outcome of an article the store holds (``same``: with the same text), or None to extract it."""
    if same:
        return Extracted(article)
    if same is False and not replace:
        return Extracted(article, error=str(_conflict(article)), code=ConflictError.code)
    return None


def _conflict(article: Article) -> ConflictError:
    return ConflictError(f"article {article.id!r} is already stored with another text; "
                         "pass replace=True to replace it")


def _groups(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    group: list[Article] = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


def _in_order(slots: Iterator[_Slot], ahead: int) -> Iterator[list[Extracted]]:
    """Yield each slot's outcomes in order, keeping up to ``ahead`` chunks submitted and not yet read."""
    queue: deque[_Slot] = deque()
    waiting = 0
    for slot in slots:
        queue.append(slot)
        waiting += not isinstance(slot, list)
        while queue and (isinstance(queue[0], list) or waiting >= ahead):
            head = queue.popleft()
            if not isinstance(head, list):
                waiting -= 1
            yield _value(head)
    while queue:
        yield _value(queue.popleft())


def _value(slot: _Slot) -> list[Extracted]:
    if isinstance(slot, list):
        return slot
    try:
        outcomes: list[Extracted] = slot.result()
    except Exception as err:  # noqa: BLE001 - chunks report their articles' errors: this is a worker lost
        raise AlignkgError(f"extraction failed ({type(err).__name__}: {err}); what was written stays, and "
                           "running the ingest again resumes it") from err
    return outcomes


def _settle(kg: KnowledgeGraph, waiting: list[Extracted], replace: bool,
            lock: AbstractContextManager[Any] | None) -> list[IngestOutcome]:
    """Write the extracted articles of ``waiting``; return the outcome of each of them, in order. Empties it."""
    pairs = [(o.article, o.extraction) for o in waiting if o.extraction is not None]
    written = iter(_write(kg, pairs, replace, lock or nullcontext()))
    outcomes = []
    for o in waiting:
        if o.extraction is not None:
            changed, error = next(written)
            if error is not None:
                outcomes.append(IngestOutcome(o.article.id, "failed", code=error.code, message=str(error)))
            else:
                outcomes.append(IngestOutcome(o.article.id, "stored" if changed else "unchanged", o.extraction))
        elif o.error is not None:
            outcomes.append(IngestOutcome(o.article.id, "failed", code=o.code, message=o.error))
        else:
            outcomes.append(IngestOutcome(o.article.id, "unchanged"))
    waiting.clear()
    return outcomes


def _write(kg: KnowledgeGraph, pairs: list[tuple[Article, Extraction]], replace: bool,
           lock: AbstractContextManager[Any]) -> list[tuple[bool, AlignkgError | None]]:
    """Write ``pairs``, one transaction per run of distinct ids; return (changed, error) per pair, in order.

    An id given twice goes in the next transaction, so its second text meets the first as a
    stored one. A conflict within a run (another writer stored the id meanwhile) sends that
    run's articles one at a time, to name the one that conflicts.
    """
    results: list[tuple[bool, AlignkgError | None]] = []
    for run in _distinct_runs(pairs):
        try:
            with lock:
                results.extend((changed, None) for _, changed in kg.ingest_batch(run, replace=replace, batch=len(run)))
            continue
        except (ConflictError, InvalidArticleError):
            pass
        for pair in run:
            try:
                with lock:
                    results.extend((changed, None) for _, changed in kg.ingest_batch([pair], replace=replace))
            except (ConflictError, InvalidArticleError) as err:
                results.append((False, err))
    return results


def _distinct_runs(pairs: list[tuple[Article, Extraction]]) -> Iterator[list[tuple[Article, Extraction]]]:
    run: list[tuple[Article, Extraction]] = []
    ids: set[str] = set()
    for pair in pairs:
        if pair[0].id in ids:
            yield run
            run, ids = [], set()
        run.append(pair)
        ids.add(pair[0].id)
    if run:
        yield run
