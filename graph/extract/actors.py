"""Finds every span that names an actor: states, and the non-states that must be refused.

A ``PhraseMatcher`` on lower-cased tokens is fed all the gazetteer's forms
(names, demonyms, seats of power, institutions, officials) and the non-state
names and places; the longest match wins, so "Carnegie Russia Eurasia Center" is
a think tank and "Taiwan Strait" a place, never RUS or TWN. Which state an
official names depends on the article date, so that is left to the mention
builder (:mod:`graph.extract.mentions`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from alignkg.graph.gazetteer import Gazetteer

SPANS_KEY = "alignkg_actors"
STATE_LABEL = "state"
NON_STATE_LABEL = "non_state"
PLACE_LABEL = "place"


class ActorMatcher:
    """spaCy component: puts actor spans in ``doc.spans["alignkg_actors"]``."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = PhraseMatcher(vocab, attr="LOWER")

    def add_gazetteer(self, gazetteer: Gazetteer, nlp: Language) -> None:
        """Add the gazetteer's forms as patterns, tokenized by ``nlp``'s own tokenizer."""
        groups: dict[str, set[str]] = {STATE_LABEL: set(), NON_STATE_LABEL: set(), PLACE_LABEL: set()}
        for alias in gazetteer.iter_aliases():
            groups[STATE_LABEL].add(alias.text)
        for name in gazetteer.non_state:
            groups[PLACE_LABEL if name.kind == "place" else NON_STATE_LABEL].add(name.text)
        for label, texts in groups.items():
            forms = set(texts) | {t[4:] for t in texts if t.lower().startswith("the ")}
            self.matcher.add(label, [nlp.make_doc(form) for form in sorted(forms)])

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["alignkg_actors"]`` to the longest capitalised matches."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            first = doc[start].text
            # Names are capitalised: "china" (porcelain), "us" (pronoun) and "turkey" are not actors.
            if not (first[:1].isupper() or first[:1].isdigit()):
                continue
            spans.append(Span(doc, start, end, label=match_id))
        doc.spans[SPANS_KEY] = filter_spans(spans)
        return doc
