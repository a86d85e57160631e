"""Helpers of the HTTP suite: start and stop a real uvicorn server, snapshot a store, check errors.

Servers follow uvicorn's own test recipe: a socket bound to ("127.0.0.1", 0), then
``Server.run(sockets=[sock])`` in a thread (no signal handlers off the main thread),
``server.started`` polled with a deadline, and ``should_exit`` plus a join at the end.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn

from alignkg.app.api.main import create_app
from alignkg.app.api.server import server_config
from alignkg.app.settings import Settings
from alignkg.graph import KnowledgeGraph

KEY = "test-key-1"
OTHER_KEY = "test-key-2"
ORIGIN = "https://dashboard.example.org"


@dataclass
class LiveServer:
    """A running server: its base URL, settings and graph."""

    url: str
    settings: Settings
    kg: KnowledgeGraph
    server: uvicorn.Server
    thread: threading.Thread

    def client(self, **options: Any) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **options)


def start_server(settings: Settings, kg: KnowledgeGraph) -> LiveServer:
    """Start uvicorn on 127.0.0.1 on a free port in a thread; return once it accepts connections."""
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and without it
    # every keep-alive response waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = server_config(create_app(settings, kg=kg), settings, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the test server did not start (see the captured log above)")
        time.sleep(0.01)
    port = sock.getsockname()[1]
    return LiveServer(f"http://127.0.0.1:{port}", settings, kg, server, thread)


def stop_server(live: LiveServer) -> None:
    live.server.should_exit = True
    live.thread.join(timeout=30)


def snapshot(client: httpx.Client) -> tuple[int, str]:
    """Return the number of quads the server stores and a digest of all of them (N-Quads, sorted)."""
    response = client.get("/export", params={"format": "nquads"})
    assert response.status_code == 200, response.text
    lines = sorted(line for line in response.content.splitlines() if line.strip())
    return len(lines), hashlib.sha256(b"\n".join(lines)).hexdigest()


def auth(key: str = KEY) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Check a JSON error: its status, its code, a detail for a person and no trace."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"] == code, body
    assert isinstance(body["detail"], str) and body["detail"]
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body
