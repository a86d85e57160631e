"""Does the server hold up under mixed reads and writes: requests served, errors, and memory after warm-up?

Against ``alignkg serve`` on the bundled data (a new store, seeded on start), on loopback
only: ``--clients`` threads, each from a loopback address of its own, send, for
``--seconds``, a mix of reads (``/facts``, ``/states/IRN``, ``/sparql``, ``/query``,
``/analysis/bloc``, ``/export``) and writes (a short article posted, then deleted). Every
second the resident memory of the server and of its query workers is sampled; every
``--every`` seconds a line of the series is printed as it comes.

At the end it prints the requests served, the errors by kind (status and code: the only
ones by design are 429, when a client has too many requests in progress, after which it
waits as ``Retry-After`` says), and for the server and the workers: the warm-up window,
the memory at its end, the peak, the final memory, the growth after warm-up (the median of
the last 5 samples against the median of the first 5 after warm-up, so that one request's
passing allocation does not count as growth) and the least-squares slope after warm-up in
MiB per minute. A verdict line says whether memory stayed flat after warm-up (growth at
most ``--tolerance`` MiB) and whether any error was not by design. It asserts nothing (its
exit status is 0 either way); every loop is bounded in time and stops by itself.

    PYTHONPATH=. python bench/soak.py                 # 60 s, 6 clients, 20 s warm-up
    PYTHONPATH=. python bench/soak.py --seconds 180   # the run that shows a trend (30 s warm-up)
    PYTHONPATH=. python bench/soak.py --quick         # 6 s, 2 clients
    PYTHONPATH=. python bench/soak.py --seconds 180 --server-env ALIGNKG_STORE_REOPEN_WRITES=0   # before the fix
"""

from __future__ import annotations

import argparse
import collections
import itertools
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from _harness import cpu_count, print_header
from _server import children, rss_mib, start, stop

KEY = "soak-key"
READS = [
    ("GET", "/facts", {"params": {"subject": "RUS"}}),
    ("GET", "/states/IRN", {}),
    ("GET", "/sparql", {"params": {"query": "SELECT ?x WHERE { ?x ak:nonIntervention state:IRN }"}}),
    ("POST", "/query", {"json": {"pattern": "?x arms_transfer RUS with evidence"}}),
    ("GET", "/analysis/bloc", {"params": {"states": ["RUS", "CHN", "PRK", "IRN"]}}),
    ("GET", "/export", {"params": {"state": "IRN", "format": "turtle"}}),
]
#: The longest warm-up: the server's first requests load the extractor, start workers, fill caches.
WARM_UP_S = 30.0
#: Growth after warm-up, in MiB, that still counts as flat (RSS moves by a few MiB with the requests in flight).
TOLERANCE_MIB = 4.0
#: Samples (one a second) whose median stands for the memory at the end of warm-up and at the end.
WINDOW = 5
#: Errors by design: the status codes a client is told to retry after.
BY_DESIGN = ("429",)


@dataclass(frozen=True)
class Sample:
    """One reading: seconds since the clients started, the server's RSS, its workers' RSS (sum) and count."""

    at: float
    server: float
    workers: float
    worker_count: int


@dataclass(frozen=True)
class Memory:
    """The memory of one process (or group) over a run, after a warm-up."""

    warm_up_s: float
    after_warm_up: float  # median of the first WINDOW samples from the end of warm-up
    peak: float
    final: float  # median of the last WINDOW samples
    growth: float  # final - after_warm_up
    slope: float  # MiB per minute, least squares over the samples after warm-up

    def flat(self, tolerance: float) -> bool:
        """Whether memory did not grow after warm-up by more than ``tolerance`` MiB."""
        return self.growth <= tolerance

    def describe(self) -> str:
        return (f"after warm-up ({self.warm_up_s:g} s) {self.after_warm_up:.0f} MiB, peak {self.peak:.0f} MiB, "
                f"final {self.final:.0f} MiB: {self.growth:+.1f} MiB after warm-up, {self.slope:+.2f} MiB/min")


def memory(points: list[tuple[float, float]], warm_up_s: float) -> Memory:
    """Summarize ``(seconds, MiB)`` samples: what the memory did after the first ``warm_up_s`` seconds."""
    if not points:
        raise ValueError("no samples")
    after = [p for p in points if p[0] >= warm_up_s] or points[-1:]
    start = statistics.median(v for _, v in after[:WINDOW])
    final = statistics.median(v for _, v in after[-WINDOW:])
    return Memory(warm_up_s, start, max(v for _, v in points), final, final - start, slope_per_minute(after))


def slope_per_minute(points: list[tuple[float, float]]) -> float:
    """Return the least-squares slope of ``(seconds, MiB)`` points, in MiB per minute (0 for fewer than 2)."""
    if len(points) < 2:
        return 0.0
    mean_t = statistics.fmean(t for t, _ in points)
    mean_v = statistics.fmean(v for _, v in points)
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    if spread == 0:
        return 0.0
    return 60 * sum((t - mean_t) * (v - mean_v) for t, v in points) / spread


def verdict(server: Memory, workers: Memory, errors: collections.Counter[str], tolerance: float) -> str:
    """Return the verdict line: memory flat after warm-up or not, errors other than by design or not."""
    unexpected = {kind: n for kind, n in errors.items() if not kind.startswith(BY_DESIGN)}
    parts = []
    for name, mem in (("server", server), ("workers", workers)):
        state = "flat" if mem.flat(tolerance) else "GROWS"
        parts.append(f"{name} memory {state} after warm-up ({mem.growth:+.1f} MiB, {mem.slope:+.2f} MiB/min)")
    errors_part = ("no errors except by design" if not unexpected else
                   "ERRORS not by design: " + ", ".join(f"{k} x{n}" for k, n in sorted(unexpected.items())))
    ok = server.flat(tolerance) and workers.flat(tolerance) and not unexpected
    return f"verdict: {'PASS' if ok else 'FAIL'}: " + "; ".join(parts) + f" (tolerance {tolerance:g} MiB); " \
        + errors_part


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--warm-up", type=float, default=None,
                        help=f"seconds left out of the growth (default: a third of the run, at most {WARM_UP_S:g})")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between the lines of the series")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE_MIB,
                        help="growth after warm-up, in MiB, that still counts as flat")
    parser.add_argument("--server-env", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable of the server (repeat), e.g. ALIGNKG_STORE_REOPEN_WRITES=0")
    parser.add_argument("--quick", action="store_true", help="6 s, 2 clients, 2 s warm-up")
    args = parser.parse_args(argv)
    seconds, clients = (6.0, 2) if args.quick else (args.seconds, args.clients)
    warm_up = args.warm_up if args.warm_up is not None else (2.0 if args.quick else min(WARM_UP_S, seconds / 3))
    env = {"ALIGNKG_API_KEYS": KEY}
    for item in args.server_env:
        name, _, value = item.partition("=")
        env[name] = value
    print_header("Soak: mixed reads and writes against alignkg serve")
    print(f"cores {cpu_count()}; {clients} clients for {seconds:g} s; warm-up {warm_up:g} s; "
          f"server environment: {', '.join(args.server_env) or 'default'}")
    served = collections.Counter[str]()
    errors = collections.Counter[str]()
    lock = threading.Lock()
    serial = itertools.count()
    samples: list[Sample] = []
    with tempfile.TemporaryDirectory(prefix="alignkg-soak-") as tmp:
        process, url = start(Path(tmp) / "store", env=env)
        stop_at = time.monotonic() + seconds

        def client(number: int) -> None:
            source = httpx.HTTPTransport(local_address=f"127.0.0.{10 + number}")  # a client address of its own
            with httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {KEY}"},
                              transport=source) as http:
                for turn in itertools.count():
                    if time.monotonic() >= stop_at:
                        return
                    if turn % 7 == 6:
                        article = f"soak-{number}-{next(serial)}"
                        text = f"Japan condemned Iran ({turn})."
                        calls = [("POST", "/articles", {"json": {"id": article, "text": text}}),
                                 ("DELETE", f"/articles/{article}", {})]
                    else:
                        calls = [READS[(number + turn) % len(READS)]]
                    for method, path, options in calls:
                        try:
                            answer = http.request(method, path, **options)
                            ok = answer.status_code < 400
                            kind = "ok" if ok else f"{answer.status_code} {answer.json()['error']}"
                        except httpx.HTTPError as err:
                            kind = f"transport {type(err).__name__}"
                        with lock:
                            (served if kind == "ok" else errors)[kind if kind != "ok" else path.split("/")[1]] += 1
                        if kind != "ok":
                            if kind.startswith("429"):  # by design: wait as Retry-After says
                                time.sleep(float(answer.headers.get("Retry-After", "1")))
                            break  # no DELETE of an article that was not stored

        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        print(f"{'time s':>7} {'server MiB':>11} {'workers MiB':>12} {'workers':>8} {'requests':>9}")
        next_line = 0.0
        while any(t.is_alive() for t in threads):
            pids = children(process.pid)
            sample = Sample(time.monotonic() - started, rss_mib(process.pid), sum(rss_mib(pid) for pid in pids),
                            len(pids))
            samples.append(sample)
            if sample.at >= next_line:
                with lock:
                    done = sum(served.values()) + sum(errors.values())
                print(f"{sample.at:7.0f} {sample.server:11.1f} {sample.workers:12.1f} {sample.worker_count:8d} "
                      f"{done:9,}", flush=True)
                next_line += args.every
            time.sleep(1.0)
        for thread in threads:
            thread.join()
        stop(process)
    total = sum(served.values())
    print(f"requests served: {total:,} ({total / seconds:.0f}/s): "
          + ", ".join(f"{path} {count:,}" for path, count in sorted(served.items())))
    print("errors by kind: " + (", ".join(f"{kind} x{count}" for kind, count in sorted(errors.items())) or "none"))
    server = memory([(s.at, s.server) for s in samples], warm_up)
    workers = memory([(s.at, s.workers) for s in samples], warm_up)
    counts = sorted({s.worker_count for s in samples if s.at >= warm_up})
    print(f"server RSS: {server.describe()}")
    print(f"workers RSS (all of them): {workers.describe()}; workers running after warm-up: "
          f"{', '.join(map(str, counts)) or 'none'}")
    print(verdict(server, workers, errors, args.tolerance))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
