"""``alignkg extract``: JSON Lines or text files in, one JSON line of facts per article out."""

from __future__ import annotations

import datetime as dt
import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from graph import AlignkgError, Extractor


def _fail(where: str, message: str) -> None:
    typer.echo(f"alignkg extract: {where}: {message}", err=True)


def _parse_date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise AlignkgError(f"'published' must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def _stdin_records() -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """Yield (where, record, error) for each line of standard input, decoded strictly as UTF-8."""
    for number, raw in enumerate(sys.stdin.buffer, 1):
        where = f"line {number}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield where, None, f"not valid UTF-8 (byte {err.start})"
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield where, None, f"not valid JSON ({err.msg} at column {err.colno})"
            continue
        if not isinstance(row, dict):
            yield where, None, "expected a JSON object with 'id' and 'text'"
            continue
        if "text" not in row:
            yield where, None, "missing 'text'"
            continue
        if not isinstance(row["text"], str):
            yield where, None, "'text' must be a string"
            continue
        row.setdefault("id", f"line-{number}")
        yield where, row, None


def _metadata(folder: Path) -> dict[str, Any]:
    """Read ``metadata.toml`` beside the articles, if any: one table per article id."""
    path = folder / "metadata.toml"
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        typer.echo(f"alignkg extract: {path}: metadata ignored ({err})", err=True)
        return {}


def _file_records(paths: list[Path]) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    for path in paths:
        if not path.exists():
            yield str(path), None, "no such file or folder"
            continue
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        if path.is_dir() and not files:
            yield str(path), None, "folder holds no .txt file"
        for file in files:
            try:
                text = file.read_bytes().decode("utf-8")
            except OSError as err:
                yield str(file), None, f"cannot read ({err.strerror})"
                continue
            except UnicodeDecodeError as err:
                yield str(file), None, f"not valid UTF-8 (byte {err.start})"
                continue
            meta = _metadata(file.parent).get(file.stem, {})
            yield str(file), {"id": file.stem, "text": text, "published": meta.get("published")}, None


def extract(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Text files or folders of .txt files; without any, JSON Lines {\"id\", \"text\"} on stdin.")] = None,
    model: Annotated[str | None, typer.Option(help="An installed trained spaCy pipeline to tokenize with.")] = None,
) -> None:
    """Extract facts and claims: writes one JSON line {"id", "facts", "claims"} per article."""
    extractor = Extractor(model=model)
    records = _file_records(paths) if paths else _stdin_records()
    failures = 0
    for where, row, error in records:
        if error is not None or row is None:
            _fail(where, error or "unreadable")
            failures += 1
            continue
        try:
            result = extractor.extract(row["text"], id=str(row["id"]),
                                       published=_parse_date(row.get("published"), where))
        except AlignkgError as err:
            _fail(where, str(err))
            failures += 1
            continue
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if failures:
        typer.echo(f"alignkg extract: {failures} record(s) could not be processed", err=True)
        raise typer.Exit(code=1)
