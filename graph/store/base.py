"""The store interface: only what SPARQL 1.1 Query, Update and the Graph Store Protocol can do.

Two stores implement it: the embedded pyoxigraph store (:mod:`alignkg.graph.store.oxigraph`,
and :mod:`alignkg.graph.store.pool` for a server) and a remote SPARQL 1.1 endpoint over HTTP
(:mod:`alignkg.graph.store.remote`). Answers are plain values
(:data:`alignkg.graph.store.results.QueryResult`: a bool, :class:`~alignkg.graph.store.results.Solutions`
of RDF terms, or an iterator of triples), never objects tied to one store, so nothing above
this interface may assume an embedded database (docs/decisions/20261207-remote-store.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any, Protocol, TypeVar

from pyoxigraph import Quad, RdfFormat

E = TypeVar("E", bound=BaseException)


class Store(Protocol):
    """A quad store that answers SPARQL with the union of its graphs as default graph."""

    def query(self, sparql: str, *, prefixes: dict[str, str] | None = None, max_rows: int | None = None,
              max_bytes: int | None = None) -> Any:
        """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE); return its results as plain values.

        ASK gives a ``bool``, SELECT :class:`~alignkg.graph.store.results.Solutions` (rows of
        RDF terms by variable name, read once), CONSTRUCT and DESCRIBE an iterator of triples.

        The query must end by the deadline in force (:mod:`alignkg.graph.store.deadline`);
        more than ``max_rows`` solutions (or triples) or ``max_bytes`` bytes of them raise
        ``QueryLimitError`` as soon as they are read.
        """

    def check(self, sparql: str, *, allow_service: bool = False) -> Any:
        """Return the ``QueryInfo`` of a query from outside, or refuse it (:func:`alignkg.graph.query.policy.check`).

        A store runs the check where it can stop it at the deadline.
        """

    @property
    def generation(self) -> int | None:
        """A number that changes after every write made through this store object; ``None`` if others may write.

        Read it before reading the store: an answer read then may be kept under that number
        and served again while the number has not changed (the HTTP service's response cache,
        docs/decisions/20261207-response-cache.md). So it must move only once a write is
        visible to the next query, and on a write that failed part-way too. A remote store,
        which other clients write, answers ``None``: nothing read from it may be kept.
        """

    def update(self, sparql: str) -> None:
        """Run one SPARQL 1.1 Update request, atomically."""

    def insert(self, quads: Iterable[Quad]) -> None:
        """Add quads atomically (Graph Store Protocol POST)."""

    def bulk_insert(self, quads: Iterable[Quad]) -> None:
        """Add many quads fast, without a transaction: after a crash, any part of them may be stored.

        For writers that mark what they completed in a later transaction (the batch ingest);
        a remote store may do it as :meth:`insert`.
        """

    def flush(self) -> None:
        """Write what the store buffers in memory to disk, which bounds a long writer's memory (may do nothing)."""

    def dump(self, output: IO[bytes], format: RdfFormat, *, graph: str | None = None,
             prefixes: dict[str, str] | None = None) -> None:
        """Write the whole store, or one named graph, to ``output`` (Graph Store Protocol GET), streamed.

        A triple format without ``graph`` gets the union of the graphs, each triple once.
        ``prefixes`` are declared where the format has them (Turtle, TriG, RDF/XML).
        """

    def load(self, data: IO[bytes], format: RdfFormat) -> None:
        """Read RDF into the store atomically (Graph Store Protocol POST of a dataset)."""

    def count(self) -> int:
        """Return the number of quads."""

    def close(self) -> None:
        """Release the store; later calls fail."""


def is_store_url(location: object) -> bool:
    """Return whether ``location`` names a remote store (an ``http://`` or ``https://`` URL) rather than a folder.

    Example:
        >>> is_store_url("http://127.0.0.1:7878"), is_store_url("HTTPS://db.example.org/sparql"), is_store_url("store")
        (True, True, False)
    """
    return isinstance(location, str) and location.strip().lower().startswith(("http://", "https://"))


def has_url_scheme(location: object) -> bool:
    """Return whether a string starts with a URL scheme (``name://``), which no store folder does.

    Example:
        >>> has_url_scheme("ftp://example.org/x"), has_url_scheme("data/store"), has_url_scheme("C:/store")
        (True, False, False)
    """
    if not isinstance(location, str):
        return False
    scheme, sep, _ = location.strip().partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").replace("-", "").replace(".", "").isalnum()


def detach_tracebacks(error: E) -> E:
    """Drop the tracebacks of an error and its causes before it leaves the thread that raised it.

    Their frames may hold pyoxigraph query results, which pyoxigraph allows to be freed only
    on the thread that made them; without the frames they are freed there, when it ends.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    return error
