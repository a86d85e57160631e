"""How much faster is ``alignkg ingest --jobs 2`` than ``--jobs 1`` (and a Dask cluster), on one corpus?

The corpus is generated from the bundled articles and the gazetteer (:func:`make_corpus`): each
article is a bundled text whose state names are swapped, consistently within the article, for
other states of the gazetteer (seeded), under an id of its own, so that no two articles are
stored as the same. Each run ingests the whole corpus into a fresh store on disk with
:func:`alignkg.graph.ingest_articles`, the function behind the command; the runs take turns in
one process, so a change in the machine's load falls on all of them. ``--write`` only writes the
corpus as JSON Lines, for ``alignkg ingest``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _harness import print_header, ratio, record

from alignkg.graph import Article, Gazetteer, KnowledgeGraph, ingest_articles

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
SEED = 12


def make_corpus(size: int, *, seed: int = SEED) -> list[Article]:
    """Return ``size`` articles: the bundled texts with their state names swapped for others (seeded)."""
    rng = random.Random(seed)
    texts = [(p.stem, p.read_text("utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]
    names = sorted({s.name for s in Gazetteer.load().states.values()}, key=len, reverse=True)
    corpus = []
    for i in range(size):
        stem, text = texts[i % len(texts)]
        present = [n for n in names if re.search(rf"\b{re.escape(n)}\b", text)]
        swap = dict(zip(present, rng.sample(names, len(present)), strict=True))
        if swap:
            pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in present) + r")\b")
            text = pattern.sub(lambda m, swap=swap: swap[m.group(1)], text)
        corpus.append(Article(f"gen-{i:06}-{stem}", text))
    return corpus


def run(articles: list[Article], work: Path, name: str, **options: Any) -> float:
    """Ingest ``articles`` into a new store under ``work``; return the articles per second."""
    with KnowledgeGraph.open(work / name) as kg:
        report = ingest_articles(kg, articles, **options)
    assert not report.problems, report.problems
    return report.rate


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="articles in the corpus (default 5000)")
    parser.add_argument("--jobs", type=int, default=2, help="processes of the parallel run (default 2)")
    parser.add_argument("--cluster", action="store_true", help="also run on a Dask LocalCluster of --jobs workers")
    parser.add_argument("--write", type=Path, help="only write the corpus as JSON Lines to this file")
    parser.add_argument("--quick", action="store_true", help="12 articles (used by the smoke test)")
    args = parser.parse_args(argv)
    if args.quick:
        args.size = 12
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the corpus, then ingest it with 1 and ``--jobs`` processes; print the rates and their ratio."""
    args = parse_args(argv)
    articles = make_corpus(args.size)
    if args.write is not None:
        with args.write.open("w", encoding="utf-8") as out:
            for a in articles:
                out.write(json.dumps({"id": a.id, "text": a.text}) + "\n")
        print(f"wrote {len(articles):,} articles to {args.write}", file=sys.stderr)
        return 0
    print_header(f"alignkg ingest: --jobs 1 against --jobs {args.jobs}")
    print(f"corpus   {len(articles):,} articles generated from the bundled ones (state names swapped, seed {SEED}), "
          f"{sum(len(a.text) for a in articles):,} characters")
    print(f"load     {os.getloadavg()[0]:.1f} (1-minute load average at the start)")
    with tempfile.TemporaryDirectory(prefix="alignkg-ingest-bench-") as tmp:
        work = Path(tmp)
        one = run(articles, work, "jobs1", jobs=1)
        many = run(articles, work, f"jobs{args.jobs}", jobs=args.jobs)
        print(f"jobs 1   {one:8.1f} articles/s")
        print(f"jobs {args.jobs}   {many:8.1f} articles/s")
        print(f"jobs {args.jobs} / jobs 1 = {ratio(many, one)} (goal: at least 1.6x with 2 jobs)")
        record(f"ingest rate, jobs {args.jobs} / jobs 1 ({len(articles):,} articles)", many / one,
               goal="at least 1.6x" if args.jobs == 2 else "")
        if args.cluster:
            from distributed import LocalCluster

            with LocalCluster(n_workers=args.jobs, threads_per_worker=1, host="127.0.0.1",
                              dashboard_address=None) as cluster:
                dask = run(articles, work, "cluster", cluster=cluster.scheduler_address)
            print(f"dask {args.jobs}   {dask:8.1f} articles/s (LocalCluster of {args.jobs} worker processes)")
            print(f"dask / jobs 1 = {ratio(dask, one)}")
            record(f"ingest rate, Dask LocalCluster of {args.jobs} / jobs 1 ({len(articles):,} articles)", dask / one)
    return 0


if __name__ == "__main__":
    sys.exit(main())
