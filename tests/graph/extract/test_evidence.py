import pytest

from alignkg.graph import InvalidArticleError
from alignkg.graph.extract.extractor import MAX_CHARS


def test_evidence_offsets_slice_the_sentence_out_of_the_article(extractor):
    text = "Headline here\n\nFirst, nothing.  Then Iran sold drones to Russia. After that, Japan condemned Russia."
    result = extractor.extract(text, id="art")
    assert result.facts
    for fact in result.facts:
        for ev in fact.evidence:
            assert ev.article_id == "art"
            assert text[ev.start:ev.end] == ev.text
            assert ev.text.strip() == ev.text


def test_evidence_sentences_split_at_line_ends(extractor):
    text = "Israel strikes Iran\nRussia condemned Israel"
    texts = sorted(ev.text for f in extractor.extract(text, id="a").facts for ev in f.evidence)
    assert texts == ["Israel strikes Iran", "Russia condemned Israel"]


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_extract_rejects_empty_text(extractor, text):
    with pytest.raises(InvalidArticleError, match="empty"):
        extractor.extract(text, id="x")


def test_extract_rejects_text_over_the_limit(extractor):
    with pytest.raises(InvalidArticleError, match="limit"):
        extractor.extract("a" * (MAX_CHARS + 1), id="x")


def test_extract_to_dict_has_the_documented_shape(extractor):
    record = extractor.extract("Iran sold drones to Russia.", id="x").to_dict()
    assert set(record) == {"id", "facts", "claims"}
    assert set(record["facts"][0]) >= {"subject", "type", "object", "hedged", "evidence"}
    assert set(record["facts"][0]["evidence"][0]) == {"article_id", "text", "start", "end"}
