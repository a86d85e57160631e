"""Builds the spaCy pipeline and holds every spaCy registration of alignkg.

The extractor runs the project's own trained pipeline (``data/parser/model``:
tagger, morphologizer and Universal Dependencies parser trained on English EWT,
with spaCy's rule lemmatizer; see :mod:`alignkg.graph.extract.parser_model`), after
a sentence splitter that also breaks at line ends (the parser keeps the sentence
boundaries it is given), then repairs of systematic parser errors
(:mod:`alignkg.graph.extract.repairs`), then the actor matcher. Another trained
pipeline with a UD-labelled parser may replace it by name or path. Registrations
live only in this module so that importing a rule never registers anything twice.
"""

from __future__ import annotations

import logging
from functools import cache

import numpy
import spacy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from alignkg.graph.extract.actors import ActorMatcher
from alignkg.graph.extract.frames import default_lexicon
from alignkg.graph.extract.parser_model import model_path
from alignkg.graph.extract.repairs import repair
from alignkg.graph.gazetteer import Gazetteer

log = logging.getLogger(__name__)

SENTENCE_COMPONENT = "alignkg_sentences"
ACTOR_COMPONENT = "alignkg_actors"
REPAIR_COMPONENT = "alignkg_parse_repair"
LEMMA_COMPONENT = "alignkg_lemma_mend"
#: The closing punctuation of a sentence; quotes and brackets that follow it stay with it.
_SENTENCE_END = frozenset({".", "!", "?", "…", ".\"", "?\""})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})


#: Per token text: (contains a line break, ends a sentence, closes a quote or bracket, is white space).
_FLAGS: dict[int, tuple[bool, bool, bool, bool]] = {}


def _flags(doc: Doc) -> numpy.ndarray:
    """Return a (tokens, 4) boolean array of the token classes the splitter needs, from a cache by hash."""
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    unique, inverse = numpy.unique(orths, return_inverse=True)
    table = numpy.empty((len(unique), 4), dtype=bool)
    for k, key in enumerate(unique.tolist()):
        known = _FLAGS.get(key)
        if known is None:
            text = strings[key]
            known = _FLAGS[key] = ("\n" in text, text in _SENTENCE_END, text in _CLOSERS, text.isspace())
        table[k] = known
    flags: numpy.ndarray = table[inverse.reshape(-1)]
    return flags


def _shift(values: numpy.ndarray) -> numpy.ndarray:
    """Return ``values`` moved one token to the right (what the previous token had)."""
    out = numpy.zeros_like(values)
    out[1:] = values[:-1]
    return out


@Language.component(SENTENCE_COMPONENT, assigns=["token.is_sent_start"])
def split_sentences(doc: Doc) -> Doc:
    """Mark sentence starts after closing punctuation and at every line break (a sentence of its own).

    spaCy's rule sentencizer does not split at newlines, and news text puts
    headlines and datelines on lines of their own without a full stop. The
    starts are computed with array operations and written in one
    ``Doc.from_array`` call: setting ``token.is_sent_start`` one token at a time
    makes spaCy rescan the document on every assignment.
    """
    if not len(doc):
        return doc
    flags = _flags(doc)
    newline, end, space = flags[:, 0], flags[:, 1], flags[:, 3] & ~flags[:, 0]
    # A quote closes the sentence only when attached to it: '. "Iran' opens the next one.
    closer = flags[:, 2] & ~_shift(doc.to_array(SPACY).astype(bool))
    # A sentence is pending after its closing mark and any quotes or spaces that follow it.
    pending = end.copy()
    for _ in range(3):
        pending = end | ((closer | space) & _shift(pending))
    # A line break is a sentence of its own: inside a sentence, the parser (trained on text
    # without such tokens) makes it the root and hangs the real main verb under it.
    starts = newline | _shift(newline) | (_shift(pending) & ~closer & ~space)
    starts[0] = True
    for i in numpy.flatnonzero(starts & ~newline).tolist():
        text_start = _dateline_end(doc, i)
        if text_start is not None:
            starts[text_start] = True
    values = numpy.where(starts, 1, -1).astype("int64").reshape(-1, 1)
    doc.from_array([SENT_START], values.astype("uint64"))  # type: ignore[arg-type]  # spaCy's stub says Ints2d
    return doc


#: The dashes that close a wire dateline ("MOSCOW, March 3 (Reuters) - ").
_DATELINE_DASHES = frozenset({"-", "--", "—", "–"})


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Return where the text starts after a dateline opening the sentence at ``start``, or None.

    "GENEVA, June 3 (Reuters) - Beijing lashed out at ...": a place in capitals,
    then dates, an agency in brackets, and a dash. Parsed with the sentence
    after it, the dateline becomes its root and the sentence's own verb hangs
    under it; split off, it is a line like a headline's. Nothing before the dash
    starts with a small letter, and the text after it starts with a capital.
    """
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) >= 3):
        return None
    for k in range(start + 1, min(start + 14, len(doc) - 1)):
        t = doc[k]
        if t.text in _DATELINE_DASHES:
            return k + 1 if doc[k + 1].text[:1].isupper() or doc[k + 1].text[:1] in "\"“" else None
        if t.text[:1].islower() or "\n" in t.text:
            return None
    return None


@Language.component(REPAIR_COMPONENT, requires=["token.dep", "token.tag"],
                    assigns=["token.dep", "token.head", "token.pos"])
def repair_parse(doc: Doc) -> Doc:
    """Mend systematic errors of the parser (:func:`alignkg.graph.extract.repairs.repair`)."""
    return repair(doc, default_lexicon(), lemma_table())


@cache
def lemma_table() -> LemmaTable:
    """Return the process's lemma table, loaded once: the repairs (run before the lemmatizer) and rules share it."""
    return LemmaTable()


@Language.component(LEMMA_COMPONENT, requires=["token.lemma"], assigns=["token.lemma"])
def mend_lemmas(doc: Doc) -> Doc:
    """Give back the "e" spaCy's rule lemmatizer strips from an inflected verb ("hopes": "hop", "waged": "wag").

    The rules strip "es", "ed" or "ing" and keep the first stem the word index
    knows; for a verb whose stem ends in "e" a shorter verb may be in the index.
    When the lookup table's lemma is that stem with its "e", it is the lemma.
    """
    table = lemma_table()
    for t in doc:
        if t.pos_ in ("VERB", "AUX") and not t.lower_.endswith("e"):
            found = t.lemma_
            if table(t.lower_) == found + "e":
                t.lemma_ = found + "e"
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


#: A hyphen after an abbreviation's full stop: "U.S.-made", "U.K.-led" (spaCy keeps them one token).
_ABBREVIATION_HYPHEN = r"(?<=\.)-(?=[A-Za-z])"


def _split_hyphen_after_abbreviation(nlp: Language) -> None:
    """Make "U.S.-made jets" three tokens, as "Iran-made drones" already are, so the state is matched."""
    infixes = [*(nlp.Defaults.infixes or ()), _ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


#: Clitics and quotes that news sites typeset with curly marks: "Israel’s", "didn’t", “...”.
_CLITICS = ("'s", "'S", "'ll", "'LL", "n't", "N'T", "'re", "'ve", "'d", "'m", "'")
_QUOTE_MARKS = ("“", "”", "„", "«", "»")


def _straighten_curly_forms(nlp: Language) -> None:
    """Give curly clitics and quotes the features of their straight forms.

    The tagger and parser embed a token's norm, prefix, suffix and shape, and
    were trained on text with straight apostrophes: "it’ll supply gas" read
    "supply" as a noun where "it'll supply gas" reads a verb. The text and its
    offsets are untouched; only the features the model sees are the same.
    """
    vocab = nlp.vocab
    pairs = [(f.replace("'", mark), f) for f in _CLITICS for mark in ("’", "‘")]
    pairs += [(mark, '"') for mark in _QUOTE_MARKS]
    for curly, straight in pairs:
        target, source = vocab[curly], vocab[straight]
        target.shape_, target.prefix_, target.suffix_ = source.shape_, source.prefix_, source.suffix_


def build_nlp(gazetteer: Gazetteer, *, model: str | None = None) -> Language:
    """Return the extraction pipeline: sentences, tagger and parser, lemmas, actors.

    Args:
        gazetteer: where actor forms come from.
        model: name or path of a trained spaCy pipeline with a tagger and a
            dependency parser labelled with Universal Dependencies relations;
            ``None`` (the default) uses the pipeline shipped with alignkg (see
            ``data/parser/MODEL_CARD.md``).

    Raises:
        DataError: the shipped pipeline is missing.
    """
    nlp = spacy.load(model or model_path(), exclude=["ner", "senter", "attribute_ruler"])
    _split_hyphen_after_abbreviation(nlp)
    _straighten_curly_forms(nlp)
    nlp.add_pipe(SENTENCE_COMPONENT, first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(REPAIR_COMPONENT, after="parser")
    if "lemmatizer" not in nlp.pipe_names:
        lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
        assert isinstance(lemmatizer, Lemmatizer)
        lemmatizer.initialize(lookups=load_lookups("en", ["lemma_rules", "lemma_exc", "lemma_index"]))
    nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer")
    matcher = nlp.add_pipe(ACTOR_COMPONENT)
    assert isinstance(matcher, ActorMatcher)
    matcher.add_gazetteer(gazetteer, nlp)
    return nlp
