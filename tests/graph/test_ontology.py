import re

import pytest
from rdflib import Graph, URIRef

from alignkg.graph import EdgeType, QuadClass, UnknownEdgeTypeError
from alignkg.graph.namespace import AK, VOCAB
from alignkg.graph.ontology import SPECS, TERMS
from alignkg.graph.rdf.vocabulary import vocabulary_turtle
from tests.conftest import REPO


def test_ontology_has_the_eleven_types_of_the_guide():
    assert [t.value for t in EdgeType] == [
        "arms_transfer", "military_support", "energy_trade", "trade", "alliance", "diplomatic_support",
        "condemnation", "threat", "non_intervention", "sanction", "military_strike"]
    assert set(SPECS) == set(EdgeType)


def test_ontology_only_alliance_is_symmetric():
    assert [t for t in EdgeType if t.spec.symmetric] == [EdgeType.ALLIANCE]


@pytest.mark.parametrize("edge_type,quad", [
    (EdgeType.ARMS_TRANSFER, QuadClass.MATERIAL_COOPERATION),
    (EdgeType.DIPLOMATIC_SUPPORT, QuadClass.VERBAL_COOPERATION),
    (EdgeType.CONDEMNATION, QuadClass.VERBAL_CONFLICT),
    (EdgeType.THREAT, QuadClass.VERBAL_CONFLICT),
    (EdgeType.SANCTION, QuadClass.MATERIAL_CONFLICT),
    (EdgeType.MILITARY_STRIKE, QuadClass.MATERIAL_CONFLICT),
    (EdgeType.NON_INTERVENTION, QuadClass.NON_COOPERATION),
])
def test_ontology_quad_class(edge_type, quad):
    assert edge_type.spec.quad_class is quad


def test_ontology_parse_accepts_ids_and_rdf_names():
    assert EdgeType.parse("arms_transfer") is EdgeType.ARMS_TRANSFER
    assert EdgeType.parse("NonIntervention") is EdgeType.NON_INTERVENTION
    assert EdgeType.parse("militaryStrike") is EdgeType.MILITARY_STRIKE


def test_ontology_parse_rejects_unknown_names_with_the_accepted_ones():
    with pytest.raises(UnknownEdgeTypeError) as info:
        EdgeType.parse("arms_sale")
    assert "arms_sale" in str(info.value) and "arms_transfer" in str(info.value)
    assert info.value.code == "unknown_edge_type"


def test_ontology_rdf_names_are_unique():
    names = [s.rdf_class for s in SPECS.values()] + [s.rdf_property for s in SPECS.values()]
    assert len(names) == len(set(names))


def test_vocabulary_turtle_parses_and_declares_every_type_and_pair_property():
    g = Graph().parse(data=vocabulary_turtle(), format="turtle")
    owl_class = URIRef("http://www.w3.org/2002/07/owl#Class")
    symmetric = URIRef("http://www.w3.org/2002/07/owl#SymmetricProperty")
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for spec in SPECS.values():
        assert (URIRef(VOCAB + spec.rdf_class), rdf_type, owl_class) in g
        assert (URIRef(VOCAB + spec.rdf_property), None, None) in g
    assert (URIRef(VOCAB + "alliance"), rdf_type, symmetric) in g
    assert (URIRef(VOCAB + "armsTransfer"), rdf_type, symmetric) not in g
    assert (URIRef(VOCAB + "armsTransferWith"), rdf_type, symmetric) in g
    sub_property = URIRef("http://www.w3.org/2000/01/rdf-schema#subPropertyOf")
    assert (URIRef(VOCAB + "armsTransfer"), sub_property, URIRef(VOCAB + "armsTransferWith")) in g


def test_ontology_namespace_is_closed():
    assert AK.nonIntervention == VOCAB + "nonIntervention"
    assert AK["Evidence"] == VOCAB + "Evidence" and "Evidence" in AK
    with pytest.raises(AttributeError, match="did you mean nonIntervention"):
        _ = AK.nonInterventon
    with pytest.raises(KeyError, match="firstSeen"):
        _ = AK["firstseen"]


def test_ontology_terms_are_declared_with_a_label_and_a_meaning():
    g = Graph().parse(data=vocabulary_turtle(), format="turtle")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    comment = URIRef("http://www.w3.org/2000/01/rdf-schema#comment")
    for name in TERMS:
        assert (URIRef(VOCAB + name), label, None) in g, name
        assert (URIRef(VOCAB + name), comment, None) in g, name


def test_ontology_is_in_the_store_in_its_own_graph(kg):
    rows = kg.sparql("SELECT ?g ?c WHERE { GRAPH ?g { ak:nonIntervention rdfs:comment ?c } }").rows
    assert rows == [{"g": "https://w3id.org/alignkg/graph/ontology",
                     "c": EdgeType.NON_INTERVENTION.spec.description}]


def test_ontology_every_ak_term_in_code_and_docs_is_declared():
    files = [*REPO.glob("graph/**/*.py"), *REPO.glob("app/**/*.py"), *REPO.glob("docs/**/*.md"), REPO / "README.md"]
    used = {(m.group(1), path.relative_to(REPO).as_posix()) for path in files
            for m in re.finditer(r"\bak:([A-Za-z][A-Za-z0-9]*)", path.read_text(encoding="utf-8"))}
    assert len({name for name, _ in used}) > 30
    assert sorted((name, where) for name, where in used if name not in AK) == []


@pytest.mark.parametrize("edge_type", list(EdgeType))
def test_ontology_example_sentences_are_read_as_their_type(extractor, edge_type):
    """The examples (docs, the benchmarks' synthetic news) state what the type means, as the extractor reads it."""
    spec = edge_type.spec
    facts = extractor.extract(spec.example.format(s="Iran", o="Russia") + ".", id="t").facts
    assert [(f.subject, f.type, f.object) for f in facts] == [("IRN", edge_type, "RUS")]
    if spec.deal_example:
        (deal,) = extractor.extract(spec.deal_example.format(s="Iran", o="Russia") + ".", id="t").facts
        assert (deal.type, deal.directed) == (edge_type, False)


def test_ontology_only_transfers_can_be_stated_without_a_direction():
    assert {t for t in EdgeType if t.spec.deal_example} == {
        EdgeType.ARMS_TRANSFER, EdgeType.ENERGY_TRADE, EdgeType.TRADE}
