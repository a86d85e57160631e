"""What does a query deadline that stops the work cost: worker processes over checkpoints, or an Oxigraph server?

pyoxigraph cannot cancel a running query, so a deadline that stops the work needs another
process (docs/decisions/20261207-query-deadlines.md). Two designs are measured on the same
stores, the bundled articles and synthetic graphs (``bench/_synthetic.py``, bulk-loaded):

1. **Checkpoints and workers** (:class:`alignkg.graph.store.pool.CheckpointStore`, the one
   chosen): the time to make a checkpoint after a write (``Store.backup``), the time of three
   queries through a worker against the same queries in the process (the overhead per
   query), a worker's resident memory, and what happens at the deadline (the time until the
   504 and the CPU the server's processes use in the 2 s after it).
2. **The Oxigraph server** (``oxigraph serve --timeout-s``, from the ``oxigraph`` package,
   when its binary is installed; skipped otherwise): the same three queries over HTTP, the
   server's resident memory, and what its timeout does to the same slow query.

Run it from the repository root::

    PYTHONPATH=. python bench/deadline_bench.py                   # bundled articles, 10k and 100k facts
    PYTHONPATH=. python bench/deadline_bench.py --size 10000
    PYTHONPATH=. python bench/deadline_bench.py --quick           # 1k facts, no server, seconds

It prints the figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph
from _harness import cpu_count, measure, parse_sizes, print_header
from _server import cpu_seconds, rss_mib
from pyoxigraph import RdfFormat

from alignkg.graph import namespace as ns
from alignkg.graph.errors import QueryLimitError
from alignkg.graph.store.deadline import deadline
from alignkg.graph.store.pool import CheckpointStore

#: The three queries timed: a point lookup, the /facts listing of RUS, a 2-hop join.
QUERIES = {
    "ask": "ASK { state:IRN a ak:State }",
    "facts of RUS": """SELECT ?sk ?ok ?t WHERE { ?f ak:subject state:RUS ; ak:object ?o ; ak:edgeType ?t .
        OPTIONAL { ?o ak:iso3 ?ok } BIND("RUS" AS ?sk) } ORDER BY ?t ?sk ?ok""",
    "2-hop from RUS": """SELECT ?c (COUNT(*) AS ?n) WHERE { ?f1 ak:subject state:RUS ; ak:object ?b .
        ?f2 ak:subject ?b ; ak:object ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 10""",
}
#: Runs for hours on any of the stores: a count over a 3-way product of every quad.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
DEADLINE_S = 2.0


def build_bundled(path: Path) -> None:
    from alignkg.app.cli.serve import seed
    from alignkg.graph import KnowledgeGraph

    with KnowledgeGraph.open(path) as kg:
        seed(kg)


def build_synthetic(path: Path, facts: int, work: Path) -> None:
    from _synthetic import generate
    from store_bench import write_nquads

    pairs = list(generate(facts))
    nquads = work / f"synthetic-{facts}.nq"
    write_nquads(pairs, nquads)
    store = pyoxigraph.Store(str(path))
    store.bulk_load(path=str(nquads), format=RdfFormat.N_QUADS)
    store.flush()
    del store
    nquads.unlink()


def in_process(path: Path) -> Callable[[str], Any]:
    store = pyoxigraph.Store(str(path))

    def run(sparql: str) -> Any:
        result = store.query(sparql, prefixes=ns.PREFIXES, use_default_graph_as_union=True)
        return bool(result) if isinstance(result, pyoxigraph.QueryBoolean) else list(result)

    run.store = store  # type: ignore[attr-defined]
    return run


def report_latency(label: str, run: Callable[[str], Any], repeat: int, base: dict[str, float]) -> dict[str, float]:
    times = {}
    for name, sparql in QUERIES.items():
        timing = measure(lambda s=sparql: run(s), repeat)
        times[name] = timing.median
        extra = f"  (+{(timing.median - base[name]) * 1000:.2f} ms)" if base else ""
        print(f"  {label:26}{name:14}{timing.median * 1000:9.2f} ms{extra}")
    return times


def measure_checkpoints(store: CheckpointStore, repeat: int) -> None:
    """Time a small write, then the first read after it (which makes the checkpoint), then a second read."""
    writes, firsts, seconds = [], [], []
    for i in range(repeat):
        start = time.perf_counter()
        store.update(f"INSERT DATA {{ GRAPH <urn:bench:g{i}> {{ <urn:bench:s> <urn:bench:p> {i} }} }}")
        writes.append(time.perf_counter() - start)
        start = time.perf_counter()
        store.query(QUERIES["ask"], prefixes=ns.PREFIXES)
        firsts.append(time.perf_counter() - start)
        start = time.perf_counter()
        store.query(QUERIES["ask"], prefixes=ns.PREFIXES)
        seconds.append(time.perf_counter() - start)

    def median(values: list[float]) -> str:
        return f"{sorted(values)[len(values) // 2] * 1000:.1f} ms"

    print(f"  a write: {median(writes)}; the first read after it (makes the checkpoint): {median(firsts)} "
          f"(max {max(firsts) * 1000:.1f} ms); the next read: {median(seconds)}")


def deadline_effect(label: str, slow: Callable[[], Any], pids: Callable[[], list[int]]) -> None:
    start = time.monotonic()
    outcome = "answered"
    try:
        slow()
    except (QueryLimitError, TimeoutError, OSError) as err:
        outcome = f"{type(err).__name__}"
    took = time.monotonic() - start
    before = cpu_seconds(pids())
    time.sleep(2.0)
    used = cpu_seconds(pids()) - before
    print(f"  {label}: {outcome} after {took:.2f} s (deadline {DEADLINE_S:g} s); CPU in the next 2 s: "
          f"{used / 2.0:.0%} of a core")


def pool_figures(path: Path, repeat: int, base: dict[str, float]) -> None:
    store = CheckpointStore(path, timeout_s=30, workers=4)
    try:
        store.query("ASK {}")
        report_latency("worker over a checkpoint", lambda s: _listed(store.query(s, prefixes=ns.PREFIXES)),
                       repeat, base)
        measure_checkpoints(store, max(5, repeat))
        worker_rss = [rss_mib(pid) for pid in store.pool.pids()]
        print(f"  worker RSS: {', '.join(f'{r:.0f}' for r in worker_rss)} MiB; this process {rss_mib(os.getpid()):.0f}"
              " MiB")

        def slow() -> Any:
            with deadline(DEADLINE_S):
                return store.query(SLOW)

        deadline_effect("slow query in a worker", slow, lambda: [os.getpid(), *store.pool.pids()])
    finally:
        store.close()


def _listed(result: Any) -> Any:
    return result if isinstance(result, bool) else list(result)


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def server_figures(binary: str, path: Path, work: Path, repeat: int, base: dict[str, float]) -> None:
    copy = work / "server-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(path, copy)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen([binary, "serve", "--location", str(copy), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph", "--timeout-s", f"{DEADLINE_S:g}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        conn = _connect(port, process)
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in ns.PREFIXES.items())

        def run(sparql: str, timeout: float = 60) -> bytes:
            conn.timeout = timeout
            body = urllib.parse.urlencode({"query": prologue + sparql})
            conn.request("POST", "/query", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                  "Accept": "text/tab-separated-values"})
            response = conn.getresponse()
            data = response.read()
            if response.status != 200:
                raise OSError(f"HTTP {response.status}: {data[:200]!r}")
            return data

        report_latency("Oxigraph server over HTTP", run, repeat, base)
        print(f"  server RSS: {rss_mib(process.pid):.0f} MiB")
        deadline_effect("slow query, --timeout-s", lambda: run(SLOW, timeout=120), lambda: [process.pid])
    finally:
        process.kill()
        process.wait()
        shutil.rmtree(copy, ignore_errors=True)


def _connect(port: int, process: subprocess.Popen[bytes]) -> http.client.HTTPConnection:
    limit = time.monotonic() + 30
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", "/")
            conn.getresponse().read()
            return conn
        except OSError:
            if process.poll() is not None or time.monotonic() > limit:
                raise
            time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="bundled,10000,100000", help="'bundled' and/or numbers of facts")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="1,000 facts, 3 runs, no server")
    args = parser.parse_args(argv)
    sizes: list[str | int] = ["1000"] if args.quick else args.size.split(",")
    repeat = 3 if args.quick else args.repeat
    print_header("Query deadlines: checkpoints and worker processes vs the Oxigraph server")
    print(f"cores {cpu_count()}; deadline of the slow query {DEADLINE_S:g} s")
    binary = None if args.quick else oxigraph_binary()
    with tempfile.TemporaryDirectory(prefix="alignkg-deadline-") as tmp:
        work = Path(tmp)
        for size in sizes:
            path = work / f"store-{size}"
            if size == "bundled":
                build_bundled(path)
            else:
                build_synthetic(path, parse_sizes(str(size))[0], work)
            run = in_process(path)
            quads = len(run.store)  # type: ignore[attr-defined]
            print(f"\n{size} ({quads:,} quads)")
            base = report_latency("in the process", run, repeat, {})
            del run
            pool_figures(path, repeat, base)
            if binary is not None:
                server_figures(binary, path, work, repeat, base)
            elif not args.quick:
                print("  Oxigraph server: skipped (no 'oxigraph' binary; pip install oxigraph)")
            shutil.rmtree(path, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
