"""Streamed export and import of the graph in the six RDF formats.

One table maps our format names (and file extensions) to pyoxigraph's
``RdfFormat``. Dataset formats (N-Quads, TriG, JSON-LD) keep the named graphs, so
an export re-imported into an empty store gives back the same graph; triple
formats (Turtle, N-Triples, RDF/XML) carry the union of the graphs, and an
import of them into a graph of articles is refused (their articles would land
in the default graph, where no delete finds them). Turtle, TriG and RDF/XML
declare the project's prefixes; JSON-LD carries them as its ``@context``.
Serialization is pyoxigraph's, writing as it reads, so memory does not grow
with the graph, in every format.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import IO

from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize

from alignkg.graph import namespace as ns
from alignkg.graph.errors import InvalidInputError, QuerySyntaxError
from alignkg.graph.rdf import queries
from alignkg.graph.store.base import Store


class ExportFormat(StrEnum):
    """The RDF formats the graph is exported to and imported from."""

    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    NQUADS = "nquads"
    TRIG = "trig"
    JSONLD = "jsonld"
    RDFXML = "rdfxml"

    @property
    def rdf_format(self) -> RdfFormat:
        """The pyoxigraph format."""
        return _TABLE[self][0]

    @property
    def media_type(self) -> str:
        """The media type of the format, for HTTP."""
        return self.rdf_format.media_type

    @property
    def keeps_graphs(self) -> bool:
        """Whether the format keeps the named graphs (one per article), so a re-import gives the same graph."""
        return self.rdf_format.supports_datasets

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the format is known by, lower case: its id, file extension, media type and aliases.

        The one table of RDF format names: the export, the import and the SPARQL endpoint's
        ``format`` parameter all read it.

        Example:
            >>> ExportFormat.RDFXML.names
            ('rdfxml', 'rdf', 'application/rdf+xml', 'xml', 'rdf/xml', 'rdf+xml', 'owl')
        """
        rdf_format, aliases = _TABLE[self]
        return tuple(dict.fromkeys((self.value, rdf_format.file_extension, rdf_format.media_type, *aliases)))

    @classmethod
    def parse(cls, value: str | ExportFormat | None, *, path: str | Path | None = None) -> ExportFormat:
        """Return the format named by ``value`` (name, extension or media type), else guessed from ``path``.

        Raises:
            InvalidInputError: no such format, or nothing to guess from.
        """
        if isinstance(value, ExportFormat):
            return value
        if value is None and path is not None:
            value = Path(path).suffix.lstrip(".")
        key = (value or "").strip().lower()
        for fmt in cls:
            if key in fmt.names:
                return fmt
        accepted = ", ".join(f.value for f in cls)
        raise InvalidInputError(f"unknown RDF format {value!r}; expected one of {accepted}")


_TABLE: dict[ExportFormat, tuple[RdfFormat, tuple[str, ...]]] = {
    ExportFormat.TURTLE: (RdfFormat.TURTLE, ("ttl",)),
    ExportFormat.NTRIPLES: (RdfFormat.N_TRIPLES, ("nt", "n-triples")),
    ExportFormat.NQUADS: (RdfFormat.N_QUADS, ("nq", "n-quads")),
    ExportFormat.TRIG: (RdfFormat.TRIG, ()),
    ExportFormat.JSONLD: (RdfFormat.JSON_LD, ("json-ld", "json")),
    ExportFormat.RDFXML: (RdfFormat.RDF_XML, ("xml", "rdf/xml", "rdf+xml", "owl")),
}

def export_store(store: Store, output: str | Path | IO[bytes], *, format: str | ExportFormat | None = None) -> None:
    """Write the whole store to ``output`` (a path or a binary stream), streamed."""
    fmt = ExportFormat.parse(format, path=output if isinstance(output, (str, Path)) else None)
    if isinstance(output, (str, Path)):
        with open(output, "wb") as handle:
            _write(store, handle, fmt)
    else:
        _write(store, output, fmt)


def _write(store: Store, handle: IO[bytes], fmt: ExportFormat) -> None:
    # Triple formats get the union of the graphs, each triple once, streamed by the store (a
    # CONSTRUCT would keep every triple in memory to drop duplicates); JSON-LD inside a context.
    if fmt.keeps_graphs:
        _with_context(handle, fmt, lambda out: store.dump(out, fmt.rdf_format, prefixes=ns.PREFIXES))
    else:
        store.dump(handle, fmt.rdf_format, prefixes=ns.PREFIXES)


def _with_context(handle: IO[bytes], fmt: ExportFormat, write: Callable[[IO[bytes]], object]) -> None:
    """Run ``write``; for JSON-LD, inside a document whose ``@context`` declares the project's prefixes.

    pyoxigraph writes expanded JSON-LD (an array of node objects, named graphs as ``@graph``
    members); as the ``@graph`` of a document with a context it means the same, and a
    JSON-LD processor compacts it with that context to ``ak:subject``-style keys.
    """
    if fmt is not ExportFormat.JSONLD:
        write(handle)
        return
    handle.write(b'{"@context": ' + json.dumps(ns.PREFIXES).encode("utf-8") + b',\n"@graph": ')
    write(handle)
    handle.write(b"}\n")


#: What a triples-only import may not hold: the resources that live in per-article named graphs.
_ARTICLE_TYPES = {ns.PREFIXES["schema"] + "NewsArticle", ns.AK.Evidence}


def import_into(store: Store, source: str | Path | IO[bytes], *, format: str | ExportFormat | None = None) -> None:
    """Load an RDF file or binary stream into the store in one transaction.

    Raises:
        InvalidInputError: an unknown format; or a triples-only format (Turtle, N-Triples,
            RDF/XML) while the store or the data holds articles: their triples would land in
            the default graph, where deleting the article cannot find them (use N-Quads,
            TriG or JSON-LD, which keep one graph per article).
        QuerySyntaxError: the data does not parse.
    """
    fmt = ExportFormat.parse(format, path=source if isinstance(source, (str, Path)) else None)
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            _import(store, handle, fmt)
    else:
        _import(store, source, fmt)


def _import(store: Store, handle: IO[bytes], fmt: ExportFormat) -> None:
    if not fmt.keeps_graphs:
        if not handle.seekable():
            handle = io.BytesIO(handle.read())
        start = handle.tell()
        if bool(store.query(queries.HAS_ARTICLES.bind(), prefixes=ns.PREFIXES)) or _holds_articles(handle, fmt):
            kept = ", ".join(f.value for f in ExportFormat if f.keeps_graphs)
            raise InvalidInputError(
                f"refusing to import {fmt.value}: it keeps no named graphs, so the articles of the store or of "
                f"the data would share the default graph, where deleting an article cannot find its triples; "
                f"export and import with a format that keeps one graph per article: {kept}")
        handle.seek(start)
    store.load(handle, fmt.rdf_format)


def _holds_articles(handle: IO[bytes], fmt: ExportFormat) -> bool:
    """Return whether triples-only data describes articles or evidence (read as a stream, nothing kept)."""
    try:
        return any(t.predicate.value == ns.PREFIXES["rdf"] + "type" and t.object.value in _ARTICLE_TYPES
                   for t in parse(handle, fmt.rdf_format))
    except SyntaxError as err:
        raise QuerySyntaxError(f"cannot parse the {fmt.rdf_format.name} input: {err}") from err


_BATCH = 200


def _rows(store: Store, sparql: str) -> Iterator[Quad]:
    for row in store.query(sparql, prefixes=ns.PREFIXES):
        yield Quad(row["s"], row["p"], row["o"], row["g"])


def iter_selection(store: Store, facts: Iterable[NamedNode]) -> Iterator[Quad]:
    """Yield the quads of the given facts with everything needed to audit them, batch by batch.

    That is: the fact resources and their direct state-to-state triples, their
    evidence with its selectors, the articles the evidence comes from (not the
    other evidence in them), the states involved, the extraction activities and
    the vocabulary (the ontology graph).
    Only a batch of facts is held in memory at a time.
    """
    articles: set[NamedNode] = set()
    states: set[NamedNode] = set()
    batch: list[NamedNode] = []
    for fact in facts:
        batch.append(fact)
        if len(batch) == _BATCH:
            yield from _fact_batch(store, batch, articles, states)
            batch = []
    if batch:
        yield from _fact_batch(store, batch, articles, states)
    for chunk in _chunks(sorted(articles, key=str)):
        yield from _rows(store, queries.ARTICLE_QUADS.bind(articles=chunk))
    reference = NamedNode(ns.REFERENCE_GRAPH)
    for chunk in _chunks(sorted(states, key=str)):
        yield from _rows(store, queries.STATE_QUADS.bind(states=chunk, graph=reference))
    yield from _rows(store, queries.ACTIVITY_QUADS.bind(graph=reference))
    yield from _rows(store, queries.GRAPH_QUADS.bind(graph=NamedNode(ns.ONTOLOGY_GRAPH)))


def _fact_batch(store: Store, batch: list[NamedNode], articles: set[NamedNode],
                states: set[NamedNode]) -> Iterator[Quad]:
    yield from _rows(store, queries.FACT_QUADS.bind(facts=batch))
    for row in store.query(queries.FACT_SOURCES.bind(facts=batch), prefixes=ns.PREFIXES):
        if row["a"] is not None:
            articles.add(row["a"])
        states.update((row["x"], row["y"]))


def _chunks(items: list[NamedNode]) -> Iterator[list[NamedNode]]:
    for i in range(0, len(items), _BATCH):
        yield items[i:i + _BATCH]


def export_selection(store: Store, facts: Iterable[NamedNode], output: str | Path | IO[bytes], *,
                     format: str | ExportFormat | None = None) -> None:
    """Write the selected facts with their evidence, articles and states to ``output``, streamed."""
    fmt = ExportFormat.parse(format, path=output if isinstance(output, (str, Path)) else None)
    quads = iter_selection(store, facts)
    if isinstance(output, (str, Path)):
        with open(output, "wb") as handle:
            _serialize(quads, handle, fmt)
    else:
        _serialize(quads, output, fmt)


def _serialize(quads: Iterator[Quad], output: IO[bytes], fmt: ExportFormat) -> None:
    if fmt.keeps_graphs:
        _with_context(output, fmt, lambda out: serialize(quads, out, fmt.rdf_format, prefixes=ns.PREFIXES))
    else:
        serialize((q.triple for q in quads), output, fmt.rdf_format, prefixes=ns.PREFIXES)
