"""A query worker: a process that answers queries over read-only checkpoints of the store, until killed.

:class:`alignkg.graph.store.pool.QueryPool` starts it as ``python -m alignkg.graph.store.worker``
and kills it at a query's deadline, which is the only way to stop a pyoxigraph query
(it cannot be interrupted): the CPU it used stops at once and its memory returns to the
system. It reads requests on stdin and answers on stdout, one frame each (see
:func:`write_frame`), one request at a time:

* ``query``: run a SPARQL query over the checkpoint at ``path`` (opened read-only: a
  checkpoint never changes once made, so no process writes it) and answer the results as
  bytes (:mod:`alignkg.graph.store.results`), under ``max_rows`` and ``max_bytes``;
* ``check``: the policy check of a query from outside (:func:`alignkg.graph.query.policy.check`),
  whose parser is slow on long texts and recurses deeply: here it runs with a large stack
  and recursion limit, and a slow parse is killed like a slow query.

It keeps the last checkpoint open, imports pyoxigraph and rdflib's SPARQL parser before it
says it is ready, and ends when stdin closes or its parent process goes away (checked
every second), so a killed server leaves no worker behind. It never writes.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import sys
import threading
import time
from typing import IO, Any

#: The prefix of a frame: the lengths of its JSON header and of its body.
FRAME_HEADER = struct.Struct(">II")
#: The stack of the thread that runs requests, and the recursion limit: rdflib's parser recurses
#: once per triple of a basic graph pattern, so a long pattern needs both.
STACK_BYTES = 512 * 1024 * 1024
RECURSION_LIMIT = 100_000

_log = logging.getLogger("alignkg.worker")


def write_frame(stream: IO[bytes], header: dict[str, Any], body: bytes = b"") -> None:
    """Write one frame: the lengths of a JSON header and a body (4 bytes each, big-endian), then both."""
    encoded = json.dumps(header).encode()
    stream.write(FRAME_HEADER.pack(len(encoded), len(body)) + encoded + body)
    stream.flush()


def read_frame(stream: IO[bytes]) -> tuple[dict[str, Any], bytes] | None:
    """Read one frame; return None at the end of the stream."""
    prefix = stream.read(FRAME_HEADER.size)
    if len(prefix) < FRAME_HEADER.size:
        return None
    head, size = FRAME_HEADER.unpack(prefix)
    header = json.loads(stream.read(head))
    body = stream.read(size) if size else b""
    return header, body


def describe(error: BaseException) -> dict[str, Any]:
    """Return an alignkg error as the fields of an error frame (its class, code, message, position)."""
    fields = {"kind": "error", "class": type(error).__name__, "code": getattr(error, "code", "store_error"),
              "message": str(error)}
    for name in ("line", "column"):
        value = getattr(error, name, None)
        if value is not None:
            fields[name] = value
    return fields


class _Worker:
    def __init__(self) -> None:
        self.path: str | None = None
        self.store: Any = None

    def open(self, path: str) -> Any:
        if path != self.path:
            from alignkg.graph.store.oxigraph import OxigraphStore

            self.store = None  # close the previous checkpoint before opening the next
            self.store = OxigraphStore.read_only(path)
            self.path = path
        return self.store

    def handle(self, request: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
        op = request.get("op")
        if op == "query":
            from alignkg.graph.store.results import to_bytes

            store = self.open(request["path"])
            results = store.query(request["query"], prefixes=request.get("prefixes"))
            encoded = to_bytes(results, max_rows=request.get("max_rows"), max_bytes=request.get("max_bytes"))
            return {"kind": encoded.kind, "count": encoded.count}, encoded.data
        if op == "check":
            from alignkg.graph.query.policy import check

            info = check(request["query"], allow_service=bool(request.get("allow_service")))
            return {"kind": "checked", "form": info.form.value, "service": info.service}, b""
        if op == "ping":
            return {"kind": "pong", "pid": os.getpid()}, b""
        return {"kind": "error", "class": "StoreError", "code": "store_error", "message": f"unknown op {op!r}"}, b""


def _serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    from alignkg.graph.errors import AlignkgError
    from alignkg.graph.query.policy import inspect_query

    inspect_query("ASK {}")  # builds rdflib's grammar now, not during the first request
    worker = _Worker()
    write_frame(stdout, {"kind": "ready", "pid": os.getpid()})
    while True:
        frame = read_frame(stdin)
        if frame is None:
            return
        request, _ = frame
        try:
            header, body = worker.handle(request)
        except AlignkgError as err:
            header, body = describe(err), b""
        except RecursionError:
            header, body = {"kind": "error", "class": "QueryLimitError", "code": "query_too_complex",
                            "message": "the query nests too deeply to be run; flatten it or split it"}, b""
        except Exception as err:  # noqa: BLE001 - the worker's boundary: logged on stderr, answered as an error
            _log.exception("the query worker failed")
            header, body = {"kind": "error", "class": "StoreError", "code": "store_error",
                            "message": f"the query worker failed: {type(err).__name__}"}, b""
        write_frame(stdout, header, body)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def main() -> None:
    """Serve requests on stdin until it closes or the parent process ends."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), name="parent-watch", daemon=True).start()
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(STACK_BYTES)
    runner = threading.Thread(target=_serve, args=(sys.stdin.buffer, sys.stdout.buffer), name="requests")
    runner.start()
    runner.join()


if __name__ == "__main__":
    main()
