"""How much memory does exporting a whole store take, against an export that buffers to drop duplicates?

A store that holds each triple in several named graphs (facts stated by several articles)
is exported as the union of its graphs, each triple once. ``export_store`` streams that union
from the store; the way it replaced kept every triple in memory to drop the duplicates (the
baseline here: the union's triples gathered in a set, then written). Each export runs in a
fresh process that opens the store and writes to ``/dev/null``; the figure is how far the
export raised the process's peak RSS (``VmHWM``: ``getrusage`` would report the parent's peak,
which survives ``exec``) over what opening the store took. The
ratio streamed / buffered, taken in the same run, is the point: a streamed export grows by a
few MiB whatever the store's size, a buffered one with it.

Usage::

    python bench/export_memory.py                  # 300,000 quads (150,000 triples in two graphs each)
    python bench/export_memory.py --quads 1000000
    python bench/export_memory.py --quick          # 4,000 quads (the smoke test)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _harness import print_header, ratio, record

#: Run in a child process: open the store, note the peak RSS, export, print the growth in MiB.
_CHILD = r"""
import sys
from pathlib import Path

import pyoxigraph as ox

def high_water_mib():
    # VmHWM belongs to this process's memory map; getrusage's ru_maxrss survives exec from a larger parent.
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024

way, path, fmt = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
from alignkg.graph.rdf.export import export_store
from alignkg.graph.store.oxigraph import OxigraphStore

store = OxigraphStore(path) if way == "streamed" else ox.Store.read_only(str(path))
before = high_water_mib()
with open("/dev/null", "wb") as sink:
    if way == "streamed":
        export_store(store, sink, format=fmt)
    else:
        union = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, None)}
        ox.serialize(union, sink, ox.RdfFormat.N_TRIPLES if fmt == "ntriples" else ox.RdfFormat.TURTLE)
print(high_water_mib() - before)
"""


def build_store(path: Path, quads: int) -> None:
    """Write ``quads`` quads: ``quads // 2`` triples, each in two named graphs."""
    import pyoxigraph as ox

    store = ox.Store(str(path))
    p = ox.NamedNode("https://example.org/p")
    triples = quads // 2
    store.bulk_extend(ox.Quad(ox.NamedNode(f"https://example.org/s{i // 10}"), p, ox.Literal(f"value {i} " * 3),
                              ox.NamedNode(f"https://example.org/g{g}"))
                      for i in range(triples) for g in (1, 2))
    store.flush()


def grown_mib(way: str, path: Path, fmt: str) -> float:
    """Return how far one export in a fresh process raised its peak RSS, in MiB."""
    done = subprocess.run([sys.executable, "-c", _CHILD, way, str(path), fmt], capture_output=True, text=True,
                          check=True, timeout=1800)
    return float(done.stdout)


def main(argv: list[str] | None = None) -> int:
    """Build the store, run each export in its own process, print the growth and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=300_000, help="quads in the store (default 300,000)")
    parser.add_argument("--quick", action="store_true", help="4,000 quads: a smoke run")
    args = parser.parse_args(argv)
    quads = 4_000 if args.quick else args.quads
    print_header("Export memory: the streamed union against a buffered one")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        build_store(path, quads)
        print(f"store: {quads:,} quads ({quads // 2:,} triples, each in two named graphs)\n")
        print(f"{'format':<10}{'streamed MiB':>14}{'buffered MiB':>14}{'streamed / buffered':>21}")
        for fmt in ("ntriples", "turtle"):
            streamed = grown_mib("streamed", path, fmt)
            buffered = grown_mib("buffered", path, fmt)
            print(f"{fmt:<10}{streamed:14.1f}{buffered:14.1f}{ratio(streamed, buffered):>21}")
            if buffered > 0:
                record(f"export memory, streamed / buffered ({fmt}, {quads:,} quads)", streamed / buffered)
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")
    print("goal: the streamed export grows by a few MiB whatever the store's size")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
