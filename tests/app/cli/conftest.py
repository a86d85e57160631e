"""Fixtures of the command-line suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module", autouse=True)
def _one_pipeline_per_module(shared_pipelines) -> Iterator[None]:
    """The commands run in this process (``cli_helpers.run_cli``) share one spaCy pipeline, as the tests do."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        shared_pipelines(monkeypatch)
        yield
