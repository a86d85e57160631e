"""Input records for batch commands: JSON Lines on stdin, or .txt files and folders.

Each record comes with where it was read ("line 3", a file path) so that a bad
one can be reported and the others still processed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import typer

from alignkg.graph import AlignkgError, Article, InvalidInputError, to_date

Record = tuple[str, dict[str, Any] | None, str | None]


def parse_date(value: Any, where: str) -> dt.date | None:
    """Return the ISO date of a record's ``published`` field, or None when absent."""
    if value in (None, ""):
        return None
    try:  # a timestamp's date part counts: records often carry 2024-05-01T08:00:00Z
        return to_date(str(value)[:10])
    except InvalidInputError:
        raise AlignkgError(f"'published' must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def stdin_records() -> Iterator[Record]:
    """Yield the records of JSON Lines on standard input."""
    return jsonl_records(sys.stdin.buffer, "line")


def jsonl_records(stream: IO[bytes], label: str) -> Iterator[Record]:
    """Yield (where, record, error) for each JSON line of ``stream``, decoded strictly as UTF-8."""
    for number, raw in enumerate(stream, 1):
        where = f"{label} {number}"
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


def file_records(paths: list[Path]) -> Iterator[Record]:
    for path in paths:
        if not path.exists():
            yield str(path), None, "no such file or folder"
            continue
        if path.is_file() and path.suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as handle:
                yield from jsonl_records(handle, f"{path} line")
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
            yield str(file), {"id": file.stem, "text": text, **{k: meta.get(k) for k in _META_KEYS}}, None




_META_KEYS = ("published", "title", "url", "publisher")


def read_records(paths: list[Path] | None) -> Iterator[Record]:
    """Yield records from files and folders when given, else from JSON Lines on stdin."""
    return file_records(paths) if paths else stdin_records()


def to_article(row: dict[str, Any], where: str) -> Article:
    """Return the article a record describes.

    Raises:
        AlignkgError: a field has the wrong form.
    """
    published = parse_date(row.get("published"), where)
    def text_field(name: str) -> str | None:
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            raise AlignkgError(f"'{name}' must be a string")
        return value
    return Article(id=str(row["id"]), text=row["text"], title=text_field("title"), url=text_field("url"),
                   published=published, publisher=text_field("publisher"))


def report(command: str, where: str, message: str) -> None:
    """Print a record's problem on stderr, naming where it was read."""
    typer.echo(f"alignkg {command}: {where}: {message}", err=True)
