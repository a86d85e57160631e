"""The one exception hierarchy of alignkg.

Every error the library raises is an :class:`AlignkgError`. Subclasses also derive
from the matching builtin (``ValueError``, ``LookupError``) so generic callers can
still catch them. Each class has a stable ``code`` that the HTTP layer maps to a
status and the CLI prints; no other module defines exception classes.
"""

from __future__ import annotations

from collections.abc import Sequence


class AlignkgError(Exception):
    """Root of every error raised by alignkg."""

    code = "alignkg_error"


class InvalidInputError(AlignkgError, ValueError):
    """The caller passed a value the library cannot accept."""

    code = "invalid_input"


class UnknownStateError(InvalidInputError):
    """A name that does not resolve to a sovereign state.

    Carries the bad ``name`` and close ``suggestions`` (``"IRN Iran"``) so that a
    person can correct it.
    """

    code = "unknown_state"

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f" (did you mean {', '.join(self.suggestions)}?)" if self.suggestions else ""
        super().__init__(f"unknown state {name!r}{hint}")


class UnknownEdgeTypeError(InvalidInputError):
    """A name that is not one of the edge types of the ontology."""

    code = "unknown_edge_type"

    def __init__(self, name: str, expected: Sequence[str] = ()) -> None:
        self.name = name
        self.expected = tuple(expected)
        accepted = f"; expected one of {', '.join(self.expected)}" if self.expected else ""
        super().__init__(f"unknown edge type {name!r}{accepted}")


class QuerySyntaxError(InvalidInputError):
    """A query (pattern language or SPARQL) that does not parse.

    ``line`` and ``column`` locate the problem (1-based) and ``expected`` lists
    what would have been accepted there, so the message can point at it.
    """

    code = "query_syntax"

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None,
                 expected: Sequence[str] = (), context: str | None = None) -> None:
        self.line = line
        self.column = column
        self.expected = tuple(expected)
        self.context = context
        where = f" at line {line}, column {column}" if line is not None and column is not None else ""
        wanted = f"; expected {', '.join(self.expected)}" if self.expected else ""
        shown = f"\n{context}" if context else ""
        super().__init__(f"{message}{where}{wanted}{shown}")


class InvalidArticleError(InvalidInputError):
    """An article that cannot be processed (empty, too large, not text)."""

    code = "invalid_article"


class NotFoundError(AlignkgError, LookupError):
    """A fact, article or other resource that the graph does not hold."""

    code = "not_found"


class ConflictError(AlignkgError):
    """A write that contradicts what is stored (the same article id with another text)."""

    code = "conflict"


class QueryRefusedError(AlignkgError):
    """A query the graph will not run: an update, LOAD, or SERVICE where it is not allowed."""

    code = "query_refused"


class QueryLimitError(AlignkgError):
    """A query that ran past its time limit or result-size limit."""

    code = "query_limit"


class StoreError(AlignkgError):
    """The store could not be opened, read or written."""

    code = "store_error"


class StoreLockedError(StoreError):
    """The store on disk is open in another process (an embedded store has one process at a time)."""

    code = "store_locked"


class DataError(AlignkgError):
    """Bundled reference data is missing or malformed: a packaging bug, not user input."""

    code = "data_error"
