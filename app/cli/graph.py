"""``alignkg ingest``, ``import``, ``export`` and ``stats``: the commands that write or dump the store."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from alignkg.app.cli.records import read_records, to_article
from alignkg.app.cli.records import report as report_problem
from alignkg.app.cli.service import Client, Service, ServiceError, find, given_service, served_elsewhere
from alignkg.graph import AlignkgError

if TYPE_CHECKING:  # the store (pyoxigraph) and the extractor (spaCy) load when a command opens the graph
    from alignkg.graph import Article, IngestProgress, KnowledgeGraph

StoreOption = Annotated[str | None, typer.Option("--store", help="Store folder, or the http(s) URL of a SPARQL "
                                                                   "server (default: ALIGNKG_STORE_URL, else "
                                                                   "ALIGNKG_STORE_PATH, else the user data folder).")]
ServerOption = Annotated[str | None, typer.Option(
    "--server", help="Work through the alignkg serve at this http(s) URL (default: the one recorded in the store's "
                     "folder while it runs, if any).")]
#: Show a progress bar from this many records on (or always when stderr is a terminal).
_PROGRESS_FROM = 50


def store_location(store: str | None) -> str:
    """Return the store: ``store``, else ``ALIGNKG_STORE_URL``, else the configured folder; exit on bad settings."""
    from alignkg.app.settings import SettingsError, get_settings

    try:
        settings = get_settings()
    except SettingsError as err:
        typer.echo(f"alignkg: {err}", err=True)
        raise typer.Exit(code=2) from None
    return store or settings.store_url or str(settings.store_path)


def open_graph(store: str | None, command: str | None = None) -> KnowledgeGraph:
    """Open the knowledge graph at ``store`` (a folder or a SPARQL server's URL), else the configured one.

    Exits with a one-line message if it fails; a URL is never taken for a folder name. A folder
    that ``alignkg serve`` holds, or that another process has open, is named as such.
    """
    from alignkg.app.settings import get_settings
    from alignkg.graph import KnowledgeGraph, StoreLockedError

    name = f"alignkg {command}" if command else "alignkg"
    location = store_location(store)
    remote = KnowledgeGraph.is_remote(location)
    if not remote and (service := find(Path(location))) is not None:
        raise served_elsewhere(name, Path(location), service)
    try:
        if remote:
            return KnowledgeGraph.connect(location, **get_settings().remote_store_options())
        return KnowledgeGraph.open(Path(location))
    except StoreLockedError as err:
        typer.echo(f"{name}: the store at {location} is open in another process (an alignkg command still "
                   "running?); wait for it to end, or give another --store", err=True)
        raise typer.Exit(code=2) from err
    except AlignkgError as err:
        # a remote store's errors name its URL, without credentials; the embedded store's name its folder
        typer.echo(f"alignkg: cannot open the store: {err}" if remote else f"alignkg: {err}", err=True)
        raise typer.Exit(code=2) from err


def running_service(store: str | None, server: str | None = None) -> tuple[str, Service | None]:
    """Return the store and the ``alignkg serve`` to work through: ``server``, else the one recorded beside it.

    A server given by URL is taken to have the default limits of a request (``max_body_bytes``,
    ``max_batch_articles``); a recorded one says its own.
    """
    from alignkg.graph import KnowledgeGraph

    if server is not None:
        return server, given_service(server)
    location = store_location(store)
    return location, None if KnowledgeGraph.is_remote(location) else find(Path(location))


@contextmanager
def service_client(service: Service, command: str) -> Iterator[Client]:
    """Yield a client of ``service`` with the configured API key; its errors end the command in one line."""
    import httpx

    from alignkg.app.settings import SettingsError, get_settings

    try:
        keys = get_settings().api_keys
    except SettingsError as err:
        typer.echo(f"alignkg {command}: {err}", err=True)
        raise typer.Exit(code=2) from None
    try:
        with Client(service, keys[0].get_secret_value() if keys else None) as client:
            yield client
    except ServiceError as err:
        hint = (" (give this command the server's key in ALIGNKG_API_KEYS)"
                if err.code in ("unauthorized", "forbidden") else "")
        typer.echo(f"alignkg {command}: alignkg serve at {service.url} answered {err.code}: {err}{hint}", err=True)
        raise typer.Exit(code=1) from None
    except httpx.HTTPError as err:
        typer.echo(f"alignkg {command}: alignkg serve at {service.url} could not be reached: {err}", err=True)
        raise typer.Exit(code=1) from None


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
        help="Extract on this Dask scheduler (tcp://scheduler:8786; needs the extra named cluster) instead of --jobs.")]
    = None,
    server: ServerOption = None,
) -> None:
    """Extract articles and store their facts and evidence, a transaction per batch; resumable.

    Articles already stored with the same text are skipped before extraction, so running the
    same command again after a stop completes the ingest. A bad record is reported at the end.
    """
    from alignkg.graph import ingest_articles

    articles, failures = _read_articles(paths)
    show = len(articles) >= _PROGRESS_FROM or sys.stderr.isatty()
    path, service = running_service(store, server)
    if service is not None:
        _ingest_through(service, articles, replace=replace, show=show, failures=failures, parallel=jobs > 1 or
                        cluster is not None)
        return
    with open_graph(path, "ingest") as kg, _progress_bar(len(articles), show) as progress:
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


def _ingest_through(service: Service, articles: list[Article], *, replace: bool, show: bool, failures: int,
                    parallel: bool) -> None:
    """Ingest ``articles`` through the running server, in batches of JSON Lines; report as the local ingest does."""
    from tqdm import tqdm

    if parallel:
        typer.echo(f"alignkg ingest: the store is served by alignkg serve at {service.url}: the articles go through "
                   "it and are extracted there (--jobs and --cluster apply to a store this command opens)", err=True)
    started = time.monotonic()
    stored = unchanged = 0
    problems: list[tuple[str, str]] = []
    with service_client(service, "ingest") as client:
        bar = tqdm(total=len(articles), unit="article", disable=not show, file=sys.stderr)
        try:
            for result in client.ingest(articles, replace=replace):
                bar.update(1)
                if result["status"] == "failed":
                    problems.append((str(result.get("id") or result.get("index")), str(result["detail"])))
                stored += result["status"] == "stored"
                unchanged += result["status"] == "unchanged"
        except KeyboardInterrupt:
            typer.echo("alignkg ingest: interrupted; the batches the server stored are kept: run the same command "
                       "again to resume", err=True)
            raise typer.Exit(code=130) from None
        finally:
            bar.close()
        stats = client.stats()
    for where, message in problems:
        report_problem("ingest", where, message)
    failures += len(problems)
    elapsed = time.monotonic() - started
    typer.echo(f"ingested {stored} article(s), {unchanged} unchanged in {elapsed:.1f} s "
               f"({(stored + unchanged) / elapsed if elapsed else 0:.1f} articles/s) through alignkg serve at "
               f"{service.url}; the store holds {stats['facts']} facts from {stats['articles']} articles", err=True)
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
    server: ServerOption = None,
) -> None:
    """Export the graph (or the facts matching filters, with their evidence) as RDF, or the events table."""
    fmt = format or (None if output is not None and output.suffix else "turtle")
    path, service = running_service(store, server)
    if service is not None:
        params = {"format": fmt or (output.suffix.lstrip(".") if output is not None else None), "type": type,
                  "state": state, "subject": subject, "object": object, "since": since, "until": until,
                  "date": date, "min_sources": min_sources}
        _export_through(service, output, params)
        return
    with open_graph(path, "export") as kg:
        try:
            kg.export(output if output is not None else sys.stdout.buffer, format=fmt, type=type, state=state,
                      subject=subject, object=object, since=since, until=until, date=date,
                      min_sources=min_sources)
        except AlignkgError as err:
            typer.echo(f"alignkg export: {err}", err=True)
            raise typer.Exit(code=1) from err


def _export_through(service: Service, output: Path | None, params: dict[str, Any]) -> None:
    """Write the running server's export to ``output`` (or stdout); a failed export leaves no partial file."""
    with service_client(service, "export") as client:
        if output is None:
            client.export(sys.stdout.buffer, params)
            return
        try:
            with output.open("wb") as target:
                client.export(target, params)
        except BaseException:
            output.unlink(missing_ok=True)
            raise


def import_(
    source: Annotated[Path, typer.Argument(help="An RDF file (N-Quads or TriG keep the named graphs).")],
    format: Annotated[str | None, typer.Option(help="The file's format (default: from its extension).")] = None,
    store: StoreOption = None,
) -> None:
    """Load an RDF dump into the store, in one transaction."""
    if not source.is_file():
        typer.echo(f"alignkg import: {source}: no such file", err=True)
        raise typer.Exit(code=2)
    with open_graph(store, "import") as kg:
        try:
            kg.import_(source, format=format)
        except AlignkgError as err:
            typer.echo(f"alignkg import: {source}: {err}", err=True)
            raise typer.Exit(code=1) from err
        typer.echo(f"imported {source}; the store holds {kg.stats()['quads']} quads", err=True)


def stats(store: StoreOption = None, server: ServerOption = None,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Print what the store holds: articles, facts by type, claims, evidence, quads."""
    path, service = running_service(store, server)
    if service is not None:
        with service_client(service, "stats") as client:
            counts = client.stats()
    else:
        with open_graph(path, "stats") as kg:
            counts = kg.stats()
    if as_json:
        typer.echo(json.dumps(counts, indent=2))
        return
    for key in ("articles", "facts", "claims", "evidence", "quads"):
        typer.echo(f"{key:<12} {counts[key]:>10,}")
    for edge_type, n in counts["facts_by_type"].items():
        typer.echo(f"  {edge_type:<20} {n:>6,}")
