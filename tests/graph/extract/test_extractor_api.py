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
