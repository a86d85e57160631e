"""Request and response models of the HTTP API, with the examples shown in the OpenAPI document.

Models only describe JSON; the ``*_out`` functions turn graph values (frozen dataclasses)
into them, adding ids and links. Edge-type ids in examples come from
:class:`alignkg.graph.EdgeType`, never typed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, field_validator

from alignkg.graph import (
    Article,
    Claim,
    Curation,
    EdgeType,
    Evidence,
    Extraction,
    Fact,
    FactPage,
    InvalidArticleError,
    InvalidInputError,
    KnowledgeGraph,
    Rows,
    State,
    StatePage,
    check_article_id,
    to_date,
)

_NI, _AT = EdgeType.NON_INTERVENTION, EdgeType.ARMS_TRANSFER
_FACT_ID = "3f1b9a0c6d2e4f5a7b8c"
_SENTENCE = ("Russia and China, despite their strategic partnerships with Iran, refrained from intervening "
             "militarily on its behalf.")


def _iso_date(value: Any) -> Any:
    """Accept a date only as ISO ``YYYY-MM-DD`` text (or a date): never a number read as a timestamp."""
    if value is not None and not isinstance(value, str | dt.date):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return to_date(value)
    except InvalidInputError:
        raise ValueError("must be a date that exists, written YYYY-MM-DD") from None


#: A date given in a request: ISO ``YYYY-MM-DD`` only (pydantic alone also takes numbers as Unix times).
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})]
def _check_url(value: str) -> str:
    """Return ``value`` if it is an absolute http(s) URL that is also a valid IRI."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in value for c in ' <>"{}|\\^`'):
        raise ValueError("must be an absolute http(s) URL without spaces or <>\"{}|\\^` characters")
    return value


def _examples(*examples: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": list(examples)})


def fact_path(fact_id: str) -> str:
    """Return the path of a fact's resource."""
    return f"/facts/{fact_id}"


def curation_path(record_id: str) -> str:
    """Return the path of an analyst's record."""
    return f"/curations/{record_id}"


def article_path(article_id: str) -> str:
    """Return the path of an article's resource (the id percent-encoded)."""
    return f"/articles/{quote(article_id, safe='')}"


class ErrorOut(BaseModel):
    """Every error: a stable code and a message for a person, sometimes with structured hints."""

    model_config = _examples({"error": "unknown_state",
                              "detail": "unknown state 'Iram' (did you mean IRN Iran, IRQ Iraq?)",
                              "suggestions": ["IRN Iran", "IRQ Iraq"]})

    error: str = Field(description="The error code (see docs/http-api.md for the list).")
    detail: str = Field(description="What went wrong, naming the bad value and what is accepted.")
    suggestions: list[str] | None = Field(None, description="Close state names, for `unknown_state`.")
    expected: list[str] | None = Field(None, description="Accepted values, for `unknown_edge_type`.")
    line: int | None = Field(None, description="Line of a query syntax error (1-based).")
    column: int | None = Field(None, description="Column of a query syntax error (1-based).")


class HealthOut(BaseModel):
    """The service is up."""

    model_config = _examples({"status": "ok", "version": "0.1.0"})

    status: Literal["ok"]
    version: str


class StateOut(BaseModel):
    """A state with the number of facts it takes part in."""

    model_config = _examples({"code": "IRN", "name": "Iran", "facts": 12, "as_subject": 5, "as_object": 7,
                              "links": {"self": "/states/IRN"}})

    code: str = Field(description="ISO 3166-1 alpha-3 code, the state's identity.")
    name: str
    facts: int = Field(description="Facts with the state on either side.")
    as_subject: int = Field(description="Facts the state is the subject of.")
    as_object: int = Field(description="Facts the state is the object of.")
    links: dict[str, str]


class StatesOut(BaseModel):
    """Every state the gazetteer knows, by code."""

    states: list[StateOut]
    count: int


class EvidenceOut(BaseModel):
    """A sentence that states a fact, located in its article (``text[start:end]`` is the sentence)."""

    model_config = _examples({"article_id": "seed-distant-allies", "text": _SENTENCE, "start": 512, "end": 627,
                              "links": {"article": "/articles/seed-distant-allies"}})

    article_id: str
    text: str
    start: int = Field(description="Offset of the sentence in the article text (Unicode code points).")
    end: int
    event_date: dt.date | None = Field(None, description="The date the sentence gives the event, resolved against "
                                                         "the article's date (a month or year: its first day).")
    curation: str | None = Field(None, description="The analyst's assertion that supplied the sentence (null when "
                                                   "the extractor found it); `links.curation` is its record.")
    links: dict[str, str]


class FactOut(BaseModel):
    """A typed edge between two states."""

    model_config = _examples({"id": _FACT_ID, "subject": "RUS", "type": _NI.value, "object": "IRN",
                              "quad_class": _NI.spec.quad_class.value, "hedged": False, "directed": True,
                              "links": {"self": fact_path(_FACT_ID)}})

    id: str = Field(description="The fact's id, the end of its IRI `https://w3id.org/alignkg/fact/<id>`.")
    subject: str
    type: str = Field(description="The edge type id.")
    object: str
    quad_class: str
    hedged: bool = Field(description="True when every piece of evidence hedges the fact (reported, alleged).")
    directed: bool = Field(description="False when the text names a deal without saying who sells.")
    first_seen: dt.date | None = Field(None, description="Earliest date of the articles that state the fact.")
    last_seen: dt.date | None = Field(None, description="Latest date of the articles that state the fact.")
    event_date: dt.date | None = Field(None, description="Earliest date its sentences give the event.")
    articles: int = Field(0, description="Articles (source documents) that state the fact.")
    sources: int = Field(0, description="Distinct sources (publisher domains) that state the fact.")
    evidence_count: int = Field(0, description="Pieces of evidence (sentences) that support the fact.")
    retracted: bool = Field(False, description="True when an analyst retracted the fact (of the fact listings, only "
                                               "`/facts/{id}` shows retracted facts).")
    links: dict[str, str]


class CurationOut(BaseModel):
    """An analyst's record (a PROV-O activity): an assertion, a retraction or a reversal, and who, when, why."""

    model_config = _examples({"id": "9c41d2e07a5b13f86e20", "kind": "retraction", "fact": _FACT_ID, "by": "ana",
                              "at": "2026-12-07T10:12:00+00:00", "reason": "the drones were Turkish",
                              "key": "1ec1c26b50d5", "url": None, "sentence": None, "reverts": None,
                              "reverted_by": None, "active": True,
                              "links": {"self": curation_path("9c41d2e07a5b13f86e20"), "fact": fact_path(_FACT_ID)}})

    id: str
    kind: Literal["assertion", "retraction", "reversal"]
    fact: str = Field(description="The id of the fact the record is about.")
    by: str = Field(description="Who made it: the analyst's name, else the API key's fingerprint.")
    at: dt.datetime = Field(description="When (UTC).")
    reason: str | None = None
    key: str | None = Field(None, description="Fingerprint of the API key used (first 12 hex digits of its SHA-256).")
    url: str | None = Field(None, description="Assertions: the source's URL.")
    sentence: str | None = Field(None, description="Assertions: the sentence quoted from the source.")
    reverts: str | None = Field(None, description="Reversals: the record undone.")
    reverted_by: str | None = Field(None, description="The reversal that undid this record, if any.")
    active: bool = Field(description="Whether the record still has its effect (not a reversal, not reverted).")
    links: dict[str, str]


class CurationsOut(BaseModel):
    """Analysts' records, oldest first."""

    curations: list[CurationOut]
    count: int


class _CurationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    by: str | None = Field(None, min_length=1, max_length=200,
                           description="The analyst's name (default: the API key's fingerprint).")


class AssertionIn(_CurationIn):
    """A fact the extractor missed, with the source that states it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "subject": "IRN", "type": _AT.value, "object": "RUS", "url": "https://example.org/drones",
        "sentence": "Iran delivered Shahed drones to Russia on Tuesday.", "published": "2025-01-10", "by": "ana",
        "reason": "missed by the extractor"}]})

    subject: str = Field(min_length=1, max_length=200, description="A state: code, name or alias.")
    type: str = Field(min_length=1, max_length=100, description="An edge type id.")
    object: str = Field(min_length=1, max_length=200, description="A state: code, name or alias.")
    url: str = Field(min_length=1, max_length=2_000, description="The source's absolute http(s) URL.")
    sentence: str = Field(min_length=1, max_length=5_000, description="The sentence of the source that states it.")
    published: IsoDate | None = Field(None, description="The source's date: dates the fact, resolves 'on Tuesday'.")
    hedged: bool = Field(False, description="The sentence reports or alleges the event.")
    directed: bool = Field(True, description="False when the sentence does not say who sells (a deal between).")
    reason: str | None = Field(None, max_length=2_000, description="Why (optional).")

    @field_validator("url")
    @classmethod
    def _absolute_url(cls, value: str) -> str:
        return _check_url(value)


class RetractionIn(_CurationIn):
    """Why a fact is wrong."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "fact": _FACT_ID, "reason": "the drones were Turkish", "by": "ana"}]})

    fact: str = Field(min_length=1, max_length=300, description="The fact's id (or IRI).")
    reason: str = Field(min_length=1, max_length=2_000, description="Why the fact is wrong (required).")


class ReversalIn(_CurationIn):
    """Who undoes a record, and why."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"by": "ana", "reason": "misread"}]})

    reason: str | None = Field(None, max_length=2_000, description="Why (optional).")


class FactDetailOut(FactOut):
    """A fact with every sentence that supports it."""

    model_config = _examples({"id": _FACT_ID, "subject": "RUS", "type": _NI.value, "object": "IRN",
                              "quad_class": _NI.spec.quad_class.value, "hedged": False, "directed": True,
                              "links": {"self": fact_path(_FACT_ID)},
                              "evidence": [{"article_id": "seed-distant-allies", "text": _SENTENCE, "start": 512,
                                            "end": 627, "links": {"article": "/articles/seed-distant-allies"}}]})

    evidence: list[EvidenceOut]
    curations: list[CurationOut] = Field(default_factory=list, description="The analysts' records on the fact, "
                                                                           "oldest first.")


class EdgeGroupOut(BaseModel):
    """The facts of one type on one side of a state: all of them counted, the first ones listed."""

    type: str
    quad_class: str
    count: int = Field(description="Facts of this type on this side, all of them; `facts` holds those of the page "
                                   "(see `limit`), and `links.more` lists them all, page by page.")
    facts: list[FactDetailOut]
    links: dict[str, str] = Field(default_factory=dict, description="`more`: the `/facts` listing of the whole "
                                                                    "group, when the page does not hold it.")


class StateDetailOut(BaseModel):
    """A state with its edges out (it is the subject) and in (it is the object), grouped by type."""

    model_config = _examples({
        "code": "IRN", "name": "Iran", "official_name": "Islamic Republic of Iran", "alpha2": "IR",
        "wikidata": "Q794", "un_member": True, "facts": 1, "outgoing": [],
        "incoming": [{"type": _NI.value, "quad_class": _NI.spec.quad_class.value, "count": 1, "facts": [
            {"id": _FACT_ID, "subject": "RUS", "type": _NI.value, "object": "IRN",
             "quad_class": _NI.spec.quad_class.value, "hedged": False, "directed": True,
             "links": {"self": fact_path(_FACT_ID)},
             "evidence": [{"article_id": "seed-distant-allies", "text": _SENTENCE, "start": 512, "end": 627,
                           "links": {"article": "/articles/seed-distant-allies"}}]}]}],
        "links": {"self": "/states/IRN", "outgoing": "/facts?subject=IRN", "incoming": "/facts?object=IRN"}})

    code: str
    name: str
    official_name: str | None
    alpha2: str
    wikidata: str | None
    un_member: bool
    facts: int = Field(description="Facts with the state on either side.")
    outgoing: list[EdgeGroupOut] = Field(description="Facts the state is the subject of, by type.")
    incoming: list[EdgeGroupOut] = Field(description="Facts the state is the object of, by type.")
    links: dict[str, str]


class FactsPage(BaseModel):
    """One page of facts; follow ``links.next`` (or pass ``cursor=next_cursor``) for the next."""

    model_config = _examples({"facts": [{"id": _FACT_ID, "subject": "IRN", "type": _AT.value, "object": "RUS",
                                         "quad_class": _AT.spec.quad_class.value, "hedged": False,
                                         "directed": True, "links": {"self": fact_path(_FACT_ID)}}],
                              "count": 1, "total": 1, "next_cursor": None, "links": {}})

    facts: list[FactOut]
    count: int = Field(description="Facts on this page.")
    total: int = Field(description="Facts matching the filters, on all pages.")
    next_cursor: str | None = Field(description="The cursor of the next page; null on the last page.")
    links: dict[str, str]


class ArticleRef(BaseModel):
    """An article's id and where to read it."""

    id: str
    links: dict[str, str]


class ArticlesOut(BaseModel):
    """The ids of the stored articles, sorted."""

    model_config = _examples({"articles": [{"id": "seed-distant-allies",
                                            "links": {"self": "/articles/seed-distant-allies"}}], "count": 1})

    articles: list[ArticleRef]
    count: int


class ArticleOut(BaseModel):
    """A stored article: its text and metadata."""

    model_config = _examples({"id": "2024-06-19-russia-north-korea-treaty",
                              "title": "Russia and North Korea sign mutual defence treaty",
                              "url": "https://en.wikipedia.org/wiki/Russia%E2%80%93North_Korea_relations",
                              "published": "2024-06-19", "publisher": "alignkg demo corpus",
                              "text": "Russia and North Korea signed a treaty ...",
                              "links": {"self": "/articles/2024-06-19-russia-north-korea-treaty"}})

    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    publisher: str | None
    text: str
    links: dict[str, str]


class ArticleIn(BaseModel):
    """An article to extract facts from and store."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "id": "2025-01-10-example", "text": "Iran sold drones to Russia.", "title": "Drones for Russia",
        "url": "https://example.org/drones", "published": "2025-01-10", "publisher": "Example News"}]})

    id: str = Field(min_length=1, max_length=256,
                    description="The article's id, unique per article: 1 to 256 characters, no '/', no control "
                                "characters, not '.' or '..', not only spaces or invisible characters.")
    text: str = Field(min_length=1, description="The article's text (plain text, UTF-8).")
    title: str | None = Field(None, max_length=1_000)
    url: str | None = Field(None, max_length=2_000, description="An absolute http(s) URL.")
    published: IsoDate | None = Field(None, description="Publication date, ISO `YYYY-MM-DD`.")
    publisher: str | None = Field(None, max_length=1_000)

    @field_validator("id")
    @classmethod
    def _plain_id(cls, value: str) -> str:
        try:
            return check_article_id(value)
        except InvalidArticleError as err:
            raise ValueError(str(err)) from None

    @field_validator("url")
    @classmethod
    def _absolute_url(cls, value: str | None) -> str | None:
        return None if value is None else _check_url(value)

    def to_article(self) -> Article:
        """Return the graph's article."""
        return Article(self.id, self.text, title=self.title, url=self.url, published=self.published,
                       publisher=self.publisher)


class ClaimOut(BaseModel):
    """A claim of alignment: claimants say the members form a bloc."""

    claimants: list[str]
    members: list[str]
    evidence: list[EvidenceOut]


class IngestOut(BaseModel):
    """What was extracted from an article (and is now stored)."""

    model_config = _examples({"id": "2025-01-10-example", "facts": [
        {"id": _FACT_ID, "subject": "IRN", "type": _AT.value, "object": "RUS", "quad_class": _AT.spec.quad_class.value,
         "hedged": False, "directed": True, "links": {"self": fact_path(_FACT_ID)},
         "evidence": [{"article_id": "2025-01-10-example", "text": "Iran sold drones to Russia.", "start": 0,
                       "end": 27, "links": {"article": "/articles/2025-01-10-example"}}]}],
        "claims": [], "links": {"self": "/articles/2025-01-10-example"}})

    id: str
    facts: list[FactDetailOut]
    claims: list[ClaimOut]
    links: dict[str, str]


class StatsOut(BaseModel):
    """What the store holds: quads, articles, facts (in all and by type), claims, evidence, analysts' records."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "quads": 4356, "articles": 11, "facts": 46, "facts_by_type": {_AT.value: 5}, "claims": 2, "evidence": 60}]})

    quads: int
    articles: int
    facts: int
    facts_by_type: dict[str, int]
    claims: int
    evidence: int


class ArticleResultOut(BaseModel):
    """One line of the answer to a batch of articles: what became of the article at ``index`` of the batch."""

    model_config = _examples({"index": 0, "id": "2025-01-10-example", "status": "stored", "facts": 1, "claims": 0,
                              "links": {"self": "/articles/2025-01-10-example"}})

    index: int = Field(description="The article's position in the batch, from 0.")
    id: str | None = Field(None, description="The article's id, when the item has one.")
    status: str = Field(description="`stored`, `unchanged` (stored before with the same text) or `failed`.")
    facts: int | None = Field(None, description="Facts extracted from a stored article.")
    claims: int | None = Field(None, description="Claims extracted from a stored article.")
    error: str | None = Field(None, description="The error code of a failed article (as the API's errors).")
    detail: str | None = Field(None, description="What went wrong, naming the field or the id.")
    links: dict[str, str] | None = None


class QueryIn(BaseModel):
    """A query of the pattern language (docs/query-language.md)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"pattern": f"?x {_NI.value} IRN"},
        {"pattern": f"?x {_AT.value} RUS . not ?x {EdgeType.CONDEMNATION.value} USA with evidence"}]})

    pattern: str = Field(min_length=1, max_length=10_000)


class QueryOut(BaseModel):
    """The rows of a pattern query: states as codes, one dict per row."""

    model_config = _examples({"columns": ["x", "_fact1", "_type1"], "rows": [
        {"x": "CHN", "_fact1": "https://w3id.org/alignkg/fact/" + _FACT_ID, "_type1": _NI.value}], "count": 1})

    columns: list[str]
    rows: list[dict[str, Any]]
    count: int


# --- graph values -> models ------------------------------------------------------------------------

def evidence_out(evidence: Evidence) -> EvidenceOut:
    """Return the JSON of a piece of evidence, with a link to its article (or to the assertion that supplied it)."""
    links = ({"curation": curation_path(evidence.curation)} if evidence.curation is not None
             else {"article": article_path(evidence.article_id)})
    return EvidenceOut(article_id=evidence.article_id, text=evidence.text, start=evidence.start, end=evidence.end,
                       event_date=evidence.event_date, curation=evidence.curation, links=links)


def curation_out(record: Curation) -> CurationOut:
    """Return the JSON of an analyst's record, with links to itself and its fact."""
    links = {"self": curation_path(record.id), "fact": fact_path(record.fact)}
    for name, target in (("reverts", record.reverts), ("reverted_by", record.reverted_by)):
        if target is not None:
            links[name] = curation_path(target)
    return CurationOut(id=record.id, kind=record.kind.value, fact=record.fact, by=record.by, at=record.at,
                       reason=record.reason, key=record.key, url=record.url, sentence=record.sentence,
                       reverts=record.reverts, reverted_by=record.reverted_by, active=record.active, links=links)


def curations_out(records: list[Curation]) -> CurationsOut:
    """Return the JSON of a list of records."""
    return CurationsOut(curations=[curation_out(r) for r in records], count=len(records))


def fact_out(fact: Fact, fact_id: str | None = None) -> FactOut:
    """Return the JSON of a fact without evidence; ``fact_id`` saves hashing its id again when it is known."""
    fact_id = KnowledgeGraph.fact_id(fact) if fact_id is None else fact_id
    # Built from a Fact, whose fields have these types already: no validation (a fifth of a page's time).
    return FactOut.model_construct(id=fact_id, subject=fact.subject, type=fact.type.value, object=fact.object,
                   quad_class=fact.type.spec.quad_class.value, hedged=fact.hedged, directed=fact.directed,
                   first_seen=fact.first_seen, last_seen=fact.last_seen, event_date=fact.event_date,
                   articles=fact.articles, sources=fact.sources, evidence_count=fact.evidence_count,
                   retracted=fact.retracted, links={"self": fact_path(fact_id)})


def fact_detail_out(fact: Fact) -> FactDetailOut:
    """Return the JSON of a fact with its evidence."""
    return FactDetailOut(**fact_out(fact).model_dump(), evidence=[evidence_out(e) for e in fact.evidence],
                         curations=[curation_out(r) for r in fact.curations])


def state_out(state: State, as_subject: int, as_object: int) -> StateOut:
    """Return the JSON of a state with its fact counts."""
    return StateOut(code=state.code, name=state.name, facts=as_subject + as_object, as_subject=as_subject,
                    as_object=as_object, links={"self": f"/states/{state.code}"})


def _groups(by_type: dict[EdgeType, list[Fact]], counts: dict[EdgeType, int],
            more: Callable[[EdgeType], str]) -> list[EdgeGroupOut]:
    return [EdgeGroupOut(type=t.value, quad_class=t.spec.quad_class.value, count=counts[t],
                         facts=[fact_detail_out(f) for f in facts],
                         links={"more": more(t)} if counts[t] > len(facts) else {})
            for t, facts in by_type.items()]


def state_detail_out(page: StatePage) -> StateDetailOut:
    """Return the JSON of a state with a page of its edges out and in, grouped by type."""
    state = page.state
    return StateDetailOut(code=state.code, name=state.name, official_name=state.official_name, alpha2=state.alpha2,
                          wikidata=state.wikidata, un_member=state.un_member, facts=page.total,
                          outgoing=_groups(page.outgoing, page.outgoing_counts,
                                           lambda t: f"/facts?subject={state.code}&type={t.value}"),
                          incoming=_groups(page.incoming, page.incoming_counts,
                                           lambda t: f"/facts?object={state.code}&type={t.value}"),
                          links={"self": f"/states/{state.code}", "outgoing": f"/facts?subject={state.code}",
                                 "incoming": f"/facts?object={state.code}"})


def article_out(article: Article) -> ArticleOut:
    """Return the JSON of a stored article."""
    return ArticleOut(id=article.id, title=article.title, url=article.url, published=article.published,
                      publisher=article.publisher, text=article.text, links={"self": article_path(article.id)})


def articles_out(ids: list[str]) -> ArticlesOut:
    """Return the JSON list of article ids."""
    return ArticlesOut(articles=[ArticleRef(id=i, links={"self": article_path(i)}) for i in ids], count=len(ids))


def ingest_out(article_id: str, extraction: Extraction) -> IngestOut:
    """Return the JSON of what an article yielded."""
    return IngestOut(id=article_id, facts=[fact_detail_out(f) for f in extraction.facts],
                     claims=[claim_out(c) for c in extraction.claims], links={"self": article_path(article_id)})


def claim_out(claim: Claim) -> ClaimOut:
    """Return the JSON of a claim."""
    return ClaimOut(claimants=list(claim.claimants), members=list(claim.members),
                    evidence=[evidence_out(e) for e in claim.evidence])


def query_out(rows: Rows) -> QueryOut:
    """Return the JSON of a pattern query's rows."""
    return QueryOut(columns=rows.columns, rows=rows.rows, count=len(rows))


def facts_page(page: FactPage, next_link: Callable[[str], str]) -> FactsPage:
    """Return the JSON of one page of facts; ``next_link`` makes the link to the next page from its cursor."""
    return FactsPage.model_construct(facts=[fact_out(f, i) for f, i in zip(page.facts, page.ids, strict=True)],
                                     count=len(page.facts), total=page.total, next_cursor=page.next_cursor,
                                     links={"next": next_link(page.next_cursor)} if page.next_cursor else {})


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Return the OpenAPI description of the error responses a route may give."""
    words = {400: "Bad input (the detail names the parameter)", 401: "Missing or wrong API key",
             403: "Refused (no API key configured, or a refused query)", 404: "Not found",
             406: "No acceptable result format", 409: "Conflict with what is stored",
             413: "Body or article too large", 415: "Unsupported body media type", 422: "Result too large",
             429: "Too many requests in progress from this client", 503: "Store unavailable",
             504: "Query stopped at the time limit"}
    return {status: {"model": ErrorOut, "description": words.get(status, "Error")} for status in statuses}
