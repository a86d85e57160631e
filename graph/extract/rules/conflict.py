"""Conflict: military_strike, sanction (material) and condemnation, threat (verbal).

Strikes count when carried out (Decisions: Commitments); "the Ukraine war"
with no attacker, planned strikes and authorised strikes give nothing. A noun
of attack takes its attacker from a demonym or possessive ("Israeli strikes",
"Russia's invasion of") and its target from the phrase after it; a second
attack noun in the same sentence with no target shares the first one's
(rule 1). Sanctions need a named state on both sides (Decisions: Companies and
sectors, Named targets). Condemnation includes criticism without the verb when
an official plainly attacks another state's conduct in a quote.
"""

from __future__ import annotations

from alignkg.graph.extract import lexicon as lx
from alignkg.graph.extract.context import Arg, SentenceView
from alignkg.graph.extract.mentions import Mention, Role
from alignkg.graph.extract.rules.candidate import Candidate
from alignkg.graph.extract.rules.polarity import is_hedged, is_modal, is_negated
from alignkg.graph.ontology import EdgeType

_STRIKE_PREPS = frozenset({"on", "against", "at", "into", "in", "targeting", "upon", "toward", "towards"})
_HYPOTHETICAL = frozenset({"any", "possible", "potential", "planned", "imminent", "future", "further", "new"})
_PEOPLE = frozenset({"officials", "official", "individuals", "oligarchs", "officers", "generals", "commanders",
                     "ministers", "businessmen", "lawmakers", "judges", "citizens", "nationals", "people"})
_LABEL_VERBS = frozenset({"call", "describe", "label", "brand", "term", "dub"})
_MODALS = frozenset({"will", "would", "could", "might", "may", "can"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "these", "those", "such", "his", "her"})


def _make(view: SentenceView, subjects: tuple[str, ...], edge_type: EdgeType, objects: tuple[str, ...],
          t: int, arg: Arg | None = None, *, hedged: bool = False) -> Candidate:
    return Candidate(subjects, edge_type, objects, t, hedged=hedged or is_hedged(view, t),
                     negated=(arg.negated if arg else False) or is_negated(view, t),
                     modal=(arg.modal if arg else False) or is_modal(view, t))


def find(view: SentenceView) -> list[Candidate]:
    """Return the conflict candidates of one sentence."""
    found: list[Candidate] = []
    strikes: list[Candidate] = []
    for t in view.triggers:
        lem, w = view.lem(t), view.word(t)
        if w in lx.STRIKE_NOUNS and _is_noun_use(view, t):
            strikes.extend(_strike_noun(view, t, strikes))
        elif lem in lx.STRIKE_VERBS:
            strikes.extend(_strike_verb(view, t))
        as_verb = _condemn_verb(view, t) if lem in lx.CONDEMN_VERBS and _is_verb_like(view, t) else []
        if as_verb:
            found.extend(as_verb)
        elif w in lx.CONDEMN_NOUNS:  # "lodging a diplomatic protest with Beijing": a noun after all
            found.extend(_condemn_noun(view, t))
        as_verb = _sanction_verb(view, t) if lem in lx.SANCTION_VERBS and _is_verb_like(view, t) else []
        if as_verb:
            found.extend(as_verb)
        elif w in lx.SANCTION_NOUNS:  # "imposed sanctions on": a noun after all
            found.extend(_sanction_noun(view, t))
        elif lem in lx.RESTRICT_VERBS:
            found.extend(_restrict_verb(view, t))
        if lem in lx.THREAT_VERBS:
            found.extend(_threat_verb(view, t))
        elif lem in lx.RESPOND_VERBS:
            found.extend(_respond(view, t))
        elif lem in lx.RESPONSE_NOUNS:
            found.extend(_consequence(view, t))
    found.extend(_exchange_of_attacks(view))
    found.extend(_criticism_without_verb(view, found))
    return strikes + found


def _is_noun_use(view: SentenceView, t: int) -> bool:
    prev = view.word(t - 1)
    m = view.mention_at.get(t - 1)
    if prev in _DETERMINERS or prev in ("'s", "’s") or (m is not None and m.role is not Role.AGENT):
        return True
    if m is not None and view.word(t + 1) in _STRIKE_PREPS:
        return True  # "U.S. strikes on Iran": a noun after a name used as modifier
    return view.lem(t) not in lx.STRIKE_VERBS or view.word(t + 1) in ("on", "against", "of", "targeting")


def _is_verb_like(view: SentenceView, t: int) -> bool:
    return view.word(t - 1) not in _DETERMINERS


def _strike_verb(view: SentenceView, t: int) -> list[Candidate]:
    lem = view.lem(t)
    if lem == "use":
        return _used_against(view, t)
    if view.word(t - 1) in ("was", "were", "been", "being", "is", "are"):
        subject = view.agent_by(t)
        obj = view.subject_before(t - 1)
        if subject is None or obj is None:
            return []
        return [_make(view, subject.codes, EdgeType.MILITARY_STRIKE, obj.codes, t)]
    subject = view.accused_subject(t) or view.subject_before(t)
    if subject is None:
        return []
    if view.word(t + 1) != "with" and any(view.word(j) == "with" and view.word(j + 1) in lx.SANCTION_NOUNS | {
            "new", "fresh", "tough", "further", "more", "punitive"} for j in range(t + 1, min(view.end, t + 5))):
        obj = view.object_after(t, window=3)  # "Canada hit Russia with new sanctions": a sanction, not a strike
        return [_make(view, subject.codes, EdgeType.SANCTION, obj.codes, t, subject)] if obj else []
    if lem in lx.STRIKE_LAUNCH_VERBS:
        weapon = any(view.lem(j) in lx.COMMODITIES[EdgeType.ARMS_TRANSFER] or view.word(j) in lx.STRIKE_NOUNS
                     for j in list(range(t + 1, min(view.end, t + 10))) + list(range(max(view.start, t - 7), t)))
        if not weapon:
            return []
        obj = view.after_prep(t, frozenset({"at", "on", "against", "into", "toward", "towards", "in"}), window=14)
    else:
        obj = view.object_after(t, window=8, preps=_STRIKE_PREPS)
        if obj is None:
            obj = _group_location(view, t)
    if obj is None and subject.mention is None and view.word(subject.index - 1) in ("which", "that"):
        obj = _relative_antecedent(view, subject.index - 1)  # "Ukraine, which it invaded"
    if obj is None and view.word(t + 1) in ("its", "their"):
        obj = _other_state(view, subject.codes, before=t)  # "accused Azerbaijan of shelling its territory"
    if obj is None:
        return []
    return [_make(view, subject.codes, EdgeType.MILITARY_STRIKE, obj.codes, t, subject)]


def _used_against(view: SentenceView, t: int) -> list[Candidate]:
    """ "Moscow used Iranian drones against Ukrainian cities", "drones were used by Russia against Ukraine".

    What is used is a weapon, never the target: the target comes after "against", "on", "at" or "in".
    """
    passive = view.word(t - 1) in ("was", "were", "been", "being", "is", "are")
    user = view.agent_by(t) if passive else view.subject_before(t)
    weapon = any(view.lem(j) in lx.COMMODITIES[EdgeType.ARMS_TRANSFER]
                 for j in list(range(t + 1, min(view.end, t + 6))) + list(range(max(view.start, t - 6), t)))
    if user is None or not weapon:
        return []
    target = view.after_prep(t, frozenset({"against", "on", "at", "in", "into"}), window=10)
    if target is None or set(target.codes) & set(user.codes):
        return []
    return [_make(view, user.codes, EdgeType.MILITARY_STRIKE, target.codes, t, user)]


def _group_location(view: SentenceView, t: int) -> Arg | None:
    """ "strikes Hezbollah positions in Lebanon": a strike on an armed group in a named state (Decisions)."""
    group = next((m for m in view.mentions if t < m.start <= t + 4 and not m.codes and m.kind == "non_state"), None)
    if group is None:
        return None
    return view.after_prep(group.end - 1, frozenset({"in", "inside"}), window=6)


def _other_state(view: SentenceView, exclude: tuple[str, ...], *, before: int) -> Arg | None:
    """The one state named before ``before`` that is not ``exclude``: whose "its" an attacker's act is."""
    others = [m for m in view.mentions if m.start < before and m.codes and m.role is not Role.BLOCKED
              and not set(m.codes) & set(exclude)]
    codes = {c for m in others for c in m.codes}
    return Arg(others[-1].codes, others[-1].start, others[-1]) if len(codes) == 1 else None


def _relative_antecedent(view: SentenceView, rel: int) -> Arg | None:
    k = rel - 1 if view.word(rel - 1) != "," else rel - 2
    m = view.mention_at.get(k)
    if m is None or not m.codes or m.role is Role.BLOCKED:
        return None
    return Arg(m.codes, m.start, m)


def _strike_noun(view: SentenceView, t: int, earlier: list[Candidate]) -> list[Candidate]:
    w = view.word(t)
    if any(view.word(j) in _HYPOTHETICAL for j in range(max(view.start, t - 3), t)):
        return []
    if view.word(t - 1) == "of" and view.word(t - 2) in ("exchange", "exchanges"):
        return []
    attacker = view.possessor_before(t) or view.agent_by(t) or view.after_prep(t, frozenset({"from"}), 3)
    if attacker is None and w not in lx.WEAK_STRIKE_NOUNS:
        attacker = view.light_verb_subject(t)
    preps = _STRIKE_PREPS | ({"of"} if w in ("invasion", "bombing", "bombardment", "shelling") else set())
    target = view.after_prep(t, frozenset(preps), window=8)
    if target is None and attacker is not None and w not in lx.WEAK_STRIKE_NOUNS and earlier and \
            view.word(t + 1) in ("on", "against", "targeting"):
        target = Arg(earlier[-1].objects, earlier[-1].trigger)
    if target is None and attacker is not None:
        target = _group_location(view, t)  # "an offensive against the PKK in northern Iraq"
    if attacker is None or target is None:
        return []
    if _followed_by_modal(view, t):
        return []
    return [_make(view, attacker.codes, EdgeType.MILITARY_STRIKE, target.codes, t, attacker)]


def _followed_by_modal(view: SentenceView, t: int) -> bool:
    """ "A direct attack from Iran against Israel will carry consequences": hypothetical."""
    for j in range(t + 1, min(view.end, t + 9)):
        if view.word(j) in _MODALS:
            return True
        if view.word(j) in (",", ";") or view.lem(j) in ("be", "have"):
            return False
    return False


def _exchange_of_attacks(view: SentenceView) -> list[Candidate]:
    """ "Israel and Iran engaged in an exchange of attacks": strikes both ways."""
    found = []
    for t in view.where(lx.EXCHANGE_WORDS):
        if view.word(t) in lx.EXCHANGE_WORDS and (
                view.lem(t + 2) in lx.STRIKE_NOUNS or view.lem(t + 1) in lx.STRIKE_NOUNS
                or view.word(t + 1) == "fire"):
            for j in range(t - 1, max(view.start - 1, t - 8), -1):
                m = view.mention_at.get(j)
                if m is not None and m.codes and len(m.group_codes) == 2:
                    a, b = m.group_codes
                    found.append(_make(view, (a,), EdgeType.MILITARY_STRIKE, (b,), t))
                    found.append(_make(view, (b,), EdgeType.MILITARY_STRIKE, (a,), t))
                    break
    return found


def _condemn_verb(view: SentenceView, t: int) -> list[Candidate]:
    passive = view.passive(t)
    if passive is not None:  # "Russia was condemned by France"
        agent, patient = passive
        return [_make(view, agent.codes, EdgeType.CONDEMNATION, patient.codes, t, patient)]
    subject = view.subject_before(t)
    if subject is None:
        subject = _participle_subject(view, t)
    if subject is None:
        return []
    obj = view.object_after(t, window=10)
    if obj is None:
        return []
    hedged = view.lem(t) == "accuse"
    return [_make(view, subject.codes, EdgeType.CONDEMNATION, obj.codes, t, subject, hedged=hedged)]


def _participle_subject(view: SentenceView, t: int) -> Arg | None:
    """ "..., rejecting accusations": a participle after a comma shares the clause's subject."""
    if view.word(t - 1) != "," or not view.word(t).endswith("ing"):
        return None
    for k in range(t - 2, view.start - 1, -1):
        m = view.mention_at.get(k)
        if m is not None and m.codes and m.role is Role.AGENT and view.word(m.start - 1) not in (
                "to", "on", "of", "for", "with", "against", "from", "in"):
            first = m
            for other in view.mentions:
                if other.start < first.start and other.codes and other.role is Role.AGENT and \
                        view.word(other.start - 1) not in ("to", "on", "of", "for", "with", "against", "in"):
                    first = other
                    break
            return Arg(first.group_codes, first.start, first)
    return None


def _condemn_noun(view: SentenceView, t: int) -> list[Candidate]:
    preps = {"with", "to", "against"} if view.word(t) in ("protest", "protests") else {"of", "against"}
    target = view.after_prep(t, frozenset(preps), window=4)
    if target is None:
        return []
    critic = view.possessor_before(t) or view.light_verb_subject(t)
    if critic is None:
        return []
    if view.lem(t - 1) in lx.DENY_VERBS or view.lem(t - 2) in lx.DENY_VERBS:
        return []
    return [_make(view, critic.codes, EdgeType.CONDEMNATION, target.codes, t, critic)]


def _criticism_without_verb(view: SentenceView, found: list[Candidate]) -> list[Candidate]:
    """An official statement that plainly attacks another state's conduct (Decisions)."""
    if any(c.type is EdgeType.CONDEMNATION for c in found):
        return []
    cue = next(iter(view.where(lx.CRITICAL_WORDS)), -1)
    if cue < 0:
        cue = view.first_of(lx.CRITICAL_PHRASES)
    if cue < 0:
        return []
    speaker = view.speaker()
    if not speaker:
        return []
    near = view.mention_at.get(cue - 1)
    if near is not None and near.codes and near.role is not Role.BLOCKED:
        targets = [c for c in near.group_codes if c not in speaker]
    else:
        # The target is the state the quoted words are about, never the victim ("the attacks on Iran").
        quotes = view.where(lx.QUOTES)
        first = next((m for m in view.mentions if m.codes and m.role in (Role.AGENT, Role.MODIFIER)
                      and not set(m.group_codes) & set(speaker)
                      and (sum(1 for q in quotes if q < m.start) % 2 == 1 or _quoted_about(view, m, quotes))
                      and view.word(m.start - 1) not in ("on", "against", "at", "to", "for", "with")), None)
        targets = list(first.group_codes) if first is not None else []
    if not targets:
        return []
    return [_make(view, speaker, EdgeType.CONDEMNATION, tuple(targets), cue)]


def _quoted_about(view: SentenceView, m: Mention, quotes: list[int]) -> bool:
    """ "Lula had 'crossed a red line'", "declared Lula 'persona non grata'": the quote describes the mention."""
    after = next((q for q in quotes if q >= m.end), None)
    if after is None:
        return False
    verb = m.start - 2 if view.word(m.start - 1) == "the" else m.start - 1
    if view.lem(verb) in _LABEL_VERBS:
        return True  # "Lula called Israel's war ... 'genocide'": what is labelled is the mention
    return after - m.end <= 3 and all(view.word(k) in lx.SUBJECT_GAP for k in range(m.end, after))


def _is_people(view: SentenceView, arg: Arg) -> bool:
    """ "three Iranian officials", "Russian oligarchs": sanctions on people are not on their state."""
    m = arg.mention
    return m is not None and any(view.word(k) in _PEOPLE for k in range(m.start, min(view.end, m.end + 2)))


def _sanction_verb(view: SentenceView, t: int) -> list[Candidate]:
    passive = view.passive(t)
    if passive is not None:  # "Iran was sanctioned by the United States"
        agent, patient = passive
        return [_make(view, agent.codes, EdgeType.SANCTION, patient.codes, t, patient)]
    subject = view.subject_before(t)
    if subject is None:
        return []
    obj = view.object_after(t, window=6)
    if obj is None or _is_people(view, obj):
        return []
    return [_make(view, subject.codes, EdgeType.SANCTION, obj.codes, t, subject)]


def _sanction_noun(view: SentenceView, t: int) -> list[Candidate]:
    w = view.word(t)
    if w in ("control", "controls", "ban", "restriction", "restrictions") and not any(
            view.word(j) in ("export", "exports", "sale", "sales", "import", "imports", "on", "chips")
            for j in range(t - 2, min(view.end, t + 4))):
        return []
    target = view.after_prep(t, frozenset({"on", "against"}), window=5)
    if target is None:
        target = _export_target(view, t)
    faced = _facing(view, t)
    if faced is not None:  # "Iran faces new sanctions from Britain"
        target, imposer_from = faced
        return [_make(view, imposer_from.codes, EdgeType.SANCTION, target.codes, t, target)]
    if target is None or _is_people(view, target):
        return []
    imposer = view.possessor_before(t) or view.agent_by(t)
    arg = None
    if imposer is None:
        for j in range(t - 1, max(view.start - 1, t - 6), -1):
            if view.lem(j) in lx.IMPOSE_VERBS:
                arg = view.subject_before(j)
                imposer = arg
                break
    if imposer is None:
        imposer = view.light_verb_subject(t)
    if imposer is None:
        return []
    return [_make(view, imposer.codes, EdgeType.SANCTION, target.codes, t, arg)]


def _facing(view: SentenceView, t: int) -> tuple[Arg, Arg] | None:
    """ "X faces new sanctions from Y": the target is the subject of "face", the imposer after "from"."""
    imposer = view.after_prep(t, frozenset({"from", "by"}), window=3)
    if imposer is None:
        return None
    for j in range(t - 1, max(view.start - 1, t - 4), -1):
        if view.lem(j) in ("face", "receive", "suffer"):
            target = view.subject_before(j)
            return (target, imposer) if target is not None else None
    return None


def _export_target(view: SentenceView, t: int) -> Arg | None:
    """ "a ban on exports to the United States", "restrictions on the sale of chips ... to China"."""
    for j in range(t + 1, min(view.end, t + 5)):
        if view.word(j) in ("export", "exports", "sale", "sales", "shipments"):
            return view.after_prep(j, frozenset({"to"}), window=12)
    return None


def _restrict_verb(view: SentenceView, t: int) -> list[Candidate]:
    """ "restricted the export of chips to China", "banned imports of Russian oil", "suspended trade with India"."""
    target = None
    for j in range(t + 1, min(view.end, t + 5)):
        w = view.word(j)
        if w in ("export", "exports", "sale", "sales", "shipments"):
            target = view.after_prep(j, frozenset({"to"}), window=12)
        elif w in ("import", "imports", "purchases"):
            target = view.after_prep(j, frozenset({"from"}), window=6)
            if target is None and view.word(j + 1) == "of":
                for k in range(j + 2, min(view.end, j + 6)):
                    m = view.mention_at.get(k)
                    if m is not None and m.codes and m.role is Role.MODIFIER:
                        target = Arg(m.group_codes, m.start, m)
                        break
        elif w in ("trade", "ties", "relations") and view.lem(t) in ("suspend", "cut", "sever", "halt", "stop"):
            if w != "trade" and view.word(j - 1) not in ("economic", "trade", "commercial"):
                continue
            target = view.after_prep(j, frozenset({"with"}), window=3)
        else:
            continue
        break
    if target is None:
        return []
    subject = view.subject_before(t) or _participle_subject(view, t)
    if subject is None:
        return []
    return [_make(view, subject.codes, EdgeType.SANCTION, target.codes, t, subject)]


def _threat_verb(view: SentenceView, t: int) -> list[Candidate]:
    lem = view.lem(t)
    subject = view.subject_before(t)
    if subject is None:
        return []
    end = min(view.end, t + 12)
    if lem == "vow" and not any(view.lem(j) in lx.RESPONSE_NOUNS or view.lem(j) in lx.RESPOND_VERBS
                                for j in range(t + 1, end)):
        return []
    if lem == "warn":
        # "warned Seoul that...", "warned Tehran against retaliation": a warning to a named state
        obj = view.object_after(t, window=2)
        if obj is None:
            promised = any(view.lem(j) in lx.RESPONSE_NOUNS or view.lem(j) in lx.RESPOND_VERBS
                           for j in range(t + 1, end))
            obj = view.object_after(t, window=10) if promised else None
    else:
        obj = view.object_after(t, window=10)
    if obj is None:
        return []
    return [_make(view, subject.codes, EdgeType.THREAT, obj.codes, t, subject)]


def _respond(view: SentenceView, t: int) -> list[Candidate]:
    """ "Iran will respond": a threat when promised, aimed at the state it answers."""
    if view.word(t - 1) not in ("will", "would", "shall") and view.lem(t - 2) != "vow":
        return []
    subject = view.subject_before(t)
    if subject is None:
        return []
    obj = view.after_prep(t, frozenset({"to", "against"}), window=6)
    if obj is None:
        others = [c for m in view.mentions if m.codes and m.role is not Role.BLOCKED and m.start < t
                  for c in m.codes if c not in subject.codes]
        others = list(dict.fromkeys(others))
        if len(others) != 1:
            return []
        obj = Arg(tuple(others), t)
    return [Candidate(subject.codes, EdgeType.THREAT, obj.codes, t, hedged=is_hedged(view, t))]


def _consequence(view: SentenceView, t: int) -> list[Candidate]:
    """ "X would receive a crushing response", "severe consequences for X": said by the speaker."""
    target = None
    if view.word(t + 1) == "for":
        target = view.after_prep(t, frozenset({"for"}), window=2)
    else:
        for j in range(t - 1, max(view.start - 1, t - 6), -1):
            if view.lem(j) in ("receive", "face", "suffer", "get"):
                target = view.subject_before(j)
                break
    if target is None:
        return _taken_measures(view, t)
    speaker = view.speaker()
    if not speaker:
        return []
    return [Candidate(speaker, EdgeType.THREAT, target.codes, t, hedged=is_hedged(view, t))]


def _taken_measures(view: SentenceView, t: int) -> list[Candidate]:
    """ "China would take countermeasures", "Tehran's response would be more severe if Israel struck back".

    A promised response is a threat against the one other state the sentence names.
    """
    owner = view.possessor_before(t)
    if owner is None:
        for j in range(t - 1, max(view.start - 1, t - 6), -1):
            if view.lem(j) in ("take", "adopt", "impose", "face") and view.word(j - 1) in ("will", "would", "shall"):
                owner = view.subject_before(j)
                break
    elif not any(view.word(j) in ("will", "would", "shall") for j in range(t + 1, min(view.end, t + 4))):
        owner = None
    if owner is None:
        return []
    others = list(dict.fromkeys(c for m in view.mentions if m.codes and m.role is not Role.BLOCKED
                                for c in m.codes if c not in owner.codes))
    if len(others) != 1:
        return []
    return [Candidate(owner.codes, EdgeType.THREAT, tuple(others), t, hedged=is_hedged(view, t))]
