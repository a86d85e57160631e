"""The events table: one row per fact, in the shape event-data users load (GDELT, ICEWS, POLECAT).

Each row is a fact that is not retracted, with its states, type, quad class, direction, dates,
corroboration counts, one sentence that states it with its URL, and the PLOVER type, CAMEO
codes and Goldstein weight of its edge type (:class:`alignkg.graph.ontology.EventCode`). The
columns are :data:`COLUMNS`, in that order, in the CSV, the Parquet file and
``kg.facts_frame()``. CSV is written as the rows are read (memory does not grow with the
graph); Parquet goes through pandas and needs pyarrow. The facts are selected with the filters
of :mod:`alignkg.graph.rdf.facts`; this module reads SPARQL rows and writes tables, nothing else.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from alignkg.graph import namespace as ns
from alignkg.graph.errors import InvalidInputError
from alignkg.graph.ontology import EdgeType
from alignkg.graph.rdf import facts as fact_rows
from alignkg.graph.rdf import queries
from alignkg.graph.rdf.reader import to_python
from alignkg.graph.store.base import Store


class TableFormat(StrEnum):
    """The formats of the events table."""

    CSV = "csv"
    PARQUET = "parquet"

    @property
    def media_type(self) -> str:
        """The media type of the format, for HTTP."""
        return _MEDIA[self]

    @property
    def file_extension(self) -> str:
        """The file extension of the format."""
        return self.value

    @classmethod
    def lookup(cls, value: str | None, *, path: str | Path | None = None) -> TableFormat | None:
        """Return the table format named by ``value`` (name, extension or media type), else None.

        With no ``value``, the format is guessed from ``path``'s extension.

        Example:
            >>> TableFormat.lookup("text/csv"), TableFormat.lookup("turtle"), TableFormat.lookup(None, path="f.parquet")
            (<TableFormat.CSV: 'csv'>, None, <TableFormat.PARQUET: 'parquet'>)
        """
        if value is None and path is not None:
            value = Path(path).suffix.lstrip(".")
        key = (value or "").strip().lower()
        for fmt in cls:
            if key in (fmt.value, _MEDIA[fmt]):
                return fmt
        return None


_MEDIA = {TableFormat.CSV: "text/csv", TableFormat.PARQUET: "application/vnd.apache.parquet"}


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the events table: its name, its type in pandas, and what it holds."""

    name: str
    dtype: str
    description: str


#: The columns of the events table, in order. ``dtype`` is the pandas type of ``kg.facts_frame()``.
COLUMNS: tuple[Column, ...] = (
    Column("fact_id", "string", "The fact's id (the end of its IRI); /facts/{id} shows it with all its evidence."),
    Column("subject", "string", "The subject state's ISO 3166-1 alpha-3 code."),
    Column("type", "string", "The edge type id (arms_transfer...)."),
    Column("object", "string", "The object state's code."),
    Column("quad_class", "string", "The quad class of the edge type (material_cooperation...)."),
    Column("directed", "bool", "False when no text says which state is the subject (an undirected deal)."),
    Column("hedged", "bool", "True when every sentence reports or alleges the event."),
    Column("first_seen", "datetime64[ns]", "The earliest date of the articles that state it (empty: none dated)."),
    Column("last_seen", "datetime64[ns]", "The latest date of the articles that state it."),
    Column("event_date", "datetime64[ns]", "The earliest date its sentences give the event (empty: none)."),
    Column("articles", "int64", "The number of articles (documents) that state it."),
    Column("sources", "int64", "The number of distinct sources (publisher domains) among them."),
    Column("evidence_count", "int64", "The number of sentences that state it."),
    Column("sentence", "string", "One sentence that states it: the earliest by article date, id and position."),
    Column("url", "string", "The URL of that sentence's article (empty when it has none)."),
    Column("plover", "string", "The PLOVER event type of the edge type (COOPERATE, ASSAULT...)."),
    Column("cameo_root", "string", "The CAMEO root code of the edge type (two digits, kept as text: '06')."),
    Column("cameo_code", "string", "The CAMEO code of the edge type (kept as text: '062')."),
    Column("goldstein", "float64", "The Goldstein weight of that CAMEO code, -10 (conflict) to +10 (cooperation)."),
)
NAMES = tuple(c.name for c in COLUMNS)


def iter_rows(store: Store, selection: fact_rows.FactFilter) -> Iterator[dict[str, Any]]:
    """Yield one row per selected fact (columns :data:`NAMES`), in the order of ``kg.facts()``."""
    last = None
    for row in store.query(queries.event_rows(selection), prefixes=ns.PREFIXES):
        if row["f"].value == last:
            continue  # another piece of evidence of the fact just written
        last = row["f"].value
        fact = fact_rows.fact_of(row)
        spec = EdgeType(fact.type).spec
        yield {"fact_id": ns.fact_id(last), "subject": fact.subject, "type": fact.type.value,
               "object": fact.object, "quad_class": spec.quad_class.value, "directed": fact.directed,
               "hedged": fact.hedged, "first_seen": fact.first_seen, "last_seen": fact.last_seen,
               "event_date": fact.event_date, "articles": fact.articles, "sources": fact.sources,
               "evidence_count": fact.evidence_count, "sentence": to_python(row["text"]),
               "url": to_python(row["url"]), "plover": spec.event.plover, "cameo_root": spec.event.cameo_root,
               "cameo_code": spec.event.cameo, "goldstein": spec.event.goldstein}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(rows: Iterator[dict[str, Any]], output: IO[bytes]) -> None:
    """Write rows as CSV (RFC 4180, UTF-8, a header line), streamed; empty cells for unknown values."""
    writer = csv.writer(_Utf8(output))
    writer.writerow(NAMES)
    for row in rows:
        writer.writerow([_cell(row[name]) for name in NAMES])


class _Utf8:
    """A text sink over a binary stream: what ``csv.writer`` writes goes out as UTF-8, line by line.

    Any binary file object will do (an HTTP response's queue too), unlike ``io.TextIOWrapper``,
    which needs a full ``io`` stream.
    """

    def __init__(self, output: IO[bytes]) -> None:
        self.output = output

    def write(self, text: str) -> int:
        self.output.write(text.encode("utf-8"))
        return len(text)


def to_frame(rows: Iterator[dict[str, Any]]) -> Any:
    """Return a pandas DataFrame of rows with the types of :data:`COLUMNS` (pandas must be installed)."""
    import pandas

    frame = pandas.DataFrame(list(rows), columns=list(NAMES))
    for column in COLUMNS:
        if column.dtype.startswith("datetime"):
            frame[column.name] = pandas.to_datetime(frame[column.name]).astype(column.dtype)
        else:
            frame[column.name] = frame[column.name].astype(column.dtype)
    return frame


def write_table(rows: Iterator[dict[str, Any]], output: str | Path | IO[bytes], fmt: TableFormat) -> None:
    """Write the events table to a path or binary stream as CSV or Parquet.

    Raises:
        InvalidInputError: Parquet without pandas and pyarrow installed.
    """
    if fmt is TableFormat.PARQUET:
        missing = [m for m in ("pandas", "pyarrow") if importlib.util.find_spec(m) is None]
        if missing:
            raise InvalidInputError(f"the parquet format needs {' and '.join(missing)} (pip install "
                                    f"{' '.join(missing)}); csv needs nothing")
        to_frame(rows).to_parquet(output, index=False)
        return
    if isinstance(output, (str, Path)):
        with open(output, "wb") as handle:
            write_csv(rows, handle)
    else:
        write_csv(rows, output)
