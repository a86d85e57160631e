"""Bundled files are found through importlib.resources, under the alignkg package."""

import pytest

from alignkg.graph import DataError, resources


def test_resources_data_path_names_files_inside_the_alignkg_package():
    path = resources.data_path("gazetteer", "states.toml")
    assert path.is_file()
    assert path.parent.parent.parent.name == "alignkg"  # .../alignkg/data/gazetteer/states.toml


def test_resources_grammar_text_is_the_pattern_grammar():
    assert "%import common.WS" in resources.grammar_text()


def test_resources_missing_data_and_grammar_raise_data_error(monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "_package_dir", lambda: tmp_path)
    with pytest.raises(DataError, match="bundled data folder is missing"):
        resources.data_dir()
    with pytest.raises(DataError, match="cannot read the query grammar"):
        resources.grammar_text()
