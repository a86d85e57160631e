"""Every error as JSON ``{"error": <code>, "detail": <message>}``, with one status per code.

``graph`` raises :class:`alignkg.graph.AlignkgError` subclasses, each with a stable ``code``;
:data:`STATUS` maps the code to an HTTP status. The HTTP layer adds its own codes
(``unauthorized``, ``unknown_parameter``, ``body_too_large``...) through :class:`ApiError`.
Validation errors of FastAPI become ``400 invalid_request`` with a sentence naming the
parameter, and the last handler turns any other exception into ``500 internal``, logging
the trace on the server only.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from alignkg.graph import (
    AlignkgError,
    InvalidInputError,
    NotFoundError,
    QueryLimitError,
    QuerySyntaxError,
    UnknownEdgeTypeError,
    UnknownStateError,
)

_log = logging.getLogger("alignkg.api")

#: The HTTP status of every error code, from graph's errors and from this layer.
STATUS: dict[str, int] = {
    "invalid_input": 400,
    "invalid_request": 400,
    "unknown_parameter": 400,
    "unknown_state": 400,
    "unknown_edge_type": 400,
    "query_syntax": 400,
    "query_too_complex": 400,
    "invalid_article": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "query_refused": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "not_acceptable": 406,
    "conflict": 409,
    "body_too_large": 413,
    "article_too_large": 413,
    "batch_too_large": 413,
    "unsupported_media_type": 415,
    "result_too_large": 422,
    "too_many_requests": 429,
    "internal": 500,
    "data_error": 500,
    "alignkg_error": 500,
    "store_error": 503,
    "store_locked": 503,
    "query_limit": 503,
    "query_timeout": 504,
}
_HTTP_CODES = {400: "invalid_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 406: "not_acceptable", 413: "body_too_large",
               415: "unsupported_media_type", 429: "too_many_requests"}
_HEADERS = {401: {"WWW-Authenticate": "Bearer"}, 429: {"Retry-After": "1"}, 503: {"Retry-After": "5"}}


class ApiError(Exception):
    """An error of the HTTP layer, or a graph error answered with another status than its code's.

    Args:
        code: the stable error code (a key of :data:`STATUS`).
        detail: the message for a person.
        status: the HTTP status (default: the code's).
        extra: more fields of the JSON body (``suggestions``...).
    """

    def __init__(self, code: str, detail: str, *, status: int | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail
        self.status = status or STATUS.get(code, 500)
        self.extra = extra

    @classmethod
    def from_error(cls, error: AlignkgError, *, status: int) -> ApiError:
        """Answer a graph error with ``status`` instead of its code's, keeping its code and fields."""
        return cls(error.code, str(error), status=status, **_fields(error))


def status_of(error: AlignkgError) -> int:
    """Return the HTTP status of a graph error: its code's, else its class's family."""
    if error.code in STATUS:
        return STATUS[error.code]
    for family, status in ((InvalidInputError, 400), (NotFoundError, 404), (QueryLimitError, 503)):
        if isinstance(error, family):
            return status
    return 500


def _fields(error: AlignkgError) -> dict[str, Any]:
    """Return the structured fields of a graph error worth showing a client."""
    if isinstance(error, UnknownStateError):
        return {"suggestions": list(error.suggestions)}
    if isinstance(error, UnknownEdgeTypeError):
        return {"expected": list(error.expected)}
    if isinstance(error, QuerySyntaxError) and error.line is not None:
        return {"line": error.line, "column": error.column}
    return {}


def error_response(code: str, detail: str, status: int, *, headers: dict[str, str] | None = None,
                   **extra: Any) -> JSONResponse:
    """Return the JSON error response every failure of the API is answered with."""
    return JSONResponse({"error": code, "detail": detail, **extra}, status_code=status,
                        headers={**_HEADERS.get(status, {}), **(headers or {})})


def internal_error() -> JSONResponse:
    """Return the answer to an unexpected exception (its trace is logged, never sent)."""
    return error_response("internal", "an internal error occurred; it has been logged on the server", 500)


def describe_errors(errors: list[Any]) -> str:
    """Return validation errors as one sentence: ``query parameter 'since': Input should be ...``."""
    parts = []
    for error in errors:
        where, *path = error.get("loc", ()) or ("request",)
        name = ".".join(str(p) for p in path)
        if error.get("type") == "json_invalid":
            parts.append(f"the body is not valid JSON ({error.get('ctx', {}).get('error', 'cannot parse it')})")
            continue
        place = {"query": "query parameter", "path": "path parameter", "body": "body field",
                 "header": "header"}.get(str(where), str(where))
        label = f"{place} {name!r}" if name else ("the body" if where == "body" else place)
        parts.append(f"{label}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is not valid"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the JSON error format."""

    async def on_api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.code, exc.detail, exc.status, **exc.extra)

    async def on_graph_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, AlignkgError)
        status = status_of(exc)
        if status >= 500:
            _log.error("%s %s failed: %s (%s)", request.method, request.url.path, exc, exc.code)
        return error_response(exc.code, str(exc), status, **_fields(exc))

    async def on_validation(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response("invalid_request", describe_errors(list(exc.errors())), 400)

    async def on_http(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no resource at {request.url.path}; see /docs for the API"
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        return error_response(code, detail, exc.status_code, headers=dict(exc.headers or {}))

    async def on_exception(request: Request, exc: Exception) -> JSONResponse:
        _log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return internal_error()

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(AlignkgError, on_graph_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(Exception, on_exception)
