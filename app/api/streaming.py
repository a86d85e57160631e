"""Stream a blocking writer (``kg.export`` writing to a file object) as an HTTP response body.

The export runs in a producer thread that writes into a bounded queue in chunks of
:data:`CHUNK` bytes; the response iterates the queue. The first chunk (or the first
error) is awaited before the response starts, so a bad filter still gets its JSON
error and status, while a large export never sits in memory whole. When the client
goes away, the producer is told to stop at its next write.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any

from alignkg.graph import AlignkgError
from alignkg.graph.store.base import detach_tracebacks

_log = logging.getLogger("alignkg.api")

#: Bytes gathered before a chunk is handed to the response.
CHUNK = 64 * 1024
_END = object()


class _Stopped(OSError):
    """The response went away: the producer must stop writing."""


class _QueueWriter:
    """A binary file object whose writes go, a chunk at a time, into a bounded queue."""

    def __init__(self, chunks: queue.Queue[Any], stop: threading.Event) -> None:
        self.chunks = chunks
        self.stop = stop
        self.buffer = bytearray()

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buffer:
            _put(self.chunks, bytes(self.buffer), self.stop)
            self.buffer.clear()


def _put(chunks: queue.Queue[Any], item: Any, stop: threading.Event) -> None:
    while True:
        if stop.is_set():
            raise _Stopped("the client went away")
        try:
            chunks.put(item, timeout=0.1)
            return
        except queue.Full:
            continue


def stream(write: Callable[[IO[bytes]], None]) -> Iterator[bytes]:
    """Start ``write(file)`` in a thread; return an iterator of its output once its first chunk is there.

    Raises:
        Exception: whatever ``write`` raised before its first chunk (an unknown format, state...).
    """
    chunks: queue.Queue[Any] = queue.Queue(maxsize=8)
    stop = threading.Event()

    def produce() -> None:
        writer = _QueueWriter(chunks, stop)
        try:
            write(writer)  # type: ignore[arg-type]  # a write-only binary file object
            writer.flush()
            outcome: Any = _END
        except _Stopped:
            return
        except Exception as err:  # noqa: BLE001 - handed to the response, which raises it
            if not isinstance(err, AlignkgError):
                _log.exception("the export failed")
            outcome = detach_tracebacks(err)
        try:
            _put(chunks, outcome, stop)
        except _Stopped:
            return

    threading.Thread(target=produce, name="alignkg-export", daemon=True).start()
    first = chunks.get()
    if isinstance(first, Exception):
        raise first
    return _iterate(first, chunks, stop)


def _iterate(first: Any, chunks: queue.Queue[Any], stop: threading.Event) -> Iterator[bytes]:
    try:
        item = first
        while item is not _END:
            if isinstance(item, Exception):
                raise item
            yield item
            item = chunks.get()
    finally:
        stop.set()
