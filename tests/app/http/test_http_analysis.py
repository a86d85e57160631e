"""The analysis endpoints over real HTTP: the bloc test, pair scores, communities and claims.

Expected values are computed from the server's own ``KnowledgeGraph`` (the same store), so
the tests check that HTTP answers what the graph answers, then the content the issue asks
for: on the bundled articles, the claimed axis of Russia, China, North Korea and Iran shows
arms ties between Iran and Russia, energy trade between China and Iran, and Russia and China
staying out when Iran was struck, with no military or diplomatic support of Iran.
"""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from http_helpers import KEY, assert_error, auth, start_server, stop_server

from alignkg.app.settings import Settings
from alignkg.graph import EdgeType, KnowledgeGraph, QuadClass
from alignkg.graph.analysis import Weights
from alignkg.graph.resources import data_path

AXIS = ["RUS", "CHN", "PRK", "IRN"]
AT, ET, NI = EdgeType.ARMS_TRANSFER.value, EdgeType.ENERGY_TRADE.value, EdgeType.NON_INTERVENTION.value
MS, DS = EdgeType.MILITARY_SUPPORT.value, EdgeType.DIPLOMATIC_SUPPORT.value
PUBLISHED = dt.date(2025, 6, 24)


def _bloc(http: httpx.Client, **params) -> dict:
    response = http.get("/analysis/bloc", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _named(body: dict) -> dict[str, dict]:
    """The facts an answer names, by id."""
    return {f["id"]: f for f in body["facts"]}


def _between(facts: dict[str, dict], edge_type: str, *states: str) -> list[str]:
    return [i for i, f in facts.items() if f["type"] == edge_type and {f["subject"], f["object"]} == set(states)]


def _ids_in(body: dict) -> set[str]:
    """Every fact id that the numbers of a bloc answer refer to."""
    keys = ("material_cooperation", "verbal_cooperation", "conflict", "military_support", "non_intervention")
    found = set(body["cohesion"]["facts"])
    for key in keys:
        found.update(body[key]["facts"])
        for pair in body["pairs"]:
            found.update(pair[key])
    for response in body["responses"]:
        found.update([response["fact"], *response["strikes"]])
    return found


# --- the bloc test of the claimed axis -----------------------------------------------------------

def test_http_analysis_bloc_says_what_the_graph_says(http, live_server):
    body = _bloc(http, states=AXIS)
    report = live_server.kg.bloc(AXIS)
    assert body["verdict"] == report.verdict
    assert body["headline"] == report.headline
    assert body["members"] == AXIS and body["pairs_total"] == 6
    assert body["cohesion"]["value"] == pytest.approx(report.cohesion)
    assert body["material_cooperation"]["count"] == report.material_cooperation.count
    assert body["non_intervention"]["count"] == report.non_intervention.count == 2


def test_http_analysis_bloc_shows_the_ties_and_the_abstentions_of_the_seed_article(http):
    body = _bloc(http, states=AXIS)
    facts = _named(body)
    arms = _between(facts, AT, "IRN", "RUS")
    energy = _between(facts, ET, "CHN", "IRN")
    assert arms and energy
    tied = set(body["material_cooperation"]["facts"])
    assert set(arms) <= tied and set(energy) <= tied
    assert ["RUS", "IRN"] in body["material_cooperation"]["pairs"]
    assert ["CHN", "IRN"] in body["material_cooperation"]["pairs"]
    # The seed's "drone deals with Russia" names no supplier; another article does, so it is one directed fact.
    assert "arms transfer from IRN to RUS" in body["verdict"]
    assert "arms transfer between IRN and RUS" not in body["verdict"]
    assert "energy trade between CHN and IRN" in body["verdict"]

    stayed_out = {(r["member"], r["attacked"]): r for r in body["responses"] if r["type"] == NI}
    assert set(stayed_out) == {("RUS", "IRN"), ("CHN", "IRN")}
    for response in stayed_out.values():
        assert {"ISR", "USA"} <= set(response["attackers"])
        assert all(facts[s]["type"] == EdgeType.MILITARY_STRIKE.value and facts[s]["object"] == "IRN"
                   for s in response["strikes"])
        assert facts[response["fact"]]["weight"] < 0
    assert "RUS and CHN stayed out when IRN was struck by ISR and USA" in body["verdict"]

    # Nobody came to Iran's aid, in deeds or in words.
    for pair in body["pairs"]:
        if "IRN" in (pair["a"], pair["b"]):
            assert pair["military_support"] == [] and pair["verbal_cooperation"] == [], pair
    assert not any(f["type"] in (MS, DS) and "IRN" in (f["subject"], f["object"]) for f in facts.values())


def test_http_analysis_bloc_names_every_fact_with_a_working_link(http):
    body = _bloc(http, states=AXIS)
    facts = _named(body)
    assert _ids_in(body) <= set(facts)
    for fact_id in sorted(_ids_in(body)):
        named = facts[fact_id]
        assert named["links"]["self"] == f"/facts/{fact_id}"
        stored = http.get(named["links"]["self"])
        assert stored.status_code == 200, stored.text
        assert {k: stored.json()[k] for k in ("subject", "type", "object")} == \
               {k: named[k] for k in ("subject", "type", "object")}
        assert len(stored.json()["evidence"]) == named["evidence"] > 0
    for pair in body["pairs"]:
        assert http.get(pair["links"]["dyad"]).json()["score"] == pair["score"]


@pytest.fixture(scope="module")
def seed_server(gazetteer, extractor, tmp_path_factory):
    """A server whose store holds the seed article alone (the worked example of docs/analysis.md)."""
    text = (data_path("articles") / "seed-distant-allies.txt").read_text(encoding="utf-8")
    kg = KnowledgeGraph.in_memory(gazetteer=gazetteer, extractor=extractor)
    kg.ingest(text, id="seed-distant-allies", published=PUBLISHED)
    live = start_server(Settings(store_path=tmp_path_factory.mktemp("unused") / "store"), kg)
    yield live
    stop_server(live)
    kg.close()


def test_http_analysis_bloc_on_the_seed_article_finds_no_aid_at_all(seed_server):
    with seed_server.client() as client:
        body = _bloc(client, states=AXIS)
    assert body["verdict"] == seed_server.kg.bloc(AXIS).verdict
    assert body["headline"] == "material ties without mutual defence"
    assert "no pair came to another's aid: no military or diplomatic support between members" in body["verdict"]
    assert body["military_support"] == {"count": 0, "pairs": [], "facts": []}
    assert body["verbal_cooperation"] == {"count": 0, "pairs": [], "facts": []}
    assert body["material_cooperation"]["pairs"] == [["RUS", "IRN"], ["CHN", "IRN"]]
    assert body["cohesion"]["value"] == 0.0


def test_http_analysis_bloc_of_a_stored_claim_by_number_and_by_id(http, live_server):
    claims = http.get("/analysis/claims").json()
    assert claims["count"] == len(claims["claims"]) == len(live_server.kg.claims())
    axis = next(c for c in claims["claims"] if c["members"] == sorted(AXIS))
    assert axis["claimants"] == ["GBR", "USA"]
    expected = live_server.kg.bloc(live_server.kg.claims()[axis["number"] - 1])
    by_id = http.get(axis["links"]["bloc"]).json()
    by_number = _bloc(http, claim=str(axis["number"]))
    assert by_id["verdict"] == by_number["verdict"] == expected.verdict
    assert by_id["claim"] == axis["id"] and by_id["claimants"] == ["GBR", "USA"]
    assert by_id["links"]["self"] == axis["links"]["bloc"]


def test_http_analysis_bloc_window_and_weights_reach_the_graph(http, live_server):
    body = _bloc(http, states=AXIS, weight=[f"{QuadClass.NON_COOPERATION.value}=-1", "hedged=1"], until="2020-01-01")
    assert body["until"] == "2020-01-01"
    assert body["weights"]["classes"][QuadClass.NON_COOPERATION.value] == -1.0 and body["weights"]["hedged"] == 1.0
    assert body["verdict"] == live_server.kg.bloc(AXIS, until=dt.date(2020, 1, 1)).verdict


# --- errors --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "params"), [
    ("/analysis/bloc", {"states": ["RUS", "Iram"]}),
    ("/analysis/dyad", {"a": "RUS", "b": "Iram"}),
    ("/analysis/dyad", {"a": "Iram", "b": "RUS"}),
])
def test_http_analysis_unknown_state_is_404_with_suggestions(http, path, params):
    body = assert_error(http.get(path, params=params), 404, "unknown_state")
    assert "Iram" in body["detail"] and "IRN Iran" in body["suggestions"]


@pytest.mark.parametrize("states", [[], ["RUS"], ["RUS", "Russia"], ["RUS", " "], [""]])
def test_http_analysis_bloc_of_fewer_than_two_states_is_400(http, states):
    body = assert_error(http.get("/analysis/bloc", params={"states": states}), 400, "invalid_input")
    assert "at least 2 distinct states" in body["detail"]


@pytest.mark.parametrize(("params", "status", "code"), [
    ({"claim": "99"}, 404, "not_found"),
    ({"claim": "0000000000"}, 404, "not_found"),
    ({"claim": "1", "states": ["RUS", "IRN"]}, 400, "invalid_request"),
    ({"states": AXIS, "weight": "nonsense=1"}, 400, "invalid_input"),
    ({"states": AXIS, "weight": "hedged"}, 400, "invalid_input"),
    ({"states": AXIS, "since": "2024-13-01"}, 400, "invalid_request"),
    ({"states": AXIS, "member": "RUS"}, 400, "unknown_parameter"),
])
def test_http_analysis_bloc_bad_input(http, params, status, code):
    assert_error(http.get("/analysis/bloc", params=params), status, code)


def test_http_analysis_dyad_of_one_state_is_400(http):
    assert_error(http.get("/analysis/dyad", params={"a": "RUS", "b": "Russia"}), 400, "invalid_input")
    assert_error(http.get("/analysis/dyad", params={"a": "RUS"}), 400, "invalid_request")


# --- pair scores and communities -----------------------------------------------------------------

def test_http_analysis_dyad_carries_every_fact_with_its_weight(http, live_server):
    response = http.get("/analysis/dyad", params={"a": "Russia", "b": "Iran"})
    assert response.status_code == 200, response.text
    body = response.json()
    score = live_server.kg.dyad("RUS", "IRN")
    assert (body["a"], body["b"]) == ("RUS", "IRN")
    assert body["score"] == score.score and body["summary"] == score.summary
    assert body["normalized"] == pytest.approx(score.normalized)
    facts = _named(body)
    assert len(facts) == len(score.contributions) and sum(f["weight"] for f in facts.values()) == body["score"]
    assert {i for ids in body["facts_by_type"].values() for i in ids} == set(facts)
    assert body["counts"] == {t: len(ids) for t, ids in body["facts_by_type"].items()}
    assert _between(facts, AT, "IRN", "RUS") and _between(facts, NI, "RUS", "IRN")
    for fact_id, fact in facts.items():
        assert fact["links"]["self"] == f"/facts/{fact_id}" and http.get(fact["links"]["self"]).status_code == 200
    assert body["links"] == {"self": "/analysis/dyad?a=RUS&b=IRN", "a": "/states/RUS", "b": "/states/IRN"}


def test_http_analysis_dyad_weights_and_window(http, live_server):
    weighted = http.get("/analysis/dyad", params={"a": "RUS", "b": "IRN",
                                                  "weight": [f"{QuadClass.NON_COOPERATION.value}=-1",
                                                             f"{AT}=3"]}).json()
    expected = live_server.kg.dyad("RUS", "IRN", weights=Weights.parse([f"{QuadClass.NON_COOPERATION.value}=-1",
                                                                        f"{AT}=3"]))
    assert weighted["score"] == expected.score != http.get("/analysis/dyad", params={"a": "RUS", "b": "IRN"}).json()[
        "score"]
    assert weighted["weights"]["types"][AT] == 3.0
    empty = http.get("/analysis/dyad", params={"a": "RUS", "b": "IRN", "since": "2100-01-01"}).json()
    assert empty["facts"] == [] and empty["score"] == 0 and empty["summary"].startswith("no facts between RUS and IRN")
    assert empty["since"] == "2100-01-01"


def test_http_analysis_communities_match_the_graph(http, live_server):
    body = http.get("/analysis/communities").json()
    found = live_server.kg.communities()
    assert body["count"] == len(found) > 0
    assert [c["members"] for c in body["communities"]] == [list(c.members) for c in found]
    assert [c["weight"] for c in body["communities"]] == [c.weight for c in found]
    links = {f["id"]: f["links"]["self"] for f in body["facts"]}
    for community in body["communities"]:
        assert community["facts"] and set(community["facts"]) <= set(links)
        assert http.get(community["links"]["bloc"]).status_code == 200
    for fact_id, link in links.items():
        assert link == f"/facts/{fact_id}" and http.get(link).status_code == 200
    assert http.get("/analysis/communities", params={"seed": 3, "resolution": 2}).status_code == 200
    assert_error(http.get("/analysis/communities", params={"resolution": 0}), 400, "invalid_request")


def test_http_analysis_reads_leave_the_store_unchanged(http, unchanged):
    for path, params in [("/analysis/bloc", {"states": AXIS}), ("/analysis/dyad", {"a": "RUS", "b": "IRN"}),
                         ("/analysis/communities", {}), ("/analysis/claims", {})]:
        assert http.get(path, params=params).status_code == 200


# --- OpenAPI and keys ----------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "model"), [("/analysis/dyad", "DyadOut"), ("/analysis/bloc", "BlocOut"),
                                             ("/analysis/communities", "CommunitiesOut"),
                                             ("/analysis/claims", "ClaimsOut")])
def test_http_analysis_is_documented_with_examples(http, path, model):
    document = http.get("/openapi.json").json()
    operation = document["paths"][path]["get"]
    assert operation["tags"] == ["analysis"] and operation["summary"]
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": f"#/components/schemas/{model}"}
    assert document["components"]["schemas"][model]["examples"]
    for parameter in operation.get("parameters", []):
        assert parameter.get("description"), parameter
    if path in ("/analysis/dyad", "/analysis/bloc"):
        assert {"400", "404"} <= set(operation["responses"])
        assert all(p["schema"].get("examples") for p in operation["parameters"])


@pytest.mark.parametrize("model", ["DyadOut", "BlocOut", "CommunitiesOut", "ClaimsOut", "FactRefOut"])
def test_http_analysis_examples_are_valid_answers(model):
    from alignkg.app.api import analysis_schemas

    cls = getattr(analysis_schemas, model)
    for example in cls.model_config["json_schema_extra"]["examples"]:
        cls.model_validate(example)


def test_http_analysis_claim_example_is_the_id_of_the_axis_claim():
    from alignkg.app.api.analysis_schemas import ClaimsOut
    from alignkg.graph import Claim

    example = ClaimsOut.model_config["json_schema_extra"]["examples"][0]["claims"][0]
    assert example["id"] == KnowledgeGraph.claim_id(Claim(tuple(example["claimants"]), tuple(example["members"])))


def test_http_analysis_needs_a_key_when_reads_do(fresh_server):
    live = fresh_server(api_keys=[KEY], require_read_key=True)
    with live.client() as client:
        assert_error(client.get("/analysis/bloc", params={"states": AXIS}), 401, "unauthorized")
        assert client.get("/analysis/bloc", params={"states": AXIS}, headers=auth()).status_code == 200
