"""The extractor's entry points agree: one article, a batch, and a parse made by the caller."""

import pytest

from alignkg.graph.errors import InvalidArticleError
from tests.conftest import SEED_TEXT


def test_extract_parsed_equals_extract_on_the_same_text(extractor):
    whole = extractor.extract(SEED_TEXT, id="seed")
    parsed = extractor.extract_parsed(extractor.nlp(SEED_TEXT), id="seed")
    assert parsed == whole
    assert parsed.facts  # the seed article is not empty: the comparison compares something


def test_extract_many_equals_extract_per_article(extractor):
    texts = {"a": SEED_TEXT, "b": "Iran sold drones to Russia. France condemned Iran."}
    batch = list(extractor.extract_many((id_, text, None) for id_, text in texts.items()))
    assert batch == [extractor.extract(text, id=id_) for id_, text in texts.items()]


def test_extract_parsed_refuses_an_empty_article(extractor):
    with pytest.raises(InvalidArticleError, match="empty"):
        extractor.extract_parsed(extractor.nlp("   "), id="blank")


def test_a_line_break_is_a_sentence_of_its_own_and_leaves_the_verb_the_root(extractor):
    """The parser, trained without line-break tokens, made one the root of the sentence before it."""
    doc = extractor.nlp("Russia signed a treaty with Belarus.\nIran sold drones to Russia.\n")
    sentences = [s for s in doc.sents if s.text.strip()]
    assert [s.root.text for s in sentences] == ["signed", "sold"]
    assert all(s.text.isspace() for s in doc.sents if "\n" in s.text)
