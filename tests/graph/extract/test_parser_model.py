"""The shipped tagger and parser: packaging, scoring, and the model card's figures reproduced.

The figures test reads Universal Dependencies English EWT from ../shared/ud (CC BY-SA 4.0,
never copied into the repository) and skips where it is absent.
"""

import json
import re
from pathlib import Path

import pytest

from alignkg.graph.extract import parser_model
from alignkg.graph.resources import data_path

REPO = Path(__file__).resolve().parents[3]
EWT_TEST = REPO.parent / "shared" / "ud" / "en_ewt" / "en_ewt-ud-test.conllu"
CARD = data_path("parser", "MODEL_CARD.md")

TINY = """# sent_id = t1
# text = Iran sold drones to Russia.
1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tsold\tsell\tVERB\tVBD\t_\t0\troot\t_\t_
3\tdrones\tdrone\tNOUN\tNNS\t_\t2\tobj\t_\t_
4\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_
5\tRussia\tRussia\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def _card_figure(name: str) -> float:
    match = re.search(rf"^\| {re.escape(name)} \| ([0-9.]+) \|", CARD.read_text(encoding="utf-8"), re.M)
    assert match, f"the model card has no row {name!r}"
    return float(match.group(1))


def test_parser_model_ships_with_its_card_and_licence():
    meta = json.loads((parser_model.model_path() / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0"
    card = CARD.read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in card and "data/parser/train.sh" in card


def test_parser_model_reads_conllu_words_and_spacing(tmp_path):
    path = tmp_path / "tiny.conllu"
    path.write_text(TINY, encoding="utf-8")
    (sentence,) = list(parser_model.read_conllu(path))
    assert [t.form for t in sentence] == ["Iran", "sold", "drones", "to", "Russia", "."]
    assert [t.head for t in sentence] == [2, 0, 2, 5, 2, 2]
    assert sentence[4].space is False


def test_parser_model_scores_a_sentence_it_parses(tmp_path):
    path = tmp_path / "tiny.conllu"
    path.write_text(TINY, encoding="utf-8")
    scores = parser_model.score(parser_model.model_path(), path)
    assert scores.tokens == 6
    assert 0.0 <= scores.las <= scores.uas <= 1.0
    assert scores.upos >= 5 / 6  # a plain news sentence: at most one tag wrong


@pytest.mark.skipif(not EWT_TEST.is_file(), reason=f"{EWT_TEST} is not present (UD EWT lives outside the repository)")
def test_parser_model_card_figures_are_reproduced_on_ewt_test():
    scores = parser_model.score(parser_model.model_path(), EWT_TEST)
    assert scores.uas >= 0.85 and scores.las >= 0.80
    assert scores.uas == pytest.approx(_card_figure("UAS"), abs=5e-4)
    assert scores.las == pytest.approx(_card_figure("LAS"), abs=5e-4)
    assert scores.upos == pytest.approx(_card_figure("UPOS accuracy"), abs=5e-4)
    assert scores.xpos == pytest.approx(_card_figure("XPOS accuracy"), abs=5e-4)
