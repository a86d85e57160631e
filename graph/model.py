"""The value objects of alignkg: states, articles, evidence, facts and claims.

They are frozen so they can be shared between the extractor, the store and the
analysis without defensive copies, and they carry no behaviour beyond identity
and conversion to plain JSON-ready dicts. This module imports only the base layer.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from alignkg.graph.errors import InvalidArticleError
from alignkg.graph.ontology import EdgeType

#: The longest article id accepted.
MAX_ARTICLE_ID_CHARS = 256
#: Unicode categories no id may contain (controls C0 and C1, surrogates) or consist of only
#: (separators and format characters such as the zero-width space).
_FORBIDDEN = {"Cc", "Cs"}
_INVISIBLE = {"Zs", "Zl", "Zp", "Cf"}


def check_article_id(article_id: str) -> str:
    r"""Return ``article_id`` if it may name an article, else raise; the one rule for ids everywhere.

    An id is 1 to 256 characters, holds no ``/``, no control character (C0, DEL or C1) and no
    lone surrogate, is neither ``.`` nor ``..``, and has at least one character that is neither
    a space nor an invisible format character (a lone zero-width space is no id).

    Raises:
        InvalidArticleError: the id breaks the rule; the message says which part.

    Example:
        >>> check_article_id("2024-06-19-russia-north-korea-treaty")
        '2024-06-19-russia-north-korea-treaty'
        >>> check_article_id("​")
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.InvalidArticleError: article id '​' has only spaces or invisible characters
    """
    if not isinstance(article_id, str) or not article_id:
        raise InvalidArticleError("an article id must be a non-empty string")
    if len(article_id) > MAX_ARTICLE_ID_CHARS:
        raise InvalidArticleError(f"article id of {len(article_id):,} characters; at most {MAX_ARTICLE_ID_CHARS} "
                                  "are accepted")
    if article_id in (".", ".."):
        raise InvalidArticleError(f"article id {article_id!r} is not accepted ('.' and '..' name folders)")
    if "/" in article_id:
        raise InvalidArticleError(f"article id {article_id!r} holds '/', which is not accepted")
    categories = [unicodedata.category(c) for c in article_id]
    if any(c in _FORBIDDEN for c in categories):
        raise InvalidArticleError(f"article id {article_id!r} holds a control character or a lone surrogate")
    if all(c in _INVISIBLE for c in categories):
        raise InvalidArticleError(f"article id {article_id!r} has only spaces or invisible characters")
    return article_id


@dataclass(frozen=True, slots=True)
class State:
    """A sovereign state, identified by its ISO 3166-1 alpha-3 code."""

    code: str
    name: str
    alpha2: str
    numeric: str | None = None
    official_name: str | None = None
    wikidata: str | None = None
    un_member: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """A source text with its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence that supports a fact or claim.

    ``start`` and ``end`` are character offsets into the article text, so
    ``article.text[start:end] == text`` always holds: an auditor can find the
    sentence again without trusting our copy of it.
    """

    article_id: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI and the HTTP API."""
        return {"article_id": self.article_id, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Fact:
    """A typed edge between two states with the sentences that support it.

    ``directed`` is false when the text names a deal or trade between the two
    without saying who sells (guide rule 3); ``hedged`` marks reported,
    attributed or accused events (rule 5).
    """

    subject: str
    type: EdgeType
    object: str
    hedged: bool = False
    directed: bool = True
    evidence: tuple[Evidence, ...] = field(default=())

    @property
    def key(self) -> tuple[str, EdgeType, str]:
        """The identity of the fact: one edge however many sentences state it (rule 7).

        Symmetric types and undirected facts are keyed with their two states in
        code order, so either orientation of the same edge is the same fact.
        """
        if self.type.spec.symmetric or not self.directed:
            first, second = sorted((self.subject, self.object))
            return (first, self.type, second)
        return (self.subject, self.type, self.object)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI and the HTTP API."""
        return {
            "subject": self.subject,
            "type": self.type.value,
            "object": self.object,
            "hedged": self.hedged,
            "directed": self.directed,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim of alignment: claimants say the members form a bloc (rule 6).

    The members are not linked to each other by edges: a claim is talk, and the
    analysis compares it with the facts.
    """

    claimants: tuple[str, ...]
    members: tuple[str, ...]
    evidence: tuple[Evidence, ...] = field(default=())

    @property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The identity of the claim: its sorted member set and claimants."""
        return (tuple(sorted(self.members)), tuple(sorted(self.claimants)))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI and the HTTP API."""
        return {
            "claimants": list(self.claimants),
            "members": list(self.members),
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor found in one article."""

    article_id: str
    facts: tuple[Fact, ...]
    claims: tuple[Claim, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON Lines record written by ``alignkg extract``."""
        return {
            "id": self.article_id,
            "facts": [f.to_dict() for f in self.facts],
            "claims": [c.to_dict() for c in self.claims],
        }
