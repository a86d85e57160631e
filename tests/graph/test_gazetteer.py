import datetime as dt

import pytest

from alignkg.graph import UnknownStateError
from alignkg.graph.gazetteer import _un_members


def test_gazetteer_has_every_un_member_and_the_four_other_states(gazetteer):
    members = set(_un_members())
    assert len(members) == 193
    assert members <= set(gazetteer.states)
    assert {"PSE", "VAT", "TWN", "XKX"} <= set(gazetteer.states)
    assert len(gazetteer.states) == 197


def test_gazetteer_every_state_has_a_wikidata_id(gazetteer):
    bad = [c for c, s in gazetteer.states.items() if not (s.wikidata or "").startswith("Q")
           or not s.wikidata[1:].isdigit()]
    assert bad == []
    assert len({s.wikidata for s in gazetteer.states.values()}) == len(gazetteer.states)


@pytest.mark.parametrize("word", ["And", "Can", "Are", "Per"])
def test_gazetteer_capitalised_words_are_not_codes(gazetteer, word):
    assert gazetteer.lookup(word) is None
    assert gazetteer.state("RUS").wikidata == "Q159"
    assert gazetteer.state("IRN").wikidata == "Q794"


def test_gazetteer_iso_data_comes_from_the_library(gazetteer):
    iran = gazetteer.state("IRN")
    assert (iran.alpha2, iran.numeric) == ("IR", "364")
    assert gazetteer.state("XKX").name == "Kosovo"


@pytest.mark.parametrize("form,code", [
    ("the U.S.", "USA"), ("America", "USA"), ("the UK", "GBR"), ("Britain", "GBR"), ("North Korea", "PRK"),
    ("DPRK", "PRK"), ("Israeli", "ISR"), ("Iranian", "IRN"), ("Russian", "RUS"), ("Moscow", "RUS"),
    ("the Kremlin", "RUS"), ("Beijing", "CHN"), ("Tehran", "IRN"), ("Washington", "USA"),
    ("the White House", "USA"), ("Pyongyang", "PRK"), ("the Pentagon", "USA"), ("Downing Street", "GBR"),
    ("Putin", "RUS"), ("Xi Jinping", "CHN"), ("Khamenei", "IRN"), ("Lavrov", "RUS"), ("Taiwan", "TWN"),
    ("Kosovo", "XKX"), ("Palestine", "PSE"), ("Holy See", "VAT"), ("IRN", "IRN"),
])
def test_gazetteer_resolves_the_forms_of_the_guide(gazetteer, form, code):
    assert gazetteer.resolve(form) == code


def test_gazetteer_resolves_leaders_only_within_their_terms(gazetteer):
    assert gazetteer.lookup("Biden", on=dt.date(2023, 5, 1)) == "USA"
    assert gazetteer.lookup("Biden", on=dt.date(2005, 5, 1)) is None
    assert gazetteer.lookup("Biden") == "USA"


@pytest.mark.parametrize("name,code,inside,outside", [
    ("Tebboune", "DZA", dt.date(2023, 5, 1), dt.date(2015, 5, 1)),
    ("Fayez al-Sarraj", "LBY", dt.date(2019, 4, 10), dt.date(2022, 1, 1)),
    ("Ruto", "KEN", dt.date(2024, 3, 1), dt.date(2010, 1, 1)),
    ("Petro", "COL", dt.date(2023, 5, 1), dt.date(2019, 1, 1)),
    ("Mitsotakis", "GRC", dt.date(2024, 1, 1), dt.date(2016, 1, 1)),
    ("Dbeibah", "LBY", dt.date(2023, 9, 1), dt.date(2019, 1, 1)),
])
def test_gazetteer_resolves_added_leaders_only_within_their_terms(gazetteer, name, code, inside, outside):
    assert gazetteer.lookup(name, on=inside) == code
    assert gazetteer.lookup(name, on=outside) is None


def test_gazetteer_forms_belong_to_one_state_and_officials_are_not_other_names(gazetteer):
    from alignkg.graph.gazetteer import AliasKind, _norm
    codes: dict[str, set[str]] = {}
    for alias in gazetteer.iter_aliases():
        codes.setdefault(_norm(alias.text), set()).add(alias.code)
    # One demonym is listed under two states by design: the article decides which (mentions).
    assert {text: c for text, c in codes.items() if len(c) > 1} == {"congolese": {"COD", "COG"}}
    assert gazetteer.lookup("Congolese") is None
    # "Congo" alone is the DRC in wire copy; ISO's name for the Republic of the Congo is dropped.
    assert (gazetteer.lookup("Congo"), gazetteer.lookup("Republic of Congo")) == ("COD", "COG")
    forms = {_norm(a.text) for a in gazetteer.iter_aliases() if a.kind != AliasKind.OFFICIAL}
    non_state = {_norm(n.text) for n in gazetteer.non_state}
    officials = {_norm(a.text) for a in gazetteer.iter_aliases([AliasKind.OFFICIAL])}
    assert officials & forms == set()
    assert officials & non_state == set()


def test_gazetteer_rival_libyan_bodies_are_not_the_state(gazetteer):
    assert gazetteer.lookup("Libyan National Army") is None
    assert gazetteer.non_state_kind("Libyan National Army") == "armed_group"
    assert gazetteer.lookup("Government of National Accord") == "LBY"


@pytest.mark.parametrize("name", ["Hezbollah", "Houthis", "Hamas", "NATO", "European Union"])
def test_gazetteer_knows_non_state_actors(gazetteer, name):
    assert gazetteer.non_state_kind(name) is not None
    assert gazetteer.lookup(name) is None


def test_gazetteer_unknown_state_error_suggests_close_names(gazetteer):
    with pytest.raises(UnknownStateError) as info:
        gazetteer.resolve("Iram")
    assert any(s.startswith("IRN") for s in info.value.suggestions)
    assert "Iram" in str(info.value)
