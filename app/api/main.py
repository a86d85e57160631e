"""The FastAPI application: ``create_app(settings)`` assembles routers, error handlers and middleware.

The lifespan opens the :class:`alignkg.graph.KnowledgeGraph` at ``settings.store_path`` (or uses
the one passed in, which the caller then owns and closes). Nothing happens at import.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from starlette.concurrency import run_in_threadpool

from alignkg.app.api import errors
from alignkg.app.api.cache import CachedReadsMiddleware, ResponseCache
from alignkg.app.api.deps import reject_unknown_params
from alignkg.app.api.middleware import BodyLimitMiddleware, CatchAllMiddleware, ClientLimitMiddleware
from alignkg.app.api.routers import (
    analysis,
    articles,
    curations,
    docs,
    export,
    facts,
    health,
    query,
    sparql,
    states,
    stats,
    web,
)
from alignkg.app.settings import Settings
from alignkg.graph import KnowledgeGraph, __version__

DESCRIPTION = """A knowledge graph of typed, sourced edges between sovereign states.

* Reads are open unless the server requires a key (`require_read_key`); writes (`POST`, `DELETE`) need
  `Authorization: Bearer <key>` with a key of `ALIGNKG_API_KEYS`.
* Every error is JSON `{"error": <code>, "detail": <message>}`; unknown query parameters are refused.
* `/sparql` is a read-only SPARQL 1.1 Protocol endpoint over the union of all graphs.
* `/analysis/...` scores pairs of states and tests claimed blocs; `/` is a web page over all of this.

See `docs/http-api.md` for every endpoint, error code and setting.
"""

TAGS = [
    {"name": "states", "description": "States and their edges."},
    {"name": "facts", "description": "Typed edges between states, with their evidence."},
    {"name": "curations", "description": "Analysts' corrections: assert a missed fact, retract a wrong one, revert "
                                         "either; every record kept (PROV-O)."},
    {"name": "articles", "description": "The source texts; POST extracts and stores, DELETE removes."},
    {"name": "sparql", "description": "SPARQL 1.1 Protocol, read-only."},
    {"name": "query", "description": "The pattern language."},
    {"name": "export", "description": "RDF dumps, streamed."},
    {"name": "analysis", "description": "Pair scores, the bloc test and communities, every number with its fact ids "
                                        "(docs/analysis.md)."},
    {"name": "service", "description": "Health."},
]


def create_app(settings: Settings, *, kg: KnowledgeGraph | None = None) -> FastAPI:
    """Return the alignkg application configured by ``settings``.

    Args:
        settings: the service's settings (store path, keys, limits, CORS).
        kg: a graph to serve instead of opening ``settings.store_path``; the caller keeps
            ownership and closes it.

    Returns:
        The FastAPI application, ready for uvicorn.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        graph = kg if kg is not None else await run_in_threadpool(open_graph, settings)
        app.state.kg = graph
        app.state.write_lock = threading.Lock()
        # A new cache for every opening: the generation of a store opened again starts again.
        app.state.response_cache = ResponseCache(settings.response_cache_bytes) if settings.response_cache_bytes \
            else None
        try:
            yield
        finally:
            if kg is None:
                graph.close()

    app = FastAPI(title="alignkg", version=__version__, description=DESCRIPTION, openapi_tags=TAGS,
                  lifespan=lifespan, dependencies=[Depends(reject_unknown_params)], docs_url=None, redoc_url=None)
    app.state.settings = settings
    errors.install(app)
    for module in (health, stats, states, facts, curations, articles, sparql, query, export, analysis, web, docs):
        app.include_router(module.router)
    web.install(app)
    docs.install(app)
    app.add_middleware(CachedReadsMiddleware)  # innermost: the limits and CORS below still see every request
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(ClientLimitMiddleware, max_client_requests=settings.max_client_requests)
    app.add_middleware(CatchAllMiddleware)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST", "DELETE"],
                           allow_headers=["Authorization", "Content-Type", "Accept"], max_age=600)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _openapi(app, settings)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


#: The deadline of a query made outside a read request (opening the store, the checks of a write,
#: an export's batches): such queries are the server's own, bounded by the data, not by a client.
OWN_QUERY_TIMEOUT_S = 60.0


def open_graph(settings: Settings, **options: Any) -> KnowledgeGraph:
    """Open the graph a server serves: on disk, every query in a worker process stopped at its deadline.

    With ``store_url`` it is the SPARQL server's instead (each request waits for it until the deadline in force).

    A read request's queries get ``query_timeout_s`` in all (:func:`alignkg.app.api.deps.query_deadline`);
    the server's own queries get at least :data:`OWN_QUERY_TIMEOUT_S` each. One more worker than a
    client may use at once is kept ready, so that while one client holds its share, the next
    client's query finds a worker started. The store is reopened after every ``store_reopen_writes``
    writes, which empties RocksDB's caches (docs/decisions/20261207-store-memory.md). ``options`` go to
    :meth:`KnowledgeGraph.open` (or ``connect``) over these (the tests' servers keep fewer workers ready).
    """
    if settings.store_url:  # the server's deadlines bound its requests to the SPARQL server
        return KnowledgeGraph.connect(settings.store_url, **{**settings.remote_store_options(), **options})
    served: dict[str, Any] = {"query_timeout_s": max(settings.query_timeout_s, OWN_QUERY_TIMEOUT_S),
                              "query_workers": settings.query_workers,
                              "query_spare": min(settings.query_workers, settings.max_client_requests + 1),
                              "store_reopen_writes": settings.store_reopen_writes}
    return KnowledgeGraph.open(settings.store_path, **{**served, **options})


def _openapi(app: FastAPI, settings: Settings) -> dict[str, Any]:
    """Return the OpenAPI document, with validation errors shown as they are answered (400, ErrorOut) and
    security marked as it is enforced: on the writes always, on the reads only when ``require_read_key``."""
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes,
                         tags=app.openapi_tags)
    if settings.require_read_key:
        for path, operations in schema.get("paths", {}).items():
            for operation in operations.values() if path != "/health" else ():
                operation.setdefault("security", [{"APIKey": []}])
                operation.setdefault("responses", {}).setdefault("401", {
                    "description": "Missing or wrong API key",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}})
    error_ref = {"$ref": "#/components/schemas/ErrorOut"}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses", {})
            if responses.pop("422", None) is not None and "400" not in responses:
                responses["400"] = {"description": "Bad input (the detail names the parameter)",
                                    "content": {"application/json": {"schema": error_ref}}}
    components = schema.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    return schema
