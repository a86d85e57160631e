"""Smoke test of the HTTP benchmark: it runs, offline and fast, and print their report."""

import pytest


def test_http_bench_quick_prints_rates_latencies_and_the_goal(load_script, capsys):
    http_bench = load_script("http_bench")

    assert http_bench.main(["--quick"]) == 0

    out = capsys.readouterr().out
    for label in ("GET /health (ceiling)", "GET /facts?subject=RUS", "GET /states/IRN", "GET /sparql 2-hop join",
                  "GET /sparql 2-hop, distinct"):
        line = next(line for line in out.splitlines() if line.startswith(label))
        requests, errors = line[len(label):].split()[:2]
        assert int(requests.replace(",", "")) > 0 and errors == "0", line
    assert "p50 ms" in out and "p99 ms" in out and "req/s" in out
    assert out.count("/ ceiling = ") == 5
    assert "goal: /facts at least 50% of the ceiling -> " in out and "% cached, " in out and "; uncached " in out
    assert "without it (ALIGNKG_RESPONSE_CACHE_BYTES=0" in out
    assert "goal: /states and /states/{state} within 50 ms (uncached) -> " in out
    assert "goal: /sparql with distinct texts at least 80% of one text's rate -> " in out
    assert "load average" in out


def test_http_bench_reads_wrk_reports_and_writes_its_scripts(load_script):
    http_bench = load_script("http_bench")
    report = ("Running 5s test @ http://127.0.0.1:1/health\n  Latency Distribution\n     50%  812.00us\n"
              "     75%    1.20ms\n     90%    2.00ms\n     99%    1.50s\n  9000 requests in 5.00s, 1.2MB read\n"
              "  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 4\n"
              "Requests/sec:   1800.00\n")
    run = http_bench.parse_wrk(report)
    assert (run.requests, run.errors, run.seconds, run.p50_ms, run.p99_ms) == (9000, 7, 5.0, 0.812, 1500.0)
    assert run.rate == 1800.0
    with pytest.raises(RuntimeError):
        http_bench.parse_wrk("unable to connect")
    distinct = http_bench.ENDPOINTS["sparql_distinct"]
    script = http_bench.lua_script(distinct)
    assert "(100000 + counter)" in script and '["Accept"] = "application/sparql-results+json"' in script
    assert "counter" not in http_bench.lua_script(http_bench.ENDPOINTS["facts"]).split("wrk.format")[1]
