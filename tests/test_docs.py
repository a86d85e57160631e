"""The Python examples of the README and docs/*.md run as written (issue 13: docs as tests).

Each file's ```python blocks run in order in one namespace, as a reader would paste them, in a
temporary folder that sees the repository's data/ (examples read data/articles/...). A block
that needs something the page cannot give (a running server, an open store) is preceded by
an HTML comment ``<!-- not run: why -->`` and is only compiled, so that it at least parses.
The examples' ``Extractor()`` and ``KnowledgeGraph`` get the session's spaCy pipeline (``shared_pipelines``, as
the doctests do) instead of loading their own, ~2 s of CPU each.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(r"(?:<!-- not run: (?P<why>[^>]*) -->\n)?```python\n(?P<code>.*?)```", re.S)


def _blocks(page: Path) -> list[tuple[str, str | None]]:
    return [(m["code"], m["why"]) for m in BLOCK.finditer(page.read_text(encoding="utf-8"))]


PAGES_WITH_CODE = [p for p in PAGES if _blocks(p)]


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=lambda p: str(p.relative_to(REPO)))
def test_docs_python_examples_run(page, tmp_path, monkeypatch, shared_pipelines):
    shared_pipelines(monkeypatch)
    (tmp_path / "data").symlink_to(REPO / "data", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    for k, (code, why) in enumerate(_blocks(page)):
        compiled = compile(code, f"{page.name}[python block {k + 1}]", "exec")
        if why is None:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compiled, namespace)  # noqa: S102 - running the documentation is the point


def test_docs_every_skipped_example_says_why():
    skipped = [why for page in PAGES for _, why in _blocks(page) if why is not None]
    assert all(why.strip() for why in skipped)
    assert len(skipped) < sum(len(_blocks(p)) for p in PAGES)  # most examples run


def test_docs_readme_example_prints_the_fact_it_promises(capsys, monkeypatch, shared_pipelines):
    shared_pipelines(monkeypatch)
    code, _ = _blocks(REPO / "README.md")[0]
    exec(compile(code, "README.md[python block 1]", "exec"), {"__name__": "__doc_example__"})  # noqa: S102
    assert "IRN arms_transfer RUS True" in capsys.readouterr().out
