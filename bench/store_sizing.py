"""How much room and time does a million articles take in each store? The sizing of docs/deploy.md.

One run measures, on this machine:

1. **Per article**, on the bundled articles (``data/articles/*.txt``, real extraction): facts,
   pieces of evidence and quads (RDF statements) the graph holds per article.
2. **Load**, on ``--articles`` articles made by giving the bundled articles' extractions new ids
   (so every copy adds its own named graph, evidence and article record, as a new article does;
   the facts themselves are shared, as they are in a real corpus where the same pairs of states
   recur): ``KnowledgeGraph.ingest_batch`` (batches of 500, one transaction each) into

   * the embedded store, on disk in a temporary folder;
   * an Oxigraph server the script starts (``oxigraph serve``, the ``oxigraph`` package) on a
     temporary folder (unless ``--no-oxigraph``);
   * any other SPARQL server given by ``--url`` (Virtuoso, Fuseki...; its disk is not measured),
     in transactions of ``--batch`` articles.

   It reports seconds, articles per second, quads, and the disk the store's folder takes
   (``du``: the files' allocated blocks, after the store is closed or the server stopped).

The figures per million articles are **extrapolated linearly** from the measured run, which the
report says; extraction time is not included (it is measured by ``bench/extract_speed.py``).

Run it from the repository root::

    PYTHONPATH=. python3 bench/store_sizing.py                          # 2,000 articles, embedded and Oxigraph
    PYTHONPATH=. python3 bench/store_sizing.py --articles 20000
    PYTHONPATH=. python3 bench/store_sizing.py --url http://127.0.0.1:8890/sparql --user dba --password dba --digest
    PYTHONPATH=. python3 bench/store_sizing.py --quick                  # 22 articles, embedded only (smoke test)
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from _harness import print_header, record

from alignkg.graph import Article, Extraction, KnowledgeGraph

REPO = Path(__file__).resolve().parent.parent
MILLION = 1_000_000


@dataclasses.dataclass
class Load:
    """One store's load: what was written, how long it took, the disk it took (None: not measured)."""

    store: str
    articles: int
    seconds: float
    quads: int
    disk_bytes: int | None


def bundled(kg: KnowledgeGraph) -> list[tuple[Article, Extraction]]:
    """Return the bundled articles with their extractions (the real extractor, once each)."""
    pairs = []
    for path in sorted((REPO / "data" / "articles").glob("*.txt")):
        pairs.append(kg.extract(path.read_text(encoding="utf-8"), id=path.stem))
    return pairs


def copies(pairs: Sequence[tuple[Article, Extraction]], count: int) -> Iterator[tuple[Article, Extraction]]:
    """Yield ``count`` articles: the bundled ones in turn, each copy under a new id (and its own evidence)."""
    for i in range(count):
        article, extraction = pairs[i % len(pairs)]
        new_id = f"{article.id}-{i}"
        yield dataclasses.replace(article, id=new_id), _renamed(extraction, new_id)


def _renamed(extraction: Extraction, new_id: str) -> Extraction:
    """Return an extraction with its evidence moved to the article ``new_id``."""
    facts = tuple(dataclasses.replace(f, evidence=tuple(dataclasses.replace(e, article_id=new_id)
                                                        for e in f.evidence)) for f in extraction.facts)
    claims = tuple(dataclasses.replace(c, evidence=tuple(dataclasses.replace(e, article_id=new_id)
                                                         for e in c.evidence)) for c in extraction.claims)
    return dataclasses.replace(extraction, article_id=new_id, facts=facts, claims=claims)


def disk_usage(folder: Path) -> int:
    """Return the bytes a folder's files take on disk (allocated blocks, as ``du``)."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*") if p.is_file())


def load(name: str, open_graph: Callable[[], KnowledgeGraph], pairs: Sequence[tuple[Article, Extraction]],
         count: int, folder: Path | None, stop: Callable[[], None] = lambda: None, batch: int = 500) -> Load:
    """Time ``count`` articles into a fresh store through ``ingest_batch``; measure its quads and disk."""
    with open_graph() as kg:
        before = kg.stats()["quads"]
        started = time.perf_counter()
        for _ in kg.ingest_batch(copies(pairs, count), batch=batch):
            pass
        kg.store.flush()
        seconds = time.perf_counter() - started
        quads = kg.stats()["quads"] - before
    stop()
    return Load(name, count, seconds, quads, disk_usage(folder) if folder is not None else None)


def start_oxigraph(folder: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """Start ``oxigraph serve`` on a free port over ``folder``; return its URL and process."""
    import httpx

    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if exe is None:
        raise SystemExit("the oxigraph server is not installed (pip install oxigraph), or pass --no-oxigraph")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([exe, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",  # noqa: S603
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=2).is_success:
                return url, process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the oxigraph server did not start within 60 s")


def stopper(process: subprocess.Popen[bytes]) -> Callable[[], None]:
    def stop() -> None:
        process.terminate()
        process.wait(timeout=60)
    return stop


def report(per_article: dict[str, float], loads: list[Load]) -> None:
    """Print the per-article figures and the table of loads, with the extrapolation to a million articles."""
    print()
    print("per article (the bundled articles, real extraction):")
    for key, value in per_article.items():
        print(f"  {key:<22} {value:8.1f}")
    print()
    print(f"{'store':<22} {'articles':>9} {'seconds':>9} {'articles/s':>11} {'quads':>11} {'quads/art':>10} "
          f"{'disk MiB':>9} {'KiB/art':>8} | {'h per 1M':>9} {'GiB per 1M':>11}")
    for r in loads:
        rate = r.articles / r.seconds if r.seconds else float("inf")
        disk = "-" if r.disk_bytes is None else f"{r.disk_bytes / 2**20:9.1f}"
        per = "-" if r.disk_bytes is None else f"{r.disk_bytes / r.articles / 1024:8.2f}"
        gib = "-" if r.disk_bytes is None else f"{r.disk_bytes / r.articles * MILLION / 2**30:11.1f}"
        print(f"{r.store:<22} {r.articles:>9,} {r.seconds:>9.1f} {rate:>11.1f} {r.quads:>11,} "
              f"{r.quads / r.articles:>10.1f} {disk:>9} {per:>8} | {MILLION / rate / 3600:>9.2f} {gib:>11}")
    print()
    print("The last two columns are extrapolated linearly from the measured run (write time only, after "
          "extraction; disk after the store is closed).")
    embedded = next((r for r in loads if r.store.startswith("embedded")), None)
    for r in loads:
        if embedded is not None and r is not embedded and r.seconds and embedded.seconds:
            # Load time of the same articles: the remote server against the embedded store, in this run.
            record(f"load time, {r.store} / embedded ({r.articles:,} articles)", r.seconds / embedded.seconds)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles loaded into each store")
    parser.add_argument("--url", help="another SPARQL server to load (its disk is not measured)")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--digest", action="store_true", help="HTTP Digest instead of Basic (Virtuoso)")
    parser.add_argument("--batch", type=int, default=500,
                        help="articles per transaction for --url (Virtuoso refuses requests over 10 MB: 100)")
    parser.add_argument("--no-oxigraph", action="store_true", help="do not start an Oxigraph server")
    parser.add_argument("--quick", action="store_true", help="22 articles, embedded store only (smoke test)")
    args = parser.parse_args(argv)
    count = 22 if args.quick else args.articles
    print_header("Store sizing: facts and quads per article, disk and load time per million articles")

    with KnowledgeGraph.in_memory() as kg:
        pairs = bundled(kg)
        for _ in kg.ingest_batch(pairs):
            pass
        stats = kg.stats()
        reference = KnowledgeGraph.in_memory()
        base = reference.stats()["quads"]
        reference.close()
    n = len(pairs)
    per_article = {"facts extracted": sum(len(e.facts) for _, e in pairs) / n,
                   "evidence": stats["evidence"] / n,
                   "facts stored (distinct)": stats["facts"] / n,
                   "quads": (stats["quads"] - base) / n}
    print(f"{n} bundled articles; the reference data (states, vocabulary) is {base:,} quads, not counted")

    loads: list[Load] = []
    with tempfile.TemporaryDirectory(prefix="alignkg-sizing-") as tmp:
        folder = Path(tmp) / "embedded"
        loads.append(load("embedded (pyoxigraph)", lambda: KnowledgeGraph.open(folder), pairs, count, folder))
        if not args.quick and not args.no_oxigraph:
            server_folder = Path(tmp) / "oxigraph"
            url, process = start_oxigraph(server_folder)
            try:
                loads.append(load("oxigraph serve", lambda: KnowledgeGraph.connect(url), pairs, count,
                                  server_folder, stopper(process)))
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
        if args.url:
            loads.append(load(args.url, lambda: KnowledgeGraph.connect(args.url, user=args.user,
                                                                       password=args.password, digest=args.digest),
                              pairs, count, None, batch=args.batch))
    report(per_article, loads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
