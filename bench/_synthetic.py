"""A seeded generator of synthetic articles and extractions for the store benchmarks.

Which question does this answer? None on its own: it gives ``bench/store_bench.py``
(and any later store benchmark) a graph of any size whose shape resembles what the
extractor produces from news, without running the extractor, so that the store is
timed alone. The same seed always yields the same articles, facts and evidence.

The shape:

- articles of ``facts_per_article`` facts each (10 by default; the last one may have
  fewer so that the total is exactly the requested number of facts);
- every fact has one piece of evidence, the ontology's example sentence of its type
  (``EdgeSpec.example``), whose offsets slice the article's text exactly (``article.text[e.start:e.end] == e.text``);
- states are drawn from the gazetteer's ~197 states with a Zipf-like skew (the states
  that dominate the news first: USA, RUS, CHN, IRN, ...), edge types uniformly;
- a share of the facts (``repeat_share``) restates a fact of an earlier article, so that
  facts gain several pieces of evidence from several articles, possibly with another
  ``hedged`` flag; at large sizes random draws also collide with earlier facts;
- some facts are hedged ("Reports say ..."), some trade-like facts are undirected;
- a share of the articles (``claim_share``) also carries one claim of alignment;
- most articles are dated (2019 to 2024), some are not.

Only the standard library and the project's model are used.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from alignkg.graph.gazetteer import default_gazetteer
from alignkg.graph.model import Article, Claim, Evidence, Extraction, Fact
from alignkg.graph.ontology import EdgeType

#: The default seed: every run of a benchmark builds the same graph.
SEED = 20250704
FACTS_PER_ARTICLE = 10
#: The share of facts that restate a fact of an earlier article.
REPEAT_SHARE = 0.25
#: The share of articles that also carry a claim of alignment.
CLAIM_SHARE = 0.1
HEDGED_SHARE = 0.15
UNDIRECTED_SHARE = 0.2
UNDATED_SHARE = 0.05
#: The states that dominate the news come first in the skewed draw; the rest follow in code order.
PROMINENT = ("USA", "RUS", "CHN", "IRN", "UKR", "ISR", "PRK", "GBR", "FRA", "DEU", "IND", "TUR", "SAU",
             "SYR", "PAK", "JPN", "KOR", "BLR", "VEN", "CUB", "QAT", "ARE", "EGY", "IRQ", "AFG")
#: The exponent of the Zipf-like weights: the state of rank r is drawn with weight 1 / r**ZIPF.
ZIPF = 0.7
#: The types a deal can be stated of without a direction: those whose ontology entry has a deal example.
_UNDIRECTABLE = {t for t in EdgeType if t.spec.deal_example}
_PUBLISHERS = ("Reuters", "Associated Press", "Al Jazeera", "BBC News", "Le Monde", "Der Spiegel",
               "The Hindu", "Nikkei Asia")
_FIRST_DAY = dt.date(2019, 1, 1)
_DAYS = 6 * 365
@dataclass(frozen=True, slots=True)
class _Key:
    """What identifies a fact, plus its orientation flag (the IRI depends on both)."""

    subject: str
    type: EdgeType
    object: str
    directed: bool


def state_codes_by_prominence(codes: Sequence[str]) -> list[str]:
    """Return the codes with the prominent states first (those present), then the rest sorted."""
    present = set(codes)
    first = [c for c in PROMINENT if c in present]
    return first + sorted(present.difference(first))


def generate(n_facts: int, *, seed: int = SEED, facts_per_article: int = FACTS_PER_ARTICLE,
             repeat_share: float = REPEAT_SHARE, claim_share: float = CLAIM_SHARE,
             states: dict[str, str] | None = None) -> Iterator[tuple[Article, Extraction]]:
    """Yield ``(article, extraction)`` pairs holding ``n_facts`` facts in all.

    Args:
        n_facts: the number of facts over all articles (each with one piece of evidence).
        seed: the seed of the generator; the same seed yields the same pairs.
        facts_per_article: the facts of every article but possibly the last.
        repeat_share: the share of facts that restate a fact of an earlier article.
        claim_share: the share of articles that also carry one claim.
        states: code -> name of the states to draw from (the default gazetteer's states).

    Raises:
        ValueError: ``n_facts`` is negative or ``facts_per_article`` is less than 1.
    """
    if n_facts < 0:
        raise ValueError(f"n_facts must not be negative, not {n_facts}")
    if facts_per_article < 1:
        raise ValueError(f"facts_per_article must be at least 1, not {facts_per_article}")
    if states is None:
        states = {code: state.name for code, state in default_gazetteer().states.items()}
    rng = random.Random(seed)
    codes = state_codes_by_prominence(list(states))
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) ** ZIPF for rank in range(len(codes))))
    types = list(EdgeType)
    seen: list[_Key] = []

    def draw_state() -> str:
        return rng.choices(codes, cum_weights=cumulative)[0]

    def fresh_key() -> _Key:
        subject = draw_state()
        obj = draw_state()
        while obj == subject:
            obj = draw_state()
        edge_type = rng.choice(types)
        directed = not (edge_type in _UNDIRECTABLE and rng.random() < UNDIRECTED_SHARE)
        if edge_type.spec.symmetric or not directed:
            subject, obj = sorted((subject, obj))
        return _Key(subject, edge_type, obj, directed)

    made = 0
    for index in itertools.count():
        if made >= n_facts:
            return
        count = min(facts_per_article, n_facts - made)
        article_id = f"syn-{seed}-{index:07d}"
        keys: list[_Key] = []
        taken: set[tuple[str, EdgeType, str]] = set()
        while len(keys) < count:
            key = rng.choice(seen) if seen and rng.random() < repeat_share else fresh_key()
            identity = (key.subject, key.type, key.object)
            if identity not in taken:
                taken.add(identity)
                keys.append(key)
        seen.extend(keys)
        made += count
        yield _article(rng, article_id, keys, states, codes, cumulative, claim=rng.random() < claim_share)


def _article(rng: random.Random, article_id: str, keys: list[_Key], states: dict[str, str], codes: list[str],
             cumulative: list[float], *, claim: bool) -> tuple[Article, Extraction]:
    """Write the text of one article around its facts and return it with its extraction."""
    parts: list[str] = []
    offset = 0

    def add(sentence: str) -> Evidence:
        nonlocal offset
        if parts:
            parts.append(" ")
            offset += 1
        start = offset
        parts.append(sentence)
        offset += len(sentence)
        return Evidence(article_id, sentence, start, offset)

    facts = []
    for key in keys:
        hedged = rng.random() < HEDGED_SHARE
        # The ontology's example sentences, dated by a number so that no two sentences are alike.
        template = key.type.spec.example if key.directed else key.type.spec.deal_example
        clause = template.format(s=states[key.subject], o=states[key.object]) + f" on day {rng.randint(2, 9_999)}"
        sentence = f"Reports say {clause}." if hedged else f"{clause[0].upper()}{clause[1:]}."
        facts.append(Fact(key.subject, key.type, key.object, hedged=hedged, directed=key.directed,
                          evidence=(add(sentence),)))
    claims = []
    if claim:
        members = sorted(set(rng.choices(codes, cum_weights=cumulative, k=rng.randint(3, 4))))
        while len(members) < 2:
            members = sorted(set(rng.choices(codes, cum_weights=cumulative, k=4)))
        claimants = tuple(sorted(set(rng.choices(codes, cum_weights=cumulative, k=rng.randint(1, 2)))))
        names = ", ".join(states[m] for m in members)
        sentence = f"{' and '.join(states[c] for c in claimants)} said that {names} form an axis."
        claims.append(Claim(claimants, tuple(members), evidence=(add(sentence),)))
    published = None if rng.random() < UNDATED_SHARE else _FIRST_DAY + dt.timedelta(days=rng.randrange(_DAYS))
    article = Article(id=article_id, text="".join(parts), title=f"Synthetic dispatch {article_id}",
                      url=f"https://example.org/news/{article_id}", published=published,
                      publisher=rng.choice(_PUBLISHERS))
    return article, Extraction(article_id, tuple(facts), tuple(claims))
