"""``alignkg extract``: JSON Lines or text files in, one JSON line of facts per article out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from alignkg.app.cli.records import parse_date, read_records, report
from alignkg.graph import AlignkgError


def extract(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Text files or folders of .txt files; without any, JSON Lines {\"id\", \"text\"} on stdin.")] = None,
    model: Annotated[str | None, typer.Option(help="An installed trained spaCy pipeline to tokenize with.")] = None,
) -> None:
    """Extract facts and claims: writes one JSON line {"id", "facts", "claims"} per article."""
    from alignkg.graph import Extractor

    extractor = Extractor(model=model)
    failures = 0
    for where, row, error in read_records(paths):
        if error is not None or row is None:
            report("extract", where, error or "unreadable")
            failures += 1
            continue
        try:
            published = parse_date(row.get("published"), where)
            result = extractor.extract(row["text"], id=str(row["id"]), published=published)
        except AlignkgError as err:
            report("extract", where, str(err))
            failures += 1
            continue
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if failures:
        typer.echo(f"alignkg extract: {failures} record(s) could not be processed", err=True)
        raise typer.Exit(code=1)
