"""``alignkg query``: the pattern language (or SPARQL) against the store, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from alignkg.app.cli.graph import ServerOption, StoreOption, open_graph, running_service, service_client
from alignkg.graph import AlignkgError

if TYPE_CHECKING:
    from alignkg.graph import Rows

_CELL = 70


class OutputFormat(StrEnum):
    """How rows are printed."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _table(rows: Rows) -> str:
    cells = [[("" if row[c] is None else str(_plain(row[c]))) for c in rows.columns] for row in rows]
    cells = [[c if len(c) <= _CELL else c[:_CELL - 1] + "…" for c in line] for line in cells]
    widths = [max([len(col)] + [len(line[i]) for line in cells]) for i, col in enumerate(rows.columns)]
    lines = ["  ".join(col.ljust(w) for col, w in zip(rows.columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def query(
    text: Annotated[str, typer.Argument(help="A pattern query, e.g. '?x arms_transfer RUS with evidence' "
                                             "(see docs/query-language.md), or SPARQL with --sparql.")],
    sparql: Annotated[bool, typer.Option("--sparql", help="TEXT is SPARQL 1.1 (SELECT/ASK/CONSTRUCT/DESCRIBE).")]
    = False,
    format: Annotated[OutputFormat, typer.Option(help="table, json or csv.")] = OutputFormat.TABLE,
    store: StoreOption = None,
    server: ServerOption = None,
) -> None:
    """Query the graph and print the rows."""
    from alignkg.graph import Rows

    path, service = running_service(store, server)
    result: Any
    if service is not None:
        with service_client(service, "query") as client:
            answer = client.sparql(text) if sparql else client.pattern(text)
        if isinstance(answer, str):  # CONSTRUCT or DESCRIBE through the server: its N-Triples
            typer.echo(answer, nl=False)
            return
        result = answer if isinstance(answer, bool) else Rows(*answer)
    else:
        with open_graph(path, "query") as kg:
            try:
                result = kg.sparql(text) if sparql else kg.query(text)
            except AlignkgError as err:
                typer.echo(f"alignkg query: {err}", err=True)
                raise typer.Exit(code=1) from err
    if isinstance(result, bool):
        typer.echo(json.dumps(result) if format is OutputFormat.JSON else str(result).lower())
        return
    if isinstance(result, list):  # CONSTRUCT / DESCRIBE triples
        result = Rows(["subject", "predicate", "object"], [dict(zip(("subject", "predicate", "object"), t,
                                                                    strict=True)) for t in result])
    if format is OutputFormat.JSON:
        typer.echo(json.dumps([{k: _plain(v) for k, v in row.items()} for row in result], ensure_ascii=False,
                              indent=2))
    elif format is OutputFormat.CSV:
        writer = csv.DictWriter(sys.stdout, fieldnames=result.columns)
        writer.writeheader()
        for row in result:
            writer.writerow({k: _plain(v) for k, v in row.items()})
    else:
        typer.echo(_table(result))
