"""Which states a word of the parse stands for, as an agent, a place, an actor or an origin of goods.

A rule finds the word in the argument position ("forces" in "Russian forces
struck Kyiv"); this module says which states that word means, following the
guide: a state named directly, its government, forces, officials or property
("the Russian government", "Iran's Revolutionary Guards", "the Chinese
embassy"), a pronoun or "the two countries" resolved with the nearby text, and
coordination ("Russia and China"). How far it looks depends on the mode:

- ``agent``: the state acting or acted on (subjects, recipients, partners);
- ``place``: also its territory, sites and armed groups located in it
  ("Iran's nuclear sites", "militants in Syria"; guide: Places, Strikes on groups);
- ``actor``: also the state whose action a noun names ("condemned the U.S. strikes");
- ``goods``: also the state whose goods or imports are hit ("tariffs on Indian goods");
- ``origin``: the state a weapon is made in ("Chinese-made J-10 fighters").
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token

from alignkg.graph.extract.context import QUOTES, SentenceView
from alignkg.graph.extract.frames import Lexicon
from alignkg.graph.extract.mentions import GROUP_KIND, Mention, Role
from alignkg.graph.extract.syntax import (
    REASONS,
    antecedent,
    climb,
    conjuncts,
    effective_pos,
    hyphen_leader,
    phrases,
    preposition,
    subjects,
)
from alignkg.graph.ontology import EdgeType

_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "she", "her", "itself", "themselves"})
_CORE = frozenset({"nsubj", "nsubj:pass", "obj", "iobj"})
_PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her", "himself", "herself"})
_SPEAKER_PRONOUNS = frozenset({"we", "our", "us", "i", "my"})
#: The phrases that give examples of a group of states.
_EXAMPLES = frozenset({"including", "like", "such"})
#: The phrases that name whom a measure is imposed on.
_PUNISHED = frozenset({"on", "against"})
#: Determiners of a noun that refers back ("the pact", "these strikes").
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: The keys of the event memory that are edge types of acts (the others are trigger lemmas): "the
#: move" is no alliance, which a state may be in without an act ("Turkey's NATO ally Greece").
_EDGE_TYPES = frozenset(t.value for t in EdgeType if t is not EdgeType.ALLIANCE)
#: Prepositions of the phrase that says whom an event was aimed at ("the attacks on Iran").
_AIMED_AT = frozenset({"on", "against", "at", "into", "upon"})
#: Endings that make a noun of an event's verb ("deployment", "withdrawal").
_NOMINAL_ENDINGS = frozenset({"ment", "al"})
_OWNER_DEPS = frozenset({"nmod:poss", "amod", "compound", "flat", "appos", "nmod:desc", "nmod:unmarked"})
_BY_MODE = {
    "agent": frozenset({"of", "from", "in", "including", "such"}),
    "place": frozenset({"of", "in", "inside", "near", "across", "within", "on", "along", "off"}),
    "actor": frozenset({"by", "of", "from"}),
    "goods": frozenset({"from", "of", "in", "to"}),
}

#: Who does an act named by a noun: "an attack by Iran", "strikes from Russia".
_ACTING_BY = frozenset({"by", "from"})


class Resolver:
    """Maps parse tokens to state codes within one sentence."""

    def __init__(self, view: SentenceView, lexicon: Lexicon) -> None:
        self.view = view
        self.agent_nouns = lexicon.words("agent_nouns")
        self.non_state = lexicon.words("non_state_heads")
        self.state_nouns = lexicon.words("state_nouns")
        self.institutions = lexicon.words("institution_nouns")
        self.infrastructure = lexicon.words("infrastructure")
        self.person_nouns = lexicon.words("person_nouns")
        self.measures = lexicon.words("measure_nouns")
        self.quantities = lexicon.words("quantity_words")
        self.spokes = lexicon.words("spokes_nouns")
        self.acting_nouns = lexicon.words("acting_nouns")
        #: Nouns that may sum up the clause before them ("an attack that ...", "a step the ministry ...").
        self.summing_nouns = self.acting_nouns | lexicon.words("act_nouns")
        self.speech = lexicon.words("speech_verbs")
        self.weapons = lexicon.words("arms")
        self.use_verbs = lexicon.words("use_verbs")
        self.attributing = lexicon.words("attributing_verbs")
        self.member_nouns = lexicon.words("member_nouns")
        self.relational_heads = lexicon.words("relational_heads")
        self.lexicon = lexicon
        #: States that the other role of the edge being read already holds (see ``_pronoun``).
        self.exclude: set[str] = set()
        self._speech: list[Token] | None = None
        #: Set while the subject of a verb of speech is read, so that "we said" does not ask for itself.
        self._speaking = False

    def states(self, tokens: list[Token], mode: str) -> tuple[str, ...]:
        """Return the states that ``tokens`` (and their conjuncts) stand for in ``mode``, in order."""
        codes: list[str] = []
        for token in tokens:
            for t in conjuncts(token):
                if t is not token and self._other_kind(token, t):
                    continue
                codes.extend(self._one(t, mode, 0))
        return tuple(dict.fromkeys(codes))

    def _other_kind(self, first: Token, other: Token) -> bool:
        """Tell whether a conjunct is of another kind than the word it is coordinated with.

        "the Israeli offensive on Iranian territories and U.S. airstrikes": an
        event the parser coordinated with a place is another event, not a target.
        """
        events = self.acting_nouns
        return (other.lemma_.lower() in events) != (first.lemma_.lower() in events)

    def speaker(self, *, window: bool = True, near: Token | None = None) -> tuple[str, ...]:
        """Return the state whose official speaks in this sentence (quotes, reported statements).

        The subject of a verb of speech ("Lavrov said", "the ministry warned"),
        read on the parse; an unnamed official or "he" is the speaker carried
        over from earlier sentences. ``window=False`` leaves out the window
        search of the first extractor: a quoted sentence without a verb of
        speech takes the speaker of the sentences before it. With ``near``, only
        a verb of speech that can report ``near`` counts (see :func:`_speaks_for`).
        """
        for t in self._speech_verbs():
            if near is not None and not _speaks_for(t, near):
                continue
            subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")]
            if subjects and subjects[0].lower_ in ("he", "she"):
                # '"...," he said': the one who spoke before, rather than the last person named.
                found = self.view.memory.speaker_before
                if found:
                    return found
            self._speaking = True
            try:
                codes = self.states(subjects, "agent")
            finally:
                self._speaking = False
            if codes:
                return codes
            if subjects and (subjects[0].lower_ in ("he", "she") or subjects[0].lemma_.lower() in self.agent_nouns):
                return self.view.memory.speaker_before
        if window:
            return self.view.speaker()
        # A sentence of a quotation that goes on from the one before: its speaker carries over.
        return self.view.memory.last_speaker if self.view.where(QUOTES) else ()

    def _speech_verbs(self) -> list[Token]:
        """The verbs of speech of the sentence, found once: many triggers ask for the speaker."""
        if self._speech is None:
            doc = self.view.doc
            self._speech = [t for t in doc[self.view.start:self.view.end]
                            if t.pos_ == "VERB" and t.lemma_.lower() in self.speech]
        return self._speech

    def reports_speech(self) -> bool:
        """Tell whether the sentence reports what someone said (a verb of speech in it)."""
        return bool(self._speech_verbs())

    def origins(self, t: Token) -> tuple[str, ...]:
        """Return the states a weapon is said to be made in ("U.S.-made jets", "Chinese-made J-10")."""
        codes: list[str] = []
        for c in t.children:
            for k in [c, *c.children]:
                m = self.view.mention_at.get(k.i)
                if m is not None and m.codes and m.role is Role.ORIGIN:
                    codes.extend(m.group_codes)
        for i in range(max(self.view.start, t.i - 4), t.i):  # the hyphenated form is often parsed apart
            m = self.view.mention_at.get(i)
            if m is not None and m.codes and m.role is Role.ORIGIN:
                codes.extend(m.group_codes)
        return tuple(dict.fromkeys(codes))

    def _pronoun(self, t: Token) -> tuple[str, ...]:
        """A pronoun's states; not the other role's states when the sentence offers another antecedent.

        "Armenia accused Azerbaijan of shelling its territory": "its" is not the shelling state.
        """
        event = self._judged_event(t)
        if event is not None:
            # "denied the accusation, calling it baseless": a charge called false is denied (guide: Denials).
            w = self.lexicon.words
            denied = event.lemma_.lower() in w("charge_nouns") and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in w("denial_predicates") for c in t.head.children)
            return () if denied else self.states([event], "actor")
        codes = self._subject_antecedent(t) or self.view.pronoun(t.i)
        if t.lower_ in ("they", "their", "them", "themselves") and set(codes) & self.exclude \
                and not set(codes) <= self.exclude:
            # "Russia and China condemned the strikes. Russia called them a violation": a group
            # with the other role in it is that side, not the one it speaks of.
            return ()
        if t.lower_ in _PERSON_PRONOUNS and codes and set(codes) <= self.exclude:
            # "Sisi hailed his talks with Putin": a person's own talks, not the nearest other state's.
            return ()
        predicated = self._predicate_subject(t)
        if predicated and set(codes) <= set(predicated):
            # "Greece is its NATO ally": a possessor of the predicate noun is not the subject it is said of.
            return self._besides_excluded(t, codes, frozenset(predicated))
        return self._besides_excluded(t, codes)

    def _judged_event(self, t: Token) -> Token | None:
        """ "condemned Israel's strike on Qatar, calling it an escalation": "it" is the strike, not Qatar.

        The object pronoun of a verb of judging in a clause set off from the verb
        it qualifies stands for that verb's object, when that object is an act
        (a noun that names no state), as the judging is of what was condemned.
        """
        verb = t.head
        if t.lower_ not in ("it", "them") or t.dep_ != "obj" or verb.dep_ not in ("advcl", "conj", "xcomp") \
                or verb.lemma_.lower() not in self.lexicon.words("judging_verbs"):
            return None
        acts = [c for c in verb.head.children if c.dep_ == "obj" and c.i < t.i and effective_pos(c) == "NOUN"
                and self.view.mention_at.get(c.i) is None]
        return acts[-1] if acts else None

    def _predicate_subject(self, t: Token) -> tuple[str, ...]:
        """The states of the subject of a predicate noun that ``t`` possesses ("Greece is its ally"), or none."""
        noun = t.head
        if t.dep_ != "nmod:poss" or not any(c.dep_ == "cop" for c in noun.children):
            return ()
        return tuple(code for c in noun.children if c.dep_ == "nsubj" for code in self._mention_codes(c, "agent") or ())

    def _besides_excluded(self, t: Token, codes: tuple[str, ...],
                          excluded: frozenset[str] | None = None) -> tuple[str, ...]:
        """``codes``, or the nearest single state named before ``t`` when ``codes`` is the other role's."""
        exclude: Set[str] = self.exclude if excluded is None else excluded
        if not codes or not set(codes) <= exclude:
            return codes
        for m in reversed(self.view.mentions):
            if m.end <= t.i and len(m.group_codes) == 1 and m.role is not Role.BLOCKED \
                    and not set(m.group_codes) & exclude:
                return m.group_codes
        # "Seoul reacted furiously, with Moon calling it 'very reckless'": the state the sentence
        # before was about, when this one names no other.
        last = self.view.memory.last_subject
        if len(last) == 1 and not set(last) & exclude:
            return last
        return codes

    def _subject_antecedent(self, t: Token) -> tuple[str, ...]:
        """A state pronoun's antecedent: the subject mention before it in its sentence.

        "China said its exports rose": the parse says which mention is the subject.
        """
        if t.lower_ not in ("it", "its", "itself", "they", "their", "them", "themselves"):
            return ()
        plural = t.lower_ in ("they", "their", "them", "themselves")
        doc = self.view.doc
        blamed = self._blamed_for(t)
        if blamed:
            return blamed
        speaker = self._reported_speaker(t)
        if speaker:
            return speaker
        for m in reversed(self.view.mentions):
            if m.end > t.i or not m.codes or m.role is Role.BLOCKED or m.kind == "demonym":
                continue  # "Indian missiles had struck ... and its forces": a demonym's thing owns no forces
            root = doc[m.start:m.end].root
            if root.dep_ in ("nsubj", "nsubj:pass") and (len(m.group_codes) >= 2) == plural:
                return m.group_codes if plural else m.codes
        return ()

    def _reported_speaker(self, t: Token) -> tuple[str, ...]:
        """ "angering Beijing, which said it would take countermeasures": "it" is the one who said it.

        The subject pronoun of what a speaker says is the speaker, when the
        speaker is one state (a relative pronoun stands for the noun it follows).
        """
        clause = t.head
        if not t.dep_.startswith("nsubj") or clause.dep_ != "ccomp" or t.lower_ not in ("it", "they"):
            return ()
        verb = clause.head
        if verb.i == clause.i or verb.lemma_.lower() not in self.speech:
            return ()
        # "Iran threatened to strike Israel, saying it would avenge ...": a participle's speaker is its subject's.
        speakers = [antecedent(c) for c in verb.children if c.dep_ == "nsubj"] or (
            subjects(verb, self.lexicon) if verb.tag_ == "VBG" else [])
        if any(s.i == t.i for s in speakers):
            return ()
        codes = self.states(speakers, "agent")
        # "Iran's Revolutionary Guards said they had fired": a plural speaker may be one state's.
        plural = t.lower_ == "they"
        fits = len(codes) >= 2 or (len(codes) == 1 and speakers[0].tag_ in ("NNS", "NNPS")) if plural \
            else len(codes) == 1
        return codes if fits else ()

    def _blamed_for(self, t: Token) -> tuple[str, ...]:
        """ "Beijing lashed out at Washington over its arms sale": "its" in the reason is the one blamed.

        A pronoun in the "over"/"for" phrase of a verb of blame (the object
        control class: accuse, criticise, lash out...) refers to that verb's
        object, not to its subject.
        """
        phrase = climb(t, lambda c: c.dep_ in ("nmod:poss", "det", "amod", "compound", "nmod") and (
            c.i == t.i or preposition(c) not in REASONS))
        verb = phrase.head
        if verb.lemma_.lower() in self.lexicon.words("object_control") and preposition(phrase) in ("over", "for") \
                and effective_pos(verb) == "VERB":
            blamed = [c for c in verb.children
                      if c.dep_ == "obj" or (c.dep_ == "obl" and preposition(c) in ("at", "against"))]
            return self.states(blamed, "agent")
        for _ in range(3):  # "sanctions on Moscow over its invasion": the parser may hang the reason on a noun
            if effective_pos(verb) == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        if preposition(phrase) in REASONS and effective_pos(verb) == "VERB":
            # "imposed sanctions on Russia since its invasion of Ukraine": the one punished.
            measures = [c for c in verb.children if c.dep_ == "obj"
                        and c.lemma_.lower() in self.lexicon.words("sanction_nouns")]
            # "a tariff on Indian goods over its purchases": the state whose goods are hit.
            return self.states([p for m in measures for p in phrases(m, _PUNISHED) or phrases(verb, _PUNISHED)],
                               "goods")
        return ()

    def _mention_codes(self, t: Token, mode: str) -> tuple[str, ...] | None:
        """The codes of the mention covering ``t``; () for a non-state; None when no mention covers it."""
        m = self.view.mention_at.get(t.i)
        if m is None:
            return None
        if not m.codes or (m.role is Role.BLOCKED and self._blocked(m) and not (
                mode == "place" and self._on_installation(m))):
            return ()
        if m.role is Role.ORIGIN and mode != "goods":
            return ()
        if m.role is Role.PLACE and mode == "agent" and self._heads_place(t):
            return ()
        return self._group(t, m)

    def _group(self, t: Token, m: Mention) -> tuple[str, ...]:
        """The codes of the coordinated group of mention ``m`` at token ``t``, within ``t``'s clause.

        The mention grouping joins "Russia and China" where the parse may not; it
        must not join the subject of the next clause ("Israel struck Iran, and
        Russia refrained"): core arguments of two different verbs are two clauses.
        """
        if len(m.group) < 2:
            return m.codes
        doc = self.view.doc
        codes: list[str] = []
        for member in m.group:
            root = doc[member.start:member.end].root
            if member is not m and root.head != t.head and root.dep_ in _CORE and t.dep_ in _CORE:
                continue  # core arguments of two different verbs: two clauses
            codes.extend(member.codes)
        return tuple(dict.fromkeys(codes))

    def _on_installation(self, m: Mention) -> bool:
        """ "attacks on Russian refineries": an installation a demonym names is on that state's soil."""
        doc = self.view.doc
        head = doc[m.start:m.end].root.head
        return m.end < len(doc) and doc[m.end].text not in ("-", "–") and (
            head.lemma_.lower() in self.infrastructure or head.lower_ in self.infrastructure)

    def _blocked(self, m: Mention) -> bool:
        """Confirm on the parse a state mention that the word window took for a non-state.

        "Iran-backed militias" and "Russian companies" stay blocked; "Russia's
        central bank assets" is not, though "bank" follows "Russia's" (the
        possessor belongs to "assets"), nor is the possessor of a relation
        ("Pakistan's biggest lender").
        """
        doc = self.view.doc
        if m.end < len(doc) and doc[m.end].text in ("-", "–"):
            return True
        head = doc[m.start:m.end].root.head
        if m.possessive and head.lemma_.lower() in self.relational_heads:
            return False  # "Pakistan's biggest lender": the one lent to
        if head.lemma_.lower() in self.non_state or head.lower_ in self.non_state:
            return True
        owner = self.view.mention_at.get(head.i)
        return owner is not None and owner is not m and not owner.codes

    def _heads_place(self, t: Token) -> bool:
        """ "Iranian territory": a demonym on a place noun names a place, not an actor."""
        return t.dep_ in ("amod", "compound", "nmod:poss") and t.head.lemma_.lower() not in self.agent_nouns

    def _one(self, t: Token, mode: str, depth: int) -> tuple[str, ...]:
        if mode == "origin":
            return self.origins(t)
        if mode == "goods" and (t.lemma_.lower() in self.person_nouns or self.view.lemma[t.i] in self.person_nouns):
            # "sanctioned three Iranian officials": people, not their state (the context-free lemma
            # too: "oligarchs" tagged a singular noun keeps its plural as the tagger's lemma).
            return ()
        if (mode == "goods" and (t.lower_ in self.measures or t.lemma_.lower() in self.measures)) or (
                t.lower_ in self.quantities):
            # "destroyed most of Iran's air defences": a part stands for what it is part of.
            measured = [c for c in t.children if c.dep_ == "appos" or (c.dep_ == "nmod" and preposition(c) == "of")]
            if measured:  # "C$30 billion worth of imports from the United States": the imports, at no depth
                return tuple(dict.fromkeys(code for c in measured for code in self._one(c, mode, depth)))
        named = self._named(t, mode, depth)
        if named is not None:
            return named
        if depth >= 2:
            return ()
        return self._by_head(t, mode, depth)

    def _named(self, t: Token, mode: str, depth: int) -> tuple[str, ...] | None:
        """A state named at ``t``: a mention, a pronoun, "the country"; None when ``t`` names none."""
        found = self._mention_codes(t, mode)
        group = self.view.mention_at.get(t.i)
        if found and group is not None and group.kind == GROUP_KIND and depth < 2:
            # "agreed by the Group of Seven - the United States, Britain and Japan -": the members named.
            listed = self._attached(t, "appos", mode, depth)
            if listed:
                return listed
        if found and depth < 2 and (t.dep_ in ("compound", "amod", "flat") or t.pos_ != "PROPN"):
            # "Iran's Syria consulate", "Ukraine's U.S. ambassador": the possessor owns what the name
            # qualifies. A name that heads its phrase is itself ("its ally Syria").
            owned = self._attached(t, "nmod:poss", mode, depth)
            if owned:
                return owned
        if found == () and depth < 2:
            # "the Group of Seven - the United States, Britain, ...": a group that names its members;
            # "villages in Iraq's Kurdistan region": a place that is no state lies in its possessor.
            listed = self._attached(t, "appos", mode, depth) or (
                self._attached(t, "nmod:poss", mode, depth) if mode == "place" else ())
            if listed:
                return listed
        if found is not None:
            if found and t.lemma_.lower() in self.agent_nouns and depth < 2:
                # "Russian and Belarusian presidents": the mention took one demonym, the parse has both.
                more = self._owners(t, "agent", depth, deps=frozenset({"amod", "compound"}), preps=frozenset())
                return tuple(dict.fromkeys(found + more))
            return found
        word, lemma = t.lower_, t.lemma_.lower()
        if word in _PRONOUNS:
            return self._pronoun(t)
        if word in _SPEAKER_PRONOUNS:
            # '"We are against ...," said a spokesman for China's Foreign Ministry': the parse's speaker
            # first; "we" as the subject of the verb of speech itself falls back to the window.
            return self.view.speaker() if self._speaking else self.speaker()
        if (lemma in self.state_nouns or lemma in self.institutions) and self._is_reference(t):
            # "the U.S. signed a new agreement with the Gulf nation": not the U.S. itself;
            # "The ministry condemned ...": the ministry of the state the text is about.
            return self._besides_excluded(t, self.view.pronoun(t.i, "it"))
        owner = [c for c in t.children if c.dep_ == "nmod:poss" and c.lower_ in _PRONOUNS]
        if lemma in self.state_nouns and owner:  # "Israeli strikes on his country": whose "his" is
            return self.view.pronoun(owner[0].i)
        return None

    def _attached(self, t: Token, dep: str, mode: str, depth: int) -> tuple[str, ...]:
        """The states of the words hung on the mention at ``t`` by ``dep`` from outside it.

        An apposition lists members, so its conjuncts count too ("the United States, Britain, ...").
        """
        m = self.view.mention_at[t.i]
        words = [k for c in t.children if c.dep_ == dep and not m.start <= c.i < m.end
                 for k in (conjuncts(c) if dep == "appos" else [c])]
        return tuple(dict.fromkeys(code for k in words for code in self._one(k, mode, depth + 1)))

    def _by_head(self, t: Token, mode: str, depth: int) -> tuple[str, ...]:
        """The states a noun stands for by what it is: forces, a place, an event, a weapon in use."""
        lemma = t.lemma_.lower()
        if lemma in self.non_state:
            # "militants in Syria" are struck in Syria; "Russian companies" are not Russia; a strike on
            # "Russian refineries" is on Russia's soil, where their owners may be private.
            if mode == "place":
                deps = _OWNER_DEPS if lemma in self.infrastructure else frozenset()
                return self._owners(t, mode, depth, deps=deps, preps=frozenset({"in", "inside"}))
            return ()
        if lemma in self.member_nouns or t.lower_ in self.member_nouns:
            # "tanks from European partners including Germany and Poland": the states it gives as examples.
            examples = self._owners(t, "agent", depth, deps=frozenset(), preps=_EXAMPLES)
            if examples:
                return examples
        if mode != "agent" and lemma in self.weapons:
            users = self._users(t)
            if users:  # "an Iranian drone used by Russian troops" belongs to Russia, made in Iran
                return users
        if lemma in self.agent_nouns or lemma in self.acting_nouns or t.pos_ == "PROPN":
            preps = _BY_MODE["agent"] | {"for"} if lemma in self.spokes else _BY_MODE["agent"]
            if lemma in self.acting_nouns:
                preps = _ACTING_BY  # "the bombing in Damascus" is not Syria's, "the invasion of Ukraine" not Ukraine's
            codes = self._owners(t, "agent", depth, deps=_OWNER_DEPS, preps=preps)
            if not codes and lemma in self.acting_nouns and mode == "agent":
                # "airstrikes blamed on Turkey"; "The strikes hit military sites across Iran" after
                # "Israel launched air strikes".
                codes = self._blamed(t) or self._event_named_before(t)
            if codes or mode == "agent":
                return codes
        elif mode == "agent":
            return ()
        return self._owners(t, mode, depth, deps=_OWNER_DEPS, preps=_BY_MODE[mode]) or (
            (self._clause_summarised(t) or self._move_prompted(t) or self._event_named_before(t))
            if mode == "actor" else ())

    def _move_prompted(self, t: Token) -> tuple[str, ...]:
        """ "Venezuela annexed the region, prompting Georgetown to condemn the move": the annexer's move.

        "The move" that a reaction the clause prompted is about is that clause's act: its
        actor is the clause's subject.
        """
        verb = t.head
        reaction = verb.head
        w = self.lexicon.words
        if t.dep_ != "obj" or t.lemma_.lower() not in w("act_nouns") or verb.dep_ != "xcomp" \
                or reaction.lemma_.lower() not in w("prompting_verbs") or reaction.head.i == reaction.i:
            return ()
        return self.states(subjects(reaction.head, self.lexicon), "agent")

    def _clause_summarised(self, t: Token) -> tuple[str, ...]:
        """ "U.S. bombers struck Iran's sites, an attack that Russia condemned": the attack is the clause's act.

        A noun of an act set off after a clause, summing it up, has that clause's subject as its
        actor; so does "a step" after "led Washington to impose sanctions on Ankara's agency".
        """
        clause = t.head
        while t.dep_ == "appos" and clause.dep_ in ("obj", "obl", "nmod") and clause.head.i < clause.i:
            clause = clause.head  # the parser may hang the summing noun on the clause's last noun
        if t.lemma_.lower() not in self.summing_nouns or t.dep_ not in ("dep", "appos", "parataxis") \
                or clause.i > t.i or effective_pos(clause) != "VERB":
            return ()
        return self.states(subjects(clause, self.lexicon), "agent")

    def _event_named_before(self, t: Token) -> tuple[str, ...]:
        """ "South Korea condemned the pact": the states that acted in the event "the pact" refers back to.

        A definite noun of an event ("the pact", "the deployment", "these strikes")
        that names no state refers to the last such event the article stated:
        by its word, else by its edge type.
        """
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in t.children):
            return ()
        lemma = t.lemma_.lower()
        events = self.view.memory.event_actors
        # "the deployment" of "deployed": a noun made from the event's verb.
        keys = {lemma, *(k for k in events if lemma.startswith(k) and lemma[len(k):] in _NOMINAL_ENDINGS)}
        keys |= {f.type.value for f in self.lexicon.by_lemma.get(lemma, ()) if f.type is not None and "NOUN" in f.pos}
        # "the attacks on Iran": an event aimed at the state its phrase names, by someone else.
        aimed = set(self.states(phrases(t, _AIMED_AT), "place"))
        anything = lemma in self.lexicon.words("act_nouns")  # "the incident", "the move": the last act
        matching = [(actors, tuple(c for c in actors if c not in aimed and c not in self.exclude))
                    for k, (actors, objects) in events.items()
                    if (k in keys or (anything and k in _EDGE_TYPES)) and aimed <= set(objects)]
        # The memory keeps the latest last; an event by no state named names none ("a drone strike
        # that killed three U.S. soldiers ... The drone strike hit U.S. forces").
        found = [kept for actors, kept in matching if kept or not actors]
        return found[-1] if found else ()

    def _blamed(self, t: Token) -> tuple[str, ...]:
        """The states an act is laid on by a participle on it ("airstrikes blamed on Turkey")."""
        verbs = [c for c in t.children if c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in self.attributing]
        return self.states([k for v in verbs for c in v.children if c.dep_.startswith(("obl", "nmod"))
                            and preposition(c) in ("on", "to") for k in conjuncts(c)], "agent")

    def _users(self, t: Token) -> tuple[str, ...]:
        """The states that use a weapon: the agents of a participle on it ("drones flown by Russia")."""
        verbs = [c for c in t.children if c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in self.use_verbs]
        return self.states([a for v in verbs for a in subjects(v, self.lexicon)], "agent")

    def _owners(self, t: Token, mode: str, depth: int, *, deps: frozenset[str],
                preps: frozenset[str]) -> tuple[str, ...]:
        """The states that own, lead or hold ``t``; a possessor wins ("Iran's Syria consulate": Iran)."""
        if "nmod:poss" in deps:
            owners = [k for c in t.children if c.dep_ == "nmod:poss" for k in conjuncts(c)]
            codes = [code for k in owners for code in self._one(k, mode, depth + 1)]
            if codes:
                return tuple(dict.fromkeys(codes))
        codes = []
        for c in t.children:
            leader = hyphen_leader(c)
            if leader is not None:  # "the Saudi-led coalition" acts as Saudi Arabia (guide: coalitions)
                codes.extend(self._one(leader, "agent", depth + 1))
                continue
            if c.dep_ in ("compound", "amod") and "nmod:poss" in deps:
                # "Iran's Syria consulate": the consulate of Iran, in Syria.
                owner = [p for p in c.children if p.dep_ == "nmod:poss"]
                held = [k for p in owner for k in self._one(p, mode, depth + 1)]
                if held:
                    codes.extend(held)
                    continue
            if c.dep_ in deps or (c.dep_.startswith("nmod") and c.dep_ != "nmod:poss"
                                  and preposition(c) in preps):
                found = [code for k in conjuncts(c) for code in self._one(k, mode, depth + 1)]
                if not found and c.dep_ == "compound":
                    # "a Guyanese patrol boat": the parser hung the demonym on the compound before the head.
                    found = [code for g in c.children if g.dep_ in ("amod", "compound") and g.i < c.i
                             for code in self._one(g, mode, depth + 1)]
                codes.extend(found)
        return tuple(dict.fromkeys(codes))

    def _is_reference(self, t: Token) -> bool:
        """ "the country", "the Asian country", "the Gulf nation": a definite reference without a name."""
        if t.tag_ in ("NNS", "NNPS") or t.lower_.endswith("s"):
            return False
        dets = [c.lower_ for c in t.children if c.dep_ == "det"]
        named = any(self.view.mention_at.get(c.i) is not None for c in t.children)
        return dets == ["the"] and not named


def _speaks_for(verb: Token, near: Token) -> bool:
    """Tell whether the verb of speech ``verb`` may report the word ``near``.

    It does when it governs ``near`` ("warned that X would face consequences") or
    heads the sentence, where a quotation hangs on it however it was parsed.
    A verb of speech that ``near`` governs, or one in a side clause ("a
    crushing response ..., as the Pentagon said it would deploy"), reports
    something else.
    """
    if near in verb.ancestors:
        return False
    return verb in near.ancestors or verb.dep_ in ("ROOT", "parataxis")

