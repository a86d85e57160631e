"""``alignkg ingest``, ``import``, ``export`` and ``stats``: the commands that write or dump the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from alignkg.app.cli.records import read_records, report, to_article
from alignkg.graph import AlignkgError

if TYPE_CHECKING:  # the store (pyoxigraph) and the extractor (spaCy) load when a command opens the graph
    from alignkg.graph import Article, KnowledgeGraph

StoreOption = Annotated[str | None, typer.Option("--store", help="Store folder, or the http(s) URL of a SPARQL "
                                                                   "server (default: ALIGNKG_STORE_URL, else "
                                                                   "ALIGNKG_STORE_PATH, else the user data folder).")]
#: Show a progress bar from this many records on (or always when stderr is a terminal).
_PROGRESS_FROM = 50


def open_graph(store: str | None) -> KnowledgeGraph:
    """Open the knowledge graph at ``store`` (a folder or a SPARQL server's URL), else the configured one.

    Exits with a message if it fails; a URL is never taken for a folder name.
    """
    from alignkg.app.settings import SettingsError, get_settings
    from alignkg.graph import KnowledgeGraph

    try:
        settings = get_settings()
    except SettingsError as err:
        typer.echo(f"alignkg: {err}", err=True)
        raise typer.Exit(code=2) from None
    location = store or settings.store_url or str(settings.store_path)
    remote = KnowledgeGraph.is_remote(location)
    try:
        if remote:
            return KnowledgeGraph.connect(location, **settings.remote_store_options())
        return KnowledgeGraph.open(Path(location) if store is None else location)
    except AlignkgError as err:
        where = "" if remote else f" at {location}"  # a remote store's errors name its URL, without credentials
        typer.echo(f"alignkg: cannot open the store{where}: {err}", err=True)
        raise typer.Exit(code=2) from err


def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="JSON Lines files ({\"id\", \"text\"[, \"published\", \"title\", \"url\", \"publisher\"]}), "
             ".txt files or folders of them; without any, JSON Lines on stdin.")] = None,
    store: StoreOption = None,
    replace: Annotated[bool, typer.Option(help="Replace an article stored under the same id with another text.")]
    = False,
) -> None:
    """Extract articles and store their facts and evidence (one transaction per article, each a batch of one)."""
    from tqdm import tqdm

    records = list(read_records(paths))
    failures = stored = unchanged = 0
    articles: list[Article] = []
    for where, row, error in records:
        if error is not None or row is None:
            report("ingest", where, error or "unreadable")
            failures += 1
            continue
        try:
            articles.append(to_article(row, where))
        except AlignkgError as err:
            report("ingest", where, str(err))
            failures += 1
    show = len(articles) >= _PROGRESS_FROM or sys.stderr.isatty()
    with open_graph(store) as kg:
        progress = tqdm(total=len(articles), unit="article", disable=not show, file=sys.stderr)
        for article in articles:
            try:
                changed = next(_one(kg, article, replace))
            except AlignkgError as err:
                report("ingest", article.id, str(err))
                failures += 1
            else:
                stored += changed
                unchanged += not changed
            progress.update(1)
        progress.close()
        stats = kg.stats()
    typer.echo(f"ingested {stored} article(s), {unchanged} unchanged; the store holds {stats['facts']} facts "
               f"from {stats['articles']} articles", err=True)
    if failures:
        typer.echo(f"alignkg ingest: {failures} record(s) could not be ingested", err=True)
        raise typer.Exit(code=1)


def _one(kg: KnowledgeGraph, article: Article, replace: bool) -> Iterator[bool]:
    for _, changed in kg.ingest_many([article], replace=replace):
        yield changed


def export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    format: Annotated[str | None, typer.Option(help="turtle, ntriples, nquads, trig, jsonld or rdfxml; csv or "
                                                    "parquet for the events table, one row per fact (default: "
                                                    "from the file extension, else turtle).")] = None,
    type: Annotated[str | None, typer.Option(help="Only facts of this edge type.")] = None,
    state: Annotated[str | None, typer.Option(help="Only facts with this state on either side.")] = None,
    subject: Annotated[str | None, typer.Option(help="Only facts with this subject.")] = None,
    object: Annotated[str | None, typer.Option(help="Only facts with this object.")] = None,
    since: Annotated[str | None, typer.Option(help="Only facts last seen on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only facts first seen on or before this date.")] = None,
    date: Annotated[str, typer.Option(help="The dates --since and --until look at: seen (the articles') or "
                                           "event (the sentences').")] = "seen",
    min_sources: Annotated[int | None, typer.Option(help="Only facts stated by at least this many sources.")]
    = None,
    store: StoreOption = None,
) -> None:
    """Export the graph (or the facts matching filters, with their evidence) as RDF, or the events table."""
    fmt = format or (None if output is not None and output.suffix else "turtle")
    with open_graph(store) as kg:
        try:
            kg.export(output if output is not None else sys.stdout.buffer, format=fmt, type=type, state=state,
                      subject=subject, object=object, since=since, until=until, date=date,
                      min_sources=min_sources)
        except AlignkgError as err:
            typer.echo(f"alignkg export: {err}", err=True)
            raise typer.Exit(code=1) from err


def import_(
    source: Annotated[Path, typer.Argument(help="An RDF file (N-Quads or TriG keep the named graphs).")],
    format: Annotated[str | None, typer.Option(help="The file's format (default: from its extension).")] = None,
    store: StoreOption = None,
) -> None:
    """Load an RDF dump into the store, in one transaction."""
    if not source.is_file():
        typer.echo(f"alignkg import: {source}: no such file", err=True)
        raise typer.Exit(code=2)
    with open_graph(store) as kg:
        try:
            kg.import_(source, format=format)
        except AlignkgError as err:
            typer.echo(f"alignkg import: {source}: {err}", err=True)
            raise typer.Exit(code=1) from err
        typer.echo(f"imported {source}; the store holds {kg.stats()['quads']} quads", err=True)


def stats(store: StoreOption = None,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Print what the store holds: articles, facts by type, claims, evidence, quads."""
    with open_graph(store) as kg:
        counts = kg.stats()
    if as_json:
        typer.echo(json.dumps(counts, indent=2))
        return
    for key in ("articles", "facts", "claims", "evidence", "quads"):
        typer.echo(f"{key:<12} {counts[key]:>10,}")
    for edge_type, n in counts["facts_by_type"].items():
        typer.echo(f"  {edge_type:<20} {n:>6,}")
