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


class InvalidArticleError(InvalidInputError):
    """An article that cannot be processed (empty, too large, not text)."""

    code = "invalid_article"


class DataError(AlignkgError):
    """Bundled reference data is missing or malformed: a packaging bug, not user input."""

    code = "data_error"
