"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

Each executor is a context manager with ``submit(fn, *args)`` returning a future with
``result()``: what :class:`concurrent.futures.Executor` and ``distributed.Client`` both
offer, so the pipeline drives all three the same way. Dask is imported only here, and only
when a cluster is asked for (``pip install 'alignkg[cluster]'``).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Protocol

from alignkg.graph.errors import AlignkgError
from alignkg.graph.ingest.workers import ignore_interrupts


class Submitter(Protocol):
    """Runs a function on arguments somewhere and returns a future of its result."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        """Start ``fn(*args)``; return an object whose ``result()`` waits for its value or raises its error."""


class InProcess:
    """Runs each call at once, in this process: the executor of ``jobs=1``, with the caller's extractor."""

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]:
        """Run ``fn(*args)`` now; return a finished future."""
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args))
        except Exception as err:  # noqa: BLE001 - handed to the caller by result(), as an executor would
            future.set_exception(err)
        return future


@contextmanager
def local_processes(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """Yield an executor of ``jobs`` worker processes, started fresh (``spawn``), each loading spaCy once.

    Fresh processes, not forks: the parent holds an open store and its threads, which a fork
    would copy. The workers ignore Ctrl-C; on any exit the queued chunks are cancelled.
    """
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=ignore_interrupts)
    try:
        yield executor
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


class _DaskSubmitter:
    """A ``distributed.Client`` seen as a :class:`Submitter`: every call a new task (``pure=False``)."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any:
        """Send ``fn(*args)`` to the cluster; return its Dask future."""
        return self.client.submit(fn, *args, pure=False)


@contextmanager
def dask_cluster(address: str | Any, *, timeout_s: float = 30.0) -> Iterator[_DaskSubmitter]:
    """Yield a submitter to the Dask scheduler at ``address`` (``tcp://host:8786``, or a cluster object).

    The workers need alignkg installed; each loads its extractor once, on its first chunk.

    Raises:
        AlignkgError: Dask distributed is not installed, or the scheduler cannot be reached.
    """
    try:
        import distributed
    except ImportError as err:
        raise AlignkgError("extraction on a cluster needs Dask distributed: pip install 'alignkg[cluster]'") \
            from err
    connect: Any = distributed.Client  # partly typed: its calls are untyped for mypy --strict
    try:
        client = connect(address, timeout=timeout_s, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        raise AlignkgError(f"cannot reach the Dask scheduler at {address}: {err}") from err
    try:
        yield _DaskSubmitter(client)
    finally:
        client.close()
