"""``python -m bench``: run every benchmark and print one table of the ratios they measured.

Each script (``bench/*.py``) answers its own question and prints its own report; what they
have in common is a ratio against a baseline measured in the same run, which each keeps
with :func:`_harness.record`. This runner calls the scripts one after the other in this
process, then prints those ratios as one table and writes it, with the machine and its load
before and after, to ``bench/results.md``.

Usage::

    python -m bench                       # every benchmark at its default size (tens of minutes)
    python -m bench --quick               # every benchmark at its smoke size (a few minutes)
    python -m bench --only extract_speed export_memory
    python -m bench --out /tmp/results.md

A script that fails is reported in the table and the others still run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))  # the scripts import ``_harness`` as a sibling module

import _harness  # noqa: E402

#: The scripts of the table, in order, with their arguments at the default and at the smoke size.
#: Long-running checks that give no ratio (``soak.py``, ``overload.py``, ``deadline_bench.py``) and
#: those that need a server installed apart (Virtuoso) are run by hand, as bench/README.md says.
SUITE: dict[str, tuple[list[str], list[str]]] = {
    "extract_speed": ([], ["--quick"]),
    "store_bench": ([], ["--quick"]),
    "analysis_bench": ([], ["--quick"]),
    "export_memory": ([], ["--quick"]),
    "ingest_memory": ([], ["--quick"]),
    "http_bench": ([], ["--quick"]),
    # The embedded store against `oxigraph serve` started by the script (its quick run loads only the first).
    "store_sizing": ([], ["--quick"]),
    "ingest_bench": (["--cluster"], ["--quick"]),
}


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"no benchmark script {name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def run(names: list[str], *, quick: bool) -> dict[str, str]:
    """Run the named scripts; return the outcome of each ("ok", or the error it ended with)."""
    outcomes: dict[str, str] = {}
    _harness.FINDINGS.clear()
    for name in names:
        full, smoke = SUITE[name]
        _harness.CURRENT["bench"] = name
        print(f"\n{'#' * 8} {name} {' '.join(smoke if quick else full)}\n", flush=True)
        try:
            code = _load(name).main(smoke if quick else full)
            outcomes[name] = "ok" if code in (0, None) else f"exit code {code}"
        except Exception as err:  # noqa: BLE001 - one failing benchmark must not stop the others
            traceback.print_exc()
            outcomes[name] = f"failed: {type(err).__name__}: {err}"
        finally:
            _harness.CURRENT["bench"] = ""
    return outcomes


def table(findings: list[_harness.Finding], outcomes: dict[str, str]) -> list[str]:
    """The Markdown table of every ratio, then a line for each script that gave none."""
    lines = ["| benchmark | ratio | value | goal |", "|---|---|---|---|"]
    lines += [f"| {f.bench} | {f.name} | {f.shown()} | {f.goal} |" for f in findings]
    for name, outcome in outcomes.items():
        if outcome != "ok" or not any(f.bench == name for f in findings):
            lines.append(f"| {name} | ({outcome}; no ratio recorded) | | |")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table, write it with the machine to ``--out``."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every benchmark at its smoke size")
    parser.add_argument("--only", nargs="+", choices=sorted(SUITE), help="run only these benchmarks")
    parser.add_argument("--out", type=Path, default=BENCH / "results.md", help="where to write the table")
    args = parser.parse_args(argv)
    before = _harness.machine()
    started = dt.datetime.now(dt.UTC)
    outcomes = run(args.only or list(SUITE), quick=args.quick)
    rows = table(_harness.FINDINGS, outcomes)
    print("\n" + "\n".join(rows))
    after = _harness.machine()[-1]
    minutes = (dt.datetime.now(dt.UTC) - started).total_seconds() / 60
    text = ["# Benchmark results", "",
            f"`python -m bench{' --quick' if args.quick else ''}`, {started:%Y-%m-%d %H:%M} UTC, {minutes:.1f} min. "
            "Every ratio is measured against its baseline in the same run (bench/README.md says what each compares).",
            "", "Machine: " + "; ".join(before) + f" (at the start); {after} (at the end).", "", *rows, ""]
    args.out.write_text("\n".join(text), encoding="utf-8")
    print(f"\nwritten: {args.out}")
    return 0 if all(o == "ok" for o in outcomes.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
