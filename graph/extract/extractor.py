"""The extractor: article text in, facts and claims with their evidence out.

It runs the spaCy pipeline once per article, then walks the sentences in order
keeping a small discourse memory (who spoke, which states were named) so that
references and pronouns resolve to the nearby text. Each fact carries the
sentence it came from with exact character offsets into the article.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from alignkg.graph.errors import InvalidArticleError
from alignkg.graph.extract.context import Memory, SentenceView
from alignkg.graph.extract.dates import event_date
from alignkg.graph.extract.frames import Lexicon, default_lexicon
from alignkg.graph.extract.mentions import Role, build_mentions
from alignkg.graph.extract.merge import merge_claims, merge_facts
from alignkg.graph.extract.pipeline import build_nlp, lemma_table
from alignkg.graph.extract.resolve import Resolver
from alignkg.graph.extract.rules import claims, engine, window
from alignkg.graph.extract.rules.candidate import Candidate
from alignkg.graph.extract.syntax import REASONS, polarity, preposition
from alignkg.graph.extract.tokens import DocIndex
from alignkg.graph.gazetteer import Gazetteer, default_gazetteer
from alignkg.graph.model import Evidence, Extraction
from alignkg.graph.ontology import EdgeType

#: The largest article accepted, in characters: spaCy's own default limit of one document.
MAX_CHARS = 1_000_000


class Extractor:
    """Extracts typed, sourced state-to-state facts from news text.

    Example:
        >>> ex = Extractor()
        >>> result = ex.extract("Russia and China condemned the U.S. strikes on Iran.", id="demo")
        >>> sorted((f.subject, f.type.value, f.object) for f in result.facts)
        [('CHN', 'condemnation', 'USA'), ('RUS', 'condemnation', 'USA'), ('USA', 'military_strike', 'IRN')]
        >>> result.facts[0].evidence[0].text
        'Russia and China condemned the U.S. strikes on Iran.'
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, nlp: Language | None = None,
                 model: str | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        self.nlp = nlp or build_nlp(self.gazetteer, model=model)
        self.lemma = lemma_table()
        self.lexicon = default_lexicon()

    def extract(self, text: str, *, id: str, published: dt.date | None = None) -> Extraction:
        """Return the facts and claims of one article.

        Args:
            text: the article text.
            id: the article id, copied into every piece of evidence.
            published: the article date; officials resolve only within their terms.

        Raises:
            InvalidArticleError: the text is empty or longer than ``MAX_CHARS``.
        """
        _check(text, id)
        return self.extract_parsed(self.nlp(text), id=id, published=published)

    def extract_many(self, articles: Iterable[tuple[str, str, dt.date | None]], *,
                     batch_size: int = 32) -> Iterator[Extraction]:
        """Yield extractions of (id, text, published) triples, using spaCy's batched ``pipe``."""
        def checked() -> Iterator[tuple[str, tuple[str, dt.date | None]]]:
            for id_, text, published in articles:
                _check(text, id_)
                yield text, (id_, published)

        for doc, (id_, published) in self.nlp.pipe(checked(), as_tuples=True, batch_size=batch_size):
            yield self.extract_parsed(doc, id=id_, published=published)

    def extract_parsed(self, doc: Doc, *, id: str, published: dt.date | None = None) -> Extraction:
        """Return the facts and claims of an article that :attr:`nlp` has already parsed.

        For callers that run the parse themselves: batched on a cluster, or
        timed apart from the rules (``bench/extract_speed.py``). ``doc`` must
        come from this extractor's pipeline: the rules read its sentences,
        lemmas and actor spans.

        Raises:
            InvalidArticleError: the text is empty or longer than ``MAX_CHARS``.
        """
        text, article_id = doc.text, id
        _check(text, article_id)
        index = DocIndex(doc, self.lemma)
        mentions = build_mentions(doc, text, self.gazetteer, published, index)
        memory = Memory()
        facts: list[tuple[str, EdgeType, str, bool, bool, Evidence]] = []
        found_claims: list[tuple[tuple[str, ...], tuple[str, ...], Evidence]] = []
        previous_strikes: tuple[str, ...] = ()
        starts = [m.start for m in mentions]
        for lo, hi in index.iter_sentences():
            first = bisect_left(starts, lo)
            view = SentenceView(doc, (lo, hi), mentions[first:bisect_left(starts, hi, lo=first)], memory, index)
            if not any(m.codes for m in view.mentions):
                continue  # no state named nor referred to ("the two countries"): nothing to find or remember
            candidates, strikes = _sentence_candidates(doc, view, self.lexicon, previous_strikes)
            previous_strikes = strikes or previous_strikes
            sentence_claims = claims.find(view, self.lexicon)
            if any(not (c.negated or c.modal) for c in candidates) or sentence_claims:
                # Only a sentence that states something is evidence (its event date is a regex search).
                evidence = _evidence(text, index, lo, hi, article_id, published)
                for candidate in candidates:
                    facts.extend(_facts_of(candidate, evidence))
                for claim in sentence_claims:
                    found_claims.append((claim.claimants, claim.members, evidence))
            _remember(view, memory, self.lexicon)
        return Extraction(article_id, merge_facts(facts), merge_claims(found_claims))


def _struck(candidates: list[Candidate]) -> tuple[str, ...]:
    """Return the states that asserted strikes among ``candidates`` hit, in order."""
    return tuple(dict.fromkeys(o for c in candidates if c.type is EdgeType.MILITARY_STRIKE
                               and not c.negated and not c.modal for o in c.objects))


def _sentence_candidates(doc: Doc, view: SentenceView, lexicon: Lexicon,
                         attacked: tuple[str, ...]) -> tuple[list[Candidate], tuple[str, ...]]:
    """Return the candidates of one sentence and the states struck in it.

    The frame engine reads arguments off the parse; the window rules of
    :mod:`graph.extract.rules.window` are a fallback for the triggers the
    engine could not read (a parse that misses an argument), never a second
    opinion on a trigger the engine has read: a negation found on the parse
    stands. Refusals to help refer to the states struck in the sentence, or
    else to those struck last in the article.
    """
    finding = engine.find(doc, view, lexicon, attacked)
    strikes = _struck(finding.candidates)
    # "Canada, Australia and New Zealand condemned what they called ...": a window rule that found one
    # group on both sides read a pronoun back to the subject; mutual acts come as two candidates.
    fallback = [_governed(doc, c, lexicon) for c in window.find(view, strikes or attacked)
                if not _read_by_engine(doc, c, finding) and not (
                    len(c.subjects) >= 2 and set(c.subjects) == set(c.objects))]
    engine.remember_events(doc, fallback, view.memory)  # the engine remembers its own as it reads them
    candidates = _without_suppliers_strikes(finding.candidates + fallback)
    return candidates, strikes or _struck(fallback)


def _without_suppliers_strikes(candidates: list[Candidate]) -> list[Candidate]:
    """Drop a strike by the maker of a weapon that the sentence says another state received.

    "North Korean shells are being used by Russian forces in Ukraine": the
    shells' maker supplied them; the one using them struck (guide: Where a
    weapon came from), so the weapon word gives no strike by its maker.
    """
    supplied = {(c.trigger, s) for c in candidates if c.type is EdgeType.ARMS_TRANSFER and not c.negated
                for s in c.subjects}
    return [c for c in candidates if not (c.type is EdgeType.MILITARY_STRIKE
                                          and all((c.trigger, s) in supplied for s in c.subjects))]


def _governed(doc: Doc, candidate: Candidate, lexicon: Lexicon) -> Candidate:
    """Add to a window candidate what governs its trigger on the parse: a negation, a condition.

    The window sees only the words near the trigger; "no evidence that Egypt
    is supplying weapons" and "if it buys Russian jets" are decided further up
    the tree. A trigger the parser read as a modifier ("supplying" a compound
    of "weapons") stands for the noun it modifies, which carries the clause's marks.
    A refusal ("would not participate") is negative by definition: left as read.
    """
    if candidate.type is EdgeType.NON_INTERVENTION:
        return candidate
    word = doc[candidate.trigger]
    trigger = word.head if word.dep_ in ("amod", "compound") else word
    pol = polarity(trigger, lexicon)
    # "suspended trade with India" read with "suspended" a modifier: the measure does not negate itself.
    itself = trigger.i != word.i and word.lemma_.lower() in lexicon.words("stop_verbs")
    if (pol.negated and not itself) or pol.denied:
        candidate.negated = True
    elif candidate.type in lexicon.when_future and pol.near_future and not pol.modal and not pol.condition:
        # "vowed to slap tariffs on", "tariffs will take effect next month": announced, not done
        # (guide: Measures), as the frames read them.
        candidate.type = lexicon.when_future[candidate.type]
        return candidate
    if pol.conditional or pol.modal:
        candidate.modal = True
    return candidate


def _read_by_engine(doc: Doc, candidate: Candidate, finding: engine.Finding) -> bool:
    """Tell whether the engine already decided the construction a window candidate comes from.

    The same trigger, or a word one relation away that gave the engine an edge
    of the same type ("refrained" decided, the window's "intervening").
    """
    if candidate.trigger in finding.decided:
        return True
    token = doc[candidate.trigger]
    if token.dep_ in ("compound", "amod") and token.head.i in finding.decided:
        return True  # "any U.S. arms sales": the modifier stands for the noun the engine decided
    near = {token.head.i, *(c.i for c in token.children)}
    if any(c.trigger in near and c.type is candidate.type for c in finding.candidates):
        return True
    # "Russia and China have not signed a defence treaty": the engine read the edge between the same
    # states as negated or only possible; a window reading of another word of it does not undo that.
    denied = {pair for c in finding.candidates if (c.negated or c.modal) and c.type is candidate.type
              for s, o in c.pairs() for pair in ((s, o), (o, s))}
    if set(candidate.pairs()) <= denied:
        return True
    # "Beijing lodged representations with Washington over the arms sale to Taiwan": an event given as
    # the reason of an edge the engine read is the criticised one's, not its critic's.
    return preposition(token) in REASONS and any(
        c.trigger == token.head.i and c.type in _BLAME and set(c.subjects) & set(candidate.subjects)
        for c in finding.candidates)


#: Edges whose reason is an act of the other side: criticism and measures.
_BLAME = frozenset({EdgeType.CONDEMNATION, EdgeType.SANCTION, EdgeType.THREAT})


def _check(text: object, article_id: str) -> None:
    if not isinstance(text, str):
        raise InvalidArticleError(f"article {article_id!r}: text must be a string")
    if not text.strip():
        raise InvalidArticleError(f"article {article_id!r}: text is empty")
    if len(text) > MAX_CHARS:
        raise InvalidArticleError(
            f"article {article_id!r}: text has {len(text):,} characters; the limit is {MAX_CHARS:,}")


def _facts_of(candidate: Candidate, evidence: Evidence) -> Iterator[tuple[str, EdgeType, str, bool, bool, Evidence]]:
    if candidate.negated or candidate.modal:
        return
    for subject, obj in candidate.pairs():
        yield subject, candidate.type, obj, candidate.hedged, candidate.directed, evidence


def _evidence(text: str, index: DocIndex, lo: int, hi: int, article_id: str, published: dt.date | None) -> Evidence:
    """Return the sentence without surrounding white space, with offsets that slice it out of the text.

    The event date is the one the sentence gives, resolved against the article's date.
    """
    while hi > lo + 1 and index.text[hi - 1].isspace():
        hi -= 1
    while lo < hi - 1 and index.text[lo].isspace():
        lo += 1
    start = index.idx[lo]
    end = index.idx[hi - 1] + len(index.text[hi - 1])
    sentence = text[start:end]
    return Evidence(article_id, sentence, start, end, event_date(sentence, published))


def _remember(view: SentenceView, memory: Memory, lexicon: Lexicon) -> None:
    agents = [m for m in view.mentions if m.codes and m.role is Role.AGENT
              and view.word(m.start - 1) not in ("of", "on", "to", "with", "for", "against", "from", "in", "by")]
    if agents:
        memory.last_subject = agents[0].group_codes
        acting = tuple(dict.fromkeys(c for m in agents for c in m.group_codes))
        if len(acting) >= 3:
            memory.groups[len(acting)] = acting
    pairs = [m.group_codes for m in view.mentions if len(m.group_codes) == 2 and m.kind != "reference"]
    if pairs:
        memory.last_pair = pairs[-1]
    people = [m for m in view.mentions if m.codes and m.person]
    if people:
        memory.last_person = people[-1].codes
    speaker = Resolver(view, lexicon).speaker()
    if speaker:
        memory.last_speaker = speaker
    elif agents:
        memory.last_speaker = agents[0].group_codes
    states = view.states()
    if states:
        memory.last_sentence_states = tuple(states)
