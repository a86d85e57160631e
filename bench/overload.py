"""Does the server recover at once from over-deadline queries (issue 11's "Done when")?

Against ``alignkg serve`` on the bundled data (a new store, seeded on start): four
over-deadline SPARQL queries and four over-deadline pattern queries in parallel (from two
loopback addresses, as ``max_client_requests`` is 4 per client); once all
eight have their 504, wait 2 s, then measure over 1 s the CPU of the server process and of
its query workers, time a cheap SPARQL query, and compare the server's resident memory with
where it started. The targets (under 5% CPU, the cheap query within 1 s, RSS within 100 MB)
are printed beside the figures, never asserted.

    PYTHONPATH=. python bench/overload.py                 # the default deadline, 10 s
    PYTHONPATH=. python bench/overload.py --quick         # a 2 s deadline
"""

from __future__ import annotations

import argparse
import concurrent.futures
import tempfile
import time
from pathlib import Path

import httpx
from _harness import cpu_count, print_header
from _server import children, cpu_seconds, rss_mib, start, stop

SPARQL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PATTERN = "?a any ?b . ?c any ?d . ?e any ?f . ?g any ?h limit 1 order by ?a"
CHEAP = "ASK { state:IRN a ak:State }"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=10.0, help="the server's query_timeout_s")
    parser.add_argument("--quick", action="store_true", help="a 2 s deadline")
    args = parser.parse_args(argv)
    timeout = 2.0 if args.quick else args.timeout
    print_header("Over-deadline queries: does the server recover at once?")
    print(f"cores {cpu_count()}; query_timeout_s {timeout:g}")
    with tempfile.TemporaryDirectory(prefix="alignkg-overload-") as tmp:
        process, url = start(Path(tmp) / "store", "--query-timeout", f"{timeout:g}")
        try:
            with httpx.Client(base_url=url, timeout=120) as http:
                for _ in range(5):  # warm: every route once
                    http.get("/sparql", params={"query": CHEAP})
                    http.post("/query", json={"pattern": "?x arms_transfer RUS"})
                time.sleep(2.0)
                rss_start = rss_mib(process.pid)
                workers_start = sum(rss_mib(pid) for pid in children(process.pid))
                print(f"server RSS at the start {rss_start:.0f} MiB (workers {workers_start:.0f} MiB)")

                def slow(i: int) -> tuple[str, int, float]:
                    began = time.monotonic()
                    # Two clients (loopback addresses), four queries each: max_client_requests is 4.
                    source = httpx.HTTPTransport(local_address="127.0.0.2" if i < 4 else "127.0.0.3")
                    with httpx.Client(base_url=url, timeout=120, transport=source) as own:
                        if i < 4:
                            answer = own.get("/sparql", params={"query": SPARQL})
                        else:
                            answer = own.post("/query", json={"pattern": PATTERN})
                    return ("sparql" if i < 4 else "pattern"), answer.status_code, time.monotonic() - began

                with concurrent.futures.ThreadPoolExecutor(8) as pool:
                    answers = list(pool.map(slow, range(8)))
                for kind, status, seconds in answers:
                    print(f"  {kind:8} {status} after {seconds:.2f} s")
                time.sleep(2.0)
                pids = [process.pid, *children(process.pid)]
                before = cpu_seconds(pids)
                time.sleep(1.0)
                cpu = cpu_seconds(pids) - before
                began = time.monotonic()
                cheap = http.get("/sparql", params={"query": CHEAP})
                latency = time.monotonic() - began
                rss_end = rss_mib(process.pid)
                workers_end = sum(rss_mib(pid) for pid in children(process.pid))
            print(f"2 s after the 504s: CPU of the server and its workers {cpu:.0%} of a core (target: under 5%)")
            print(f"a cheap SPARQL query: {cheap.status_code} in {latency * 1000:.0f} ms (target: within 1 s)")
            print(f"server RSS {rss_end:.0f} MiB, {rss_end - rss_start:+.0f} MiB from the start (target: within "
                  f"100 MB); workers {workers_end:.0f} MiB ({workers_end - workers_start:+.0f} MiB)")
        finally:
            stop(process)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
