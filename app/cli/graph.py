"""``alignkg ingest``, ``import``, ``export`` and ``stats``: the commands that write or dump the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from alignkg.app.cli.records import read_records, to_article
from alignkg.app.cli.records import report as report_problem
from alignkg.graph import AlignkgError

if TYPE_CHECKING:  # the store (pyoxigraph) and the extractor (spaCy) load when a command opens the graph
    from alignkg.graph import Article, IngestProgress, KnowledgeGraph

StoreOption = Annotated[Path | None, typer.Option("--store", help="Store folder (default: ALIGNKG_STORE_PATH or "
                                                                    "the user data folder).")]
#: Show a progress bar from this many records on (or always when stderr is a terminal).
_PROGRESS_FROM = 50


def open_graph(store: Path | None) -> KnowledgeGraph:
    """Open the knowledge graph at ``store`` or the configured path; exit with a message if it fails."""
    from alignkg.app.settings import SettingsError, get_settings
    from alignkg.graph import KnowledgeGraph

    try:
        path = store or get_settings().store_path
    except SettingsError as err:
        typer.echo(f"alignkg: {err}", err=True)
        raise typer.Exit(code=2) from None
    try:
        return KnowledgeGraph.open(path)
    except AlignkgError as err:
        typer.echo(f"alignkg: cannot open the store at {path}: {err}", err=True)
        raise typer.Exit(code=2) from err


def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="JSON Lines files ({\"id\", \"text\"[, \"published\", \"title\", \"url\", \"publisher\"]}), "
             ".txt files or folders of them; without any, JSON Lines on stdin.")] = None,
    store: StoreOption = None,
    replace: Annotated[bool, typer.Option(help="Replace an article stored under the same id with another text.")]
    = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extract in this many processes.")] = 1,
    batch: Annotated[int, typer.Option(min=1, help="Articles per write transaction.")] = 100,
    cluster: Annotated[str | None, typer.Option(
        help="Extract on this Dask scheduler (tcp://scheduler:8786; needs alignkg[cluster]) instead of --jobs.")]
    = None,
) -> None:
    """Extract articles and store their facts and evidence, a transaction per batch; resumable.

    Articles already stored with the same text are skipped before extraction, so running the
    same command again after a stop completes the ingest. A bad record is reported at the end.
    """
    from alignkg.graph import ingest_articles

    articles, failures = _read_articles(paths)
    show = len(articles) >= _PROGRESS_FROM or sys.stderr.isatty()
    with open_graph(store) as kg, _progress_bar(len(articles), show) as progress:
        try:
            report = ingest_articles(kg, articles, jobs=jobs, batch=batch, cluster=cluster, replace=replace,
                                     total=len(articles), progress=progress)
        except AlignkgError as err:
            typer.echo(f"alignkg ingest: {err}", err=True)
            raise typer.Exit(code=1) from err
        except KeyboardInterrupt:
            typer.echo("alignkg ingest: interrupted; the batches written are kept: run the same command again "
                       "to resume", err=True)
            raise typer.Exit(code=130) from None
        stats = kg.stats()
    for problem in report.problems:
        report_problem("ingest", problem.id, problem.message)
    failures += len(report.problems)
    typer.echo(f"ingested {report.stored} article(s), {report.unchanged} unchanged in {report.elapsed_s:.1f} s "
               f"({report.rate:.1f} articles/s); the store holds {stats['facts']} facts from {stats['articles']} "
               "articles", err=True)
    if failures:
        typer.echo(f"alignkg ingest: {failures} record(s) could not be ingested", err=True)
        raise typer.Exit(code=1)


def _read_articles(paths: list[Path] | None) -> tuple[list[Article], int]:
    """Return the articles of the input records, reporting the records that are not articles, and their count."""
    articles: list[Article] = []
    failures = 0
    for where, row, error in read_records(paths):
        if error is not None or row is None:
            report_problem("ingest", where, error or "unreadable")
            failures += 1
            continue
        try:
            articles.append(to_article(row, where))
        except AlignkgError as err:
            report_problem("ingest", where, str(err))
            failures += 1
    return articles, failures


@contextmanager
def _progress_bar(total: int, show: bool) -> Iterator[Callable[[IngestProgress], None]]:
    """Yield a progress callback drawing a bar on stderr (articles done of ``total``, and the rate)."""
    from tqdm import tqdm

    bar = tqdm(total=total, unit="article", disable=not show, file=sys.stderr)

    def update(progress: IngestProgress) -> None:
        bar.update(progress.done - bar.n)
        if progress.failed:
            bar.set_postfix(failed=progress.failed, refresh=False)

    try:
        yield update
    finally:
        bar.close()


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
