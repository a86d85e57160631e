"""The ontology published as an RDF vocabulary (RDFS/OWL), built from :mod:`alignkg.graph.ontology`.

Every edge type becomes an OWL class of fact resources (``ak:ArmsTransfer``,
subclass of ``ak:Fact`` and of its quad class) and an object property between
states (``ak:armsTransfer``, symmetric where the type is), each with a label and
the guide's description as comment. Nothing here is typed twice: add a type to
the ontology and it appears in the vocabulary.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS, XSD

from alignkg.graph.namespace import PREFIXES, VOCAB
from alignkg.graph.ontology import SPECS, QuadClass

AK = Namespace(VOCAB)


def _camel(value: str) -> str:
    return "".join(part.capitalize() for part in value.split("_"))


def vocabulary_graph() -> Graph:
    """Return the vocabulary as an rdflib graph.

    Example:
        >>> g = vocabulary_graph()
        >>> from rdflib import URIRef
        >>> (URIRef(VOCAB + "armsTransfer"), None, None) in g
        True
    """
    g = Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri)
    onto = URIRef(VOCAB.rstrip("#"))
    g.add((onto, RDF.type, OWL.Ontology))
    g.add((onto, RDFS.label, Literal("alignkg: how states align", lang="en")))
    g.add((onto, RDFS.comment, Literal(
        "Typed, sourced edges between sovereign states extracted from news, with their evidence.", lang="en")))
    g.add((AK.State, RDF.type, OWL.Class))
    g.add((AK.State, RDFS.label, Literal("sovereign state", lang="en")))
    g.add((AK.Fact, RDF.type, OWL.Class))
    g.add((AK.Fact, RDFS.label, Literal("fact", lang="en")))
    g.add((AK.Fact, RDFS.comment, Literal("A typed edge between two states, supported by evidence.", lang="en")))
    for name, rng in (("subject", AK.State), ("object", AK.State)):
        g.add((AK[name], RDF.type, OWL.ObjectProperty))
        g.add((AK[name], RDFS.domain, AK.Fact))
        g.add((AK[name], RDFS.range, rng))
        g.add((AK[name], RDFS.label, Literal(name, lang="en")))
    for name in ("hedged", "directed"):
        g.add((AK[name], RDF.type, OWL.DatatypeProperty))
        g.add((AK[name], RDFS.domain, AK.Fact))
        g.add((AK[name], RDFS.range, XSD.boolean))
        g.add((AK[name], RDFS.label, Literal(name, lang="en")))
    for quad in QuadClass:
        node = AK[_camel(quad.value)]
        g.add((node, RDF.type, OWL.Class))
        g.add((node, RDFS.subClassOf, AK.Fact))
        g.add((node, RDFS.label, Literal(quad.value.replace("_", " "), lang="en")))
    for spec in SPECS.values():
        cls = AK[spec.rdf_class]
        prop = AK[spec.rdf_property]
        g.add((cls, RDF.type, OWL.Class))
        g.add((cls, RDFS.subClassOf, AK[_camel(spec.quad_class.value)]))
        g.add((cls, RDFS.label, Literal(spec.label, lang="en")))
        g.add((cls, RDFS.comment, Literal(spec.description, lang="en")))
        g.add((cls, SKOS.notation, Literal(spec.type.value)))
        g.add((prop, RDF.type, OWL.ObjectProperty))
        if spec.symmetric:
            g.add((prop, RDF.type, OWL.SymmetricProperty))
        g.add((prop, RDFS.domain, AK.State))
        g.add((prop, RDFS.range, AK.State))
        g.add((prop, RDFS.label, Literal(f"{spec.label} ({spec.subject_role} to {spec.object_role})", lang="en")))
        g.add((prop, RDFS.comment, Literal(spec.description, lang="en")))
        g.add((prop, SKOS.notation, Literal(spec.type.value)))
        if not spec.symmetric:
            pair = AK[spec.rdf_pair_property]
            g.add((prop, RDFS.subPropertyOf, pair))
            g.add((pair, RDF.type, OWL.ObjectProperty))
            g.add((pair, RDF.type, OWL.SymmetricProperty))
            g.add((pair, RDFS.domain, AK.State))
            g.add((pair, RDFS.range, AK.State))
            g.add((pair, RDFS.label, Literal(f"{spec.label} with (either direction)", lang="en")))
            g.add((pair, RDFS.comment, Literal(
                f"The two states have a {spec.label} fact, directed or not; stated in both orientations.",
                lang="en")))
        g.add((prop, AK.factClass, cls))
        g.add((cls, AK.subjectRole, Literal(spec.subject_role, lang="en")))
        g.add((cls, AK.objectRole, Literal(spec.object_role, lang="en")))
    g.add((AK.factClass, RDF.type, OWL.AnnotationProperty))
    g.add((AK.subjectRole, RDF.type, OWL.AnnotationProperty))
    g.add((AK.objectRole, RDF.type, OWL.AnnotationProperty))
    return g


def vocabulary_turtle() -> str:
    """Return the vocabulary serialized as Turtle."""
    return vocabulary_graph().serialize(format="turtle")
