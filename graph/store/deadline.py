"""The deadline of the queries made in one context: a request, a command, a block of Python code.

A deadline is a context variable, so it follows a request from the event loop into the
thread that serves it, and never leaks into another request's. Stores read it: the
checkpoint store (:mod:`alignkg.graph.store.pool`) kills a worker process at it, the
embedded store checks it between rows. Without a deadline in force, a store applies its
own default, if it has one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from alignkg.graph.errors import QueryLimitError


@dataclass(frozen=True, slots=True)
class Deadline:
    """When the queries of a context must end (``time.monotonic()``), and the limit it came from, in seconds."""

    at: float
    limit_s: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """Return the deadline ``seconds`` from now."""
        return cls(time.monotonic() + seconds, seconds)

    def remaining(self) -> float:
        """Return the seconds left (0 or less once passed)."""
        return self.at - time.monotonic()

    def error(self) -> QueryLimitError:
        """Return the error of a query that ran past this deadline (code ``query_timeout``)."""
        error = QueryLimitError(f"the query ran past the time limit of {self.limit_s:g} s (query_timeout_s) and was "
                                "stopped; narrow it or add a LIMIT")
        error.code = "query_timeout"
        return error


_CURRENT: ContextVar[Deadline | None] = ContextVar("alignkg_deadline", default=None)


@contextmanager
def deadline(seconds: float | None) -> Iterator[Deadline | None]:
    """Give the queries made inside the block ``seconds`` in all (an enclosing, earlier deadline still holds).

    Example:
        >>> with deadline(5.0) as d:
        ...     0 < current_deadline().remaining() <= 5.0
        True
        >>> current_deadline() is None
        True
    """
    if seconds is None:
        yield _CURRENT.get()
        return
    if seconds <= 0:
        raise ValueError(f"a deadline must be positive, not {seconds}")
    new = Deadline.after(seconds)
    outer = _CURRENT.get()
    token = _CURRENT.set(new if outer is None or new.at < outer.at else outer)
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


def current_deadline() -> Deadline | None:
    """Return the deadline in force in this context, if any."""
    return _CURRENT.get()


def check_deadline() -> None:
    """Raise the deadline's error if the deadline in force has passed.

    Raises:
        QueryLimitError: code ``query_timeout``.
    """
    current = _CURRENT.get()
    if current is not None and current.remaining() <= 0:
        raise current.error()
