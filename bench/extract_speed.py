"""How much does the whole extractor cost over the parse it reads, and does it stay linear?

The extractor runs spaCy's tokenizer, the project's tagger and dependency parser
(``data/parser/model``), then its own lemmatizer, actor matcher and rules. The parse is
the floor: the rules cannot be cheaper than nothing. This script times, in one run and
on the same documents, (a) tokenization alone, (b) the tagger and parser alone
(``nlp.pipe`` with only the sentence splitter and the trained components), and (c) the
whole extractor (``Extractor.extract_many``), and reports the ratios. The project's goal
is a whole extractor at most 1.3x the parse alone.

It then times single articles of 10,000, 100,000 and 1,000,000 characters and prints
seconds per 100,000 characters for each: extraction time must grow linearly with
article length (nothing compares every mention with every other).

The corpus is built by resampling the paragraphs of the bundled articles
(``data/articles/*.txt``): they are shuffled with a fixed seed and concatenated into
documents of about 3,000 to 6,000 characters until the corpus reaches the requested
size. The text is therefore realistic news prose, but repetitive; the numbers measure
speed, not what the extractor finds.

Run it from the repository root::

    python bench/extract_speed.py            # about 1.2 million characters, and the length series
    python bench/extract_speed.py --quick    # a few seconds, for smoke tests
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence
from pathlib import Path

from _harness import measure_interleaved, print_header, ratio, record

from alignkg.graph import Extractor

DESCRIPTION = "Time the whole extractor against the parse alone and tokenization alone, and its growth with length."
#: The repository root: the parent of ``bench/``.
REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"
#: The seed of the paragraph shuffle, so that every run times the same corpus.
SEED = 20240614
#: The bounds of a document's length in characters.
DOC_MIN_CHARS = 3_000
DOC_MAX_CHARS = 6_000
DEFAULT_SIZE = 1_200_000
DEFAULT_REPEAT = 3
#: The corpus size of ``--quick``.
QUICK_SIZE = 24_000
#: The largest acceptable ratio of extractor time to the time of the parse alone.
GOAL_RATIO = 1.3
#: Single-article lengths of the linearity series (the last is the extractor's own limit).
LENGTHS = (10_000, 100_000, 1_000_000)
QUICK_LENGTHS = (2_000, 8_000)
#: Documents per batch, the same for the parse alone and the whole extractor.
BATCH_SIZE = 32
#: The components that make the parse: the sentence splitter and the trained ones.
PARSE_COMPONENTS = ("alignkg_sentences", "tok2vec", "tagger", "morphologizer", "parser")
#: How paragraphs are joined inside a document, as in the bundled articles.
PARAGRAPH_SEPARATOR = "\n\n"


def article_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """Return the bundled article files, in a stable order.

    Args:
        data_dir: the repository's ``data/`` folder.
    """
    return sorted((data_dir / "articles").glob("*.txt"))


def paragraphs_of(text: str) -> list[str]:
    """Split an article into its paragraphs (headline included).

    The bundled articles keep each paragraph on one line, separated by blank lines
    (some by single line breaks), so every non-blank line is a paragraph.
    """
    return [line.strip() for line in text.splitlines() if line.strip()]


def build_corpus(paragraphs: Sequence[str], size: int, *, seed: int = SEED) -> list[str]:
    """Concatenate shuffled paragraphs into documents until there are ``size`` characters.

    The paragraphs are drawn without replacement from a shuffled pool that is
    reshuffled whenever it runs out, so every paragraph is used about equally often.

    Args:
        paragraphs: the paragraphs to resample; at least one.
        size: the target corpus size in characters; the last document may overshoot it.
        seed: the seed of the shuffle.

    Returns:
        Documents of about ``DOC_MIN_CHARS`` to ``DOC_MAX_CHARS`` characters each.
    """
    if not paragraphs:
        raise ValueError("no paragraphs to build a corpus from")
    rng = random.Random(seed)
    pool: list[str] = []

    def draw() -> str:
        if not pool:
            pool.extend(paragraphs)
            rng.shuffle(pool)
        return pool.pop()

    docs: list[str] = []
    total = 0
    pending = draw()
    while total < size:
        target = rng.randint(DOC_MIN_CHARS, DOC_MAX_CHARS)
        parts = [pending]
        length = len(pending)
        pending = draw()
        while length < DOC_MIN_CHARS or length + len(PARAGRAPH_SEPARATOR) + len(pending) <= target:
            parts.append(pending)
            length += len(PARAGRAPH_SEPARATOR) + len(pending)
            pending = draw()
        doc = PARAGRAPH_SEPARATOR.join(parts)
        docs.append(doc)
        total += len(doc)
    return docs


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--size", type=int, default=None,
                        help=f"target corpus size in characters (default {DEFAULT_SIZE:,}; with --quick, "
                             f"{QUICK_SIZE:,})")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help=f"timed runs of each measurement, after one warm-up (default {DEFAULT_REPEAT})")
    parser.add_argument("--quick", action="store_true",
                        help=f"a tiny corpus ({QUICK_SIZE:,} characters, or --size) and 1 run, for smoke tests")
    args = parser.parse_args(argv)
    args.lengths = LENGTHS
    if args.quick:
        args.repeat, args.lengths = 1, QUICK_LENGTHS
    if args.size is None:
        args.size = QUICK_SIZE if args.quick else DEFAULT_SIZE
    if args.size < 1:
        parser.error("--size must be positive")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus and the extractor, time tokenization, parse and extraction, print the report.

    Args:
        argv: the command-line arguments (``sys.argv[1:]`` when ``None``).

    Returns:
        The exit status: 0, or 1 if no bundled articles were found. Missing the speed
        goal is reported, not treated as a failure.
    """
    args = parse_args(argv)
    print_header("alignkg extraction speed: whole extractor vs. the parse alone vs. tokenization")

    files = article_files()
    paragraphs = [p for f in files for p in paragraphs_of(f.read_text(encoding="utf-8"))]
    if not paragraphs:
        print(f"error: no bundled articles found under {DATA_DIR}")
        return 1
    docs = build_corpus(paragraphs, args.size)
    chars = sum(len(d) for d in docs)

    start = time.perf_counter()
    ex = Extractor()
    construction = time.perf_counter() - start
    parse_names = [n for n in PARSE_COMPONENTS if n in ex.nlp.pipe_names]

    # Counted once, outside the timing, with the extractor's own sentence splitter (whose line
    # breaks are sentences of their own, not counted here).
    sentences = sum(1 for doc in ex.nlp.pipe(docs) for s in doc.sents if not s.text.isspace())

    print(f"corpus        {chars:,} characters, {len(docs):,} documents, {sentences:,} sentences")
    print(f"              built by resampling the {len(paragraphs)} paragraphs of the {len(files)} bundled "
          f"articles (seed {SEED})")
    print(f"              into documents of about {DOC_MIN_CHARS:,}-{DOC_MAX_CHARS:,} characters")
    print(f"pipeline      built in {construction:.3f} s (excluded from the throughput below): "
          f"{', '.join(ex.nlp.pipe_names)}")
    print(f"timing        {args.repeat} timed round(s) after 1 warm-up, each round running every "
          "measurement in turn; throughput from the fastest run")
    print()

    tokenizer = ex.nlp.tokenizer

    def parse() -> list[object]:
        with ex.nlp.select_pipes(enable=parse_names):
            return list(ex.nlp.pipe(docs, batch_size=BATCH_SIZE))

    timings = measure_interleaved({
        "tokenization": lambda: list(tokenizer.pipe(docs)),
        "parse": parse,
        "extraction": lambda: list(ex.extract_many(((f"d{i}", t, None) for i, t in enumerate(docs)),
                                                   batch_size=BATCH_SIZE)),
    }, args.repeat)
    tokenization, parsing, extraction = timings["tokenization"], timings["parse"], timings["extraction"]

    print(f"{'':30}{'min s':>9}{'median s':>10}{'chars/s':>13}{'sentences/s':>13}")
    rows = (("tokenization alone", tokenization), ("tagger and parser (nlp.pipe)", parsing),
            ("whole extractor (extract_many)", extraction))
    for label, timing in rows:
        print(f"{label:30}{timing.min:9.3f}{timing.median:10.3f}"
              f"{chars / timing.min:13,.0f}{sentences / timing.min:13,.0f}")
    print()

    tokens = sum(len(doc) for doc in tokenization.result)
    facts = sum(len(e.facts) for e in extraction.result)
    found_claims = sum(len(e.claims) for e in extraction.result)
    print(f"tokens        {tokens:,}")
    print(f"found         {facts:,} facts and {found_claims:,} claims (repeated text repeats facts)")
    factor = extraction.min / parsing.min
    print(f"ratio         whole extractor / parse alone = {ratio(extraction.min, parsing.min)} "
          f"(fastest runs; medians give {ratio(extraction.median, parsing.median)})")
    print(f"              parse alone / tokenization = {ratio(parsing.min, tokenization.min)}; "
          f"whole extractor / tokenization = {ratio(extraction.min, tokenization.min)}")
    print(f"goal: at most {GOAL_RATIO:.1f}x the parse alone -> {'met' if factor <= GOAL_RATIO else 'NOT met'}")
    record("whole extractor / parse alone", extraction.min / parsing.min, goal=f"at most {GOAL_RATIO:.1f}x")
    record("whole extractor / tokenization", extraction.min / tokenization.min)
    print()
    _length_series(ex, paragraphs, args.lengths, args.repeat)
    return 0


def _length_series(ex: Extractor, paragraphs: Sequence[str], lengths: Sequence[int], repeat: int) -> None:
    """Time one article of each length, per 100,000 characters: parsed, then the rules on the parse.

    Apart, so that growth the parser itself shows on a very long document (and
    the noise of timing it) is not charged to the rules.
    """
    print("one article of each length (linear growth gives the same seconds per 100k characters):")
    print(f"{'characters':>12}{'parse min s':>13}{'rules min s':>13}{'parse s/100k':>14}{'rules s/100k':>14}")
    pool = PARAGRAPH_SEPARATOR.join(build_corpus(paragraphs, max(lengths)))
    parse_per, rules_per = [], []
    for length in lengths:
        text = pool[:length]
        doc = ex.nlp(text)
        timed = measure_interleaved({"parse": lambda text=text: ex.nlp(text),
                                     "rules": lambda doc=doc: ex.extract_parsed(doc, id="long")}, repeat)
        parse, rules = timed["parse"], timed["rules"]
        parse_per.append(parse.min / length * 100_000)
        rules_per.append(rules.min / length * 100_000)
        print(f"{length:12,}{parse.min:13.3f}{rules.min:13.3f}{parse_per[-1]:14.3f}{rules_per[-1]:14.3f}")
    print(f"growth        seconds per 100k characters at the longest / at the shortest: "
          f"rules {ratio(rules_per[-1], rules_per[0])}, parse {ratio(parse_per[-1], parse_per[0])} "
          f"(1.0x is linear)")
    record(f"rules s/100k at {lengths[-1]:,} / at {lengths[0]:,} characters", rules_per[-1] / rules_per[0],
           goal="1.0x (linear)")


if __name__ == "__main__":
    raise SystemExit(main())
