"""Analysts' corrections: assert a missed fact, retract a wrong one, revert either; PROV-O records kept."""

import datetime as dt
import io

import pyshacl
import pytest
import rdflib

from alignkg.graph import ConflictError, CurationKind, InvalidInputError, NotFoundError
from alignkg.graph.rdf.shapes import shapes_turtle

SOURCE = "https://www.example.org/news/drones"
SENTENCE = "Iran delivered drones to Venezuela on Tuesday."


@pytest.fixture
def drones(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1", url="https://example.org/a1", published=dt.date(2024, 5, 1))
    (fact,) = kg.facts()
    return kg, fact


def test_curation_assertion_adds_a_fact_with_its_evidence_and_record(kg):
    record = kg.assert_fact("Iran", "arms_transfer", "Venezuela", url=SOURCE, sentence=SENTENCE, by="ana",
                            reason="missed", published="2024-05-09")
    (fact,) = kg.facts()
    assert (fact.subject, fact.type.value, fact.object) == ("IRN", "arms_transfer", "VEN")
    assert (fact.articles, fact.sources, fact.evidence_count) == (1, 1, 1)
    assert (fact.first_seen, fact.event_date) == (dt.date(2024, 5, 9), dt.date(2024, 5, 7))
    detail = kg.fact(kg.fact_id(fact))
    (evidence,) = detail.evidence
    assert (evidence.text, evidence.curation, evidence.start, evidence.end) == (SENTENCE, record.id, 0, len(SENTENCE))
    assert detail.curations == (record,)
    assert (record.kind, record.by, record.reason, record.url, record.fact) == (
        CurationKind.ASSERTION, "ana", "missed", SOURCE, kg.fact_id(fact))
    assert record.at.tzinfo is not None
    assert kg.dyad("IRN", "VEN").score == 2.0
    assert kg.sparql("ASK { state:IRN ak:armsTransfer state:VEN }") is True


def test_curation_assertion_is_prov_in_the_store(kg):
    record = kg.assert_fact("IRN", "arms_transfer", "VEN", url=SOURCE, sentence=SENTENCE, by="ana", key="s3cret")
    rows = kg.sparql(f"""SELECT ?who ?at ?key WHERE {{ GRAPH <https://w3id.org/alignkg/graph/curation> {{
        curation:{record.id} a ak:Assertion, prov:Activity ; prov:wasAssociatedWith ?agent ; prov:endedAtTime ?at ;
        ak:apiKey ?key . ?agent a prov:Agent ; rdfs:label ?who }} }}""").rows
    assert [(r["who"], r["key"]) for r in rows] == [("ana", record.key)] and "s3cret" not in str(rows)
    generated = kg.sparql(f"ASK {{ ?ev ak:supports ?f ; prov:wasGeneratedBy curation:{record.id} }}")
    assert generated is True


def test_curation_assertion_joins_the_fact_of_its_relation(drones):
    kg, fact = drones
    kg.assert_fact("IRN", "arms_transfer", "RUS", url="https://news.example.com/x", sentence="Iran armed Russia.",
                   by="ana")
    (joined,) = kg.facts()
    assert (joined.articles, joined.sources, joined.evidence_count) == (2, 2, 2)
    assert kg.dyad("RUS", "IRN").score == 2.0


def test_curation_retraction_leaves_the_analysis_and_the_direct_triples(drones):
    kg, fact = drones
    record = kg.retract_fact(fact, reason="the drones were Turkish", by="ana")
    assert list(kg.facts()) == [] and kg.count_facts() == 0
    assert kg.sparql("ASK { state:IRN ak:armsTransfer state:RUS }") is False
    assert kg.sparql("ASK { state:RUS ak:armsTransferWith state:IRN }") is False
    assert kg.dyad("IRN", "RUS").facts == ()
    assert len(kg.query("?x arms_transfer RUS")) == 0
    assert kg.to_networkx().number_of_edges() == 0
    assert kg.stats()["facts"] == 0 and kg.stats()["retracted"] == 1
    kept = kg.fact(kg.fact_id(fact))  # still auditable, with its evidence and the record
    assert kept.retracted and len(kept.evidence) == 1 and kept.curations == (record,)
    assert record.reason == "the drones were Turkish"


def test_curation_retraction_survives_reingestion(drones):
    kg, fact = drones
    kg.retract_fact(kg.fact_id(fact), reason="wrong", by="ana")
    kg.delete_article("a1")
    assert kg.stats()["retracted"] == 0  # no evidence left: the fact resource is gone, the record stays
    kg.ingest("Iran sold drones to Russia.", id="a1", url="https://example.org/a1", published=dt.date(2024, 5, 1))
    kg.ingest("Iran sold more drones to Russia.", id="a2")
    assert list(kg.facts()) == [] and kg.fact(kg.fact_id(fact)).retracted
    assert kg.sparql("ASK { state:IRN ak:armsTransfer state:RUS }") is False


def test_curation_reverting_a_retraction_brings_the_fact_back(drones):
    kg, fact = drones
    retraction = kg.retract_fact(fact, reason="wrong", by="ana")
    reversal = kg.revert(retraction.id, by="bob", reason="it was right")
    assert [f.key for f in kg.facts()] == [fact.key]
    assert kg.sparql("ASK { state:IRN ak:armsTransfer state:RUS }") is True
    history = kg.curations(fact=fact)
    assert [(r.kind, r.by) for r in history] == [(CurationKind.RETRACTION, "ana"), (CurationKind.REVERSAL, "bob")]
    assert history[0].reverted_by == reversal.id and not history[0].active and reversal.reverts == retraction.id
    assert kg.curation(retraction.id) == history[0]


def test_curation_reverting_an_assertion_takes_its_evidence_out(drones):
    kg, fact = drones
    record = kg.assert_fact("IRN", "arms_transfer", "RUS", url=SOURCE, sentence="Iran armed Russia.", by="ana")
    other = kg.assert_fact("IRN", "arms_transfer", "VEN", url=SOURCE, sentence=SENTENCE, by="ana")
    kg.revert(record.id, by="ana")
    kg.revert(other.id, by="ana")
    assert [(f.key, f.evidence_count) for f in kg.facts()] == [(fact.key, 1)]
    assert len(kg.curations()) == 4


def test_curation_undirected_statements_leave_a_retracted_direction(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1")
    kg.ingest("Iran's drone deals with Russia worried the West.", id="a2")
    (fact,) = kg.facts()
    kg.retract_fact(fact, reason="the seller was someone else", by="ana")
    (left,) = kg.facts()
    assert (left.directed, left.evidence_count) == (False, 1)
    assert kg.sparql("ASK { state:RUS ak:armsTransferWith state:IRN }") is True
    assert kg.sparql("ASK { state:IRN ak:armsTransfer state:RUS }") is False


@pytest.mark.parametrize("call,error,message", [
    (lambda kg, f: kg.retract_fact(f, reason="again", by="ana"), ConflictError, "already retracted"),
    (lambda kg, f: kg.assert_fact("IRN", "arms_transfer", "RUS", url=SOURCE, sentence="x", by="ana"),
     ConflictError, "revert the retraction"),
    (lambda kg, f: kg.revert(kg.revert(kg.curations()[0].id, by="ana").id, by="ana"), ConflictError,
     "cannot be reverted"),
    (lambda kg, f: kg.retract_fact("0000", reason="x", by="ana"), NotFoundError, "no fact"),
    (lambda kg, f: kg.revert("0000", by="ana"), NotFoundError, "no curation record"),
])
def test_curation_conflicts_and_unknowns_are_clear_errors(drones, call, error, message):
    kg, fact = drones
    kg.retract_fact(fact, reason="wrong", by="ana")
    with pytest.raises(error, match=message):
        call(kg, fact)


@pytest.mark.parametrize("options,message", [
    ({"url": "ftp://example.org/x"}, "absolute http"),
    ({"url": "not a url"}, "absolute http"),
    ({"sentence": "  "}, "sentence must be a non-empty text"),
    ({"by": ""}, "by must be a non-empty text"),
    ({"by": None}, "say who makes the record"),
    ({"object": "IRN"}, "two different states"),
    ({"published": "yesterday"}, "not an ISO date"),
])
def test_curation_bad_assertions_are_clear_errors_and_change_nothing(kg, options, message):
    arguments = {"subject": "IRN", "type": "arms_transfer", "object": "RUS", "url": SOURCE,
                 "sentence": SENTENCE, "by": "ana", **options}
    before = kg.store.count()
    with pytest.raises(InvalidInputError, match=message):
        kg.assert_fact(arguments.pop("subject"), arguments.pop("type"), arguments.pop("object"), **arguments)
    assert kg.store.count() == before


def test_curation_without_a_name_the_key_fingerprint_says_who(kg):
    record = kg.assert_fact("IRN", "arms_transfer", "VEN", url=SOURCE, sentence=SENTENCE, key="s3cret")
    assert record.by == f"key {record.key}" and len(record.key) == 12


def test_curation_graph_validates_against_the_shapes(drones):
    kg, fact = drones
    kg.assert_fact("IRN", "arms_transfer", "VEN", url=SOURCE, sentence=SENTENCE, by="ana", key="k")
    retraction = kg.retract_fact(fact, reason="wrong", by="ana")
    kg.revert(retraction.id, by="bob")
    buffer = io.BytesIO()
    kg.export(buffer, format="trig")
    dataset = rdflib.Dataset()
    dataset.parse(data=buffer.getvalue().decode("utf-8"), format="trig")
    union = rdflib.Graph()
    for graph in dataset.graphs():
        union += graph
    shapes = rdflib.Graph().parse(data=shapes_turtle(), format="turtle")
    conforms, _, report = pyshacl.validate(union, shacl_graph=shapes)
    assert conforms, report
