"""The project's own tagger and dependency parser: where it ships, how it is packaged and scored.

The extractor reads arguments off a Universal Dependencies parse. No trained
model is downloaded at run time: the project trains one on UD English EWT with
spaCy's own training (``data/parser/config.cfg``, ``data/parser/train.sh``) and
ships it in ``data/parser/model``. This module packages a trained pipeline
(adding spaCy's rule lemmatizer with its English tables, so that nothing else
is needed at run time) and scores a pipeline on a CoNLL-U file with gold
tokens and sentences, the figures of ``data/parser/MODEL_CARD.md``.

Usage (see ``data/parser/train.sh``)::

    python -m alignkg.graph.extract.parser_model package OUT/model-best data/parser/model
    python -m alignkg.graph.extract.parser_model score data/parser/model en_ewt-ud-test.conllu
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alignkg.graph.errors import DataError
from alignkg.graph.resources import data_path

#: The components of the shipped pipeline that the extractor runs, in order.
COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser", "lemmatizer")
#: Metadata written into the packaged pipeline (spaCy's meta.json).
META = {
    "name": "alignkg_ud_parser",
    "version": "1.0.0",
    "description": "Tagger, morphologizer and dependency parser trained on Universal Dependencies English EWT "
                   "2.15 for alignkg's extractor, with spaCy's rule lemmatizer.",
    "license": "CC BY-SA 4.0",
    "sources": [{"name": "Universal Dependencies English Web Treebank 2.15",
                 "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                 "license": "CC BY-SA 4.0",
                 "author": "The Board of Trustees of the Leland Stanford Junior University"}],
}


def model_path() -> Path:
    """Return the folder of the shipped parser pipeline.

    Raises:
        DataError: the installation has no parser (see ``data/parser/train.sh``).
    """
    path = data_path("parser", "model")
    if not (path / "meta.json").is_file():
        raise DataError("the bundled parser (data/parser/model) is missing; train it with data/parser/train.sh")
    return path


def package(trained: Path, out: Path) -> None:
    """Write the trained pipeline at ``trained`` to ``out`` with a rule lemmatizer and alignkg's metadata."""
    import spacy
    from spacy.lookups import load_lookups
    from spacy.pipeline import Lemmatizer

    nlp = spacy.load(trained)
    if "lemmatizer" not in nlp.pipe_names:
        lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
        assert isinstance(lemmatizer, Lemmatizer)
        lemmatizer.initialize(lookups=load_lookups("en", ["lemma_rules", "lemma_exc", "lemma_index"]))
    nlp.meta.update(META)
    nlp.to_disk(out)


@dataclass(frozen=True, slots=True)
class ParserScores:
    """Attachment and tagging scores on gold tokens and sentences, as fractions."""

    tokens: int
    uas: float
    las: float
    uas_no_punct: float
    las_no_punct: float
    upos: float
    xpos: float

    def lines(self) -> list[str]:
        """Return the scores as the lines of the model card."""
        return [
            f"tokens: {self.tokens}",
            f"UAS (all tokens): {self.uas:.4f}",
            f"LAS (all tokens, full labels): {self.las:.4f}",
            f"UAS (punctuation excluded): {self.uas_no_punct:.4f}",
            f"LAS (punctuation excluded): {self.las_no_punct:.4f}",
            f"UPOS accuracy: {self.upos:.4f}",
            f"XPOS accuracy: {self.xpos:.4f}",
        ]


@dataclass(frozen=True, slots=True)
class _GoldToken:
    form: str
    upos: str
    xpos: str
    head: int
    deprel: str
    space: bool


def read_conllu(path: Path) -> Iterator[list[_GoldToken]]:
    """Yield the sentences of a CoNLL-U file as gold tokens (multiword ranges and empty nodes skipped)."""
    sentence: list[_GoldToken] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            space = "SpaceAfter=No" not in cols[9]
            sentence.append(_GoldToken(cols[1], cols[3], cols[4], int(cols[6]), cols[7], space))
    if sentence:
        yield sentence


def score(model: Path | str, conllu: Path, *, batch_size: int = 256) -> ParserScores:
    """Score the tagger and parser of ``model`` on ``conllu`` with gold tokens and sentence boundaries."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model)
    sentences = list(read_conllu(conllu))
    docs = (Doc(nlp.vocab, words=[t.form for t in s], spaces=[t.space for t in s]) for s in sentences)
    names = [n for n in ("tok2vec", "tagger", "morphologizer", "parser") if n in nlp.pipe_names]
    total = heads = labels = heads_np = labels_np = punct = upos = xpos = 0
    with nlp.select_pipes(enable=names):
        for gold, doc in zip(sentences, nlp.pipe(docs, batch_size=batch_size), strict=True):
            for g, t in zip(gold, doc, strict=True):
                predicted_head = 0 if t.head.i == t.i else t.head.i + 1
                head_ok = predicted_head == g.head
                label_ok = head_ok and t.dep_.lower() == ("root" if g.head == 0 else g.deprel).lower()
                total += 1
                heads += head_ok
                labels += label_ok
                upos += t.pos_ == g.upos
                xpos += t.tag_ == g.xpos
                if g.upos == "PUNCT":
                    punct += 1
                else:
                    heads_np += head_ok
                    labels_np += label_ok
    if not total:
        raise DataError(f"{conllu}: no sentences")
    words = total - punct
    return ParserScores(total, heads / total, labels / total, heads_np / words, labels_np / words,
                        upos / total, xpos / total)


def main(argv: list[str]) -> int:
    """``package TRAINED OUT`` or ``score MODEL CONLLU``."""
    if len(argv) == 3 and argv[0] == "package":
        package(Path(argv[1]), Path(argv[2]))
        return 0
    if len(argv) == 3 and argv[0] == "score":
        print("\n".join(score(argv[1], Path(argv[2])).lines()))  # noqa: T201
        return 0
    print(__doc__, file=sys.stderr)  # noqa: T201
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
