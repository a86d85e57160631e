"""The embedded store: pyoxigraph, on disk at a path or in memory.

pyoxigraph's own errors (``OSError`` for storage, ``SyntaxError`` for bad data
or queries) are re-raised as alignkg errors here, so callers see one hierarchy.
A query runs in the caller's thread and cannot be interrupted: the deadline in force
(:mod:`alignkg.graph.store.deadline`) is checked between the rows it reads, so a query
that must finish before its first row (``ORDER BY``, ``COUNT``) runs to its end. A
server runs queries in worker processes instead (:mod:`alignkg.graph.store.pool`).

Memory: pyoxigraph 0.5 opens RocksDB with caches that fill up to their capacity and are not
configurable (a 32 MiB block cache shared by the indexes, a 128 MiB one for the string
table, and per index a memtable of up to 128 MiB before it is written out). A long-running
writer grows towards those bounds; :meth:`OxigraphStore.reopen` empties them
(docs/decisions/20261207-store-memory.md).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph
from pyoxigraph import Quad, RdfFormat, Triple

from alignkg.graph.errors import QuerySyntaxError, StoreError, StoreLockedError
from alignkg.graph.store.deadline import check_deadline, current_deadline
from alignkg.graph.store.results import QueryResult, from_bytes, to_bytes, to_plain


class OxigraphStore:
    """The embedded pyoxigraph store (see :class:`alignkg.graph.store.base.Store`)."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only_ = read_only
        self._generation = 0
        self._counting = threading.Lock()  # two writes ending at once must move the number twice
        try:
            if path is None:
                self._store = pyoxigraph.Store()
            elif read_only:
                self._store = pyoxigraph.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = pyoxigraph.Store(str(path))
        except OSError as err:
            if "LOCK" in str(err):  # RocksDB's lock file: another process has the store open
                raise StoreLockedError(f"the store at {path} is open in another process") from err
            raise StoreError(f"cannot open the store at {path}: {err}") from err

    @classmethod
    def read_only(cls, path: str | Path) -> OxigraphStore:
        """Open a store that no process writes (a checkpoint) for reading only."""
        return cls(Path(path), read_only=True)

    @property
    def generation(self) -> int:
        """How many writes this store has ended (failed ones too): what a cache of answers is keyed by.

        It moves after a write is visible, never before, so an answer read when it held one value
        cannot come from the store as it was before a later write (:meth:`Store.generation`).
        """
        return self._generation

    def _written(self) -> None:
        """Count one more write, once it has ended."""
        with self._counting:
            self._generation += 1

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None, max_rows: int | None = None,
              max_bytes: int | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all graphs; return plain values (:data:`QueryResult`).

        Without caps or a deadline in force the results stream as pyoxigraph gives them;
        otherwise they are read here under the caps, checking the deadline between rows.
        """
        check_deadline()
        try:
            results = self._store.query(sparql, prefixes=prefixes, use_default_graph_as_union=True)
            if max_rows is None and max_bytes is None and current_deadline() is None:
                return to_plain(results)
            return from_bytes(to_bytes(results, max_rows=max_rows, max_bytes=max_bytes))
        except SyntaxError as err:
            raise QuerySyntaxError(f"SPARQL syntax error: {err}") from err
        except OSError as err:
            raise StoreError(f"query failed: {err}") from err

    def check(self, sparql: str, *, allow_service: bool = False) -> Any:
        """Check a query from outside with the endpoint's policy (:func:`alignkg.graph.query.policy.check`)."""
        from alignkg.graph.query.policy import check

        check_deadline()
        return check(sparql, allow_service=allow_service)

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request in one transaction."""
        try:
            self._store.update(sparql)
        except SyntaxError as err:
            raise QuerySyntaxError(f"SPARQL update syntax error: {err}") from err
        except OSError as err:
            raise StoreError(f"update failed: {err}") from err
        finally:
            self._written()

    def insert(self, quads: Iterable[Quad]) -> None:
        """Add quads in one transaction."""
        try:
            self._store.extend(quads)
        except OSError as err:
            raise StoreError(f"insert failed: {err}") from err
        finally:
            self._written()

    def bulk_insert(self, quads: Iterable[Quad]) -> None:
        """Add quads with pyoxigraph's bulk loader (``Store.bulk_extend``): fast, not transactional."""
        try:
            self._store.bulk_extend(quads)
        except OSError as err:
            raise StoreError(f"bulk insert failed: {err}") from err
        finally:
            self._written()

    def flush(self) -> None:
        """Write RocksDB's memtables to disk (what bounds a long writer's memory); nothing for a store in memory."""
        if self.path is not None and not self.read_only_:
            try:
                self._store.flush()
            except OSError as err:
                raise StoreError(f"cannot flush the store at {self.path}: {err}") from err

    def dump(self, output: IO[bytes], format: RdfFormat, *, graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Stream the store (or one named graph) to ``output``, declaring ``prefixes`` where the format can.

        A triple format (Turtle, N-Triples, RDF/XML) without ``graph`` gets the union of
        all graphs, each triple once, streamed: a triple held by several graphs is written
        where the store's own index lists it first, so no set of written triples is kept.
        """
        try:
            if graph is not None:
                self._store.dump(output, format, from_graph=pyoxigraph.NamedNode(graph), prefixes=prefixes)
            elif format.supports_datasets:
                self._store.dump(output, format, prefixes=prefixes)
            else:
                pyoxigraph.serialize(self._union_triples(), output, format, prefixes=prefixes)
        except OSError as err:
            raise StoreError(f"export failed: {err}") from err

    def _union_triples(self) -> Iterable[Triple]:
        store = self._store
        for quad in store.quads_for_pattern(None, None, None, None):
            first = next(iter(store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)))
            if first.graph_name == quad.graph_name:
                yield quad.triple

    def load(self, data: IO[bytes], format: RdfFormat) -> None:
        """Read RDF into the store in one transaction."""
        try:
            self._store.load(data, format)
        except SyntaxError as err:
            raise QuerySyntaxError(f"cannot parse the {format.name} input: {err}") from err
        except OSError as err:
            raise StoreError(f"import failed: {err}") from err
        finally:
            self._written()

    def backup(self, target: Path) -> None:
        """Write a consistent copy of the on-disk store to the new folder ``target`` (hard links where it can)."""
        try:
            self._store.backup(str(target))
        except OSError as err:
            raise StoreError(f"cannot make a checkpoint of the store at {target}: {err}") from err

    def count(self) -> int:
        """Return the number of quads."""
        return len(self._store)

    @property
    def is_open(self) -> bool:
        """Whether the store is open (false after :meth:`close`, or after a :meth:`reopen` that failed)."""
        return "_store" in self.__dict__

    def reopen(self) -> None:
        """Flush the on-disk store, close it and open it again, so that RocksDB's caches and memtables start empty.

        The caller makes sure nothing reads or writes the store meanwhile (RocksDB allows one
        read-write opening per folder): an iterator or a result left over from a query would
        keep the old opening alive, and the new one would fail.

        Raises:
            StoreError: the store is in memory or read-only, or could not be opened again
                (then it stays closed, and the next call of this method tries again).
        """
        if self.path is None or self.read_only_:
            raise StoreError("only an on-disk store opened for writing can be reopened")
        old = self.__dict__.pop("_store", None)
        if old is not None:
            try:
                old.flush()
            except OSError as err:
                self._store = old
                raise StoreError(f"cannot flush the store at {self.path}: {err}") from err
            del old
        try:
            self._store = pyoxigraph.Store(str(self.path))
        except OSError:
            gc.collect()  # a reference cycle (a traceback, say) may still hold the old opening
            try:
                self._store = pyoxigraph.Store(str(self.path))
            except OSError as err:
                raise StoreError(f"cannot open the store at {self.path} again: {err}") from err

    def close(self) -> None:
        """Flush to disk and let the store go."""
        if self.path is not None and not self.read_only_:
            self._store.flush()
        del self._store
