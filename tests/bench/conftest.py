"""Fixtures of the benchmark smoke tests: load a script of ``bench/`` in this process, with one spaCy pipeline.

The smoke tests are spread over a few files so that ``--dist loadfile`` can give them to both workers.
"""

from __future__ import annotations

import gc
import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCH_DIR = Path(__file__).resolve().parent.parent.parent / "bench"


@pytest.fixture(autouse=True)
def _one_pipeline(shared_pipelines, monkeypatch) -> Iterator[None]:
    """The scripts that extract in this process (extract_speed, ingest_bench's --jobs 1) share one spaCy pipeline.

    They get the pipeline itself, which parses every text it is given (``parse_once=False``): they time parses.

    The scripts call ``gc.collect()`` before each timed run; in a test worker that holds the spaCy pipeline
    and every test module, each such call walks all those objects (0.2-0.5 s). They are frozen while the
    test runs (``gc.freeze``: left out of collections, not freed), so a collection walks the script's own.
    """
    shared_pipelines(monkeypatch, parse_once=False)
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@pytest.fixture
def load_script(monkeypatch) -> Callable[[str], ModuleType]:
    """Return a function importing ``bench/<name>.py`` by path (``bench/`` is not a package)."""
    def load(name: str) -> ModuleType:
        monkeypatch.syspath_prepend(str(BENCH_DIR))  # for ``from _harness import ...``
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH_DIR / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        monkeypatch.setitem(sys.modules, spec.name, module)
        spec.loader.exec_module(module)
        return module

    return load
