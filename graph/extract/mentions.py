"""Turns actor spans into mentions: which state, and what part the mention plays.

A state named in a sentence is not always acting: "Russian companies" are
companies, "Yemen's Houthi rebels" a non-state group, "Ukrainian cities" a
place that can be struck, "Iran-made drones" an origin. This module decides that
role from the words around the span (guide, Actors and Decisions on hard cases)
and groups coordinated mentions ("Russia and China", "Israeli and U.S.") so that
rule 2 (coordination multiplies) applies everywhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from spacy.tokens import Doc

from alignkg.graph.extract import lexicon as lx
from alignkg.graph.extract.actors import NON_STATE_LABEL, PLACE_LABEL, SPANS_KEY
from alignkg.graph.extract.tokens import DocIndex
from alignkg.graph.gazetteer import AliasKind, Gazetteer


class Role(StrEnum):
    """What a mention does in its sentence."""

    AGENT = "agent"          # the state acting or acted on: "Russia", "the Kremlin", "Iran's military"
    MODIFIER = "modifier"    # a demonym or possessive before a noun: "Israeli offensive", "Iran's deals"
    PLACE = "place"          # the state as a place: "Iranian territory", "the Ukrainian city of"
    ORIGIN = "origin"        # "Chinese-made", "Iran-developed": where a thing comes from
    BLOCKED = "blocked"      # not the state: "Russian companies", "Iran-backed group", non-state actors


#: When one form is several kinds of alias ("U.S." is a name and a demonym), the first one listed wins.
_KIND_PRIORITY = (AliasKind.OFFICIAL, AliasKind.NAME, AliasKind.SEAT, AliasKind.INSTITUTION, AliasKind.DEMONYM)
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ORIGIN_SUFFIX = frozenset({"made", "built", "designed", "developed", "produced", "manufactured", "supplied"})
_BLOCK_SUFFIX = frozenset({"backed", "based", "born", "speaking", "run", "funded", "allied", "aligned",
                           "linked", "affiliated", "sponsored", "controlled", "friendly", "leaning", "owned",
                           "bound", "flagged"})
_TITLE_WORDS = lx.AGENT_NOUNS | frozenset({"mr", "mr.", "mrs", "ms", "dr", "ayatollah", "general", "gen.",
                                           "adm.", "admiral", "colonel", "lt.", "vice", "deputy", "top",
                                           "senior", "chief", "national", "of", "the", "and", "state",
                                           "foreign", "affairs", "for", "high", "-", "commerce", "trade",
                                           "finance", "treasury", "interior", "economy", "energy"})
_PERSON_NOUNS = frozenset({"official", "officials", "diplomat", "diplomats", "leader", "leaders",
                           "lawmakers", "envoys", "envoy", "authorities", "commanders", "troops", "forces",
                           "ministers", "minister", "president", "spokesperson", "spokesman"})


#: The kind of a mention of a group of states with a fixed membership (gazetteer ``members``).
GROUP_KIND = "group"


@dataclass(slots=True)
class Mention:
    """A span naming one or more states (a reference such as "both countries" names two)."""

    start: int
    end: int
    codes: tuple[str, ...]
    kind: str
    role: Role = Role.AGENT
    possessive: bool = False
    person: bool = False
    #: The personal names the mention took after its title ("Wang", "Yi" in "Foreign Minister Wang Yi").
    names: tuple[str, ...] = ()
    group: list[Mention] = field(default_factory=list, repr=False)

    @property
    def group_codes(self) -> tuple[str, ...]:
        """The codes of the coordinated group this mention belongs to, in order, without repeats."""
        members = self.group or [self]
        return tuple(dict.fromkeys(c for m in members for c in m.codes))


def _lower(index: DocIndex, i: int) -> str:
    return index.lower[i] if 0 <= i < len(index.lower) else ""


def _is_name_token(index: DocIndex, i: int) -> bool:
    text = index.text[i]
    return text[:1].isupper() and text.replace("-", "").replace(".", "").isalpha()


def build_mentions(doc: Doc, text: str, gazetteer: Gazetteer, on: dt.date | None, index: DocIndex) -> list[Mention]:
    """Return the state mentions of ``doc`` in order, with roles and coordination groups.

    Non-state actors come back as BLOCKED mentions without codes: they stop the
    argument search ("Western countries placed sanctions" has no state subject).
    """
    mentions: list[Mention] = []
    spans = list(doc.spans[SPANS_KEY])
    forms = [text[index.idx[s.start]:index.idx[s.end - 1] + len(index.text[s.end - 1])] for s in spans]
    fuller, named = _fuller_names(forms, gazetteer, on)
    for span, form in zip(spans, forms, strict=True):
        members = gazetteer.group_members(form) if span.label_ == NON_STATE_LABEL else ()
        if members:
            # "Leaders of the Group of Seven condemned ...", "the AUKUS partnership": its states together.
            mentions.append(Mention(span.start, span.end, members, GROUP_KIND))
            continue
        if span.label_ in (NON_STATE_LABEL, PLACE_LABEL):
            mentions.append(Mention(span.start, span.end, (), span.label_, Role.BLOCKED))
            continue
        codes, kinds = gazetteer.resolve_form(form, on)
        if form.lower() in fuller:
            codes = frozenset({fuller[form.lower()]})  # "Congo" after "Democratic Republic of Congo"
        elif len(codes) > 1 and len(codes & named) == 1:
            codes = codes & named  # "Congolese troops" in an article that names one of the two Congos
        valid = set(codes)
        if len(valid) != 1:
            # An official outside his term, or a form that names two states: not an actor here.
            person = AliasKind.OFFICIAL in kinds
            mentions.append(Mention(span.start, span.end, (), "unresolved", Role.BLOCKED, person=person))
            continue
        kind = next(k for k in _KIND_PRIORITY if k in kinds)
        mention = Mention(span.start, span.end, (valid.pop(),), kind.value,
                          person=kind is AliasKind.OFFICIAL)
        mentions.append(mention)
    by_start: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_start.setdefault(mention.start, []).append(mention)
    for mention in mentions:
        if mention.codes:
            _assign_role(index, mention, by_start)
    for mention in _names_again(index, mentions):
        _assign_role(index, mention, by_start)
        mentions.append(mention)
    outer = _outermost(mentions)
    _group(index, outer)
    return outer


def _fuller_names(forms: list[str], gazetteer: Gazetteer,
                  on: dt.date | None) -> tuple[dict[str, str], frozenset[str]]:
    """Short names that a fuller name in the same article gives to another state, and the states it names.

    "Congo" alone names the Republic of the Congo, but in an article that names
    the "Democratic Republic of Congo" it is short for that: a one-word form
    that is a word of a longer resolved form of another state takes that state.
    The states the article names by a form of one state only are kept too: a
    demonym of two states ("Congolese") is the one of them the article names.
    """
    seen: dict[str, set[str]] = {}
    named: set[str] = set()
    for form in forms:
        codes, _ = gazetteer.resolve_form(form, on)
        if len(codes) == 1:
            named.update(codes)
        if " " in form:
            if len(codes) == 1:
                for word in form.lower().split():
                    seen.setdefault(word, set()).update(codes)
    # A word of fuller names of two states ("Korea" of North and South Korea) decides nothing.
    longer = {word: next(iter(codes)) for word, codes in seen.items() if len(codes) == 1}
    out: dict[str, str] = {}
    for form in forms:
        key = form.lower()
        if " " not in form and key in longer:
            codes, _ = gazetteer.resolve_form(form, on)
            if len(codes) == 1 and longer[key] not in codes:
                out[key] = longer[key]
    return out, frozenset(named)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop the mentions that a longer one covers, in one pass over the mentions sorted by start.

    "North Korean leader Kim Jong Un" now spans the official's own mention: the
    outer one stands for both. A mention is covered when an earlier-starting (or
    equal-starting, longer) mention ends at or after its end.
    """
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    reach_end, reach_start = -1, -1
    for m in ordered:
        covered = reach_end > m.end or (reach_end == m.end and reach_start < m.start)
        if not covered:
            kept.append(m)
        if m.end > reach_end:
            reach_end, reach_start = m.end, m.start
    return sorted(kept, key=lambda m: m.start)


def _assign_role(index: DocIndex, m: Mention, by_start: dict[int, list[Mention]]) -> None:
    lemma, size = index.lemma, len(index.lower)
    nxt = _lower(index, m.end)
    if nxt in _POSSESSIVE:
        m.possessive = True
        after = m.end + 1
    else:
        after = m.end
    # "Iran-backed", "China-based", "Chinese-made", "Iran-developed"
    if nxt == "-" and m.end + 1 < size:
        suffix = lemma[m.end + 1]
        word = index.lower[m.end + 1]
        if word in _ORIGIN_SUFFIX or suffix in _ORIGIN_SUFFIX:
            m.role = Role.ORIGIN
            return
        if word in _BLOCK_SUFFIX or suffix in _BLOCK_SUFFIX:
            m.role = Role.BLOCKED
            return
    if m.kind == AliasKind.DEMONYM.value or m.possessive:
        m.role = Role.MODIFIER
    # What the noun phrase is about: look at the next few words for its head.
    followers = index.lower[after:min(after + 4, size)]
    lemmas = lemma[after:min(after + 4, size)]
    for k, (word, head) in enumerate(zip(followers, lemmas, strict=False)):
        if word in lx.NON_STATE_HEADS or head in lx.NON_STATE_HEADS:
            if m.role is Role.MODIFIER or word in ("teapot", "independent", "private"):
                m.role = Role.BLOCKED
            return
        place = word in lx.PLACE_HEADS or head in lx.PLACE_HEADS
        if place and _lower(index, after + k - 1) == "-":
            continue  # "Turkey's cross-border operation": a hyphenated modifier, not the phrase's head
        if place and (word, _lower(index, after + 1)) != ("coast", "guard"):
            if m.role is Role.MODIFIER:
                m.role = Role.PLACE
            return
        if (word in lx.AGENT_NOUNS or head in lx.AGENT_NOUNS) and k + 1 < len(followers) and (
                followers[k + 1] in lx.NON_STATE_HEADS or lemmas[k + 1] in lx.NON_STATE_HEADS):
            continue  # "American defence companies": the word of an agent qualifies the phrase's head
        if word in lx.AGENT_NOUNS or head in lx.AGENT_NOUNS:
            m.person = m.person or word in lx.PERSON_TITLES or head in lx.PERSON_TITLES
            _absorb_title(index, m, by_start)
            m.role = Role.AGENT
            return
        if word in _PHRASE_ENDS:
            break
    for other in by_start.get(after, ()):
        if not other.codes and other.kind == NON_STATE_LABEL:
            m.role = Role.BLOCKED  # "Yemen's Houthi rebels", "Iran's Hezbollah"
            return
    # "officials in the U.S. and U.K." act for their states; "a camp in Pakistan" is a place.
    prev = _lower(index, m.start - 1)
    if prev == "the":
        prev = _lower(index, m.start - 2)
        before = m.start - 2
    else:
        before = m.start - 1
    if prev in ("in", "inside", "near", "across", "within", "into"):
        if _lower(index, before - 1) not in _PERSON_NOUNS and m.role is Role.AGENT:
            m.role = Role.PLACE


#: Words that end the noun phrase a mention modifies: "Palestine as a state" names no official.
_PHRASE_ENDS = frozenset({",", ".", ";", "and", "or", "of", "to", "in", "on", "with", "'s", "’s", "as", "at", "for",
                          "from", "by", "against", "over", "into", "than", "after", "before"})


def _absorb_title(index: DocIndex, m: Mention, by_start: dict[int, list[Mention]]) -> None:
    """Extend "Russian President Vladimir Putin" over the title and name, so the name is not re-read.

    It stops at "and" and at another state's mention: "Russian President Vladimir Putin and North
    Korean leader Kim Jong Un" is two actors, not one.
    """
    i = m.end + (1 if m.possessive else 0)
    end = m.end
    titled = False
    def another_state(at: int) -> bool:
        return any(o is not m and o.codes and not (m.codes and o.codes == m.codes and o.kind == "official")
                   for o in by_start.get(at, ()))

    while i < len(index.lower) and i < m.end + 8:
        word = index.lower[i]
        if word == "and" or another_state(i):
            break
        if word in _TITLE_WORDS or index.lemma[i] in lx.AGENT_NOUNS:
            titled = titled or word in lx.PERSON_TITLES or index.lemma[i] in lx.PERSON_TITLES
            i += 1
            end = i
            continue
        if _is_name_token(index, i):
            m.names += (index.text[i],)
            i += 1
            end = i
            continue
        break
    if end > m.end:
        m.end = end
        m.possessive = False  # the mention now spans "Moscow's troops": no "'s" follows it
    # "Russian President Vladimir Putin" is a person; "Spain's Cabinet", "the Palestinian state" are not.
    m.person = m.person or titled or bool(m.names)


def _names_again(index: DocIndex, mentions: list[Mention]) -> list[Mention]:
    """ "Chinese Foreign Minister Wang Yi met ... Wang condemned": an official's name said again alone.

    The first or last personal name of an official introduced with the state's
    title stands for the same official later in the article (surnames come
    first in some languages, last in others); a name two officials share names
    neither.
    """
    owners: dict[str, set[tuple[str, ...]]] = {}
    first_seen: dict[str, int] = {}
    for m in mentions:
        if m.person and m.codes and m.names:
            for name in {m.names[0], m.names[-1]}:
                owners.setdefault(name, set()).add(m.codes)
                first_seen[name] = min(first_seen.get(name, m.end), m.end)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for i, text in enumerate(index.text):
        codes = owners.get(text)
        if codes and len(codes) == 1 and i >= first_seen[text] and i not in covered:
            found.append(Mention(i, i + 1, next(iter(codes)), AliasKind.OFFICIAL.value, person=True))
    return found


def _starts_line(index: DocIndex, i: int) -> bool:
    """Tell whether token ``i`` opens a line: a headline's "US, UK strike ..." lists without "and"."""
    return i == 0 or "\n" in index.text[i - 1] or (i == 1 and index.lower[0] in ("the",))


_CONNECTORS = frozenset({",", "and", "or", "nor", "&", "as", "well", "both", "the", "-", "–", "/", "plus"})
_STRONG_LINKS = frozenset({"and", "or", "nor", "&", "-", "–", "/", "plus"})


def _closed(index: DocIndex, chain: list[Mention]) -> bool:
    """Tell whether "and" or "or" joined the last two mentions of a chain: the list ended there.

    "the fighting between Armenia and Azerbaijan, Kremlin spokesman Dmitry Peskov said": a
    name after the comma that follows "A and B" starts another phrase.
    """
    a, b = chain[-2], chain[-1]
    return bool(set(index.lower[a.end + (1 if a.possessive else 0):b.start]) & _STRONG_LINKS)


def _group(index: DocIndex, mentions: list[Mention]) -> None:
    """Link coordinated mentions: "Russia, China and Iran", "Israeli and U.S.", "China-Russia-Iran".

    A chain joined by commas alone is not a coordination ("In Pyongyang, Russia
    said..."), so a chain needs at least one "and", "or" or hyphen.
    """
    chains: list[list[Mention]] = []
    for m in mentions:
        if not m.codes:
            chains.append([])
            continue
        chain = chains[-1] if chains else []
        if chain:
            prev = chain[-1]
            between = index.lower[prev.end + (1 if prev.possessive else 0):m.start]
            # "targets in Iran, and Saudi Arabia condemned ...": a list of two takes no comma before "and".
            two_with_comma = len(chain) == 1 and list(between[:2]) == [",", "and"]
            if 0 < len(between) <= 4 and all(w in _CONNECTORS for w in between) and (
                    set(between) & (_STRONG_LINKS | {","})) and not two_with_comma and not (
                    len(chain) >= 2 and not set(between) & _STRONG_LINKS and _closed(index, chain)):
                chain.append(m)
                continue
        chains.append([m])
    for chain in chains:
        headline = len(chain) >= 2 and _starts_line(index, chain[0].start) and all(
            b.start - a.end == 1 and index.lower[a.end] == "," for a, b in zip(chain, chain[1:], strict=False))
        strong = headline or any(
            set(index.lower[a.end:b.start]) & _STRONG_LINKS
            for a, b in zip(chain, chain[1:], strict=False)
        )
        for member in chain:
            member.group = chain if strong else [member]
