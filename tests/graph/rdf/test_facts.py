"""Time and corroboration on every fact: dates, event dates, articles, sources, evidence; and the filters on them."""

import datetime as dt

import pytest
from pyoxigraph import Literal, NamedNode

from alignkg.graph import InvalidInputError
from alignkg.graph import namespace as ns
from alignkg.graph.rdf import facts as fact_rows
from alignkg.graph.store.results import Solutions

THURSDAY = dt.date(2024, 5, 9)


@pytest.fixture
def corroborated(kg):
    """One fact stated by 3 articles from 2 publishers, one sentence dating the event; and a fact of one source."""
    kg.ingest("Iran sold drones to Russia on Tuesday.", id="a1", url="https://www.example.org/a1",
              published=THURSDAY)
    kg.ingest("Iran sold drones to Russia.", id="a2", url="https://example.org/a2", published=dt.date(2024, 6, 1))
    kg.ingest("Iran's drone deals with Russia worried the West.", id="a3", url="https://news.example.com/a3",
              published=dt.date(2024, 7, 1))
    kg.ingest("Israel struck Iran in March 2019.", id="a4", url="https://news.example.com/a4",
              published=dt.date(2024, 7, 2))
    return kg


def test_facts_three_articles_from_two_publishers(corroborated):
    (fact,) = corroborated.facts(type="arms_transfer")
    assert (fact.articles, fact.sources, fact.evidence_count) == (3, 2, 3)
    assert (fact.first_seen, fact.last_seen, fact.event_date) == (THURSDAY, dt.date(2024, 7, 1), dt.date(2024, 5, 7))
    detail = corroborated.fact(corroborated.fact_id(fact))
    assert (detail.articles, detail.sources) == (3, 2)
    assert [e.event_date for e in detail.evidence] == [dt.date(2024, 5, 7), None, None]


def test_facts_corroboration_is_in_the_rdf(corroborated):
    rows = corroborated.sparql("SELECT ?n ?s ?e ?d WHERE { ?f a ak:ArmsTransfer ; ak:articleCount ?n ; "
                               "ak:sourceCount ?s ; ak:evidenceCount ?e ; ak:eventDate ?d }").rows
    assert rows == [{"n": 3, "s": 2, "e": 3, "d": dt.date(2024, 5, 7)}]


def test_facts_deleting_an_article_recounts(corroborated):
    corroborated.delete_article("a2")
    (fact,) = corroborated.facts(type="arms_transfer")
    assert (fact.articles, fact.sources, fact.evidence_count) == (2, 2, 2)


def test_facts_without_url_a_publisher_or_the_article_is_the_source(kg):
    kg.ingest("Iran sold drones to Russia.", id="a1", publisher="Example News")
    kg.ingest("Iran sold drones to Russia again.", id="a2", publisher="example news")
    kg.ingest("Iran sold more drones to Russia.", id="a3")
    (fact,) = kg.facts()
    assert (fact.articles, fact.sources) == (3, 2)


def test_facts_filters_on_sources_and_event_dates(corroborated):
    assert [f.type.value for f in corroborated.facts(min_sources=2)] == ["arms_transfer"]
    assert corroborated.count_facts(min_sources=2) == 1 and corroborated.count_facts() == 2
    # Seen in 2024, the strike happened in 2019.
    assert {f.type.value for f in corroborated.facts(since="2024-01-01")} == {"arms_transfer", "military_strike"}
    assert [f.type.value for f in corroborated.facts(since="2024-01-01", date="event")] == ["arms_transfer"]
    assert [f.type.value for f in corroborated.facts(until="2020-01-01", date="event")] == ["military_strike"]
    assert corroborated.count_facts(until="2020-01-01", date="event") == 1


@pytest.mark.parametrize("options,message", [({"date": "published"}, "seen, event"),
                                             ({"min_sources": -1}, "at least 0")])
def test_facts_bad_filters_are_clear_errors(kg, options, message):
    with pytest.raises(InvalidInputError, match=message):
        list(kg.facts(**options))


def test_facts_pattern_language_filters_and_shows_corroboration(corroborated):
    rows = corroborated.query("?x arms_transfer RUS min_sources 2 with counts with dates")
    assert [(r["x"], r["_articles1"], r["_sources1"], r["_evidence_count1"], r["_event_date1"]) for r in rows] == [
        ("IRN", 3, 2, 3, dt.date(2024, 5, 7))]
    assert rows.columns[-6:] == ["_first_seen1", "_last_seen1", "_event_date1", "_articles1", "_sources1",
                                 "_evidence_count1"]
    assert len(corroborated.query("?x arms_transfer RUS min_sources 3")) == 0
    assert len(corroborated.query("?x military_strike IRN since 2024-01-01")) == 1
    assert len(corroborated.query("?x military_strike IRN since 2024-01-01 date event")) == 0


def test_facts_edges_read_rows_as_fact_of_does_in_the_listing_order():
    # to_networkx's rows become edges without a Fact each: the same values as fact_of, unbound ones
    # included, and the listing's order (type, subject, object, IRI) whatever order the store gives.
    xsd = "http://www.w3.org/2001/XMLSchema#"
    day = Literal("2025-06-24", datatype=NamedNode(xsd + "date"))
    yes, no = Literal(True), Literal(False)

    def row(iri, s, o, t, dated):
        return (NamedNode(ns.FACT + iri), NamedNode(ns.state_iri(s)), NamedNode(ns.state_iri(o)), Literal(t), yes, no,
                day if dated else None, day if dated else None, None, Literal(2) if dated else None, Literal(1),
                Literal(3), None)

    rows = [row("b", "RUS", "IRN", "trade", True), row("a", "RUS", "IRN", "trade", False),
            row("c", "CHN", "RUS", "trade", True), row("d", "USA", "CHN", "alliance", True)]
    names = ("f", "s", "o", "t", "h", "d", "first", "last", "event", "na", "ns", "ne", "r")
    edges = list(fact_rows.fact_edges(Solutions(names, rows)))
    assert [(u, v, key) for u, v, key, _ in edges] == [("USA", "CHN", "d"), ("CHN", "RUS", "c"), ("RUS", "IRN", "a"),
                                                       ("RUS", "IRN", "b")]
    for (_, _, key, data), values in zip(edges, [rows[3], rows[2], rows[1], rows[0]], strict=True):
        fact = fact_rows.fact_of(next(Solutions(names, [values])), "s", "o")
        assert data == {"type": fact.type.value, "quad_class": fact.type.spec.quad_class.value, "hedged": fact.hedged,
                        "directed": fact.directed, "fact": key, "iri": ns.FACT + key, "first_seen": fact.first_seen,
                        "last_seen": fact.last_seen, "event_date": fact.event_date, "articles": fact.articles,
                        "sources": fact.sources, "evidence": fact.evidence_count}
    assert edges[2][3]["first_seen"] is None and edges[2][3]["articles"] == 0 and edges[2][3]["hedged"] is True
    assert edges[3][3]["first_seen"] == dt.date(2025, 6, 24) and edges[3][3]["articles"] == 2
    # the columns are read by name: a remote store's results may list them in another order
    assert list(fact_rows.fact_edges(Solutions(names[::-1], [r[::-1] for r in rows]))) == edges


def test_facts_edges_convert_each_term_as_fact_of_does_even_when_two_share_a_text():
    # Values are converted once per distinct term, not per text: one text with two datatypes stays two values.
    day = "2024-06-20"
    dated, plain = Literal(day, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date")), Literal(day)
    names = ("f", "s", "o", "t", "h", "d", "first", "last", "event", "na", "ns", "ne")
    rows = [(NamedNode(ns.FACT + key), NamedNode(ns.state_iri("RUS")), NamedNode(ns.state_iri("IRN")),
             Literal("trade"), Literal(True), Literal(False), None, None, event, None, None, None)
            for key, event in (("a", dated), ("b", plain))]
    edges = {key: data for _, _, key, data in fact_rows.fact_edges(Solutions(names, rows))}
    assert edges["a"]["event_date"] == dt.date(2024, 6, 20) and edges["b"]["event_date"] == day
    for row in rows:
        assert edges[row[0].value.removeprefix(ns.FACT)]["event_date"] == fact_rows.fact_of(
            next(Solutions(names + ("r",), [row + (None,)])), "s", "o").event_date
