"""Fixtures of the extraction tests: the sentences of a module's parametrised cases are parsed together, once.

The tables of cases (``CASES`` in test_engine.py, the lists of test_rules.py) hold hundreds of short
sentences. Parsed one ``nlp(text)`` at a time, each took ~6 ms of spaCy's time; parsed in one
``nlp.pipe`` they take ~3 ms, and the parses are the same (every token's tag, part of speech, relation,
head, lemma and entity compared on both modules' sentences). Each case still runs the whole extraction
on its own sentence and checks its own edges: only where its parse comes from changes.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from alignkg.graph import Extractor


@pytest.fixture(scope="module")
def triples(request: pytest.FixtureRequest, extractor: Extractor) -> Callable[[str], list[tuple[str, str, str]]]:
    """Return a function: text -> sorted set of (subject, type, object) extracted from it (as tests/conftest.py's).

    The ``text`` parameters of this module's selected tests that use it are parsed in one ``nlp.pipe`` when
    the module's first test asks for it. A parse is used once: the extraction repairs a parse in place, so a
    sentence asked for again (or one not among the parameters) goes through ``extractor.extract``, whose
    session pipeline hands out a copy of that text's first parse (``pipelines`` in the root conftest.py).
    """
    texts = {item.callspec.params["text"] for item in request.session.items
             if getattr(item, "module", None) is request.module and "triples" in getattr(item, "fixturenames", ())
             and isinstance(getattr(item, "callspec", None) and item.callspec.params.get("text"), str)}
    order = sorted(texts)
    parsed = dict(zip(order, extractor.nlp.pipe(order), strict=True))

    def run(text: str) -> list[tuple[str, str, str]]:
        doc = parsed.pop(text, None)
        result = extractor.extract(text, id="t") if doc is None else extractor.extract_parsed(doc, id="t")
        return sorted({(f.subject, f.type.value, f.object) for f in result.facts})

    return run
