"""Builds the spaCy pipeline and holds every spaCy registration of alignkg.

The extractor runs on ``spacy.blank("en")`` with spaCy's English lemma lookup
table (from spacy-lookups-data), a sentence splitter that also breaks at line ends, and
the actor matcher. A trained English pipeline is used for its tokenizer when one
is installed and asked for, but nothing here requires one. Registrations live
only in this module so that importing a rule never registers anything twice.
"""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.tokens import Doc

from graph.extract.actors import ActorMatcher
from graph.gazetteer import Gazetteer

log = logging.getLogger(__name__)

SENTENCE_COMPONENT = "alignkg_sentences"
ACTOR_COMPONENT = "alignkg_actors"
#: The closing punctuation of a sentence; quotes and brackets that follow it stay with it.
_SENTENCE_END = frozenset({".", "!", "?", "…", ".\"", "?\""})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})


@Language.component(SENTENCE_COMPONENT, assigns=["token.is_sent_start"])
def split_sentences(doc: Doc) -> Doc:
    """Mark sentence starts after closing punctuation and at every line break.

    spaCy's rule sentencizer does not split at newlines, and news text puts
    headlines and datelines on lines of their own without a full stop.
    """
    end_pending = False
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        starts = False
        if "\n" in doc[i - 1].text:
            starts = True
        elif end_pending and token.text not in _CLOSERS:
            starts = not token.is_space
        token.is_sent_start = starts
        if token.is_space and "\n" not in token.text:
            continue
        end_pending = token.text in _SENTENCE_END or (end_pending and token.text in _CLOSERS)
    return doc


@Language.factory(ACTOR_COMPONENT, assigns=["doc.spans"], requires=["token.is_sent_start"])
def make_actor_matcher(nlp: Language, name: str) -> ActorMatcher:
    """Create the actor matcher; the gazetteer is attached by :func:`build_nlp`."""
    return ActorMatcher(nlp.vocab)


class LemmaTable:
    """spaCy's English lemma lookup table (from spacy-lookups-data), applied to lower-cased words.

    The rules compare lemmas of lower-cased words; spaCy's lookup lemmatizer
    looks up the cased form and would miss "Drones" at the start of a sentence.
    Lookups are memoised: news reuses a small vocabulary.
    """

    def __init__(self) -> None:
        self._table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        self._memo: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        """Return the lemma of the lower-cased ``word`` (the word itself when unknown)."""
        lemma = self._memo.get(word)
        if lemma is None:
            lemma = str(self._table.get(word, word)).lower()
            self._memo[word] = lemma
        return lemma


def build_nlp(gazetteer: Gazetteer, *, model: str | None = None) -> Language:
    """Return the extraction pipeline.

    Args:
        gazetteer: where actor forms come from.
        model: name of an installed trained English pipeline whose tokenizer to
            use; ``None`` (the default) uses the blank English pipeline.
    """
    if model is None:
        nlp = spacy.blank("en")
    else:
        nlp = spacy.load(model, exclude=["ner", "parser", "senter", "tagger", "attribute_ruler"])
        log.info("using the tokenizer of the trained pipeline %s", model)
    for name in ("lemmatizer", "tok2vec"):
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    nlp.add_pipe(SENTENCE_COMPONENT)
    matcher = nlp.add_pipe(ACTOR_COMPONENT)
    nlp.initialize()
    assert isinstance(matcher, ActorMatcher)
    matcher.add_gazetteer(gazetteer, nlp)
    return nlp
