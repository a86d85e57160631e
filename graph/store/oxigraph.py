"""The embedded store: pyoxigraph, on disk at a path or in memory.

pyoxigraph's own errors (``OSError`` for storage, ``SyntaxError`` for bad data
or queries) are re-raised as alignkg errors here, so callers see one hierarchy.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyoxigraph
from pyoxigraph import Quad, RdfFormat

from alignkg.graph.errors import QuerySyntaxError, StoreError


class OxigraphStore:
    """The embedded pyoxigraph store (see :class:`alignkg.graph.store.base.Store`)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        try:
            if path is None:
                self._store = pyoxigraph.Store()
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = pyoxigraph.Store(str(path))
        except OSError as err:
            raise StoreError(f"cannot open the store at {path}: {err}") from err

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None) -> Any:
        """Run a SPARQL query over the union of all graphs."""
        try:
            return self._store.query(sparql, prefixes=prefixes, use_default_graph_as_union=True)
        except SyntaxError as err:
            raise QuerySyntaxError(f"SPARQL syntax error: {err}") from err
        except OSError as err:
            raise StoreError(f"query failed: {err}") from err

    def update(self, sparql: str) -> None:
        """Run one SPARQL Update request in one transaction."""
        try:
            self._store.update(sparql)
        except SyntaxError as err:
            raise QuerySyntaxError(f"SPARQL update syntax error: {err}") from err
        except OSError as err:
            raise StoreError(f"update failed: {err}") from err

    def insert(self, quads: Iterable[Quad]) -> None:
        """Add quads in one transaction."""
        try:
            self._store.extend(quads)
        except OSError as err:
            raise StoreError(f"insert failed: {err}") from err

    def dump(self, output: IO[bytes], format: RdfFormat, *, graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Stream the store (or one named graph) to ``output``, declaring ``prefixes`` where the format can."""
        try:
            if graph is None:
                self._store.dump(output, format, prefixes=prefixes)
            else:
                self._store.dump(output, format, from_graph=pyoxigraph.NamedNode(graph), prefixes=prefixes)
        except OSError as err:
            raise StoreError(f"export failed: {err}") from err

    def load(self, data: IO[bytes], format: RdfFormat) -> None:
        """Read RDF into the store in one transaction."""
        try:
            self._store.load(data, format)
        except SyntaxError as err:
            raise QuerySyntaxError(f"cannot parse the {format.name} input: {err}") from err
        except OSError as err:
            raise StoreError(f"import failed: {err}") from err

    def count(self) -> int:
        """Return the number of quads."""
        return len(self._store)

    def close(self) -> None:
        """Flush to disk and let the store go."""
        if self.path is not None:
            self._store.flush()
        del self._store
