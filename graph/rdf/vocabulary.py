"""The ontology published as an RDF vocabulary (RDFS/OWL), built from :data:`alignkg.graph.ontology.TERMS`.

Every term the data uses is declared here with its label, meaning, domain and range:
each edge type becomes an OWL class of fact resources (``ak:ArmsTransfer``, subclass of
its quad class and of ``ak:Fact``), an object property between states
(``ak:armsTransfer``, symmetric where the type is) and, unless symmetric, the pair
property it specialises (``ak:armsTransferWith``). The store holds these triples in its
own named graph (:data:`alignkg.graph.namespace.ONTOLOGY_GRAPH`), so exports carry them and
a SPARQL user can ask what a term means. Nothing here is typed twice: add a term to the
ontology and it appears in the vocabulary, the store and the SHACL shapes.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from alignkg.graph import namespace as ns
from alignkg.graph.ontology import SPECS, Term, TermKind

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_OWL = "http://www.w3.org/2002/07/owl#"
_KINDS = {TermKind.CLASS: "Class", TermKind.OBJECT: "ObjectProperty", TermKind.DATA: "DatatypeProperty",
          TermKind.ANNOTATION: "AnnotationProperty"}
_A = NamedNode(_RDF + "type")
_LABEL, _COMMENT = NamedNode(_RDFS + "label"), NamedNode(_RDFS + "comment")
_DEFINED_BY = NamedNode(_RDFS + "isDefinedBy")
_NOTATION = NamedNode(ns.PREFIXES["skos"] + "notation")
_DECIMAL = NamedNode(ns.PREFIXES["xsd"] + "decimal")
_ONTOLOGY = NamedNode(ns.ONTOLOGY)
ONTOLOGY_GRAPH = NamedNode(ns.ONTOLOGY_GRAPH)


def _decimal(value: float) -> str:
    """Return the canonical lexical form of an ``xsd:decimal`` of one decimal place ("-10", "3.4").

    A store keeps a decimal's canonical form ("-10.0" comes back as "-10"): written otherwise,
    the stored vocabulary never equals this one and every opening of a store re-derived its facts.

    Example:
        >>> _decimal(-10.0), _decimal(3.4), _decimal(0.0)
        ('-10', '3.4', '0')
    """
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def iri(curie: str) -> NamedNode:
    """Return the IRI of a CURIE with one of the project's prefixes (``xsd:date``, ``ak:Fact``).

    Example:
        >>> iri("ak:Fact").value
        'https://w3id.org/alignkg/ontology#Fact'
    """
    prefix, _, local = curie.partition(":")
    if prefix == "ak":
        return NamedNode(ns.AK[local])
    return NamedNode(ns.PREFIXES[prefix] + local)


def _en(text: str) -> Literal:
    return Literal(text, language="en")


def _term_triples(term: Term) -> Iterator[Triple]:
    node = NamedNode(ns.AK[term.name])
    yield Triple(node, _A, NamedNode(_OWL + _KINDS[term.kind]))
    if term.symmetric:
        yield Triple(node, _A, NamedNode(_OWL + "SymmetricProperty"))
    if term.single and term.kind in (TermKind.OBJECT, TermKind.DATA):
        yield Triple(node, _A, NamedNode(_OWL + "FunctionalProperty"))
    yield Triple(node, _LABEL, _en(term.label))
    yield Triple(node, _COMMENT, _en(term.comment))
    yield Triple(node, _DEFINED_BY, _ONTOLOGY)
    parent = NamedNode(_RDFS + ("subClassOf" if term.kind is TermKind.CLASS else "subPropertyOf"))
    for curie in term.parents:
        yield Triple(node, parent, iri(curie))
    if len(term.domain) == 1:  # a property of several classes gets no rdfs:domain (it would make them one)
        yield Triple(node, NamedNode(_RDFS + "domain"), iri(term.domain[0]))
    if term.range is not None:
        yield Triple(node, NamedNode(_RDFS + "range"), iri(term.range))


def iter_vocabulary_triples() -> Iterator[Triple]:
    """Yield the triples of the vocabulary: the ontology header, every term, the edge types' roles.

    Example:
        >>> from pyoxigraph import NamedNode
        >>> any(t.subject == NamedNode(ns.AK.armsTransfer) for t in iter_vocabulary_triples())
        True
    """
    from alignkg.graph.ontology import TERMS

    yield Triple(_ONTOLOGY, _A, NamedNode(_OWL + "Ontology"))
    yield Triple(_ONTOLOGY, _LABEL, _en("alignkg: how states align"))
    yield Triple(_ONTOLOGY, _COMMENT, _en(
        "Typed, sourced edges between sovereign states extracted from news, with their evidence."))
    for term in TERMS.values():
        yield from _term_triples(term)
    for spec in SPECS.values():
        cls, prop = NamedNode(ns.AK[spec.rdf_class]), NamedNode(ns.AK[spec.rdf_property])
        yield Triple(cls, _NOTATION, Literal(spec.type.value))
        yield Triple(prop, _NOTATION, Literal(spec.type.value))
        yield Triple(prop, NamedNode(ns.AK.factClass), cls)
        yield Triple(cls, NamedNode(ns.AK.subjectRole), _en(spec.subject_role))
        yield Triple(cls, NamedNode(ns.AK.objectRole), _en(spec.object_role))
        yield Triple(cls, NamedNode(ns.AK.ploverType), Literal(spec.event.plover))
        yield Triple(cls, NamedNode(ns.AK.cameoCode), Literal(spec.event.cameo))
        yield Triple(cls, NamedNode(ns.AK.cameoRoot), Literal(spec.event.cameo_root))
        yield Triple(cls, NamedNode(ns.AK.goldstein), Literal(_decimal(spec.event.goldstein), datatype=_DECIMAL))


def iter_vocabulary_quads() -> Iterator[Quad]:
    """Yield the vocabulary in the store's ontology graph."""
    for t in iter_vocabulary_triples():
        yield Quad(t.subject, t.predicate, t.object, ONTOLOGY_GRAPH)


def vocabulary_turtle() -> str:
    """Return the vocabulary serialized as Turtle, with the project's prefixes.

    Example:
        >>> "ak:armsTransferWith a owl:ObjectProperty" in vocabulary_turtle()
        True
    """
    data = serialize(iter_vocabulary_triples(), format=RdfFormat.TURTLE, prefixes=ns.PREFIXES)
    return (data or b"").decode("utf-8")
