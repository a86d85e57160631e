"""``alignkg serve``: the HTTP service on uvicorn, with the bundled articles ingested on first start.

Flags override the ``ALIGNKG_*`` environment (a flag left out keeps the environment's
value or the default); see ``docs/http-api.md`` for every setting.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from alignkg.app.cli.graph import StoreOption
from alignkg.app.cli.records import file_records, report, to_article
from alignkg.graph import AlignkgError
from alignkg.graph.resources import data_path

if TYPE_CHECKING:  # pydantic-settings, the store, uvicorn and FastAPI load when the server starts
    from alignkg.app.settings import Settings
    from alignkg.graph import Article, KnowledgeGraph

_log = logging.getLogger("alignkg.serve")
_LOG_LEVELS = ("critical", "error", "warning", "info", "debug", "trace")


def seed_articles() -> list[Article]:
    """Return the bundled demo articles (``data/articles``), reporting any that cannot be read."""
    articles = []
    for where, row, error in file_records([data_path("articles")]):
        if error is not None or row is None:
            report("serve", where, error or "unreadable")
            continue
        try:
            articles.append(to_article(row, where))
        except AlignkgError as err:
            report("serve", where, str(err))
    return articles


def seed(kg: KnowledgeGraph) -> int:
    """Ingest the bundled articles into a store that holds no article; return how many were stored."""
    if kg.article_ids():
        return 0
    stored = 0
    for article_id, changed in kg.ingest_many(seed_articles()):
        stored += changed
        _log.debug("seeded %s", article_id)
    return stored


def build_settings(**flags: Any) -> Settings:
    """Return the settings from the environment, with the flags that were given taking precedence.

    A setting that is not valid ends the command with status 2 and a message that names it,
    never its value (a key must not reach a log).
    """
    from alignkg.app.settings import SettingsError, load_settings

    try:
        return load_settings(**{name: value for name, value in flags.items() if value not in (None, [])})
    except SettingsError as err:
        typer.echo(f"alignkg serve: {err}", err=True)
        raise typer.Exit(code=2) from None


def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on [env ALIGNKG_HOST; default 127.0.0.1].")]
    = None,
    port: Annotated[int | None, typer.Option(help="TCP port [env ALIGNKG_PORT; default 8000].")] = None,
    store: StoreOption = None,
    api_key: Annotated[list[str] | None, typer.Option(
        "--api-key", help="A key accepted for writes; repeat for several [env ALIGNKG_API_KEYS, comma-separated].")]
    = None,
    require_read_key: Annotated[bool | None, typer.Option(
        "--require-read-key/--open-reads", help="Require an API key for reads too [env ALIGNKG_REQUIRE_READ_KEY].")]
    = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="An origin allowed from browsers; repeat for several [env ALIGNKG_CORS_ORIGINS].")]
    = None,
    query_timeout: Annotated[float | None, typer.Option(
        help="Seconds a SPARQL query may run [env ALIGNKG_QUERY_TIMEOUT_S; default 10].")] = None,
    max_rows: Annotated[int | None, typer.Option(
        help="Most rows a query may return [env ALIGNKG_MAX_RESULT_ROWS; default 10000].")] = None,
    query_workers: Annotated[int | None, typer.Option(
        help="Most worker processes running queries at once [env ALIGNKG_QUERY_WORKERS; default 8].")] = None,
    max_article_chars: Annotated[int | None, typer.Option(
        help="Longest article POST /articles accepts [env ALIGNKG_MAX_ARTICLE_CHARS; default 100000].")] = None,
    max_client_requests: Annotated[int | None, typer.Option(
        help="Requests one client may have in progress [env ALIGNKG_MAX_CLIENT_REQUESTS; default 4].")] = None,
    max_body: Annotated[int | None, typer.Option(
        help="Largest request body in bytes [env ALIGNKG_MAX_BODY_BYTES; default 1048576].")] = None,
    allow_service: Annotated[bool | None, typer.Option(
        "--allow-service/--no-service", help="Allow SPARQL SERVICE (calls to other hosts) "
                                             "[env ALIGNKG_ALLOW_SERVICE; default off].")] = None,
    seed_store: Annotated[bool, typer.Option(
        "--seed/--no-seed", help="Ingest the bundled articles when the store holds no article.")] = True,
    log_level: Annotated[str, typer.Option(help="uvicorn's log level: debug, info, warning, error.")] = "info",
) -> None:
    """Serve the graph over HTTP (JSON API, SPARQL endpoint, OpenAPI docs at /docs)."""
    import uvicorn

    from alignkg.app.api.main import create_app, open_graph
    from alignkg.app.api.memory import limit_arenas
    from alignkg.app.api.server import server_config
    from alignkg.graph import KnowledgeGraph

    remote = store is not None and KnowledgeGraph.is_remote(store)
    settings = build_settings(host=host, port=port, store_path=None if remote else store,
                              store_url=store if remote else None, api_keys=api_key,
                              require_read_key=require_read_key, cors_origins=split_origins(cors_origin),
                              query_timeout_s=query_timeout, max_result_rows=max_rows, max_body_bytes=max_body,
                              query_workers=query_workers, max_article_chars=max_article_chars,
                              max_client_requests=max_client_requests,
                              allow_service=allow_service)
    if log_level not in _LOG_LEVELS:
        raise typer.BadParameter(f"expected one of {', '.join(_LOG_LEVELS)}", param_hint="--log-level")
    limit_arenas()  # before any thread: the memory of a long run stays flat (app/api/memory.py)
    try:
        kg = open_graph(settings)
    except AlignkgError as err:
        where = "" if settings.store_url else f" at {settings.store_path}"  # a remote store's errors name its URL
        typer.echo(f"alignkg serve: cannot open the store{where}: {err}", err=True)
        raise typer.Exit(code=2) from err
    with kg:
        typer.echo(f"alignkg serve: store {settings.store_url or settings.store_path}", err=True)
        if seed_store:
            stored = seed(kg)
            if stored:
                typer.echo(f"alignkg serve: the store was empty; ingested {stored} bundled article(s)", err=True)
        if not settings.api_keys:
            typer.echo("alignkg serve: no API key configured (ALIGNKG_API_KEYS or --api-key): writes are refused",
                       err=True)
        server = uvicorn.Server(server_config(create_app(settings, kg=kg), settings, log_level=log_level))
        with _signals_end_the_server():
            server.run()
    # Here the store is flushed and closed, its checkpoints and workers gone.


@contextmanager
def _signals_end_the_server() -> Iterator[None]:
    """Let SIGTERM and SIGINT end only the server, so the store is then closed (flushed, its workers killed).

    uvicorn handles both signals while it runs (a graceful shutdown of at most
    ``shutdown_timeout_s``), then raises them again once it has stopped; the default
    handlers would end the process there, before the store is closed. These handlers,
    which uvicorn calls at that point, do nothing: the command returns normally.
    """
    previous = {sig: signal.signal(sig, _stopped) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stopped(signum: int, frame: object) -> None:
    _log.info("stopped by signal %d", signum)


def split_origins(origins: list[str] | None) -> list[str] | None:
    """Return the origins given by flags, split on commas as the environment's are."""
    if not origins:
        return None
    return [o.strip() for value in origins for o in value.split(",") if o.strip()]
