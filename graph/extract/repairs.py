"""Mends systematic errors of the parser before the rules read its trees.

The project's parser is trained on web text (English EWT) and misreads some
constructions that news uses often: a sentence read as one noun phrase
("Turkey voiced support for Azerbaijan"), a verb read as a noun ("Brazil sells
beef to China"), a passive without its auxiliary, a relative clause hung on
the wrong noun. Each repair below rewires one such misreading, and only when
the words leave no other reading; the words that tell (verbs of transfer,
goods, verbs of judging) come from the lexicon. :func:`repair` runs them all
in order; :mod:`alignkg.graph.extract.pipeline` registers it as the
``alignkg_parse_repair`` component, after the parser and before the lemmatizer
(so lemmas are read context-free, through ``lemma``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set

import numpy
from spacy.attrs import DEP, LOWER, POS
from spacy.tokens import Doc, Span, Token

from alignkg.graph.extract.frames import Lexicon
from alignkg.graph.extract.syntax import climb, effective_pos, preposition


def repair(doc: Doc, lexicon: Lexicon, lemma: Callable[[str], str]) -> Doc:
    """Run every repair over ``doc`` in order, and return it.

    ``lemma`` gives a word's context-free lemma (the lemmatizer has not run yet). Each repair
    visits only the tokens that may start it (:class:`_Places`: by word, part of speech or
    relation, found with arrays rather than a pass of Python over every token).
    """
    speech, clause_verbs = lexicon.words("speech_verbs"), lexicon.words("clause_verbs")
    for root in (s.root for s in doc.sents):
        if root.pos_ == "VERB" and lemma(root.lower_) in clause_verbs:
            _subject_read_as_object_of_said(root)
    reported = _detach_reported_clauses(doc, lambda v: lemma(v.lower_) in speech,
                                        lambda v: lemma(v.lower_) in clause_verbs)
    at = _Places(doc)
    for t in at.either(deps=("punct",)):
        if any(ch.isalnum() for ch in t.text):
            _word_read_as_punctuation(t)
    controlling = lexicon.words("object_control")
    for t in (doc[s.start] for s in doc.sents):
        if t.pos_ == "PROPN" and t.is_title and lemma(t.lower_) in lexicon.by_lemma:
            _common_noun_read_as_name(t)
    saying = lexicon.words("judging_verbs") | lexicon.words("speech_verbs")
    for t in at(("what",)):
        if t.head.i != t.i:
            _what_a_speaker_called(t, lambda v: lemma(v.lower_) in saying)
    for root in at.roots(("NOUN", "PROPN")):
        _clause_read_into_a_relative(root)
    for root in at.roots(("VERB",)):
        _verb_after_an_attribution(root, lambda v: lemma(v.lower_) in speech)
    for sent in list(doc.sents):
        _verb_after_an_interruption(sent)
    for root in at.roots(("NOUN", "PROPN")):
        _verb_read_as_modifier(root)
        _verb_before_a_shifted_object(root)
        _verb_after_a_time_read_as_modifier(root)
        _subject_read_as_compound_of_the_object(root)
        _particle_verb_read_as_subject(root)
    denying, charges = lexicon.words("deny_verbs"), lexicon.words("charge_nouns")
    for root in at.roots(("VERB",)):
        _subject_read_as_adverbial(root)
        if lemma(root.lower_) in denying:
            _denial_of_a_charge_read_as_root(root, charges)
    for root in at.roots(("NOUN", "PROPN", "VERB")):
        _verb_read_as_noun(root)
    for root in at.roots(("PROPN",)):
        _verb_read_as_appositive(root)
    for root in at.roots(("NOUN",)):
        _plural_read_as_verb_before_the_verb(root)
        _object_read_as_apposition_of_the_subject(root)
    acting = lexicon.event_verbs | lexicon.words("stop_verbs")
    for root in at.roots(("NOUN",)):
        _past_transfer_read_as_noun(root, lexicon, lemma)
        _past_form_read_as_compound(root, acting, lemma)
    intransitive = lexicon.words("intransitive_verbs")
    for root in at.roots(("NOUN", "PROPN")):
        _clause_read_as_relative(root, lambda t: lemma(t.lower_) in intransitive,
                                 lambda t: lemma(t.lower_) in controlling)
    for root in at.roots(("NOUN", "PROPN")):
        _past_tense_read_as_adjective(root)
    for root in at.roots(("VERB",)):
        _relative_clause_read_as_root(root)
    for t in at.either(deps=("nsubj", "nsubj:pass", "nsubj:outer", "expl"), words=_COMPARATIVES):
        if t.lower_ in _COMPARATIVES:
            _quantity_read_as_oblique(t)
        elif t.dep_ == "nsubj:pass":
            _passive_without_auxiliary(t)
        if t.dep_.startswith("nsubj"):
            _source_read_as_subject(t)
            _phrase_read_as_a_second_subject(t)
        elif t.dep_ == "expl" and t.lower_ == "it":
            _subject_read_as_expletive(t)
    for t in at(_PREPOSITIONS_READ_AS_ADVERBS):
        if t.dep_ in ("advmod", "obl:unmarked", "obl:npmod"):
            _preposition_read_as_adverb(t)
        elif t.dep_ in ("compound", "amod"):
            _preposition_read_as_modifier(t)
    for t in at(lexicon.words("rate_nouns")):
        _phrase_read_into_a_rate(t)
    for t in at(("by", "of")):
        word = doc[t.i + 1] if t.i + 1 < len(doc) else t
        if not (word.lower_.endswith("ing") and lemma(word.lower_) in lexicon.event_verbs):
            continue
        if t.lower_ == "by" and word.dep_ == "compound":
            _gerund_read_as_noun(word)
        elif t.lower_ == "of" and word.pos_ == "NOUN":
            _gerund_after_of_read_as_noun(word)
    helping = lexicon.words("help_verbs")
    for t in at.either(("VERB",), deps=("appos",)):
        if t.pos_ == "VERB":
            _first_of_two_objects(t)
            _noun_of_goods_read_as_verb(t, lexicon, lemma)
            _goods_read_as_verb(t, lexicon)
            if lemma(t.lower_) in controlling:
                _name_read_as_a_predicate(t)
                _means_of_the_act_named(t)
            if lemma(t.lower_) in helping:
                _object_read_as_subject_of_a_bare_verb(t)

        if t.pos_ == "VERB" and lemma(t.lower_) in lexicon.transfer_verbs:
            _destination_inside_the_object(t)
        if t.dep_ == "appos" and t.head.pos_ == "PROPN":
            _verb_read_as_modifier_of_appositive(t)
        elif t.pos_ == "VERB" and any(c.dep_ == "amod" and c.i < t.i for c in t.children):
            _subject_read_as_verb(t)
    institutions = lexicon.words("institution_nouns")
    for t in at(("in",)):
        name = doc[t.i + 1] if t.i + 1 < len(doc) else t
        if t.i > 0 and name.dep_ == "obl" and name.pos_ == "PROPN" and doc[t.i - 1].lower_ in institutions:
            _rehang_on_noun_before(name, doc[t.i - 1])  # "backed the government in Libya": Libya's government
            if name.head.i == t.i - 1:
                name.dep_ = "nmod"
    for t in at(lexicon.words("state_adjectives")):
        if t.pos_ == "VERB":
            _adjective_read_as_verb(t)
    adjectival = lexicon.words("adjectival_participles")
    for t in at(("have", "has", "had")):
        if t.pos_ in ("AUX", "VERB") and t.i + 1 < len(doc):
            # A past form: tagged so, or an irregular one ("lent", "sold") the tagger took for a noun.
            _perfect_read_as_possession(t, lambda v: lemma(v.lower_) in lexicon.event_verbs
                                        and v.lower_ not in adjectival and (v.tag_ in ("VBN", "VBD") or (
                                            not v.lower_.endswith("s") and lemma(v.lower_) != v.lower_)))
    for t in at(_DEPTH_WORDS):
        if t.head.i != t.i:
            _phrase_on_a_word_of_depth(t)
    growing = lexicon.words("growing_verbs")
    for t in at(("to",)):
        word = doc[t.i + 1] if t.i + 1 < len(doc) else t
        if word.lower_ in lexicon.event_verbs and (word.pos_ == "NOUN" or word.dep_ == "compound"):
            _infinitive_read_as_noun(word, lambda n: lemma(n.lower_) in lexicon.commodities)
        elif word.lower_ in growing and word.dep_ in ("compound", "amod"):
            _infinitive_read_as_noun(word, lambda n: True)  # "aims to boost gas exports": no noun is "boost"
    # Verbs that take an event noun ("imposed sanctions", "threatened countermeasures"), save those
    # whose participles qualify nouns as often ("enhanced security cooperation", "increased trade").
    taking = (lexicon.words("light_verbs") | lexicon.words("threat_verbs")) - growing
    for t in at.either(("NOUN", "ADJ", "VERB")):
        if t.pos_ == "NOUN" or (t.pos_ == "ADJ" and any(c.dep_ == "obj" for c in t.children)):
            _verb_with_a_subject(t)
        elif t.pos_ == "VERB":
            _noun_after_a_preposition(t)
            _goods_read_as_coordinated_verb(t, lexicon)
            _verb_coordinated_with_an_object(t)
            _conjunct_of_the_main_clause(t)
            _past_verb_after_and_read_as_modifier(t, lambda v: lemma(v.lower_) in taking)
            _subject_read_as_conjunct_before_it(t)
            _clause_after_a_subordinator_read_as_phrase(t)
            _conjunct_of_the_nearer_clause(t)
    for t in at.either(("ADV",)):
        if t.dep_ == "advmod" and t.lower_.endswith("ly"):
            _phrase_on_a_manner_adverb(t)
    for t in at.either(deps=("acl:relcl", "nmod", "nmod:poss", "nmod:npmod", "nmod:tmod", "nmod:unmarked")):
        if t.dep_ == "acl:relcl":
            _contact_clause_attachment(t)
            if lemma(t.lower_) in lexicon.words("speech_verbs"):
                _speaker_clause_attachment(t)
        elif t.dep_.startswith("nmod") and any(c.dep_ == "case" and c.lower_ in _EXAMPLE_MARKS for c in t.children):
            _examples_attachment(t)
        elif t.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ == "to" for c in t.children):
            _destination_after_transit(t)
            _destination_after_origin(t)
    for t in at.either(deps=("acl",)):
        _participle_set_off_after_the_object(t)  # after the relative clauses of speech it may carry
    for t in at.either(deps=("nmod:unmarked",)):
        _object_after_a_particle(t)
    for t in doc:
        if t.pos_ != "VERB" and t.is_lower and t.text.isalpha() and t.lower_.endswith("s") and t.i > 0:
            _present_transfer_read_as_noun(t, lexicon)
        elif t.pos_ == "VERB" and lemma(t.lower_) in lexicon.words("judging_verbs"):
            _predicate_read_as_object(t, lexicon.words("critical_words"))
        elif (t.pos_ != "VERB" and t.is_alpha and 0 < t.i < len(doc) - 1
              and _irregular_form_of(t, lexicon.transfer_verbs, lemma)):
            _transfer_verb_between_names(t)
    money = lexicon.words("money")
    for t in at(money):
        if not t.is_alpha and t.dep_ in ("obj", "appos"):
            _recipient_read_as_compound_of_money(t)
    _reattach_reported_clauses(doc, reported)
    vowing, acting = lexicon.words("threat_verbs") | lexicon.words("speech_verbs"), lexicon.words("acting_nouns")
    for t in at.either(("VERB",)):  # on the reported clauses hung back on their verbs of speech
        if lemma(t.lower_) in vowing:
            _vow_joined_to_a_reported_event(t, lambda n: lemma(n.lower_) in acting)
    return doc


def _detach_reported_clauses(doc: Doc, speech: Callable[[Token], bool],
                             saying: Callable[[Token], bool]) -> list[tuple[int, int, str]]:
    """Make each clause a verb of speech reports a sentence of its own for a while.

    Wire copy puts the attribution last; the parser, trained on web text that
    seldom does, reads the clause before it as a noun phrase ("Pakistani jets
    bombed targets inside Afghanistan, officials said": "bombed" an adjective)
    far more often than the same clause alone, and the clause after "said" as
    its object ("Officials said Japan expressed solidarity with Taiwan":
    "solidarity" the object, "expressed" an adjective). Detached, the clause
    gets the repairs a sentence gets; :func:`_reattach_reported_clauses` hangs it
    back on the verb of speech. Returns (clause head, verb of speech, relation).
    """
    found: list[tuple[Token, Token]] = []
    for sent in list(doc.sents):
        verb = sent.root
        if verb.pos_ != "VERB" or not speech(verb):
            continue
        # "Iranian missiles rained down on Tel Aviv, officials said": the clause may be read as a first subject.
        speakers = [c for c in verb.children if c.dep_ == "nsubj"]
        # "Argentina, officials said, signed ...": an attribution inside the clause, not before it.
        before = [c for c in speakers if c.i < verb.i]
        parenthetical = bool(before) and before[-1].left_edge.i > sent.start and doc[
            before[-1].left_edge.i - 1].text == "," and verb.i + 2 < sent.end and doc[verb.i + 1].text == ","
        for c in verb.children:
            end = c.right_edge.i
            reported = c.dep_ == "ccomp" or (c.dep_ == "nsubj" and len(speakers) == 2 and c.i == speakers[0].i
                                             and not parenthetical)
            # '..., officials said', '...," a spokesman said': a comma, maybe inside a closing quote.
            if reported and end < verb.i and any(doc[k].text == "," for k in range(max(end - 1, c.left_edge.i),
                                                                                 min(end + 2, verb.i))):
                found.append((c, verb))
            elif c.i > verb.i and c.left_edge.i > verb.i and not parenthetical and (c.dep_ == "ccomp" or (
                    c.dep_ == "obj" and saying(verb) and _holds_a_finite_verb(c))):
                found.append((c, verb))
    pairs = []
    for c, verb in found:
        pairs.append((c.i, verb.i, c.dep_))
        for p in [p for p in verb.children if p.dep_ == "punct" and p.i > c.right_edge.i > verb.i]:
            p.head = c  # the full stop after a clause that ends the sentence goes with it
        c.head, c.dep_ = c, "ROOT"
    return pairs


def _holds_a_finite_verb(phrase: Token) -> bool:
    """ "Japan expressed solidarity" read as a noun phrase: a past or present verb form inside it.

    A participle read as an adjective between two nouns ("jets bombed targets") or as a reduced
    relative ("forces clashed along the border") counts too.
    """
    doc = phrase.doc
    return any(t.pos_ == "VERB" and (t.tag_ in ("VBD", "VBZ", "VBP") or t.dep_ == "acl" or (
        t.dep_ == "amod" and t.i > 0 and doc[t.i - 1].pos_ in ("NOUN", "PROPN") and t.head.i > t.i))
        for t in phrase.subtree)


def _reattach_reported_clauses(doc: Doc, pairs: list[tuple[int, int, str]]) -> None:
    """Hang each clause detached by :func:`_detach_reported_clauses`, as repaired, back on its verb of speech."""
    for clause, verb, dep in pairs:
        root = doc[clause].sent.root
        if root.i != verb and not root.is_ancestor(doc[verb]):
            root.head, root.dep_ = doc[verb], "ccomp" if root.pos_ in ("VERB", "AUX") or dep == "ccomp" else dep
            if root.i > verb and any(c.dep_ == "cc" and c.i < root.i for c in root.children) and any(
                    c.dep_ == "nsubj" and c.i > verb for c in root.children):
                root.dep_ = "conj"  # "Israel said it had hit ..., and Qatar condemned ...": not what Israel said


def _clause_read_into_a_relative(root: Token) -> None:
    """ "Canada, which has faced criticism for months, expressed outrage at India" read with the name the root.

    A relative clause or an appositive set off by commas after the subject leads
    the parser to hang the sentence's own verb and its phrases inside it. When the
    root is the name and a verb form follows the clause's closing comma, that
    verb is the root, the name its subject, and what the clause took after the
    comma is the verb's; the relative clause stays on the name.
    """
    doc = root.doc
    if root.i + 2 >= len(doc) or doc[root.i + 1].text != ",":
        return
    # "Britain, the region's largest economy, announced ...": an appositive does the same.
    side = [c for c in root.children if (c.dep_ == "acl:relcl" and c.i > root.i) or (
        c.dep_ == "appos" and c.left_edge.i in (root.i + 1, root.i + 2) and c.pos_ in ("NOUN", "PROPN"))]
    if len(side) != 1:
        return
    start = max(side[0].left_edge.i, root.i + 2)
    if side[0].dep_ == "acl:relcl" and doc[start].lower_ not in ("which", "who", "whose") and not (
            doc[start].text == "," and doc[start + 1].lower_ in ("which", "who", "whose")):
        return
    comma = next((t.i for t in doc[start + 1:root.sent.end] if t.text == ","), None)
    verb = _verb_after(doc, comma, root.sent.end)
    if comma is None or verb is None:
        return
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    root.head, root.dep_ = verb, "nsubj"
    _verb_takes_the_rest(verb, comma, root.sent.end)


def _verb_after_an_attribution(root: Token, says: Callable[[Token], bool]) -> None:
    """ "Canada, officials said, expressed outrage at India" read with "said" the root.

    An attribution set off by commas between the subject and its verb is read
    as the sentence's main clause, its subject a vocative and the real verb a
    modifier. The verb form after the closing comma is the root, the phrase
    before the first comma its subject, the attribution a side clause of it.
    """
    doc = root.doc
    subjects = [c for c in root.children if c.dep_ == "nsubj" and c.i < root.i]
    if not says(root) or not subjects or root.i + 2 >= root.sent.end or doc[root.i + 1].text != ",":
        return
    first = subjects[-1].left_edge.i - 1  # the speaker is the subject right before the verb of speech
    if first <= root.sent.start or doc[first].text != ",":
        return
    names = [t for t in doc[root.sent.start:first] if not root.sent.start <= t.head.i < first or t.head.i == t.i]
    verb = _verb_after(doc, root.i + 1, root.sent.end)
    if len(names) != 1 or names[0].pos_ not in ("PROPN", "NOUN") or verb is None:
        return
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    name = names[0]
    name.head, name.dep_ = verb, "nsubj"
    root.head, root.dep_ = verb, "parataxis"
    _verb_takes_the_rest(verb, root.i + 1, root.sent.end)


def _verb_after_an_interruption(sent: Span) -> None:
    """ "Iran, the region's largest economy, voiced support ..." read some other way than subject and verb.

    The parser reads an appositive set off by two commas between the subject and
    its verb in many wrong ways (the appositive as the root, as a conjunct of the
    subject). Where the sentence opens with a phrase without a verb, then a noun
    phrase between commas, then a verb form that has no subject, the verb is the
    root, the opening phrase its subject, the noun phrase its appositive, and what
    follows the verb its phrases.
    """
    doc = sent.doc
    start, end = sent.start, sent.end
    commas = [t.i for t in doc[start:min(start + 25, end)] if t.text == ","]
    if len(commas) < 2 or commas[0] == start or commas[1] - commas[0] < 2:
        return
    first, second = commas[0], commas[1]
    verb = _verb_after(doc, second, end)
    subject_heads = [t for t in doc[start:first] if not start <= t.head.i < first or t.head.i == t.i]
    side_heads = [t for t in doc[first + 1:second] if not first < t.head.i < second or t.head.i == t.i]
    if (verb is None or len(subject_heads) != 1 or len(side_heads) != 1
            or any(t.pos_ in ("VERB", "AUX") for t in doc[start:first])
            or doc[first + 1].pos_ == "CCONJ" or doc[first + 1].lower_ in ("and", "or")
            or any(c.dep_.startswith("nsubj") for c in verb.children)):
        return
    subject, side = subject_heads[0], side_heads[0]
    if subject.pos_ not in ("NOUN", "PROPN", "PRON") or side.pos_ not in ("NOUN", "PROPN") or (
            verb.dep_ == "ROOT" and subject.head.i == verb.i):
        return  # a clause between the commas is the relative clause's or the attribution's repair
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    subject.head, subject.dep_ = verb, "nsubj"
    side.head, side.dep_ = subject, "appos"
    doc[first].head = doc[second].head = side
    _verb_takes_the_rest(verb, second, end)


def _verb_after(doc: Doc, comma: int | None, end: int) -> Token | None:
    """The verb form that opens a clause right after ``comma`` (auxiliaries and adverbs before it), or None."""
    if comma is None or comma + 1 >= end:
        return None
    verb = next((t for t in doc[comma + 1:min(comma + 4, end)] if t.tag_.startswith("VB")
                 and t.lower_ not in ("has", "have", "had", "is", "was", "were", "are", "be", "been")), None)
    if verb is None or any(t.pos_ not in ("AUX", "ADV", "PART") and t.tag_ != "MD" for t in doc[comma + 1:verb.i]):
        return None
    return verb


def _verb_takes_the_rest(verb: Token, comma: int, end: int) -> None:
    """Hang on ``verb`` what follows ``comma`` up to ``end`` that the parser hung elsewhere, as its phrases."""
    doc = verb.doc
    moved = [t for t in doc[comma + 1:end] if t.i != verb.i and not comma < t.head.i < end]
    for t in moved:
        t.head = verb  # "outrage", "over the killing", the full stop: hung in the clause or on the name
    nominal = [t for t in moved if t.i > verb.i and t.pos_ in ("NOUN", "PROPN", "NUM", "SYM")]
    for n, t in enumerate(nominal):
        marked = any(c.dep_ == "case" for c in t.children)
        if t.dep_ in ("conj", "appos", "parataxis", "nsubj", "ROOT", "dep") or (marked and t.dep_ == "obj"):
            t.dep_ = "obl" if marked else ("obj" if n == 0 else "dep")  # "voiced support": its object
    for t in doc[comma + 1:verb.i]:
        t.head, t.dep_ = verb, "aux" if t.pos_ == "AUX" or t.tag_ == "MD" else t.dep_


def _subject_read_as_compound_of_the_object(root: Token) -> None:
    """ "Thailand's prime minister accused Cambodia of ..." read as one noun phrase headed by "Cambodia".

    A past form right between a noun the parser made a compound of the root
    name and that name, hung on the noun as a reduced relative, is the verb:
    the noun its subject, the name its object, the name's clauses its own.
    """
    doc = root.doc
    if root.i < 2 or root.pos_ != "PROPN":
        return
    verb, noun = doc[root.i - 1], doc[root.i - 2]
    if verb.tag_ not in ("VBD", "VBN") or verb.head.i != noun.i or not verb.dep_.startswith("acl") \
            or noun.head.i != root.i or noun.dep_ != "compound" or noun.pos_ != "NOUN":
        return
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    for c in list(root.children):
        if c.i > root.i:
            c.head = verb
            c.dep_ = "advcl" if c.dep_ == "acl" else c.dep_
    noun.head, noun.dep_ = verb, "nsubj"
    root.head, root.dep_ = verb, "obj"


def _particle_verb_read_as_subject(root: Token) -> None:
    """ "The U.S. Navy shot down an Iranian drone" read with "shot" a noun, the subject of "drone".

    A noun takes no particle: a word with one ("down") that the parser made the
    subject of the root noun after it is the verb, the nouns compounded before
    it its subject, the root its object.
    """
    words = [c for c in root.children if c.dep_.startswith("nsubj") and c.i < root.i
             and any(g.dep_ == "compound:prt" for g in c.children)]
    if len(words) != 1:
        return
    verb = words[0]
    before = [c for c in verb.children if c.i < verb.i and c.dep_ in ("compound", "nmod:poss", "amod", "det")]
    names = [c for c in before if c.dep_ == "compound"]
    if not names:
        return
    subject = names[-1]
    for c in before:
        if c.i != subject.i:
            c.head = subject
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
    for c in list(root.children):
        if c.i > root.i:
            c.head = verb
    subject.head, subject.dep_ = verb, "nsubj"
    root.head, root.dep_ = verb, "obj"


def _verb_after_a_time_read_as_modifier(root: Token) -> None:
    """ "Iran's foreign ministry on Tuesday denied reports that ..." read as one noun phrase, "denied" an adjective.

    A subject, a time ("on Tuesday", "last week"), then a past form that the
    parser hung as an adjective on the noun after it, in a sentence with no
    verb of its own: the past form is the verb, the subject its subject, the
    noun its object, the time its oblique (the root, a noun, says the parser found no verb).
    """
    doc = root.doc
    sent = root.sent
    verbs = [t for t in sent if t.dep_ == "amod" and t.tag_ in ("VBD", "VBN") and t.i > root.i + 1
             and t.head.i == t.i + 1
             and all(doc[k].lower_ in _TIME_WORDS or doc[k].text.istitle() for k in range(root.i + 1, t.i))
             and doc[root.i + 1].lower_ in _TIME_WORDS]
    if len(verbs) != 1:
        _verb_after_a_time_read_as_clause(root)
        return
    verb = verbs[0]
    noun = verb.head
    if not root.is_ancestor(noun):
        return
    time = [doc[k] for k in range(root.i + 1, verb.i)]
    when = time[-1]
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    for c in list(root.children):
        if c.i > verb.i and c.i != noun.i:
            c.head = verb
    root.head, root.dep_ = verb, "nsubj"
    noun.head, noun.dep_ = verb, "obj"
    when.head, when.dep_ = verb, "obl"
    for t in time[:-1]:
        t.head = when


def _verb_after_a_time_read_as_clause(root: Token) -> None:
    """ "Cambodia on Tuesday denounced Thailand's aggression" read with "denounced" a clause on "Tuesday".

    A name that is the root, a time right after it, then a past form the parser
    hung below the name: the past form is the verb, the name its subject, the
    time its oblique, and the first noun phrase after it, hung on the name, its object.
    """
    doc = root.doc
    k = root.i + 1
    if root.pos_ != "PROPN" or k >= len(doc) or doc[k].lower_ not in _TIME_WORDS:
        return
    while k < len(doc) and doc[k].lower_ in _TIME_WORDS:
        k += 1
    verb = doc[k] if k < len(doc) else root
    if verb.tag_ not in ("VBD", "VBN") or not root.is_ancestor(verb) or any(
            c.dep_.startswith("nsubj") for c in verb.children):
        return
    time = [doc[j] for j in range(root.i + 1, verb.i)]
    when = time[-1]
    rest = [c for c in root.children if c.i > verb.i]
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    root.head, root.dep_ = verb, "nsubj"
    when.head, when.dep_ = verb, "obl"
    for t in time[:-1]:
        t.head = when
    for n, c in enumerate(rest):
        c.head = verb
        if n == 0 and c.pos_ in ("NOUN", "PROPN"):
            c.dep_ = "obj"


#: Words of a time phrase between a subject and its verb ("on Tuesday", "last week").
_TIME_WORDS = frozenset("""on last this earlier late early monday tuesday wednesday thursday friday saturday
    sunday week month year night morning evening weekend today yesterday""".split())


def _what_a_speaker_called(what: Token, says: Callable[[Token], bool]) -> None:
    """ "struck what Ankara described as PKK positions in northern Iraq": the positions were struck.

    Wire copy puts a thing in a speaker's words ("over what it called the
    genocide in Gaza", "hit what Tehran said were bases in Pakistan"): the thing
    named is the verb's object or phrase, and the speaker's clause a relative
    clause on it, so the rules find the thing where they look for an object.
    """
    if what.dep_ in ("obj", "obl", "nmod") and says(what.head) and what.head.dep_ in ("ccomp", "xcomp"):
        clause, governor, dep = what.head, what.head.head, what.dep_
    else:
        clauses = [c for c in what.children if c.dep_ in ("acl:relcl", "acl") and says(c)]
        if len(clauses) != 1:
            return
        clause, governor, dep = clauses[0], what.head, what.dep_
    named = _named_in(clause, what)
    if named is None or governor.i == clause.i:
        return
    named.head, named.dep_ = governor, dep
    for c in list(named.children):
        if c.dep_ in ("case", "cop") and c.i < named.i:
            c.head, c.dep_ = clause, "mark" if c.dep_ == "case" else "cop"  # "as", "were": the speaker's
    for c in list(what.children):
        if c.dep_ == "case":
            c.head = named  # "over what it called": "over" opens the phrase of what was named
    for c in list(clause.children):
        if c.i > named.i and c.dep_.startswith("obl"):
            c.head, c.dep_ = named, "nmod"  # "... as PKK positions in northern Iraq"
    clause.head, clause.dep_ = named, "acl:relcl"
    what.head, what.dep_ = clause, "obj"


def _named_in(clause: Token, what: Token) -> Token | None:
    """What a speaker's clause names: its "as" phrase, its predicate, or its object besides "what"."""
    for c in clause.children:
        if c.i > clause.i and c.dep_.startswith("obl") and any(g.lower_ == "as" for g in c.children):
            return c
    for c in clause.children:
        if c.i > clause.i and c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("NOUN", "PROPN"):
            return c
    objects = [c for c in clause.children if c.dep_ == "obj" and c.i > clause.i and c.i != what.i]
    return objects[0] if len(objects) == 1 else None


def _common_noun_read_as_name(word: Token) -> None:
    """ "Sanctions imposed by the United States ..." read with "Sanctions" a proper noun.

    Capitalised only because it opens the sentence, a word of the lexicon's
    frames is the common noun it is elsewhere (the lemmatizer keeps a proper
    noun's form, which hides it from the frames).
    """
    word.pos_, word.tag_ = "NOUN", "NNS" if word.lower_.endswith("s") else "NN"


class _Places:
    """The tokens of a document that are one of some words (lower-cased), found with one array.

    Repairs change tags and heads, never words, so the array is read once per document.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lower = doc.to_array(LOWER)

    def __call__(self, words: Iterable[str]) -> list[Token]:
        return [self.doc[int(i)] for i in numpy.flatnonzero(self._words(words))]

    def roots(self, pos: Iterable[str]) -> list[Token]:
        """The roots whose part of speech is one of ``pos``, as the tags stand now."""
        tags = self.doc.to_array([POS, DEP])
        strings = self.doc.vocab.strings
        chosen = numpy.isin(tags[:, 0], [strings[p] for p in pos]) & (tags[:, 1] == strings["ROOT"])
        return [self.doc[int(i)] for i in numpy.flatnonzero(chosen)]

    def either(self, pos: Iterable[str] = (), deps: Iterable[str] = (), words: Iterable[str] = ()) -> list[Token]:
        """The tokens with one of ``pos``, or one of ``deps``, or one of ``words``, as the tags stand now."""
        tags = self.doc.to_array([POS, DEP])
        strings = self.doc.vocab.strings
        chosen = numpy.isin(tags[:, 0], [strings[p] for p in pos if p in strings]) | numpy.isin(
            tags[:, 1], [strings[d] for d in deps if d in strings]) | self._words(words)
        return [self.doc[int(i)] for i in numpy.flatnonzero(chosen)]

    def _words(self, words: Iterable[str]) -> numpy.ndarray:
        keys = [self.doc.vocab.strings[w] for w in words if w in self.doc.vocab.strings]
        return numpy.isin(self.lower, keys) if keys else numpy.zeros(len(self.lower), dtype=bool)


def _verb_before_a_shifted_object(root: Token) -> None:
    """ "Iran's minister condemned in the strongest terms the Israeli attack" read with "attack" the root.

    A long object may follow the verb's phrases ("condemned in the strongest terms the
    attack"); the parser then reads the verb as a clause on the subject and the object as
    the sentence. A root noun whose subject takes a past-tense clause that ends right
    before the noun, without an object of its own, is that verb's object.
    """
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subject is None:
        return
    doc = root.doc
    verb = next((c for c in subject.children if c.dep_ in ("acl", "acl:relcl") and c.tag_ in ("VBD", "VBN")
                 and c.i > subject.i and c.right_edge.i < root.i
                 and all(t.head.i == root.i for t in doc[c.right_edge.i + 1:root.i])), None)
    # A participle with its agent ("the minister, accused by Kyiv of ...") is a passive clause.
    if verb is None or any(c.dep_ in ("obj", "ccomp", "xcomp", "obl:agent") or c.dep_.startswith(("nsubj", "aux"))
                           or preposition(c) == "by" for c in verb.children):
        return
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    subject.head, subject.dep_ = verb, "nsubj"
    root.head, root.dep_ = verb, "obj"
    verb.tag_ = "VBD"
    for c in list(root.children):
        if c.dep_ == "punct" and c.i == c.sent.end - 1:
            c.head = verb


def _verb_read_as_modifier(root: Token) -> None:
    """ "Turkey voiced support for Azerbaijan" read as one noun phrase, "voiced" an adjective of "support".

    Trained on web text, the parser reads such sentences ("Brazil expressed
    concern") as one noun phrase although its own tagger calls the verb a past
    tense (or its morphologizer a verb). When a sentence's root is a noun with
    such a verb before it, a name before the verb, and no determiner between
    them, the verb becomes the root, the name its subject and the noun its
    object. Hyphenated forms ("Iran-backed militias", "US-led coalition") are
    left alone.
    """
    doc = root.doc
    verbs = [c for c in root.children if c.dep_ in ("amod", "compound") and (c.tag_ in ("VBD", "VBN")
                                                                             or c.pos_ == "VERB")
             and c.i > 0 and doc[c.i - 1].text not in ("-", "–")]
    if len(verbs) != 1 or any(c.dep_ == "cop" for c in root.children):
        return  # "Iran is the world's leading sponsor": a predicate, no clause read as a phrase
    verb = verbs[0]
    # The name may hang on the root or already on the verb ("Washington imposed sanctions").
    before = [c for c in (*root.children, *verb.children) if c.i < verb.i]
    names = [c for c in before if c.pos_ in ("PROPN", "NOUN", "PRON") and c.dep_ not in ("det", "advmod")]
    if not names or any(c.dep_ == "det" and c.i > names[-1].i for c in before):
        return
    subject = names[-1]
    if subject.dep_ == "nmod:poss":
        return  # "the world's leading sponsor": a possessor, not a subject
    verb.head, verb.dep_ = verb, "ROOT"
    for c in before:
        if c is not subject and c is not verb:
            c.head = subject  # "The Kremlin expressed concern": "The" goes with "Kremlin"
    subject.head, subject.dep_ = verb, "nsubj"
    root.head, root.dep_ = verb, "obj"


#: Comparatives that with "than" quantify a noun ("more than 30,000 soldiers").
_COMPARATIVES = frozenset({"more", "less", "fewer"})


def _subject_read_as_expletive(it: Token) -> None:
    """ "China said it condemned the strike": a subject "it" read as the empty "it" of "it seems that".

    An expletive stands before a predicate whose real subject is a clause after
    it ("it is unclear whether ..."). A verb with no subject, no clause for
    subject or complement and no copula has nothing for the empty "it" to stand
    for: the pronoun is its subject.
    """
    verb = it.head
    if verb.pos_ != "VERB" or verb.i < it.i:
        return
    if any(c.dep_ in _SUBJECT_CLAUSES or c.dep_.startswith("nsubj") for c in verb.children):
        return
    it.dep_ = "nsubj"


#: Relations of a clause an expletive "it" may stand for, or of a subject it would compete with.
_SUBJECT_CLAUSES = frozenset({"csubj", "csubj:pass", "ccomp", "cop", "xcomp"})


def _word_read_as_punctuation(word: Token) -> None:
    """ "Serbia's purchase of Chinese FK-3 systems" read with "of" and "Chinese" punctuation.

    A weapon designation can throw the parser into reading the words around it as
    punctuation. A word is no punctuation: an adjective or noun modifies the noun
    of the phrase it opens, a preposition marks it.
    """
    doc = word.doc
    after = [t for t in doc[word.i + 1:word.sent.end] if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "punct"]
    if not after:
        return
    noun = after[0]
    while noun.dep_ in ("compound", "flat", "nummod") and noun.head.i > noun.i:
        noun = noun.head  # "FK-3 systems": the phrase's head
    if word.pos_ == "ADP":
        word.head, word.dep_ = noun, "case"
    elif word.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "X", "SYM"):
        if word.pos_ in ("PUNCT", "X", "SYM"):
            word.pos_, word.tag_ = "PROPN", "NNP"  # "FK-3": a designation
        word.head, word.dep_ = noun, "amod" if word.pos_ == "ADJ" else "compound"


def _phrase_read_into_a_rate(unit: Token) -> None:
    """ "to buy 1 million tonnes of LNG a year from Oman" read with "from Oman" a modifier of "a year".

    So too "2.5 million barrels per day of Russian crude" with "of Russian crude" on "day".
    A rate ("a year", "a day", "per month") qualifies an amount and takes no phrase of its
    own: an "of" phrase after it names what the amount is of ("10 million cubic metres a
    day of Bolivian gas"), any other phrase belongs where the rate hangs (the verb, or
    the amount).
    """
    if unit.head.i == unit.i or not any((c.dep_ == "det" and c.lower_ in ("a", "an")) or c.lower_ == "per"
                                        for c in unit.children):
        return
    amount = unit.head
    # "imported 2.5 million barrels per day of Russian crude" with "per day" on the verb: the verb's object.
    measured = next((c for c in amount.children if c.dep_ == "obj" and c.i < unit.i), amount)
    for c in list(unit.children):
        if c.i < unit.i or c.dep_ not in ("nmod", "obl"):
            continue
        case = {g.lower_ for g in c.children if g.dep_ == "case"}
        if "of" in case and measured.pos_ == "NOUN":
            c.head, c.dep_ = measured, "nmod"
        elif case and "of" not in case:
            c.head, c.dep_ = amount, "obl" if amount.pos_ in ("VERB", "AUX") else "nmod"


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


def _phrase_read_as_a_second_subject(phrase: Token) -> None:
    """ "Israeli airstrikes near Beirut killed four people" read with "near Beirut" a second subject.

    A subject has no preposition: a phrase with one, after the verb's subject, is that
    subject's modifier ("according to" phrases are :func:`_source_read_as_subject`'s).
    """
    if not any(c.dep_ == "case" and c.lower_ != "according" for c in phrase.children):
        return
    before = [c for c in phrase.head.children if c.dep_ == phrase.dep_ and c.i < phrase.i]
    if before:
        phrase.head, phrase.dep_ = before[-1], "nmod"


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
    of its own, is an active past tense, and its subject the agent ("..., and
    Ukraine's foreign minister criticised Hungary": a conjunct with its object).
    """
    verb = subject.head
    if verb.tag_ not in ("VBD", "VBN") or (verb.tag_ == "VBN" and verb.dep_ not in ("ROOT", "conj")):
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


#: Prepositions the tagger may read as adverbs before a noun phrase ("trained alongside Saudi forces").
_PREPOSITIONS_READ_AS_ADVERBS = frozenset({"alongside", "beside", "amid", "amidst", "despite", "toward", "towards"})


def _preposition_read_as_adverb(t: Token) -> None:
    """ "Egyptian pilots trained alongside Saudi forces" read with "forces" the verb's object.

    A preposition takes the noun phrase right after it: when the parser made the
    word an adverb of the verb and that phrase the verb's object, the phrase is
    an oblique opened by the word.
    """
    verb = t.head
    objects = [c for c in verb.children if c.dep_ == "obj" and c.left_edge.i == t.i + 1]
    if len(objects) != 1:
        return
    obj = objects[0]
    obj.dep_ = "obl"
    t.head, t.dep_, t.pos_ = obj, "case", "ADP"


def _preposition_read_as_modifier(t: Token) -> None:
    """ "North Korean troops fought alongside Russian forces" read with "alongside" a noun of "forces".

    No noun is spelled as these prepositions: when the parser made the phrase
    they modify the verb's object, it is the oblique they open.
    """
    phrase = t.head
    if phrase.i < t.i or phrase.dep_ != "obj":
        return
    t.dep_, t.pos_, t.tag_ = "case", "ADP", "IN"
    phrase.dep_ = "obl"


def _conjunct_of_the_main_clause(verb: Token) -> None:
    """ "North Korea has stayed on the sidelines as Israel pounds Iran and has offered Tehran no help".

    The parser joins the second verb to the last one before it ("pounds", in the "as"
    clause); its auxiliary ("has offered") matches the main verb's ("has stayed") and not
    the subordinate verb, which has none: it is the main verb's conjunct.
    """
    head = verb.head
    main = head.head
    if verb.dep_ != "conj" or head.dep_ != "advcl" or main.i == head.i or not any(
            c.dep_ == "mark" for c in head.children):
        return
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux and not any(c.dep_ == "aux" for c in head.children) and aux <= {
            c.lower_ for c in main.children if c.dep_ == "aux"}:
        verb.head = main


def _past_verb_after_and_read_as_modifier(verb: Token, light: Callable[[Token], bool]) -> None:
    """ "Beijing protested the sale of missiles to Taiwan and imposed sanctions on the United States".

    The parser read "imposed" as an adjective of "sanctions", coordinated with "Taiwan",
    and hung "on the United States" on "sale". A past form of a verb that takes an event
    noun (``light``) right after "and" before the noun it modifies, after a clause whose
    verb is past and has a subject, is that verb's conjunct (the last such clause: "Minsk
    called the closure a blockade and threatened countermeasures"): the noun is its object,
    and the phrases after the noun that the parser hung on words before "and" are the noun's.
    """
    doc = verb.doc
    noun, sent = verb.head, verb.sent
    if (verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or not light(verb) or verb.i == 0
            or doc[verb.i - 1].lower_ != "and" or noun.i <= verb.i or noun.dep_ != "conj" or noun.pos_ != "NOUN"
            or any(doc[k].head.i != noun.i for k in range(verb.i + 1, noun.i))):
        return
    main = next((v for v in reversed(doc[sent.start:verb.i]) if v.pos_ == "VERB" and v.tag_ == "VBD"
                 and any(c.dep_ == "nsubj" for c in v.children)), None)
    if main is None:
        return
    and_ = doc[verb.i - 1]
    for t in doc[noun.i + 1:sent.end]:
        if t.head.i < and_.i and t.dep_.startswith("nmod"):
            t.head = noun
    verb.head, verb.dep_, verb.pos_, verb.tag_ = main, "conj", "VERB", "VBD"
    and_.head, and_.dep_ = verb, "cc"
    noun.head, noun.dep_ = verb, "obj"


def _subject_read_as_conjunct_before_it(verb: Token) -> None:
    """ "hit targets near Tehran, and Saudi Arabia, Qatar and the UAE condemned the attack".

    The parser joined the names after ", and" to "Tehran" and left "condemned"
    without a subject. A finite verb with no subject right after names joined to an
    earlier noun, the first of them opening with ", and", has those names as its
    subject: "and" after a comma opens a clause (a list of two takes no comma). So
    has the main verb after names that follow the comma closing a fronted phrase.
    """
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 3 or any(
            c.dep_.startswith("nsubj") for c in verb.children):
        return
    last = doc[verb.i - 1]
    if last.dep_ != "conj" or last.pos_ not in ("PROPN", "NOUN"):
        return
    earlier = last.head
    group = [c for c in earlier.children if c.dep_ == "conj" and c.i <= last.i]

    def start(c: Token) -> int:  # where the conjunct's words begin (its "," and "and" hang on it)
        return min(k.i for k in c.subtree if k.dep_ not in ("punct", "cc"))

    opening = [c for c in group
               if start(c) >= 2 and doc[start(c) - 1].lower_ == "and" and doc[start(c) - 2].text == ","]
    # "In a joint statement issued after talks on Tuesday, Brazil and South Africa condemned ...":
    # names after the comma that closes a fronted phrase, before the sentence's own verb.
    fronted = [c for c in group if start(c) >= 1 and doc[start(c) - 1].text == ","] if (
        not opening and verb.dep_ == "ROOT" and earlier.dep_ in ("obl", "nmod")) else []
    first = opening[-1] if opening else (fronted[0] if fronted else None)
    if first is None or earlier.i >= first.i:
        return
    for c in group:
        if c.i > first.i:
            c.head = first
    if opening:
        and_ = doc[start(first) - 1]
        and_.head, and_.dep_ = verb, "cc"
    first.head, first.dep_ = verb, "nsubj"
    if verb.dep_ == "ccomp":
        verb.dep_ = "conj"  # "Israel said it had hit ..., and Qatar condemned": not what Israel said


def _clause_after_a_subordinator_read_as_phrase(verb: Token) -> None:
    """ "accused the United States of an act of war after U.S. warplanes struck a naval base".

    The parser read "after U.S. warplanes" as a phrase of "accused" and "struck" as a
    second verb of its subject. A finite verb with no subject right after a noun phrase
    opened by a word that is also a subordinator ("after", "before", "since", "until")
    is that phrase's clause: the noun is its subject, the word its mark.
    """
    doc = verb.doc
    deps = {c.dep_ for c in verb.children}
    # A past participle with an object and no auxiliary is a past tense the tagger misread.
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (verb.tag_ == "VBN" and "obj" in deps and not deps & {
        "aux", "aux:pass"})
    if not finite or verb.i < 2 or any(d.startswith("nsubj") for d in deps):
        return
    noun = doc[verb.i - 1]
    while noun.head.i > noun.i and noun.head.i < verb.i:  # the head of the phrase that ends right before the verb
        noun = noun.head
    marks = [c for c in noun.children if c.dep_ == "case" and c.lower_ in _SUBORDINATORS]
    if not marks or not noun.dep_.startswith("obl") or noun.head.i >= noun.i or verb.head.i != noun.head.i:
        return
    marks[0].head, marks[0].dep_ = verb, "mark"
    noun.head, noun.dep_ = verb, "nsubj"
    verb.dep_ = "advcl"


#: Prepositions that also open clauses ("after U.S. warplanes struck ...").
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "till"})


def _conjunct_of_the_nearer_clause(verb: Token) -> None:
    """ "The U.S. slapped tariffs on Brazil, and Lula called the measure blackmail and vowed to retaliate".

    The parser joined "vowed" to the first verb, "slapped", giving it the United
    States as subject. A verb without a subject of its own, joined to a verb before
    which another conjunct with its own subject stands between them, shares that
    nearer clause's subject: it is that clause's conjunct.
    """
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or any(c.dep_.startswith("nsubj") for c in verb.children):
        return
    nearer = [w for w in head.children if w.dep_ == "conj" and head.i < w.i < verb.i and effective_pos(w) == "VERB"
              and any(c.dep_.startswith("nsubj") for c in w.children)]
    if nearer:
        verb.head = nearer[-1]


def _vow_joined_to_a_reported_event(verb: Token, act: Callable[[Token], bool]) -> None:
    """ "Kabul said the strikes killed eight civilians and vowed to retaliate": Kabul vowed, not the strikes.

    A verb of speech or of vowing joined to the verb of a reported clause whose subject
    is an act ("the strikes killed") cannot share that subject: it is the reporting
    verb's conjunct, and shares its speaker.
    """
    event = verb.head
    reporting = event.head
    if (verb.dep_ != "conj" or event.dep_ != "ccomp" or reporting.i >= event.i
            or any(c.dep_.startswith("nsubj") for c in verb.children)):
        return
    subjects = [c for c in event.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if subjects and act(subjects[0]):
        verb.head = reporting


def _object_read_as_subject_of_a_bare_verb(verb: Token) -> None:
    """ "to help Mozambique's government fight the insurgency" read with "government" the subject of "fight".

    "Help" takes an object and a bare infinitive; with no object of its own, a noun right
    after it that is the subject of a base-form verb is its object, and the verb its complement.
    """
    doc = verb.doc
    if verb.i + 2 >= len(doc) or any(c.dep_ in ("obj", "iobj", "xcomp") for c in verb.children):
        return
    noun = next((t for t in doc[verb.i + 1:verb.sent.end] if t.dep_ == "nsubj" and t.left_edge.i == verb.i + 1),
                None)
    if noun is None:
        return
    bare = noun.head
    if bare.tag_ != "VB" or bare.i < noun.i or bare.dep_ not in ("parataxis", "ccomp", "conj", "advcl", "dep"):
        return
    noun.head, noun.dep_ = verb, "obj"
    bare.head, bare.dep_ = verb, "xcomp"


def _verb_coordinated_with_an_object(verb: Token) -> None:
    """ "accused France of arming Armenia and threatened to respond" read with "threatened" a conjunct of "France".

    A finite verb with no subject of its own, joined by "and" to the object of a verb
    before it, is that verb's conjunct: it shares the verb's subject, not the object's place.
    """
    noun = verb.head
    if (verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP") or noun.pos_ not in ("NOUN", "PROPN")
            or noun.dep_ != "obj" or noun.head.pos_ != "VERB"
            or any(c.dep_.startswith("nsubj") for c in verb.children)
            or not any(c.dep_ == "cc" and c.i < verb.i for c in verb.children)):
        return
    verb.head = noun.head


def _participle_set_off_after_the_object(participle: Token) -> None:
    """ "Rwanda dismissed the accusations, accusing Kinshasa of backing rebels" read with "accusing" on the object.

    A participle set off by a comma after the verb's object says what the subject did
    besides: it hangs on the verb, not on the object ("including", "regarding" and the
    like, which introduce a noun, stay where they are).
    """
    doc = participle.doc
    noun = participle.head
    if (participle.dep_ != "acl" or participle.tag_ != "VBG" or participle.lower_ in _PREPOSITIONAL_PARTICIPLES
            or participle.i == 0 or doc[participle.i - 1].text != "," or noun.dep_ != "obj"
            or noun.head.pos_ != "VERB"):
        return
    participle.head, participle.dep_ = noun.head, "advcl"


#: Participles that work as prepositions: the phrase they open is about the noun before them.
_PREPOSITIONAL_PARTICIPLES = frozenset({"including", "excluding", "regarding", "concerning", "involving",
                                        "according", "following", "totalling", "totaling", "covering"})


def _phrase_on_a_manner_adverb(adverb: Token) -> None:
    """ "would respond militarily to any Guyanese attempt" read with "to any ... attempt" on "militarily".

    A manner adverb in "-ly" takes no phrase of its own: a phrase the parser hung on it
    belongs to the verb it modifies.
    """
    verb = adverb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    for c in list(adverb.children):
        if c.dep_ in ("obl", "nmod") and c.i > adverb.i and any(g.dep_ == "case" for g in c.children):
            c.head, c.dep_ = verb, "obl"


def _goods_read_as_coordinated_verb(t: Token, lexicon: Lexicon) -> None:
    """ "Turkey sent military advisers and drones to help ..." read with "drones" a second verb of "sent".

    A plural of goods (a word of the lexicon's commodity classes) right after
    "and", with a noun object of the same verb before it and no subject or
    object of its own, is that object's conjunct; what it took (the "to help"
    clause) goes back to the verb.
    """
    doc = t.doc
    verb = t.head
    if t.dep_ != "conj" or t.tag_ not in ("VBZ", "NNS") or t.i < 2 or doc[t.i - 1].lower_ != "and":
        return
    if not set(_stems(t.lower_)) & lexicon.commodities or any(
            c.dep_ in ("nsubj", "obj", "nsubj:pass", "aux") for c in t.children):
        return
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i < t.i and c.pos_ == "NOUN"]
    if not objects or objects[-1].right_edge.i != t.i - 2:
        return
    for c in list(t.children):
        if c.dep_ != "cc":
            c.head = verb
    t.head, t.pos_, t.tag_ = objects[-1], "NOUN", "NNS"


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
    _rehang_on_noun_before(verb, doc[subjects[0].left_edge.i - 1])


def _speaker_clause_attachment(verb: Token) -> None:
    """ "approved the sale of jets to Taiwan, angering Beijing, which said ..." read with "which said" on "sale".

    A relative clause of speech after a comma says what a speaker said; a
    thing ("sale") does not speak, so when the parser hung it on a common noun
    and a name stands right before the comma, the clause is the name's.
    """
    doc = verb.doc
    relative = [c for c in verb.children if c.dep_.startswith("nsubj") and c.lower_ in ("which", "who")]
    if len(relative) != 1 or verb.head.pos_ != "NOUN":
        return
    comma = relative[0].i - 1
    if comma < 1 or doc[comma].text != "," or doc[comma - 1].pos_ != "PROPN":
        return
    name = climb(doc[comma - 1], lambda t: t.dep_ in ("flat", "compound"))
    _rehang_on_noun_before(verb, name)


def _destination_after_transit(phrase: Token) -> None:
    """ "carries Azerbaijani gas across Georgia and Turkey to Italy" read with "to Italy" on "Georgia".

    A route names the lands crossed, then where the goods end: the "to"
    phrase after a phrase of transit ("across", "through", "via") is the
    verb's destination, not a part of the land crossed.
    """
    transit = climb(phrase.head, lambda t: t.dep_ == "conj")
    verb = transit.head
    if not transit.dep_.startswith("obl") or transit.i == verb.i or not any(
            c.dep_ == "case" and c.lower_ in _TRANSIT for c in transit.children):
        return
    phrase.head, phrase.dep_ = verb, "obl"


#: Prepositions of the lands a route crosses.
_TRANSIT = frozenset({"across", "through", "via"})


def _destination_after_origin(phrase: Token) -> None:
    """ "the delivery of 24 Rafale fighter jets from France to Egypt" read with "to Egypt" on "France".

    "From X to Y" names where something goes from and to: a "to" phrase the parser
    hung on the name of a "from" phrase belongs to what the "from" phrase qualifies.
    """
    origin = phrase.head
    if origin.pos_ != "PROPN" or origin.head.i == origin.i or not any(
            c.dep_ == "case" and c.lower_ == "from" for c in origin.children):
        return
    phrase.head = origin.head


def _subject_read_as_verb(word: Token) -> None:
    """ "Turkish warplanes bombed Kurdish positions" read with "warplanes" the verb, "bombed" an adjective.

    A verb takes no adjective before it: a "verb" with one, followed by a past
    form that the parser hung as an adjective on the "verb's" object, is the
    subject noun, and the past form is the verb.
    """
    doc = word.doc
    if word.i + 1 >= len(doc) or any(c.dep_.startswith("nsubj") for c in word.children):
        return
    verb = doc[word.i + 1]
    noun = verb.head
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "amod" or noun.head.i != word.i or noun.dep_ != "obj":
        return
    verb.head, verb.dep_, verb.pos_, verb.tag_ = (verb, "ROOT", "VERB", "VBD") if word.head.i == word.i \
        else (word.head, word.dep_, "VERB", "VBD")
    for c in list(word.children):
        if c.i > verb.i:
            c.head = verb
    word.head, word.dep_, word.pos_, word.tag_ = verb, "nsubj", "NOUN", "NNS"


def _infinitive_read_as_noun(word: Token, goods: Callable[[Token], bool]) -> None:
    """ "signed a deal to supply gas to China" read with "to supply gas" a phrase like "to supply chains".

    A verb that starts an edge, in its base form right after "to", before
    the goods it moves ("supply gas", "sell weapons"), is an infinitive, not
    a compound noun (those run the other way: "gas supply"). The goods become
    its object, "to" its mark, and the phrases after the goods that the
    parser hung on the verb above ("to China") its own. When the tagger
    itself read "to" as an infinitive's mark, any noun phrase will do.
    """
    mark = word.doc[word.i - 1]
    noun = climb(word, lambda t: t.dep_ in ("compound", "amod") and t.head.i > t.i)
    governor = noun.head
    if governor.pos_ == "NOUN" and governor.dep_ == "ROOT":
        _verb_with_a_subject(governor)  # "Vietnam and Japan plan to double trade": "plan" a noun with a subject
    # "sought ways to boost trade": the infinitive a clause of the noun the parser hung the goods on.
    of_noun = governor.pos_ == "NOUN" and noun.dep_ == "acl"
    if noun.i == word.i or noun.pos_ != "NOUN" or governor.i == noun.i or (
            governor.pos_ not in ("VERB", "AUX") and not of_noun):
        return
    if not (mark.tag_ == "TO" and mark.dep_ == "mark") and not goods(noun):
        return
    for c in list(governor.children):
        if c.i > noun.i and c.dep_.startswith(("obl", "nmod")):
            c.head = word
    # "intend to facilitate trade": a verb without an object takes the infinitive as its complement;
    # "signed a deal to supply gas": after an object it says what for.
    fallback = "advcl" if any(c.dep_ == "obj" for c in governor.children) or governor.pos_ != "VERB" else "xcomp"
    dep = noun.dep_ if noun.dep_ in ("xcomp", "advcl", "ccomp", "acl") else fallback
    word.head, word.dep_, word.pos_, word.tag_ = governor, dep, "VERB", "VB"
    mark.head, mark.dep_, mark.pos_, mark.tag_ = word, "mark", "PART", "TO"
    noun.head, noun.dep_ = word, "obj"


def _gerund_read_as_noun(word: Token) -> None:
    """ "by supplying weapons to the Houthis" read with "supplying" a compound of "weapons".

    A verb that starts an edge, in its "-ing" form right after "by", before a
    noun it modifies, is a gerund, not a modifier ("supplying weapons" is no
    kind of weapons): the noun is its object, "by" its mark, and the phrases
    after the noun its own.
    """
    mark = word.doc[word.i - 1]
    noun = word.head
    if noun.i <= word.i or noun.pos_ != "NOUN" or mark.head.i not in (noun.i, word.i) or noun.head.i == noun.i:
        return
    word.head, word.dep_, word.pos_, word.tag_ = noun.head, "advcl", "VERB", "VBG"
    mark.head, mark.dep_, mark.pos_, mark.tag_ = word, "mark", "SCONJ", "IN"
    for c in list(noun.children):
        if c.i > noun.i and c.dep_.startswith(("obl", "nmod")):
            c.head, c.dep_ = word, "obl"
    noun.head, noun.dep_ = word, "obj"


def _gerund_after_of_read_as_noun(word: Token) -> None:
    """ "accused Minsk of supplying Moscow with ammunition" read with "supplying" a noun of "Minsk".

    A verb that starts an edge, in its "-ing" form after "of" on the object of a verb, is
    the clause that verb's object is said to do ("of supplying"), and the phrases the parser
    hung on the verb after it, up to a comma, are the gerund's ("Moscow", "with ammunition").
    """
    of, owner = word.doc[word.i - 1], word.head
    verb = owner.head
    if (of.head.i != word.i or owner.dep_ != "obj" or word.dep_ not in ("nmod", "acl") or verb.pos_ != "VERB"
            or owner.i > word.i):
        return
    word.head, word.dep_, word.pos_, word.tag_ = verb, "advcl", "VERB", "VBG"
    of.dep_, of.pos_, of.tag_ = "mark", "SCONJ", "IN"
    stop = next((t.i for t in word.doc[word.i:word.sent.end] if t.is_punct), word.sent.end)
    for c in list(verb.children):
        if word.i < c.i < stop and c.dep_ in ("obj", "iobj", "obl"):
            c.head = word


def _verb_read_as_modifier_of_appositive(noun: Token) -> None:
    """ "Cuba expressed solidarity with Iran, its foreign ministry said" read as "Cuba, (an) expressed solidarity".

    A clause read as a name with an appositive whose adjective is the verb:
    the past form right after the name is the verb when the name is the
    sentence's root, or the subject of a verb that has a subject of its own
    ("its foreign ministry said": then the clause is what that verb reports).
    """
    name = noun.head
    doc = noun.doc
    # Right after the name ("Cuba expressed") or the names ("Nicaragua, Bolivia and Cuba expressed").
    verbs = [c for c in noun.children if c.dep_ == "amod" and c.tag_ in ("VBD", "VBN") and c.i > name.i
             and (c.i - 1 == name.i or name.is_ancestor(doc[c.i - 1])) and not noun.is_ancestor(doc[c.i - 1])
             and doc[c.i - 1].pos_ == "PROPN"]
    if len(verbs) != 1:
        return
    verb = verbs[0]
    speaker = name.head
    if name.dep_ == "ROOT" and speaker.i == name.i:
        for c in list(name.children):
            if c.i > noun.i:
                c.head = verb
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        name.dep_ = "nsubj"
    elif name.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i != name.i for c in speaker.children):
        verb.head, verb.dep_, verb.pos_ = speaker, "ccomp", "VERB"
    else:
        return
    name.head = verb
    noun.head, noun.dep_ = verb, "obj"


def _destination_inside_the_object(verb: Token) -> None:
    """ "dispatched a team of military doctors and engineers to the Maldives" read with "to the Maldives" on "doctors".

    Where a transfer goes is the verb's: a "to" phrase naming a place that the
    parser hung inside the verb's object (on a noun of its "of" phrase) is the
    verb's oblique.
    """
    for obj in [c for c in verb.children if c.dep_ == "obj"]:
        for t in obj.subtree:
            if t.i == obj.i or t.pos_ != "PROPN" or not t.dep_.startswith("nmod") or t.head.i == obj.i:
                continue
            if any(c.dep_ == "case" and c.lower_ == "to" for c in t.children):
                t.head, t.dep_ = verb, "obl"
                return


def _adjective_read_as_verb(word: Token) -> None:
    """ "sells electricity to neighbouring Kenya" read as "to neighbour Kenya", "Kenya" its object.

    "neighbouring" before a name qualifies it: the name heads the phrase, with
    the word's place and relation, and the word is its adjective.
    """
    names = [c for c in word.children if c.dep_ == "obj" and c.pos_ == "PROPN" and c.i == word.i + 1]
    if len(names) != 1 or word.head.i == word.i:
        return
    name = names[0]
    for c in list(word.children):
        if c.i != name.i:
            c.head = name
            if c.dep_ == "mark":
                c.dep_, c.pos_ = "case", "ADP"
    name.head, name.dep_ = word.head, "obl" if word.head.pos_ in ("VERB", "AUX") else "nmod"
    word.head, word.dep_, word.pos_, word.tag_ = name, "amod", "ADJ", "JJ"


def _perfect_read_as_possession(have: Token, event: Callable[[Token], bool]) -> None:
    """ "Indian missiles had struck sites in Pakistan" read as "had (struck sites)", "struck" an adjective.

    A past participle of a verb that starts an edge (``event`` says which), right
    after "have" that the parser made a verb of its own, hung as an adjective or
    a compound on that verb's object ("have lent billions"): the perfect tense of
    the participle, whose object the noun is.
    """
    verb = have.doc[have.i + 1]
    noun = verb.head
    if verb.dep_ not in ("amod", "compound") or not event(verb) or noun.head.i != have.i \
            or noun.dep_ != "obj" or noun.i <= verb.i:
        return
    head, dep = have.head, have.dep_
    # The participle takes the place of "have" first, so that no step makes a cycle.
    if head.i == have.i:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = head, dep
    verb.pos_ = "VERB"
    for c in list(have.children):
        c.head = verb  # its subject, its object, "would" and the rest of the clause
    have.head, have.dep_ = verb, "aux"
    noun.dep_ = "obj"


def _phrase_on_a_word_of_depth(word: Token) -> None:
    """ "hit oil refineries deep inside Russia" read with "inside Russia" a phrase of "deep".

    "deep", "far", "just" only say how far into a place: the place phrase
    they carry is the phrase of the word they qualify.
    """
    for c in list(word.children):
        if c.dep_.startswith(("obl", "nmod")) and c.i > word.i:
            c.head = word.head
            if word.head.pos_ in ("VERB", "AUX"):
                c.dep_ = "obl"


#: Words that say how far into a place a phrase reaches ("deep inside Russia").
_DEPTH_WORDS = frozenset({"deep", "far", "just", "well", "right", "miles", "kilometres", "kilometers"})


def _rehang_on_noun_before(phrase: Token, noun: Token) -> None:
    """Hang ``phrase`` on ``noun``, the noun right before it, when the parser hung it on one further up.

    Only a noun between the phrase and its present head, below that head and not
    inside the phrase, can take it: the tree stays a tree.
    """
    head = phrase.head
    if noun.i == head.i or noun.pos_ not in ("NOUN", "PROPN") or not head.i < noun.i < phrase.i:
        return
    if head.is_ancestor(noun) and not phrase.is_ancestor(noun):
        phrase.head = noun


#: Words that introduce examples of the noun before them ("partners including Germany").
_EXAMPLE_MARKS = frozenset({"including", "like"})


def _examples_attachment(examples: Token) -> None:
    """ "tanks from European partners including Germany" read with "including Germany" on "tanks".

    Examples name members of the noun right before them: the phrase belongs to
    that noun, not to one further up that the parser chose.
    """
    doc = examples.doc
    mark = min(c.i for c in examples.children if c.dep_ == "case")
    before = mark - 1
    while before > 0 and doc[before].is_punct:
        before -= 1
    _rehang_on_noun_before(examples, doc[before])


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
    # "The Power of Siberia pipeline delivers Russian gas to China": a conduit moves goods too.
    named = name.pos_ == "PROPN" or (name.pos_ == "NOUN" and (name.is_title or name.lower_ in lexicon.words(
        "infrastructure")))
    if not named or not set(_stems(word.lower_)) & lexicon.transfer_verbs:
        return
    goods = _goods_after(word, lexicon) or _share_of_goods(word, lexicon)
    root = word.sent.root
    if not goods:
        return
    if root.i < word.i and name in root.subtree and not any(t.pos_ in ("VERB", "AUX") for t in word.sent):
        name = root  # "The Power of Siberia pipeline delivers ...": no verb at all, the subject phrase is the root's
    elif not word.i <= root.i <= goods[-1].i:
        return  # the sentence has a verb of its own: not this misreading
    while name.dep_ in ("flat", "compound") and name.head.pos_ == "PROPN" and name.i < name.head.i < word.i:
        name = name.head
    if goods[0].lower_ in _SHARES:  # "sells most of its copper": the share is the object
        goods = goods[:1]
    head = goods[-1]
    for c in list(word.children):
        if c.i < word.i and c.i != name.i and name not in c.subtree:
            c.head = name  # the words of the subject phrase ("of Siberia pipeline") stay in it
    word.head, word.dep_, word.pos_, word.tag_ = word, "ROOT", "VERB", "VBZ"
    for t in (name, head, root):
        if t.i != word.i:
            t.head = word
    name.dep_, head.dep_ = "nsubj", "obj"
    head.pos_ = "NOUN" if head.pos_ == "VERB" or (head.pos_ == "PROPN" and head.is_lower) else head.pos_
    for t in goods[:-1]:
        for c in list(t.children):
            if c.i > head.i:  # "iron ore to China" with "to China" on "iron": the verb's phrase
                c.head, c.dep_ = word, "obl" if c.dep_.startswith(("nmod", "obl")) else c.dep_
        t.head, t.dep_ = head, _MODIFIER_DEPS.get(t.pos_, "compound")


def _predicate_read_as_object(verb: Token, critical: Set[str]) -> None:
    """ "branded the Lithuanian blockade illegal" read with "illegal" the object, "blockade" its compound.

    A verb that says what its object is takes the object and a predicate after
    it. An adjective (or a word of criticism, ``critical``, tagged a noun) the
    parser made the object's head is that predicate, and the noun before it the
    object; a bare noun phrase after the object ("called the report a smear")
    or in apposition to it ("called China's remarks 'economic coercion'") is
    the predicate too; an "as" phrase hung on the object belongs to the verb.
    """
    predicates = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if not any(c.dep_ == "obj" for c in verb.children) and len(predicates) == 2 and predicates[0].pos_ in (
            "NOUN", "PROPN", "PRON"):
        predicates[0].dep_ = "obj"  # "called the US move irresponsible": the first is the object
    objects = [c for c in verb.children if c.dep_ == "obj" and c.i > verb.i]
    for obj in objects:
        for c in list(obj.children):
            if c.dep_.startswith("nmod") and any(g.dep_ == "case" and g.lower_ == "as" for g in c.children):
                c.head, c.dep_ = verb, "obl"  # "described Israel's actions as violations": the verb's "as"
    if len(objects) == 2 and objects[1].pos_ == "NOUN":
        # "calling it a grave provocation": two objects, the second the predicate.
        objects[1].dep_ = "xcomp"
        return
    if len(objects) != 1:
        return
    obj = objects[0]
    nouns = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i and c.pos_ in ("NOUN", "PROPN")]
    determined = [c for c in nouns if any(g.dep_ == "det" for g in c.children)]
    if determined:
        # "calling the remarks 'economic coercion'": a noun with its own determiner is a phrase of its
        # own, the object; the phrase after it is the predicate.
        noun = determined[-1]
        noun.head, noun.dep_ = verb, "obj"
        obj.head, obj.dep_ = verb, "xcomp"
        return
    for c in obj.children:
        if c.dep_ == "appos" and c.i > obj.i:
            c.head, c.dep_ = verb, "xcomp"
            return
    if (obj.tag_ == "JJ" or obj.lower_ in critical) and nouns:
        noun = nouns[-1]
        for c in list(obj.children):
            if c.i < noun.i:
                c.head = noun
        noun.head, noun.dep_ = verb, "obj"
        obj.dep_, obj.pos_ = "xcomp", "ADJ"
        obj.head = verb
        return
    for c in verb.children:
        if c.dep_ in ("obl", "obl:unmarked", "obl:npmod", "dep") and c.i > obj.i and c.pos_ == "NOUN" and not any(
                g.dep_ == "case" for g in c.children):
            c.dep_ = "xcomp"


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


#: Words for a part of what is traded ("most of its copper", "half its oil").
_SHARES = frozenset({"most", "much", "half", "all", "some", "part", "bulk", "majority", "third", "quarter",
                     "share"})


def _share_of_goods(word: Token, lexicon: Lexicon) -> list[Token]:
    """ "sells most of its copper to China": a share, "of" and a phrase of goods after ``word``.

    Returns the words from the share to the end of the goods phrase, or nothing.
    """
    doc = word.doc
    k = word.i + 1
    if k < word.sent.end and doc[k].lower_ in ("the", "a"):
        k += 1  # "the bulk of", "a third of"
    if k + 1 >= word.sent.end or doc[k].lower_ not in _SHARES:
        return []
    last = k + 1 if doc[k + 1].lower_ == "of" else k
    if last + 1 < word.sent.end and doc[last + 1].lower_ in ("its", "their", "the"):
        last += 1
    goods = _goods_after(doc[last], lexicon)
    return [*doc[word.i + 1:last + 1], *goods] if goods else []


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

    The caller also passes an adjective with an object ("Poland summoned Russia's
    ambassador"), which no adjective takes. Only a verb or a predicate with a
    copula takes a subject or an auxiliary;
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


def _denial_of_a_charge_read_as_root(verb: Token, charges: frozenset[str]) -> None:
    """ "Kyiv accused Minsk of arming Moscow, a charge Belarus dismissed" read with "accused" under "dismissed".

    "a charge X dismissed" after a clause is an appositive of the clause, "X dismissed" a
    relative clause on "charge": the clause before it stands as the sentence (the
    accusation was made, whatever the accused says of it).
    """
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if clause is None or subject is None or subject.i < clause.i:
        return
    charge = next((c for c in subject.children if c.dep_ == "compound" and c.lower_ in charges), None)
    if charge is None:
        return
    clause.head, clause.dep_ = clause, "ROOT"
    charge.head, charge.dep_ = clause, "parataxis"
    verb.head, verb.dep_ = charge, "acl:relcl"
    for c in list(subject.children):
        if c.i < charge.i:
            c.head = charge  # "a": the charge's
    for c in list(verb.children):
        if c.dep_ == "punct" and c.i == c.sent.end - 1:
            c.head = clause


def _subject_read_as_adverbial(root: Token) -> None:
    """ "Uganda deployed troops to South Sudan" read with "Uganda" an adverbial of "deployed".

    A name that opens the clause of a root verb without a subject, with no preposition
    of its own and only auxiliaries, adverbs or "not" between it and the verb, is the
    verb's subject: a name is no adverb, and an oblique has its preposition.
    """
    # A participle with no auxiliary is the past tense the tagger missed ("Uganda deployed special forces").
    finite = root.tag_ in ("VBD", "VBZ", "VBP") or (
        root.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in root.children))
    if not finite or any(c.dep_.startswith(("nsubj", "csubj")) or c.dep_ == "expl" for c in root.children):
        return
    names = [c for c in root.children if c.i < root.i and c.pos_ == "PROPN"
             and c.dep_ in ("advmod", "obl:unmarked", "obl:npmod", "nmod:unmarked", "dep")
             and not any(g.dep_ == "case" for g in c.children)]
    if len(names) != 1:
        return
    name = names[0]
    between = root.doc[name.right_edge.i + 1:root.i]
    if all(t.pos_ in ("AUX", "PART", "ADV") for t in between):
        name.dep_ = "nsubj"
        if root.tag_ == "VBN":
            root.tag_ = "VBD"


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
    # "Russia and India aim to raise bilateral trade": a noun takes no infinitive of its own with a name before it.
    infinitive = any(c.dep_ in ("acl", "xcomp") and c.i > root.i and any(
        g.dep_ == "mark" and g.lower_ == "to" for g in c.children) for c in root.children)
    inflected = root.is_lower and root.text.isalpha() and (
        (phrase and root.lower_.endswith(("s", "ed"))) or infinitive)
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
    if inflected:  # so that it lemmatizes as a verb
        root.tag_ = next((tag for end, tag in _VERB_ENDINGS if root.lower_.endswith(end)), "VBP")
    for c in root.children:
        if c.dep_ == "acl" and c.i > root.i:
            c.dep_ = "xcomp"  # a verb's infinitive is its complement


def _verb_read_as_appositive(root: Token) -> None:
    """ "Kenya and Uganda aim to lift trade" read as the names, with "aim" their apposition.

    A noun in apposition to a root name, right before "to" and a verb, is the sentence's
    verb (a noun in apposition takes no infinitive): the names are its subject, the
    infinitive its complement.
    """
    doc = root.doc
    noun = next((c for c in root.children if c.dep_ == "appos" and c.i > root.i and c.pos_ == "NOUN"), None)
    if noun is None or noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ != "to" or doc[noun.i + 2].pos_ != "VERB":
        return
    verb = doc[noun.i + 2]
    if verb.head.i not in (root.i, noun.i) or any(c.dep_ == "det" for c in noun.children):
        return
    _make_root(noun, root, after=noun.i)
    noun.pos_, noun.tag_ = "VERB", "VBP"
    verb.head, verb.dep_ = noun, "xcomp"


def _plural_read_as_verb_before_the_verb(root: Token) -> None:
    """ "Turkish warplanes and drones struck PKK targets" read with "drones" a verb joined to "warplanes".

    Two verbs in a row joined to a root noun, the first a plural right after "and": the
    first is the noun's conjunct ("warplanes and drones"), the second the sentence's verb,
    with the coordinated nouns as its subject.
    """
    doc = root.doc
    joined = [c for c in root.children if c.dep_ == "conj" and c.i > root.i]
    if len(joined) < 2:
        return
    plural, verb = joined[0], joined[1]
    if (verb.i != plural.i + 1 or plural.pos_ != "VERB" or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN")
            or not plural.lower_.endswith("s") or doc[plural.i - 1].lower_ != "and"
            or any(c.dep_.startswith("nsubj") for c in verb.children)):
        return
    _make_root(verb, root, after=verb.i)
    plural.pos_, plural.tag_ = "NOUN", "NNS"
    verb.tag_ = "VBD"


def _object_read_as_apposition_of_the_subject(root: Token) -> None:
    """ "Egypt's foreign minister accused Ethiopia of ..." read as "the minister (who was) accused, Ethiopia".

    A root noun followed by a past form the parser hung on it as a reduced relative,
    with no object of its own, and then a name it read as the noun's apposition: the
    past form is the sentence's verb, the noun its subject and the name its object.
    """
    doc = root.doc
    if root.i + 2 >= len(doc):
        return
    verb, name = doc[root.i + 1], doc[root.i + 2]
    if (verb.head.i != root.i or verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN")
            or any(c.dep_ in ("obj", "obl:agent") for c in verb.children)
            or name.head.i != root.i or name.dep_ != "appos" or name.pos_ != "PROPN"):
        return
    _make_root(verb, root, after=name.i)
    verb.tag_ = "VBD"
    name.head, name.dep_ = verb, "obj"


def _make_root(verb: Token, subject: Token, *, after: int) -> None:
    """Make ``verb`` the sentence's root and the old root ``subject`` its subject.

    The subject's dependents after position ``after`` (the rest of the clause the parser
    hung on the noun) go to the verb.
    """
    for c in list(subject.children):
        if c.i > after:
            c.head = verb
    verb.head, verb.dep_ = verb, "ROOT"
    subject.head, subject.dep_ = verb, "nsubj"


def _object_after_a_particle(noun: Token) -> None:
    """ "Pakistan shot down an Indian fighter jet" read with "jet" a bare noun phrase of time or measure.

    A noun phrase that starts right after a verb's particle, on a verb with no object of
    its own, is that verb's object.
    """
    verb, doc = noun.head, noun.doc
    start = noun.left_edge.i
    if verb.pos_ != "VERB" or start == 0 or any(c.dep_ == "obj" for c in verb.children):
        return
    particle = doc[start - 1]
    if particle.dep_ == "compound:prt" and particle.head.i == verb.i and verb.i < particle.i:
        noun.dep_ = "obj"


def _irregular_form_of(word: Token, verbs: frozenset[str], lemma: Callable[[str], str]) -> bool:
    """Tell whether ``word`` is an inflected form of one of ``verbs`` other than a present in "-s".

    Its context-free lemma differs from it ("lent", "sold", "froze"): the tagger, which takes such a
    form for a noun after a name, cannot have read it otherwise. A present ("sells") is the
    present-tense repairs' (:func:`_present_transfer_read_as_noun`).
    """
    base = lemma(word.lower_)
    return word.is_lower and not word.lower_.endswith("s") and base != word.lower_ and base in verbs


def _past_transfer_read_as_noun(root: Token, lexicon: Lexicon, lemma: Callable[[str], str]) -> None:
    """ "China lent Pakistan $2 billion" read as one noun phrase with the root "lent".

    A root noun whose word is an inflected form of a transfer verb of the lexicon
    (its context-free lemma differs from it: "lent", "sold", "gave"), with a name
    compounded before it and no determiner, is that verb; the name is its subject.
    """
    if not _irregular_form_of(root, lexicon.transfer_verbs, lemma):
        return  # a present form ("sources", "sells") is the present-tense repair's
    names = [c for c in root.children if c.dep_ == "compound" and c.i < root.i and c.pos_ == "PROPN"]
    if len(names) != 1 or any(c.dep_ in ("det", "nmod:poss", "nsubj") for c in root.children):
        return
    root.pos_, root.tag_ = "VERB", "VBD"
    names[0].dep_ = "nsubj"
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i:
            c.dep_ = "obj"  # "$2 billion": what was lent


def _past_form_read_as_compound(root: Token, verbs: frozenset[str], lemma: Callable[[str], str]) -> None:
    """ "Algeria froze trade with Spain" read as one noun phrase, "Algeria froze" compounds of the root "trade".

    A word right before a root noun that is an irregular past form of an event or stopping
    verb (its context-free lemma differs from it and it has no plural "s": "froze", "lent",
    "struck"), with a name compounded right before it, is the sentence's verb: the name its
    subject, the noun its object.
    """
    if root.i < 2:
        return
    doc = root.doc
    word, name = doc[root.i - 1], doc[root.i - 2]
    if (word.head.i != root.i or word.dep_ != "compound" or not word.is_alpha
            or not _irregular_form_of(word, verbs, lemma)
            or name.head.i not in (root.i, word.i) or name.dep_ != "compound" or name.pos_ != "PROPN"
            or any(c.dep_ in ("nmod:poss", "nsubj") and c.i < name.i for c in root.children)):
        return
    # "The United States froze assets": a determiner before a capitalised name is the name's.
    dets = [c for c in root.children if c.dep_ == "det" and c.i < name.i]
    if any(not all(t.text[:1].isupper() for t in doc[d.i + 1:name.i]) for d in dets):
        return
    word.head, word.dep_, word.pos_, word.tag_ = word, "ROOT", "VERB", "VBD"
    name.head, name.dep_ = word, "nsubj"
    for d in dets:
        d.head = name
    root.head, root.dep_ = word, "obj"
    for c in list(root.children):
        if (c.dep_ == "punct" and c.i == c.sent.end - 1) or (c.dep_ == "conj" and c.pos_ == "VERB"):
            c.head = word  # "... and suspended a treaty": the verb's conjunct


def _transfer_verb_between_names(verb: Token) -> None:
    """ "China lent Kenya $5 billion to build a railway" read with "lent" a title of "Kenya" and "$" the root.

    An inflected form of a transfer verb ("lent", "sold", "gave") between two names,
    with the sentence's root after them, is the verb: the first name its subject, the
    second its indirect object, the old root (the amount) its object.
    """
    doc = verb.doc
    first, second = doc[verb.i - 1], doc[verb.i + 1]
    root = verb.sent.root
    if first.pos_ != "PROPN" or second.pos_ != "PROPN" or root.i <= second.i or root.pos_ == "VERB":
        return
    giver = climb(first, lambda t: t.dep_ in ("compound", "flat") and t.head.i < verb.i)
    taker = climb(second, lambda t: t.dep_ in ("compound", "flat") and t.head.i < root.i and t.head.i != verb.i)
    if giver.i >= verb.i or taker.i >= root.i:
        return
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
    giver.head, giver.dep_ = verb, "nsubj"
    taker.head, taker.dep_ = verb, "iobj"
    root.head, root.dep_ = verb, "obj"
    for t in doc[verb.sent.start:verb.i]:
        if t.head.i > verb.i and t.i != giver.i:
            t.head = giver  # "The" of "The United States"
    for c in list(root.children):
        if c.dep_ == "punct" and c.i == c.sent.end - 1:
            c.head = verb


def _recipient_read_as_compound_of_money(amount: Token) -> None:
    """ "lent Pakistan $2 billion" read with "Pakistan" a compound of "$": the verb's indirect object.

    ``amount`` is a sign of the lexicon's class ``money`` ("$", "€", "US$").

    A name right before an amount of money the verb takes as its object is the
    one it goes to (a double object), not a modifier of the amount.
    """
    verb = amount.head
    if verb.pos_ != "VERB" or amount.i == 0:
        return
    name = amount.doc[amount.i - 1]
    if name.head.i == amount.i and name.dep_ == "compound" and name.pos_ == "PROPN":
        amount.dep_ = "obj"
        name.head, name.dep_ = verb, "iobj"


def _name_read_as_a_predicate(verb: Token) -> None:
    """ "accused Chad of attacking its territory" read with "Chad" a predicate: the one accused is the object.

    ``verb`` is a verb whose object is the subject of its complement (class ``object_control``).
    """
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "PROPN":
            c.dep_ = "obj"


def _subject_read_as_object_of_said(verb: Token) -> None:
    """ "Officials said the Saudi-led coalition struck Yemen's capital" read with "the coalition" the object of "said".

    A verb of saying whose object is right before a clause it reports, and that
    clause has no subject, has said that clause: the object is its subject.
    """
    objects = [c for c in verb.children if c.dep_ == "obj"]
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(objects) != 1 or len(clauses) != 1:
        return
    subject, clause = objects[0], clauses[0]
    if subject.right_edge.i + 1 == clause.left_edge.i and not any(
            c.dep_.startswith("nsubj") for c in clause.children):
        subject.head, subject.dep_ = clause, "nsubj"


def _means_of_the_act_named(verb: Token) -> None:
    """ "accused Croatia of stoking tensions by buying Turkish drones" read with "by buying" on "accused".

    A verb that names another's act ("accuse X of", "blame X for") is not done by
    the means that follow the act: a clause "by" + gerund after that act is the
    act's, and its subject the one accused, not the accuser.
    """
    acts = [a for o in verb.children if o.dep_ in ("obj", "xcomp") for a in o.children
            if a.dep_ in ("acl", "advcl") and any(m.dep_ == "mark" and m.lower_ in ("of", "for") for m in a.children)]
    acts += [a for a in verb.children if a.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("of", "for") for m in a.children)]
    if len(acts) != 1:
        return
    act = acts[0]
    for c in list(verb.children):
        if c.dep_ == "advcl" and c.i > act.i and c.tag_ == "VBG" and [m.lower_ for m in c.children
                                                                      if m.dep_ == "mark"] == ["by"]:
            c.head = act


def _first_of_two_objects(verb: Token) -> None:
    """ "China offered Sri Lanka a $1.5 billion loan" read with two objects: the first is the indirect one.

    A verb with two direct objects, the first a name right after the verb and the
    second a common noun after it, takes a double object: the name is the one it
    goes to (English EWT marks it ``iobj``), the noun what goes.
    """
    objects = [c for c in verb.children if c.dep_ == "obj"]
    if len(objects) != 2:
        return
    first, second = objects
    if first.pos_ == "PROPN" and first.left_edge.i == verb.i + 1 and second.pos_ == "NOUN":
        first.dep_ = "iobj"


def _noun_of_goods_read_as_verb(word: Token, lexicon: Lexicon, lemma: Callable[[str], str]) -> None:
    """ "China's crude imports from Russia rose" read with "crude" the subject of the verb "imports".

    Goods do not import, export or ship: a present form of a transfer verb (or a plural of a
    transfer noun the tagger took for a verb, "20 LNG cargoes") right after a word of goods,
    with no object of its own, is the noun the goods qualify ("crude imports", "gas exports",
    "arms shipments"). It
    takes the goods' place in the tree unless that would hang it under itself
    (the phrase is the sentence's root: left to the parse).
    """
    doc = word.doc
    goods = doc[word.i - 1] if word.i > 0 else word
    if (word.dep_ == "ROOT" or word.tag_ not in ("VBZ", "NNS") or goods.pos_ not in ("NOUN", "PROPN", "ADJ")
            or lemma(goods.lower_) not in lexicon.commodities
            or not set(_stems(word.lower_)) & (lexicon.transfer_verbs | lexicon.transfer_nouns)
            or any(c.dep_ in ("obj", "iobj", "ccomp") for c in word.children)):
        return
    if goods.head.i != word.i:
        if goods.head in word.subtree or goods.dep_ == "ROOT":
            return
        word.head, word.dep_ = goods.head, goods.dep_
        goods.head = word
    goods.dep_, goods.pos_ = "compound", "NOUN"
    word.pos_, word.tag_ = "NOUN", "NNS"
    for c in list(goods.children):
        c.head = word  # "China's", "Russian": the owner and qualifiers of the goods are the trade's
    for c in word.children:
        if c.dep_ == "obl":
            c.dep_ = "nmod"  # "from Russia"


def _goods_read_as_verb(word: Token, lexicon: Lexicon) -> None:
    """ "export controls on gallium, germanium and antimony shipments" read with the verb "antimony".

    A word of goods tagged a verb, last of a coordination of nouns, whose object is the
    noun right after it, is the last of the goods that noun is of: the noun takes the place
    of the coordination, which becomes its compound ("gallium ... shipments to the United States").
    """
    doc = word.doc
    if word.dep_ == "conj" and word.head.pos_ == "VERB" and word.lower_ in lexicon.commodities:
        _goods_read_as_a_second_verb(word, lexicon)
        return
    first, noun = word.head, doc[word.i + 1] if word.i + 1 < len(doc) else word
    if (word.dep_ != "conj" or first.pos_ != "NOUN" or word.lower_ not in lexicon.commodities
            or noun.head.i != word.i or noun.dep_ != "obj" or noun.pos_ != "NOUN" or first.head.i == first.i):
        return
    noun.head, noun.dep_ = first.head, first.dep_
    first.head, first.dep_ = noun, "compound"
    word.pos_, word.tag_ = "NOUN", "NN"
    for c in list(first.children) + list(word.children):
        if c.dep_ == "case" and c.i < first.i:
            c.head = noun  # "on gallium, ...": the preposition of the whole phrase
        elif c.i > noun.i and c.dep_ in ("obl", "nmod"):
            c.head, c.dep_ = noun, "nmod"  # "to the United States": where the shipments go
        elif c.i > noun.i:
            c.head = noun.head  # ", escalating ...": a clause of what the phrase hangs on


def _goods_read_as_a_second_verb(word: Token, lexicon: Lexicon) -> None:
    """ "banned exports of gallium, germanium and antimony to the United States" read with the verb "antimony".

    The last of a list of goods, after "and", read as a verb joined to the sentence's verb:
    it is the last item of the list, and what it took is the verb's.
    """
    doc = word.doc
    verb = word.head
    if word.i < 3 or doc[word.i - 1].lower_ not in ("and", "or") or any(
            c.dep_.startswith("nsubj") or c.dep_ == "obj" for c in word.children):
        return
    before = doc[word.i - 2]
    if before.pos_ != "NOUN" or before.lower_ not in lexicon.commodities:
        return
    first = climb(before, lambda t: t.dep_ == "conj")
    for c in list(word.children):
        if c.dep_ == "cc":
            c.head = word
        elif c.dep_ != "punct":
            c.head = verb  # "to the United States": where the banned exports went
    word.head, word.dep_, word.pos_, word.tag_ = first, "conj", "NOUN", "NN"


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


def _past_verb_joined_after(root: Token, participle: Token) -> bool:
    """ "Eritrean troops crossed into Tigray and attacked several towns": a past verb joined to the noun after it.

    A reduced relative is not followed by "and" and a past tense on the same noun: that
    verb is a second verb of the noun as subject, so the participle is the first.
    """
    return participle.tag_ in ("VBD", "VBN") and any(g.dep_ == "conj" and g.pos_ == "VERB" and g.tag_ == "VBD"
                                            and g.i > participle.i for g in root.children)


def _clause_read_as_relative(root: Token, intransitive: Callable[[Token], bool],
                             controlling: Callable[[Token], bool]) -> None:
    """ "Israeli jets struck targets in Lebanon" read as "jets (that were) struck".

    A reduced relative clause is passive and takes no object; a participle
    after the root noun that has an object or a particle ("the minister lashed
    out at Spain"), a name it controls ("Serbia accused Croatia of stoking
    tensions", the name read as a predicate; ``controlling``), or one of a verb
    that has no passive ("Thai and Cambodian troops clashed", ``intransitive``),
    is the sentence's verb, and the noun its subject.
    """
    participles = [c for c in root.children if c.dep_ == "acl" and c.i > root.i and c.tag_ in ("VBN", "VBD")
                   and not any(g.dep_.startswith("nsubj") for g in c.children)]
    # "Tanks supplied by Poland arrived in Ukraine": after a reduced relative with its agent, a
    # second participle without one is the sentence's verb.
    # "The Philippines protested against China's use of water cannon": a sentence has a verb; when the
    # participle is its only one and has no agent, it is that verb, not a reduced relative.
    alone = not any(t.pos_ in ("VERB", "AUX") for t in root.sent if t.i not in {p.i for p in participles})
    verbs = [c for k, c in enumerate(participles) if any(g.dep_ in ("obj", "compound:prt") or (
                 g.dep_ == "xcomp" and g.pos_ == "PROPN" and controlling(c)) for g in c.children)
             or (k > 0 and _has_agent(participles[k - 1]) and not _has_agent(c) and c.tag_ == "VBD")
             or (k == 0 and (intransitive(c) or (alone and len(participles) == 1 and (
                 c.tag_ == "VBD" or root.pos_ == "PROPN")) or _past_verb_joined_after(root, c))
                 and not _has_agent(c))]
    if len(verbs) != 1:
        return
    verb = verbs[0]
    for c in list(root.children):
        if c.i > verb.i:
            c.head = verb
    verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
    root.head, root.dep_ = verb, "nsubj"


def _relative_clause_read_as_root(root: Token) -> None:
    """ "In July, parliament approved an agreement with Iran, under which Syria received a credit line".

    Read with "received" the root and "approved" its adverbial clause. A clause
    opened by a relative pronoun after a comma ("under which", "which")
    modifies the noun before the comma, however long the clause before it:
    that clause is the sentence's. The noun is the head of the phrase before
    the comma ("an agreement with Iran": the agreement).
    """
    doc = root.doc
    relatives = [c for c in root.children if c.lower_ in ("which", "whom") and c.i < root.i]
    if len(relatives) != 1:
        return
    start = relatives[0].i - 1 if doc[relatives[0].i - 1].pos_ == "ADP" else relatives[0].i
    if start < 2 or doc[start - 1].text != ",":
        return
    noun = climb(doc[start - 2], lambda t: t.dep_ in ("nmod", "flat", "compound"))
    clauses = [c for c in root.children if c.dep_ in ("advcl", "ccomp", "parataxis") and c.i < start
               and c.left_edge.i <= noun.i <= c.right_edge.i]
    if len(clauses) != 1 or noun.pos_ not in ("NOUN", "PROPN"):
        return
    verb = clauses[0]
    for c in list(root.children):
        if c.i < verb.left_edge.i:
            c.head = verb
    verb.head, verb.dep_ = verb, "ROOT"
    root.head, root.dep_ = noun, "acl:relcl"


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "obl:agent" for c in verb.children)
