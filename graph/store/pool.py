"""Queries that stop at their deadline: worker processes over checkpoints of the store, killed when late.

pyoxigraph cannot cancel a running query, and opening a store read-only while another
process writes it is undefined behaviour. So (docs/decisions/20261207-query-deadlines.md):

* :class:`CheckpointStore` owns the on-disk store and is its only writer. The first read
  after a write makes a checkpoint (``Store.backup``: hard links to the store's immutable
  files, in a folder beside the store) before it runs, so a read that follows a write sees
  it, and a burst of writes (a seeding, a batch) pays for one checkpoint, not one each.
* Every query runs in a :class:`QueryPool` worker process
  (:mod:`alignkg.graph.store.worker`) that opens the newest checkpoint read-only. No
  process ever writes a checkpoint, so reading it from another process is safe.
* At the deadline in force (:mod:`alignkg.graph.store.deadline`, else the store's
  ``timeout_s``) the worker is killed: its CPU use ends at once, its memory returns to
  the system, and the pool starts another in the background. Row and byte caps apply in
  the worker while it reads the results, before anything is sent.

A checkpoint is deleted once it is neither the newest nor read by a running query.

RocksDB's block caches fill up with the blocks of every new file that a checkpoint flushes
and a compaction writes, up to a capacity that pyoxigraph does not let us set (160 MiB): a
server's memory grew by about 8 MiB a minute under steady writes. So after every
``reopen_every`` writes, at the first moment nothing uses the store, :class:`CheckpointStore`
reopens it (:meth:`OxigraphStore.reopen`, about 0.1 s), which empties the caches
(docs/decisions/20261207-store-memory.md).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import select
import shutil
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from pyoxigraph import Quad, RdfFormat

from alignkg.graph import errors
from alignkg.graph.errors import AlignkgError, StoreError
from alignkg.graph.store.deadline import Deadline, current_deadline
from alignkg.graph.store.oxigraph import OxigraphStore
from alignkg.graph.store.results import EncodedResults, from_bytes
from alignkg.graph.store.worker import FRAME_HEADER, write_frame

_log = logging.getLogger(__name__)
#: Seconds a new worker may take to say it is ready (it imports pyoxigraph and rdflib's parser).
START_TIMEOUT_S = 60.0
#: Writes after which the server's store is reopened, emptying RocksDB's caches (0: never).
REOPEN_WRITES = 256


#: glibc's malloc arenas of a worker, unless ``MALLOC_ARENA_MAX`` is set (as the server caps its own,
#: ``app/api/memory.py``): in 300 s of ``bench/soak.py`` the eight workers grew by 0.27 MiB/min with two,
#: 0.46 MiB/min with glibc's default (8 per core), each opening a new checkpoint after every write.
WORKER_ARENAS = "2"


class _Process:
    """One worker process, with the pipes of its requests and answers."""

    def __init__(self) -> None:
        env = {"MALLOC_ARENA_MAX": WORKER_ARENAS, **os.environ}  # read by glibc as the worker starts
        self.popen = subprocess.Popen([sys.executable, "-m", "alignkg.graph.store.worker"],  # noqa: S603
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True, env=env)
        assert self.popen.stdin is not None and self.popen.stdout is not None
        self.stdin: IO[bytes] = self.popen.stdin
        self.stdout: IO[bytes] = self.popen.stdout
        self.fd = self.stdout.fileno()

    def wait_ready(self, deadline: float) -> None:
        header, _ = self.receive(deadline)
        if header.get("kind") != "ready":
            raise StoreError(f"a query worker did not start: {header}")

    def send(self, request: dict[str, Any]) -> None:
        write_frame(self.stdin, request)

    def receive(self, deadline: float) -> tuple[dict[str, Any], bytes]:
        """Read one answer, waiting at most until ``deadline`` (``time.monotonic()``).

        Raises:
            TimeoutError: the deadline passed first.
            StoreError: the worker died.
        """
        prefix = self._read(FRAME_HEADER.size, deadline)
        head, size = FRAME_HEADER.unpack(prefix)
        header = json.loads(self._read(head, deadline))
        return header, self._read(size, deadline) if size else b""

    def _read(self, size: int, deadline: float) -> bytes:
        chunks = bytearray()
        while len(chunks) < size:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                raise TimeoutError
            chunk = os.read(self.fd, min(size - len(chunks), 1 << 20))
            if not chunk:
                raise StoreError(f"a query worker ended unexpectedly (exit status {self.popen.poll()})")
            chunks += chunk
        return bytes(chunks)

    def kill(self) -> None:
        if self.popen.poll() is None:
            self.popen.kill()
        self.popen.wait()
        for stream in (self.stdin, self.stdout):
            try:
                stream.close()
            except OSError:
                _log.debug("closing a worker's pipe failed", exc_info=True)


class QueryPool:
    """Up to ``workers`` worker processes, started on demand, ``spare`` of them kept ready.

    :meth:`run` sends a request to an idle worker and waits for the answer until the
    deadline; a worker that misses it is killed. A request that finds every worker busy
    waits for one, within its deadline.
    """

    def __init__(self, workers: int = 8, *, spare: int = 2) -> None:
        if workers < 1:
            raise ValueError(f"a query pool needs at least 1 worker, not {workers}")
        self.workers = workers
        self.spare = min(spare, workers)
        self._lock = threading.Condition()
        self._idle: list[_Process] = []
        self._mine: set[_Process] = set()  # every worker of this pool, idle or busy
        self._count = 0  # idle, busy and starting
        self._starting = 0
        self._closed = False
        self._top_up()

    def run(self, request: dict[str, Any], deadline: Deadline) -> tuple[dict[str, Any], bytes]:
        """Return a worker's answer to ``request``; kill the worker if the answer is not there by ``deadline``.

        Raises:
            QueryLimitError: code ``query_timeout``.
            StoreError: the worker died or could not start.
        """
        process = self._acquire(deadline)
        try:
            process.send(request)
            answer = process.receive(deadline.at)
        except TimeoutError:
            self._discard(process)
            raise deadline.error() from None
        except (StoreError, OSError) as err:
            self._discard(process)
            raise StoreError(f"the query could not be run: {err}") from err
        except BaseException:
            self._discard(process)
            raise
        self._release(process)
        return answer

    def _acquire(self, deadline: Deadline) -> _Process:
        with self._lock:
            while True:
                if self._closed:
                    raise StoreError("the store is closed")
                if self._idle:
                    process = self._idle.pop()
                    self._top_up_locked()
                    return process
                if self._count < self.workers and not self._starting:
                    self._count += 1
                    break
                left = deadline.remaining()
                if left <= 0:
                    raise deadline.error()
                self._lock.wait(left)
        try:
            process = self._spawn()
        except StoreError:
            self._forget(None)
            raise
        except OSError as err:
            self._forget(None)
            raise StoreError(f"cannot start a query worker: {err}") from err
        try:
            process.wait_ready(min(deadline.at, time.monotonic() + START_TIMEOUT_S))
        except TimeoutError:
            self._forget(process)
            raise deadline.error() from None
        except (OSError, StoreError) as err:
            self._forget(process)
            raise StoreError(f"cannot start a query worker: {err}") from err
        return process

    def _spawn(self) -> _Process:
        process = _Process()
        with self._lock:
            self._mine.add(process)
            closed = self._closed
        if closed:
            self._kill(process)
            raise StoreError("the store is closed")
        return process

    def _kill(self, process: _Process) -> None:
        with self._lock:
            self._mine.discard(process)
        process.kill()

    def _forget(self, process: _Process | None) -> None:
        """Count out a worker that could not start (killing it if it runs)."""
        if process is not None:
            self._kill(process)
        with self._lock:
            self._count -= 1
            self._lock.notify()

    def _release(self, process: _Process) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(process)
                self._lock.notify()
                return
            self._count -= 1
        self._kill(process)

    def _discard(self, process: _Process) -> None:
        self._kill(process)
        with self._lock:
            self._count -= 1
            self._lock.notify()
            self._top_up_locked()

    def _top_up(self) -> None:
        with self._lock:
            self._top_up_locked()

    def _top_up_locked(self) -> None:
        """Start workers in the background until ``spare`` are idle or starting (within ``workers``)."""
        while (not self._closed and len(self._idle) + self._starting < self.spare
               and self._count < self.workers):
            self._count += 1
            self._starting += 1
            threading.Thread(target=self._start_spare, name="alignkg-worker-start", daemon=True).start()

    def _start_spare(self) -> None:
        process: _Process | None = None
        try:
            process = self._spawn()
            process.wait_ready(time.monotonic() + START_TIMEOUT_S)
        except (OSError, StoreError, TimeoutError):
            if not self._closed:
                _log.exception("a query worker could not start")
            if process is not None:
                self._kill(process)
            with self._lock:
                self._count -= 1
                self._starting -= 1
                self._lock.notify_all()
            return
        with self._lock:
            self._starting -= 1
            if self._closed:
                self._count -= 1
            else:
                self._idle.append(process)
                self._lock.notify()
                return
        self._kill(process)

    def pids(self) -> list[int]:
        """Return the process ids of the idle workers (for tests and measurements)."""
        with self._lock:
            return [p.popen.pid for p in self._idle]

    def close(self) -> None:
        """Kill every worker, busy ones too: their queries fail with a store error at once."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            self._count -= len(idle)
            everyone = list(self._mine)
            self._lock.notify_all()
        for process in everyone:
            self._kill(process)


def _error_from(header: dict[str, Any]) -> AlignkgError:
    """Return the alignkg error a worker answered, rebuilt with its class, code and position."""
    cls = getattr(errors, str(header.get("class")), None)
    if not (isinstance(cls, type) and issubclass(cls, AlignkgError)):
        cls = StoreError
    error = cls.__new__(cls)
    Exception.__init__(error, header.get("message", "the query failed"))
    for name, value in (("line", header.get("line")), ("column", header.get("column")), ("expected", ()),
                        ("context", None)):
        setattr(error, name, value)
    error.code = str(header.get("code", cls.code))
    return error


class CheckpointStore:
    """The on-disk store for a server: writes in this process, queries in killable workers over checkpoints.

    Args:
        path: the folder of the store (created if needed).
        timeout_s: the deadline of a query when none is in force (:func:`alignkg.graph.store.deadline.deadline`).
        workers: the most worker processes running queries at once.
        spare: the workers kept started and idle, ready for the next queries (a worker takes
            about half a second of CPU to start, longer on a busy machine).
        reopen_every: reopen the store after this many writes, as soon as nothing uses it, so
            that RocksDB's caches start empty again and the process's memory stays flat; 0
            never reopens. Settable later through the attribute of the same name.

    Checkpoints live in a hidden folder beside ``path`` (``.<name>.checkpoints``), on the same
    file system so that they are hard links; it is emptied when the store opens and closes.
    """

    def __init__(self, path: Path, *, timeout_s: float = 10.0, workers: int = 8, spare: int = 2,
                 reopen_every: int = REOPEN_WRITES) -> None:
        if timeout_s <= 0:
            raise ValueError(f"timeout_s must be positive, not {timeout_s}")
        if reopen_every < 0:
            raise ValueError(f"reopen_every must be 0 (never) or positive, not {reopen_every}")
        self.path = path
        self.timeout_s = timeout_s
        self.reopen_every = reopen_every
        #: How many times the store was reopened (for tests and measurements).
        self.reopens = 0
        self._inner = OxigraphStore(path)
        self._use = threading.Lock()  # guards _users and _writes
        self._users = 0  # calls using _inner now
        self._writes = 0  # writes since the store was (re)opened
        self._folder = path.parent / f".{path.name}.checkpoints"
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder.mkdir(parents=True)
        self._lock = threading.Lock()
        self._serial = 0
        self._current = self._folder / "0"
        self._dirty = True
        self._generation = 0
        self._closed = False
        self._readers: dict[Path, int] = {}
        self._checks: OrderedDict[bytes, Any] = OrderedDict()
        with self._lock:
            self._checkpoint_locked()
        self.pool = QueryPool(workers, spare=spare)

    # --- the store in this process, reopened now and then ----------------------------------------
    @contextmanager
    def _using(self, *, write: bool = False) -> Iterator[OxigraphStore]:
        """Yield the store for one call; the last call out reopens it once ``reopen_every`` writes are due.

        Raises:
            StoreError: the store is closed, or a reopen failed before and fails again now.
        """
        with self._use:
            if self._closed:
                raise StoreError("the store is closed")
            if not self._inner.is_open:
                self._reopen_locked(required=True)  # a reopen that failed before: try again
            self._users += 1
        try:
            yield self._inner
        finally:
            with self._use:
                self._users -= 1
                self._writes += write
                if (self.reopen_every and self._writes >= self.reopen_every and not self._users
                        and not self._closed):
                    self._reopen_locked(required=False)

    def _reopen_locked(self, *, required: bool) -> None:
        """Reopen the store (under ``_use``, with no user), so that RocksDB's caches start empty.

        A reopen that was only due logs its failure instead of raising it: the call that
        triggered it has succeeded. The store then stays as it is (if the flush failed) or
        closed, and the next call tries again, raising if it fails again (``required``).
        """
        started = time.monotonic()
        self._writes = 0
        try:
            self._inner.reopen()
        except StoreError:
            if required:
                raise
            _log.exception("reopening the store failed")
            return
        self.reopens += 1
        _log.debug("store reopened in %.3f s (RocksDB's caches emptied)", time.monotonic() - started)

    # --- writes: in this process; the next read makes a checkpoint ------------------------------
    def _checkpoint_locked(self) -> Path:
        """Return the newest checkpoint, making one first if a write came after it (under ``_lock``)."""
        if self._dirty:
            self._serial += 1
            target = self._folder / str(self._serial)
            with self._using() as inner:
                inner.backup(target)
            old, self._current = self._current, target
            self._dirty = False
            if not self._readers.get(old):
                shutil.rmtree(old, ignore_errors=True)
        return self._current

    @contextmanager
    def _writing(self) -> Iterator[OxigraphStore]:
        """Yield the store for one write; the next read takes a new checkpoint even if the write failed part-way."""
        try:
            with self._using(write=True) as inner:
                yield inner
        finally:
            with self._lock:
                self._dirty = True
                self._generation += 1  # after _dirty: a reader that sees the new number takes a new checkpoint

    @property
    def generation(self) -> int:
        """How many writes this store has ended (failed ones too); see :meth:`Store.generation`.

        It moves with the mark that makes the next query take a new checkpoint, so a query
        that starts after reading a number never reads a checkpoint older than the writes it counts.
        """
        return self._generation

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request in one transaction."""
        with self._writing() as inner:
            inner.update(sparql)

    def insert(self, quads: Iterable[Quad]) -> None:
        """Add quads in one transaction."""
        with self._writing() as inner:
            inner.insert(quads)

    def bulk_insert(self, quads: Iterable[Quad]) -> None:
        """Add quads fast, without a transaction (:meth:`OxigraphStore.bulk_insert`)."""
        with self._writing() as inner:
            inner.bulk_insert(quads)

    def load(self, data: IO[bytes], format: RdfFormat) -> None:
        """Read RDF into the store in one transaction."""
        with self._writing() as inner:
            inner.load(data, format)

    def dump(self, output: IO[bytes], format: RdfFormat, *, graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Stream the store (or one named graph) to ``output``, from this process."""
        with self._using() as inner:
            inner.dump(output, format, graph=graph, prefixes=prefixes)

    def flush(self) -> None:
        """Write the store's memtables to disk."""
        with self._using() as inner:
            inner.flush()

    def count(self) -> int:
        """Return the number of quads."""
        with self._using() as inner:
            return inner.count()

    # --- reads: in a worker, over the newest checkpoint ----------------------------------------
    def _deadline(self) -> Deadline:
        current = current_deadline()
        return current if current is not None else Deadline.after(self.timeout_s)

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None, max_rows: int | None = None,
              max_bytes: int | None = None) -> Any:
        """Run a SPARQL query in a worker over the newest checkpoint, stopped at the deadline.

        Raises:
            QuerySyntaxError: the query does not parse.
            QueryLimitError: code ``query_timeout`` or ``result_too_large``.
            StoreError: the worker failed.
        """
        deadline = self._deadline()
        if deadline.remaining() <= 0:
            raise deadline.error()
        with self._lock:
            path = self._checkpoint_locked()
            self._readers[path] = self._readers.get(path, 0) + 1
        try:
            header, body = self.pool.run({"op": "query", "path": str(path), "query": sparql, "prefixes": prefixes,
                                          "max_rows": max_rows, "max_bytes": max_bytes}, deadline)
        finally:
            with self._lock:
                self._readers[path] -= 1
                stale = not self._readers[path] and path != self._current
                if not self._readers[path]:
                    del self._readers[path]
            if stale:
                shutil.rmtree(path, ignore_errors=True)
        if header.get("kind") == "error":
            raise _error_from(header)
        return from_bytes(EncodedResults(header["kind"], int(header.get("count", 0)), body))

    def check(self, sparql: str, *, allow_service: bool = False) -> Any:
        """Check a query from outside with the endpoint's policy, in a worker (no lock, the query's deadline).

        Raises:
            QueryRefusedError: an update, or ``SERVICE`` while not allowed.
            QuerySyntaxError: the text does not parse.
            QueryLimitError: code ``query_too_complex`` or ``query_timeout``.
        """
        from alignkg.graph.query.policy import MAX_QUERY_CHARS, QueryForm, QueryInfo, check, service_refused

        if len(sparql) > MAX_QUERY_CHARS:
            return check(sparql, allow_service=allow_service)  # refused before any parsing
        key = hashlib.sha256(sparql.encode("utf-8", "surrogatepass")).digest()
        with self._lock:
            info = self._checks.get(key)
        if info is None:
            header, _ = self.pool.run({"op": "check", "query": sparql, "allow_service": True}, self._deadline())
            if header.get("kind") == "error":
                raise _error_from(header)
            info = QueryInfo(QueryForm(header["form"]), bool(header["service"]))
            with self._lock:
                self._checks[key] = info
                if len(self._checks) > 512:
                    self._checks.popitem(last=False)
        if info.service and not allow_service:
            raise service_refused()
        return info

    def close(self) -> None:
        """Kill the workers, flush the store, delete the checkpoints (a second call does nothing)."""
        if self._closed:
            return
        with self._use:
            self._closed = True
        self.pool.close()
        if self._inner.is_open:
            self._inner.close()
        shutil.rmtree(self._folder, ignore_errors=True)

