"""The SHACL shapes of a valid graph, generated from the vocabulary (:data:`alignkg.graph.ontology.TERMS`).

Each class a term names as its domain gets a node shape, and each term a property shape:
at least one value when the term is ``required``, at most one when ``single``, its range as
``sh:datatype`` or ``sh:class``, its ``pattern``. The edge-type ids allowed in ``ak:edgeType``
come from :class:`alignkg.graph.ontology.EdgeType`. What the vocabulary cannot say (the Web
Annotation selectors of evidence, the schema.org fields of articles, a fact's need of
evidence) is the table :data:`EXTERNAL` below. So a new term or edge type is checked
without touching this module, and no list of edge types is typed twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from alignkg.graph import namespace as ns
from alignkg.graph.ontology import TERMS, EdgeType, Term
from alignkg.graph.rdf.vocabulary import iri

SH = "http://www.w3.org/ns/shacl#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_A = NamedNode(_RDF + "type")
_INTEGER = NamedNode(ns.PREFIXES["xsd"] + "integer")
#: Prefixes of the shapes document: the project's, plus ``sh:`` and ``shapes:``.
PREFIXES = {**ns.PREFIXES, "sh": SH, "shapes": ns.SHAPES}

#: Constraints the vocabulary does not carry, per target class: (path, constraint, value). A path is
#: a CURIE, ``^curie`` (inverse) or a tuple (a sequence); values are CURIEs, ints or strings.
EXTERNAL: dict[str, tuple[tuple[str | tuple[str, ...], str, object], ...]] = {
    "ak:Fact": (("^ak:supports", "minCount", 1), ("^ak:supports", "class", "ak:Evidence"),
                ("^ak:supports", "message", "a fact needs at least one piece of evidence")),
    "ak:Evidence": (("prov:wasDerivedFrom", "minCount", 1), ("prov:wasDerivedFrom", "nodeKind", "sh:IRI"),
                    ("prov:wasGeneratedBy", "minCount", 1), ("prov:wasGeneratedBy", "class", "prov:Activity"),
                    ("oa:hasTarget", "minCount", 1), ("oa:hasTarget", "maxCount", 1),
                    ("oa:hasTarget", "class", "oa:SpecificResource"),
                    ("ak:supports", "nodeKind", "sh:IRI"),
                    (("oa:hasTarget", "oa:hasSource"), "minCount", 1),
                    (("oa:hasTarget", "oa:hasSelector"), "minCount", 2),
                    (("oa:hasTarget", "oa:hasSelector", "oa:exact"), "minCount", 1),
                    (("oa:hasTarget", "oa:hasSelector", "oa:exact"), "datatype", "xsd:string"),
                    (("oa:hasTarget", "oa:hasSelector", "oa:start"), "datatype", "xsd:integer"),
                    (("oa:hasTarget", "oa:hasSelector", "oa:start"), "minInclusive", 0),
                    (("oa:hasTarget", "oa:hasSelector", "oa:end"), "datatype", "xsd:integer"),
                    ("ak:sentence", "minLength", 1)),
    "schema:NewsArticle": (("schema:identifier", "minCount", 1), ("schema:identifier", "maxCount", 1),
                           ("schema:identifier", "datatype", "xsd:string"),
                           ("schema:text", "minCount", 1), ("schema:text", "maxCount", 1),
                           ("schema:text", "datatype", "xsd:string"),
                           ("schema:datePublished", "maxCount", 1), ("schema:datePublished", "datatype", "xsd:date"),
                           ("schema:headline", "maxCount", 1), ("schema:headline", "datatype", "xsd:string"),
                           ("schema:url", "maxCount", 1), ("schema:url", "nodeKind", "sh:IRI")),
    "ak:State": (("rdfs:label", "minCount", 1), ("owl:sameAs", "minCount", 1),
                 ("owl:sameAs", "pattern", "^http://www.wikidata.org/entity/Q[0-9]+$")),
    "ak:Claim": (("ak:member", "minCount", 2), ("^ak:supports", "minCount", 1),
                 ("^ak:supports", "class", "ak:Evidence")),
}


def _term(value: object) -> NamedNode | Literal:
    if isinstance(value, int):
        return Literal(str(value), datatype=_INTEGER)
    text = str(value)
    if text.startswith("sh:"):
        return NamedNode(SH + text[3:])
    if ":" in text and text.split(":", 1)[0] in ns.PREFIXES:
        return iri(text)
    return Literal(text)


def _list(items: Sequence[NamedNode | Literal], out: list[Triple]) -> NamedNode | BlankNode:
    head: NamedNode | BlankNode = NamedNode(_RDF + "nil")
    for item in reversed(items):
        cell = BlankNode()
        out.append(Triple(cell, NamedNode(_RDF + "first"), item))
        out.append(Triple(cell, NamedNode(_RDF + "rest"), head))
        head = cell
    return head


def _path(path: str | tuple[str, ...], out: list[Triple]) -> NamedNode | BlankNode:
    if isinstance(path, tuple):
        return _list([iri(p) for p in path], out)
    if path.startswith("^"):
        node = BlankNode()
        out.append(Triple(node, NamedNode(SH + "inversePath"), iri(path[1:])))
        return node
    return iri(path)


def _term_constraints(term: Term) -> Iterator[tuple[str, object]]:
    if term.required:
        yield "minCount", 1
    if term.single:
        yield "maxCount", 1
    if term.range is not None:
        yield ("datatype" if term.range.startswith("xsd:") else "class"), term.range
    if term.pattern is not None:
        yield "pattern", term.pattern


def _constraints(cls: str) -> dict[str | tuple[str, ...], list[tuple[str, object]]]:
    """Return the constraints on the instances of ``cls``, by path, in a stable order."""
    found: dict[str | tuple[str, ...], list[tuple[str, object]]] = {}
    for term in TERMS.values():
        if cls in term.domain:
            found.setdefault(f"ak:{term.name}", []).extend(_term_constraints(term))
    for path, constraint, value in EXTERNAL.get(cls, ()):
        rules = found.setdefault(path, [])
        rules[:] = [r for r in rules if r[0] != constraint or constraint == "class"] + [(constraint, value)]
    return found


def iter_shape_triples() -> Iterator[Triple]:
    """Yield the SHACL shapes of a valid graph.

    Example:
        >>> from pyoxigraph import NamedNode
        >>> shape = NamedNode(ns.SHAPES + "FactShape")
        >>> any(t.subject == shape for t in iter_shape_triples())
        True
    """
    classes = dict.fromkeys(c for t in TERMS.values() for c in t.domain)
    classes.update(dict.fromkeys(EXTERNAL))
    for cls in classes:
        out: list[Triple] = []
        shape = NamedNode(ns.SHAPES + cls.split(":", 1)[1] + "Shape")
        out.append(Triple(shape, _A, NamedNode(SH + "NodeShape")))
        if cls == "ak:Fact":  # facts are typed by their edge type's class; every fact has an edge type
            out.append(Triple(shape, NamedNode(SH + "targetSubjectsOf"), iri("ak:edgeType")))
        else:
            out.append(Triple(shape, NamedNode(SH + "targetClass"), iri(cls)))
        for path, rules in _constraints(cls).items():
            prop = BlankNode()
            out.append(Triple(shape, NamedNode(SH + "property"), prop))
            out.append(Triple(prop, NamedNode(SH + "path"), _path(path, out)))
            for constraint, value in rules:
                out.append(Triple(prop, NamedNode(SH + constraint), _term(value)))
            if path == "ak:edgeType":
                ids = _list([Literal(t.value) for t in EdgeType], out)
                out.append(Triple(prop, NamedNode(SH + "in"), ids))
        yield from out


def shapes_turtle() -> str:
    """Return the SHACL shapes as Turtle.

    Example:
        >>> "sh:targetClass ak:Evidence" in shapes_turtle()
        True
    """
    data = serialize(iter_shape_triples(), format=RdfFormat.TURTLE, prefixes=PREFIXES)
    return (data or b"").decode("utf-8")
