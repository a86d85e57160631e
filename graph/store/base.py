"""The store interface: only what SPARQL 1.1 Query, Update and the Graph Store Protocol can do.

The embedded pyoxigraph store implements it today; a remote SPARQL endpoint can
implement the same methods over HTTP (query and update endpoints, and the
Graph Store Protocol for ``insert``, ``dump`` and ``load``), so nothing above
this interface may assume an embedded database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any, Protocol

from pyoxigraph import Quad, RdfFormat


class Store(Protocol):
    """A quad store that answers SPARQL with the union of its graphs as default graph."""

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None) -> Any:
        """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) and return its results."""

    def update(self, sparql: str) -> None:
        """Run one SPARQL 1.1 Update request, atomically."""

    def insert(self, quads: Iterable[Quad]) -> None:
        """Add quads atomically (Graph Store Protocol POST)."""

    def dump(self, output: IO[bytes], format: RdfFormat, *, graph: str | None = None) -> None:
        """Write the whole store, or one named graph, to ``output`` (Graph Store Protocol GET)."""

    def load(self, data: IO[bytes], format: RdfFormat) -> None:
        """Read RDF into the store atomically (Graph Store Protocol POST of a dataset)."""

    def count(self) -> int:
        """Return the number of quads."""

    def close(self) -> None:
        """Release the store; later calls fail."""
