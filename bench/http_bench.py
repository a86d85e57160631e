"""How fast does the HTTP service answer, against the ceiling of its own framework in the same run?

One question, answered in one run: under a bounded concurrent load, what requests/s and
p50/p99 latency do

* ``GET /facts?subject=RUS`` (a filtered fact listing, a page of JSON) and
* ``GET /sparql`` with a 2-hop join (``?x ak:armsTransfer ?y . ?y ak:militaryStrike ?z``,
  JSON results; the same query as ``store_bench.py``)

reach, against ``GET /health`` of the same application (a constant answer that touches no
store: routing, middleware, dependencies, JSON and uvicorn, i.e. the framework's ceiling on
this machine). Goal: ``/facts`` at **at least 50%** of the ceiling's requests/s. The goal is
printed, never asserted.

Setup, for each size: a synthetic graph (``bench/_synthetic.py``, ``--size`` facts, seed fixed) ingested
with ``ingest_extraction`` into a temporary on-disk store; ``create_app`` served by uvicorn in
a thread of this process on 127.0.0.1 (a free port, one worker, as ``alignkg serve`` runs);
the load sent from a second process (this script with ``--load-worker``, fed jobs through a pipe)
holding ``--concurrency`` connections with httpx's async client, each endpoint in turn, ``--requests`` requests per
measurement or ``--time-limit`` seconds, whichever ends first. Every measurement comes after
a warm-up of the same endpoint; with ``--repeat`` > 1 the endpoints are measured in turn
(health, facts, sparql) that many times and the median run is reported, latencies pooled.
Both processes share the machine's cores, so the client's own cost is inside every figure,
the ceiling's too: the ratio is what the goal is about.

Run it from the repository root::

    PYTHONPATH=. python3 bench/http_bench.py                 # 1,000 and 10,000 facts, 2,000 requests x 3
    PYTHONPATH=. python3 bench/http_bench.py --size 50000 --concurrency 16
    PYTHONPATH=. python3 bench/http_bench.py --quick         # 500 facts, 100 requests, for smoke tests
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import fastapi
import httpx
import uvicorn
from _harness import parse_sizes, print_header, ratio
from _synthetic import SEED, generate

from alignkg.app.api.main import create_app
from alignkg.app.settings import Settings
from alignkg.graph import KnowledgeGraph, __version__

DEFAULT_SIZES = (1_000, 10_000)
DEFAULT_REQUESTS = 2_000
DEFAULT_CONCURRENCY = 8
DEFAULT_REPEAT = 3
DEFAULT_TIME_LIMIT = 30.0
QUICK_SIZE, QUICK_REQUESTS, QUICK_CONCURRENCY = 500, 100, 4
GOAL = 0.5
REPO = Path(__file__).resolve().parent.parent
TWO_HOP = "SELECT DISTINCT ?x WHERE { ?x ak:armsTransfer ?y . ?y ak:militaryStrike ?z } ORDER BY ?x"
ENDPOINTS: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {
    "ceiling": ("/health", {}, {}),
    "facts": ("/facts", {"subject": "RUS"}, {}),
    "sparql": ("/sparql", {"query": TWO_HOP}, {"Accept": "application/sparql-results+json"}),
}
LABELS = {"ceiling": "GET /health (ceiling)", "facts": "GET /facts?subject=RUS", "sparql": "GET /sparql 2-hop join"}


@dataclass(frozen=True)
class Run:
    """One measurement: seconds per request, failed requests, wall-clock seconds."""

    latencies: tuple[float, ...]
    errors: int
    seconds: float

    @property
    def rate(self) -> float:
        """Requests per second, failures included."""
        return (len(self.latencies) + self.errors) / self.seconds if self.seconds > 0 else 0.0


# --- the load, in a second process -----------------------------------------------------------------
async def _load(url: str, params: dict[str, str], headers: dict[str, str], requests: int, concurrency: int,
                time_limit: float) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        start = time.perf_counter()
        deadline = start + time_limit

        async def worker() -> None:
            nonlocal errors, sent
            while sent < requests and time.perf_counter() < deadline:
                sent += 1
                begin = time.perf_counter()
                try:
                    response = await client.get(url, params=params, headers=headers)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                if ok:
                    latencies.append(time.perf_counter() - begin)
                else:
                    errors += 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return latencies, errors, elapsed


def load_worker() -> int:
    """Run load jobs read from stdin, one JSON line each; answer each with one JSON line on stdout.

    A job is ``[url, params, headers, requests, concurrency, time_limit]``; the answer
    ``[latencies, errors, seconds]``. The worker ends at end of input.
    """
    for line in sys.stdin:
        latencies, errors, seconds = asyncio.run(_load(*json.loads(line)))
        sys.stdout.write(json.dumps([latencies, errors, seconds]) + "\n")
        sys.stdout.flush()
    return 0


class LoadProcess:
    """The second process: this script run with ``--load-worker``, fed jobs through a pipe."""

    def __enter__(self) -> LoadProcess:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--load-worker"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
        return self

    def run(self, url: str, params: dict[str, str], headers: dict[str, str], requests: int, concurrency: int,
            time_limit: float) -> Run:
        """Send one job and wait for its answer."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps([url, params, headers, requests, concurrency, time_limit]) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the load process ended (exit status {self.process.poll()})")
        latencies, errors, seconds = json.loads(answer)
        return Run(tuple(latencies), errors, seconds)

    def __exit__(self, *exc: object) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- the server, in this process ---------------------------------------------------------------------
def build_store(path: Path, size: int) -> int:
    """Ingest ``size`` synthetic facts into an on-disk store; return the fact resources stored."""
    with KnowledgeGraph.open(path) as kg:
        for article, extraction in generate(size, seed=SEED):
            kg.ingest_extraction(article, extraction)
        return int(kg.stats()["facts"])


class Server:
    """uvicorn on 127.0.0.1, a free port, in a thread (as the HTTP tests run it)."""

    def __init__(self, kg: KnowledgeGraph, store: Path) -> None:
        # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP (uvicorn's
        # own binding does); without it every keep-alive response waits ~40 ms for a delayed ACK.
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        app = create_app(Settings(store_path=store), kg=kg)
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.01)
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)


# --- report ------------------------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """Return the ``q``-quantile (0..1) of ``values``, nearest rank; 0 when there are none.

    Example:
        >>> percentile([1.0, 2.0, 3.0, 4.0], 0.5), percentile([1.0, 2.0, 3.0, 4.0], 0.99)
        (2.0, 4.0)
    """
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q * len(ordered) + 0.5)))
    return ordered[rank - 1]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", dest="sizes", type=_sizes, default=list(DEFAULT_SIZES),
                        help=f"facts in the graph, one measurement per size, comma-separated "
                             f"(default {','.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--requests", type=int, default=DEFAULT_REQUESTS,
                        help=f"requests per measurement (default {DEFAULT_REQUESTS:,})")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY,
                        help=f"requests in flight at once (default {DEFAULT_CONCURRENCY})")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help=f"measurements of each endpoint, in turn (default {DEFAULT_REPEAT})")
    parser.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT,
                        help=f"seconds a measurement may last at most (default {DEFAULT_TIME_LIMIT:g})")
    parser.add_argument("--load-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_SIZE} facts, {QUICK_REQUESTS} requests, 1 run, for smoke tests")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.requests, args.concurrency, args.repeat = [QUICK_SIZE], QUICK_REQUESTS, QUICK_CONCURRENCY, 1
    for name in ("requests", "concurrency", "repeat"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    return args


def _sizes(text: str) -> list[int]:
    try:
        sizes = parse_sizes(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected sizes like 1000,10000, not {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    """For every size: build the graph, serve it, load each endpoint from a second process, print the report.

    Args:
        argv: the command-line arguments (``sys.argv[1:]`` when ``None``).

    Returns:
        The exit status, 0. Missing the goal is reported, not treated as a failure.
    """
    args = parse_args(argv)
    if args.load_worker:
        return load_worker()
    print_header("alignkg HTTP service: /facts and a 2-hop /sparql against the framework's ceiling (/health)")
    print(f"service  alignkg {__version__}, fastapi {fastapi.__version__}, uvicorn {uvicorn.__version__}, "
          f"httpx {httpx.__version__} (load client)")
    print(f"data     bench/_synthetic.py, seed {SEED}, sizes {', '.join(f'{s:,}' for s in args.sizes)} facts, "
          "each in its own temporary on-disk store")
    print(f"load     a second process, {args.concurrency} concurrent keep-alive connections, "
          f"{args.requests:,} requests per measurement (or {args.time_limit:g} s), after a warm-up; "
          f"{args.repeat} run(s) per endpoint, median run reported")
    for size in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="alignkg-http-bench-"))
        try:
            start = time.perf_counter()
            facts = build_store(tmp / "store", size)
            print()
            print(f"--- {size:,} facts ingested ({facts:,} distinct fact resources) in "
                  f"{time.perf_counter() - start:.1f} s")
            runs = measure_all(tmp / "store", args)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        report(runs, args)
    if args.quick:
        print("(--quick: a tiny graph and few requests; the figures are for smoke tests only)")
    return 0


def measure_all(store: Path, args: argparse.Namespace) -> dict[str, list[Run]]:
    """Serve ``store`` and load every endpoint ``args.repeat`` times from a second process."""
    runs: dict[str, list[Run]] = {name: [] for name in ENDPOINTS}
    with KnowledgeGraph.open(store) as kg, Server(kg, store) as url, LoadProcess() as load:
        for _ in range(args.repeat):
            for name, (path, params, headers) in ENDPOINTS.items():
                load.run(url + path, params, headers, max(20, args.requests // 10), args.concurrency,
                         args.time_limit)  # warm-up
                runs[name].append(load.run(url + path, params, headers, args.requests, args.concurrency,
                                           args.time_limit))
    return runs


def report(runs: dict[str, list[Run]], args: argparse.Namespace) -> None:
    """Print requests/s, p50 and p99 per endpoint, the ratios to the ceiling and the goal."""
    print(f"{'endpoint':26}{'requests':>10}{'errors':>8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
    rates: dict[str, float] = {}
    for name, measured in runs.items():
        latencies = [s for run in measured for s in run.latencies]
        rates[name] = statistics.median(run.rate for run in measured)
        done = sum(len(run.latencies) + run.errors for run in measured)
        errors = sum(run.errors for run in measured)
        print(f"{LABELS[name]:26}{done:>10,}{errors:>8,}{rates[name]:>10,.0f}"
              f"{percentile(latencies, 0.5) * 1000:>10.2f}{percentile(latencies, 0.99) * 1000:>10.2f}")
    print()
    ceiling = rates["ceiling"]
    for name in ("facts", "sparql"):
        print(f"ratio   {LABELS[name]:26} / ceiling = {ratio(rates[name], ceiling)} "
              f"({rates[name] / ceiling:.0%} of {ceiling:,.0f} req/s)" if ceiling > 0 else f"ratio   {name}: n/a")
    share = rates["facts"] / ceiling if ceiling > 0 else 0.0
    verdict = "met" if share >= GOAL else "NOT met"
    print(f"goal: /facts at least {GOAL:.0%} of the ceiling -> {share:.0%}, {verdict}")


if __name__ == "__main__":
    raise SystemExit(main())
