"""How much memory does a long batch ingest take, with the defaults against the settings before them?

Issue 14 asks for a peak RSS of at most 500 MB while 100,000 facts are ingested. Each run here
is a fresh process that opens a new store on disk and streams the synthetic articles of
``bench/_synthetic.py`` (10 facts each, a quarter restating earlier facts) through
``KnowledgeGraph.ingest_batch``, never holding the corpus in a list; the figure is the
process's peak RSS (``VmHWM``, which belongs to the process's own memory map) and how far the
ingest raised it over what opening the store took. Two settings take turns on the same
corpus, in the same run:

- **before**: 500 articles per batch and a flush of RocksDB's memtables every 500 articles
  (the settings of 20261207-batch-ingest.md);
- **defaults**: ``ingest_batch``'s defaults now (docs/decisions/20261207-store-memory.md).

The ratio defaults / before is the point; the goal (at most 500 MB, 476.8 MiB, at 100,000
facts) is printed, never asserted. The time of each run is printed beside it, since smaller
batches and more flushes may cost time. ``--paths`` chooses the transactional path
(``atomic``, what the CLI and the server use) and the bulk loader (``bulk``).

Usage::

    python bench/ingest_memory.py                       # 100,000 facts, the atomic path
    python bench/ingest_memory.py --paths atomic,bulk
    python bench/ingest_memory.py --quick               # 1,100 facts (the smoke test)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import print_header, ratio, record

BENCH = Path(__file__).resolve().parent
DEFAULT_FACTS = 100_000
#: 110 articles: two batches of ``ingest_batch``'s defaults (100 articles), so the smoke run flushes once as well.
QUICK_FACTS = 1_100
#: Issue 14: peak RSS of a 100,000-fact ingest, 500 MB (decimal) in MiB.
GOAL_MIB = 500e6 / 2**20
#: The settings before this benchmark was written: (batch, flush_every) passed to ingest_batch.
BEFORE = {"batch": 500, "flush_every": 500}

#: Run in a child process: open a new store, stream the corpus into it, print what it took as JSON.
_CHILD = r"""
import json, sys, time
from pathlib import Path

sys.path.insert(0, sys.argv[1])

def status(key):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(key)) / 1024

from _synthetic import generate
from alignkg.graph import KnowledgeGraph

path, facts, atomic, options = Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "atomic", json.loads(sys.argv[5])
with KnowledgeGraph.open(path) as kg:
    opened = status("VmHWM:")
    start = time.perf_counter()
    articles = sum(1 for _ in kg.ingest_batch(generate(facts), atomic=atomic, **options))
    seconds = time.perf_counter() - start
    quads = kg.store.count()
print(json.dumps({"opened": opened, "peak": status("VmHWM:"), "seconds": seconds, "articles": articles,
                  "quads": quads}))
"""


def run(work: Path, name: str, facts: int, path: str, options: dict[str, int]) -> dict[str, float]:
    """Ingest ``facts`` synthetic facts in a fresh process into a new store under ``work``; return its figures."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(BENCH), str(work / name), str(facts), path,
                           json.dumps(options)], capture_output=True, text=True, check=True, timeout=7200)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run each path with the settings before and with the defaults, in fresh processes; print peaks and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=DEFAULT_FACTS, help="facts ingested (default 100,000)")
    parser.add_argument("--paths", default="atomic", help="comma list of atomic, bulk (default atomic)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_FACTS:,} facts: a smoke run")
    args = parser.parse_args(argv)
    facts = QUICK_FACTS if args.quick else args.facts
    paths = [p.strip() for p in args.paths.split(",") if p.strip()]
    if not set(paths) <= {"atomic", "bulk"}:
        parser.error(f"--paths takes atomic and bulk, not {args.paths!r}")
    print_header("Ingest memory: ingest_batch's defaults against the settings before them")
    print(f"corpus   {facts:,} synthetic facts, streamed (bench/_synthetic.py); before = {BEFORE}")
    print(f"load     {' '.join(f'{v:.2f}' for v in os.getloadavg())} (1, 5, 15 min) at the start\n")
    print(f"{'path':<8}{'settings':<10}{'peak MiB':>10}{'growth MiB':>12}{'seconds':>9}{'quads':>12}")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="alignkg-ingest-memory-") as tmp:
        for path in paths:
            figures = {name: run(Path(tmp), f"{path}-{name}", facts, path, options)
                       for name, options in (("before", BEFORE), ("defaults", {}))}
            for name, f in figures.items():
                print(f"{path:<8}{name:<10}{f['peak']:10.0f}{f['peak'] - f['opened']:12.0f}{f['seconds']:9.1f}"
                      f"{f['quads']:12,.0f}")
            before, now = figures["before"], figures["defaults"]
            assert before["quads"] == now["quads"], "the two settings must store the same quads"
            worst = max(worst, now["peak"])
            print(f"{path:<8}defaults / before: peak {ratio(now['peak'], before['peak'])}, "
                  f"time {ratio(now['seconds'], before['seconds'])}")
            record(f"ingest peak RSS, defaults / before ({path}, {facts:,} facts)", now["peak"] / before["peak"])
            record(f"ingest time, defaults / before ({path}, {facts:,} facts)", now["seconds"] / before["seconds"])
    print(f"\nload     {' '.join(f'{v:.2f}' for v in os.getloadavg())} at the end")
    verdict = "met" if worst <= GOAL_MIB else "NOT met"
    if facts < DEFAULT_FACTS:
        verdict = f"not judged below {DEFAULT_FACTS:,} facts"
    print(f"goal: peak RSS at most 500 MB ({GOAL_MIB:.0f} MiB) at {DEFAULT_FACTS:,} facts -> {verdict} "
          f"(highest with the defaults {worst:.0f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
