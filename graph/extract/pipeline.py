"""Builds the spaCy pipeline and holds every spaCy registration of alignkg.

The extractor runs the project's own trained pipeline (``data/parser/model``:
tagger, morphologizer and Universal Dependencies parser trained on English EWT,
with spaCy's rule lemmatizer; see :mod:`alignkg.graph.extract.parser_model`), after a
sentence splitter that also breaks at line ends (the parser keeps the sentence
boundaries it is given), repairs of systematic parser errors, and then the
actor matcher. Another trained pipeline
with a UD-labelled parser may replace it by name or path. Registrations live
only in this module so that importing a rule never registers anything twice.
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
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from alignkg.graph.extract.actors import ActorMatcher
from alignkg.graph.extract.frames import Lexicon, default_lexicon
from alignkg.graph.extract.parser_model import model_path
from alignkg.graph.gazetteer import Gazetteer

log = logging.getLogger(__name__)

SENTENCE_COMPONENT = "alignkg_sentences"
ACTOR_COMPONENT = "alignkg_actors"
REPAIR_COMPONENT = "alignkg_parse_repair"
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
    values = numpy.where(starts, 1, -1).astype("int64").reshape(-1, 1)
    doc.from_array([SENT_START], values.astype("uint64"))  # type: ignore[arg-type]  # spaCy's stub says Ints2d
    return doc


@Language.component(REPAIR_COMPONENT, requires=["token.dep", "token.tag"],
                    assigns=["token.dep", "token.head", "token.pos"])
def repair_parse(doc: Doc) -> Doc:
    """Mend systematic errors of the parser: a sentence read as a noun phrase, a verb read as a noun.

    Trained on web text, the parser reads "Turkey voiced support for
    Azerbaijan" and "Brazil expressed concern" as one noun phrase ("voiced" an
    adjective of "support") although its own tagger calls the verb a past
    tense (or its morphologizer a verb). When a sentence's root is a noun with such a verb before it, a name
    before the verb, and no determiner between them, the verb becomes the root,
    the name its subject and the noun its object. Hyphenated forms ("Iran-backed
    militias", "US-led coalition") are left alone.
    """
    for root in [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")]:
        verbs = [c for c in root.children if c.dep_ in ("amod", "compound") and (c.tag_ in ("VBD", "VBN")
                                                                                 or c.pos_ == "VERB")
                 and c.i > 0 and doc[c.i - 1].text not in ("-", "–")]
        if len(verbs) != 1:
            continue
        verb = verbs[0]
        # The name may hang on the root or already on the verb ("Washington imposed sanctions").
        before = [c for c in (*root.children, *verb.children) if c.i < verb.i]
        names = [c for c in before if c.pos_ in ("PROPN", "NOUN", "PRON") and c.dep_ not in ("det", "advmod")]
        if not names or any(c.dep_ == "det" and c.i > names[-1].i for c in before):
            continue
        subject = names[-1]
        verb.head, verb.dep_ = verb, "ROOT"
        for c in before:
            if c is not subject and c is not verb:
                c.head = subject  # "The Kremlin expressed concern": "The" goes with "Kremlin"
        subject.head, subject.dep_ = verb, "nsubj"
        root.head, root.dep_ = verb, "obj"
    for root in [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN", "VERB")]:
        _verb_read_as_noun(root)
    for root in [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")]:
        _clause_read_as_relative(root)
    for root in [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")]:
        _past_tense_read_as_adjective(root)
    for t in doc:
        if t.lower_ in _COMPARATIVES:
            _quantity_read_as_oblique(t)
        elif t.dep_ == "nsubj:pass":
            _passive_without_auxiliary(t)
        if t.dep_.startswith("nsubj"):
            _source_read_as_subject(t)
    for t in doc:
        if t.pos_ == "NOUN":
            _verb_with_a_subject(t)
        elif t.pos_ == "VERB":
            _noun_after_a_preposition(t)
    for t in doc:
        if t.dep_ == "acl:relcl":
            _contact_clause_attachment(t)
    lexicon = default_lexicon()
    for t in doc:
        if t.pos_ != "VERB" and t.is_lower and t.text.isalpha() and t.lower_.endswith("s") and t.i > 0:
            _present_transfer_read_as_noun(t, lexicon)
        elif t.pos_ == "VERB" and _lemma_table()(t.lower_) in lexicon.words("judging_verbs"):
            _predicate_read_as_object(t)
    return doc


#: Comparatives that with "than" quantify a noun ("more than 30,000 soldiers").
_COMPARATIVES = frozenset({"more", "less", "fewer"})


def _quantity_read_as_oblique(more: Token) -> None:
    """ "trained more than 30,000 Ukrainian soldiers" read with "soldiers" an oblique of "more".

    "More than" only quantifies the noun after it: the noun takes the place
    "more" held (the verb's object), and "more" becomes its modifier.
    """
    nouns = [c for c in more.children if c.dep_ in ("obl", "nmod") and c.i > more.i and c.pos_ in ("NOUN", "PROPN")
             and any(g.dep_ == "case" and g.lower_ == "than" for g in c.children)]
    if len(nouns) != 1 or more.head.i == more.i or more.head.pos_ not in ("VERB", "AUX"):
        return
    noun = nouns[0]
    noun.head, noun.dep_ = more.head, "obj" if more.dep_ in ("advmod", "obj", "amod") else more.dep_
    for c in list(more.children):
        if c.i != noun.i:
            c.head = noun
    more.head, more.dep_ = noun, "advmod"


def _source_read_as_subject(subject: Token) -> None:
    """ "According to the Pentagon, North Korea has shipped ..." read with "the Pentagon" the subject.

    A phrase under "according to" names where a report comes from, never who
    acts: it is an oblique, and a name the parser coordinated with it after
    the comma is the subject.
    """
    if not any(c.dep_ == "case" and c.lower_ == "according" for c in subject.children):
        return
    verb, dep = subject.head, subject.dep_
    subject.dep_ = "obl"
    for c in list(subject.children):
        if c.dep_.startswith("aux"):
            c.head = verb  # "has" hung on the phrase belongs to the verb
    for c in list(subject.children):
        if c.dep_ == "conj":
            c.head, c.dep_ = verb, dep
            break


def _passive_without_auxiliary(subject: Token) -> None:
    """ "Iraq resumed oil exports to Jordan" read with "Iraq" a passive subject.

    A clause is passive only with a passive auxiliary ("was resumed"); a
    past form with no auxiliary that is the sentence's root, or has an object
    of its own, is an active past tense, and its subject the agent.
    """
    verb = subject.head
    if verb.tag_ not in ("VBD", "VBN") or (verb.tag_ == "VBN" and verb.dep_ != "ROOT"):
        return  # a participle below the root may be a reduced relative ("the oil exports resumed by Iraq")
    deps = {c.dep_ for c in verb.children}
    if "obl:agent" in deps:
        return  # "Drones supplied by Iran to Russia": a headline's passive, its agent named
    if not any(d.startswith("aux") for d in deps) and (verb.dep_ == "ROOT" or "obj" in deps):
        subject.dep_ = "nsubj"
        verb.tag_ = "VBD"


def _noun_after_a_preposition(t: Token) -> None:
    """ "9% of Japan's LNG imports" read with a finite verb "imports" whose subject is "LNG".

    A finite verb never follows a preposition of its own: the word is a noun
    (as the tagger may already say while the morphologizer does not), and its
    "subject" a modifier.
    """
    if t.tag_ not in ("VBZ", "VBP", "VBD", "NNS", "NN") or t.dep_ not in ("nmod", "obl") or not any(
            c.dep_ == "case" and c.i < t.i for c in t.children):
        return
    t.pos_, t.tag_ = "NOUN", "NNS" if t.lower_.endswith("s") else "NN"
    for c in t.children:
        if c.dep_ == "nsubj":
            c.dep_ = "compound"


def _contact_clause_attachment(verb: Token) -> None:
    """ "a plan to reduce reliance on gas it imports from Russia" read with "it imports" on "plan".

    A relative clause without a relative word ("the gas it imports") follows
    the noun it modifies at once: its subject comes right after that noun. The
    parser may hang it on a noun further up; it belongs to the noun just before it.
    """
    doc = verb.doc
    if any(c.tag_ in ("WDT", "WP", "WP$", "WRB") or (c.dep_ == "mark" and c.lower_ == "that") for c in verb.children):
        return
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < verb.i]
    if len(subjects) != 1 or subjects[0].left_edge.i == 0:
        return
    noun = doc[subjects[0].left_edge.i - 1]
    head = verb.head
    if noun.i == head.i or noun.pos_ not in ("NOUN", "PROPN") or not head.i < noun.i < verb.i:
        return
    if noun not in list(head.subtree) or noun in list(verb.subtree):
        return
    verb.head = noun


def _present_transfer_read_as_noun(word: Token, lexicon: Lexicon) -> None:
    """ "Brazil sells beef to China", "Vietnam exports rice": a present verb of trade read as a noun.

    Trained on web text, the parser seldom sees a name, a present-tense verb of
    transfer and a commodity in a row, and reads "sells beef" as a noun
    phrase ("Germany buys gas": "gas" its verb). A word right after a name
    whose stem is a transfer verb of the lexicon, followed by a phrase of
    goods (words of the lexicon's commodity classes) that holds the sentence's
    root, is the verb: the name its subject, the goods its object. "US arms
    sales" stays a noun phrase: "sales" is no commodity.
    """
    name = word.doc[word.i - 1]
    named = name.pos_ == "PROPN" or (name.pos_ == "NOUN" and name.is_title)
    if not named or not set(_stems(word.lower_)) & lexicon.transfer_verbs:
        return
    goods = _goods_after(word, lexicon)
    root = word.sent.root
    if not goods or not word.i <= root.i <= goods[-1].i:
        return  # the sentence has a verb of its own: not this misreading
    while name.dep_ in ("flat", "compound") and name.head.pos_ == "PROPN" and name.i < name.head.i < word.i:
        name = name.head
    head = goods[-1]
    word.head, word.dep_, word.pos_, word.tag_ = word, "ROOT", "VERB", "VBZ"
    for t in (name, head, root):
        if t.i != word.i:
            t.head = word
    name.dep_, head.dep_ = "nsubj", "obj"
    head.pos_ = "NOUN" if head.pos_ == "VERB" else head.pos_
    for t in goods[:-1]:
        t.head, t.dep_ = head, _MODIFIER_DEPS.get(t.pos_, "compound")


def _predicate_read_as_object(verb: Token) -> None:
    """ "branded the Lithuanian blockade illegal" read with "illegal" the object, "blockade" its compound.

    A verb that says what its object is takes the object and a predicate after
    it. An adjective the parser made the object's head is that predicate, and
    the noun before it the object; a bare noun phrase after the object
    ("called the report a smear") is the predicate too, not an oblique.
    """
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i]
    if len(objects) != 1:
        return
    obj = objects[0]
    nouns = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i and c.pos_ in ("NOUN", "PROPN")]
    if obj.tag_ == "JJ" and nouns:
        noun = nouns[-1]
        for c in list(obj.children):
            if c.i < noun.i:
                c.head = noun
        noun.head, noun.dep_ = verb, "obj"
        obj.dep_, obj.pos_ = "xcomp", "ADJ"
        obj.head = verb
        return
    for c in verb.children:
        if c.dep_ in ("obl:unmarked", "obl:npmod", "dep") and c.i > obj.i and c.pos_ == "NOUN" and not any(
                g.dep_ == "case" for g in c.children):
            c.dep_ = "xcomp"


@cache
def _lemma_table() -> LemmaTable:
    """The context-free lemma table of the repairs (the lemmatizer runs after them)."""
    return LemmaTable()


#: How a word before the head of a noun phrase hangs on it.
_MODIFIER_DEPS = {"ADJ": "amod", "DET": "det", "NUM": "nummod"}


def _stems(word: str) -> tuple[str, ...]:
    """The verbs a third-person present form may come from ("supplies": supply; "ships": ship)."""
    stems = [word[:-1]]
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    if word.endswith("es"):
        stems.append(word[:-2])
    return tuple(stems)


def _goods_after(word: Token, lexicon: Lexicon) -> list[Token]:
    """The phrase of goods right after ``word`` ("iron ore and beef": "iron ore"), or nothing.

    The phrase is the run of nominal words after ``word`` (its last word its
    head); it must hold a commodity. Lemmas come later in the pipeline: a plural
    is its own word or its stems ("weapons", "supplies").
    """
    run: list[Token] = []
    for t in word.doc[word.i + 1:word.sent.end]:
        if t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "DET", "VERB") or t.is_punct or len(run) == 4:
            break
        run.append(t)
    return run if any({t.lower_, *_stems(t.lower_)} & lexicon.commodities for t in run) else []


def _verb_with_a_subject(t: Token) -> None:
    """ "Russia and China vetoed a resolution": a word the tagger called a noun, with a subject.

    Only a verb or a predicate with a copula takes a subject or an auxiliary;
    without a copula the word is a verb, and its tag follows its ending so that
    the lemmatizer reads "vetoed" as "veto".
    """
    deps = {c.dep_ for c in t.children}
    if not deps & {"nsubj", "aux"} or deps & {"cop", "det", "nmod:poss"} or not t.text.isalpha() or not t.is_lower:
        return
    # "China has lent Caracas $60 billion": an auxiliary makes it a verb; the subject may hang on it.
    for aux in [c for c in t.children if c.dep_ == "aux"]:
        for c in list(aux.children):
            if c.dep_ == "nsubj":
                c.head = t
    t.pos_ = "VERB"
    t.tag_ = next((tag for end, tag in _VERB_ENDINGS if t.lower_.endswith(end)), "VBP")


#: The tag a verb's ending gives ("vetoed": past tense).
_VERB_ENDINGS = (("ed", "VBD"), ("ing", "VBG"), ("s", "VBZ"))


def _verb_read_as_noun(root: Token) -> None:
    """ "Ukraine shot down a Russian jet" read as a noun "shot" with a compound "Ukraine".

    A root noun with an object or a particle is a verb; a name compounded
    before it is its subject. So is a name compounded before a root verb that
    has no subject ("The United States shares intelligence").
    """
    deps = {c.dep_ for c in root.children}
    # "Russia accounts for 9% of Japan's imports": a verb's ending with a phrase of its own.
    phrase = any(c.dep_ in ("obl", "nmod") and c.i > root.i and any(g.dep_ == "case" for g in c.children)
                 for c in root.children)
    inflected = phrase and root.is_lower and root.text.isalpha() and root.lower_.endswith(("s", "ed"))
    if not deps & {"obj", "compound:prt"} and root.pos_ != "VERB" and not inflected:
        return
    names = [c for c in root.children if c.dep_ == "compound" and c.i < root.i
             and (c.pos_ == "PROPN" or (inflected and c.is_title))]
    # A determiner on a verb belongs to the name ("The United States shares").
    blocking = ("nsubj", "nmod:poss") if root.pos_ == "VERB" else ("nsubj", "det", "nmod:poss")
    if len(names) != 1 or any(c.dep_ in blocking for c in root.children):
        return
    root.pos_ = "VERB"
    names[0].dep_ = "nsubj"
    for c in root.children:
        if c.dep_ == "det" and c.i < names[0].i:
            c.head = names[0]
    if inflected:
        root.tag_ = "VBD" if root.lower_.endswith("ed") else "VBZ"  # so that it lemmatizes as a verb


def _past_tense_read_as_adjective(root: Token) -> None:
    """ "Turkey and Azerbaijan signed agreements" read as the names with an appositive "signed agreements".

    A past form modifying a noun that hangs on a root name, right after the names, in a
    sentence with no verb, is the verb: the names its subject, the noun its object.
    """
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in root.sent):
        return
    verbs = [t for t in root.sent if t.dep_ == "amod" and t.tag_ in ("VBD", "VBN") and t.i > root.i
             and t.head.pos_ in ("NOUN", "PROPN") and t.head.head.i == root.i and t.head.i != root.i]
    if len(verbs) != 1:
        return
    verb, noun = verbs[0], verbs[0].head
    # Only the names themselves come before it ("Turkey and Azerbaijan"): a participle between a
    # name and a noun would need a possessive ("Turkey's signed agreements").
    names = {t.i for t in root.subtree} - {t.i for t in noun.subtree}
    if any(k not in names or root.doc[k].tag_ == "POS" for k in range(root.left_edge.i, verb.i)):
        return
    for c in list(root.children):
        if c.i > verb.i and c.i != noun.i:
            c.head = verb
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    root.head, root.dep_ = verb, "nsubj"
    noun.head, noun.dep_ = verb, "obj"


def _clause_read_as_relative(root: Token) -> None:
    """ "Israeli jets struck targets in Lebanon" read as "jets (that were) struck".

    A reduced relative clause is passive and takes no object; a participle
    after the root noun that has an object or a particle ("the minister lashed
    out at Spain") is the sentence's verb, and the noun its subject.
    """
    participles = [c for c in root.children if c.dep_ == "acl" and c.i > root.i and c.tag_ in ("VBN", "VBD")
                   and not any(g.dep_.startswith("nsubj") for g in c.children)]
    # "Tanks supplied by Poland arrived in Ukraine": after a reduced relative with its agent, a
    # second participle without one is the sentence's verb.
    verbs = [c for k, c in enumerate(participles) if any(g.dep_ in ("obj", "compound:prt") for g in c.children)
             or (k > 0 and _has_agent(participles[k - 1]) and not _has_agent(c) and c.tag_ == "VBD")]
    if len(verbs) != 1:
        return
    verb = verbs[0]
    for c in list(root.children):
        if c.i > verb.i:
            c.head = verb
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    root.head, root.dep_ = verb, "nsubj"


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "obl:agent" for c in verb.children)


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
    matcher = nlp.add_pipe(ACTOR_COMPONENT)
    assert isinstance(matcher, ActorMatcher)
    matcher.add_gazetteer(gazetteer, nlp)
    return nlp
