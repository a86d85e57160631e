"""The events table: one row per fact as CSV, Parquet and a pandas DataFrame, with PLOVER and CAMEO codes."""

import datetime as dt
import importlib.util
import io

import pandas
import pytest

from alignkg.graph import EdgeType, InvalidInputError
from alignkg.graph.rdf.events import COLUMNS, NAMES, TableFormat

#: How docs/analysis.md tells analysts to read the CSV.
READ_CSV = {"dtype": {c.name: c.dtype for c in COLUMNS if c.dtype in ("string", "int64", "float64", "bool")},
            "parse_dates": [c.name for c in COLUMNS if c.dtype.startswith("datetime")], "keep_default_na": False,
            "na_values": {c.name: [""] for c in COLUMNS if c.dtype.startswith("datetime") or c.name == "url"}}


@pytest.fixture
def events(kg):
    kg.ingest("Iran sold drones to Russia on Tuesday.", id="a1", url="https://www.example.org/a1",
              published=dt.date(2024, 5, 9))
    kg.ingest("Iran sold drones to Russia, the report said.", id="a2", url="https://example.org/a2",
              published=dt.date(2024, 6, 1))
    kg.ingest('Israel struck Iran. "Hello, world", said nobody.', id="a3")
    return kg


def test_events_csv_loads_in_pandas_with_the_documented_columns_and_types(events):
    buffer = io.BytesIO()
    events.export(buffer, format="csv")
    frame = pandas.read_csv(io.BytesIO(buffer.getvalue()), **READ_CSV)
    assert tuple(frame.columns) == NAMES
    kinds = {c.name: "datetime" if frame[c.name].dtype.kind == "M" else str(frame[c.name].dtype) for c in COLUMNS}
    assert kinds == {c.name: "datetime" if c.dtype.startswith("datetime") else c.dtype for c in COLUMNS}
    arms = frame[frame["type"] == "arms_transfer"].iloc[0]
    assert (arms["subject"], arms["object"], arms["articles"], arms["sources"], arms["evidence_count"]) == (
        "IRN", "RUS", 2, 1, 2)
    assert arms["event_date"] == pandas.Timestamp("2024-05-07") and arms["first_seen"] == pandas.Timestamp("2024-05-09")
    assert arms["sentence"] == "Iran sold drones to Russia on Tuesday." and arms["url"] == "https://www.example.org/a1"
    assert (arms["plover"], arms["cameo_root"], arms["cameo_code"], arms["goldstein"]) == ("COOPERATE", "06", "062",
                                                                                          7.4)
    strike = frame[frame["type"] == "military_strike"].iloc[0]
    assert pandas.isna(strike["first_seen"]) and pandas.isna(strike["url"]) and strike["quad_class"] == (
        "material_conflict")


def test_events_frame_has_the_documented_types_and_matches_the_csv(events):
    frame = events.facts_frame()
    assert {c.name: str(frame[c.name].dtype) for c in COLUMNS} == {c.name: c.dtype for c in COLUMNS}
    assert frame["fact_id"].tolist() == [events.fact_id(f) for f in events.facts()]
    assert events.facts_frame(min_sources=2).empty and len(events.facts_frame(type="military_strike")) == 1


def test_events_leave_out_retracted_facts(events):
    (strike,) = events.facts(type="military_strike")
    events.retract_fact(strike, reason="a misreading", by="ana")
    assert events.facts_frame()["type"].tolist() == ["arms_transfer"]


@pytest.mark.parametrize("edge_type", list(EdgeType))
def test_events_every_edge_type_has_plover_cameo_and_goldstein_in_the_ontology(kg, edge_type):
    spec = edge_type.spec
    rows = kg.sparql(f"SELECT ?p ?c ?r ?g WHERE {{ ak:{spec.rdf_class} ak:ploverType ?p ; ak:cameoCode ?c ; "
                     "ak:cameoRoot ?r ; ak:goldstein ?g }").rows
    assert rows == [{"p": spec.event.plover, "c": spec.event.cameo, "r": spec.event.cameo_root,
                     "g": spec.event.goldstein}]
    assert 1 <= int(spec.event.cameo_root) <= 20 and -10 <= spec.event.goldstein <= 10
    assert (spec.event.goldstein > 0) == (spec.quad_class.value in ("verbal_cooperation", "material_cooperation"))


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="pyarrow is not installed")
def test_events_parquet_round_trips(events, tmp_path):
    path = tmp_path / "events.parquet"
    events.export(path)
    assert pandas.read_parquet(path).equals(events.facts_frame())


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is not None, reason="pyarrow is installed")
def test_events_parquet_without_pyarrow_is_a_clear_error(events, tmp_path):
    with pytest.raises(InvalidInputError, match="needs pyarrow"):
        events.export(tmp_path / "events.parquet")


def test_events_table_formats():
    assert TableFormat.lookup("text/csv") is TableFormat.CSV and TableFormat.lookup("turtle") is None
