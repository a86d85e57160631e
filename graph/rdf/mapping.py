"""Model objects to RDF quads, as documented in ``docs/rdf-model.md``.

This is the only code that decides which triples a state, an article, a fact or
a piece of evidence becomes; the store writes what it gets and the exporters
serialize it. Terms are pyoxigraph terms, so building a quad costs no parsing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from pyoxigraph import Literal, NamedNode, Quad

from alignkg.graph import namespace as ns
from alignkg.graph.model import Article, Claim, Evidence, Extraction, Fact, State
from alignkg.graph.ontology import EdgeType

_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
_OA = "http://www.w3.org/ns/oa#"
_PROV = "http://www.w3.org/ns/prov#"
_SCHEMA = "https://schema.org/"
_WD = "http://www.wikidata.org/entity/"
_BOOLEAN = NamedNode(_XSD + "boolean")
_DATE = NamedNode(_XSD + "date")
_INTEGER = NamedNode(_XSD + "integer")

REFERENCE = NamedNode(ns.REFERENCE_GRAPH)
FACTS = NamedNode(ns.FACTS_GRAPH)


def ak(name: str) -> NamedNode:
    """Return the vocabulary term ``ak:<name>``.

    Raises:
        KeyError: the vocabulary does not declare ``name`` (see :data:`alignkg.graph.namespace.AK`).
    """
    return NamedNode(ns.AK[name])


def _oa(name: str) -> NamedNode:
    return NamedNode(_OA + name)


def _schema(name: str) -> NamedNode:
    return NamedNode(_SCHEMA + name)


def boolean(value: bool) -> Literal:
    """Return an ``xsd:boolean`` literal."""
    return Literal("true" if value else "false", datatype=_BOOLEAN)


def date(value: dt.date) -> Literal:
    """Return an ``xsd:date`` literal."""
    return Literal(value.isoformat(), datatype=_DATE)


def integer(value: int) -> Literal:
    """Return an ``xsd:integer`` literal."""
    return Literal(str(value), datatype=_INTEGER)


def state_node(code: str) -> NamedNode:
    """Return the IRI of a state as a term."""
    return NamedNode(ns.state_iri(code))


def fact_node(fact: Fact) -> NamedNode:
    """Return the IRI of a fact: one per (subject, type, object) key, orientation-free when symmetric.

    An undirected deal ("a deal between A and B") has an IRI of its own, apart
    from a directed one between the same states ("A sold to B"): while no text
    gives the direction, the undirected resource holds the evidence; once one
    does, that evidence supports the directed fact instead (see :class:`FactGroup`).
    """
    subject, edge_type, obj = fact.key
    name = edge_type.value if fact.directed or edge_type.spec.symmetric else f"{edge_type.value}~undirected"
    return NamedNode(ns.fact_iri(subject, name, obj))


@dataclass(frozen=True, slots=True)
class FactGroup:
    """The fact resources one relation of two states can have: one edge type, one unordered pair.

    A symmetric type has one resource (``undirected``; ``forward`` and ``backward`` are
    None). Any other type has up to three: ``forward`` (``first`` to ``second``, states in
    code order), ``backward`` and ``undirected``. The writes of :mod:`alignkg.graph.rdf.updates`
    keep them saying each thing once: evidence that names no direction supports the
    directed facts of the group when there are any, else the undirected one.

    Example:
        >>> group = FactGroup.of(Fact("RUS", EdgeType.ARMS_TRANSFER, "IRN"))
        >>> group.first, group.second, group.forward == fact_node(Fact("IRN", EdgeType.ARMS_TRANSFER, "RUS"))
        ('IRN', 'RUS', True)
    """

    first: str
    type: EdgeType
    second: str

    @classmethod
    def of(cls, fact: Fact) -> FactGroup:
        """Return the group of a fact."""
        first, second = sorted((fact.subject, fact.object))
        return cls(first, fact.type, second)

    @property
    def symmetric(self) -> bool:
        """Whether the type is symmetric, so the group has one resource."""
        return self.type.spec.symmetric

    @property
    def forward(self) -> NamedNode | None:
        """The directed fact from ``first`` to ``second`` (None for a symmetric type)."""
        return None if self.symmetric else fact_node(Fact(self.first, self.type, self.second))

    @property
    def backward(self) -> NamedNode | None:
        """The directed fact from ``second`` to ``first`` (None for a symmetric type)."""
        return None if self.symmetric else fact_node(Fact(self.second, self.type, self.first))

    @property
    def undirected(self) -> NamedNode:
        """The orientation-free fact: the undirected one, or the only one of a symmetric type."""
        return fact_node(Fact(self.first, self.type, self.second, directed=False))

    @property
    def nodes(self) -> tuple[NamedNode, ...]:
        """Every fact resource of the group."""
        return tuple(n for n in (self.forward, self.backward, self.undirected) if n is not None)


def claim_node(claim: Claim) -> NamedNode:
    """Return the IRI of a claim: one per member set."""
    return NamedNode(ns.claim_iri(claim.members))


def text_hash(text: str) -> str:
    """Return the hash that tells whether an article id comes back with the same text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iter_state_quads(states: Iterable[State]) -> Iterator[Quad]:
    """Yield the reference-graph quads of the states."""
    for state in states:
        node = state_node(state.code)
        yield Quad(node, _RDF_TYPE, ak("State"), REFERENCE)
        yield Quad(node, _RDFS_LABEL, Literal(state.name, language="en"), REFERENCE)
        yield Quad(node, ak("iso3"), Literal(state.code), REFERENCE)
        yield Quad(node, ak("iso2"), Literal(state.alpha2), REFERENCE)
        if state.numeric:
            yield Quad(node, ak("isoNumeric"), Literal(state.numeric), REFERENCE)
        yield Quad(node, ak("unMember"), boolean(state.un_member), REFERENCE)
        if state.wikidata:
            yield Quad(node, _OWL_SAME_AS, NamedNode(_WD + state.wikidata), REFERENCE)


def iter_activity_quads(version: str) -> Iterator[Quad]:
    """Yield the quads of the extraction activity of extractor ``version``."""
    node = NamedNode(ns.activity_iri(version))
    yield Quad(node, _RDF_TYPE, NamedNode(_PROV + "Activity"), REFERENCE)
    yield Quad(node, _RDFS_LABEL, Literal(f"alignkg extractor {version}", language="en"), REFERENCE)
    yield Quad(node, ak("extractorVersion"), Literal(version), REFERENCE)


def source_of(article: Article) -> str | None:
    """Return the source an article counts as for corroboration: its URL's domain, else its publisher's name.

    Example:
        >>> source_of(Article("a", "...", url="https://www.Example.org/news/1", publisher="Example News"))
        'example.org'
        >>> source_of(Article("a", "...", publisher="Example News")), source_of(Article("a", "..."))
        ('example news', None)
    """
    if article.url:
        host = (urlsplit(article.url).hostname or "").removeprefix("www.")
        if host:
            return host
    return article.publisher.strip().lower() if article.publisher and article.publisher.strip() else None


def iter_article_quads(article: Article) -> Iterator[Quad]:
    """Yield the quads describing an article, in its own named graph."""
    graph = NamedNode(ns.article_graph(article.id))
    node = NamedNode(ns.article_iri(article.id))
    yield Quad(node, _RDF_TYPE, _schema("NewsArticle"), graph)
    yield Quad(node, _schema("identifier"), Literal(article.id), graph)
    yield Quad(node, _schema("text"), Literal(article.text), graph)
    yield Quad(node, ak("textHash"), Literal(text_hash(article.text)), graph)
    if article.title:
        yield Quad(node, _schema("headline"), Literal(article.title), graph)
    if article.url:
        yield Quad(node, _schema("url"), NamedNode(article.url), graph)
    if article.published:
        yield Quad(node, _schema("datePublished"), date(article.published), graph)
    source = source_of(article)
    if source:
        yield Quad(node, ak("source"), Literal(source), graph)
    if article.publisher:
        publisher = NamedNode(ns.article_iri(article.id) + "#publisher")
        yield Quad(node, _schema("publisher"), publisher, graph)
        yield Quad(publisher, _RDF_TYPE, _schema("Organization"), graph)
        yield Quad(publisher, _schema("name"), Literal(article.publisher), graph)


def iter_fact_quads(fact: Fact) -> Iterator[Quad]:
    """Yield the facts-graph quads of a fact resource, without its derived values and direct triples.

    Derived values (hedged, dates, counts) and the direct state-to-state triples depend on
    every statement of the relation, so :mod:`alignkg.graph.rdf.updates` writes them.
    """
    node = fact_node(fact)
    spec = fact.type.spec
    # Orientation-free facts are written in code order, so every article writes the same triples.
    first, _, second = fact.key
    yield Quad(node, _RDF_TYPE, ak(spec.rdf_class), FACTS)
    yield Quad(node, ak("subject"), state_node(first), FACTS)
    yield Quad(node, ak("object"), state_node(second), FACTS)
    yield Quad(node, ak("edgeType"), Literal(fact.type.value), FACTS)
    yield Quad(node, ak("directed"), boolean(fact.directed or spec.symmetric), FACTS)


def iter_claim_quads(claim: Claim) -> Iterator[Quad]:
    """Yield the facts-graph quads of a claim: its type and members."""
    node = claim_node(claim)
    yield Quad(node, _RDF_TYPE, ak("Claim"), FACTS)
    for member in claim.members:
        yield Quad(node, ak("member"), state_node(member), FACTS)


def iter_evidence_quads(target: NamedNode, evidence: Evidence, *, hedged: bool, version: str,
                        directed: bool | None = None, claimants: Iterable[str] = (),
                        curation: NamedNode | None = None) -> Iterator[Quad]:
    """Yield the quads of one piece of evidence for a fact or claim, in its article's graph.

    ``directed`` (facts only) records whether the sentence gives the direction of the fact it states: the
    evidence of an undirected statement moves to the directed fact of the same relation once
    one is known, and back when that one goes. With ``curation`` (an analyst's assertion),
    the evidence goes to that record's graph, is generated by it instead of the extractor,
    and is derived from the quotation it holds (:func:`iter_quotation_quads`), not an article.
    """
    if curation is None:
        graph = NamedNode(ns.article_graph(evidence.article_id))
        article = NamedNode(ns.article_iri(evidence.article_id))
        activity = NamedNode(ns.activity_iri(version))
    else:
        graph = NamedNode(ns.curation_graph(curation.value.removeprefix(ns.CURATION)))
        article = quotation_node(curation)
        activity = curation
    iri = ns.evidence_iri(target.value, evidence.article_id, evidence.start, evidence.end)
    node = NamedNode(iri)
    where, quote, position = NamedNode(iri + "#target"), NamedNode(iri + "#quote"), NamedNode(iri + "#position")
    yield Quad(node, _RDF_TYPE, ak("Evidence"), graph)
    yield Quad(node, _RDF_TYPE, _oa("Annotation"), graph)
    yield Quad(node, ak("supports"), target, graph)
    yield Quad(node, _oa("hasBody"), target, graph)
    if curation is None:
        yield Quad(node, ak("article"), article, graph)
    yield Quad(node, ak("sentence"), Literal(evidence.text), graph)
    yield Quad(node, ak("hedged"), boolean(hedged), graph)
    if evidence.event_date is not None:
        yield Quad(node, ak("eventDate"), date(evidence.event_date), graph)
    if directed is not None:
        yield Quad(node, ak("directed"), boolean(directed), graph)
    for claimant in claimants:
        yield Quad(node, ak("claimant"), state_node(claimant), graph)
    yield Quad(node, _oa("hasTarget"), where, graph)
    yield Quad(node, NamedNode(_PROV + "wasDerivedFrom"), article, graph)
    yield Quad(node, NamedNode(_PROV + "wasGeneratedBy"), activity, graph)
    yield Quad(where, _RDF_TYPE, _oa("SpecificResource"), graph)
    yield Quad(where, _oa("hasSource"), article, graph)
    yield Quad(where, _oa("hasSelector"), quote, graph)
    yield Quad(where, _oa("hasSelector"), position, graph)
    yield Quad(quote, _RDF_TYPE, _oa("TextQuoteSelector"), graph)
    yield Quad(quote, _oa("exact"), Literal(evidence.text), graph)
    yield Quad(position, _RDF_TYPE, _oa("TextPositionSelector"), graph)
    yield Quad(position, _oa("start"), integer(evidence.start), graph)
    yield Quad(position, _oa("end"), integer(evidence.end), graph)


def quotation_node(curation: NamedNode) -> NamedNode:
    """Return the IRI of the quotation an assertion holds: the sentence an analyst quoted from a source."""
    return NamedNode(curation.value + "#quotation")


def iter_quotation_quads(curation: NamedNode, record_id: str, sentence: str, url: str,
                         published: dt.date | None) -> Iterator[Quad]:
    """Yield the quads of the quotation an assertion cites, in the assertion's graph.

    It is to asserted evidence what an article is to extracted evidence: a document with
    an identifier (``curation/<id>``), a text (the sentence, so the evidence's offsets
    slice it out exactly), a URL, a date when the analyst gave one, and the source it
    counts as for corroboration.
    """
    graph = NamedNode(ns.curation_graph(record_id))
    node = quotation_node(curation)
    yield Quad(node, _RDF_TYPE, _schema("Quotation"), graph)
    yield Quad(node, _schema("identifier"), Literal(quotation_id(record_id)), graph)
    yield Quad(node, _schema("text"), Literal(sentence), graph)
    yield Quad(node, _schema("url"), NamedNode(url), graph)
    if published is not None:
        yield Quad(node, _schema("datePublished"), date(published), graph)
    source = source_of(Article(quotation_id(record_id), sentence, url=url))
    if source:
        yield Quad(node, ak("source"), Literal(source), graph)


def quotation_id(record_id: str) -> str:
    """Return the document id of the quotation of assertion ``record_id`` (what its evidence names as article)."""
    return f"curation/{record_id}"


def iter_extraction_quads(article: Article, extraction: Extraction, version: str) -> Iterator[Quad]:
    """Yield every quad one article contributes, before derived values.

    Facts and claims go to the shared facts graph (set semantics make a fact
    already stated by another article a no-op); the article and its evidence
    go to the article's own graph.
    """
    yield from iter_article_quads(article)
    for fact in extraction.facts:
        yield from iter_fact_quads(fact)
        node = fact_node(fact)
        for evidence in fact.evidence:
            yield from iter_evidence_quads(node, evidence, hedged=fact.hedged, version=version,
                                           directed=fact.directed or fact.type.spec.symmetric)
    for claim in extraction.claims:
        yield from iter_claim_quads(claim)
        node = claim_node(claim)
        for evidence in claim.evidence:
            yield from iter_evidence_quads(node, evidence, hedged=False, version=version,
                                           claimants=claim.claimants)
