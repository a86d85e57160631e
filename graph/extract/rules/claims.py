"""Claims of alignment (guide rule 6): "a united front between Russia, China...", "staunch allies".

A claim is talk, not an edge: it records who makes it (the states whose
officials speak; none for a writer or analyst) and the member states. Members
must be named next to the claim word: "its allies", "Western allies" and "the
notion of an axis" give nothing, and "allies" used as a title before names
("key allies Russia and China") does not say whose allies they are, so it
gives nothing either.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from alignkg.graph.extract import lexicon as lx
from alignkg.graph.extract.context import CLAUSE_BREAKS, QUOTES, SentenceView
from alignkg.graph.extract.frames import Lexicon
from alignkg.graph.extract.mentions import Mention, Role
from alignkg.graph.extract.resolve import Resolver
from alignkg.graph.extract.rules.cooperation import nominal_alliance
from alignkg.graph.extract.syntax import governors, own_phrase, polarity, preposition
from alignkg.graph.extract.syntax import subjects as subjects_of

_MEMBER_PREPS = frozenset({"between", "of", "comprising", "including", "among", "with"})
_PEOPLE = frozenset({"officials", "leaders", "diplomats", "lawmakers", "politicians"})

@dataclass(slots=True)
class ClaimCandidate:
    """Claimants and members of one claim found in one sentence."""

    claimants: tuple[str, ...]
    members: tuple[str, ...]
    trigger: int


def _is_trigger(view: SentenceView, j: int, lexicon: Lexicon) -> bool:
    w = view.word(j)
    if w in lx.CLAIM_ACRONYMS:
        return True
    if w not in lx.CLAIM_NOUNS:
        return False
    qualifiers = lx.CLAIM_QUALIFIED.get(w)
    if qualifiers is not None:
        return view.word(j - 1) in qualifiers
    if w == "alliance":
        # A signed alliance is an edge; a described one ("the close alliance between") is a claim, and
        # so is one formed in all but name ("have formed a de facto alliance").
        if nominal_alliance(view, j):
            return True
        return not any(view.lem(k) in lx.ALLIANCE_VERBS for k in range(max(view.start, j - 5), j))
    if _treaty_named(view, j, lexicon):
        return False  # "allies under a 1960 security treaty": an alliance edge, not talk
    if w in ("ally", "allies"):
        prev = view.word(j - 1)
        following = view.mention_at.get(j + 1)
        if prev in ("its", "their") and following is not None and following.codes:
            return True  # "the West African country and its allies Burkina Faso and Niger"
        if prev in ("its", "their", "his", "her", "'s", "’s") or view.mention_at.get(j - 1) is not None:
            return view.word(j - 1) in ("its", "their") and view.word(j - 2) in ("of",) and view.word(j - 3) == "one"
        if prev in ("these", "those", "such", "supposed", "so-called", "purported"):
            return False  # refers back to, or disputes, a bloc named elsewhere
        nxt = view.mention_at.get(j + 1)
        if nxt is not None and nxt.codes:
            return False  # "key allies Russia and China": allies of whom?
    return True


def _treaty_named(view: SentenceView, j: int, lexicon: Lexicon) -> bool:
    """Tell whether the claim word's own phrase names a treaty or pact (guide: Alliance wording)."""
    treaties = lexicon.words("treaty_nouns")
    return any(t.lemma_.lower() in treaties for t in own_phrase(view.doc[j]) if t.i != j)


def _usable(m: Mention) -> bool:
    return bool(m.codes) and m.role in (Role.AGENT, Role.MODIFIER)


def _clause_mentions(view: SentenceView, lo: int) -> list[Mention]:
    """Mentions from ``lo`` to the end of the clause: a member list may run on ("such as X, as well as Y")."""
    found = []
    for j in range(lo, view.end):
        w = view.word(j)
        if w in QUOTES or w in (";", ".", "while", "but", "although", "whereas", "because"):
            break
        m = view.mention_at.get(j)
        if m is not None and m.start == j and _usable(m):
            found.append(m)
    return found


def _members(view: SentenceView, t: int) -> list[str]:
    w = view.word(t)
    # "a united front between Russia, China...", "the alliance between Russia and states such as..."
    for k in range(t + 1, min(view.end, t + 4)):
        if view.word(k) in _MEMBER_PREPS or view.word(k) == "or":
            after = _clause_mentions(view, k + 1)
            if after and after[0].start <= k + 3:
                codes = [c for m in after for c in m.codes]
                if w in ("ally", "allies") and view.word(k) == "of":
                    codes += list(_holder(view, t, exclude=set(codes)))
                return codes
            if view.word(k) != "or":
                break
        if view.word(k) == "," and view.word(k + 1) == "or":
            continue  # "CRINK, or China-Russia-Iran-North Korea"
        if view.word(k) in CLAUSE_BREAKS or view.word(k) == ",":
            break
    # "Beijing and Moscow are staunch allies"; "Russia and Iran: a perfect union of two despots"
    for k in range(t - 1, max(view.start - 1, t - 7), -1):
        m = view.mention_at.get(k)
        if m is not None and _usable(m):
            if len(m.group_codes) >= 2:
                return list(m.group_codes)
            break
        if view.word(k) in CLAUSE_BREAKS - {":", "as"}:
            break
    # "one of its closest allies", "called Russia ... ally": the states of the sentence, when the
    # claim word has no modifier of its own ("European allies" are allies of nobody named).
    if w in ("ally", "allies") and not any(c.dep_ in ("amod", "compound") for c in view.doc[t].children):
        return view.states()
    return []


_MEMBER_SLOTS = ("between", "among", "of", "with", "comprising", "including")


def _parse_members(view: SentenceView, t: int, lexicon: Lexicon) -> list[str]:
    """Read the members of a claim off the parse.

    The claim noun's own phrase names them ("a united front between Russia,
    China..."; "its allies Burkina Faso and Niger"; "the Japan-U.S. alliance"),
    or else the subject of the clause it is predicated of ("Beijing and Moscow
    are staunch allies"; "Belarus and Russia are reaching a level of strategic
    alliance"), or the state it is in apposition to ("Iran, one of its closest
    allies"). A possessor is read last: "its" is not one of the other members.
    """
    resolver = Resolver(view, lexicon)
    token = view.doc[t]
    own = [c for c in token.children if c.dep_ in ("appos", "flat", "compound", "amod")
           or (c.dep_.startswith("nmod") and c.dep_ != "nmod:poss" and preposition(c) in _MEMBER_SLOTS)]
    codes = list(resolver.states(own, "agent"))
    if len(codes) < 2:
        codes += [c for c in resolver.states(_clause_members(resolver, token, lexicon), "agent")
                  if c not in codes]
    resolver.exclude = set(codes)
    possessors = [c for c in token.children if c.dep_ == "nmod:poss"]
    codes += [c for c in resolver.states(possessors, "agent") if c not in codes]
    return codes


def _clause_members(resolver: Resolver, token: Token, lexicon: Lexicon) -> list[Token]:
    """The subject the claim noun is predicated of, or the state it stands in apposition to."""
    cur = token
    for _ in range(3):
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if subjects:
            # "This new agreement, signed by Blinken and Bahrain's Crown Prince, will symbolize the
            # deepening alliance": the parties named on the subject when it is not a state.
            agents = [a for s in subjects for c in s.children if c.dep_ in ("acl", "acl:relcl")
                      for a in subjects_of(c, lexicon)]
            return subjects + agents
        if cur.dep_ == "appos":  # "Iran, one of its closest allies"
            return [cur.head]
        if cur.dep_ not in ("obj", "nmod", "obl", "xcomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
    return []


def _holder(view: SentenceView, t: int, exclude: set[str]) -> tuple[str, ...]:
    """ "Besides being a close ally of Iran, China...": the state described as the ally."""
    for m in view.mentions:
        if _usable(m) and not set(m.codes) & exclude and m.role is Role.AGENT:
            return m.group_codes
    return ()


def _asserted(view: SentenceView, j: int, lexicon: Lexicon) -> bool:
    """Read on the parse whether the claim word is asserted.

    "Iran is not an ally of Russia" claims nothing, and neither does thanking
    one's allies ("Zelensky thanked his allies").
    """
    token = view.doc[j]
    if polarity(token, lexicon).negated:
        return False
    thanks = lexicon.words("thank_verbs")
    return not any(g.lemma_.lower() in thanks for g, _ in governors(token, lexicon))


def find(view: SentenceView, lexicon: Lexicon) -> list[ClaimCandidate]:
    """Return the claim of one sentence, if its members are named and the claim is asserted."""
    trigger = next((j for j in view.where(lx.CLAIM_WORDS) if _is_trigger(view, j, lexicon)), -1)
    if trigger < 0 or not _asserted(view, trigger, lexicon):
        return []
    claimants = _claimants(view, trigger)
    members = _parse_members(view, trigger, lexicon)
    if len(members) < 2:
        members = _members(view, trigger)
    if view.word(trigger) in ("ally", "allies") and claimants and view.lem(trigger - 1) != "be":
        members.extend(claimants)  # "Kim called Russia the most honest friend and ally"
    members_set = set(members) - (set(claimants) if _officials_in(view, trigger) else set())
    if len(members_set) < 2:
        return []
    return [ClaimCandidate(tuple(sorted(set(claimants))), tuple(sorted(members_set)), trigger)]


def _officials_in(view: SentenceView, trigger: int) -> list[str]:
    """ "officials in the U.S. and U.K.": the states whose officials speak are claimants."""
    for m in view.mentions:
        if m.start >= trigger or not m.codes:
            continue
        before = m.start - 1 if view.word(m.start - 1) != "the" else m.start - 2
        if view.word(before) == "in" and view.word(before - 1) in _PEOPLE:
            return list(m.group_codes)
    return []


def _claimants(view: SentenceView, trigger: int) -> list[str]:
    officials = _officials_in(view, trigger)
    if officials:
        return officials
    for j in view.where(lx.CLAIM_VERBS):
        if view.lem(j) == "accord" and view.word(j + 1) == "to":
            m = view.mention_at.get(j + 2) or view.mention_at.get(j + 3)
            if m is not None and m.codes and m.person:
                return list(m.group_codes)
        if view.lem(j) in lx.CLAIM_VERBS and j < trigger:
            arg = view.subject_before(j)
            if arg is not None and (arg.mention is None or arg.mention.person):
                return list(arg.codes)
    if view.where(QUOTES):
        return list(view.speaker())
    return []
