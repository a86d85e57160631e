import io

import pyshacl
import pytest
import rdflib

from alignkg.graph import ExportFormat, InvalidInputError, KnowledgeGraph
from tests.conftest import REPO

QUERIES = [
    "SELECT ?s ?o WHERE { ?s ak:nonIntervention ?o } ORDER BY ?s ?o",
    "SELECT ?t (COUNT(?f) AS ?n) WHERE { ?f ak:edgeType ?t } GROUP BY ?t ORDER BY ?t",
    "SELECT ?f ?text ?start WHERE { ?ev ak:supports ?f ; ak:sentence ?text ; oa:hasTarget/oa:hasSelector ?p . "
    "?p oa:start ?start } ORDER BY ?f ?start",
    "SELECT ?c ?m WHERE { ?c a ak:Claim ; ak:member ?m } ORDER BY ?c ?m",
]


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_export_then_import_gives_the_same_graph(seeded_kg, gazetteer, extractor, fmt):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format=fmt)
    with KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor) as fresh:
        fresh.import_(io.BytesIO(buffer.getvalue()), format=fmt)
        assert fresh.store.count() == seeded_kg.store.count()
        for query in QUERIES:
            assert fresh.sparql(query).rows == seeded_kg.sparql(query).rows


@pytest.mark.parametrize("fmt,rdflib_format", [("turtle", "turtle"), ("ntriples", "nt"), ("rdfxml", "xml"),
                                               ("jsonld", "json-ld"), ("trig", "trig"), ("nquads", "nquads")])
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


def test_export_validates_against_the_shacl_shapes(seeded_kg):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format="turtle")
    data = rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="turtle")
    shapes = rdflib.Graph().parse(REPO / "data" / "shapes.ttl")
    conforms, _, report = pyshacl.validate(data, shacl_graph=shapes)
    assert conforms, report


def test_shapes_reject_a_fact_without_evidence(seeded_kg):
    buffer = io.BytesIO()
    seeded_kg.export(buffer, format="turtle")
    data = rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="turtle")
    ak = rdflib.Namespace("https://w3id.org/alignkg/ontology#")
    data.remove((None, ak.supports, None))
    conforms, _, report = pyshacl.validate(data, shacl_graph=rdflib.Graph().parse(REPO / "data" / "shapes.ttl"))
    assert not conforms and "evidence" in report


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


_EXPORT_RSS = r"""
import resource, sys
from pathlib import Path
import pyoxigraph as ox
from alignkg.graph.rdf.export import export_store
from alignkg.graph.store.oxigraph import OxigraphStore

store = OxigraphStore(Path(sys.argv[1]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with open("/dev/null", "wb") as sink:
    export_store(store, sink, format=sys.argv[2])
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
"""


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """300,000 quads on disk: 150,000 triples, each in two named graphs."""
    import pyoxigraph as ox

    path = tmp_path_factory.mktemp("big") / "store"
    store = ox.Store(str(path))
    p = ox.NamedNode("https://example.org/p")
    store.bulk_extend(ox.Quad(ox.NamedNode(f"https://example.org/s{i // 10}"), p, ox.Literal(f"value {i} " * 3),
                              ox.NamedNode(f"https://example.org/g{g}"))
                      for i in range(150_000) for g in (1, 2))
    store.flush()
    del store
    return path


@pytest.mark.parametrize("fmt", ["turtle", "rdfxml"])
def test_export_triple_formats_stream_without_growing(big_store, fmt):
    """Issue 11, row 8: the union of 300,000 quads (each triple in two graphs) is written in flat memory.

    The CONSTRUCT this replaced kept every triple to drop duplicates (+138 MB at 269k quads).
    """
    import subprocess
    import sys

    grown = subprocess.run([sys.executable, "-c", _EXPORT_RSS, str(big_store), fmt], capture_output=True, text=True,
                           timeout=300, check=True)
    assert int(grown.stdout) < 40, f"the export grew the process by {grown.stdout.strip()} MiB"


def test_export_union_writes_each_triple_once(big_store, tmp_path):
    import pyoxigraph as ox

    from alignkg.graph.store.oxigraph import OxigraphStore

    out = tmp_path / "out.nt"
    store = OxigraphStore(big_store)
    with open(out, "wb") as handle:
        store.dump(handle, ox.RdfFormat.N_TRIPLES)
    store.close()
    with open(out, "rb") as handle:
        assert sum(1 for _ in handle) == 150_000
