"""The frame engine: every edge type found the same way, from the lexicon's frames and the parse.

For each word of a sentence whose lemma starts a frame (``data/lexicon/frames.toml``),
the engine follows the frame's slots over the dependency parse to the source,
the target and the theme, reads the states they stand for
(:mod:`graph.extract.resolve`), and the polarity of the event
(:func:`graph.extract.syntax.polarity`). What moves decides the type of a
transfer; a negated frame gives nothing unless the frame says what its refusal
means ("did not come to Armenia's aid" is ``non_intervention``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from alignkg.graph.extract.context import QUOTES, Memory, SentenceView
from alignkg.graph.extract.frames import Frame, Lexicon, Slot, Step
from alignkg.graph.extract.resolve import Resolver
from alignkg.graph.extract.rules.candidate import Candidate
from alignkg.graph.extract.syntax import (
    agents,
    antecedent,
    climb,
    complements,
    conjuncts,
    effective_pos,
    governors,
    hyphen_leader,
    is_passive,
    light_subjects,
    modifiers,
    objects,
    own_phrase,
    phrases,
    polarity,
    possessors,
    preposition,
    subjects,
)
from alignkg.graph.ontology import EdgeType

#: Weapon designations: "F-16s", "S-400", "Su-35", "TB2", "J-10", "MiG-29".
_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,3}[A-Z]?s?$")
#: The order in which a theme decides a transfer's type: the most military first.
_THEME_ORDER = ("arms", "troops", "energy", "goods", "money")


@dataclass(slots=True)
class Context:
    """What the engine needs about the sentence: the view, the lexicon, states attacked nearby."""

    doc: Doc
    view: SentenceView
    lexicon: Lexicon
    resolver: Resolver
    attacked: tuple[str, ...] = ()
    #: Transfers whose giver the parse named but not the receiver (see :func:`_share_targets`).
    orphans: list[tuple[Token, _Reading, tuple[str, ...]]] = field(default_factory=list)
    #: The candidates found so far in the sentence (what an echoing frame echoes).
    found: list[Candidate] = field(default_factory=list)


@dataclass(slots=True)
class Finding:
    """The engine's candidates for a sentence, and the trigger positions it decided.

    A trigger is decided when a frame gave a candidate there, or when the
    frame's own conditions ruled it out ("an agreement" with no security
    qualifier is no alliance): the window fallback must not overrule either.
    A trigger whose arguments the parse did not yield stays undecided.
    """

    candidates: list[Candidate]
    decided: set[int]


def find(doc: Doc, view: SentenceView, lexicon: Lexicon, attacked: tuple[str, ...] = ()) -> Finding:
    """Return the candidates of one sentence.

    Frames that refer to the conflict at hand (refusals to help) run last, with
    the states struck in this sentence, or else ``attacked``: those struck
    earlier in the article.
    """
    ctx = Context(doc, view, lexicon, Resolver(view, lexicon), attacked)
    finding = Finding([], set())
    ctx.found = finding.candidates
    later: list[tuple[Frame, Token]] = []
    for i in range(view.start, view.end):
        t = doc[i]
        # The lemmatizer follows the tag; the context-free lemma table catches "supplying" tagged a noun.
        frames = (lexicon.by_lemma.get(t.lemma_.lower()) or lexicon.by_lemma.get(t.lower_)
                  or lexicon.by_lemma.get(view.lemma[i]))
        if not frames:
            continue
        pos = _trigger_pos(view, t)
        for frame in frames:
            if pos in frame.pos:
                if frame.uses_conflict or frame.echoes:
                    later.append((frame, t))
                else:
                    _run(ctx, frame, t, finding)
    _share_targets(ctx, finding)
    struck = tuple(dict.fromkeys(o for c in finding.candidates if c.type is EdgeType.MILITARY_STRIKE
                                 and not c.negated and not c.modal for o in c.objects))
    ctx.attacked = struck or attacked
    # Refusals that name whom they leave alone run first; "stays on the sidelines" then refers to
    # that state ("offered Tehran no real help ... while it stays on the sidelines").
    later.sort(key=lambda ft: any(s.steps[0].relation == "conflict" for s in ft[0].target))
    for frame, t in later:
        if any(s.steps[0].relation == "conflict" for s in frame.target):
            left = tuple(dict.fromkeys(o for c in finding.candidates if c.type is EdgeType.NON_INTERVENTION
                                       and not c.negated for o in c.objects))
            ctx.attacked = left or struck or attacked
        _run(ctx, frame, t, finding)
    return finding


def _trigger_pos(view: SentenceView, t: Token) -> str:
    """The part of speech of a would-be trigger: the relations win over a tag the tagger got wrong.

    A capitalised word that opens a sentence and names no actor ("Criticism of
    China by Australia ...") is a common noun the tagger took for a name.
    """
    pos = effective_pos(t)
    if pos == "PROPN" and t.i == view.start and t.text.istitle() and t.i not in view.mention_at:
        return "NOUN"
    return pos


def remember_events(doc: Doc, candidates: list[Candidate], memory: Memory) -> None:
    """Keep who acted in each event stated, for "the strikes", "the pact" or "the incident" later.

    The actors of an undirected or symmetric edge are both sides ("the pact" Russia and North
    Korea signed); of a directed one, its subjects ("the deployment": North Korea's).
    """
    for c in candidates:
        if c.negated or c.modal:
            continue
        if not c.directed or c.type is EdgeType.ALLIANCE:
            memory.remember_event(doc[c.trigger].lemma_.lower(), c.type.value,
                                  tuple(dict.fromkeys((*c.subjects, *c.objects))), ())
        else:
            memory.remember_event(doc[c.trigger].lemma_.lower(), c.type.value, c.subjects, c.objects)


def _run(ctx: Context, frame: Frame, t: Token, finding: Finding) -> None:
    verdict = _qualified(ctx, frame, t)
    if verdict is not True:
        if verdict == "lexical" or (frame.decisive and verdict == "path"):
            finding.decided.add(t.i)  # the words rule it out; a missing path may be the parser's error
        return
    found = list(_apply(ctx, frame, t))
    if found:
        finding.candidates.extend(found)
        finding.decided.add(t.i)
        # "Chinese vessels rammed a Philippine ship, and Manila denounced the incident": an event the
        # sentence has stated is one a later word of it may refer back to.
        remember_events(ctx.doc, found, ctx.view.memory)
    elif (frame.own_phrases and _unattributed_act(ctx, t)) or _agentless_passive(frame, t) or _actual(ctx, frame, t):
        finding.decided.add(t.i)


def _actual(ctx: Context, frame: Frame, trigger: Token) -> bool:
    """Tell whether a frame of what is only threatened read its trigger as done ("seen as retaliation for").

    The parse says the response is no threat; the window must not read one into the word.
    """
    if not frame.only_hypothetical:
        return False
    pol = polarity(trigger, ctx.lexicon)
    return not (pol.future or pol.conditional or pol.modal or pol.promised)


def _agentless_passive(frame: Frame, trigger: Token) -> bool:
    """Tell whether the trigger is a passive verb of words without its agent ("Iran was accused of ...").

    It names no accuser, and the window must not take a state nearby for one.
    Goods or blows in the passive keep the fallback: "The drones, made in Iran,
    were delivered to Russia" names their source another way.
    """
    return frame.type in _VERBAL and is_passive(trigger) and not agents(trigger)


#: Edges made of words, whose speaker a passive may leave unnamed.
_VERBAL = frozenset({EdgeType.CONDEMNATION, EdgeType.THREAT, EdgeType.DIPLOMATIC_SUPPORT})


def _unattributed_act(ctx: Context, trigger: Token) -> bool:
    """Tell whether the trigger's object is an act that names no actor ("condemned the attack on ...").

    What is criticised is then the act of someone the sentence does not name;
    a state nearby (the one attacked) is no guess for it, not even the window's.
    """
    acts = ctx.lexicon.words("acting_nouns")
    return any(c.dep_ == "obj" and c.lemma_.lower() in acts for c in trigger.children)


def _head(t: Token) -> list[Token]:
    return [t.head] if t.head.i != t.i else []  # spaCy makes a new Token object on each access


def _children(dep: str) -> Callable[[Context, Token, Token, Frame], list[Token]]:
    # A relative pronoun stands for the noun its clause modifies ("Armenia, which is allied to").
    return lambda ctx, t, trigger, frame: [antecedent(c) for c in t.children if c.dep_ == dep]


def _along(t: Token) -> list[Token]:
    """ "condemned India's strikes and said it would respond": the verb a clause of ``t`` is a conjunct of.

    Climbs from ``t`` through the clauses that take it ("said it would respond") to a
    verb coordinated, without a subject of its own, with one before it: that verb, whose
    object is what the same subject spoke of.
    """
    cur = t
    for _ in range(4):
        if cur.dep_ == "conj" and cur.head.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in cur.children):
            return [cur.head]
        if cur.dep_ not in ("ccomp", "xcomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
    return []


def _theme_step(ctx: Context, t: Token, trigger: Token, frame: Frame) -> list[Token]:
    theme = _theme(ctx, frame, trigger)
    return [theme[1]] if theme is not None else []


def _speech_step(ctx: Context, t: Token, trigger: Token, frame: Frame) -> list[Token]:
    # The trigger itself when the sentence reports what a state said.
    return [t] if ctx.view.where(QUOTES) or ctx.resolver.reports_speech() else []


#: What each step of a slot path reaches from a token (see data/lexicon/README.md).
_STEPS: dict[str, Callable[[Context, Token, Token, Frame], list[Token]]] = {
    "self": lambda ctx, t, trigger, frame: [t],
    "subj": lambda ctx, t, trigger, frame: subjects(t, ctx.lexicon),
    "obj": lambda ctx, t, trigger, frame: objects(t, ctx.lexicon),
    "poss": lambda ctx, t, trigger, frame: possessors(t),
    "mod": lambda ctx, t, trigger, frame: modifiers(t),
    "acl": lambda ctx, t, trigger, frame: [c for c in t.children if c.dep_ in ("acl", "acl:relcl")],
    "light": lambda ctx, t, trigger, frame: light_subjects(t, ctx.lexicon),
    "head": lambda ctx, t, trigger, frame: _head(t),
    "along": lambda ctx, t, trigger, frame: _along(t),
    # "blamed Azerbaijan for the shelling": the verb whose "for"/"over" phrase the word heads.
    "reason": lambda ctx, t, trigger, frame: [h for h in _head(t) if preposition(t) in ("for", "over")],
    "verb": lambda ctx, t, trigger, frame: [h for h in _head(t) if h.pos_ in ("VERB", "AUX")],
    "comp": lambda ctx, t, trigger, frame: complements(t),
    "theme": _theme_step,
    "speech": _speech_step,
    # "if the United States stationed weapons": a clause of condition, not any adverbial clause.
    "cond": lambda ctx, t, trigger, frame: [c for c in t.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ctx.lexicon.words("conditional_marks") for m in c.children)],
    # A particle, whichever relation the parser gave it ("hit back": compound:prt or advmod).
    "prt": lambda ctx, t, trigger, frame: [c for c in t.children if c.dep_ in ("compound:prt", "advmod")],
    **{dep: _children(dep) for dep in ("nsubj", "nsubj:pass", "iobj", "compound", "amod", "advmod", "appos", "xcomp",
                                       "ccomp", "advcl", "det")},
}


def _step(ctx: Context, tokens: list[Token], step: Step, trigger: Token, frame: Frame) -> list[Token]:
    if step.relation == "prep":
        out = [p for t in tokens for p in phrases(t, step.preps, own=frame.own_phrases)
               if t is not trigger or _nearest(trigger, p, frame)]
    else:
        reach = _STEPS[step.relation]
        out = [r for t in tokens for r in reach(ctx, t, trigger, frame)]
    if step.words:
        # The context-free lemma too: the lemmatizer leaves an auxiliary as it is ("did little to help").
        # A predicate coordinated with the word counts as it ("as regrettable and unacceptable").
        out = [t for t in out if any(k.lemma_.lower() in step.words or k.lower_ in step.words
                                     or ctx.view.lemma[k.i] in step.words for k in _predicates(t))]
    return out


def _predicates(t: Token) -> list[Token]:
    """``t`` and, when it is an adjective, the adjectives coordinated with it."""
    if t.pos_ != "ADJ":
        return [t]
    return [t, *(c for c in t.children if c.dep_ == "conj" and c.pos_ == "ADJ")]


def _nearest(trigger: Token, phrase: Token, frame: Frame) -> bool:
    """Tell whether no other trigger of the frame stands between ``trigger`` and its phrase.

    "Iran's drone deals with Russia and oil trades with China": "with China"
    belongs to "trades", however the parser attached it.
    """
    lo, hi = sorted((trigger.i, phrase.i))
    doc = trigger.doc
    # "struck targets in Lebanon": the noun "targets" is no trigger of the verb frame "strike".
    lemmas = frame.lemmas
    return not any(t.lemma_.lower() in lemmas and effective_pos(t) in frame.pos for t in doc[lo + 1:hi])


def follow(ctx: Context, trigger: Token, slot: Slot, frame: Frame) -> list[Token]:
    """Return the tokens a slot path reaches from ``trigger``."""
    tokens = [trigger]
    for step in slot.steps:
        if step.relation in ("conflict", "speaker"):
            return []
        tokens = _step(ctx, tokens, step, trigger, frame)
        if not tokens:
            return []
    return tokens


def _role(ctx: Context, frame: Frame, trigger: Token, slots: tuple[Slot, ...], mode: str, *,
          skip_mod: bool = False, besides: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Return the states of the first slot that yields any (other than ``besides``)."""
    for slot in slots:
        first = slot.steps[0].relation
        if skip_mod and first == "mod":
            # "the U.S.-led operation": the leader a "-led" names is no place compounded to the event;
            # "the Israeli aggression": a demonym is its actor, where "the Ukraine war" names a place.
            codes = ctx.resolver.states([x for c in trigger.children if (x := hyphen_leader(c)) is not None], mode)
            codes = codes or ctx.resolver.states([c for c in trigger.children if c.dep_ == "amod"
                                                  and c.pos_ == "ADJ"], mode)
            if codes and not set(codes) <= besides:
                return codes
            continue
        if first == "conflict":
            if ctx.attacked:
                return ctx.attacked
            continue
        if first == "speaker":
            codes = ctx.resolver.speaker(window=False, near=trigger)
            if codes:
                return codes
            continue
        codes = ctx.resolver.states(follow(ctx, trigger, slot, frame), mode)
        if codes and not set(codes) <= besides:
            return codes
    return ()


# --- themes ----------------------------------------------------------------------------------
def commodity(ctx: Context, t: Token, depth: int = 0) -> tuple[str, Token] | None:
    """Return the class of what ``t`` names as a transfer theme and the word that names it.

    "drones": arms. Quantities and containers are looked through ("thousands
    of soldiers", "a fresh batch of Turkish drones", "oil needs"), and
    coordination picks the most military ("technology as well as tanks").
    """
    best: tuple[str, Token] | None = None
    for k in conjuncts(t):
        found = _one_theme(ctx, k)
        # "$1bn arms": the arms, not the money; "LNG imports": the LNG, not imports in general.
        general = found is None or found[0] == "money" or bool(
            {k.lemma_.lower(), k.lower_, k.lower_.rstrip("s")} & ctx.lexicon.words("trade_objects"))
        if general and depth < 3:
            # "$1bn arms sale": a noun the parser hung on the amount as a number is still named.
            # "$3.8 billion in military aid": what the money is in. "Sakhalin LNG": a name's last word.
            inner = [c for c in k.children if (c.dep_.startswith("nmod") and {"of", "in"} & set(_case(c)))
                     or c.dep_ in ("compound", "appos", "flat") or (c.dep_ == "nummod" and c.pos_ == "NOUN")]
            for c in inner:
                sub = commodity(ctx, c, depth + 1)
                if sub is not None and (found is None or _THEME_ORDER.index(sub[0]) <= _THEME_ORDER.index(found[0])):
                    found = sub
            if found is not None and found[0] == "money" and (
                    _gift(ctx, k) or any(_gift(ctx, c) and {"in", "of"} & set(_case(c)) for c in inner)):
                found = None  # "50 million euros in humanitarian aid", "a grant of $1 billion": given, not traded
        if found is not None and (best is None or _THEME_ORDER.index(found[0]) < _THEME_ORDER.index(best[0])):
            best = found
    return best


def _gift(ctx: Context, t: Token) -> bool:
    """Tell whether ``t`` names what is given, not sold ("humanitarian aid", "a grant")."""
    gifts, economic = ctx.lexicon.words("gift_nouns"), ctx.lexicon.words("economic_qualifiers")
    return (t.lemma_.lower() in gifts or t.lower_ in gifts) and not any(
        c.lower_ in economic for c in t.children if c.dep_ in ("amod", "compound"))


def _case(t: Token) -> list[str]:
    """The prepositions of a phrase: on its head, or opening it when the parser hung them on a compound.

    "of both gallium and germanium metals": "of" hangs on "gallium".
    """
    own = [c.lower_ for c in t.children if c.dep_ == "case"]
    first = t.doc[t.left_edge.i]
    return own or ([first.lower_] if first.dep_ == "case" and first.i < t.i else [])


def _one_theme(ctx: Context, t: Token) -> tuple[str, Token] | None:
    if _negated_prefix(t):
        return None
    lx = ctx.lexicon
    lemma, word = t.lemma_.lower(), t.lower_
    names = {lemma, word, word.rstrip("s")}
    if names & lx.words("arms") or _DESIGNATION.match(t.text):
        if names & lx.words("arms_needing_qualifier") and not _has_military_qualifier(ctx, t):
            return ("goods", t) if names & lx.words("goods") else None
        return "arms", t
    if names & lx.words("built_works"):
        return "goods", t  # "a nuclear power plant": the plant, not the power
    for name in _THEME_ORDER[1:]:
        if names & lx.words(name):
            if name == "troops" and lemma in lx.words("troops_needing_qualifier") and not _has_military_qualifier(
                    ctx, t):
                continue
            return name, t
    return None


def _negated_prefix(t: Token) -> bool:
    """ "non-oil trade": the tokenizer splits "non-oil", and what follows "non" is what the trade is not."""
    doc = t.doc
    return (t.i >= 2 and doc[t.i - 1].text in ("-", "‑") and doc[t.i - 2].lower_ == "non"
            and not doc[t.i - 1].whitespace_ and not doc[t.i - 2].whitespace_)


def _has_military_qualifier(ctx: Context, t: Token) -> bool:
    qualifiers = ctx.lexicon.words("military_qualifiers")
    near = [c for c in t.subtree if c.i != t.i and abs(c.i - t.i) < 8]
    # "security assistance package": the word right before may hang beside it on the head noun.
    before = [t.doc[t.i - 1]] if t.i > 0 and t.doc[t.i - 1].dep_ in ("compound", "amod") else []
    # "FK-3 systems", "HQ-9 batteries": a weapon designation says what the systems are.
    return any(c.lemma_.lower() in qualifiers or c.lower_ in qualifiers or _DESIGNATION.match(c.text)
               for c in near + before)


def _theme(ctx: Context, frame: Frame, trigger: Token) -> tuple[str, Token] | None:
    """Return the theme of a frame: the most military commodity its theme slots name.

    "a US$2 billion agreement with Russia to buy Su-35 jets" is an arms deal:
    money says what a deal is worth, not what it is for. Among equals the
    earlier slot wins.
    """
    found: list[tuple[int, int, tuple[str, Token]]] = []
    for k, slot in enumerate(frame.theme):
        for t in follow(ctx, trigger, slot, frame):
            c = commodity(ctx, t)
            if c is not None:
                found.append((_THEME_ORDER.index(c[0]), k, c))
    return min(found, key=lambda f: (f[0], f[1]))[2] if found else None


# --- applying a frame ------------------------------------------------------------------------
def _has_particle(trigger: Token, particle: str) -> bool:
    """ "shot down", "makes up 40%": the particle on the verb, or right after it wherever the parser hung it."""
    after = trigger.i + 1
    return any(c.lower_ == particle for c in trigger.children) or (
        after < len(trigger.doc) and trigger.doc[after].lower_ == particle)


#: The preposition of what a document is about ("a declaration on allied relations").
_ABOUT = frozenset({"on"})


def _qualified(ctx: Context, frame: Frame, trigger: Token) -> bool | str:
    """Return True when the frame applies to ``trigger``; else why not: "lexical", "path" or "word".

    Ruled-out modifiers and missing qualifiers are lexical (the words decide);
    ``require`` and ``unless`` are paths over the parse, which may be wrong. A
    missing particle means the word is not the frame's ("hits" is not "hit
    out"), which decides nothing about the word's other readings.
    """
    lemma = trigger.lemma_.lower()
    if lemma in frame.particles and not _has_particle(trigger, frame.particles[lemma]):
        return "word"  # "shot down": the particle, whatever relation the parser gave it
    if frame.not_with and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in frame.not_with
                              for c in trigger.children):
        return "lexical"
    if lemma in frame.qualified:
        # "an agreement to boost energy cooperation": a qualifier a ruled-out word modifies is not one.
        # "signed the Shusha Declaration on allied relations": the "on" phrase, wherever the parser hung it.
        about = [c for p in phrases(trigger, _ABOUT) for c in p.subtree]
        words = {w for c in [*trigger.subtree, *about] if c.i != trigger.i and not any(
                     m.dep_ in ("amod", "compound") and m.lemma_.lower() in frame.not_with for m in c.children)
                 for w in (c.lemma_.lower(), c.lower_)}
        if not words & frame.qualifiers:
            return "lexical"
    if any(follow(ctx, trigger, slot, frame) for slot in frame.unless):
        return "path"
    if frame.require and not any(follow(ctx, trigger, slot, frame) for slot in frame.require):
        return "path"
    return True


def _edge_type(ctx: Context, frame: Frame, trigger: Token,
               theme: tuple[str, Token] | None) -> EdgeType | None:
    if frame.type is not None:
        return frame.type
    if theme is None:
        # "exports rice to": an object not among the commodities; no object at all is no default.
        has_object = any(follow(ctx, trigger, slot, frame) for slot in frame.theme[:1])
        lemma = trigger.lemma_.lower()
        by_lemma = lemma in frame.default_lemmas and (has_object or lemma in frame.bare_default_lemmas)
        if by_lemma or (frame.default_qualifiers and any(
                c.lemma_.lower() in frame.default_qualifiers or c.lower_ in frame.default_qualifiers
                for c in own_phrase(trigger) if c.i != trigger.i)) or _theme_qualifies(ctx, frame, trigger):
            return frame.default_type
        return None
    if frame.only_theme and theme[0] not in frame.only_theme:
        return None
    if theme[0] in ("goods", "money", "energy") and _given_free(ctx, trigger):
        return None
    return ctx.lexicon.theme_types.get(theme[0])


def _given_free(ctx: Context, trigger: Token) -> bool:
    """ "donated 50,000 tonnes of rice to Kenya as humanitarian aid": a gift, not a sale (guide: Aid is not trade).

    Weapons or troops given are still support; goods, money or fuel given are no trade.
    """
    if trigger.lemma_.lower() in ctx.lexicon.words("donating_verbs"):
        return True
    return any(_gift(ctx, p) for p in phrases(trigger, _AS))


_AS = frozenset({"as"})


def _theme_qualifies(ctx: Context, frame: Frame, trigger: Token) -> bool:
    """ "an agreement aimed at lifting bilateral trade": what the deal is for says it is economic."""
    return bool(frame.default_qualifiers) and any(
        t.lemma_.lower() in frame.default_qualifiers for slot in frame.theme for t in follow(ctx, trigger, slot, frame))


@dataclass(slots=True)
class _Reading:
    """What a frame says of one trigger before its roles are read: type and polarity."""

    type: EdgeType
    hedged: bool
    negated: bool
    modal: bool


def _read(ctx: Context, frame: Frame, trigger: Token, theme: tuple[str, Token] | None) -> _Reading | None:
    """The edge type and polarity of a trigger, or None when the frame gives nothing here."""
    edge_type = _edge_type(ctx, frame, trigger, theme)
    if edge_type is None:
        return None
    pol = polarity(trigger, ctx.lexicon)
    negated = pol.negated or (pol.denied and not frame.denial_ok)
    if negated and frame.when_negated is not None:
        edge_type, negated = frame.when_negated, False
    elif frame.only_negated:
        return None
    if frame.only_hypothetical and not (pol.future or pol.conditional or pol.modal or pol.promised):
        return None  # "in response to a suspected attack" is past; "will face a crushing response" threatens
    modal = (pol.modal or pol.conditional or (pol.permitted and edge_type is EdgeType.MILITARY_STRIKE)
             ) and not frame.modal_ok
    if frame.when_future is not None and not negated and not pol.modal and pol.near_future and not pol.condition:
        edge_type, modal = frame.when_future, False  # "could impose sanctions on Egypt if...": a threat
    return _Reading(edge_type, pol.hedged or ctx.view.hedged, negated, modal)


def _apply(ctx: Context, frame: Frame, trigger: Token) -> Iterator[Candidate]:
    theme = _theme(ctx, frame, trigger) if frame.theme else None
    reading = _read(ctx, frame, trigger, theme)
    if reading is None:
        return
    if frame.members:
        yield from _between_members(ctx, frame, trigger, reading)
        for other in _coordinated_types(ctx, frame, theme, reading.type):
            # "signed agreements on trade, energy and water": a deal of each kind.
            yield from _between_members(ctx, frame, trigger, replace(reading, type=other))
        return
    if frame.echoes:
        yield from _echo(ctx, frame, trigger, reading)
        return
    roles = _source_and_target(ctx, frame, trigger, theme)
    if roles is None:
        source = _role(ctx, frame, trigger, frame.source, frame.source_mode)
        if (source or (effective_pos(trigger) == "NOUN" and not _definite(trigger))) and not (
                reading.negated or reading.modal or frame.uses_conflict):
            # "North Korea fired missiles into the sea, and Seoul condemned the launches": an act
            # that names no target state still has its actor, whom "the launches" may name later;
            # "a drone strike that killed three U.S. soldiers" names none: "the drone strike" later
            # is that one, by no state named, not an earlier strike ("the strikes" is no new one).
            ctx.view.memory.remember_event(trigger.lemma_.lower(), reading.type.value, source, ())
        if reading.type in _SHARED_TARGET_TYPES and not frame.uses_conflict and source:
            ctx.orphans.append((trigger, reading, source))
        return
    source, target = roles
    if reading.type is EdgeType.NON_INTERVENTION:
        if frame.needs_conflict and not _in_conflict(ctx, trigger, target):
            return
        # "did not help the Iranian regime counter Israeli and U.S. attacks": the one left alone is
        # the one attacked, not its attackers.
        target = tuple(c for c in target if c in ctx.attacked) or target
    yield from _directed(trigger, reading, source, target, directed=not frame.undirected)
    for other in _coordinated_types(ctx, frame, theme, reading.type):
        # "sent artillery shells and troops to Russia": arms and soldiers, two facts.
        yield from _directed(trigger, replace(reading, type=other), source, target,
                             directed=not frame.undirected)
    if theme is not None and reading.type is EdgeType.ARMS_TRANSFER:
        # Made-in: "U.S.-made jets delivered to Ukraine", "a Chinese-made J-10 flown by Pakistan".
        origin = ctx.resolver.origins(theme[1])
        if origin and origin != source:
            yield from _directed(trigger, reading, origin, target, directed=True)


def _asserted(candidates: list[Candidate], edge_type: EdgeType, besides: Token) -> list[Candidate]:
    """The asserted candidates of ``edge_type`` read from another trigger than ``besides``."""
    return [c for c in candidates if c.type is edge_type and c.trigger != besides.i and not c.negated
            and not c.modal]


def _echo(ctx: Context, frame: Frame, trigger: Token, reading: _Reading) -> Iterator[Candidate]:
    """ "Canada imposed tariffs on the US, following a similar move by Trump against Canada".

    A move said to be like one the sentence states is of its type; without a
    target of its own it answers the state that made the other ("South Korea
    removed Japan from its list, after a similar move by Tokyo").
    """
    donors = _asserted(ctx.found, reading.type, trigger)
    if not donors:
        return
    roles = _source_and_target(ctx, frame, trigger, None)
    if roles is None:
        source = _role(ctx, frame, trigger, frame.source, frame.source_mode)
        donor = min(donors, key=lambda c: abs(c.trigger - trigger.i))
        roles = source, tuple(c for c in donor.subjects if c not in source)
    source, target = roles
    if target:
        yield from _directed(trigger, reading, source, target, directed=True)


#: Transfers whose receiver a parallel clause of the sentence may name (guide rule 1).
_SHARED_TARGET_TYPES = frozenset({EdgeType.ARMS_TRANSFER, EdgeType.MILITARY_SUPPORT, EdgeType.ENERGY_TRADE,
                                  EdgeType.TRADE})


def _share_targets(ctx: Context, finding: Finding) -> None:
    """Give a transfer without a receiver the receiver of a transfer of its type in the sentence.

    "The Netherlands pledged to deliver 24 jets to Ukraine, while Denmark confirmed
    sending 19 F-16 aircraft": the sentence makes plain who receives the second
    (guide rule 1). The nearest such transfer before it is taken, else the nearest after.
    """
    for trigger, reading, source in ctx.orphans:
        # "would not send Taurus missiles to Ukraine, while continuing to supply air defence": a
        # receiver is named whether or not the other transfer is made.
        same = [c for c in finding.candidates if c.trigger != trigger.i and not set(c.objects) & set(source)
                and ((c.type is reading.type and _parallel(ctx, trigger, ctx.doc[c.trigger]))
                     or (c.type in _SHARED_TARGET_TYPES and _conjoined(trigger, ctx.doc[c.trigger])))]
        if not same:
            continue
        before = [c for c in same if c.trigger < trigger.i]
        donor = max(before, key=lambda c: c.trigger) if before else min(same, key=lambda c: c.trigger)
        shared = Candidate(source, reading.type, donor.objects, trigger.i, hedged=reading.hedged,
                           negated=reading.negated, modal=reading.modal)
        finding.candidates.append(shared)
        remember_events(ctx.doc, [shared], ctx.view.memory)
        finding.decided.add(trigger.i)
    ctx.orphans.clear()


def _conjoined(a: Token, b: Token) -> bool:
    """ "would send more howitzers and train two more Ukrainian brigades": verbs of one subject joined by "and"."""
    return (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)


def _parallel(ctx: Context, a: Token, b: Token) -> bool:
    """Tell whether the clauses of two events are joined side by side ("X delivered ..., while Y sent ...").

    The top of one event's chain of governors hangs on the other's chain: a
    coordinated, adverbial or paratactic clause, not one further down the tree.
    """
    chain_a = [g for g, _ in governors(a, ctx.lexicon)]
    chain_b = [g for g, _ in governors(b, ctx.lexicon)]
    top_a, top_b = chain_a[-1], chain_b[-1]
    return (top_a.head.i != top_a.i and top_a.dep_ in _PARALLEL_DEPS and top_a.head in chain_b) or (
        top_b.head.i != top_b.i and top_b.dep_ in _PARALLEL_DEPS and top_b.head in chain_a)


#: How a clause stands beside another.
_PARALLEL_DEPS = frozenset({"conj", "advcl", "parataxis"})


def _coordinated_types(ctx: Context, frame: Frame, theme: tuple[str, Token] | None,
                       first: EdgeType) -> list[EdgeType]:
    """The other edge types that coordinated themes of a theme frame give, besides ``first``."""
    if theme is None or frame.type is not None:
        return []
    root = climb(theme[1], lambda r: r.dep_ == "conj")
    types: list[EdgeType] = []
    trade = ctx.lexicon.words("trade_objects")
    for k in conjuncts(root):
        found = _one_theme(ctx, k)
        money = not frame.only_theme or "money" in frame.only_theme
        if found is None and money and k.lemma_.lower() in trade and "money" in ctx.lexicon.theme_types:
            found = ("money", k)  # "agreements on trade, energy and water": trade besides energy
        if found is None or (frame.only_theme and found[0] not in frame.only_theme):
            continue
        edge_type = ctx.lexicon.theme_types.get(found[0])
        if edge_type is not None and edge_type is not first and edge_type not in types:
            types.append(edge_type)
    return types


def _directed(trigger: Token, reading: _Reading, source: tuple[str, ...], target: tuple[str, ...], *,
              directed: bool) -> Iterator[Candidate]:
    if source:
        yield Candidate(source, reading.type, target, trigger.i, hedged=reading.hedged, directed=directed,
                        negated=reading.negated, modal=reading.modal)


def _between_members(ctx: Context, frame: Frame, trigger: Token, reading: _Reading) -> Iterator[Candidate]:
    """Every pair of the parties of a symmetric, undirected or mutual frame.

    A frame with a ``hub`` (the one a relation is of: "Kazakhstan's main trading
    partners are China and Russia") pairs the hub with each other party, not
    the other parties with one another.
    """
    members = _members(ctx, frame, trigger)
    hub = list(ctx.resolver.states([t for slot in frame.hub for t in follow(ctx, trigger, slot, frame)], "agent"))
    pairs = ([(a, b) for b in hub for a in members if a not in hub] if hub else
             [(a, b) for k, a in enumerate(members) for b in members[k + 1:]])
    for a, b in pairs:
        yield Candidate((a,), reading.type, (b,), trigger.i, hedged=reading.hedged,
                        directed=not frame.undirected, negated=reading.negated, modal=reading.modal)
        if frame.mutual:
            yield Candidate((b,), reading.type, (a,), trigger.i, hedged=reading.hedged,
                            negated=reading.negated, modal=reading.modal)


def _source_and_target(ctx: Context, frame: Frame, trigger: Token, theme: tuple[str, Token] | None
                       ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The states of the source and the target of a directed frame; None without a target.

    An event named again with "the" ("delivering the training package" after
    "training for Ukrainian recruits") keeps the target it had.
    """
    skip_mod = trigger.lemma_.lower() in frame.no_mod_source
    source = _role(ctx, frame, trigger, frame.source, frame.source_mode, skip_mod=skip_mod)
    target = _target_besides(ctx, frame, trigger, source)
    if not target and trigger.dep_ == "conj" and trigger.head.lemma_.lower() in frame.lemmas:
        # "the Israeli offensive on Iranian territories and U.S. airstrikes on nuclear sites":
        # the object the coordinated event makes plain (guide rule 1).
        target = _role(ctx, frame, trigger.head, frame.target, frame.target_mode)
    if target and set(source) <= set(target):
        # "Japan buys two-thirds of its LNG from Australia": "its" names the buyer, not the seller.
        source = _role(ctx, frame, trigger, frame.source, frame.source_mode, skip_mod=skip_mod,
                       besides=frozenset(target)) or source
    if target and set(target) <= set(source):
        # "condemned the killing of its soldiers in a Turkish strike": a phrase that names only the
        # source ("its") says nothing of the target; the next may.
        target = _target_besides(ctx, frame, trigger, source, skip_source=True)
    events = ctx.view.memory.event_targets
    named = [t for t in (trigger, theme[1] if theme else None) if t is not None and effective_pos(t) == "NOUN"]
    if not target and source:
        target = next((events[t.lemma_.lower()] for t in named if _definite(t) and t.lemma_.lower() in events), ())
    target = tuple(c for c in target if c not in source)
    for t in named:
        if target:
            events[t.lemma_.lower()] = target
    return (source, target) if target else None


def _target_besides(ctx: Context, frame: Frame, trigger: Token, source: tuple[str, ...], *,
                    skip_source: bool = False) -> tuple[str, ...]:
    """The target of a frame with references resolved to states other than ``source``.

    ``skip_source``: a slot that names only the source gives way to the next.
    """
    ctx.resolver.exclude = set(source)
    try:
        return _role(ctx, frame, trigger, frame.target, frame.target_mode,
                     besides=frozenset(source) if skip_source else frozenset())
    finally:
        ctx.resolver.exclude = set()


def _definite(t: Token) -> bool:
    """ "the training package", "this deal": a noun that refers back."""
    head = t.head if t.dep_ == "compound" else t
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in head.children)


def _in_conflict(ctx: Context, trigger: Token, target: tuple[str, ...]) -> bool:
    """Tell whether a refusal to help is in a conflict, as non-intervention needs (guide).

    The target is under attack here or earlier in the article, or what is
    refused is military ("military aid", "to defend").
    """
    if set(target) & set(ctx.attacked):
        return True
    military = ctx.lexicon.words("military_qualifiers") | ctx.lexicon.words("help_military")
    # "would not send troops to help Congo": the help the refused sending was for.
    sent = own_phrase(trigger.head) if trigger.dep_ in ("xcomp", "advcl") else []
    if any(t.lemma_.lower() in military or t.lower_ in military for t in [*own_phrase(trigger), *sent]):
        return True
    # "did little to help Armenia when Azerbaijan attacked": an attack in a clause of the refusal,
    # whatever it names.
    return any(t.lemma_.lower() in ctx.lexicon.attack_lemmas for t in trigger.subtree if t.i != trigger.i)


def _members(ctx: Context, frame: Frame, trigger: Token) -> list[str]:
    """The parties of a symmetric or undirected frame, in order."""
    codes: list[str] = []
    try:
        for slot in frame.members:
            ctx.resolver.exclude = set(codes)  # a reference to a party ("the Gulf nation") is another party
            codes.extend(ctx.resolver.states(follow(ctx, trigger, slot, frame), "agent"))
    finally:
        ctx.resolver.exclude = set()
    return list(dict.fromkeys(codes))
