"""Dependencies shared by the routers: settings, the graph, API keys, and the check of query parameters.

Handlers take ``SettingsDep`` and ``KGDep`` (or ``WriteKGDep`` for writes, which runs
one write at a time); ``WriteKey`` and ``ReadKey`` guard routes with a bearer API key;
``FiltersDep`` reads the fact filters that ``/facts`` and ``/export`` share.
Dependencies that only read request state are ``async def``, so they run on the event
loop instead of costing a thread hop.
"""

from __future__ import annotations

import datetime as dt
import hmac
import types
import typing
import weakref
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from alignkg.app.api.errors import ApiError
from alignkg.app.api.schemas import IsoDate
from alignkg.app.settings import Settings
from alignkg.graph import EdgeType, KnowledgeGraph, QuadClass


async def get_app_settings(request: Request) -> Settings:
    """Return the settings the application was created with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_graph(request: Request) -> KnowledgeGraph:
    """Return the knowledge graph the lifespan opened."""
    kg: KnowledgeGraph = request.app.state.kg
    return kg


def get_write_graph(request: Request) -> Iterator[KnowledgeGraph]:
    """Yield the graph for one write at a time: ingest and delete check the store, then write."""
    with request.app.state.write_lock:
        yield request.app.state.kg


async def query_deadline(request: Request) -> AsyncIterator[None]:
    """Give every query of a read request ``query_timeout_s`` in all: past it, the query is stopped (504).

    The deadline is a context variable set on the request's task, so the handler's thread
    (a copy of the task's context) sees it, and no other request does.
    """
    settings: Settings = request.app.state.settings
    with KnowledgeGraph.deadline(settings.query_timeout_s):
        yield


QueryDeadline = Depends(query_deadline)


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
KGDep = Annotated[KnowledgeGraph, Depends(get_graph)]
WriteKGDep = Annotated[KnowledgeGraph, Depends(get_write_graph)]

_bearer = HTTPBearer(auto_error=False, scheme_name="APIKey",
                     description="An API key of the server (`ALIGNKG_API_KEYS`), as `Authorization: Bearer <key>`.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _check_key(settings: Settings, credentials: HTTPAuthorizationCredentials | None, what: str) -> None:
    """Accept the request if it carries one of the configured keys; compare in constant time.

    Raises:
        ApiError: 403 ``forbidden`` when no key is configured, 401 ``unauthorized`` when the
            key is missing or wrong.
    """
    if not settings.api_keys:
        raise ApiError("forbidden", f"{what} are disabled: this server has no API key configured (ALIGNKG_API_KEYS)")
    if credentials is None:
        raise ApiError("unauthorized", f"{what} need an API key: send the header 'Authorization: Bearer <key>'")
    given = credentials.credentials.encode()
    matches = [hmac.compare_digest(given, key.get_secret_value().encode()) for key in settings.api_keys]
    if not any(matches):
        raise ApiError("unauthorized", "the API key is not valid")


async def require_write_key(settings: SettingsDep, credentials: Credentials) -> None:
    """Let a write through only with a valid API key."""
    _check_key(settings, credentials, "writes")


async def require_read_key(request: Request, settings: SettingsDep) -> None:
    """Let a read through when reads are open, or with a valid API key when ``require_read_key``.

    The header is read here rather than through a security dependency, so that the OpenAPI
    document marks reads as needing a key only when this server requires one (see
    :func:`alignkg.app.api.main.create_app`).
    """
    if settings.require_read_key:
        _check_key(settings, await _bearer(request), "reads")


async def write_key(settings: SettingsDep, credentials: Credentials) -> str:
    """Let a write through only with a valid API key, and return the key (records keep its fingerprint)."""
    _check_key(settings, credentials, "writes")
    assert credentials is not None  # noqa: S101 - _check_key refuses a request without one
    return credentials.credentials


WriteKey = Depends(require_write_key)
#: The API key of a write, checked: for the analysts' records, which keep who made them.
ApiKeyDep = Annotated[str, Depends(write_key)]
ReadKey = Depends(require_read_key)

#: id(route) -> (the route, weakly, and its query parameter names); routes are not hashable.
_ALLOWED: dict[int, tuple[weakref.ref[APIRoute], frozenset[str]]] = {}


def _query_names(route: APIRoute) -> frozenset[str]:
    """Return the query parameters a route and its dependencies declare (by their public alias)."""
    cached = _ALLOWED.get(id(route))
    if cached is not None and cached[0]() is route:
        return cached[1]
    names: set[str] = set()
    stack = [route.dependant]
    while stack:
        dependant = stack.pop()
        names.update(field.alias for field in dependant.query_params)
        stack.extend(dependant.dependencies)
    found = frozenset(names)
    _ALLOWED[id(route)] = (weakref.ref(route), found)
    return found


def _is_list(annotation: Any) -> bool:
    """Whether a parameter's annotation is a list (``list[str] | None`` too)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    if origin is typing.Annotated:
        return _is_list(typing.get_args(annotation)[0])
    return origin in (list, tuple, set, frozenset, Sequence) or annotation in (list, tuple, set)


def _single_names(route: APIRoute) -> frozenset[str]:
    """Return the query parameters of a route (and its dependencies) that take one value."""
    names: set[str] = set()
    stack = [route.dependant]
    while stack:
        dependant = stack.pop()
        names.update(field.alias for field in dependant.query_params if not _is_list(field.field_info.annotation))
        stack.extend(dependant.dependencies)
    return frozenset(names)


async def reject_unknown_params(request: Request) -> None:
    """Refuse a query parameter the route does not declare (a typo would otherwise be ignored silently).

    Also refuses a parameter of one value given twice (``query=A&query=B``): which one would
    count is not for the server to guess.

    Raises:
        ApiError: 400 ``unknown_parameter``, naming it and the accepted ones; 400
            ``invalid_request`` for a repeated parameter.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = _query_names(route)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        accepted = ", ".join(sorted(allowed)) or "none"
        raise ApiError("unknown_parameter", f"unknown query parameter{'s' if len(unknown) > 1 else ''} "
                                            f"{', '.join(repr(u) for u in unknown)}; this endpoint accepts: {accepted}")
    single = _single_names(route)
    repeated = sorted(name for name in set(request.query_params)
                      if name in single and len(request.query_params.getlist(name)) > 1)
    if repeated:
        raise ApiError("invalid_request", f"query parameter {', '.join(repr(r) for r in repeated)} is given more "
                                          "than once; it takes one value")




# --- the fact filters shared by GET /facts and GET /export ------------------------------------------

_TYPES = ", ".join(t.value for t in EdgeType)
_CLASSES = ", ".join(c.value for c in QuadClass)


@dataclass(frozen=True, slots=True)
class FactFilters:
    """The filters of a fact listing, named as ``KnowledgeGraph.facts`` names them."""

    subject: str | None
    object: str | None
    type: str | None
    quad_class: str | None
    since: dt.date | None
    until: dt.date | None
    hedged: bool | None
    date: str
    min_sources: int | None

    def as_kwargs(self) -> dict[str, Any]:
        """Return the filters as keyword arguments."""
        return asdict(self)


async def fact_filters(
    subject: Annotated[str | None, Query(description="Subject state: code, name or alias.",
                                         examples=["RUS", "Russia"])] = None,
    object: Annotated[str | None, Query(description="Object state: code, name or alias.",
                                        examples=["IRN"])] = None,
    type: Annotated[str | None, Query(description=f"Edge type id: {_TYPES}.",
                                      examples=[EdgeType.NON_INTERVENTION.value])] = None,
    quad_class: Annotated[str | None, Query(alias="class", description=f"Quad class of the type: {_CLASSES}.",
                                            examples=[QuadClass.MATERIAL_CONFLICT.value])] = None,
    since: Annotated[IsoDate | None, Query(description="Facts last seen on or after this date (YYYY-MM-DD); "
                                                       "with `date=event`, whose event date is on or after it.",
                                           examples=["2024-01-01"])] = None,
    until: Annotated[IsoDate | None, Query(description="Facts first seen on or before this date (YYYY-MM-DD); "
                                                       "with `date=event`, whose event date is on or before it.",
                                           examples=["2025-06-30"])] = None,
    hedged: Annotated[bool | None, Query(description="Only hedged (true) or unhedged (false) facts.")] = None,
    date: Annotated[str, Query(description="The dates `since` and `until` look at: `seen` (the articles' dates) "
                                           "or `event` (the event date the sentences give).",
                               examples=["event"])] = "seen",
    min_sources: Annotated[int | None, Query(ge=0, description="Facts stated by at least this many distinct "
                                                               "sources (publisher domains).",
                                             examples=[2])] = None,
) -> FactFilters:
    """Collect the fact filters of the query string."""
    return FactFilters(subject, object, type, quad_class, since, until, hedged, date, min_sources)


FiltersDep = Annotated[FactFilters, Depends(fact_filters)]
