"""How uvicorn runs the service: JSON for its own protocol errors, a bounded graceful shutdown.

uvicorn answers a request it cannot parse (a malformed request line or header, a header
over h11's size limit) itself, before the application sees it, with a plain-text 400.
:class:`JsonErrorsProtocol` answers it in the API's error format instead. ``server_config``
is the one place the server's options are chosen, for ``alignkg serve`` and the tests alike:
on SIGTERM uvicorn stops accepting connections and gives requests in progress
``shutdown_timeout_s`` seconds before it cancels them and closes the store.
"""

from __future__ import annotations

import json
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from alignkg.app.settings import Settings

_INVALID = json.dumps({"error": "invalid_request",
                       "detail": "the request is not valid HTTP/1.1 (request line, headers or their size)"}).encode()


class JsonErrorsProtocol(H11Protocol):
    """uvicorn's h11 protocol, answering the requests it cannot parse with ``400 invalid_request`` as JSON."""

    def send_400_response(self, msg: str) -> None:
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(_INVALID)).encode()),
                   (b"connection", b"close")]
        for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"), h11.Data(data=_INVALID),
                      h11.EndOfMessage()):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()


def server_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """Return uvicorn's configuration of the service (``options`` are passed on: ``log_level``, ``lifespan``)."""
    return uvicorn.Config(app, host=settings.host, port=settings.port, http=JsonErrorsProtocol, server_header=False,
                          timeout_graceful_shutdown=max(1, round(settings.shutdown_timeout_s)), **options)
