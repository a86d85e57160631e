"""How fast does the HTTP service answer, against the ceiling of its own framework in the same run?

One question, answered in one run: under a bounded concurrent load, what requests/s and
p50/p99 latency do

* ``GET /facts?subject=RUS`` (one state's facts, a page of JSON),
* ``GET /states/IRN`` (a state with a page of its facts and their evidence),
* ``GET /states`` (every state with its fact counts),
* ``GET /sparql`` with a 2-hop join (``?x ak:armsTransfer ?y . ?y ak:militaryStrike ?z``, JSON
  results; the query of ``store_bench.py``, with ``LIMIT 100000``), the same text every time, and
* the same join with a distinct text per request (``LIMIT 100001``, ``LIMIT 100002``...: the same
  work, but nothing the server keeps by text can be reused)

reach, against ``GET /health`` of the same server (a constant answer that touches no store:
routing, middleware, dependencies, JSON and uvicorn, i.e. the framework's ceiling on this
machine). Goals, printed, never asserted: ``/facts`` at **at least 50%** of the ceiling's
requests/s; ``/sparql`` with distinct texts at **at least 80%** of the rate with one text.

``/facts`` and ``/states`` keep their answers until the next write (docs/decisions/
20261207-response-cache.md), so a repeated request is a cache hit. Each graph is therefore served
twice: with the cache (every endpoint), then without it (``ALIGNKG_RESPONSE_CACHE_BYTES=0``: every
request computed, which is what a miss, the first request after a write, costs), and both sets of
ratios are printed side by side. On each server ``/states``, ``/states/IRN`` and ``/states/USA`` are
then timed one request at a time (one connection), against the goal of issue 14: within **50 ms**.

Setup, for each size: a synthetic graph (``bench/_synthetic.py``, ``--size`` facts, seed fixed)
ingested with ``ingest_batch`` into a temporary on-disk store, then served by ``alignkg serve``
in a process of its own, as a deployment runs it (queries in worker processes over checkpoints,
one uvicorn worker, on 127.0.0.1, ``--max-client-requests`` raised above the concurrency so
that the one client is not refused). The load comes from ``wrk`` (Debian's ``wrk`` package), a C load
generator whose own cost is small beside the server's, so the ceiling is the server's and not
the client's (the project's Python client capped it near 900 req/s). Without ``wrk`` the script
falls back to a Python client in a second process (httpx, asyncio) and says so: its ceiling is
the client's. Each measurement lasts ``--duration`` seconds after a warm-up of the same
endpoint (and one warm-up of every endpoint before the first round, while the server's query
workers start); the endpoints take turns ``--repeat`` times and the median run is reported. The
machine's load average is printed with every round, and the server's memory at the end.

Run it from the repository root::

    PYTHONPATH=. python3 bench/http_bench.py                 # 10,000 and 100,000 facts, 10 s x 3
    PYTHONPATH=. python3 bench/http_bench.py --size 1000 --duration 5 --concurrency 4
    PYTHONPATH=. python3 bench/http_bench.py --quick         # 500 facts, 1 s, for smoke tests
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import _server
from _harness import parse_sizes, print_header, ratio, record
from _synthetic import SEED, generate

from alignkg.graph import KnowledgeGraph, __version__

DEFAULT_SIZES = (10_000, 100_000)
DEFAULT_DURATION = 10.0
DEFAULT_CONCURRENCY = 8
DEFAULT_REPEAT = 3
QUICK_SIZE, QUICK_DURATION, QUICK_CONCURRENCY = 500, 1.0, 2
FACTS_GOAL = 0.5
SPARQL_GOAL = 0.8
REPO = Path(__file__).resolve().parent.parent
TWO_HOP = "SELECT DISTINCT ?x WHERE { ?x ak:armsTransfer ?y . ?y ak:militaryStrike ?z }"
JSON_RESULTS = {"Accept": "application/sparql-results+json"}


@dataclass(frozen=True)
class Endpoint:
    """What one measurement requests: a label, a path with its query string, headers, and whether each text differs.

    A ``distinct`` endpoint's path ends where a counter goes (``...LIMIT%20`` + n), one number per request.
    """

    label: str
    path: str
    headers: dict[str, str]
    distinct: bool = False


ENDPOINTS: dict[str, Endpoint] = {
    "ceiling": Endpoint("GET /health (ceiling)", "/health", {}),
    "facts": Endpoint("GET /facts?subject=RUS", "/facts?subject=RUS", {}),
    "states": Endpoint("GET /states/IRN", "/states/IRN", {}),
    "states_list": Endpoint("GET /states", "/states", {}),
    "sparql": Endpoint("GET /sparql 2-hop join", "/sparql?" + urlencode({"query": TWO_HOP + " LIMIT 100000"},
                                                                       quote_via=quote), JSON_RESULTS),
    "sparql_distinct": Endpoint("GET /sparql 2-hop, distinct", "/sparql?query=" + quote(TWO_HOP + " LIMIT 10000"),
                                JSON_RESULTS, distinct=True),
}


#: What the server without its response cache is loaded with (/sparql is not cached: its figures are the same).
UNCACHED = ("ceiling", "facts", "states", "states_list")
#: Latency of one request at a time (one connection): the goal of issue 14 for the state pages at 100k facts.
LATENCY: dict[str, Endpoint] = {
    "states_list": ENDPOINTS["states_list"],
    "states": ENDPOINTS["states"],
    "states_usa": Endpoint("GET /states/USA", "/states/USA", {}),
}
LATENCY_GOAL_MS = 50.0
#: The environment of the server measured without its response cache.
NO_CACHE = {"ALIGNKG_RESPONSE_CACHE_BYTES": "0"}


@dataclass(frozen=True)
class Run:
    """One measurement: requests done, failures (transport errors, statuses other than 200), seconds, latencies."""

    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float

    @property
    def rate(self) -> float:
        """Requests per second, failures included."""
        return self.requests / self.seconds if self.seconds > 0 else 0.0


# --- wrk -----------------------------------------------------------------------------------------------
_LUA = """counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", %s)
end
"""
_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def lua_script(endpoint: Endpoint) -> str:
    """Return the wrk script that sends ``endpoint``'s path with its headers (and a counter if distinct).

    Example:
        >>> print(lua_script(Endpoint("x", "/a?q=LIMIT%20", {"Accept": "b"}, distinct=True)).splitlines()[4])
          return wrk.format("GET", "/a?q=LIMIT%20" .. (100000 + counter), {["Accept"] = "b"})
    """
    path = json.dumps(endpoint.path) + (" .. (100000 + counter)" if endpoint.distinct else "")
    headers = ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in endpoint.headers.items())
    return _LUA % f"{path}, {{{headers}}}"


def parse_wrk(output: str) -> Run:
    """Return the run that wrk's report (with ``--latency``) describes.

    Example:
        >>> run = parse_wrk('''  Latency Distribution
        ...      50%    1.50ms
        ...      99%  120.00us
        ...   3000 requests in 2.00s, 1.00MB read
        ...   Non-2xx or 3xx responses: 7
        ... Requests/sec:   1500.00''')
        >>> run.requests, run.errors, run.seconds, run.p50_ms, run.p99_ms
        (3000, 7, 2.0, 1.5, 0.12)
    """
    def latency(percent: str) -> float:
        found = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        return float(found.group(1)) * _UNITS[found.group(2)] if found else 0.0

    done = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    if done is None:
        raise RuntimeError(f"cannot read wrk's report:\n{output}")
    failed = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failed += sum(int(n) for n in socket.groups()) if socket else 0
    return Run(int(done.group(1)), failed, float(done.group(2)) * _UNITS[done.group(3)] / 1000.0,
               latency("50"), latency("99"))


def run_wrk(url: str, endpoint: Endpoint, concurrency: int, seconds: float) -> Run:
    """Load ``endpoint`` with wrk (one thread, ``concurrency`` connections) for ``seconds``."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua_script(endpoint))
    try:
        command = ["wrk", "-t1", f"-c{concurrency}", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "30s",
                   "-s", script.name, url]
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 60)  # noqa: S603
    finally:
        os.unlink(script.name)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return parse_wrk(done.stdout)


# --- the fallback: a Python client in a second process ---------------------------------------------------
async def _load(url: str, endpoint: Endpoint, concurrency: int, seconds: float) -> Run:
    import httpx

    latencies: list[float] = []
    errors = 0
    counter = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        start = time.perf_counter()

        async def worker() -> None:
            nonlocal errors, counter
            while time.perf_counter() < start + seconds:
                counter += 1
                path = endpoint.path + (str(100_000 + counter) if endpoint.distinct else "")
                begin = time.perf_counter()
                try:
                    ok = (await client.get(url + path, headers=endpoint.headers)).status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - begin)
                errors += not ok

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    ordered = sorted(latencies) or [0.0]
    return Run(len(latencies), errors, elapsed, ordered[len(ordered) // 2] * 1000,
               ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000)


def run_python(url: str, endpoint: Endpoint, concurrency: int, seconds: float) -> Run:
    """Load ``endpoint`` from a second Python process (when wrk is missing)."""
    job = json.dumps([url, endpoint.__dict__, concurrency, seconds])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--load-worker"], input=job,  # noqa: S603
                          capture_output=True, text=True, env=env, check=True, timeout=seconds + 120)
    return Run(*json.loads(done.stdout))


def load_worker() -> int:
    """Run one load job read from stdin (JSON) and print its Run as JSON."""
    url, fields, concurrency, seconds = json.loads(sys.stdin.read())
    run = asyncio.run(_load(url, Endpoint(**fields), concurrency, seconds))
    print(json.dumps([run.requests, run.errors, run.seconds, run.p50_ms, run.p99_ms]))
    return 0


# --- the run ---------------------------------------------------------------------------------------------
def build_store(path: Path, size: int) -> int:
    """Ingest ``size`` synthetic facts into an on-disk store; return the fact resources stored."""
    with KnowledgeGraph.open(path) as kg:
        for _ in kg.ingest_batch(generate(size, seed=SEED)):
            pass
        return int(kg.stats()["facts"])


def load_average() -> str:
    """Return the 1-, 5- and 15-minute load averages, as ``uptime`` prints them."""
    return ", ".join(f"{v:.2f}" for v in os.getloadavg())


def measure_all(store: Path, args: argparse.Namespace, load: str, *, cached: bool = True
                ) -> tuple[dict[str, list[Run]], dict[str, Run], float]:
    """Serve ``store`` with ``alignkg serve`` and load every endpoint in turn, then each of :data:`LATENCY` alone.

    ``cached=False`` serves without the response cache (``ALIGNKG_RESPONSE_CACHE_BYTES=0``): every request
    is a miss, what the first request after a write costs. Returns the runs, the one-connection runs and the
    server's MiB.
    """
    runner = run_wrk if load == "wrk" else run_python
    names = list(ENDPOINTS) if cached else list(UNCACHED[:2] if args.quick else UNCACHED)
    # --quick runs each line of the report once (wrk's shortest run is a second, of both cores):
    # without the cache the ceiling and /facts, and one state page at a time on each server.
    latency = {"states": LATENCY["states"]} if args.quick else LATENCY
    runs: dict[str, list[Run]] = {name: [] for name in names}
    # --quick starts one query worker more than its connections, not 8: each takes ~0.4 s of CPU to start.
    workers = args.concurrency + 1 if args.quick else max(8, args.concurrency)
    # Room for the requests a finished wrk run leaves in progress while the next one starts.
    process, url = _server.start(store, "--max-client-requests", str(4 * args.concurrency), "--query-workers",
                                 str(workers), "--no-seed", env=None if cached else NO_CACHE)
    # --quick checks that every measurement runs, so it skips the warm-ups that make the figures fair.
    warm = not args.quick
    try:
        for name in names if warm else ():  # the server's workers start and its caches fill before any timing
            runner(url, ENDPOINTS[name], args.concurrency, min(args.duration, 2.0))
        for round_ in range(args.repeat):
            for name in names:
                if warm:
                    runner(url, ENDPOINTS[name], args.concurrency, min(args.duration, 2.0))
                runs[name].append(runner(url, ENDPOINTS[name], args.concurrency, args.duration))
            print(f"round {round_ + 1}/{args.repeat} done ({'cached' if cached else 'no cache'}); "
                  f"load average {load_average()}")
        alone = {}
        for name, endpoint in latency.items():
            if warm:
                runner(url, endpoint, 1, min(args.duration, 2.0))
            alone[name] = runner(url, endpoint, 1, args.duration)
        memory = _server.rss_mib(process.pid)
    finally:
        _server.stop(process)
    return runs, alone, memory


def _rates(runs: dict[str, list[Run]], title: str) -> dict[str, float]:
    """Print requests/s, p50 and p99 per endpoint (the median run); return the rates by endpoint."""
    print(title)
    print(f"{'endpoint':30}{'requests':>10}{'errors':>8}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
    rates: dict[str, float] = {}
    for name, measured in runs.items():
        middle = sorted(measured, key=lambda r: r.rate)[len(measured) // 2]
        rates[name] = middle.rate
        print(f"{ENDPOINTS[name].label:30}{sum(r.requests for r in measured):>10,}"
              f"{sum(r.errors for r in measured):>8,}{middle.rate:>10,.0f}{middle.p50_ms:>10.2f}{middle.p99_ms:>10.2f}")
    print()
    return rates


def report(runs: dict[str, list[Run]], size: int, uncached: dict[str, list[Run]] | None = None,
           latency: dict[str, dict[str, Run]] | None = None) -> None:
    """Print both servers' tables, the ratios to each one's ceiling, the one-at-a-time latencies and the goals.

    The ratios of the server with its response cache are those of a repeated request; beside them,
    those of the server without it (every request a miss: the first request after a write).
    """
    rates = _rates(runs, "with the response cache (a repeated request is a hit until the next write)")
    misses = _rates(uncached, "without it (ALIGNKG_RESPONSE_CACHE_BYTES=0: every request computed, as a miss is)") \
        if uncached else {}
    ceiling = rates["ceiling"]
    for name in ("facts", "states", "states_list", "sparql", "sparql_distinct"):
        share = rates[name] / ceiling if ceiling > 0 else 0.0
        line = (f"ratio   {ENDPOINTS[name].label:30} / ceiling = {ratio(rates[name], ceiling)} ({share:.1%} of "
                f"{ceiling:,.0f} req/s)")
        if name in misses and misses.get("ceiling", 0) > 0:
            line += f"; uncached {misses[name] / misses['ceiling']:.1%} of {misses['ceiling']:,.0f} req/s"
        print(line)
    share = rates["facts"] / ceiling if ceiling > 0 else 0.0
    record(f"/facts?subject=RUS / /health, cached ({size:,} facts)", share, goal=f"at least {FACTS_GOAL:.0%}",
           unit="%")
    miss = misses["facts"] / misses["ceiling"] if misses.get("ceiling", 0) > 0 else None
    if miss is not None:
        record(f"/facts?subject=RUS / /health, uncached ({size:,} facts)", miss, unit="%")
    print(f"goal: /facts at least {FACTS_GOAL:.0%} of the ceiling -> {share:.1%} cached, "
          f"{'met' if share >= FACTS_GOAL else 'NOT met'}"
          + (f"; uncached {miss:.1%}, {'met' if miss >= FACTS_GOAL else 'NOT met'}" if miss is not None else ""))
    for label, alone in (latency or {}).items():
        print(f"one request at a time, {label}: " + ", ".join(
            f"{LATENCY[name].label} p50 {run.p50_ms:.1f} ms" for name, run in alone.items()))
    for label, alone in (latency or {}).items():
        worst = max(run.p50_ms for run in alone.values())
        print(f"goal: /states and /states/{{state}} within {LATENCY_GOAL_MS:.0f} ms ({label}) -> "
              f"{'met' if worst <= LATENCY_GOAL_MS else 'NOT met'} (slowest p50 {worst:.1f} ms)")
    distinct = rates["sparql_distinct"] / rates["sparql"] if rates["sparql"] > 0 else 0.0
    record(f"/sparql distinct texts / one text ({size:,} facts)", distinct, goal=f"at least {SPARQL_GOAL:.0%}",
           unit="%")
    print(f"goal: /sparql with distinct texts at least {SPARQL_GOAL:.0%} of one text's rate -> {distinct:.1%}, "
          f"{'met' if distinct >= SPARQL_GOAL else 'NOT met'}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--size", dest="sizes", type=_sizes, default=list(DEFAULT_SIZES),
                        help=f"facts in the graph, one server per size, comma-separated "
                             f"(default {','.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--duration", type=float, default=DEFAULT_DURATION,
                        help=f"seconds of load per measurement (default {DEFAULT_DURATION:g})")
    parser.add_argument("--concurrency", type=int, default=DEFAULT_CONCURRENCY,
                        help=f"connections kept busy at once (default {DEFAULT_CONCURRENCY})")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help=f"rounds of measurements, the endpoints in turn (default {DEFAULT_REPEAT})")
    parser.add_argument("--python-client", action="store_true", help="use the Python client even if wrk is there")
    parser.add_argument("--load-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_SIZE} facts, {QUICK_DURATION:g} s per measurement, 1 round, "
                             f"{QUICK_CONCURRENCY + 1} query workers, each report line measured once, "
                             "for smoke tests")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.duration, args.concurrency, args.repeat = ([QUICK_SIZE], QUICK_DURATION, QUICK_CONCURRENCY,
                                                                    1)
    for name in ("concurrency", "repeat"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.duration <= 0:
        parser.error("--duration must be positive")
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
    """For every size: build the graph, serve it, load each endpoint, print the report.

    Args:
        argv: the command-line arguments (``sys.argv[1:]`` when ``None``).

    Returns:
        The exit status, 0. Missing a goal is reported, not treated as a failure.
    """
    args = parse_args(argv)
    if args.load_worker:
        return load_worker()
    load = "wrk" if shutil.which("wrk") and not args.python_client else "python"
    print_header("alignkg HTTP service: /facts, /states, /sparql against the server's ceiling (/health)")
    print(f"service  alignkg {__version__} (alignkg serve, one uvicorn worker, queries in worker processes)")
    client = (subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False).stdout.split(" [")[0]
              if load == "wrk" else "a Python client (httpx) in a second process: wrk is missing, the ceiling is "
                                    "the client's (apt-get install wrk)")
    print(f"load     {client}; {args.concurrency} keep-alive connections, {args.duration:g} s per measurement after "
          f"a warm-up; {args.repeat} round(s), median run reported")
    print(f"data     bench/_synthetic.py, seed {SEED}, sizes {', '.join(f'{s:,}' for s in args.sizes)} facts")
    print(f"machine  load average {load_average()} (1, 5, 15 min) at the start")
    for size in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix="alignkg-http-bench-"))
        try:
            start = time.perf_counter()
            facts = build_store(tmp / "store", size)
            print()
            print(f"--- {size:,} facts ingested ({facts:,} distinct fact resources) in "
                  f"{time.perf_counter() - start:.1f} s")
            runs, alone, memory = measure_all(tmp / "store", args, load)
            uncached, alone_uncached, _ = measure_all(tmp / "store", args, load, cached=False)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        report(runs, size, uncached, {"cached": alone, "uncached": alone_uncached})
        print(f"server RSS at the end {memory:,.0f} MiB (its query workers apart); load average {load_average()}")
    if args.quick:
        print("(--quick: a tiny graph, 1 s per measurement and no warm-up; the figures are for smoke tests only)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
