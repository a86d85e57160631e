"""The value objects of alignkg: states, articles, evidence, facts and claims.

They are frozen so they can be shared between the extractor, the store and the
analysis without defensive copies, and they carry no behaviour beyond identity
and conversion to plain JSON-ready dicts. This module imports only the base layer.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from alignkg.graph.errors import InvalidArticleError, InvalidInputError
from alignkg.graph.ontology import EdgeType

#: The longest article id accepted.
MAX_ARTICLE_ID_CHARS = 256
#: Unicode categories no id may contain (controls C0 and C1, surrogates) or consist of only
#: (separators and format characters such as the zero-width space).
_FORBIDDEN = {"Cc", "Cs"}
_INVISIBLE = {"Zs", "Zl", "Zp", "Cf"}


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def to_date(value: dt.date | str | None) -> dt.date | None:
    """Return ``value`` as a date: the one reading of a date given as text, everywhere (None stays None).

    Only ``YYYY-MM-DD`` is a date: ``datetime.date.fromisoformat`` also reads ``20240501`` and
    ``2024-W18-3``, which the HTTP API refuses, so the library refuses them too.

    Raises:
        InvalidInputError: text that is not a date written ``YYYY-MM-DD``, or a day that does not exist.

    Example:
        >>> to_date("2024-05-01"), to_date(dt.date(2024, 5, 1)), to_date(None)
        (datetime.date(2024, 5, 1), datetime.date(2024, 5, 1), None)
        >>> to_date("20240501")
        Traceback (most recent call last):
        ...
        alignkg.graph.errors.InvalidInputError: not an ISO date (YYYY-MM-DD): '20240501'
    """
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInputError(f"not a date that exists (YYYY-MM-DD): {value!r}") from None
    raise InvalidInputError(f"not an ISO date (YYYY-MM-DD): {value!r}")


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
    #: The date of the event when the sentence gives one ("on Tuesday"), resolved against the article's date.
    event_date: dt.date | None = None
    #: The id of the analyst's assertion that supplied the sentence (None when the extractor found it); the
    #: ``article_id`` is then that of the quoted source, ``curation/<id>``, whose text is the sentence.
    curation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI and the HTTP API (``event_date``, ``curation`` only when set)."""
        out: dict[str, Any] = {"article_id": self.article_id, "text": self.text, "start": self.start,
                               "end": self.end}
        if self.event_date is not None:
            out["event_date"] = self.event_date.isoformat()
        if self.curation is not None:
            out["curation"] = self.curation
        return out


class CurationKind(StrEnum):
    """What an analyst did to the graph: each is a record of its own, kept for audit."""

    #: Added a fact the extractor missed, with the source URL and the sentence that states it.
    ASSERTION = "assertion"
    #: Took a wrong fact out of the analysis and the direct triples (it stays, with its evidence, for audit).
    RETRACTION = "retraction"
    #: Undid an assertion or a retraction (which stays recorded as reverted).
    REVERSAL = "reversal"


@dataclass(frozen=True, slots=True)
class Curation:
    """One analyst's correction, as stored (a PROV-O activity): who, when, why, and on which fact.

    ``by`` is the analyst (a user name, or the API key's fingerprint over HTTP when no
    name is given) and ``key`` the fingerprint of the API key of an HTTP request;
    ``at`` is when (UTC). An assertion carries its source ``url`` and ``sentence``; a
    reversal the id of the record it ``reverts``; a reverted record the id of the
    reversal (``reverted_by``).
    """

    id: str
    kind: CurationKind
    fact: str
    by: str
    at: dt.datetime
    reason: str | None = None
    key: str | None = None
    url: str | None = None
    sentence: str | None = None
    reverts: str | None = None
    reverted_by: str | None = None

    @property
    def active(self) -> bool:
        """Whether the record still has its effect: not a reversal, and not reverted."""
        return self.kind is not CurationKind.REVERSAL and self.reverted_by is None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by the CLI (fields that are not set are left out)."""
        out: dict[str, Any] = {"id": self.id, "kind": self.kind.value, "fact": self.fact, "by": self.by,
                               "at": self.at.isoformat()}
        for name in ("reason", "key", "url", "sentence", "reverts", "reverted_by"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True, slots=True)
class Fact:
    """A typed edge between two states with the sentences that support it.

    ``directed`` is false when the text names a deal or trade between the two
    without saying who sells (guide rule 3); ``hedged`` marks reported,
    attributed or accused events (rule 5).

    A fact read from the store also says when and how often it is stated:
    ``first_seen`` and ``last_seen`` (the earliest and latest date of the articles
    that state it), ``event_date`` (the earliest date its sentences give the event),
    the number of ``articles`` and of distinct ``sources`` (publishers) that state it,
    its ``evidence_count`` (sentences), and whether an analyst ``retracted`` it.
    An extraction leaves them at their defaults.
    """

    subject: str
    type: EdgeType
    object: str
    hedged: bool = False
    directed: bool = True
    evidence: tuple[Evidence, ...] = field(default=())
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    event_date: dt.date | None = None
    articles: int = 0
    sources: int = 0
    evidence_count: int = 0
    retracted: bool = False
    #: The analysts' records on this fact, oldest first (read by ``kg.fact()``; empty elsewhere).
    curations: tuple[Curation, ...] = field(default=())

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
class FactPage:
    """One page of a fact listing: its facts (no evidence) with their ids, the matches on all pages, the next cursor.

    ``ids[i]`` is the id of ``facts[i]`` (``KnowledgeGraph.fact_id``), read from the store with
    the page rather than hashed again; ``next_cursor`` is None on the last page.
    """

    facts: tuple[Fact, ...]
    ids: tuple[str, ...]
    total: int
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class StatePage:
    """A state with a bounded page of its facts, by type: those it is the subject of, then the object of.

    ``outgoing_counts`` and ``incoming_counts`` count every fact of each type on each side (all
    pages), while ``outgoing`` and ``incoming`` hold the first facts of the listing, each with the
    first of its evidence (``Fact.evidence_count`` says how much there is).
    """

    state: State
    outgoing: dict[EdgeType, list[Fact]]
    incoming: dict[EdgeType, list[Fact]]
    outgoing_counts: dict[EdgeType, int]
    incoming_counts: dict[EdgeType, int]

    @property
    def total(self) -> int:
        """Facts with the state on either side, on all pages."""
        return sum(self.outgoing_counts.values()) + sum(self.incoming_counts.values())


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
