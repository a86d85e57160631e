"""Shared helpers of the benchmark scripts: a timer, a header and ratio formatting.

Which question does this answer? None on its own: it only makes every script in
``bench/`` time things the same way (one untimed warm-up, then ``repeat`` timed
runs, reporting the minimum and the median) and describe the machine it ran on,
so that numbers from different scripts and runs can be put side by side.

Only the standard library and the project's own dependencies are used.
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Timing:
    """Wall-clock times of repeated runs of one function.

    Attributes:
        runs: the seconds of each timed run, in the order they ran (the warm-up excluded).
        result: what the last timed run returned, so that callers can count what was
            produced without running the function once more.
    """

    runs: tuple[float, ...]
    result: Any = field(default=None, repr=False, compare=False)

    @property
    def min(self) -> float:
        """The fastest run in seconds: the least disturbed by other work on the machine."""
        return min(self.runs)

    @property
    def median(self) -> float:
        """The median run in seconds."""
        return statistics.median(self.runs)

    def __str__(self) -> str:
        return f"min {self.min:.3f} s, median {self.median:.3f} s over {len(self.runs)} run(s)"


def measure(fn: Callable[[], Any], repeat: int) -> Timing:
    """Time ``fn()`` ``repeat`` times after one untimed warm-up call.

    The garbage collector is run before every call so that garbage left by one run
    is not collected, and paid for, during the next; it stays enabled during the
    calls, as it would in real use.

    Args:
        fn: the work to time, called without arguments.
        repeat: how many timed runs; at least 1.

    Returns:
        The times of the timed runs and the value the last one returned.

    Raises:
        ValueError: ``repeat`` is less than 1.
    """
    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, not {repeat}")
    result = fn()  # warm-up: caches, lazy imports, lookup tables
    runs: list[float] = []
    for _ in range(repeat):
        result = None  # let the previous result go before the next run allocates its own
        gc.collect()
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    return Timing(tuple(runs), result)


def measure_interleaved(fns: dict[str, Callable[[], Any]], repeat: int) -> dict[str, Timing]:
    """Time several functions in turn, one run of each per round, after one warm-up of each.

    On a shared machine the load changes while a benchmark runs; timing A three
    times and then B three times can charge that change to one of them.
    Interleaved rounds give each the same conditions, so their ratio holds.

    Raises:
        ValueError: ``repeat`` is less than 1.
    """
    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, not {repeat}")
    results = {name: fn() for name, fn in fns.items()}  # warm-up
    runs: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            results[name] = None
            gc.collect()
            start = time.perf_counter()
            results[name] = fn()
            runs[name].append(time.perf_counter() - start)
    return {name: Timing(tuple(runs[name]), results[name]) for name in fns}


def cpu_count() -> int | None:
    """Return the number of CPUs this process may run on (or the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count()


def print_header(title: str) -> None:
    """Print the benchmark's title and the versions and machine it runs on."""
    import spacy  # imported here so that the timer helpers work without spaCy

    print(title)
    print("=" * len(title))
    print(f"python   {platform.python_implementation()} {sys.version.split()[0]}")
    print(f"spacy    {spacy.__version__}")
    print(f"cpus     {cpu_count()} usable of {os.cpu_count()}")
    print(f"platform {platform.platform()} ({platform.machine() or 'unknown machine'})")
    print()


def ratio(a: float, b: float) -> str:
    """Format ``a / b`` as a factor such as ``"2.41x"`` (``"n/a"`` when ``b`` is not positive).

    Example:
        >>> ratio(3.0, 1.5)
        '2.00x'
        >>> ratio(1.0, 0.0)
        'n/a'
    """
    if b <= 0:
        return "n/a"
    return f"{a / b:.2f}x"


def parse_sizes(text: str) -> list[int]:
    """Parse a comma list of sizes, in the order given (``10000,100k,1M``; ``_`` separators allowed).

    Raises:
        ValueError: a part is not a number.
    """
    sizes = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        if not part:
            continue
        factor = 1
        if part.endswith("k"):
            part, factor = part[:-1], 1_000
        elif part.endswith("m"):
            part, factor = part[:-1], 1_000_000
        sizes.append(int(float(part) * factor))
    return sizes


@dataclass(frozen=True)
class Finding:
    """One ratio a benchmark measured, for the table of ``python -m bench``.

    Attributes:
        bench: the script that measured it (``extract_speed``).
        name: what is compared with what (``whole extractor / parse alone``).
        value: the ratio (a factor, or a share when ``unit`` is ``"%"``).
        goal: the goal it is held to, in words ("at most 1.3x"); empty when there is none.
        unit: ``"x"`` for a factor, ``"%"`` for a share.
    """

    bench: str
    name: str
    value: float
    goal: str = ""
    unit: str = "x"

    def shown(self) -> str:
        """The value as the table prints it: ``1.22x`` or ``41%``."""
        return f"{self.value:.0%}" if self.unit == "%" else f"{self.value:.2f}x"


#: What the scripts of this run recorded, in order (``python -m bench`` reads and prints them).
FINDINGS: list[Finding] = []
#: The script running now; ``python -m bench`` sets it before each, scripts run alone leave it "".
CURRENT = {"bench": ""}


def record(name: str, value: float, *, goal: str = "", unit: str = "x") -> None:
    """Keep a ratio a script has printed, for the one table of ``python -m bench``."""
    bench = CURRENT["bench"] or os.path.splitext(os.path.basename(sys.argv[0] or "bench"))[0]
    FINDINGS.append(Finding(bench, name, value, goal, unit))


def machine() -> list[str]:
    """Describe the machine and its load, one fact per line (for the header of ``bench/results.md``)."""
    import spacy

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return [f"python {platform.python_implementation()} {sys.version.split()[0]}", f"spacy {spacy.__version__}",
            f"cpus {cpu_count()} usable of {os.cpu_count()}",
            f"platform {platform.platform()} ({platform.machine() or 'unknown machine'})",
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"]
