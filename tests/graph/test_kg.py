import dataclasses
import datetime as dt

import pytest

from alignkg.graph import (
    ConflictError,
    InvalidInputError,
    KnowledgeGraph,
    NotFoundError,
    QueryLimitError,
    UnknownEdgeTypeError,
    UnknownStateError,
)
from alignkg.graph.model import Article
from alignkg.graph.rdf import mapping
from tests.conftest import SEED_TEXT


def test_kg_seed_article_gives_its_eight_facts_and_one_claim(seeded_kg):
    facts = {(f.subject, f.type.value, f.object) for f in seeded_kg.facts()}
    assert len(facts) == 8
    assert ("RUS", "non_intervention", "IRN") in facts and ("CHN", "non_intervention", "IRN") in facts
    (claim,) = seeded_kg.claims()
    assert claim.members == ("CHN", "IRN", "PRK", "RUS") and claim.claimants == ("GBR", "USA")


def test_kg_evidence_offsets_slice_the_exact_sentence(seeded_kg):
    text = seeded_kg.article("seed").text
    assert text == SEED_TEXT
    for fact in seeded_kg.facts():
        for ev in seeded_kg.evidence(fact):
            assert ev.article_id == "seed"
            assert text[ev.start:ev.end] == ev.text


def test_kg_repeated_paragraph_is_two_pieces_of_evidence_not_two_facts(seeded_kg):
    (fact,) = list(seeded_kg.facts(subject="RUS", type="non_intervention"))
    evidence = seeded_kg.evidence(fact)
    assert len(evidence) == 2
    assert evidence[0].text == evidence[1].text and evidence[0].start != evidence[1].start


def test_kg_ingesting_again_changes_nothing(seeded_kg):
    before = seeded_kg.store.count()
    seeded_kg.ingest(SEED_TEXT, id="seed", published=dt.date(2025, 6, 24))
    assert seeded_kg.store.count() == before


def test_kg_same_id_other_text_is_a_conflict_and_loses_nothing(seeded_kg):
    before = seeded_kg.store.count()
    with pytest.raises(ConflictError, match="seed"):
        seeded_kg.ingest("Japan condemned North Korea.", id="seed")
    assert seeded_kg.store.count() == before
    seeded_kg.ingest("Japan condemned North Korea.", id="seed", replace=True)
    assert [(f.subject, f.object) for f in seeded_kg.facts()] == [("JPN", "PRK")]
    assert seeded_kg.claims() == []


def test_kg_same_fact_from_two_articles_is_one_fact_with_dates_from_both(kg):
    kg.ingest("Iran sold drones to Russia.", id="a", published=dt.date(2023, 1, 5))
    kg.ingest("Later, Iran sold drones to Russia again.", id="b", published=dt.date(2024, 3, 9))
    (fact,) = list(kg.facts())
    assert {e.article_id for e in kg.evidence(fact)} == {"a", "b"}
    row = kg.sparql("SELECT ?a ?b WHERE { ?f ak:firstSeen ?a ; ak:lastSeen ?b }").rows[0]
    assert (row["a"], row["b"]) == (dt.date(2023, 1, 5), dt.date(2024, 3, 9))
    assert len(list(kg.facts(since=dt.date(2024, 1, 1)))) == 1
    assert list(kg.facts(until=dt.date(2022, 12, 31))) == []


def test_kg_delete_article_removes_its_evidence_and_orphaned_facts_only(kg):
    kg.ingest("Iran sold drones to Russia.", id="a", published=dt.date(2023, 1, 5))
    kg.ingest("Iran sold drones to Russia. Japan condemned North Korea.", id="b", published=dt.date(2024, 3, 9))
    kg.delete_article("b")
    assert [(f.subject, f.object) for f in kg.facts()] == [("IRN", "RUS")]
    assert kg.sparql("ASK { state:JPN ak:condemnation state:PRK }") is False
    assert kg.sparql("ASK { state:IRN ak:armsTransfer state:RUS }") is True
    row = kg.sparql("SELECT ?b WHERE { ?f ak:lastSeen ?b }").rows[0]
    assert row["b"] == dt.date(2023, 1, 5)
    with pytest.raises(NotFoundError):
        kg.delete_article("b")


def test_kg_filters_resolve_names_and_reject_unknown_ones(seeded_kg):
    assert {f.subject for f in seeded_kg.facts(object="the Kremlin")} == {"IRN"}
    assert {f.object for f in seeded_kg.facts(subject="Moscow")} == {"IRN", "USA"}
    with pytest.raises(UnknownStateError):
        list(seeded_kg.facts(subject="Atlantis"))
    with pytest.raises(UnknownEdgeTypeError):
        list(seeded_kg.facts(type="friendship"))


def test_kg_sparql_has_prefixes_and_returns_plain_python(seeded_kg):
    rows = seeded_kg.sparql("SELECT ?x WHERE { ?x ak:nonIntervention state:IRN } ORDER BY ?x")
    assert [r["x"] for r in rows] == ["https://w3id.org/alignkg/state/CHN", "https://w3id.org/alignkg/state/RUS"]
    assert seeded_kg.sparql("ASK { state:RUS a ak:State }") is True
    triples = seeded_kg.sparql("CONSTRUCT { ?x ak:condemnation ?y } WHERE { ?x ak:condemnation ?y }")
    assert len(triples) == 2


def test_kg_to_networkx_and_to_rdflib(seeded_kg):
    g = seeded_kg.to_networkx()
    (fact,) = seeded_kg.facts(subject="RUS", type="non_intervention")
    fact_id = seeded_kg.fact_id(fact)
    assert g.has_edge("RUS", "IRN", key=fact_id)  # the one fact id of the library, the API and the CLI
    assert g.edges["RUS", "IRN", fact_id]["iri"] == f"https://w3id.org/alignkg/fact/{fact_id}"
    assert g.number_of_edges() == len(list(seeded_kg.facts()))
    assert g.nodes["IRN"]["name"] == "Iran"
    dataset = seeded_kg.to_rdflib()
    assert sum(len(graph) for graph in dataset.graphs()) == seeded_kg.store.count()


def test_kg_to_networkx_edges_carry_each_fact(seeded_kg):
    # What a faster to_networkx must keep (issue 14): one edge per fact not retracted, from its subject to its
    # object, keyed by the fact id, with every documented attribute equal to the fact's own value.
    retracted = next(iter(seeded_kg.facts()))
    seeded_kg.retract_fact(retracted, reason="test", by="tester")
    facts = {seeded_kg.fact_id(f): f for f in seeded_kg.facts()}
    edges = {key: (u, v, data) for u, v, key, data in seeded_kg.to_networkx().edges(keys=True, data=True)}
    assert sorted(edges) == sorted(facts) and seeded_kg.fact_id(retracted) not in edges
    for key, fact in facts.items():
        assert edges[key] == (fact.subject, fact.object, {
            "type": fact.type.value, "quad_class": fact.type.spec.quad_class.value, "hedged": fact.hedged,
            "directed": fact.directed, "fact": key, "iri": f"https://w3id.org/alignkg/fact/{key}",
            "first_seen": fact.first_seen, "last_seen": fact.last_seen, "event_date": fact.event_date,
            "articles": fact.articles, "sources": fact.sources, "evidence": fact.evidence_count})
    assert any(data["first_seen"] == dt.date(2025, 6, 24) and data["articles"] == 1 for *_, data in edges.values())


def test_kg_to_networkx_reads_odd_values_as_the_store_answers_them(seeded_kg):
    # Whatever way to_networkx reads its rows (issue 14: terms, or text a faster reading would split), a value
    # with a tab, a quote, a newline, a backslash, U+2028 or non-ASCII text, an IRI that names no state, unbound
    # values and dates must come out as fact_of reads the same rows from store.query; a retracted fact stays out.
    from pyoxigraph import Literal, NamedNode, Quad

    from alignkg.graph import namespace as ns
    from alignkg.graph.rdf import queries
    from alignkg.graph.rdf.facts import fact_of

    retracted = next(iter(seeded_kg.facts()))
    seeded_kg.retract_fact(retracted, reason="test", by="tester")
    odd_text, odd_state = 'about\t"June"\n\\ 2024 \u2028 é', "https://example.org/état/x"
    values = [("subject", NamedNode(ns.state_iri("RUS"))), ("object", NamedNode(odd_state)),
              ("edgeType", Literal("trade")), ("hedged", Literal(True)), ("directed", Literal(False)),
              ("eventDate", Literal(odd_text)),
              ("firstSeen", Literal("2024-06-20", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
              ("articleCount", Literal(3))]
    seeded_kg.store.insert(Quad(NamedNode(ns.FACT + "odd"), NamedNode(ns.VOCAB + p), o, NamedNode(ns.FACTS_GRAPH))
                           for p, o in values)
    expected = {}
    for row in seeded_kg.store.query(queries.ALL_FACTS.bind(), prefixes=ns.PREFIXES):
        fact, key = fact_of(row, "s", "o"), row["f"].value.removeprefix(ns.FACT)
        expected[key] = (fact.subject, fact.object, {
            "type": fact.type.value, "quad_class": fact.type.spec.quad_class.value, "hedged": fact.hedged,
            "directed": fact.directed, "fact": key, "iri": ns.FACT + key, "first_seen": fact.first_seen,
            "last_seen": fact.last_seen, "event_date": fact.event_date, "articles": fact.articles,
            "sources": fact.sources, "evidence": fact.evidence_count})
    g = seeded_kg.to_networkx()
    edges = {key: (u, v, data) for u, v, key, data in g.edges(keys=True, data=True)}
    assert edges == expected and seeded_kg.fact_id(retracted) not in edges
    assert edges["odd"] == ("RUS", odd_state, {
        "type": "trade", "quad_class": "material_cooperation", "hedged": True, "directed": False, "fact": "odd",
        "iri": ns.FACT + "odd", "first_seen": dt.date(2024, 6, 20), "last_seen": None, "event_date": odd_text,
        "articles": 3, "sources": 0, "evidence": 0})
    assert g.nodes[odd_state]["name"] == odd_state


def test_kg_persists_on_disk(tmp_path, extractor, gazetteer):
    with KnowledgeGraph.open(tmp_path / "store", gazetteer=gazetteer, extractor=extractor) as kg:
        kg.ingest("Iran sold drones to Russia.", id="a")
        count = kg.store.count()
    with KnowledgeGraph.open(tmp_path / "store", gazetteer=gazetteer, extractor=extractor) as kg:
        assert kg.store.count() == count
        assert kg.article_ids() == ["a"]


def test_kg_an_undated_article_does_not_erase_a_facts_dates(kg):
    kg.ingest("Iran sold drones to Russia.", id="a", published=dt.date(2023, 1, 5))
    kg.ingest("Iran sold drones to Russia again.", id="b")
    row = kg.sparql("SELECT ?a ?b WHERE { ?f ak:firstSeen ?a ; ak:lastSeen ?b }").rows
    assert row == [{"a": dt.date(2023, 1, 5), "b": dt.date(2023, 1, 5)}]


def test_kg_invalid_url_is_a_clear_error_and_stores_nothing(kg):
    from alignkg.graph import InvalidArticleError

    before = kg.store.count()
    with pytest.raises(InvalidArticleError, match="not a valid IRI"):
        kg.ingest("Iran sold drones to Russia.", id="a", url="not a url")
    assert kg.store.count() == before


def test_kg_with_deadlines_answers_as_the_embedded_store(tmp_path, extractor, gazetteer):
    """A graph opened with query_timeout_s (queries in worker processes) gives the same answers."""
    text = "Iran sold drones to Russia. Japan condemned Iran."
    with KnowledgeGraph.in_memory(extractor=extractor, gazetteer=gazetteer) as embedded, \
            KnowledgeGraph.open(tmp_path / "s", query_timeout_s=30, query_workers=2, extractor=extractor,
                                gazetteer=gazetteer) as pooled:
        for kg in (embedded, pooled):
            kg.ingest(text, id="a1")
        for kg in (embedded, pooled):
            assert kg.sparql("ASK { state:IRN ak:armsTransfer state:RUS }") is True
        assert pooled.sparql("SELECT ?x WHERE { ?x ak:armsTransfer ?y }") == \
            embedded.sparql("SELECT ?x WHERE { ?x ak:armsTransfer ?y }")
        assert list(pooled.facts()) == list(embedded.facts())
        pattern = "?x any ?y with evidence"
        assert sorted(map(repr, pooled.query(pattern))) == sorted(map(repr, embedded.query(pattern)))
        assert pooled.stats() == embedded.stats()
        # the same graph from the workers, and from the embedded store reading rows one by one under a deadline
        graphs = [kg.to_networkx() for kg in (embedded, pooled)]
        with embedded.deadline(30):
            graphs.append(embedded.to_networkx())
        views = [(list(g.nodes(data=True)), list(g.edges(keys=True, data=True))) for g in graphs]
        assert views[0][1] and views[1] == views[0] and views[2] == views[0]
        with pytest.raises(QueryLimitError) as caught:
            pooled.query("?x any ?y", max_rows=0)
        assert caught.value.code == "result_too_large"


def test_kg_extract_from_several_threads_equals_one_at_a_time(kg, real_parses):
    """The server extracts articles in several threads at once, outside the write lock (issue 11).

    Every text is parsed, in the threads at once (``real_parses``): the parse is part of what runs concurrently.
    """
    import concurrent.futures

    from tests.conftest import REPO

    texts = [(p.stem, p.read_text("utf-8")) for p in sorted((REPO / "data" / "articles").glob("*.txt"))[:5]]

    def facts(item: tuple[str, str]) -> list[tuple[str, str, str, bool, tuple[tuple[int, int], ...]]]:
        _, extraction = kg.extract(item[1], id=item[0])
        return sorted((f.subject, f.type.value, f.object, f.hedged, tuple((e.start, e.end) for e in f.evidence))
                      for f in extraction.facts)

    alone = [facts(item) for item in texts]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        assert list(pool.map(facts, texts * 2)) == alone * 2
def test_kg_store_of_an_older_version_is_brought_up_to_date(kg, gazetteer, extractor):
    # As an older version wrote it: an undirected and a directed fact of one relation, no flag on the
    # evidence, no vocabulary graph.
    kg.ingest("Iran's drone deals with Russia worried the West.", id="u")
    kg.store.insert(mapping.iter_extraction_quads(
        Article("d", "Iran sold drones to Russia."), kg.extractor.extract("Iran sold drones to Russia.", id="d"),
        "0.0.1"))
    kg.store.update("PREFIX ak: <https://w3id.org/alignkg/ontology#> "
                    "DELETE { GRAPH ?g { ?ev ak:directed ?d } } "
                    "WHERE { GRAPH ?g { ?ev a ak:Evidence ; ak:directed ?d } } ;"
                    "DROP GRAPH <https://w3id.org/alignkg/graph/ontology>")
    assert [f.directed for f in kg.facts()] == [False]  # the directed fact has no derived values yet
    upgraded = KnowledgeGraph(kg.store, gazetteer=gazetteer, extractor=extractor)
    assert [(f.subject, f.object, f.directed) for f in upgraded.facts()] == [("IRN", "RUS", True)]
    assert len(upgraded.evidence(next(upgraded.facts()))) == 2
    assert upgraded.sparql("ASK { ak:armsTransferWith rdfs:label ?l }") is True


def test_kg_opening_a_store_of_this_version_writes_nothing(seeded_kg, gazetteer, extractor, monkeypatch):
    # The stored vocabulary equals this version's as the store keeps it ("-10.0"^^xsd:decimal comes back
    # as "-10"): an opening neither rewrites it nor re-derives every fact.
    writes = []
    monkeypatch.setattr(type(seeded_kg.store), "update", lambda store, *a, **k: writes.append(a))
    monkeypatch.setattr(KnowledgeGraph, "refresh", lambda kg, **k: writes.append("refresh"))
    KnowledgeGraph(seeded_kg.store, gazetteer=gazetteer, extractor=extractor)
    assert writes == []


def _walk_pages(kg, size, **filters):
    ids, cursor = [], None
    while True:
        page = kg.facts_page(**filters, after=cursor, limit=size)
        assert page.total == kg.count_facts(**filters)
        assert list(page.ids) == [kg.fact_id(f) for f in page.facts]
        ids += page.ids
        cursor = page.next_cursor
        if cursor is None:
            return ids


@pytest.mark.parametrize("filters", [{}, {"subject": "Iran"}, {"object": "IRN"}, {"subject": "RUS", "hedged": False},
                                     {"type": "condemnation"}])
@pytest.mark.parametrize("size", [1, 2, 100])
def test_kg_facts_pages_list_what_facts_lists_once_in_order(seeded_kg, filters, size):
    seeded_kg.ingest("Iran sold drones to Russia. Iran struck Israel. Iran condemned Syria. Russia condemned Israel.",
                     id="more")
    expected = [seeded_kg.fact_id(f) for f in seeded_kg.facts(**filters)]
    assert expected
    assert _walk_pages(seeded_kg, size, **filters) == expected


def test_kg_facts_page_goes_on_after_a_cursor_fact_that_left_the_listing(kg):
    kg.ingest("Iran sold drones to Russia. Iran struck Israel. Iran condemned Syria.", id="a1")
    first = kg.facts_page(subject="IRN", limit=1)
    kg.retract_fact(first.facts[0], reason="a test", by="ana")
    rest = kg.facts_page(subject="IRN", after=first.next_cursor, limit=5)
    assert [(f.type.value, f.object) for f in rest.facts] == [("condemnation", "SYR"), ("military_strike", "ISR")]
    assert rest.total == 2
    with pytest.raises(InvalidInputError, match="names no stored fact"):
        kg.facts_page(subject="IRN", after="0" * 20)
    with pytest.raises(InvalidInputError, match="limit"):
        kg.facts_page(limit=0)


def test_kg_state_page_unbounded_is_state_edges_and_bounded_cuts_facts_and_evidence(seeded_kg):
    seeded_kg.ingest("Iran sold drones to Russia. Iran struck Israel. Iran condemned Syria.", id="more")
    state, outgoing, incoming = seeded_kg.state_edges("Iran")
    whole = seeded_kg.state_page("Iran", limit=1000, evidence_limit=1000)
    assert (whole.state, whole.outgoing, whole.incoming) == (state, outgoing, incoming)
    assert whole.outgoing_counts == {t: len(f) for t, f in outgoing.items()}
    assert whole.total == sum(map(len, outgoing.values())) + sum(map(len, incoming.values()))
    page = seeded_kg.state_page("IRN", limit=2, evidence_limit=0)
    assert [f for facts in page.outgoing.values() for f in facts] == [
        dataclasses.replace(f, evidence=()) for facts in outgoing.values() for f in facts][:2]
    assert page.outgoing_counts == whole.outgoing_counts and page.total == whole.total
    with pytest.raises(UnknownStateError):
        seeded_kg.state_page("Iram")
