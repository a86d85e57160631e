"""The read endpoints over real HTTP: health, states, facts, articles, export, the pattern query, OpenAPI."""

from __future__ import annotations

import json

import pytest
from http_helpers import assert_error
from pyoxigraph import RdfFormat, parse

from alignkg.graph import EdgeType, ExportFormat

NI = EdgeType.NON_INTERVENTION.value


def test_http_health_is_constant(http):
    response = http.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_http_states_lists_every_state_with_counts(http):
    body = http.get("/states").json()
    by_code = {s["code"]: s for s in body["states"]}
    assert body["count"] == len(body["states"]) > 190
    iran = by_code["IRN"]
    assert iran["name"] == "Iran" and iran["facts"] == iran["as_subject"] + iran["as_object"] > 0
    assert iran["links"]["self"] == "/states/IRN"


@pytest.mark.parametrize("name", ["Iran", "IRN", "iran", "Islamic Republic of Iran"])
def test_http_state_shows_non_intervention_by_russia_and_china_with_evidence(http, name):
    response = http.get(f"/states/{name}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["code"] == "IRN"
    incoming = {group["type"]: group for group in body["incoming"]}
    group = incoming[NI]
    assert group["count"] == len(group["facts"])
    assert sorted(f["subject"] for f in group["facts"]) == ["CHN", "RUS"]
    for fact in group["facts"]:
        assert fact["object"] == "IRN" and fact["links"]["self"] == f"/facts/{fact['id']}"
        assert fact["evidence"], fact
        for evidence in fact["evidence"]:
            assert evidence["text"] and evidence["links"]["article"] == f"/articles/{evidence['article_id']}"
    assert body["facts"] == sum(g["count"] for g in body["incoming"] + body["outgoing"])


def test_http_state_evidence_offsets_slice_the_article(http):
    fact = http.get("/states/IRN").json()["incoming"][0]["facts"][0]
    evidence = fact["evidence"][0]
    article = http.get(evidence["links"]["article"]).json()
    assert article["text"][evidence["start"]:evidence["end"]] == evidence["text"]


def test_http_state_pages_its_facts_and_evidence(http):
    whole = http.get("/states/IRN", params={"limit": 1000, "evidence_limit": 1000}).json()
    paged = http.get("/states/IRN", params={"limit": 1, "evidence_limit": 1}).json()
    assert paged["facts"] == whole["facts"] > 2
    for side in ("outgoing", "incoming"):
        groups = {g["type"]: g for g in whole[side]}
        assert sum(len(g["facts"]) for g in paged[side]) == min(1, sum(g["count"] for g in whole[side]))
        for group in paged[side]:
            assert group["count"] == groups[group["type"]]["count"]
            assert group["facts"] == [{**f, "evidence": f["evidence"][:1]} for f in groups[group["type"]]["facts"][:1]]
            assert ("more" in group["links"]) == (group["count"] > 1)
        assert all(len(f["evidence"]) == f["evidence_count"] for g in whole[side] for f in g["facts"])
    incoming = [g for g in paged["incoming"] if g["links"]]
    if incoming:
        more = http.get(incoming[0]["links"]["more"]).json()
        assert more["total"] == incoming[0]["count"]
    bare = http.get("/states/IRN", params={"evidence_limit": 0}).json()
    assert all(f["evidence"] == [] for g in bare["incoming"] + bare["outgoing"] for f in g["facts"])


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"evidence_limit": -1}, {"limit": "x"}])
def test_http_state_bad_paging_is_400(http, unchanged, params):
    body = assert_error(http.get("/states/IRN", params=params), 400, "invalid_request")
    assert next(iter(params)) in body["detail"]


def test_http_state_by_alias_with_space(http):
    assert http.get("/states/North Korea").json()["code"] == "PRK"
    assert http.get("/states/the Kremlin").json()["code"] == "RUS"


def test_http_unknown_state_is_404_with_suggestions(http, unchanged):
    body = assert_error(http.get("/states/Iram"), 404, "unknown_state")
    assert "IRN Iran" in body["suggestions"]
    assert "Iram" in body["detail"]


def test_http_facts_filters(http):
    everything = http.get("/facts", params={"limit": 1000}).json()
    assert everything["count"] == len(everything["facts"]) > 20 and everything["next_cursor"] is None
    russia = http.get("/facts", params={"subject": "Russia"}).json()["facts"]
    assert russia and all(f["subject"] == "RUS" for f in russia)
    ni = http.get("/facts", params={"type": NI, "object": "IRN"}).json()["facts"]
    assert sorted(f["subject"] for f in ni) == ["CHN", "RUS"]
    conflict = http.get("/facts", params={"class": "material_conflict"}).json()["facts"]
    assert conflict and {f["quad_class"] for f in conflict} == {"material_conflict"}
    hedged = http.get("/facts", params={"hedged": "true"}).json()["facts"]
    assert all(f["hedged"] for f in hedged)
    dated = http.get("/facts", params={"since": "2024-01-01", "until": "2024-12-31"}).json()["facts"]
    assert dated and len(dated) < len(everything["facts"])


def test_http_facts_report_the_total_and_filter_on_corroboration(http, live_server):
    page = http.get("/facts", params={"limit": 2}).json()
    assert page["count"] == 2 and page["total"] == live_server.kg.count_facts() > 20
    corroborated = http.get("/facts", params={"min_sources": 2, "limit": 1000}).json()
    assert corroborated["total"] == len(corroborated["facts"]) == len(list(live_server.kg.facts(min_sources=2)))
    assert all(f["sources"] >= 2 and f["articles"] >= f["sources"] for f in corroborated["facts"])
    event = http.get("/facts", params={"since": "2024-01-01", "date": "event", "limit": 1000}).json()
    assert all(f["event_date"] >= "2024-01-01" for f in event["facts"])
    fact = page["facts"][0]
    detail = http.get(f"/facts/{fact['id']}").json()
    assert detail["evidence_count"] == len(detail["evidence"]) and detail["first_seen"] == fact["first_seen"]


def test_http_facts_bad_corroboration_filters_are_400(http):
    response = http.get("/facts", params={"date": "published"})
    assert response.status_code == 400 and "seen, event" in response.json()["detail"]
    assert http.get("/facts", params={"min_sources": -1}).status_code == 400


def test_http_facts_pages_with_a_cursor_cover_everything_once(http):
    everything = [f["id"] for f in http.get("/facts", params={"limit": 1000}).json()["facts"]]
    seen, url, pages = [], "/facts?limit=5", 0
    while url:
        page = http.get(url).json()
        assert page["count"] <= 5
        seen.extend(f["id"] for f in page["facts"])
        url = page["links"].get("next")
        pages += 1
        assert pages < 100
    assert pages > 1
    assert sorted(set(seen)) == sorted(set(everything))


def test_http_facts_of_one_state_page_in_order_with_the_total(http):
    listed = http.get("/facts", params={"object": "IRN", "limit": 1000}).json()
    seen, url = [], "/facts?object=IRN&limit=2"
    while url:
        page = http.get(url).json()
        assert page["total"] == listed["total"] == len(listed["facts"])
        seen.extend(f["id"] for f in page["facts"])
        url = page["links"].get("next")
    assert seen == [f["id"] for f in listed["facts"]]
    assert len(seen) > 2


def test_http_fact_has_all_its_evidence(http):
    fact = http.get("/facts", params={"type": NI, "subject": "RUS", "object": "IRN"}).json()["facts"][0]
    detail = http.get(fact["links"]["self"]).json()
    assert detail["id"] == fact["id"] and detail["subject"] == "RUS"
    assert detail["evidence"] and all(e["text"] for e in detail["evidence"])
    full_iri = http.get(f"/facts/https://w3id.org/alignkg/fact/{fact['id']}")
    assert full_iri.status_code == 404  # a path segment cannot hold an IRI; the id is the hash


@pytest.mark.parametrize("fact_id", ["0000000000", "no such fact", "%3Cbad%3E"])
def test_http_unknown_fact_is_404(http, unchanged, fact_id):
    assert_error(http.get(f"/facts/{fact_id}"), 404, "not_found")


def test_http_articles_list_and_read(http):
    body = http.get("/articles").json()
    ids = [a["id"] for a in body["articles"]]
    assert body["count"] == 11 and "seed-distant-allies" in ids and ids == sorted(ids)
    article = http.get("/articles/2024-06-19-russia-north-korea-treaty").json()
    assert article["published"].startswith("2024-06") and article["title"] and article["text"]
    assert article["url"].startswith("https://")


def test_http_unknown_article_is_404(http, unchanged):
    assert_error(http.get("/articles/nope"), 404, "not_found")


def test_http_query_runs_the_pattern_language(http):
    response = http.post("/query", json={"pattern": f"?x {NI} IRN"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"][0] == "x" and sorted(r["x"] for r in body["rows"]) == ["CHN", "RUS"]
    with_evidence = http.post("/query", json={"pattern": f"?x {NI} IRN with evidence"}).json()
    assert all(r["_sentence1"] for r in with_evidence["rows"])


@pytest.mark.parametrize(("pattern", "code"), [
    ("?x arms_transfer", "query_syntax"),
    ("?x arms_transfer Iram", "unknown_state"),
    ("?x arms_transfers IRN", "unknown_edge_type"),
    ("?x trade IRN } ; DROP ALL", "query_syntax"),
])
def test_http_query_errors(http, unchanged, pattern, code):
    body = assert_error(http.post("/query", json={"pattern": pattern}), 400, code)
    if code == "query_syntax":
        assert body["line"] == 1 and body["column"] >= 1


@pytest.mark.parametrize("fmt", [f.value for f in ExportFormat])
def test_http_export_streams_every_format(http, fmt):
    with http.stream("GET", "/export", params={"format": fmt, "subject": "RUS"}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].split(";")[0] == ExportFormat(fmt).media_type
        assert "content-length" not in response.headers  # streamed (chunked)
        data = b"".join(response.iter_bytes())
    quads = list(parse(data, format=ExportFormat(fmt).rdf_format))
    assert len(quads) > 10


def test_http_export_whole_store_keeps_named_graphs(http):
    data = http.get("/export", params={"format": "nquads"}).content
    graphs = {str(q.graph_name) for q in parse(data, format=RdfFormat.N_QUADS)}
    assert "<https://w3id.org/alignkg/graph/facts>" in graphs and len(graphs) > 10


def test_http_export_filters_like_facts(http):
    data = http.get("/export", params={"format": "ntriples", "type": NI, "object": "IRN"}).content
    text = data.decode()
    assert "state/RUS" in text and "state/CHN" in text
    predicates = {str(t.predicate) for t in parse(data, format=RdfFormat.N_TRIPLES)}
    assert "<https://w3id.org/alignkg/ontology#nonIntervention>" in predicates
    assert "<https://w3id.org/alignkg/ontology#armsTransfer>" not in predicates  # only the vocabulary names it


def test_http_openapi_documents_every_endpoint_with_examples(http):
    doc = http.get("/openapi.json").json()
    paths = doc["paths"]
    for path, method in [("/health", "get"), ("/states", "get"), ("/states/{state}", "get"), ("/facts", "get"),
                         ("/facts/{fact_id}", "get"), ("/articles", "get"), ("/articles", "post"),
                         ("/articles/{article_id}", "get"), ("/articles/{article_id}", "delete"),
                         ("/sparql", "get"), ("/sparql", "post"), ("/query", "post"), ("/export", "get")]:
        operation = paths[path][method]
        assert "422" not in operation["responses"]
        assert operation.get("summary")
    text = json.dumps(doc)
    assert text.count('"example') > 20
    assert "ErrorOut" in doc["components"]["schemas"]
    assert "text/csv" in paths["/sparql"]["get"]["responses"]["200"]["content"]


def test_http_export_events_table_as_csv(http, live_server):
    import io

    import pandas

    response = http.get("/export", params={"format": "csv", "min_sources": 1})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    frame = pandas.read_csv(io.BytesIO(response.content), dtype={"cameo_root": str, "cameo_code": str})
    assert len(frame) == live_server.kg.count_facts(min_sources=1) and frame["cameo_root"].str.len().eq(2).all()
    assert frame["fact_id"].tolist() == [live_server.kg.fact_id(f) for f in live_server.kg.facts(min_sources=1)]


def test_http_export_honours_the_accept_header(http):
    nquads = http.get("/export", headers={"Accept": "application/n-quads"})
    assert nquads.headers["content-type"].startswith("application/n-quads") and b"> <" in nquads.content[:2000]
    jsonld = http.get("/export", params={"type": "alliance"}, headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json") and "@context" in jsonld.json()
    assert http.get("/export", headers={"Accept": "text/csv"}).text.startswith("fact_id,subject,type,object")
    assert http.get("/export").headers["content-type"].startswith("text/turtle")
    named = http.get("/export", params={"format": "trig"}, headers={"Accept": "text/csv"})
    assert named.headers["content-type"].startswith("application/trig")
    assert_error(http.get("/export", headers={"Accept": "image/png"}), 406, "not_acceptable")
