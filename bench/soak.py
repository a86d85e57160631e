"""Does the server hold up under a minute of mixed reads and writes: requests served, errors, memory?

Against ``alignkg serve`` on the bundled data (a new store, seeded on start), on loopback
only: ``--clients`` threads, each from a loopback address of its own, send, for
``--seconds``, a mix of reads (``/facts``, ``/states/IRN``, ``/sparql``, ``/query``,
``/analysis/bloc``, ``/export``) and writes (a short article posted, then deleted). Every
second the server's resident memory (and its query workers') is sampled. It prints the
requests served, the errors by kind (status and code: the only ones by design are 429,
when a client has too many requests in progress, after which it waits as ``Retry-After``
says), and the memory after warm-up (the first 10 s) against the peak and the end. It
asserts nothing; every loop is bounded in time and stops by itself.

    PYTHONPATH=. python bench/soak.py                 # 60 s, 6 clients
    PYTHONPATH=. python bench/soak.py --quick         # 5 s, 2 clients
"""

from __future__ import annotations

import argparse
import collections
import itertools
import tempfile
import threading
import time
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
WARM_UP_S = 10.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--quick", action="store_true", help="5 s, 2 clients")
    args = parser.parse_args(argv)
    seconds, clients = (5.0, 2) if args.quick else (args.seconds, args.clients)
    print_header("Soak: mixed reads and writes against alignkg serve")
    print(f"cores {cpu_count()}; {clients} clients for {seconds:g} s")
    served = collections.Counter[str]()
    errors = collections.Counter[str]()
    lock = threading.Lock()
    serial = itertools.count()
    with tempfile.TemporaryDirectory(prefix="alignkg-soak-") as tmp:
        process, url = start(Path(tmp) / "store", env={"ALIGNKG_API_KEYS": KEY})
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
        samples: list[tuple[float, float, float]] = []
        while any(t.is_alive() for t in threads):
            samples.append((time.monotonic() - started, rss_mib(process.pid),
                            sum(rss_mib(pid) for pid in children(process.pid))))
            time.sleep(1.0)
        for thread in threads:
            thread.join()
        stop(process)
    total = sum(served.values())
    print(f"requests served: {total:,} ({total / seconds:.0f}/s): "
          + ", ".join(f"{path} {count:,}" for path, count in sorted(served.items())))
    print("errors: " + (", ".join(f"{kind} x{count}" for kind, count in sorted(errors.items())) or "none"))
    warm = [s for s in samples if s[0] >= min(WARM_UP_S, seconds / 2)] or samples
    print(f"server RSS: after warm-up {warm[0][1]:.0f} MiB, peak {max(s[1] for s in samples):.0f} MiB, "
          f"end {samples[-1][1]:.0f} MiB ({samples[-1][1] - warm[0][1]:+.0f} MiB since warm-up)")
    print(f"workers RSS: after warm-up {warm[0][2]:.0f} MiB, peak {max(s[2] for s in samples):.0f} MiB, "
          f"end {samples[-1][2]:.0f} MiB")
    every = max(1, len(samples) // 12)
    print("server RSS over time: " + ", ".join(f"{t:.0f} s {rss:.0f}" for t, rss, _ in samples[::every]) + " MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
