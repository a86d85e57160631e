"""The view of one sentence that every rule reads: tokens, lemmas, mentions, discourse memory.

Rules ask it questions ("which states are the subject of the verb at token 7?",
"which states follow 'on' after the noun at 12?") instead of walking tokens
themselves, so the search for arguments is written once (guide rules 1 and 2).
It also resolves the references the guide allows: "the two countries", "both
nations" and pronouns, to the states of the nearby text when that is unambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from alignkg.graph.extract import lexicon as lx
from alignkg.graph.extract.mentions import Mention, Role
from alignkg.graph.extract.tokens import DocIndex

#: Words that end a clause for the purpose of argument search.
CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "while", "but", "although", "though", "whereas", "because",
                           "despite", "after", "before", "when", "unless", "since", "as", "if", "even",
                           "whether", "instead", "according"})
QUOTES = lx.QUOTES
TIME_WORDS = frozenset("""on in at during last this that next earlier late early recently monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august september
    october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. week month year
    day night morning evening afternoon weekend today yesterday ago the a of ( ) / - sep""".split())
#: Words that may stand between a preposition and the state it introduces ("in northern Iraq").
_SKIP_BEFORE_STATE = frozenset("""the its their a an northern southern eastern western central north south east
    west northeastern northwestern southeastern southwestern occupied""".split())
_RANKS = frozenset({"first", "second", "third", "only", "last", "latest", "sole", "next"})
_PREPOSITIONS = frozenset({"with", "to", "on", "of", "from", "against", "between", "for", "by", "in", "at"})
_LIGHT_VERBS = frozenset("""offer issue express voice launch carry conduct mount impose announce make sign
    ink give lend stage unleash level provide extend increase boost expand double raise ramp step resume
    answer respond retaliate pledge reaffirm lodge approve authorize authorise clear""".split())


#: Number words of a group reference ("the two countries", "both nations", "the three Sahel states").
_GROUP_SIZES = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
#: Words between the number and its noun that make the group another one ("two other countries").
_NOT_THE_SAME = frozenset({",", "and", "of", "other", "more", "new", "further", "such", "different", "fewer"})


@dataclass(slots=True)
class Memory:
    """What earlier sentences of the article tell about who is who."""

    last_subject: tuple[str, ...] = ()
    last_person: tuple[str, ...] = ()
    last_speaker: tuple[str, ...] = ()
    last_sentence_states: tuple[str, ...] = ()
    last_pair: tuple[str, ...] = ()
    #: The states acting together in the last sentence that named that many ("Mali and its allies
    #: Burkina Faso and Niger"), by their number: what "the three countries" may stand for later.
    groups: dict[int, tuple[str, ...]] = field(default_factory=dict)
    #: The target of the last event of each kind ("training" -> UKR), for "the training package".
    event_targets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Who acted in the last event stated of each trigger lemma and of each edge type, and whom it
    #: was aimed at ("strike" -> ISR, IRN; "alliance" -> RUS and PRK, no one): what "the strikes" or
    #: "the pact" refers back to.
    event_actors: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    def remember_event(self, lemma: str, edge_type: str, actors: tuple[str, ...], aimed_at: tuple[str, ...]) -> None:
        """Keep an event stated by its trigger's lemma and its edge type, as the latest of each."""
        for key in (lemma, edge_type):
            self.event_actors.pop(key, None)  # re-inserted last: the dict keeps the latest event last
            self.event_actors[key] = (actors, aimed_at)

    @property
    def speaker_before(self) -> tuple[str, ...]:
        """Whom '"...," he said' or "the ministry said" means: the last speaker, else the last person named."""
        return self.last_speaker or self.last_person


@dataclass(slots=True)
class Arg:
    """States found for one argument, and what was seen on the way to them."""

    codes: tuple[str, ...]
    index: int
    mention: Mention | None = None
    negated: bool = False
    modal: bool = False


class SentenceView:
    """Tokens of one sentence with its mentions and the article's memory."""

    def __init__(self, doc: Doc, bounds: tuple[int, int], mentions: list[Mention], memory: Memory,
                 index: DocIndex) -> None:
        self.doc = doc
        self.start, self.end = bounds
        self.memory = memory
        self.mentions = [m for m in mentions if self.start <= m.start < self.end]
        self.mention_at: dict[int, Mention] = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.mention_at[i] = m
        self.index = index
        self.lower = index.lower
        self.lemma = index.lemma
        self._hedged: bool | None = None
        self._phrase_hits: dict[tuple[str, ...], list[int]] | None = None
        #: The positions where some rule starts its work.
        self.triggers = index.where(lx.DISPATCH, self.start, self.end)
        self._resolve_pair_references()

    # --- token helpers -----------------------------------------------------------------------
    def word(self, i: int) -> str:
        """Return the lower-cased token at ``i``, or "" outside the sentence."""
        return self.lower[i] if self.start <= i < self.end else ""

    def lem(self, i: int) -> str:
        """Return the lemma at ``i``, or "" outside the sentence."""
        return self.lemma[i] if self.start <= i < self.end else ""

    def has_phrase(self, i: int, phrase: tuple[str, ...]) -> bool:
        """Tell whether the words from ``i`` on are ``phrase`` (lower-cased)."""
        return all(self.word(i + k) == w for k, w in enumerate(phrase))

    def find_phrase(self, phrase: tuple[str, ...], lo: int | None = None, hi: int | None = None) -> int:
        """Return the first index in [lo, hi) of this sentence where ``phrase`` starts, or -1.

        ``phrase`` must be one of ``lexicon.PHRASES_BY_HEAD``: all of them are
        matched in one pass over the sentence, the first time any is asked for.
        """
        return next((i for i in self._hits().get(phrase, ()) if (lo is None or lo <= i) and (hi is None or i < hi)),
                    -1)

    def first_of(self, phrases: tuple[tuple[str, ...], ...], lo: int | None = None) -> int:
        """Return the first position at or after ``lo`` where any of ``phrases`` starts, or -1."""
        hits = self._hits()
        places = [i for p in phrases for i in hits.get(p, ()) if lo is None or i >= lo]
        return min(places, default=-1)

    def _hits(self) -> dict[tuple[str, ...], list[int]]:
        if self._phrase_hits is None:
            hits: dict[tuple[str, ...], list[int]] = {}
            for i in self.where(lx.PHRASE_HEADS):
                for candidate in lx.PHRASES_BY_HEAD.get(self.lower[i], ()):
                    if self.has_phrase(i, candidate):
                        hits.setdefault(candidate, []).append(i)
            self._phrase_hits = hits
        return self._phrase_hits

    @property
    def hedged(self) -> bool:
        """Tell whether the sentence reports rather than asserts what it says (rule 5); computed once."""
        if self._hedged is None:
            self._hedged = bool(self.where(lx.HEDGES))
        return self._hedged

    def where(self, words: frozenset[str], lo: int | None = None, hi: int | None = None) -> list[int]:
        """Return the positions of this sentence (or of [lo, hi) within it) where ``words`` stand."""
        lo = self.start if lo is None else max(lo, self.start)
        hi = self.end if hi is None else min(hi, self.end)
        return self.index.where(words, lo, hi)

    def is_break(self, i: int) -> bool:
        """Tell whether token ``i`` ends a clause for argument search."""
        return self.word(i) in CLAUSE_BREAKS

    def states(self) -> list[str]:
        """Return the codes of the acting or acted-on states of the sentence, in order."""
        codes = [c for m in self.mentions if m.codes and m.role is not Role.BLOCKED for c in m.codes]
        return list(dict.fromkeys(codes))

    # --- references --------------------------------------------------------------------------
    def _resolve_pair_references(self) -> None:
        """Turn "the two countries", "both nations", "the three Sahel countries" into a mention of the states meant."""
        for i in range(self.start, self.end - 1):
            w = self.lower[i]
            size = _GROUP_SIZES.get(w)
            if size is None or i in self.mention_at:
                continue
            # "the three Sahel countries": one word may qualify the noun.
            noun = next((k for k in (i + 1, i + 2) if k < self.end and self.lower[k] in lx.PAIR_NOUNS), None)
            if noun is None and self._bare_pair(i):
                noun = i  # "a defence treaty between the two", "the two signed a pact"
            if noun is None or (noun == i + 2 and self.lower[i + 1] in _NOT_THE_SAME):
                continue
            group = self._pair(i) if size == 2 else self._group_of(i, size)
            if len(group) == size:
                start = i - 1 if self.word(i - 1) == "the" else i
                m = Mention(start, noun + 1, tuple(group), "reference")
                self.mentions.append(m)
                self.mentions.sort(key=lambda x: x.start)
                for k in range(start, noun + 1):
                    self.mention_at[k] = m

    def _bare_pair(self, i: int) -> bool:
        """Tell whether "two" at ``i`` is "the two" standing alone for a pair, with no noun after it."""
        if self.lower[i] != "two" or self.word(i - 1) != "the" or i + 1 >= len(self.doc):
            return False
        return self.doc[i + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and self.doc[i + 1].dep_ != "compound"

    def _pair(self, i: int) -> list[str]:
        """The two states "the two countries" at ``i`` stands for: a pair before it, else the sentence's or the last."""
        pairs = [m.group_codes for m in self.mentions if m.end <= i and len(m.group_codes) == 2]
        before = [c for m in self.mentions if m.end <= i and m.codes and m.role is not Role.BLOCKED for c in m.codes]
        if pairs:
            pair = list(pairs[-1])
        elif self.memory.last_pair:
            pair = list(self.memory.last_pair)
        else:
            pair = list(dict.fromkeys(before))
        return pair if len(pair) == 2 else list(self.memory.last_sentence_states)

    def _group_of(self, i: int, size: int) -> list[str]:
        """The ``size`` states "the three countries" at ``i`` stands for: a group of that size named before it."""
        groups = [m.group_codes for m in self.mentions if m.end <= i and len(m.group_codes) == size]
        if groups:
            return list(groups[-1])
        if len(self.memory.last_sentence_states) == size:
            return list(self.memory.last_sentence_states)
        return list(self.memory.groups.get(size, ()))

    def pronoun(self, i: int, word: str | None = None) -> tuple[str, ...]:
        """Return the states a pronoun at ``i`` refers to, when that is unambiguous.

        ``word`` reads the position as that pronoun: "the country" refers as "it" does.
        """
        w = word or self.lower[i]
        if w in ("he", "his", "she", "her"):
            people = [m for m in self.mentions if m.end <= i and m.person and m.codes]
            if people:
                return people[-1].codes
            return self.memory.last_person or self.memory.last_speaker
        before = [m for m in self.mentions if m.end <= i and m.codes and m.role is not Role.BLOCKED]
        if w in ("it", "its"):
            # "Ukraine, which it invaded": the antecedent of "which" is not the pronoun's.
            if before and self.word(i - 1) in ("which", "that") and before[-1].end >= i - 3:
                before = before[:-1]
            singles = [m for m in before if len(m.group_codes) == 1 and m.role is not Role.PLACE]
            if self.word(i - 1) in ("and", "but") and singles:
                first = singles[0]
                if self.word(first.start - 1) not in _PREPOSITIONS:
                    return first.codes
            if singles:
                return singles[-1].codes
            if len(self.memory.last_subject) == 1:
                return self.memory.last_subject
            return ()
        if w in ("they", "their", "them"):
            groups = [m for m in before if len(m.group_codes) >= 2]
            if groups:
                return groups[-1].group_codes
            if len(self.memory.last_subject) >= 2:
                return self.memory.last_subject
        return ()

    # --- argument search -----------------------------------------------------------------------
    def subject_before(self, t: int) -> Arg | None:
        """Return the subject of the verb at ``t``: the states just before it in its clause.

        Only words that cannot carry another subject may stand between (auxiliaries,
        adverbs, time phrases, a parenthesis between commas); a modal or a plan on
        the way makes the event unrealised, a negator negates it.
        """
        return self._scan_subject(t, t - 1)

    def _scan_subject(self, t: int, j: int) -> Arg | None:
        negated = modal = False
        skipped_commas = 0
        coordinated: int | None = None
        while j >= self.start:
            m = self.mention_at.get(j)
            if m is not None:
                if not m.codes or m.role in (Role.BLOCKED, Role.ORIGIN):
                    return None
                if m.role is Role.PLACE and self.word(m.start - 1) not in ("of",):
                    j = m.start - 1
                    continue
                return Arg(m.group_codes, m.start, m, negated, modal)
            w, lem = self.lower[j], self.lemma[j]
            if w in lx.SINGULAR_PRONOUNS | lx.PLURAL_PRONOUNS:
                codes = self.pronoun(j)
                return Arg(codes, j, None, negated, modal) if codes else None
            if w in ("we", "our"):
                codes = self.speaker(exclude=t)
                return Arg(codes, j, None, negated, modal) if codes else None
            if w in ("country", "nation", "state") and self.word(j - 1) in _RANKS | {"western", "european"} | (
                    {"the"} if self.word(j - 2) in _RANKS else set()):
                j -= 1
                continue
            if w in lx.NEGATORS:
                negated = True
            elif lem in lx.MODAL_BLOCKERS or w in lx.MODAL_BLOCKERS:
                modal = True
            elif w in lx.COLLECTIVE_BLOCKERS:
                return None
            elif w == "and" and coordinated is None:
                coordinated = j
            elif w == "," and self.word(j + 1) in ("which", "who") and self.mention_at.get(j - 1) is not None:
                m = self.mention_at[j - 1]  # "Iran, which supplies Russia with drones, ..."
                if m.codes and m.role is not Role.BLOCKED:
                    return Arg(m.group_codes, m.start, m, negated, modal)
                return None
            elif w == ",":
                k = self._comma_before(j)
                if k is None and j == t - 1 and self.lower[t].endswith("ed"):
                    coordinated = j  # "Islamabad shut its airspace, suspended trade with India"
                if k is None or skipped_commas >= 2:
                    return self._coordinated_subject(coordinated, negated, modal)
                skipped_commas += 1
                j = k
                continue
            elif not (w in lx.SUBJECT_GAP or w in TIME_WORDS or lem in lx.CONTROL_VERBS or w == "to"
                      or w.endswith("ly") or w[:1].isdigit() or w in ("that", "who", "which", "and")
                      or w in QUOTES):
                return self._coordinated_subject(coordinated, negated, modal)
            j -= 1
        return self._coordinated_subject(coordinated, negated, modal)

    def _coordinated_subject(self, at: int | None, negated: bool, modal: bool) -> Arg | None:
        """For "A met on Thursday and criticised B", the subject of the clause before "and"."""
        if at is None:
            return None
        for m in self.mentions:
            if m.start >= at:
                return None
            if m.codes and m.role is Role.AGENT and self.word(m.start - 1) not in _PREPOSITIONS | {"the"}:
                return Arg(m.group_codes, m.start, m, negated, modal)
            if m.codes and m.role is Role.AGENT and self.word(m.start - 1) == "the" and self.word(
                    m.start - 2) not in _PREPOSITIONS:
                return Arg(m.group_codes, m.start, m, negated, modal)
        return None



    def _comma_before(self, j: int) -> int | None:
        """Skip a parenthesis ", for its part," that ends at the comma ``j``; return the index before it."""
        for k in range(j - 1, max(self.start - 1, j - 14), -1):
            if self.lower[k] == ",":
                return k - 1
            if self.lower[k] in QUOTES or self.lower[k] in (";", ":"):
                return None
        # A fronted phrase "In fact, Russia..." has no subject before it.
        return None

    def object_after(self, t: int, *, window: int = 14, skip_modifiers_of: frozenset[str] = frozenset(),
                     preps: frozenset[str] | None = None) -> Arg | None:
        """Return the first states after ``t`` in its clause (the object of a verb or noun).

        ``preps``, when given, are the prepositions the object must follow (a
        direct object right after the trigger is also accepted). Mentions that
        only say where a commodity comes from ("Iranian oil") are skipped when
        their head is in ``skip_modifiers_of``.
        """
        j = t + 1
        last = min(self.end, t + 1 + window)
        while j < last:
            m = self.mention_at.get(j)
            if m is not None:
                if not m.codes or m.role is Role.BLOCKED:
                    return None
                if m.role is Role.ORIGIN or (m.role is Role.MODIFIER and self._head_after(m) in skip_modifiers_of):
                    j = m.end
                    continue
                if preps is not None:
                    prev = self.word(m.start - 1)
                    if prev == "the":
                        prev = self.word(m.start - 2)
                    if prev not in preps and not self._directly_after(t, m.start):
                        j = m.end
                        continue
                return Arg(m.group_codes, m.start, m)
            w = self.lower[j]
            if w in CLAUSE_BREAKS or w in ("which", "who", "where"):
                return None
            if w in lx.COLLECTIVE_BLOCKERS or w in ("others", "region"):
                return None
            if w in lx.SINGULAR_PRONOUNS | lx.PLURAL_PRONOUNS and w not in ("he", "she", "his"):
                codes = self.pronoun(j)
                if codes and (preps is None or self.word(j - 1) in preps):
                    return Arg(codes, j)
            j += 1
        return None

    def _directly_after(self, t: int, i: int) -> bool:
        between = [self.lower[k] for k in range(t + 1, i)]
        return all(w in ("the", "its", "their") for w in between)

    def _head_after(self, m: Mention) -> str:
        """Return the lemma of the first noun-like word after a modifier mention."""
        for k in range(m.end + (1 if m.possessive else 0), min(m.end + 5, self.end)):
            lem = self.lemma[k]
            if lem in ("-", "and", ","):
                continue
            for heads in lx.COMMODITIES.values():
                if lem in heads:
                    return lem
        return ""

    def possessor_before(self, n: int) -> Arg | None:
        """Return the demonym or possessive states right before the noun at ``n``.

        Up to four modifier words may stand between ("Iran's drone and missile
        deals", "Israeli and U.S. air strikes"), but no preposition or verb.
        """
        j = n - 1
        steps = 0
        while j >= self.start and steps < 5:
            m = self.mention_at.get(j)
            if m is not None:
                if not m.codes or m.role in (Role.BLOCKED, Role.ORIGIN):
                    return None
                if steps and self.word(m.start - 1) in _PREPOSITIONS and not m.possessive:
                    return None  # "deals with Russia and oil trades": Russia belongs to "with"
                return Arg(m.group_codes, m.start, m)
            w = self.lower[j]
            if w in ("its", "their", "his", "her"):
                codes = self.pronoun(j)
                return Arg(codes, j) if codes else None
            if w in ("'s", "’s"):
                j -= 1
                continue
            if not (w.isalpha() or w in ("-", "and", "full-scale") or w[:1].isdigit()) or w in (
                    "of", "on", "to", "with", "for", "by", "from", "in", "at", "against", "the", "a", "an",
                    "that", "which", "is", "are", "was", "were", "has", "have", "had", "this", "these"):
                return None
            j -= 1
            steps += 1
        return None

    def agent_by(self, n: int, window: int = 6) -> Arg | None:
        """Return the states after "by" following ``n`` ("launched by Russia", "a response by Beijing")."""
        for j in range(n + 1, min(self.end, n + 1 + window)):
            if self.lower[j] in CLAUSE_BREAKS:
                return None
            if self.lower[j] == "by":
                m = self.mention_at.get(j + 1) or self.mention_at.get(j + 2)
                if m is not None and m.codes and m.role is not Role.BLOCKED:
                    return Arg(m.group_codes, m.start, m)
                return None
        return None

    def passive(self, t: int) -> tuple[Arg, Arg] | None:
        """For "Russia was condemned by France", return (agent, patient): (France, Russia).

        The verb at ``t`` must follow a form of "be" (adverbs allowed) and be
        followed soon by "by" and a state.
        """
        j = t - 1
        while j > self.start and self.lower[j].endswith("ly"):
            j -= 1
        if self.lemma[j] != "be" and self.lower[j] not in ("been", "being"):
            return None
        agent = self.agent_by(t)
        if agent is None:
            return None
        patient = self.subject_before(j)
        if patient is None:
            return None
        return agent, patient

    def after_prep(self, n: int, preps: frozenset[str], window: int = 8) -> Arg | None:
        """Return the states that follow one of ``preps`` soon after ``n`` in the same phrase."""
        for j in range(n + 1, min(self.end, n + 1 + window)):
            w = self.lower[j]
            if w in QUOTES and j <= n + 2:
                continue
            if w in CLAUSE_BREAKS or w in QUOTES or w in (",", "which", "who", "that"):
                return None
            if w in preps:
                k = j + 1
                while k < self.end and self.lower[k] in _SKIP_BEFORE_STATE:
                    k += 1
                if k >= self.end:
                    return None  # "... imposed tariffs on": the sentence ends at the preposition
                m = self.mention_at.get(k)
                if m is not None and m.codes and m.role is not Role.BLOCKED:
                    return Arg(m.group_codes, m.start, m)
                if self.lower[k] in lx.SINGULAR_PRONOUNS | lx.PLURAL_PRONOUNS:
                    codes = self.pronoun(k)
                    if codes:
                        return Arg(codes, k)
                if w == "between":
                    continue
        return None

    def light_verb_subject(self, n: int) -> Arg | None:
        """For a noun with no possessor, return the subject of the verb that governs it.

        "both Russia and China refrained..., offering only vague condemnations":
        the subject of "offering" is the subject of the clause.
        """
        for j in range(n - 1, max(self.start - 1, n - 9), -1):
            if self.lemma[j] in _LIGHT_VERBS:
                if self.word(j - 1) == ",":
                    # A participle after a comma shares the subject of the main clause.
                    for k in range(j - 2, self.start - 1, -1):
                        m = self.mention_at.get(k)
                        if m is not None and m.codes and m.role is Role.AGENT:
                            return Arg(m.group_codes, m.start, m)
                        if self.lower[k] in QUOTES:
                            return None
                    return None
                return self.subject_before(j)
            if self.lower[j] in CLAUSE_BREAKS or self.lower[j] in (",", "of", "on", "to"):
                return None
        return None

    def accused_subject(self, t: int) -> Arg | None:
        """For "accused Iran of supplying drones", return Iran as the subject of "supplying"."""
        if not self.lower[t].endswith("ing"):
            return None  # "weapons for use in Ukraine": a noun, not an accused act
        j = t - 1
        if self.word(j) not in ("of", "for"):
            return None
        j -= 1
        for k in range(j, max(self.start - 1, j - 16), -1):
            m = self.mention_at.get(k)
            if m is not None and m.codes and m.role is not Role.BLOCKED:
                return Arg(m.group_codes, m.start, m)
            if self.lower[k] in ("their", "its") and k == j:
                codes = self.pronoun(k)
                return Arg(codes, k) if codes else None
            if self.lower[k] in CLAUSE_BREAKS:
                return None
        return None

    # --- speakers ------------------------------------------------------------------------------
    def speaker(self, exclude: int | None = None) -> tuple[str, ...]:
        """Return the state whose official speaks in this sentence, for quotes and claims.

        '"...," the ministry said', 'he added', 'According to the American
        diplomat', 'X said that': the attributed speaker, or the speaker carried
        over from the previous sentences when only "he" or "the ministry" is named.
        """
        for j in self.where(lx.SPEECH_VERBS):
            if j == exclude:
                continue
            if self.lemma[j] == "accord" and self.word(j + 1) == "to":
                m = self.mention_at.get(j + 2) or self.mention_at.get(j + 3)
                if m is not None and m.codes and m.role is not Role.BLOCKED:
                    return m.group_codes
                continue
            prev = self.word(j - 1)
            if prev in ("he", "she"):
                # '"...," he said': the person speaking before, never a state named inside the quote.
                found = self.memory.speaker_before
                if found:
                    return found
                continue
            arg = self.subject_before(j) if exclude is None else None
            if arg is not None and arg.codes:
                return arg.codes
            m = self.mention_at.get(j + 1) or self.mention_at.get(j + 2)
            if m is not None and m.codes and m.role is not Role.BLOCKED and m.person:
                return m.group_codes
            if prev in lx.AGENT_NOUNS or prev in ("we", "spokesman", "spokeswoman"):
                return self.memory.speaker_before
        return ()
