"""How fast does the project write and read its RDF store, against pyoxigraph itself and rdflib?

Two questions, answered in one run on the same synthetic graph (``bench/_synthetic.py``:
articles of 10 facts, each fact with one evidence sentence, some facts restated by later
articles, some claims):

1. **Ingest.** The project's path, ``KnowledgeGraph.ingest_extraction`` once per article on
   an on-disk store (one SPARQL Update request, hence one transaction, per article: the
   product's path), against pyoxigraph's raw ``Store.bulk_load`` of the N-Quads of exactly
   the same graph (the mapping's quads of every article, what the project derives from them,
   computed once for all by ``KnowledgeGraph.refresh``, and the reference graph) into
   another on-disk store. Both are timed to a
   flushed store; the two stores must end with the same number of quads. Goal: the project
   ingests at **at least 50%** of bulk_load's rate. Sizes 10k, 100k and 1M facts show how
   the cost grows. A size whose project ingest exceeds ``--budget`` seconds is stopped
   after the article that crossed it and both paths are measured on the facts done; the
   report says so.
2. **Query.** Three fixed queries (a dyad lookup, a group-by over all facts, a 2-hop join
   over the direct state-to-state triples) through the project's path ``kg.sparql()``
   (which returns plain Python rows) against raw ``pyoxigraph.Store.query`` on the very
   same store object (``kg.store._store``, the union of the graphs as default graph,
   every solution turned into a tuple of terms), at the largest size whose ingest finished
   within the budget. Then the same three on a smaller graph (``--rdflib-cap`` facts,
   because rdflib loads about 20,000 quads/s) against rdflib's in-memory
   ``Dataset(default_union=True)`` loaded with the same N-Quads. Goals: the project's path
   adds **at most 20%** over raw pyoxigraph; the 2-hop join is **at least 1,000x** faster
   than rdflib.

"facts" counts facts as ingested, one per fact of an extraction with its evidence, so the
same fact restated by two articles counts twice; the distinct fact resources are printed
beside. Peak RSS is the process's high-water mark (``getrusage``) after each phase, so a
phase that needs less than an earlier one does not show.

Run it from the repository root::

    PYTHONPATH=. python3 bench/store_bench.py                     # 10k, 100k, 1M facts (~35 min)
    PYTHONPATH=. python3 bench/store_bench.py --size 10000,50000  # chosen sizes
    PYTHONPATH=. python3 bench/store_bench.py --quick             # 1k facts, seconds, for smoke tests
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph
import rdflib
from _harness import Timing, cpu_count, parse_sizes, print_header, ratio, record
from _synthetic import SEED, generate
from pyoxigraph import NamedNode, Quad, RdfFormat

from alignkg.graph import namespace as ns
from alignkg.graph.kg import KnowledgeGraph
from alignkg.graph.model import Article, Extraction
from alignkg.graph.rdf import mapping, updates
from alignkg.graph.version import __version__

DESCRIPTION = "Time the project's store (ingest and queries) against raw pyoxigraph and rdflib."
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (1_000,)
DEFAULT_REPEAT = 5
#: Seconds the project's ingest may take at one size before it is stopped (and the size capped).
DEFAULT_BUDGET = 900.0
#: The largest graph loaded into rdflib, in facts.
RDFLIB_CAP = 20_000
#: A timed run of a query lasts at least this long: faster queries are repeated within the run.
MIN_RUN_SECONDS = 0.2
QUICK_MIN_RUN_SECONDS = 0.02
MAX_BATCH = 1_000
GOAL_INGEST_SHARE = 0.50
GOAL_QUERY_OVERHEAD = 0.20
GOAL_RDFLIB_FACTOR = 1_000.0
#: The fixed queries: (label, SPARQL without prefixes). The project predeclares its prefixes;
#: raw pyoxigraph and rdflib get ``SPARQL_PREFIXES`` in front of the same text.
QUERIES: dict[str, tuple[str, str]] = {
    "dyad": ("(a) dyad lookup RUS<->IRN", """SELECT ?fact ?subject ?type ?object WHERE {
  VALUES (?subject ?object) { (state:RUS state:IRN) (state:IRN state:RUS) }
  ?fact ak:subject ?subject ; ak:object ?object ; ak:edgeType ?type .
} ORDER BY ?type ?subject ?object"""),
    "group": ("(b) group-by facts per type", """SELECT ?type (COUNT(?fact) AS ?facts) WHERE {
  ?fact ak:edgeType ?type .
} GROUP BY ?type ORDER BY ?type"""),
    # No ORDER BY: with the union default graph, pyoxigraph 0.5.13 plans "DISTINCT ... ORDER BY ?x" over
    # this join about 40x slower on disk (1.26 s against 0.03 s at 20,000 facts, measured once); the join
    # itself is what the goal is about, and 200-odd codes sort in no time on the client.
    "twohop": ("(c) 2-hop arms->strike join", """SELECT DISTINCT ?x WHERE {
  ?x ak:armsTransfer ?y .
  ?y ak:militaryStrike ?z .
}"""),
}
SPARQL_PREFIXES = f"PREFIX ak: <{ns.VOCAB}>\nPREFIX state: <{ns.STATE}>\n"
_FACTS = f"<{ns.FACTS_GRAPH}>"


# --- measurements ---------------------------------------------------------------------------------
def rss_mib() -> tuple[float, float]:
    """Return (current, peak) resident set size of this process in MiB (current is 0 off Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        current = 0.0
    return current, peak


def load_average() -> float:
    """Return the machine's load average over the last minute (0 where it is unknown)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return 0.0


@dataclass
class Phase:
    """The time and memory of one phase of the run, and how busy the machine was."""

    label: str
    seconds: float
    rss: float
    peak: float
    load: float


class Log:
    """Phases in the order they ran, each closed with the process's RSS and the load average."""

    def __init__(self) -> None:
        self.phases: list[Phase] = []

    def add(self, label: str, seconds: float) -> None:
        current, peak = rss_mib()
        self.phases.append(Phase(label, seconds, current, peak, load_average()))


@dataclass
class Ingest:
    """One size of the ingest comparison."""

    requested: int
    facts: int
    articles: int
    distinct_facts: int
    claims: int
    quads_sent: int
    project_seconds: float
    project_quads: int
    bulk_seconds: float
    bulk_quads: int
    tenths: list[float]
    capped: bool

    @property
    def share(self) -> float:
        """The project's rate as a share of bulk_load's (the same facts on both sides)."""
        return self.bulk_seconds / self.project_seconds


def reference_graph(pairs: Iterable[tuple[Article, Extraction]]) -> tuple[KnowledgeGraph, int]:
    """Return an in-memory graph of ``pairs`` built in one go, and the quads the articles' requests carry.

    Every article's quads are inserted raw, then ``KnowledgeGraph.refresh`` derives what each
    ingest derives (joined undirected evidence, ``hedged``, dates, direct triples) once for
    all. The quad-count check of the report compares it with the project's store built one
    article at a time: the two must agree.
    """
    kg = KnowledgeGraph.in_memory()
    sent = 0

    def quads() -> Iterator[Quad]:
        nonlocal sent
        for article, extraction in pairs:
            for quad in mapping.iter_extraction_quads(article, extraction, __version__):
                sent += 1
                yield quad

    kg.store.insert(quads())
    kg.refresh()
    return kg, sent


def write_nquads(pairs: Sequence[tuple[Article, Extraction]], path: Path) -> tuple[int, int, int]:
    """Write the graph of ``pairs`` (:func:`reference_graph`) as N-Quads; return (quads, distinct facts, claims)."""
    kg, _ = reference_graph(pairs)
    with open(path, "wb") as handle:
        kg.store.dump(handle, RdfFormat.N_QUADS)
    stats = kg.stats()
    count = kg.store.count()
    kg.close()
    return count, stats["facts"], stats["claims"]


def ingest_project(pairs: Sequence[tuple[Article, Extraction]], path: Path,
                   budget: float) -> tuple[float, int, int, list[float]]:
    """Ingest the pairs one by one with the product's path into a new on-disk graph at ``path``.

    Opening the graph (which writes the reference graph) is not timed; closing it (which
    flushes) is.

    Returns:
        (seconds, articles ingested, quads stored, seconds at the end of every tenth of the articles).
    """
    kg = KnowledgeGraph.open(path)
    tenth = max(1, len(pairs) // 10)
    marks: list[float] = []
    done = 0
    gc.collect()
    start = time.perf_counter()
    for article, extraction in pairs:
        kg.ingest_extraction(article, extraction)
        done += 1
        if done % tenth == 0:
            marks.append(time.perf_counter() - start)
        if time.perf_counter() - start > budget:
            break
    loop_end = time.perf_counter()
    quads = kg.store.count()  # not timed: counting scans the store
    closing = time.perf_counter()
    kg.close()
    elapsed = (loop_end - start) + (time.perf_counter() - closing)
    return elapsed, done, quads, marks


def bulk_load(nquads: Path, path: Path) -> tuple[float, int]:
    """Bulk-load an N-Quads file into a new on-disk pyoxigraph store; return (seconds, quads stored)."""
    store = pyoxigraph.Store(str(path))
    gc.collect()
    start = time.perf_counter()
    store.bulk_load(path=str(nquads), format=RdfFormat.N_QUADS)
    store.flush()
    elapsed = time.perf_counter() - start
    quads = len(store)
    del store
    return elapsed, quads


@dataclass
class BatchRun:
    """The batch ingest (``KnowledgeGraph.ingest_batch``) at one size, beside bulk_load's time on the same quads."""

    requested: int
    label: str
    facts: int
    seconds: float
    quads: int
    bulk_seconds: float
    bulk_quads: int
    tenths: list[float]
    rss_start: float
    rss_max: float

    @property
    def share(self) -> float:
        """The batch path's rate as a share of bulk_load's."""
        return self.bulk_seconds / self.seconds


#: The batch paths timed beside bulk_load: label -> ``atomic`` argument of ``ingest_batch``.
BATCH_PATHS = {"batch, one Update per batch": True, "batch, bulk loader + one Update": False}
#: The facts of one batch of ``ingest_batch`` (its default of 100 articles, of 10 facts each): tenths of fewer
#: batches say nothing.
BATCH_FACTS = 1_000


def ingest_batch(pairs: Sequence[tuple[Article, Extraction]], path: Path,
                 atomic: bool) -> tuple[float, int, list[float], float, float]:
    """Ingest the pairs with ``KnowledgeGraph.ingest_batch`` into a new on-disk graph, timed as ``ingest_project``.

    Returns:
        (seconds, quads stored, seconds per tenth of the articles, RSS MiB at the start, highest RSS MiB
        sampled after every tenth).
    """
    kg = KnowledgeGraph.open(path)
    tenth = max(1, len(pairs) // 10)
    marks: list[float] = []
    gc.collect()
    rss_start = rss_max = rss_mib()[0]
    start = time.perf_counter()
    for done, _ in enumerate(kg.ingest_batch(pairs, atomic=atomic), start=1):
        if done % tenth == 0:
            marks.append(time.perf_counter() - start)
            rss_max = max(rss_max, rss_mib()[0])
    loop_end = time.perf_counter()
    quads = kg.store.count()
    closing = time.perf_counter()
    kg.close()
    elapsed = (loop_end - start) + (time.perf_counter() - closing)
    tenths = [b - a for a, b in zip([0.0, *marks], marks, strict=False)]
    return elapsed, quads, tenths, rss_start, max(rss_max, rss_mib()[0])


def run_size(requested: int, work: Path, budget: float, log: Log,
             batches: list[BatchRun] | None = None) -> tuple[Ingest, Path]:
    """Measure both ingest paths at one size; return the result and the project's store."""
    start = time.perf_counter()
    pairs = list(generate(requested))
    log.add(f"{requested:,}: generate the articles", time.perf_counter() - start)

    project_path = work / f"project-{requested}"
    seconds, done, project_quads, marks = ingest_project(pairs, project_path, budget)
    log.add(f"{requested:,}: project ingest", seconds)
    capped = done < len(pairs)
    pairs = pairs[:done]
    facts = sum(len(e.facts) for _, e in pairs)

    nquads = work / f"baseline-{requested}.nq"
    start = time.perf_counter()
    _, distinct, claims = write_nquads(pairs, nquads)
    sent = sum(1 for article, extraction in pairs
               for _ in mapping.iter_extraction_quads(article, extraction, __version__))
    log.add(f"{requested:,}: write N-Quads (untimed prep)", time.perf_counter() - start)
    bulk_path = work / f"bulk-{requested}"
    bulk_seconds, bulk_quads = bulk_load(nquads, bulk_path)
    log.add(f"{requested:,}: bulk_load", bulk_seconds)
    nquads.unlink()
    shutil.rmtree(bulk_path, ignore_errors=True)
    for label, atomic in BATCH_PATHS.items() if batches is not None else ():
        batch_path = work / f"batch-{requested}-{atomic}"
        b_seconds, b_quads, b_tenths, rss_start, rss_max = ingest_batch(pairs, batch_path, atomic)
        log.add(f"{requested:,}: {label}", b_seconds)
        shutil.rmtree(batch_path, ignore_errors=True)
        facts_done = sum(len(e.facts) for _, e in pairs)
        assert batches is not None
        batches.append(BatchRun(requested, label, facts_done, b_seconds, b_quads, bulk_seconds, bulk_quads,
                                b_tenths, rss_start, rss_max))

    tenths = [b - a for a, b in zip([0.0, *marks], marks, strict=False)]
    result = Ingest(requested, facts, len(pairs), distinct, claims, sent, seconds, project_quads, bulk_seconds,
                    bulk_quads, tenths, capped)
    return result, project_path


# --- faster project paths (one transaction per article, still) -------------------------------------
#: Where ``updates.recompute`` starts its clean-up operation (facts and claims left without evidence).
_CLEAN_UP_MARKER = f"DELETE {{ GRAPH {_FACTS} {{ ?f ?p ?o }} }}"


def recompute_without_clean_up(groups: Iterable[mapping.FactGroup], claims: Iterable[NamedNode]) -> str:
    """Return ``updates.recompute`` without its clean-up operation (all of it if it cannot be found).

    The clean-up removes facts and claims left without evidence; for a new article only the
    undirected facts its directed statements absorb can be left so, and leaving them is what
    this candidate measures (a replaced article needs the clean-up).
    """
    operations = updates.recompute(groups, claims)
    cut = operations.find(_CLEAN_UP_MARKER)
    return operations if cut < 0 else operations[:cut].rstrip().rstrip(";")


def new_article_ingest(kg: KnowledgeGraph, article: Article, extraction: Extraction) -> bool:
    """Ingest like ``ingest_extraction`` (one Update request), without the clean-up for a new article."""
    found = kg.store.query(
        f"ASK {{ GRAPH <{ns.article_graph(article.id)}> {{ ?a ak:textHash ?h }} }}", prefixes=ns.PREFIXES)
    if bool(found):  # a known article: the product's path, clean-up included
        return kg.ingest_extraction(article, extraction)
    quads = list(mapping.iter_extraction_quads(article, extraction, __version__))
    groups = [mapping.FactGroup.of(f) for f in extraction.facts]
    claims = dict.fromkeys(mapping.claim_node(c) for c in extraction.claims)
    kg.store.update(updates.request(updates.insert_data(quads), recompute_without_clean_up(groups, claims)))
    return True


def time_variant(pairs: Sequence[tuple[Article, Extraction]], path: Path | None,
                 step: Callable[[KnowledgeGraph, Article, Extraction], Any],
                 finish: Callable[[KnowledgeGraph], Any] | None = None) -> tuple[float, int]:
    """Time ``step`` over every pair on a new graph (on disk at ``path``, or in memory); return (s, quads).

    As in the main measurement, opening is not timed and the flush at the end is.
    """
    kg = KnowledgeGraph.open(path) if path is not None else KnowledgeGraph.in_memory()
    gc.collect()
    start = time.perf_counter()
    for article, extraction in pairs:
        step(kg, article, extraction)
    if finish is not None:
        finish(kg)
    if path is not None:
        kg.store._store.flush()  # noqa: SLF001 - what close() does, without losing the count below
    elapsed = time.perf_counter() - start
    quads = kg.store.count()
    kg.close()
    return elapsed, quads


def run_variants(size: int, work: Path, bulk_rate: float, log: Log) -> None:
    """Time other ways of writing one article per transaction at ``size`` facts; print them.

    The product's path is timed again first, so that "vs product" compares runs made one
    after the other (a shared machine drifts between the first and the last phase).
    """
    pairs = list(generate(size))
    facts = sum(len(e.facts) for _, e in pairs)

    def product(kg: KnowledgeGraph, article: Article, extraction: Extraction) -> None:
        kg.ingest_extraction(article, extraction)

    def insert_only(kg: KnowledgeGraph, article: Article, extraction: Extraction) -> None:
        quads = list(mapping.iter_extraction_quads(article, extraction, __version__))
        kg.store.update(updates.request(updates.insert_data(quads)))

    def extend(kg: KnowledgeGraph, article: Article, extraction: Extraction) -> None:
        kg.store.insert(mapping.iter_extraction_quads(article, extraction, __version__))

    def add_derived(kg: KnowledgeGraph) -> None:
        kg.refresh()

    variants = (
        ("product path (again, the reference)", work / "product", product, None),
        ("candidate: no clean-up ops for new articles", work / "no-clean-up", new_article_ingest, None),
        ("product path, in-memory store", None, product, None),
        ("bound: INSERT DATA only, no recompute", work / "insert", insert_only, add_derived),
        ("bound: Store.extend per article, no SPARQL", work / "extend", extend, add_derived),
    )
    print(f"Faster project paths? The same {facts:,} facts ({len(pairs):,} articles), one transaction per article")
    print(f"{'':46}{'s':>9}{'facts/s':>10}{'quads':>11}{'vs bulk_load':>14}{'vs product':>12}")
    reference = 0.0
    for label, path, step, finish in variants:
        seconds, quads = time_variant(pairs, path, step, finish)
        log.add(f"{size:,}: variant {label}", seconds)
        reference = reference or seconds
        rate = facts / seconds
        print(f"{label:46}{seconds:9.2f}{rate:10,.0f}{quads:11,}{rate / bulk_rate:14.1%}"
              f"{ratio(reference, seconds):>12}")
        if path is not None:
            shutil.rmtree(path, ignore_errors=True)
    print("  vs bulk_load: share of the on-disk bulk_load rate measured above at this size; vs product: speed-up")
    print("  candidate: the product's request minus the clean-up operation of updates.recompute (facts left")
    print("    without evidence: for a new article, only undirected facts its directed ones absorb); not in graph/")
    if _CLEAN_UP_MARKER not in updates.recompute([], [mapping.FACTS]):
        print("    (the clean-up operation was NOT found in updates.recompute: the candidate ran all of it)")
    print("  bounds: not correct paths (derived values are written once at the end, by kg.refresh()), but what")
    print("    one transaction per article costs with the product's INSERT DATA alone, and with the store's own")
    print("    writes alone")
    print()


# --- queries ----------------------------------------------------------------------------------------
def run_raw(store: pyoxigraph.Store, sparql: str) -> list[tuple[Any, ...]]:
    """Run a query on raw pyoxigraph over the union of the graphs and materialize every solution."""
    return [tuple(solution) for solution in store.query(SPARQL_PREFIXES + sparql, use_default_graph_as_union=True)]


def _batch(run: Callable[[str], Any], sparql: str, min_run: float) -> int:
    """Run a query twice (a warm-up, then a timed call); return how many calls make one timed run."""
    start = time.perf_counter()
    run(sparql)
    once = time.perf_counter() - start
    if once < min_run:  # the first call may pay for caches: time a second one
        start = time.perf_counter()
        run(sparql)
        once = time.perf_counter() - start
    return max(1, min(MAX_BATCH, int(min_run / max(once, 1e-9))))


def time_queries(targets: dict[str, Callable[[str], Any]], repeat: int,
                 min_run: float = MIN_RUN_SECONDS) -> dict[str, dict[str, Timing]]:
    """Time every fixed query on every target; return query -> target -> timing (seconds per call).

    As ``_harness.measure`` does, every target gets an untimed warm-up and the garbage
    collector runs before every timed run; unlike it, the targets take turns run after run,
    so that background work of the store (RocksDB compacts what the ingest wrote) or of the
    machine hits all of them alike. Fast queries are called several times per timed run, so that
    it lasts at least ``min_run`` seconds.
    """
    timings: dict[str, dict[str, Timing]] = {}
    for name, (_, sparql) in QUERIES.items():
        batches = {label: _batch(run, sparql, min_run) for label, run in targets.items()}
        runs: dict[str, list[float]] = {label: [] for label in targets}
        results: dict[str, Any] = {}
        for _ in range(repeat):
            for label, run in targets.items():
                results[label] = None
                gc.collect()
                start = time.perf_counter()
                for _ in range(batches[label]):
                    results[label] = run(sparql)
                runs[label].append((time.perf_counter() - start) / batches[label])
        timings[name] = {label: Timing(tuple(runs[label]), results[label]) for label in targets}
    return timings


def print_queries(timings: dict[str, dict[str, Timing]]) -> None:
    """Print a table of query latencies in milliseconds, with the row counts of every target."""
    labels = list(next(iter(timings.values())))
    header = "".join(f"{label + ' min':>16}{'median':>9}" for label in labels)
    print(f"{'query (ms)':30}{header}{'rows':>8}")
    for name, row in timings.items():
        cells = "".join(f"{t.min * 1e3:16.2f}{t.median * 1e3:9.2f}" for t in row.values())
        counts = {len(t.result) for t in row.values()}
        rows = (str(counts.pop()) if len(counts) == 1
                else "DIFFER: " + "/".join(str(len(t.result)) for t in row.values()))
        print(f"{QUERIES[name][0]:30}{cells}{rows:>8}")


def print_overhead(timings: dict[str, dict[str, Timing]], where: str) -> None:
    """Print project / raw per query with the goal."""
    for name, row in timings.items():
        project, raw = row["project"], row["raw"]
        overhead = project.min / raw.min - 1
        verdict = "met" if overhead <= GOAL_QUERY_OVERHEAD else "NOT met"
        print(f"ratio   {QUERIES[name][0]:30} project / raw = {ratio(project.min, raw.min)} "
              f"(median {ratio(project.median, raw.median)}) {where}; "
              f"goal: at most +{GOAL_QUERY_OVERHEAD:.0%} -> {verdict}")


def query_phase(path: Path, facts: int, repeat: int, min_run: float, log: Log) -> None:
    """Time the queries through the project and raw pyoxigraph on the store at ``path``."""
    kg = KnowledgeGraph.open(path)
    raw = kg.store._store  # noqa: SLF001 - the very store object the project queries
    start = time.perf_counter()
    timings = time_queries({"project": kg.sparql, "raw": lambda q: run_raw(raw, q)}, repeat, min_run)
    log.add(f"{facts:,}: queries, project and raw", time.perf_counter() - start)
    print(f"Queries at {facts:,} facts ({kg.store.count():,} quads, the store the project ingested), "
          f"{repeat} timed run(s) after 1 warm-up")
    print_queries(timings)
    print_overhead(timings, f"at {facts:,} facts")
    print()
    kg.close()


def rdflib_phase(size: int, work: Path, repeat: int, min_run: float, log: Log) -> None:
    """Compare project, raw pyoxigraph and rdflib on ``size`` facts (same N-Quads in all three)."""
    pairs = list(generate(size))
    path = work / f"rdflib-project-{size}"
    start = time.perf_counter()
    kg = KnowledgeGraph.open(path)
    for article, extraction in pairs:
        kg.ingest_extraction(article, extraction)
    kg.close()
    log.add(f"{size:,}: project store for the rdflib comparison", time.perf_counter() - start)
    nquads = work / f"rdflib-{size}.nq"
    sent, _, _ = write_nquads(pairs, nquads)

    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(str(nquads), format="nquads")
    loaded = time.perf_counter() - start
    log.add(f"{size:,}: rdflib load", loaded)
    kg = KnowledgeGraph.open(path)
    raw = kg.store._store  # noqa: SLF001
    start = time.perf_counter()
    timings = time_queries({"project": kg.sparql, "raw": lambda q: run_raw(raw, q),
                            "rdflib": lambda q: list(dataset.query(SPARQL_PREFIXES + q))}, repeat, min_run)
    log.add(f"{size:,}: queries, project, raw and rdflib", time.perf_counter() - start)
    print(f"Queries at {size:,} facts against rdflib {rdflib.__version__} (in-memory Dataset, default_union=True)")
    print(f"  rdflib loaded the same {sent:,} N-Quads lines ({len(dataset):,} quads) in {loaded:.1f} s "
          f"({sent / loaded:,.0f} quads/s)")
    print_queries(timings)
    print_overhead(timings, f"at {size:,} facts")
    for name, row in timings.items():
        print(f"ratio   {QUERIES[name][0]:30} rdflib / raw = {ratio(row['rdflib'].min, row['raw'].min)}, "
              f"rdflib / project = {ratio(row['rdflib'].min, row['project'].min)}")
    twohop = timings["twohop"]
    factor = twohop["rdflib"].min / twohop["project"].min
    print(f"goal: 2-hop join at least {GOAL_RDFLIB_FACTOR:,.0f}x faster through the project than rdflib "
          f"-> {factor:,.1f}x -> {'met' if factor >= GOAL_RDFLIB_FACTOR else 'NOT met'}")
    record(f"2-hop join, rdflib / embedded store ({size:,} facts)", factor, goal=f"at least {GOAL_RDFLIB_FACTOR:,.0f}x")
    print()
    kg.close()
    nquads.unlink()
    shutil.rmtree(path, ignore_errors=True)


# --- the report -------------------------------------------------------------------------------------
def print_ingest(results: Sequence[Ingest], budget: float) -> None:
    """Print the ingest table, the growth of the cost and the goal lines."""
    print(f"{'':12}{'facts':>10}{'articles':>9}{'distinct':>9}{'quads':>12}"
          f"{'project s':>11}{'facts/s':>9}{'quads/s':>10}{'bulk s':>9}{'facts/s':>10}{'quads/s':>11}"
          f"{'share':>7}")
    for r in results:
        label = f"{r.requested:,}" + ("*" if r.capped else "")
        print(f"{label:12}{r.facts:10,}{r.articles:9,}{r.distinct_facts:9,}{r.bulk_quads:12,}"
              f"{r.project_seconds:11.2f}{r.facts / r.project_seconds:9,.0f}"
              f"{r.project_quads / r.project_seconds:10,.0f}"
              f"{r.bulk_seconds:9.2f}{r.facts / r.bulk_seconds:10,.0f}{r.bulk_quads / r.bulk_seconds:11,.0f}"
              f"{r.share:7.1%}")
    for r in results:
        if r.capped:
            print(f"* {r.requested:,} facts requested: the project ingest passed the {budget:g} s budget after "
                  f"{r.facts:,} facts ({r.facts / r.requested:.0%}); both paths were measured on those facts only")
        same = "yes" if r.project_quads == r.bulk_quads else f"NO ({r.project_quads:,} vs {r.bulk_quads:,})"
        print(f"  {r.facts:,} facts: same quad count in both stores: {same}; {r.claims:,} claims; "
              f"{r.quads_sent:,} quads sent (restated facts resend theirs)")
    print()
    first = results[0]
    print("How the cost grows (microseconds per fact; x = against the smallest size; tenths = the project's")
    print("time for the first and the last tenth of the requested articles it ingested, the latter on the fuller")
    print("store)")
    for r in results:
        p, b = r.project_seconds / r.facts * 1e6, r.bulk_seconds / r.facts * 1e6
        p0, b0 = first.project_seconds / first.facts * 1e6, first.bulk_seconds / first.facts * 1e6
        tenths = (f"; tenths {r.tenths[0]:.2f} s -> {r.tenths[-1]:.2f} s ({ratio(r.tenths[-1], r.tenths[0])})"
                  if len(r.tenths) >= 2 else "")
        print(f"  {r.facts:>10,} facts: project {p:8.1f} us/fact ({ratio(p, p0)}), "
              f"bulk_load {b:6.1f} us/fact ({ratio(b, b0)}){tenths}")
    print()
    for r in results:
        verdict = "met" if r.share >= GOAL_INGEST_SHARE else "NOT met"
        print(f"ratio   ingest at {r.facts:,} facts: project / bulk_load = {r.share:.1%} of bulk_load's facts/s "
              f"({ratio(r.project_seconds, r.bulk_seconds)} its time); "
              f"goal: at least {GOAL_INGEST_SHARE:.0%} -> {verdict}")
    print()


def print_batches(runs: Sequence[BatchRun]) -> None:
    """Print the batch paths against bulk_load (measured in the same run, on the same facts)."""
    print("Ingest: KnowledgeGraph.ingest_batch (derived values in Python, 100 articles a batch, flushed every 100")
    print("articles, on disk) vs pyoxigraph bulk_load of the same quads, measured in the same run as the table above")
    print(f"{'':12}{'path':34}{'s':>9}{'facts/s':>9}{'share':>8}{'us/fact':>9}{'tenths first->last':>22}"
          f"{'RSS MiB start->max':>20}{'same quads':>11}")
    first: dict[str, BatchRun] = {}
    for r in runs:
        first.setdefault(r.label, r)
        per_fact = r.seconds / r.facts * 1e6
        growth = ratio(per_fact, first[r.label].seconds / first[r.label].facts * 1e6)
        tenths = (f"{r.tenths[0]:.2f}->{r.tenths[-1]:.2f} ({ratio(r.tenths[-1], r.tenths[0])})"
                  if len(r.tenths) >= 2 and r.facts >= 10 * BATCH_FACTS else "(< 10 batches)")
        print(f"{r.requested:<12,}{r.label:34}{r.seconds:9.2f}{r.facts / r.seconds:9,.0f}{r.share:8.1%}"
              f"{per_fact:9.1f}{tenths:>22}{f'{r.rss_start:,.0f}->{r.rss_max:,.0f}':>20}"
              f"{'yes' if r.quads == r.bulk_quads else 'NO':>11}")
        print(f"            us/fact against the smallest size: {growth}")
    for r in runs:
        verdict = "met" if r.share >= GOAL_INGEST_SHARE else "NOT met"
        print(f"ratio   ingest at {r.facts:,} facts, {r.label}: {r.share:.1%} of bulk_load's facts/s; "
              f"goal: at least {GOAL_INGEST_SHARE:.0%} -> {verdict}")
        record(f"ingest, {r.label} / bulk_load facts/s ({r.facts:,} facts)", r.share,
               goal=f"at least {GOAL_INGEST_SHARE:.0%}", unit="%")
    for label, first_run in first.items():
        last = [r for r in runs if r.label == label][-1]
        if last is not first_run:
            record(f"ingest cost per fact, {label}, at {last.facts:,} / at {first_run.facts:,} facts",
                   (last.seconds / last.facts) / (first_run.seconds / first_run.facts), goal="under 1.3x")
    print()


def print_memory(log: Log) -> None:
    """Print the phases with their time and the process's RSS after each."""
    print("Phases (peak RSS is the process's high-water mark so far, so it only shows phases that raise it;")
    print(f"load is the machine's 1-minute load average at the end of the phase, on {cpu_count()} CPUs)")
    print(f"{'':60}{'s':>9}{'RSS MiB':>10}{'peak MiB':>10}{'load':>7}")
    for phase in log.phases:
        print(f"{phase.label:60}{phase.seconds:9.2f}{phase.rss:10,.0f}{phase.peak:10,.0f}{phase.load:7.1f}")
    print()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--size", default=None,
                        help="comma list of sizes in facts (default 10000,100000,1000000; 100k and 1M work; "
                             f"with --quick, default {QUICK_SIZES[0]:,})")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help=f"timed runs of each query, after one warm-up (default {DEFAULT_REPEAT}); "
                             "every ingest is timed once")
    parser.add_argument("--budget", type=float, default=DEFAULT_BUDGET,
                        help=f"seconds the project ingest may take at one size before the size is capped "
                             f"(default {DEFAULT_BUDGET:.0f})")
    parser.add_argument("--rdflib-cap", type=int, default=RDFLIB_CAP,
                        help=f"the most facts loaded into rdflib (default {RDFLIB_CAP:,})")
    parser.add_argument("--no-variants", action="store_true", help="skip the faster-path variants")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch ingest (KnowledgeGraph.ingest_batch)")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_SIZES[0]:,} facts (or --size) and 1 short run of each query, for smoke tests")
    args = parser.parse_args(argv)
    if args.size is None:
        args.size = ",".join(str(s) for s in (QUICK_SIZES if args.quick else DEFAULT_SIZES))
    try:
        args.sizes = sorted(set(parse_sizes(args.size)))
    except ValueError:
        parser.error(f"--size must be a comma list of positive integers, not {args.size!r}")
    args.min_run = MIN_RUN_SECONDS
    if args.quick:
        args.repeat, args.min_run = 1, QUICK_MIN_RUN_SECONDS
    if not args.sizes or min(args.sizes) < 1:
        parser.error("--size must be a comma list of positive integers")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.budget <= 0 or args.rdflib_cap < 1:
        parser.error("--budget and --rdflib-cap must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Measure ingest at every size, then the queries; print the report.

    Args:
        argv: the command-line arguments (``sys.argv[1:]`` when ``None``).

    Returns:
        The exit status, 0. Missing a goal is reported, not treated as a failure.
    """
    args = parse_args(argv)
    print_header("alignkg store: project ingest and queries vs. raw pyoxigraph and rdflib")
    print(f"stores   pyoxigraph {pyoxigraph.__version__} (on disk, temporary directories), "
          f"rdflib {rdflib.__version__}; alignkg {__version__}")
    print(f"data     bench/_synthetic.py, seed {SEED}: articles of 10 facts over the gazetteer's states, one evidence")
    print("         sentence per fact, ~25% of facts restating an earlier one, ~10% of articles with a claim")
    print(f"sizes    {', '.join(f'{s:,}' for s in args.sizes)} facts; project ingest budget {args.budget:,.0f} s "
          f"per size; each ingest timed once, queries {args.repeat} time(s) after 1 warm-up")
    print(f"load     {load_average():.1f} (1-minute load average at the start; a shared machine slows every path)")
    print()

    log = Log()
    results: list[Ingest] = []
    batches: list[BatchRun] | None = None if args.no_batch else []
    # The store the queries run on: the largest size whose ingest finished within the budget
    # (a capped size only when none finished).
    largest: tuple[Path, int, bool] | None = None
    with tempfile.TemporaryDirectory(prefix="alignkg-store-bench-") as tmp:
        work = Path(tmp)
        for size in args.sizes:
            result, path = run_size(size, work, args.budget, log, batches)
            results.append(result)
            if largest is None or largest[2] or not result.capped:
                if largest is not None:
                    shutil.rmtree(largest[0], ignore_errors=True)
                largest = (path, result.facts, result.capped)
            else:
                shutil.rmtree(path, ignore_errors=True)
            print(f"... {size:,} facts: project {result.project_seconds:.1f} s, bulk_load {result.bulk_seconds:.1f} s",
                  flush=True)
        print()
        print("Ingest: project (ingest_extraction, one Update per article, on disk) vs pyoxigraph bulk_load "
              "of the same quads")
        print_ingest(results, args.budget)
        if batches:
            print_batches(batches)

        if not args.no_variants:
            first = results[0]
            run_variants(first.facts, work, first.facts / first.bulk_seconds, log)

        assert largest is not None
        capped = [r for r in results if r.capped]
        if capped and not largest[2]:
            print(f"The queries run at {largest[1]:,} facts, the largest size whose ingest finished "
                  f"({', '.join(f'{r.requested:,}' for r in capped)} was capped by the budget)")
        query_phase(largest[0], largest[1], args.repeat, args.min_run, log)
        shutil.rmtree(largest[0], ignore_errors=True)

        rdflib_size = min(args.rdflib_cap, largest[1])
        if rdflib_size < largest[1]:
            print(f"rdflib is capped at {rdflib_size:,} facts (--rdflib-cap): it loads ~20,000 quads/s and holds "
                  "everything in Python objects;")
            print("the three-way comparison below is made on that smaller graph, all three on the same data")
        rdflib_phase(rdflib_size, work, args.repeat, args.min_run, log)
    print_memory(log)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
