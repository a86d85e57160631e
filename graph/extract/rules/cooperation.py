"""Cooperation and its refusal: alliance, diplomatic_support, military_support, non_intervention.

An alliance needs a signed or declared pact, treaty or strategic partnership
(Decisions: Alliance wording); "allies" and "close ties" are claims or nothing.
Diplomatic support needs explicit backing ("backed", "political support", "has
the right to defend itself"); military support needs troops, training or help
to defend. A refusal to help a state in a conflict is non_intervention, the one
negative that is a fact (rule 4); refusing one weapon is not (Decisions).
"""

from __future__ import annotations

from alignkg.graph.extract import lexicon as lx
from alignkg.graph.extract.context import CLAUSE_BREAKS, Arg, SentenceView
from alignkg.graph.extract.mentions import Role
from alignkg.graph.extract.rules.candidate import Candidate
from alignkg.graph.extract.rules.polarity import is_hedged, is_modal, is_negated
from alignkg.graph.ontology import EdgeType

#: Refusals that are military by their verb: no other sign of a conflict is needed.
_MILITARY_HELP = frozenset({"intervene", "defend", "rescue", "protect", "intervention", "involve", "aid"})


def find(view: SentenceView, strike_objects: tuple[str, ...] = ()) -> list[Candidate]:
    """Return the cooperation candidates of one sentence.

    ``strike_objects`` are the states attacked in this or the previous sentence:
    the state left alone when a refusal to intervene names no object.
    """
    found: list[Candidate] = []
    for t in view.triggers:
        lem, w = view.lem(t), view.word(t)
        if lem in lx.ALLIANCE_VERBS:
            found.extend(_alliance_verb(view, t))
        elif w in lx.ALLIANCE_HEADS:
            found.extend(_alliance_noun(view, t))
        if lem in lx.SUPPORT_VERBS and view.word(t - 1) not in ("the", "a", "-", "its", "their"):
            found.extend(_support_verb(view, t))
        if w in lx.PLAIN_SOLIDARITY or (w in lx.SOLIDARITY_NOUNS and view.word(t - 1) in lx.SUPPORT_NOUN_QUALIFIERS):
            found.extend(_political_support(view, t))
        if lem in lx.ASSIST_VERBS:
            found.extend(_assist(view, t))
        if w in lx.BATTLEFIELD_NOUNS and view.word(t + 1) in ("assistance", "support", "aid", "help"):
            found.extend(_battlefield(view, t + 1))
        if lem in lx.REFUSE_VERBS or lem == "participate" or w in ("offered", "offering", "offer", "offers"):
            found.extend(_refusal(view, t, strike_objects))
    found.extend(_phrases(view, strike_objects))
    found.extend(_pro_stance(view))
    found.extend(_right_to_defend(view))
    found.extend(_rejecting_accusations(view))
    return found


def _make(view: SentenceView, subjects: tuple[str, ...], edge_type: EdgeType, objects: tuple[str, ...],
          t: int, arg: Arg | None = None, *, check_negation: bool = True, directed: bool = True) -> Candidate:
    return Candidate(subjects, edge_type, objects, t, hedged=is_hedged(view, t), directed=directed,
                     negated=check_negation and ((arg.negated if arg else False) or is_negated(view, t)),
                     modal=(arg.modal if arg else False) or is_modal(view, t))


# --- alliance ------------------------------------------------------------------------------------
def _alliance_head(view: SentenceView, lo: int, hi: int) -> int:
    """Return the index of an alliance noun in [lo, hi) that is qualified as one, or -1."""
    for j in range(max(lo, view.start), min(hi, view.end)):
        w = view.word(j)
        if w in CLAUSE_BREAKS or w in (",", ";"):
            return -1
        if w in lx.ALLIANCE_HEADS and view.word(j + 1) in lx.ALLIANCE_HEADS:
            continue  # "a partnership agreement": the head is the last noun
        if w in lx.ALLIANCE_HEADS:
            words = {view.word(k) for k in range(max(view.start, j - 5), j)}
            if nominal_alliance(view, j):
                return -1  # "a de facto alliance": a claim, not an edge
            hyphenated = "no" in words and bool(words & {"limits", "limit"})  # a "no-limits" partnership
            if w in ("pact", "treaty", "alliance") or words & lx.ALLIANCE_QUALIFIERS or hyphenated:
                if not words & {"trade", "gas", "oil", "energy", "pipeline", "investment", "economic"}:
                    return j
            return -1
    return -1


def nominal_alliance(view: SentenceView, j: int) -> bool:
    """Tell whether the alliance word at ``j`` is one in all but name ("a de facto alliance"): a claim."""
    return bool({view.word(k) for k in range(max(view.start, j - 2), j)} & lx.NOMINAL_ALLIANCE_QUALIFIERS)


def _alliance_verb(view: SentenceView, t: int) -> list[Candidate]:
    head = _alliance_head(view, t + 1, t + 9)
    if head < 0:
        return []
    subject = view.subject_before(t)
    if subject is None:
        return []
    if len(subject.codes) >= 2:
        return [_make(view, subject.codes[:1], EdgeType.ALLIANCE, subject.codes[1:], t, subject)]
    partner = view.after_prep(head, frozenset({"with"}), window=6) or view.after_prep(
        t, frozenset({"with"}), window=4)
    if partner is None:
        return []
    return [_make(view, subject.codes, EdgeType.ALLIANCE, partner.codes, t, subject)]


def _alliance_noun(view: SentenceView, t: int) -> list[Candidate]:
    if _alliance_head(view, t, t + 1) != t or view.word(t) == "alliance":
        return []
    between = view.after_prep(t, frozenset({"between"}), window=4)
    if between is not None and len(between.codes) >= 2:
        return [_make(view, between.codes[:1], EdgeType.ALLIANCE, between.codes[1:2], t)]
    owner = view.possessor_before(t)
    if owner is not None and len(owner.codes) == 2 and view.word(owner.index + 1) in ("-", "–"):
        return [_make(view, owner.codes[:1], EdgeType.ALLIANCE, owner.codes[1:], t)]
    return []


# --- diplomatic support --------------------------------------------------------------------------
def _support_verb(view: SentenceView, t: int) -> list[Candidate]:
    if view.lem(t) == "stand":
        k = t + 1 + (1 if view.word(t + 1).endswith("ly") else 0)
        if view.word(k) not in ("by", "with", "behind"):
            return []  # "stood ready to work", "stand at": no backing
    elif view.word(t + 1) == "by" or view.word(t - 1) in ("was", "were", "been"):
        return []
    before = view.mention_at.get(t - 1)
    if before is not None and before.role is Role.MODIFIER and not before.possessive:
        return []  # "with Chinese backing": a noun, not a verb with its subject
    subject = view.subject_before(t)
    if subject is None:
        return []
    obj = view.object_after(t, window=6)
    if obj is None or obj.mention is None or obj.mention.role is Role.PLACE:
        return []
    edge_type = EdgeType.DIPLOMATIC_SUPPORT
    if any(view.word(j) in ("defend", "defensive", "troops", "militarily") for j in range(t, min(view.end, t + 8))):
        edge_type = EdgeType.MILITARY_SUPPORT
    return [_make(view, subject.codes, edge_type, obj.codes, t, subject)]


def _political_support(view: SentenceView, t: int) -> list[Candidate]:
    """ "offering Iran political support", "expressed diplomatic support for Israel"."""
    obj = view.after_prep(t, frozenset({"for", "to", "with"}), window=3)
    verb = -1
    for j in range(t - 2, max(view.start - 1, t - 6), -1):
        m = view.mention_at.get(j)
        if m is not None and m.codes and obj is None:
            obj = Arg(m.group_codes, m.start, m)
        if view.lem(j) in ("offer", "express", "give", "lend", "voice", "pledge", "extend"):
            verb = j
            break
    if obj is None or verb < 0:
        return []
    subject = view.subject_before(verb) or _fronted_subject(view, verb)
    if subject is None:
        return []
    return [_make(view, subject.codes, EdgeType.DIPLOMATIC_SUPPORT, obj.codes, t, subject)]


def _fronted_subject(view: SentenceView, verb: int) -> Arg | None:
    """ "Beyond offering Iran support, Russia did not...": the subject after the fronted phrase."""
    if verb - view.start > 2:
        return None
    for j in range(verb + 1, view.end):
        if view.word(j) == ",":
            m = view.mention_at.get(j + 1) or view.mention_at.get(j + 2)
            if m is not None and m.codes and m.role is Role.AGENT:
                return Arg(m.group_codes, m.start, m)
            return None
    return None


def _pro_stance(view: SentenceView) -> list[Candidate]:
    """ "Russia's pro-Iranian stance": its owner backs the state."""
    found = []
    for m in view.mentions:
        if m.codes and view.word(m.start - 1) == "-" and view.word(m.start - 2) == "pro":
            owner = view.possessor_before(m.start - 2)
            if owner is not None:
                found.append(_make(view, owner.codes, EdgeType.DIPLOMATIC_SUPPORT, m.codes, m.start))
    return found


def _right_to_defend(view: SentenceView) -> list[Candidate]:
    """ "Israel has the right to defend itself", said by another state's official."""
    at = view.find_phrase(lx.RIGHT_TO_DEFEND)
    if at < 0:
        return []
    holder = view.subject_before(at - 1) if view.word(at - 1) == "the" else None
    if holder is None:
        return []
    speaker = view.speaker()
    if not speaker or set(speaker) & set(holder.codes):
        return []
    return [_make(view, speaker, EdgeType.DIPLOMATIC_SUPPORT, holder.codes, at)]


def _rejecting_accusations(view: SentenceView) -> list[Candidate]:
    """ "rejecting accusations against Israel": explicit backing of Israel."""
    found = []
    for j in view.where(lx.DENY_VERBS):
        if view.word(j + 1) in ("accusations", "criticism", "charges") \
                and view.word(j + 2) == "against":
            obj = view.after_prep(j + 1, frozenset({"against"}), window=2)
            subject = view.subject_before(j)
            if subject is None and view.word(j - 1) == ",":
                for m in view.mentions:
                    if m.start < j and m.codes and m.role is Role.AGENT:
                        subject = Arg(m.group_codes, m.start, m)
                        break
            if obj is not None and subject is not None:
                found.append(_make(view, subject.codes, EdgeType.DIPLOMATIC_SUPPORT, obj.codes, j,
                                   check_negation=False))
    return found


# --- military support ----------------------------------------------------------------------------
def _assist(view: SentenceView, t: int) -> list[Candidate]:
    """ "North Korean soldiers assisting Moscow", "will continue to help Israel defend itself"."""
    subject = view.subject_before(t)
    obj = view.object_after(t, window=3)
    if subject is None or obj is None or obj.mention is None:
        return []
    mention = subject.mention
    troops = mention is not None and any(
        view.lem(k) in lx.COMMODITIES[EdgeType.MILITARY_SUPPORT] for k in range(mention.start, mention.end + 1))
    defend = view.word(obj.mention.end) in ("defend", "to") and "defend" in {
        view.word(k) for k in range(obj.mention.end, obj.mention.end + 3)}
    if not (troops or defend):
        return []
    return [_make(view, subject.codes, EdgeType.MILITARY_SUPPORT, obj.codes, t, subject)]


def _battlefield(view: SentenceView, t: int) -> list[Candidate]:
    owner = view.possessor_before(t - 1)
    obj = view.after_prep(t, frozenset({"for", "to"}), window=3)
    if owner is None or obj is None:
        return []
    return [_make(view, owner.codes, EdgeType.MILITARY_SUPPORT, obj.codes, t)]


# --- non-intervention ----------------------------------------------------------------------------
def _left_alone(view: SentenceView, t: int, strike_objects: tuple[str, ...], subject: tuple[str, ...],
                window: int = 10) -> tuple[str, ...]:
    """The state not helped: named after the refusal, else the state attacked nearby."""
    arg = view.after_prep(t, frozenset({"to", "for", "of", "help", "defend", "aid", "assist", "rescue"}),
                          window=window)
    if arg is None:
        for j in range(t + 1, min(view.end, t + window)):
            m = view.mention_at.get(j)
            if m is not None and m.codes and m.role is not Role.BLOCKED and (
                    m.possessive or view.word(j - 1) in ("help", "defend", "aid", "assist", "offered", "offer")):
                arg = Arg(m.group_codes, m.start, m)
                break
            if view.word(j) in CLAUSE_BREAKS:
                break
    if arg is not None:
        return tuple(c for c in arg.codes if c not in subject)
    return tuple(c for c in strike_objects if c not in subject) if len(strike_objects) == 1 else ()


def _refusal(view: SentenceView, t: int, strike_objects: tuple[str, ...]) -> list[Candidate]:
    lem = view.lem(t)
    if lem in lx.REFUSE_VERBS:
        nxt = [view.lem(j) for j in range(t + 1, min(view.end, t + 8))]
        if not set(nxt) & (lx.HELP_VERBS | {"come", "get", "involve", "intervention", "aid"}):
            return []  # "declined to give Ukraine missiles" is a negated arms_transfer
        if not (set(nxt) & _MILITARY_HELP or strike_objects or view.where(lx.CONFLICT_WORDS)):
            return []  # "refused to help Russia evade sanctions": a refusal, but not in a conflict
        subject = view.subject_before(t)
    elif lem == "participate":
        if not any(view.word(j) in lx.NEGATORS for j in range(max(view.start, t - 3), t)):
            return []
        subject = view.subject_before(t)
        if subject is None:
            return []
        # "would not participate in any Israeli counter-offensive": the partner left alone.
        for j in range(t + 1, min(view.end, t + 7)):
            m = view.mention_at.get(j)
            if m is not None and m.codes and m.role is Role.MODIFIER and any(
                    view.word(k) in lx.STRIKE_NOUNS | {"operation", "action", "response"}
                    for k in range(m.end, m.end + 3)):
                return [_make(view, subject.codes, EdgeType.NON_INTERVENTION, m.group_codes, t,
                              check_negation=False)]
        return []
    else:  # "offered Tehran no real help", "offered little", "neither Moscow nor Beijing offered Iran any aid"
        words = [view.word(j) for j in range(t + 1, min(view.end, t + 7))]
        subject = view.subject_before(t)
        first = subject.mention.group[0].start if subject is not None and subject.mention and subject.mention.group \
            else (subject.index if subject is not None else 0)
        denied = subject is not None and (subject.negated or view.word(first - 1) == "neither")
        if not ((set(words) & {"no", "little", "nothing"} or denied) and set(words) & (lx.HELP_NOUNS | {"little"})):
            return []
    if subject is None:
        return []
    left = _left_alone(view, t, strike_objects, subject.codes)
    if not left:
        return []
    return [_make(view, subject.codes, EdgeType.NON_INTERVENTION, left, t, check_negation=False)]


def _phrases(view: SentenceView, strike_objects: tuple[str, ...]) -> list[Candidate]:
    found = []
    for phrase in lx.NON_INTERVENTION_PHRASES:
        at = view.find_phrase(phrase)
        if at < 0:
            continue
        verb = at - 1
        while verb > view.start and (view.word(verb).endswith("ly") or view.word(verb) in ("not", "n't", "did")):
            verb -= 1
        subject = view.subject_before(verb + 1) if phrase[0] in ("stay", "stays", "stayed", "staying",
                                                                  "remain", "remained") else view.subject_before(verb)
        if subject is None:
            subject = view.subject_before(at)
        if subject is None:
            continue
        left = _left_alone(view, at + len(phrase) - 1, strike_objects, subject.codes, window=12)
        if left:
            found.append(_make(view, subject.codes, EdgeType.NON_INTERVENTION, left, at, check_negation=False))
    for j in view.where(lx.ABSENCE_MARKERS):
        # "without any concrete support for Iran", "instead of coming to Tehran's rescue"
        if view.word(j) in ("without", "instead") or (view.word(j) == "lack" and view.word(j + 1) == "of"):
            words = [view.word(k) for k in range(j + 1, min(view.end, j + 6))]
            if not set(words) & (lx.HELP_NOUNS | {"coming", "helping", "defending", "rescue"}):
                continue
            if view.word(j) == "lack":
                found.extend(_lack_of_support(view, j))
                continue
            subject = _clause_subject(view, j)
            if subject is None:
                continue
            left = _left_alone(view, j, (), subject.codes, window=8)
            if left:
                found.append(_make(view, subject.codes, EdgeType.NON_INTERVENTION, left, j, check_negation=False))
    return found


def _lack_of_support(view: SentenceView, j: int) -> list[Candidate]:
    """ "Iran's lack of support from Russia and China": the helpers left it alone."""
    helpers = view.after_prep(j, frozenset({"from"}), window=6)
    owner = view.possessor_before(j)
    if helpers is None or owner is None:
        return []
    return [_make(view, helpers.codes, EdgeType.NON_INTERVENTION, owner.codes, j, check_negation=False)]


def _clause_subject(view: SentenceView, j: int) -> Arg | None:
    """The first acting state of the sentence, which a trailing participle or phrase refers to."""
    for m in view.mentions:
        if m.start >= j:
            return None
        if m.codes and m.role is Role.AGENT and view.word(m.start - 1) not in (
                "of", "on", "to", "with", "for", "against", "from", "by"):
            return Arg(m.group_codes, m.start, m)
    return None
