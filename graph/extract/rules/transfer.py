"""Transfers between states: arms_transfer, energy_trade, trade, and troops as military_support.

What moves decides the type (guide table): a giving or buying predicate is
found first, then the commodity near it ("supplied drones" is arms, "bought
oil" energy, "sent soldiers" military support). Direction follows the guide:
the giver or seller is the subject; for "buy" and "import" the roles swap; a
deal or trade "between" or "with" a partner that does not say who sells is
undirected (rule 3). Weapons "from Iran" or "Chinese-made" name the supplier
(Decisions: Where a weapon came from, Made-in).
"""

from __future__ import annotations

from alignkg.graph.extract import lexicon as lx
from alignkg.graph.extract.context import CLAUSE_BREAKS, Arg, SentenceView
from alignkg.graph.extract.mentions import Role
from alignkg.graph.extract.rules.candidate import Candidate
from alignkg.graph.extract.rules.polarity import is_hedged, is_modal, is_negated
from alignkg.graph.extract.tokens import COMMODITY_PRIORITY
from alignkg.graph.ontology import EdgeType

_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "such"})
_COMMITMENT_NOUNS = frozenset({"deal", "agreement", "contract", "accord", "pledge", "commitment"})
_USE_VERBS = frozenset({"use", "fly", "operate", "launch", "fire", "deploy", "need", "field"})
_RANK = {edge_type: rank for rank, edge_type in enumerate(COMMODITY_PRIORITY)}


def commodity_type(view: SentenceView, lo: int, hi: int) -> tuple[EdgeType | None, int]:
    """Return the type of the commodity named in [lo, hi) and its index, the most military first.

    "Components", "technology" or "equipment" next to a military word ("for
    weapons production", "warfighting technology") are arms.
    """
    lo, hi = max(lo, view.start), min(hi, view.end)
    commodity = view.index.commodity
    best: EdgeType | None = None
    at = -1
    for j in range(lo, hi):
        found = commodity[j]
        if found is not None and (best is None or _RANK[found] < _RANK[best]):
            best, at = found, j
    if best is EdgeType.TRADE and view.index.has_military(lo, hi):
        best = EdgeType.ARMS_TRANSFER
    return best, at


def _clause_end(view: SentenceView, t: int, limit: int = 16) -> int:
    for j in range(t + 1, min(view.end, t + limit)):
        if view.has_phrase(j, ("as", "well", "as")) or view.has_phrase(j - 1, ("as", "well", "as")) or \
                view.has_phrase(j - 2, ("as", "well", "as")):
            continue
        if view.word(j) in CLAUSE_BREAKS or view.word(j) in (";", "which", "while"):
            return j
    return min(view.end, t + limit)


def _is_verb_use(view: SentenceView, t: int) -> bool:
    prev = view.word(t - 1)
    if prev in _DETERMINERS or view.mention_at.get(t - 1) is not None and view.mention_at[t - 1].role in (
            Role.MODIFIER, Role.ORIGIN):
        return False
    return not (prev in ("'s", "’s") or view.lem(t - 1) in lx.COMMODITIES[EdgeType.ARMS_TRANSFER])


def _user_after(view: SentenceView, c: int) -> Arg | None:
    """ "missiles that Moscow's troops launch", "drones used by Russian troops": the recipient."""
    for j in range(c + 1, min(view.end, c + 6)):
        if view.lem(j) in lx.COMMODITIES[EdgeType.ARMS_TRANSFER] and view.lem(j) != view.lem(c):
            return None  # "jets helped intercept the drones launched by Iran": the drones' user, not the jets'
        if view.lem(j) in _USE_VERBS and view.word(j + 1) == "by":
            return view.agent_by(j, window=2)
        if view.word(j) in ("that", "which"):
            m = view.mention_at.get(j + 1)
            if m is not None and m.codes and m.role is not Role.BLOCKED:
                k = m.end + (1 if m.possessive else 0)
                for q in range(k, min(view.end, k + 3)):
                    if view.lem(q) in _USE_VERBS:
                        return Arg(m.group_codes, m.start, m)
            return None
        if view.word(j) in CLAUSE_BREAKS or view.word(j) == ",":
            return None
    return None


def _candidate(view: SentenceView, subjects: tuple[str, ...], edge_type: EdgeType, objects: tuple[str, ...],
               t: int, *, directed: bool = True, negated: bool = False, modal: bool = False,
               hedged: bool = False) -> Candidate:
    return Candidate(subjects, edge_type, objects, t, hedged=hedged or is_hedged(view, t), directed=directed,
                     negated=negated or is_negated(view, t), modal=modal or is_modal(view, t))


def find(view: SentenceView) -> list[Candidate]:
    """Return the transfer candidates of one sentence."""
    found: list[Candidate] = []
    for t in view.triggers:
        lem = view.lem(t)
        if lem in lx.GIVE_VERBS and _is_verb_use(view, t):
            found.extend(_give_verb(view, t))
        elif lem in lx.RECEIVE_VERBS and _is_verb_use(view, t):
            found.extend(_receive_verb(view, t))
        elif view.word(t) in lx.GIVE_NOUNS or view.word(t) in lx.RECEIVE_NOUNS or view.word(t) in lx.EXCHANGE_NOUNS:
            found.extend(_noun(view, t))
        elif lem in lx.BUYER_NOUNS or lem in lx.SELLER_NOUNS:
            found.extend(_role_noun(view, t))
        elif lem in lx.DEPLOY_VERBS or lem == "train":
            found.extend(_troops(view, t))
        elif lem == "invest" and _is_verb_use(view, t):
            found.extend(_invest(view, t))
    found.extend(_origins(view))
    return found


def _give_verb(view: SentenceView, t: int) -> list[Candidate]:
    end = _clause_end(view, t)
    edge_type, c = commodity_type(view, t + 1, end)
    passive = view.word(t - 1) in ("was", "were", "been", "being", "is", "are")
    before_type, before_c = commodity_type(view, view.start if passive else t - 4, t)
    if edge_type is None and before_type is not None:  # "the 11,000 soldiers North Korea sent to Russia"
        edge_type, c = before_type, before_c
    if edge_type is None:
        if view.lem(t) != "arm":
            return []
        edge_type, c = EdgeType.ARMS_TRANSFER, t
    subject = view.accused_subject(t) or view.subject_before(t)
    if subject is None and view.word(t - 1) in ("was", "were", "been", "being", "is", "are"):
        subject = view.agent_by(t) or _made_in(view, t)
    if subject is None and view.word(t).endswith("ing") and view.word(t - 1) in ("from", "by"):
        subject = view.subject_before(t - 2)  # "the revenues it earns from exporting oil"
    if subject is None and view.word(t - 1) == "to" and view.word(t - 2) in _COMMITMENT_NOUNS:
        subject = view.light_verb_subject(t - 2)  # "signed a 27-year deal to supply LNG to China"
    if subject is None:
        return []
    obj = view.object_after(t, preps=frozenset({"to", "into"}), skip_modifiers_of=_all_commodities(),
                            window=end - t)
    if obj is None and c > t:
        obj = _user_after(view, c)
    if obj is None and c > t:
        owner = view.mention_at.get(c - 2) if view.word(c - 1) in ("'s", "’s") else None
        if owner is None and view.mention_at.get(c - 1) is not None and view.mention_at[c - 1].possessive:
            owner = view.mention_at[c - 1]
        if owner is not None and owner.codes and owner.possessive:
            obj = Arg(owner.group_codes, owner.start, owner)  # "supplies most of Armenia's gas": the user
    if obj is None and edge_type is EdgeType.MILITARY_SUPPORT:
        # "decided to send 12,000 troops to fight for Russia"
        for phrase in lx.FIGHT_FOR:
            at = view.find_phrase(phrase, lo=t, hi=end + 4)
            if at >= 0:
                obj = view.after_prep(at, frozenset({phrase[1]}), window=3)
                break
    if obj is None:
        return []
    if view.word(obj.index - 1) == "into" or view.word(obj.index - 2) == "into":
        if edge_type is EdgeType.MILITARY_SUPPORT:  # "sent troops into Ukraine" is an invasion
            return [_candidate(view, subject.codes, EdgeType.MILITARY_STRIKE, obj.codes, t,
                               negated=subject.negated, modal=subject.modal)]
        return []
    hedged = view.word(t - 1) in ("of", "for") and view.accused_subject(t) is not None
    return [_candidate(view, subject.codes, edge_type, obj.codes, t, negated=subject.negated,
                       modal=subject.modal, hedged=hedged)]


def _any_goods() -> frozenset[str]:
    return lx.COMMODITIES[EdgeType.TRADE]


def _all_commodities() -> frozenset[str]:
    return frozenset().union(*lx.COMMODITIES.values())


def _receive_verb(view: SentenceView, t: int) -> list[Candidate]:
    end = _clause_end(view, t)
    edge_type, c = commodity_type(view, t + 1, end)
    if edge_type is None:
        return []
    buyer = view.subject_before(t)
    if buyer is None:
        return []
    seller = view.after_prep(t, frozenset({"from"}), window=end - t)
    if seller is None:
        seller = _commodity_origin(view, c)
    if seller is None:
        return []
    return [_candidate(view, seller.codes, edge_type, buyer.codes, t, negated=buyer.negated, modal=buyer.modal)]


def _commodity_origin(view: SentenceView, c: int) -> Arg | None:
    """ "Iranian oil", "Russia's gas": the state a commodity comes from, just before it."""
    for j in range(c - 1, max(view.start - 1, c - 4), -1):
        m = view.mention_at.get(j)
        if m is not None:
            if m.codes and m.role in (Role.MODIFIER, Role.ORIGIN, Role.AGENT):
                return Arg(m.group_codes, m.start, m)
            return None
        if view.word(j) in ("of", "from", "to", "with", ",") or view.word(j) in CLAUSE_BREAKS:
            return None
    return None


def _noun(view: SentenceView, t: int) -> list[Candidate]:
    w = view.word(t)
    if view.word(t + 1) in lx.DISPUTE_NOUNS:
        return []  # "the trade dispute between the United States and China"
    window_lo, window_hi = t - 4, min(view.end, t + 8)
    edge_type, c = commodity_type(view, window_lo, t)
    if edge_type is None:
        after_type, after_c = commodity_type(view, t + 1, window_hi)
        if after_type is not None and (view.word(t + 1) in ("of", "in") or (
                w in lx.EXCHANGE_NOUNS and view.after_prep(t, frozenset({"with"}), window=3) is not None)):
            edge_type, c = after_type, after_c
    if edge_type is None and w in lx.BARE_AID_NOUNS:
        # "a $500 million military aid package for Ukraine"; humanitarian aid is no edge (Decisions)
        if any(view.lem(j) in lx.MILITARY_AID_QUALIFIERS for j in range(max(view.start, t - 5), t)):
            edge_type = EdgeType.ARMS_TRANSFER
    if edge_type is None:
        if w in lx.BARE_AID_NOUNS:
            return []
        if w in ("trade", "trades", "exports", "imports", "export", "import", "investment"):
            edge_type = EdgeType.TRADE
        elif view.lem(t - 1) in ("trade", "economic", "investment", "business"):
            edge_type = EdgeType.TRADE
        else:
            return []
    if w == "exchange" and view.word(t + 1) == "of" and view.lem(t + 2) in lx.STRIKE_NOUNS:
        return []
    negated = any(view.word(j) in lx.NEGATORS for j in range(max(view.start, t - 4), t))
    between = view.after_prep(t, frozenset({"between"}), window=6)
    if between is not None and len(between.codes) >= 2:
        a, b = between.codes[0], between.codes[1]
        return [_candidate(view, (a,), edge_type, (b,), t, directed=False, negated=negated)]
    owner = view.possessor_before(t) or view.after_prep(t, frozenset({"from"}), window=3) \
        if w not in lx.RECEIVE_NOUNS else view.possessor_before(t)
    if owner is None:
        owner = view.light_verb_subject(t) or _inherited_owner(view, t)
    if w in lx.EXCHANGE_NOUNS:
        if owner is not None and len(owner.codes) == 2:
            # "the Chinese-Iranian oil trade", "a Russia-China gas deal"
            return [_candidate(view, owner.codes[:1], edge_type, owner.codes[1:2], t, directed=False,
                               negated=negated)]
        partner = view.after_prep(t, frozenset({"with"}), window=6)
        if owner is None or partner is None:
            return []
        return [_candidate(view, owner.codes, edge_type, partner.codes, t, directed=False, negated=negated)]
    if w in lx.RECEIVE_NOUNS:
        if owner is None:
            owner = _sibling_owner(view, t)
        source = view.after_prep(t, frozenset({"from"}), window=8) or (
            _commodity_origin(view, c) if c > t else None)
        if owner is None or source is None:
            return []
        return [_candidate(view, source.codes, edge_type, owner.codes, t, negated=negated)]
    if owner is None and c > t and view.word(t + 1) == "of":
        owner = _commodity_origin(view, c)  # "the sale of US weapons to Taiwan"
    recipient = view.after_prep(t, frozenset({"to", "for"}), window=8)
    if owner is None or recipient is None:
        return []
    return [_candidate(view, owner.codes, edge_type, recipient.codes, t, negated=negated)]


def _inherited_owner(view: SentenceView, t: int) -> Arg | None:
    """ "Iran's drone deals with Russia and oil trades with China": the second noun shares the owner."""
    if view.word(t - 1) != "and" and view.word(t - 2) != "and":
        return None
    for j in range(t - 2, max(view.start - 1, t - 14), -1):
        w = view.word(j)
        if w in lx.EXCHANGE_NOUNS or w in lx.GIVE_NOUNS or w in lx.RECEIVE_NOUNS:
            return view.possessor_before(j)
        if w in CLAUSE_BREAKS:
            return None
    return None


def _sibling_owner(view: SentenceView, t: int) -> Arg | None:
    """ "Chinese exports to Russia rose, while imports from Russia fell": the same owner."""
    for j in range(t - 1, view.start - 1, -1):
        if view.word(j) in lx.GIVE_NOUNS or view.word(j) in lx.RECEIVE_NOUNS:
            return view.possessor_before(j)
    return None


def _role_noun(view: SentenceView, t: int) -> list[Candidate]:
    """ "China is a large importer of Iranian oil": the copula's subject buys from the origin."""
    if view.word(t + 1) == "to" and view.lem(t) in lx.SELLER_NOUNS:
        return _supplier_to(view, t)  # "the largest arms supplier to Saudi Arabia"
    edge_type, c = commodity_type(view, t + 1, min(view.end, t + 5))
    if view.word(t + 1) != "of":
        # "China is Iran's biggest oil customer": the commodity before, the partner as possessor
        edge_type, c = commodity_type(view, t - 3, t)
        if edge_type is None or view.possessor_before(t) is None:
            return []
    elif edge_type is None:
        return []
    holder = None
    for j in range(t - 1, max(view.start - 1, t - 8), -1):
        if view.lem(j) in ("be", "become", "remain"):
            holder = view.subject_before(j)
            break
        if view.word(j) == "," and view.word(j + 1) == "the":
            # an apposition: "China, the biggest buyer of Russian crude"
            m = view.mention_at.get(j - 1)
            if m is not None and m.codes and m.role is Role.AGENT:
                holder = Arg(m.group_codes, m.start, m)
            break
    partner = view.possessor_before(t)  # "Russia became India's largest supplier of oil"
    if partner is None:
        partner = _commodity_origin(view, c) if lx.BUYER_NOUNS & {view.lem(t)} else None
    if partner is None or holder is None:
        return []
    if view.lem(t) in lx.BUYER_NOUNS:
        return [_candidate(view, partner.codes, edge_type, holder.codes, t)]
    return [_candidate(view, holder.codes, edge_type, partner.codes, t)]


def _origins(view: SentenceView) -> list[Candidate]:
    """Weapons "from Iran", "Iranian drones used by Russian troops", "a Chinese-made J-10 flown by Pakistan"."""
    found = []
    arms = lx.COMMODITIES[EdgeType.ARMS_TRANSFER]
    for c in view.where(lx.ALL_COMMODITY_WORDS):
        if view.lem(c) not in arms:
            near, _ = commodity_type(view, c - 4, c + 1)
            if not (view.word(c + 1) == "from" and near is EdgeType.ARMS_TRANSFER and view.lem(c) in _any_goods()):
                continue
        if _interdicted(view, c):
            continue
        supplier = None
        if view.word(c + 1) == "from":
            m = view.mention_at.get(c + 2)
            if m is not None and m.codes and m.role is not Role.BLOCKED:
                supplier = Arg(m.group_codes, m.start, m)
        origin = _commodity_origin(view, c)
        recipient = _user_after(view, c) or _user_before(view, origin.index if origin is not None else c)
        if supplier is None and origin is not None and recipient is not None:
            m = origin.mention
            if m is not None and (m.role in (Role.MODIFIER, Role.ORIGIN) or m.start <= c < m.end):
                supplier = origin  # "Iranian drones", "Chinese-made J-10", or "Iranian drones" read as one span
        if supplier is None:
            continue
        if recipient is None and view.word(c + 1) == "from":
            recipient = _main_actor(view, exclude=set(supplier.codes), before=c)
        if recipient is None:
            continue
        found.append(_candidate(view, supplier.codes, EdgeType.ARMS_TRANSFER, recipient.codes, c))
    return found


def _interdicted(view: SentenceView, c: int) -> bool:
    """ "Israel seized weapons from Iran", "captured dozens of tanks from Russia": taken, not received."""
    weapon = view.doc[c]
    return any(h.lemma_.lower() in lx.INTERDICTION_VERBS for h in (weapon.head, weapon.head.head))


def _made_in(view: SentenceView, t: int) -> Arg | None:
    """ "The drones, made in Iran, were delivered": the maker named earlier in the sentence."""
    at = next((j for j in range(view.start, t) if view.lem(j) in ("make", "produce", "manufacture", "build")
               and view.word(j + 1) == "in"), -1)
    return view.after_prep(at, frozenset({"in"}), window=2) if at >= 0 else None


def _user_before(view: SentenceView, c: int) -> Arg | None:
    """The subject of "use", "fire" or "deploy" whose object is the weapon at ``c``."""
    for j in range(c - 1, max(view.start - 1, c - 5), -1):
        if view.lem(j) in _USE_VERBS:
            return view.subject_before(j)
        if view.word(j) in (",", ";", "and") or view.lem(j) == "be":
            return None
    return None


def _main_actor(view: SentenceView, *, exclude: set[str], before: int) -> Arg | None:
    """The state the sentence is about, when it opens the sentence as subject or its modifier."""
    for m in view.mentions:
        if m.start >= before:
            return None
        if not m.codes or m.role in (Role.BLOCKED, Role.PLACE, Role.ORIGIN):
            continue
        if set(m.codes) & exclude or view.word(m.start - 1) in ("from", "to", "of", "on", "with", "in"):
            continue
        return Arg(m.group_codes, m.start, m)
    return None


def _troops(view: SentenceView, t: int) -> list[Candidate]:
    """ "deployed troops to Belarus to help it defend", "trained Ukrainian soldiers", "were trained by Russia"."""
    personnel = lx.COMMODITIES[EdgeType.MILITARY_SUPPORT]
    if view.lem(t) == "train":
        passive = view.passive(t)
        if passive is not None:  # "they had been trained by Russian forces"
            agent, trainees = passive
            return [_candidate(view, agent.codes, EdgeType.MILITARY_SUPPORT, trainees.codes, t)]
        subject = view.subject_before(t)
        obj = view.object_after(t, window=3)
        if subject is None or obj is None or obj.mention is None or not any(
                view.lem(k) in personnel or view.word(k) in personnel for k in range(obj.mention.start,
                                                                                     obj.mention.end + 2)):
            return []
        return [_candidate(view, subject.codes, EdgeType.MILITARY_SUPPORT, obj.codes, t, negated=subject.negated,
                           modal=subject.modal)]
    end = _clause_end(view, t, limit=20)
    if not any(view.lem(k) in personnel for k in range(t + 1, min(end, t + 5))):
        return []
    if not any(view.lem(k) in lx.PURPOSE_VERBS and view.word(k - 1) == "to" for k in range(t + 1, end)):
        return []  # troops moved somewhere is no support without a purpose of help
    subject = view.subject_before(t)
    obj = view.after_prep(t, frozenset({"to", "in", "into"}), window=8)
    if subject is None or obj is None:
        return []
    return [_candidate(view, subject.codes, EdgeType.MILITARY_SUPPORT, obj.codes, t, negated=subject.negated,
                       modal=subject.modal)]


def _invest(view: SentenceView, t: int) -> list[Candidate]:
    """ "China has invested billions in Pakistan": investment is trade (guide table)."""
    subject = view.subject_before(t)
    host = view.after_prep(t, frozenset({"in", "into"}), window=8)
    if subject is None or host is None or host.mention is None or host.mention.role is Role.MODIFIER:
        return []
    return [_candidate(view, subject.codes, EdgeType.TRADE, host.codes, t, negated=subject.negated,
                       modal=subject.modal)]


def _supplier_to(view: SentenceView, t: int) -> list[Candidate]:
    edge_type, _ = commodity_type(view, t - 3, t)
    recipient = view.after_prep(t, frozenset({"to"}), window=2)
    holder = None
    for j in range(t - 1, max(view.start - 1, t - 8), -1):
        if view.lem(j) in ("be", "become", "remain"):
            holder = view.subject_before(j)
            break
    if edge_type is None or recipient is None or holder is None:
        return []
    return [_candidate(view, holder.codes, edge_type, recipient.codes, t)]
