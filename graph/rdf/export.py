"""Streamed export and import of the graph in the six RDF formats.

One table maps our format names (and file extensions) to pyoxigraph's
``RdfFormat``. Dataset formats (N-Quads, TriG) keep the named graphs, so an
export re-imported into an empty store gives back the same graph; triple
formats (Turtle, N-Triples, RDF/XML) and JSON-LD carry the union of the graphs.
Serialization is pyoxigraph's, writing as it reads, so memory does not grow
with the graph.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import IO

from pyoxigraph import RdfFormat, serialize

from graph.errors import InvalidInputError
from graph.store.base import Store


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
        for fmt, (rdf_format, aliases) in _TABLE.items():
            if key in (fmt.value, rdf_format.file_extension, rdf_format.media_type, *aliases):
                return fmt
        accepted = ", ".join(f.value for f in cls)
        raise InvalidInputError(f"unknown RDF format {value!r}; expected one of {accepted}")


_TABLE: dict[ExportFormat, tuple[RdfFormat, tuple[str, ...]]] = {
    ExportFormat.TURTLE: (RdfFormat.TURTLE, ("ttl",)),
    ExportFormat.NTRIPLES: (RdfFormat.N_TRIPLES, ("nt", "n-triples")),
    ExportFormat.NQUADS: (RdfFormat.N_QUADS, ("nq", "n-quads")),
    ExportFormat.TRIG: (RdfFormat.TRIG, ()),
    ExportFormat.JSONLD: (RdfFormat.JSON_LD, ("json-ld", "json")),
    ExportFormat.RDFXML: (RdfFormat.RDF_XML, ("rdf", "xml", "rdf/xml", "owl")),
}

_ALL_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def export_store(store: Store, output: str | Path | IO[bytes], *, format: str | ExportFormat | None = None) -> None:
    """Write the whole store to ``output`` (a path or a binary stream), streamed."""
    fmt = ExportFormat.parse(format, path=output if isinstance(output, (str, Path)) else None)
    if isinstance(output, (str, Path)):
        with open(output, "wb") as handle:
            _write(store, handle, fmt)
    else:
        _write(store, output, fmt)


def _write(store: Store, handle: IO[bytes], fmt: ExportFormat) -> None:
    if fmt.rdf_format.supports_datasets:
        store.dump(handle, fmt.rdf_format)
    else:
        serialize(store.query(_ALL_TRIPLES), handle, fmt.rdf_format)


def import_into(store: Store, source: str | Path | IO[bytes], *, format: str | ExportFormat | None = None) -> None:
    """Load an RDF file or binary stream into the store in one transaction."""
    fmt = ExportFormat.parse(format, path=source if isinstance(source, (str, Path)) else None)
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            store.load(handle, fmt.rdf_format)
    else:
        store.load(source, fmt.rdf_format)
