import io
import json

import pyoxigraph
import pyshacl
import pytest
import rdflib

from alignkg.graph import ExportFormat, InvalidInputError, KnowledgeGraph
from alignkg.graph.rdf.shapes import shapes_turtle
from alignkg.graph.rdf.vocabulary import vocabulary_turtle

QUERIES = [
    "SELECT ?s ?o WHERE { ?s ak:nonIntervention ?o } ORDER BY ?s ?o",
    "SELECT ?t (COUNT(?f) AS ?n) WHERE { ?f ak:edgeType ?t } GROUP BY ?t ORDER BY ?t",
    "SELECT ?f ?text ?start WHERE { ?ev ak:supports ?f ; ak:sentence ?text ; oa:hasTarget/oa:hasSelector ?p . "
    "?p oa:start ?start } ORDER BY ?f ?start",
    "SELECT ?c ?m WHERE { ?c a ak:Claim ; ak:member ?m } ORDER BY ?c ?m",
]


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_export_then_import_gives_the_same_graph(seeded_kg, gazetteer, extractor, fmt):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format=fmt)
    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as fresh:
        fresh.import_(io.BytesIO(buffer.getvalue()), format=fmt)
        assert fresh.store.count() == seeded_kg.store.count()
        for query in QUERIES:
            assert fresh.sparql(query).rows == seeded_kg.sparql(query).rows


FORMATS = [("turtle", "turtle"), ("ntriples", "nt"), ("rdfxml", "xml"), ("jsonld", "json-ld"), ("trig", "trig"),
           ("nquads", "nquads")]


@pytest.mark.parametrize("fmt,rdflib_format", FORMATS)
def test_export_formats_parse_with_rdflib(seeded_kg, fmt, rdflib_format):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format=fmt)
    parsed = rdflib.Dataset().parse(data=buffer.getvalue().decode("utf-8"), format=rdflib_format)
    assert sum(len(g) for g in parsed.graphs()) > 1000


def test_export_filtered_keeps_only_matching_facts_with_their_evidence(seeded_kg):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format="turtle", type="non_intervention", state="China")
    g = rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="turtle")
    ak = rdflib.Namespace("https://w3id.org/alignkg/ontology#")
    types = {str(o) for o in g.objects(None, ak.edgeType)}
    assert types == {"non_intervention"}
    assert len(set(g.subjects(ak.edgeType, None))) == 1
    assert len(set(g.subjects(ak.supports, None))) == 2
    assert (rdflib.URIRef("https://w3id.org/alignkg/state/CHN"), ak.nonIntervention,
            rdflib.URIRef("https://w3id.org/alignkg/state/IRN")) in g


def _union_graph(data: bytes, rdflib_format: str) -> rdflib.Graph:
    """Parse an export into one rdflib graph: the union of its named graphs, as the shapes expect."""
    union = rdflib.Graph()
    dataset = rdflib.Dataset()
    dataset.parse(data=data.decode("utf-8"), format=rdflib_format)
    for graph in dataset.graphs():
        union += graph
    return union


def _shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(data=shapes_turtle(), format="turtle")


@pytest.mark.parametrize("fmt,rdflib_format", FORMATS)
def test_export_validates_against_the_shacl_shapes_in_every_format(seeded_kg, fmt, rdflib_format):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format=fmt)
    conforms, _, report = pyshacl.validate(_union_graph(buffer.getvalue(), rdflib_format), shacl_graph=_shapes())
    assert conforms, report


def test_shapes_reject_a_fact_without_evidence(seeded_kg):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format="turtle")
    data = rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="turtle")
    ak = rdflib.Namespace("https://w3id.org/alignkg/ontology#")
    data.remove((None, ak.supports, None))
    conforms, _, report = pyshacl.validate(data, shacl_graph=_shapes())
    assert not conforms and "evidence" in report


def test_shapes_check_the_edge_types_of_the_ontology(seeded_kg):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format="turtle")
    data = rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="turtle")
    ak = rdflib.Namespace("https://w3id.org/alignkg/ontology#")
    fact = next(data.subjects(ak.edgeType, None))
    data.set((fact, ak.edgeType, rdflib.Literal("friendship")))
    conforms, _, report = pyshacl.validate(data, shacl_graph=_shapes())
    assert not conforms and "friendship" in report


def test_export_every_ak_term_is_declared_in_the_ontology(seeded_kg):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format="nquads")
    dataset = rdflib.Dataset().parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
    declared = rdflib.Graph().parse(data=vocabulary_turtle(), format="turtle")
    vocab = "https://w3id.org/alignkg/ontology#"
    used = {str(t) for q in dataset.quads() for t in q[:3] if str(t).startswith(vocab)}
    assert len(used) > 30
    assert {t for t in used if (rdflib.URIRef(t), None, None) not in declared} == set()


def test_export_filtered_carries_the_vocabulary(seeded_kg):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format="trig", type="non_intervention")
    dataset = rdflib.Dataset().parse(data=buffer.getvalue().decode("utf-8"), format="trig")
    comment = rdflib.URIRef("http://www.w3.org/2000/01/rdf-schema#comment")
    ni = rdflib.URIRef("https://w3id.org/alignkg/ontology#nonIntervention")
    assert any(True for _ in dataset.quads((ni, comment, None, None)))


def test_export_format_table():
    assert ExportFormat.parse("ttl") is ExportFormat.TURTLE
    assert ExportFormat.parse(None, path="dump.nq") is ExportFormat.NQUADS
    assert ExportFormat.parse("application/n-quads") is ExportFormat.NQUADS
    with pytest.raises(InvalidInputError, match="expected one of"):
        ExportFormat.parse("csv")


def test_import_of_bad_data_is_a_clear_error_and_changes_nothing(seeded_kg):
    before = seeded_kg.store.count()
    with pytest.raises(InvalidInputError, match="N-Quads"):
        seeded_kg.import_(io.BytesIO(b"<a> <b> oops ."), format="nquads")
    assert seeded_kg.store.count() == before


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """20,000 quads on disk: 10,000 triples, each in two named graphs.

    How much memory the export of a large store takes is measured by ``bench/export_memory.py``.
    """
    import pyoxigraph as ox

    path = tmp_path_factory.mktemp("big") / "store"
    store = ox.Store(str(path))
    p = ox.NamedNode("https://example.org/p")
    store.bulk_extend(ox.Quad(ox.NamedNode(f"https://example.org/s{i // 10}"), p, ox.Literal(f"value {i} " * 3),
                              ox.NamedNode(f"https://example.org/g{g}"))
                      for i in range(10_000) for g in (1, 2))
    store.flush()
    del store
    return path


def test_export_union_writes_each_triple_once(big_store, tmp_path):
    import pyoxigraph as ox

    from alignkg.graph.store.oxigraph import OxigraphStore

    out = tmp_path / "out.nt"
    store = OxigraphStore(big_store)
    with open(out, "wb") as handle:
        store.dump(handle, ox.RdfFormat.N_TRIPLES)
    store.close()
    with open(out, "rb") as handle:
        assert sum(1 for _ in handle) == 10_000


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_export_turtle_and_trig_declare_the_prefixes_and_open_in_rdflib_and_pyoxigraph(seeded_kg, fmt):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format=fmt)
    text = buffer.getvalue().decode("utf-8")
    for prefix in ("ak", "state", "fact", "evidence", "article", "prov", "oa", "schema", "xsd"):
        assert f"@prefix {prefix}: <" in text
    assert "ak:supports" in text and "<https://w3id.org/alignkg/ontology#supports>" not in text
    parsed = rdflib.Dataset().parse(data=text, format=fmt)
    assert dict(parsed.namespaces())["ak"] == rdflib.URIRef("https://w3id.org/alignkg/ontology#")
    quads = list(pyoxigraph.parse(buffer.getvalue(), format=ExportFormat.parse(fmt).rdf_format))
    assert len(quads) == sum(len(g) for g in parsed.graphs()) > 1000


def test_export_jsonld_carries_a_context_it_compacts_with(seeded_kg):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format="jsonld", type="non_intervention")
    document = json.loads(buffer.getvalue())
    assert document["@context"]["ak"] == "https://w3id.org/alignkg/ontology#"
    graph = rdflib.Dataset().parse(data=buffer.getvalue().decode("utf-8"), format="json-ld")
    compacted = json.loads(graph.serialize(format="json-ld", context=document["@context"]))
    assert compacted["@context"] == document["@context"]
    assert "ak:subject" in json.dumps(compacted) and "ontology#subject" not in json.dumps(compacted)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml"])
def test_import_of_triples_only_formats_into_a_store_of_articles_is_refused(seeded_kg, gazetteer, extractor, fmt):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format=fmt)
    before = seeded_kg.store.count()
    with pytest.raises(InvalidInputError, match="keeps no named graphs.*nquads, trig, jsonld"):
        seeded_kg.import_(io.BytesIO(buffer.getvalue()), format=fmt)
    assert seeded_kg.store.count() == before
    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as fresh:  # the data holds articles
        count = fresh.store.count()
        with pytest.raises(InvalidInputError, match="keeps no named graphs"):
            fresh.import_(io.BytesIO(buffer.getvalue()), format=fmt)
        assert fresh.store.count() == count


def test_import_of_triples_without_articles_into_an_empty_store_is_allowed(kg):
    before = kg.store.count()
    kg.import_(io.BytesIO(b"<https://example.org/a> <https://example.org/b> <https://example.org/c> ."),
               format="ntriples")
    assert kg.store.count() == before + 1


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_export_format_names_are_one_table_for_export_and_the_sparql_endpoint(fmt):
    # Regression: /sparql took 'rdf+xml' and refused 'rdf', 'rdf/xml' and 'owl', which the export took.
    from alignkg.graph.query.sparql import _GRAPH_FORMATS, QueryForm, _format_names

    graph_names = _format_names(QueryForm.CONSTRUCT)
    assert all(ExportFormat.parse(name) is fmt for name in fmt.names)
    if fmt in _GRAPH_FORMATS:
        assert all(graph_names[name] is fmt for name in fmt.names)
    else:
        assert not any(graph_names.get(name) is fmt for name in fmt.names)
