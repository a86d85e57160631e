"""Reading arguments off the dependency parse (Universal Dependencies labels, as trained on EWT).

The rules ask "who is the logical subject of this verb?", "which phrase with
'to' hangs on this noun?", "is this event negated, only planned, or reported?"
and this module answers from the tree: passives are turned round ("was supplied
by Iran" has subject Iran), relative clauses and participles reach their head
noun, controlled complements inherit their subject ("agreed to supply",
"accused Iran of supplying"), coordination spreads over conjuncts, and negation
or modality is read from the chain of verbs that govern the event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from alignkg.graph.extract.frames import Lexicon

_CLAUSE_PUNCT = frozenset({";", ":", "—", "–"})
_RELATIVE = frozenset({"which", "who", "whom", "that", "whose"})
#: The prepositions that give a reason for blame or a measure ("over its arms sale", "since its
#: invasion"): the event they name is the other side's.
REASONS = frozenset({"over", "for", "after", "since", "following"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:outer", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubj:pass", "csubj:pass"})
_PHRASE_DEPS = ("obl", "nmod", "advcl", "acl")
_MODIFIER_DEPS = frozenset({"amod", "compound", "flat", "nmod:desc", "nmod:unmarked"})
#: Relations through which an event is governed by a verb that can negate or qualify it.
#: An adverbial clause with its own subject or subordinator ("after the US struck Iran") is asserted
#: on its own: it does not climb (see _is_complement).
_CHAIN_DEPS = frozenset({"xcomp", "ccomp", "acl", "csubj", "obj", "nsubj:pass", "obl", "conj", "acl:relcl", "nmod"})


def effective_pos(t: Token) -> str:
    """The part of speech the relations show, where the tagger disagrees with them.

    An adjectival modifier is an adjective ("reckless move" tagged as a noun);
    a word with a subject, an auxiliary or an object is a verb ("is supplying"
    tagged as a noun); an "adjective" with a determiner, or a "verb" with a
    possessor, as a subject, object or oblique, is a noun.
    """
    deps = {c.dep_ for c in t.children}
    if t.pos_ in ("NOUN", "ADJ", "ADV") and "cop" not in deps and deps & {"nsubj", "nsubj:pass", "aux", "aux:pass",
                                                                          "obj"}:
        return "VERB"  # a predicate noun or adjective has a subject too, but also a copula
    if t.dep_ == "amod":
        return "ADJ"
    if t.pos_ == "ADJ" and t.dep_ in _NOMINAL_DEPS and "det" in deps:
        return "NOUN"  # "sanctions against the aggressor" with "aggressor" tagged an adjective
    if t.pos_ == "VERB" and t.dep_ in _NOMINAL_DEPS and "nmod:poss" in deps:
        return "NOUN"  # "Japan's export curbs on South Korea": a verb takes no possessor
    return t.pos_


#: The relations of a noun phrase to its head: an "adjective" with a determiner in one is a noun.
_NOMINAL_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod"})


def is_passive(t: Token) -> bool:
    """Tell whether the verb ``t`` is passive ("was supplied", "drones supplied by Iran").

    A verb with an active subject or an object is active whatever else the parser
    hung on it.
    """
    deps = {c.dep_ for c in t.children}
    if deps & {"obj", "nsubj"}:
        return False
    if deps & (_PASSIVE_SUBJECT_DEPS | {"aux:pass"}):
        return True
    # "drones supplied by Iran"; a participle with its own object ("presidents signed an agreement",
    # a headline's past tense parsed as a participle) is active.
    return t.dep_ in ("acl", "advcl") and t.tag_ == "VBN" and not any(c.dep_ == "obj" for c in t.children)


def conjuncts(t: Token) -> list[Token]:
    """Return ``t`` and every token coordinated with it ("Russia, China and Iran").

    A conjunct across a semicolon, colon or dash is another clause the parser
    joined ("attack on Israel; US, Britain and France help down drones").
    """
    out = [t]
    stack = [t, *_ranked_after(t), *_along_with_clause(t), *_along_with_adverb(t)]
    doc = t.doc
    out.extend(stack[1:])
    while stack:
        cur = stack.pop()
        for c in cur.children:
            joined = c.dep_ == "conj" or (c.dep_ in ("nmod", "obl") and preposition(c) in _ALONG_WITH
                                          and effective_pos(cur) in ("NOUN", "PROPN"))
            if joined and c not in out and not _after_the_list(cur, c) and not any(
                    doc[k].text in _CLAUSE_PUNCT for k in range(min(cur.i, c.i) + 1, max(cur.i, c.i))):
                out.append(c)
                stack.append(c)
    return out


def _after_the_list(head: Token, c: Token) -> bool:
    """Tell whether conjunct ``c`` comes after a conjunct that "and" or "or" closed the list with.

    "the war between Russia and Ukraine, President Cyril Ramaphosa said": the
    parser may coordinate the name after the comma, but "and Ukraine" ended
    the list.
    """
    if c.dep_ != "conj" or any(g.dep_ == "cc" for g in c.children):
        return False
    return any(s.dep_ == "conj" and s.i < c.i and any(g.dep_ == "cc" and g.i > head.i for g in s.children)
               for s in head.children)


def _along_with_clause(t: Token) -> list[Token]:
    """ "The cap was agreed by the G7, along with Australia": a subject's partners hung on its verb."""
    verb = t.head
    if t.dep_ not in ("nsubj", "obl:agent") or verb.i == t.i or effective_pos(verb) not in ("VERB", "AUX"):
        return []
    return [c for c in verb.children if c.dep_ == "obl" and preposition(c) in _ALONG_WITH]


def _along_with_adverb(t: Token) -> list[Token]:
    """ "Japan, together with South Korea, condemned": the parser's adverb "together" takes the partner."""
    return [p for c in t.children if c.dep_ == "advmod" and c.lower_ in ("together", "along")
            for p in c.children if p.dep_ in ("obl", "nmod") and preposition(p) == "with"]


#: Prepositions that coordinate: "the United States, along with Britain, imposed sanctions".
_ALONG_WITH = frozenset({"along with", "together with"})


def _ranked_after(t: Token) -> list[Token]:
    """The items of a ranking that goes on after ``t``: "from Norway, followed by Russia and Belgium".

    The "followed by" phrase comes right after ``t``, or hangs on the predicate
    whose subject ``t`` is ("China is the top buyer, followed by India").
    """
    doc = t.doc
    k = t.i + 1
    while k < len(doc) and doc[k].text == ",":
        k += 1
    hosts = [doc[k]] if k < len(doc) and doc[k].lower_ == "followed" else []
    if t.dep_ in ("nsubj", "nsubj:pass") and t.head.i != t.i:
        # on the predicate, or on its phrase ("accounts for 9% of imports, followed by the US with 6%")
        near = [*t.head.children, *(g for c in t.head.children if c.dep_ in ("obl", "obj", "nmod") for g in c.children)]
        hosts += [c for c in near if c.lower_ == "followed" and c.i > t.i]
    return [c for h in hosts for c in h.children if c.dep_ in ("obl:agent", "obl") and preposition(c) == "by"]


def antecedent(t: Token) -> Token:
    """Map a relative pronoun to the noun its clause modifies ("Iran, which supplies...")."""
    if t.lower_ in _RELATIVE and t.head.dep_ in ("acl:relcl", "advcl:relcl") and t.head.head.i != t.head.i:
        return t.head.head
    return t


def preposition(t: Token) -> str:
    """Return the preposition or subordinator that introduces the phrase headed by ``t`` ("" if none)."""
    words = [c.lower_ for c in t.children if c.dep_ in ("case", "mark")]
    return " ".join(words)


def phrases(t: Token, preps: frozenset[str], *, own: bool = False) -> list[Token]:
    """Return the phrases on ``t`` introduced by one of ``preps`` ("supplied drones to Russia": Russia).

    The trigger's own phrases come first. Only when it has none (and ``own``
    does not ask for them alone) are phrases the parser hung elsewhere looked
    for: on the verb's object ("supplied thousands of soldiers to Russia"), one
    noun further on ("took one delivery on the spot market from Norway"), or on
    the verb that takes the noun ("imposed sanctions on Venezuela").
    """
    found = _phrases_on([t], preps)
    if found or own:
        return found
    if effective_pos(t) == "VERB":
        holders: list[Token] = []
        # "respond with force to any provocation": the parser may hang it on an oblique too.
        frontier = [o for o in t.children if o.dep_ in ("obj", "iobj", "nsubj:pass")
                    or (o.dep_ == "obl" and preposition(o) == "with")]
        for _ in range(2):
            holders += frontier
            frontier = [n for o in frontier for n in o.children
                        if n.dep_ in ("nmod", "nummod", "compound", "appos", "conj") and preposition(n) not in preps]
    else:
        holders = [n for n in t.children if n.dep_.startswith("nmod") and n.dep_ != "nmod:poss"]
        # "the sanctions Washington imposed on Iran": the relative clause whose object the noun is.
        holders += [c for c in t.children if c.dep_ in ("acl:relcl", "relcl") and _object_gapped(c)]
        if t.dep_ == "obj" and t.head.i != t.i:
            holders.append(t.head)  # not for a passive subject: "the gift was supported by the US"
    return _phrases_on(holders, preps)


def _phrases_on(holders: list[Token], preps: frozenset[str]) -> list[Token]:
    found = []
    for holder in holders:
        for c in holder.children:
            if c.dep_.split(":")[0] in _PHRASE_DEPS and c.dep_ != "nmod:poss":
                if any(w in preps for w in preposition(c).split()):
                    found.append(c)
    return found


def climb(t: Token, go: Callable[[Token], bool]) -> Token:
    """Return the first of ``t`` and its heads for which ``go`` is false, or the root.

    At most as many steps as the document has tokens: a tree the repairs
    rewired may hold a cycle (spaCy does not forbid one), and no sentence may
    keep the extractor climbing for ever.
    """
    for _ in range(len(t.doc)):
        if t.head.i == t.i or not go(t):
            break
        t = t.head
    return t


def subjects(t: Token, lexicon: Lexicon, depth: int = 0) -> list[Token]:
    """Return the logical subjects of ``t`` (the agent of a passive; inherited through control)."""
    if depth > 4:
        return []
    if effective_pos(t) in ("NOUN", "PROPN", "ADJ", "NUM", "PRON"):
        found = [c for c in t.children if c.dep_ in _SUBJECT_DEPS]
        if found:
            return [antecedent(c) for c in found]
        judged = _judged_objects(t, lexicon)
        if judged:
            return judged
        if t.dep_ == "xcomp" and t.head.i != t.i:
            return subjects(t.head, lexicon, depth + 1)  # "Mexico has become a critical energy supplier"
        if t.dep_ == "acl" and effective_pos(t) == "ADJ" and t.head.i != t.i:
            return [t.head]  # "The United States and South Korea, bound by a defence treaty, ..."
        if _predicated(t, lexicon):
            return subjects(t.head, lexicon, depth + 1)
        return []
    if is_passive(t):
        # "was supplied with tanks by Germany": the agent a parser hung on the verb's phrase.
        found = agents(t) or [n for c in t.children if c.dep_.startswith("obl") for n in c.children
                              if n.dep_.startswith("nmod") and preposition(n) == "by"]
        if found:
            return [antecedent(c) for c in found]
        if t.dep_ in ("acl", "advcl"):
            return []
    found = [c for c in t.children if c.dep_ in _SUBJECT_DEPS]
    if found:
        return [antecedent(c) for c in found]
    return _inherited_subjects(t, lexicon, depth)


def agents(verb: Token) -> list[Token]:
    """The agents of a passive verb: its "by" phrases ("was accused by Kyiv", "were struck by Israel")."""
    return [c for c in verb.children if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and preposition(c) == "by")]


def _judged_objects(predicate: Token, lexicon: Lexicon) -> list[Token]:
    """The objects a verb of judging or making says ``predicate`` of, or nothing.

    "called Russia's attack a war crime" (a predicate), "described Israel's actions
    as violations of international law" (an "as" phrase): the predicate's subject is
    what the verb judges or makes, not the verb's subject.
    """
    if not (predicate.dep_ == "xcomp" or (predicate.dep_.startswith("obl") and preposition(predicate) == "as")):
        return []
    verb = predicate.head
    lemma = verb.lemma_.lower()
    if verb.i == predicate.i or (lemma not in lexicon.words("judging_verbs")
                                 and lemma not in lexicon.words("making_verbs")):
        return []
    return [c for c in verb.children if c.dep_ == "obj" and c.i < predicate.i]


def _predicated(noun: Token, lexicon: Lexicon) -> bool:
    """Tell whether a noun says what its verb's subject is or becomes.

    "China emerged as Pakistan's biggest lender", "overtook Japan as the largest
    investor in Vietnam": an "as" phrase of a verb; "Beijing remains the top
    investor in Cambodia": the object of a verb that links like a copula (the
    parser reads it as an object); "is one of Angola's creditors": the phrase
    of "one", whose subject the noun's is.
    """
    verb = noun.head
    if noun.dep_.startswith("nmod") and preposition(noun) == "of" and verb.lower_ == "one":
        return True  # "China is one of Angola's biggest creditors": what "one" is said to be
    if verb.i == noun.i or effective_pos(verb) not in ("VERB", "AUX"):
        return False
    if noun.dep_.startswith("obl") and preposition(noun) == "as":
        return True
    linking = verb.lemma_.lower() in lexicon.words("linking_verbs") or verb.lemma_.lower() == "be"
    if noun.dep_.startswith("obl") and preposition(noun) == "among" and linking:
        return True  # "Japan remains among the top investors in Thailand"
    return noun.dep_ == "obj" and linking and verb.lemma_.lower() != "be"


def _inherited_subjects(t: Token, lexicon: Lexicon, depth: int) -> list[Token]:
    head = t.head
    if head.i == t.i:
        return []
    if _adjunct_of_the_sentence(t):
        # "Britain provided the missiles that Kyiv wants to boost its chances, prompting a threat":
        # a participle set off by a comma after a relative clause is the sentence's, not the clause's.
        return subjects(t.sent.root, lexicon, depth + 1)
    if t.dep_ == "advcl" and not preposition(t) and preposition(head) in ("for", "of") and head.dep_ in (
            "advcl", "xcomp", "obl") and head.head.i != head.i:
        # "criticized South Africa for bringing a case, rejecting accusations": the bare participle
        # is the main subject's, however the parser hung it on the controlled clause.
        return subjects(head.head, lexicon, depth + 1)
    gerund = t.dep_ == "obl" and t.tag_ == "VBG"  # "the revenues it earns from exporting oil"
    if (t.dep_ in ("xcomp", "advcl", "ccomp", "parataxis") or gerund) and effective_pos(head) in ("VERB", "AUX"):
        controllers = [c for c in head.children if c.dep_ in ("obj", "iobj")] or [
            # "lashed out at Spain for recognising": the one aimed at did it.
            c for c in head.children if c.dep_ == "obl" and preposition(c) in ("at", "against")]
        introduced = t.dep_ == "xcomp" or bool({c.lower_ for c in t.children if c.dep_ in ("mark", "case")}
                                               & {"to", "of", "for"})
        if controllers and introduced and head.lemma_.lower() in lexicon.words("object_control"):
            # "accused Iran of supplying drones", "urged Seoul to impose"; a bare participle
            # ("criticized South Africa ..., rejecting accusations") is the subject's own act.
            return [antecedent(c) for c in controllers]
        if t.dep_ == "ccomp" or (t.dep_ == "parataxis" and t.tag_ != "VBG"):
            return []
        raised = [c for c in head.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
        if introduced and raised and is_passive(head) and not any(c.dep_ == "obl:agent" for c in head.children):
            # "North Korea is believed to have sent missiles", "Iran was accused of supplying drones":
            # the passive's subject is the one said to act.
            return [antecedent(c) for c in raised]
        return subjects(head, lexicon, depth + 1) + _joined(head, t, lexicon)
    if t.dep_ == "conj":
        return subjects(head, lexicon, depth + 1)
    if t.dep_ == "xcomp" and effective_pos(head) == "ADJ" and _has_copula(head):
        return subjects(head, lexicon, depth + 1)  # "Russia is ready to increase oil supplies to India"
    if t.dep_ == "advcl" and t.tag_ == "VBG" and effective_pos(head) == "ADJ":
        # "voted to stay neutral in the conflict, rejecting a Saudi request": the predicate's subject.
        return subjects(head, lexicon, depth + 1)
    if t.dep_ == "acl" and preposition(t) == "to" and head.pos_ in ("NOUN", "PROPN"):
        # "signed an agreement with Russia to buy jets"; "the first country to provide Ukraine with missiles"
        return light_subjects(head, lexicon, depth + 1) or subjects(head, lexicon, depth + 1)
    if t.dep_ == "acl" and t.tag_ == "VBG" and t.i > 0 and t.doc[t.i - 1].text == "," and (
            head.dep_ not in _SUBJECT_DEPS and head.head.i != head.i):
        # "Beijing has become Moscow's lifeline, buying Russian oil": a participle set off by a comma
        # is the clause's adjunct, its subject the clause's, wherever the parser hung it.
        clause = climb(head.head, lambda c: effective_pos(c) not in ("VERB", "AUX"))
        return subjects(clause, lexicon, depth + 1) if effective_pos(clause) in ("VERB", "AUX") else []
    if t.dep_ in ("acl", "acl:relcl") and not is_passive(t):
        if any(c.dep_ in _SUBJECT_DEPS for c in head.children):
            return subjects(head, lexicon, depth + 1)  # "trainers have been in charge of delivering"
        # "issued a statement condemning Israel's seizure": the one who issued it; otherwise
        # "the country supplying drones", "forces fighting for Russia".
        return light_subjects(head, lexicon, depth + 1) or [head]
    return []


def objects(t: Token, lexicon: Lexicon) -> list[Token]:
    """Return the logical objects of ``t`` (the subject of a passive; the noun a participle modifies)."""
    if is_passive(t):
        found = [antecedent(c) for c in t.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
        if found:
            return found
        if t.dep_ in ("acl", "advcl") and t.head.i != t.i:
            return [t.head]
        return []
    found = [c for c in t.children if c.dep_ == "obj"]
    if len(found) > 1 and all(c.pos_ == "PROPN" for c in found):
        # Two names as objects of one verb are not a double object ("owes China $13 billion" is):
        # the second belongs to a verb the parser misread ("accused Beijing of supplying(noun)
        # Moscow with engines": Moscow is not accused).
        found = found[:1]
    if found:
        return [antecedent(c) for c in found]
    if t.dep_ == "acl:relcl" and t.head.i != t.i and not any(c.dep_ in _SUBJECT_DEPS and c.lower_ in _RELATIVE
                                                              for c in t.children):
        return [t.head]  # "the drones (that) Iran supplied"
    if t.dep_ == "conj" and t.head.i != t.i and effective_pos(t.head) == "VERB" and not any(
            c.dep_ in ("xcomp", "ccomp") for c in t.children):
        # "condemned and threatened the summit": a shared object; "... and threatened to take
        # countermeasures" has its own complement instead.
        return [c for c in t.head.children if c.dep_ == "obj"]
    return []


def _set_off_participle(t: Token) -> bool:
    """Tell whether ``t`` is a bare participle set off by a comma (", accusing Kinshasa of ...")."""
    return (t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > 0 and t.doc[t.i - 1].text == ","
            and not any(c.dep_ in ("mark", "case") for c in t.children))


def _adjunct_of_the_sentence(t: Token) -> bool:
    """Tell whether ``t`` is a participle after a comma that the parser hung inside a relative clause."""
    if t.dep_ != "advcl" or t.tag_ != "VBG" or t.i == 0 or t.doc[t.i - 1].text != ",":
        return False
    root = t.sent.root
    if effective_pos(root) not in ("VERB", "AUX") or root.i == t.head.i:
        return False
    return any(a.dep_ in ("acl:relcl", "acl") for a in t.ancestors if a.i != root.i)


def light_subjects(t: Token, lexicon: Lexicon, depth: int = 0) -> list[Token]:
    """For an event noun taken by a light verb ("launched strikes", "imposed sanctions"), its subjects.

    A light noun counts as the verb ("Trump's imposition of tariffs": Trump),
    and so does a coordinated noun ("sanctions and tariffs"). ``depth`` counts the calls
    between this and :func:`subjects`, which a misparsed relative clause can make endless.
    """
    if depth > 4:
        return []
    cur = climb(t, lambda c: c.dep_ == "conj")
    # "carried out hundreds of strikes": the count stands where the events would.
    counts = lexicon.words("quantity_words")
    cur = climb(cur, lambda c: c.dep_.startswith("nmod") and preposition(c) == "of" and c.head.lower_ in counts)
    relative = _relative_light_verb(cur, lexicon)
    if relative is not None:
        return subjects(relative, lexicon, depth + 1)
    verb = cur.head
    if verb.i == cur.i:
        return []
    if cur.dep_.startswith("nmod") and preposition(cur) == "of" and verb.lemma_.lower() in lexicon.words("light_nouns"):
        return possessors(verb) or [m for m in verb.children if m.dep_ in ("amod", "compound")]
    if cur.dep_ not in ("obj", "nsubj:pass", "obl") or effective_pos(verb) not in ("VERB", "AUX"):
        return []
    if cur.dep_ == "obl" and preposition(cur) in _AIMED_AT:
        return []  # "retaliated against US tariffs": the tariffs are the other side's, not the verb's subject's
    if verb.lemma_.lower() not in lexicon.words("light_verbs"):
        return []
    return subjects(verb, lexicon, depth + 1) + _joined(verb, cur, lexicon)


def _joined(verb: Token, act: Token, lexicon: Lexicon) -> list[Token]:
    """The ones a subject joins in an act ("Japan joined the United States in imposing sanctions").

    Joining someone "in" doing a thing says that they do it too, so the verb's
    objects are subjects of the act beside the verb's own.
    """
    if verb.lemma_.lower() not in lexicon.words("joining_verbs"):
        return []
    if not any(c.dep_ in ("mark", "case") and c.lower_ == "in" for c in act.children):
        return []
    return [antecedent(c) for c in verb.children if c.dep_ == "obj"]


#: Prepositions of an oblique that is what a light verb answers or aims at, not what its subject does.
_AIMED_AT = frozenset({"against", "over", "at", "for"})


def _relative_light_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """ "The strikes, which Israel carried out overnight": the light verb of a relative clause on the noun.

    The noun is the verb's object, gapped or as a relative pronoun, so the
    clause's subject is the event's agent; a clause with an object of its own
    ("the sanctions that hurt Iran's economy") says something else.
    """
    for c in noun.children:
        if c.dep_ in ("acl:relcl", "relcl") and c.lemma_.lower() in lexicon.words("light_verbs") \
                and _object_gapped(c):
            return c
    return None


def _object_gapped(verb: Token) -> bool:
    """Tell whether a relative clause's object is the noun it modifies (gapped, or a relative pronoun)."""
    return all(g.tag_ in ("WDT", "WP") or g.lower_ in ("that", "which")
               for g in verb.children if g.dep_ == "obj") \
        and not any(g.dep_.startswith("nsubj") and g.tag_ in ("WDT", "WP") for g in verb.children)


def complements(t: Token) -> list[Token]:
    """Return the clausal complements of ``t``.

    "refused to help", "refrained from intervening", "ruled out sending troops".
    """
    return [c for c in t.children if c.dep_ in ("xcomp", "ccomp")
            or (c.dep_ in ("advcl", "acl", "obl") and preposition(c) in ("from", "to"))
            or (c.dep_ == "advcl" and c.tag_ == "VBG" and not preposition(c) and not _set_off(c))]


def _set_off(clause: Token) -> bool:
    """ "refused to take part, leaving Bahrain alone": a clause after a comma is an adjunct, not a complement."""
    return any(g.dep_ == "punct" and g.text == "," and g.i < clause.i for g in clause.children)


def own_phrase(t: Token) -> list[Token]:
    """Return the words of ``t``'s phrase: its subtree without coordinated or adjoined clauses."""
    out, stack = [], [t]
    while stack:
        cur = stack.pop()
        out.append(cur)
        stack.extend(c for c in cur.children if c.dep_ not in ("conj", "cc", "parataxis", "advcl", "punct")
                     or (c.dep_ == "advcl" and _is_complement(c)))
    return out


def modifiers(t: Token) -> list[Token]:
    """Return the adjective and noun modifiers of ``t`` ("Iranian drones", "U.S. strikes").

    "UK-led training": the leader of a hyphenated "-led" modifier counts, however it was parsed.
    """
    found = [c for c in t.children if c.dep_ in _MODIFIER_DEPS]
    return found + [leader for c in found if (leader := hyphen_leader(c)) is not None]


def hyphen_leader(t: Token) -> Token | None:
    """The leader named before a hyphenated "-led" ("Saudi-led", "US-led"), however it was parsed."""
    doc = t.doc
    if t.lower_ == "led" and t.i >= 2 and doc[t.i - 1].text in ("-", "–"):
        return doc[t.i - 2]
    return None


def possessors(t: Token) -> list[Token]:
    """Return the possessors of ``t`` ("Iran's deals", "its aid")."""
    return [c for c in t.children if c.dep_ == "nmod:poss"]


def governors(t: Token, lexicon: Lexicon) -> list[tuple[Token, str]]:
    """Return ``t`` and the chain of words that govern it as an event, each with the relation climbed.

    "did not agree to supply": supply, agree. "plans to transfer": transfer,
    plans. "no evidence to suggest that Egypt is supplying": supplying,
    suggest, evidence. "reports that Iran is selling missiles are not true":
    selling, reports, true (a subject climbs only into a predicate with a
    copula). The chain stops above a verb of speech or a coordinated clause,
    so "said it had sent" is not negated by a negation elsewhere in the sentence,
    and below a verb that judges the event it takes ("did not condemn the invasion").
    """
    speech = lexicon.words("speech_verbs")
    presupposing = lexicon.words("presupposing_verbs")
    growing, standing = lexicon.words("growing_verbs"), lexicon.words("trade_objects")
    figures = growing | lexicon.words("figure_verbs")
    joining, demanding = lexicon.words("joining_verbs"), lexicon.words("demanding_verbs")
    denying = lexicon.words("deny_verbs") | lexicon.words("stop_verbs")
    chain = [(t, "")]
    cur = t
    while cur.head.i != cur.i and len(chain) < 6:
        dep = cur.dep_
        head = cur.head
        if dep == "obj" and head.lemma_.lower() in presupposing:
            break  # "did not condemn Russia's invasion": the invasion stands
        if (dep.startswith("nmod") and preposition(cur) == "to" and head.lemma_.lower() == "end"
                and head.head.lemma_.lower() in demanding):
            break  # "a resolution demanding an end to the U.S. embargo on Cuba": the embargo is in force
        if dep == "obj" and head.lemma_.lower() in joining and possessors(cur):
            break  # "will not join Russia's war": the war is Russia's, joined or not
        if dep == "obj" and head.lemma_.lower() in growing and cur.lemma_.lower() in standing:
            break  # "aim to raise bilateral trade": trade there is, whatever becomes of the aim
        if dep == "obj" and cur.lemma_.lower() in standing and any(
                c.dep_ in ("acl", "xcomp", "advcl") and c.i > cur.i and c.lemma_.lower() in figures
                for c in (*cur.children, *head.children)):
            break  # "expects trade with Uzbekistan to hit $10 billion": the trade is, its figure expected
        if _set_off_participle(cur) and head.lemma_.lower() in denying:
            break  # "dismissed Congo's accusations, accusing Kinshasa of ...": an act of its own, not denied
        if _adjunct_of_the_sentence(cur):
            break  # "..., prompting a threat": not in the mood of the relative clause the parser hung it on
        if dep.startswith("nmod") and preposition(cur) == "on" and head.lemma_.lower() in lexicon.words("levy_nouns"):
            break  # "cut tariffs on Australian beef exports": the exports go on
        if preposition(cur) in lexicon.words("contrast_prepositions"):
            break  # "no defence clause, unlike Russia's pact with North Korea": the pact stands
        if cur.lemma_.lower() in lexicon.words("continuing_verbs") and len(chain) > 1:
            break  # "is expected to remain a major buyer": it is one now
        if dep in ("obl", "nmod") and effective_pos(cur) in ("NOUN", "PROPN") and effective_pos(head) in (
                "VERB", "AUX") and not _taken_part_in(head, cur, lexicon):
            break  # "in response to Trump's imposition of tariffs, China suspended purchases": an adjunct
        subject_of = dep in ("nsubj", "nsubj:pass") and cur.pos_ in ("NOUN", "PROPN")
        if dep not in _CHAIN_DEPS and not subject_of and not (dep == "advcl" and _is_complement(cur)):
            break
        cur = head
        chain.append((cur, dep))
        if subject_of and not _has_copula(cur):
            break  # the verb an event noun is subject of: only its tense and mood tell (see polarity)
        if dep in ("ccomp", "acl:relcl", "obl", "nmod", "conj") and cur.pos_ in ("VERB", "AUX") and (
                dep != "ccomp" or cur.lemma_.lower() in speech):
            break
        if dep == "acl:relcl" and any(c.dep_ in _SUBJECT_DEPS for c in chain[-2][0].children):
            break  # "a plan to reduce reliance on gas it imports from Russia": the imports are so
    return chain


def _taken_part_in(verb: Token, event: Token, lexicon: Lexicon) -> bool:
    """Tell whether ``event`` is what ``verb`` takes part in ("did not take part in the attack").

    Taking part in an event is doing it, so the verb's negation and mood are
    the event's, as they are an object's.
    """
    if preposition(event) != "in":
        return False
    lemma = verb.lemma_.lower()
    words = lexicon.words("participating_verbs")
    return lemma in words or any(f"{lemma}_{c.lemma_.lower()}" in words for c in verb.children if c.dep_ == "obj")


def _is_complement(t: Token) -> bool:
    """Tell whether an adverbial clause is the complement of its verb, not a clause of its own.

    "authorised Ukraine to hit", "denied selling", "barred Nvidia from selling" (a
    parser may call them adverbial clauses) climb; "after the US struck Iran" has its
    own subject and subordinator.
    """
    marks = [c.lower_ for c in t.children if c.dep_ == "mark"]
    if marks:
        return marks == ["to"] or (marks == ["from"] and t.tag_ == "VBG")
    return not any(c.dep_ in _SUBJECT_DEPS or c.dep_ in _PASSIVE_SUBJECT_DEPS for c in t.children)


def _not_only(t: Token) -> bool:
    """ "will not only symbolize the alliance but also...": an addition, not a negation."""
    doc = t.doc
    return t.lower_ == "not" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("only", "just", "merely")


def _has_copula(t: Token) -> bool:
    return any(c.dep_ == "cop" for c in t.children)


@dataclass(frozen=True, slots=True)
class Polarity:
    """How an event is asserted (rules 4 and 5; Decisions: Commitments, Measures).

    ``modal``: only possible, planned or asked for ("plans to", "considering",
    "expected moves"); ``conditional``: "if it goes ahead", "could impose";
    ``future``: announced for later ("will impose"); ``near_future``: the
    conditional or future marker is on the event or on the verb that takes it
    (a threat frame reads such a measure as a threat); ``hedged``: reported;
    ``denied``: under a verb of denial ("denied selling"); ``permitted``: only
    allowed ("allowing Ukraine to attack": authorised strikes give nothing, guide
    War wording; a transfer a deal allows is reported as made); ``promised``:
    under a verb that announces it ("vowed to retaliate"); ``condition``: the event is what
    another depends on ("a crushing response if it attacked"), never itself announced.
    """

    negated: bool = False
    modal: bool = False
    conditional: bool = False
    future: bool = False
    near_future: bool = False
    hedged: bool = False
    denied: bool = False
    permitted: bool = False
    promised: bool = False
    condition: bool = False


def polarity(t: Token, lexicon: Lexicon) -> Polarity:
    """Read negation, modality and hedging of the event ``t`` from the words that govern it.

    A word reached through coordination ("did not supply drones but sold
    missiles": sold, supply) passes on only what governs it, not its own negation.
    """
    flags = dict.fromkeys(("negated", "modal", "conditional", "future", "near_future", "hedged", "denied",
                           "permitted", "promised", "condition"), False)
    chain = governors(t, lexicon)
    # "vowed to take steps against": the light verb stands where the event's own verb would.
    light = len(chain) > 1 and chain[1][1] == "obj" and chain[1][0].lemma_.lower() in lexicon.words("light_verbs")
    for k, (g, via) in enumerate(chain):
        near = k - 1 if light and k >= 2 else k  # how far the marks of ``g`` are from the event, for its mood
        if via in ("nsubj", "nsubj:pass") and not _has_copula(g):
            _event_subject(t, g, lexicon, flags)
            break
        if via != "conj":
            _own_marks(g, near, lexicon, flags)
        if (k == 0 or via != "conj") and any(c.dep_ in ("nsubj", "nsubj:pass") and (c.lower_ == "neither" or any(
                d.lower_ == "neither" for d in c.children)) for c in g.children):
            flags["negated"] = True  # "Neither France nor Germany sold weapons", "Neither ... has joined the cap"
        if k > 0 and via != "conj" and not (k == 1 and _judged(t, g, via, lexicon)) and not (
                k == 1 and _standing_relation(t, via, lexicon)):
            _governor(g, near, via, lexicon, flags)
    return Polarity(**flags)


def _judged(t: Token, g: Token, via: str, lexicon: Lexicon) -> bool:
    """ "called the attack a war crime": a verb of judging says what its object is, it asks for nothing.

    So does "in what it called a measured response", whatever relation the parser gave the predicate.
    """
    what = via == "obj" and any(c.lower_ == "what" for c in g.children)
    return (via == "xcomp" or what) and effective_pos(t) in ("NOUN", "ADJ") and g.lemma_.lower() in lexicon.words(
        "judging_verbs")


def _standing_relation(t: Token, via: str, lexicon: Lexicon) -> bool:
    """ "talks with its creditors": a creditor is one already; the talks do not make the loan only planned."""
    return via.startswith(("nmod", "obl")) and t.lemma_.lower() in lexicon.words("relational_heads")


def _auxiliary(g: Token, lexicon: Lexicon) -> bool:
    """Tell whether ``g`` has a modal or future auxiliary ("could", "will")."""
    marks = lexicon.words("modal_aux") | lexicon.words("future_aux")
    return any(c.dep_ == "aux" and c.lower_ in marks for c in g.children)


def _event_subject(t: Token, g: Token, lexicon: Lexicon, flags: dict[str, bool]) -> None:
    """ "an attack from Iran will carry consequences": an event subject of a future verb is hypothetical."""
    lemma = t.lemma_.lower()
    if lemma in lexicon.words("sanction_nouns") and _auxiliary(g, lexicon):
        # "tariffs on Mexican goods will take effect next month": a measure announced for later
        # (guide: Measures), which frames that know it read as a threat.
        flags["future"] = flags["near_future"] = True
    elif lemma in lexicon.words("acting_nouns") and _auxiliary(g, lexicon):
        flags["modal"] = True  # a treaty that "will pave the way" is a treaty all the same
    elif lemma in lexicon.words("consequence_nouns") and _auxiliary(g, lexicon):
        flags["future"] = flags["near_future"] = True  # "all consequences will be borne by the U.S."


def _own_marks(g: Token, k: int, lexicon: Lexicon, flags: dict[str, bool]) -> None:
    """The marks on ``g`` itself: negators, auxiliaries, "if", hedging adverbs, "expected" moves."""
    w = lexicon.words
    for c in g.children:
        word, dep = c.lower_, c.dep_
        if (dep in ("advmod", "det", "cc:preconj", "mark", "case") and word in w("negators") and not _not_only(c)) or (
                dep == "cc" and word == "nor"):
            flags["negated"] = True
        elif dep == "aux" and word in ("may", "might") and any(
                a.dep_ == "aux" and a.lower_ == "have" for a in g.children):
            flags["hedged"] = True  # "Russia may have supplied air defence systems": a past event surmised
        elif dep == "aux" and (word in w("modal_aux") or word in w("future_aux")):
            flags["conditional" if word in w("modal_aux") else "future"] = True
            flags["near_future"] = flags["near_future"] or k <= 1
        elif dep == "mark" and word in w("conditional_marks") and (k == 0 or g.dep_ in ("advcl", "ccomp")):
            # The event is the condition ("... if it attacked Iranian territory"), not a threat.
            flags["conditional"] = flags["condition"] = True
        elif dep == "mark" and word in w("averting_marks") and effective_pos(g) == "VERB":
            flags["modal"] = True  # "warned Beijing against arming Russia": warned of, not done
        elif dep == "advmod" and word in w("hedges"):
            flags["hedged"] = True
        elif dep == "amod" and (c.lemma_.lower() in w("modal_adjectives") or word in w("modal_adjectives")) and not (
                g.dep_ == "obj" and g.head.lemma_.lower() in w("approving_verbs")):
            flags["modal"] = True  # "expected moves to recognize", "planned deliveries"
        elif dep == "amod" and c.tag_ in ("VBN", "VBD") and c.lemma_.lower() in w("stop_verbs"):
            flags["negated"] = True  # "barred exports of chips", "suspended deliveries": stopped, not made


def _governor(g: Token, k: int, via: str, lexicon: Lexicon, flags: dict[str, bool]) -> None:
    """What a governing word does to the event: stop, deny, make it possible, allow, report, announce."""
    w = lexicon.words
    lemma = g.lemma_.lower()
    if lemma in w("threat_verbs"):
        flags["promised"] = True  # "vowed to retaliate against Israel"
        # "vowed to slap tariffs on": a measure announced for later (guide: Measures).
        flags["near_future"] = flags["near_future"] or k <= 1
    particles = [c.lower_ for c in g.children if c.dep_ == "compound:prt"]
    if lemma in w("stop_verbs") or any(f"{lemma}_{p}" in w("stop_verbs") for p in particles):
        flags["negated"] = True  # "stopped sending", "ruled out sending troops"
    elif lemma in w("deny_verbs"):
        flags["denied"] = True
    elif via in ("nsubj", "nsubj:pass") and lemma in w("denial_predicates"):
        flags["negated"] = True  # "reports that Iran sold missiles are false"
    elif lemma in w("modal_verbs") or (lemma in w("permit_verbs") and _auxiliary(g, lexicon)):
        flags["modal"] = True  # "will allow us to enable Israeli exports"
    elif lemma in w("permit_verbs"):
        flags["permitted"] = True  # "allowing Iran to provide Syria's oil needs"
    elif lemma in w("hedges"):
        flags["hedged"] = True


def words_of(tokens: Iterable[Token]) -> set[str]:
    """Return the lower-cased forms and lemmas of ``tokens``."""
    out: set[str] = set()
    for t in tokens:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
    return out
