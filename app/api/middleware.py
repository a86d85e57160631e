"""ASGI middleware of the service: the request body limit and the last line of error handling.

Both are plain ASGI (no ``BaseHTTPMiddleware``), so streamed responses stay streamed.
"""

from __future__ import annotations

import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from alignkg.app.api.errors import error_response, internal_error

_log = logging.getLogger("alignkg.api")


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_body_bytes`` with ``413 body_too_large``.

    A ``Content-Length`` over the limit is refused before anything is read; a body
    without one (chunked) is read up to the limit and refused as soon as it passes it.
    A body within the limit is handed to the application unchanged.
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await error_response("invalid_request", "the Content-Length header is not a number",
                                     400)(scope, receive, send)
                return
            if int(length) > self.max_body_bytes:
                await self._refuse(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"the request body is larger than {self.max_body_bytes:,} bytes (max_body_bytes)"
        await error_response("body_too_large", detail, 413, headers={"Connection": "close"})(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """Return a ``receive`` that gives the buffered body once, then waits on the real one (disconnects)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class CatchAllMiddleware:
    """Answer any exception no handler took with ``500 internal``; log its trace on the server only.

    When the response has already started (a streamed export that failed half-way),
    the error is logged and the connection is left incomplete, so the client sees a
    broken transfer rather than a truncated file that looks whole.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:  # noqa: BLE001 - the HTTP boundary: logged, answered with 500
            _log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await internal_error()(scope, receive, send)


class ClientLimitMiddleware:
    """Answer ``429 too_many_requests`` to a client address with ``max_client_requests`` requests in progress.

    A request counts from its start until its response ends (a streamed export too).
    ``/health`` is not counted, so a monitor still sees the server. Behind a proxy every client
    has the proxy's address: the limit then applies to all of them together.
    """

    def __init__(self, app: ASGIApp, max_client_requests: int) -> None:
        self.app = app
        self.limit = max_client_requests
        self.active: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") == "/health":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        key = client[0] if client else "unknown"
        if self.active.get(key, 0) >= self.limit:
            detail = (f"this client already has {self.limit} requests in progress, the limit of this server "
                      "(max_client_requests); wait for one to end")
            await error_response("too_many_requests", detail, 429)(scope, receive, send)
            return
        self.active[key] = self.active.get(key, 0) + 1
        try:
            await self.app(scope, receive, send)
        finally:
            left = self.active[key] - 1
            if left:
                self.active[key] = left
            else:
                del self.active[key]
