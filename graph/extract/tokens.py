"""The per-document index of tokens that every rule reads: forms, lemmas, positions, commodities.

It is built once per article from spaCy's hash arrays, working on the distinct
word types of the article (a few hundred) rather than its tokens, so the rules
never create spaCy ``Token`` objects and never scan a sentence word by word to
find a lexicon's words: :meth:`DocIndex.where` answers from a cached position
list per lexicon.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import IDX, LOWER, ORTH, SENT_START
from spacy.tokens import Doc

from alignkg.graph.extract import lexicon as lx
from alignkg.graph.extract.pipeline import LemmaTable
from alignkg.graph.ontology import EdgeType

#: The order in which a commodity decides a transfer's type: the most military first.
COMMODITY_PRIORITY = (EdgeType.ARMS_TRANSFER, EdgeType.MILITARY_SUPPORT, EdgeType.ENERGY_TRADE, EdgeType.TRADE)
_COMMODITY_OF: dict[str, EdgeType] = {}
for _edge_type in reversed(COMMODITY_PRIORITY):
    for _word in lx.COMMODITIES[_edge_type]:
        _COMMODITY_OF[_word] = _edge_type
#: One bit per indexed lexicon, and the bits of every word type seen so far, by the hash of its lower-cased
#: form (spaCy's hashes are stable, so the cache serves every document of the process).
_BIT = {id(words): 1 << k for k, words in enumerate(lx.INDEXED)}
_TYPE_BITS: dict[int, int] = {}


def _bits_of(lower: str, lemma: str) -> int:
    return sum(1 << k for k, words in enumerate(lx.INDEXED) if lower in words or lemma in words)


class DocIndex:
    """Lower-cased forms, lemmas, texts, offsets and lexicon positions of one document."""

    def __init__(self, doc: Doc, lemma_table: LemmaTable) -> None:
        strings = doc.vocab.strings
        arrays = doc.to_array([ORTH, LOWER, IDX, SENT_START]) if len(doc) else numpy.zeros((0, 4), "uint64")
        orth_types, orth_of = numpy.unique(arrays[:, 0], return_inverse=True)
        self._types, self._type_of = numpy.unique(arrays[:, 1], return_inverse=True)
        self._type_of = self._type_of.reshape(-1)
        texts = [strings[k] for k in orth_types.tolist()]
        type_lower = [strings[k] for k in self._types.tolist()]
        type_lemma = [lemma_table(w) for w in type_lower]
        self._type_lower, self._type_lemma = type_lower, type_lemma
        #: The token texts as written, and their character offsets in the article.
        self.text: list[str] = [texts[i] for i in orth_of.reshape(-1).tolist()]
        self.idx: list[int] = arrays[:, 2].tolist()
        types = self._type_of.tolist()
        self.lower: list[str] = [type_lower[i] for i in types]
        self.lemma: list[str] = [type_lemma[i] for i in types]
        type_commodity = [_COMMODITY_OF.get(lem) or _COMMODITY_OF.get(w) or _COMMODITY_OF.get(w[:-1] if w.endswith(
            "s") else "") for w, lem in zip(type_lower, type_lemma, strict=True)]  # "F-16s", "Shaheds"
        self.commodity: list[EdgeType | None] = [type_commodity[i] for i in types]
        self.sentence_starts: list[int] = numpy.flatnonzero(arrays[:, 3] == 1).tolist()
        bits = []
        for key, w, lem in zip(self._types.tolist(), type_lower, type_lemma, strict=True):
            found = _TYPE_BITS.get(key)
            if found is None:
                found = _TYPE_BITS[key] = _bits_of(w, lem)
            bits.append(found)
        self._bits = numpy.asarray(bits, dtype="int64")[self._type_of] if bits else numpy.zeros(0, "int64")
        self._where: dict[int, list[int]] = {}
        self._military = (self._bits & _BIT[id(lx.MILITARY_QUALIFIERS)]) != 0

    def where(self, words: frozenset[str], lo: int, hi: int) -> list[int]:
        """Return the positions in [lo, hi) whose lower-cased form or lemma is in ``words``.

        ``words`` must be one of ``lexicon.INDEXED`` (by identity): those are the
        lexicons whose membership is cached per word type.
        """
        places = self._where.get(id(words))
        if places is None:
            places = numpy.flatnonzero(self._bits & _BIT[id(words)]).tolist()
            self._where[id(words)] = places
        first = bisect_left(places, lo)
        last = bisect_left(places, hi, lo=first)
        return places[first:last]

    def has_military(self, lo: int, hi: int) -> bool:
        """Tell whether a military qualifier ("weapons", "warfighting") stands in [lo, hi)."""
        return bool(self._military[lo:hi].any())

    def iter_sentences(self) -> list[tuple[int, int]]:
        """Return the (start, end) token bounds of every sentence."""
        starts = self.sentence_starts or [0]
        ends = starts[1:] + [len(self.lower)]
        return list(zip(starts, ends, strict=True))
