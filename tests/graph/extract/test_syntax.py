"""The part of speech the relations show (``effective_pos``), on parses written out by hand."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from alignkg.graph.extract.syntax import effective_pos


def _doc(words, pos, deps, heads):
    return Doc(Vocab(), words=words, pos=pos, deps=deps, heads=heads)


@pytest.mark.parametrize("pos,expected", [("ADJ", "NOUN"), ("NOUN", "NOUN")])
def test_syntax_an_adjective_with_a_determiner_as_an_oblique_is_a_noun(pos, expected):
    # "sanctions against the aggressor", "aggressor" tagged an adjective
    doc = _doc(["sanctions", "against", "the", "aggressor"], ["NOUN", "ADP", "DET", pos],
               ["ROOT", "case", "det", "nmod"], [0, 3, 3, 0])
    assert effective_pos(doc[3]) == expected


def test_syntax_an_adjective_modifier_stays_an_adjective():
    doc = _doc(["a", "reckless", "move"], ["DET", "NOUN", "NOUN"], ["det", "amod", "ROOT"], [2, 2, 2])
    assert effective_pos(doc[1]) == "ADJ"


def test_syntax_a_noun_with_a_subject_and_no_copula_is_a_verb():
    doc = _doc(["Iran", "supplying", "drones"], ["PROPN", "NOUN", "NOUN"], ["nsubj", "ROOT", "obj"], [1, 1, 1])
    assert effective_pos(doc[1]) == "VERB"


def test_syntax_a_verb_with_a_possessor_in_a_noun_phrase_is_a_noun():
    # "Japan's export curbs triggered ...", "curbs" tagged a verb
    doc = _doc(["Japan", "'s", "curbs", "triggered", "boycotts"], ["PROPN", "PART", "VERB", "VERB", "NOUN"],
               ["nmod:poss", "case", "nsubj", "ROOT", "obj"], [2, 0, 3, 3, 3])
    assert effective_pos(doc[2]) == "NOUN"
    assert effective_pos(doc[3]) == "VERB"


@pytest.mark.parametrize("word,lemma", [("hopes", "hope"), ("waged", "wage"), ("rated", "rate"), ("hopped", "hop")])
def test_pipeline_gives_back_the_e_the_rule_lemmatizer_strips(extractor, word, lemma):
    # spaCy's rule lemmatizer reads "hopes" as "hop": a verb of planning lost to the modality rules.
    doc = extractor.nlp(f"They {word} it.")
    assert doc[1].lemma_ == lemma


def test_climb_stops_at_the_root_and_in_a_cycle_the_repairs_may_leave():
    from alignkg.graph.extract.syntax import climb
    doc = Doc(Vocab(), words=["a", "b", "c"], deps=["ROOT", "dep", "dep"], heads=[0, 0, 1])
    assert climb(doc[2], lambda t: True).i == 0
    doc[0].head = doc[2]  # spaCy allows a cycle
    assert climb(doc[2], lambda t: True).i in (0, 1, 2)


def test_extractor_ends_on_a_participle_after_a_comma_in_a_sentence_without_a_verb(extractor):
    # Climbing to the clause's verb once spun for ever when the root was a noun (a token's head is a
    # new Token object on each access, so "head is token" never held).
    assert extractor.extract("A new pipeline deal with Russia, buying more oil.", id="t").facts == ()
