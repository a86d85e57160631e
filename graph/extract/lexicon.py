"""The word lists of the window rules, read from ``data/lexicon/window.toml``.

The window rules (:mod:`alignkg.graph.extract.rules.window`) are the first
extractor's argument search, now a fallback under the frame engine; their word
lists are data like the engine's (``data/lexicon/classes.toml``,
``frames.toml``). This module reads them once and keeps the names the rules
use; the derived sets (everything a rule dispatches on, the phrase index) are
computed here. Lists hold lower-cased lemmas; a multi-word entry is matched token
by token.
"""

from __future__ import annotations

import tomllib
from typing import Any

from alignkg.graph.errors import DataError
from alignkg.graph.ontology import EdgeType as T
from alignkg.graph.resources import data_path


def _load() -> dict[str, Any]:
    try:
        with data_path("lexicon", "window.toml").open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise DataError(f"lexicon: cannot read window.toml: {err}") from err


_DATA = _load()


def _words(name: str) -> frozenset[str]:
    value = _DATA["words"].get(name)
    if value is None:
        raise DataError(f"window.toml: no word list {name!r}")
    return frozenset(value) if isinstance(value, list) else frozenset(value.split())


def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    value = _DATA["phrases"].get(name)
    if value is None:
        raise DataError(f"window.toml: no phrase list {name!r}")
    return tuple(tuple(p.split()) for p in value)


#: What is transferred decides the type of a transfer (guide table).
COMMODITIES: dict[T, frozenset[str]] = {T(k): frozenset(v.split()) for k, v in _DATA["commodities"].items()}
#: Claim nouns that need a qualifier before them ("united front", "perfect union").
CLAIM_QUALIFIED: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _DATA["claim_qualified"].items()}
MILITARY_QUALIFIERS = _words("military_qualifiers")
GIVE_VERBS = _words("give_verbs")
RECEIVE_VERBS = _words("receive_verbs")
INTERDICTION_VERBS = _words("interdiction_verbs")
GIVE_NOUNS = _words("give_nouns")
BARE_AID_NOUNS = _words("bare_aid_nouns")
MILITARY_AID_QUALIFIERS = _words("military_aid_qualifiers")
DEPLOY_VERBS = _words("deploy_verbs")
PURPOSE_VERBS = _words("purpose_verbs")
RECEIVE_NOUNS = _words("receive_nouns")
EXCHANGE_NOUNS = _words("exchange_nouns")
BUYER_NOUNS = _words("buyer_nouns")
SELLER_NOUNS = _words("seller_nouns")
STRIKE_VERBS = _words("strike_verbs")
STRIKE_LAUNCH_VERBS = _words("strike_launch_verbs")
STRIKE_NOUNS = _words("strike_nouns")
WEAK_STRIKE_NOUNS = _words("weak_strike_nouns")
CONDEMN_VERBS = _words("condemn_verbs")
CONDEMN_NOUNS = _words("condemn_nouns")
CRITICAL_WORDS = _words("critical_words")
THREAT_VERBS = _words("threat_verbs")
THREAT_NOUNS = _words("threat_nouns")
RESPONSE_NOUNS = _words("response_nouns")
RESPOND_VERBS = _words("respond_verbs")
SUPPORT_VERBS = _words("support_verbs")
SUPPORT_NOUN_QUALIFIERS = _words("support_noun_qualifiers")
SOLIDARITY_NOUNS = _words("solidarity_nouns")
PLAIN_SOLIDARITY = _words("plain_solidarity")
SANCTION_VERBS = _words("sanction_verbs")
SANCTION_NOUNS = _words("sanction_nouns")
IMPOSE_VERBS = _words("impose_verbs")
RESTRICT_VERBS = _words("restrict_verbs")
ALLIANCE_HEADS = _words("alliance_heads")
ALLIANCE_QUALIFIERS = _words("alliance_qualifiers")
NOMINAL_ALLIANCE_QUALIFIERS = _words("nominal_alliance_qualifiers")
ALLIANCE_VERBS = _words("alliance_verbs")
HELP_VERBS = _words("help_verbs")
HELP_NOUNS = _words("help_nouns")
REFUSE_VERBS = _words("refuse_verbs")
ASSIST_VERBS = _words("assist_verbs")
BATTLEFIELD_NOUNS = _words("battlefield_nouns")
CLAIM_NOUNS = _words("claim_nouns")
CLAIM_ACRONYMS = _words("claim_acronyms")
SUBJECT_GAP = _words("subject_gap")
CONTROL_VERBS = _words("control_verbs")
MODAL_BLOCKERS = _words("modal_blockers")
NEGATORS = _words("negators")
DENY_VERBS = _words("deny_verbs")
STOP_VERBS = _words("stop_verbs")
HEDGES = _words("hedges")
SPEECH_VERBS = _words("speech_verbs")
AGENT_NOUNS = _words("agent_nouns")
PERSON_TITLES = _words("person_titles")
NON_STATE_HEADS = _words("non_state_heads")
PLACE_HEADS = _words("place_heads")
COLLECTIVE_BLOCKERS = _words("collective_blockers")
PAIR_NOUNS = _words("pair_nouns")
SINGULAR_PRONOUNS = _words("singular_pronouns")
PLURAL_PRONOUNS = _words("plural_pronouns")
QUOTES = _words("quotes")
CLAIM_VERBS = _words("claim_verbs")
EXCHANGE_WORDS = _words("exchange_words")
ABSENCE_MARKERS = _words("absence_markers")
DISPUTE_NOUNS = _words("dispute_nouns")
CONFLICT_WORDS = _words("conflict_words")
CRITICAL_PHRASES = _phrases("critical_phrases")
NON_INTERVENTION_PHRASES = _phrases("non_intervention_phrases")
FIGHT_FOR = _phrases("fight_for")
DENIAL_PHRASES = _phrases("denial_phrases")
RIGHT_TO_DEFEND = _phrases("right_to_defend")[0]

#: Every word or lemma on which some rule starts its work: other positions are never visited as triggers.
DISPATCH = frozenset().union(
    GIVE_VERBS, RECEIVE_VERBS, GIVE_NOUNS, RECEIVE_NOUNS, EXCHANGE_NOUNS, BUYER_NOUNS, SELLER_NOUNS,
    STRIKE_VERBS, STRIKE_NOUNS, CONDEMN_VERBS, CONDEMN_NOUNS, SANCTION_VERBS, SANCTION_NOUNS, RESTRICT_VERBS,
    THREAT_VERBS, RESPOND_VERBS, RESPONSE_NOUNS, ALLIANCE_VERBS, ALLIANCE_HEADS, SUPPORT_VERBS,
    SOLIDARITY_NOUNS, ASSIST_VERBS, BATTLEFIELD_NOUNS, REFUSE_VERBS, DENY_VERBS, DEPLOY_VERBS,
    _words("other_triggers"),
)

CLAIM_WORDS = CLAIM_NOUNS | CLAIM_ACRONYMS
#: Every phrase some rule looks for, by its first word; the sentence view matches them all at once.
PHRASES_BY_HEAD: dict[str, tuple[tuple[str, ...], ...]] = {}
for _phrase in NON_INTERVENTION_PHRASES + DENIAL_PHRASES + CRITICAL_PHRASES + FIGHT_FOR + (RIGHT_TO_DEFEND,):
    PHRASES_BY_HEAD[_phrase[0]] = PHRASES_BY_HEAD.get(_phrase[0], ()) + (_phrase,)
PHRASE_HEADS = frozenset(PHRASES_BY_HEAD)
ALL_COMMODITY_WORDS = frozenset().union(*COMMODITIES.values())
#: The lexicons whose positions :class:`graph.extract.tokens.DocIndex` computes once per document.
INDEXED = (DISPATCH, HEDGES, SPEECH_VERBS, DENY_VERBS, CRITICAL_WORDS, EXCHANGE_WORDS, ABSENCE_MARKERS,
           CLAIM_WORDS, CLAIM_VERBS, QUOTES, ALL_COMMODITY_WORDS, MILITARY_QUALIFIERS, PHRASE_HEADS,
           CONFLICT_WORDS)
