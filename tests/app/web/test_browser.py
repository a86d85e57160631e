"""The web page in headless Chromium: the graph draws, an edge clicked shows its evidence, filters, the bloc
test and the SPARQL box work, and the page logs no error.

Debian's ``chromium`` is driven by the ``playwright`` package (its own browsers are never
downloaded: ``executable_path`` points at the installed one). The tests skip, saying why,
where either is missing; ``.ci/run`` installs Chromium. Waits poll the page with deadlines
(Playwright's auto-waiting), never sleep. Screenshots go to the test's temporary folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from http_helpers import KEY

from alignkg.graph import EdgeType, KnowledgeGraph

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed "
                                                             "(pip install -e '.[test]')")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (Debian: apt-get install "
                                                         "chromium; .ci/run installs it)")
#: As the machine notes advise: no GPU, no sandbox (root on CI), and no background connections to Google.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]
DEADLINE_MS = 60_000


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[object]:
    """A headless Chromium with a new, empty profile."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1440, "height": 1000}, offline=False)
        yield context
        context.close()


@pytest.fixture
def expected_failures() -> list[str]:
    """The failed requests a test provokes on purpose, as ``"<status> <path>"``."""
    return []


@pytest.fixture
def page(browser, expected_failures):
    """A new tab; at the end, no script error, no console error, and no failed request but those expected."""
    tab = browser.new_page()
    tab.set_default_timeout(DEADLINE_MS)
    problems: list[str] = []
    failures: list[str] = []

    def on_console(message) -> None:
        # A failed request is also logged to the console; it is checked below, with its path.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.on("response", lambda r: failures.append(f"{r.status} {urlsplit(r.url).path}") if r.status >= 400 else None)
    yield tab
    tab.close()
    assert problems == [], problems
    assert sorted(failures) == sorted(expected_failures)


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#graph[data-state=ready]")


def _fact(kg: KnowledgeGraph, **filters):
    facts = list(kg.facts(**filters))
    assert len(facts) == 1, facts
    fact = facts[0]
    return fact, KnowledgeGraph.fact_id(fact), kg.evidence(fact)


def test_browser_click_an_edge_of_the_graph_to_read_its_evidence(page, web_server, bundled_kg, tmp_path):
    _open(page, web_server.url + "/")
    expect = sync_api.expect
    total = len(list(bundled_kg.facts()))
    expect(page.locator("#edge-list button.edge")).to_have_count(total)
    expect(page.locator("#graph canvas")).to_have_count(1)
    expect(page.locator("#graph-status")).to_contain_text(f"{total} edges")

    fact, fact_id, evidence = _fact(bundled_kg, subject="RUS", type=EdgeType.NON_INTERVENTION, object="IRN")
    page.locator("#graph").scroll_into_view_if_needed()
    point = page.evaluate("id => window.alignkg.edgePoint(id)", fact_id)
    assert point is not None, "the edge is not drawn where it can be clicked"
    page.mouse.click(point["x"], point["y"])  # a real click on the canvas, where the edge is drawn

    expect(page.locator("#details .fact-title")).to_contain_text("RUS → non intervention → IRN")
    sentences = page.locator("#details blockquote.sentence")
    expect(sentences).to_have_count(len(evidence))
    expect(sentences.first).to_have_text(evidence[0].text)
    assert any("refrained from intervening" in text for text in sentences.all_inner_texts())
    expect(page.locator(f'#edge-list button[data-fact="{fact_id}"]')).to_have_attribute("aria-pressed", "true")

    screenshot = tmp_path / "alignkg-page.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000


def test_browser_edge_list_shows_the_sentence_and_its_source_link(page, web_server, bundled_kg):
    _open(page, web_server.url + "/")
    found = [(f, bundled_kg.article(bundled_kg.evidence(f)[0].article_id)) for f in bundled_kg.facts()]
    fact, article = next((f, a) for f, a in found if a.url)
    fact_id = KnowledgeGraph.fact_id(fact)
    page.locator(f'#edge-list button[data-fact="{fact_id}"]').click()
    first = page.locator("#details ol.evidence > li").first
    sync_api.expect(first.locator("blockquote.sentence")).to_have_text(bundled_kg.evidence(fact)[0].text)
    source = first.locator(".source a").first
    sync_api.expect(source).to_have_attribute("href", article.url)
    sync_api.expect(source).to_have_text(article.title or article.url)
    sync_api.expect(first.locator(".source a", has_text="stored text")).to_have_attribute(
        "href", f"/articles/{article.id}")


def test_browser_filters_by_type_state_and_dates(page, web_server, bundled_kg):
    _open(page, web_server.url + "/")
    edges = page.locator("#edge-list button.edge")
    form = page.locator("#filters")

    form.locator("select[name=type]").select_option(EdgeType.NON_INTERVENTION.value)
    form.locator("button[type=submit]").click()
    sync_api.expect(edges).to_have_count(len(list(bundled_kg.facts(type=EdgeType.NON_INTERVENTION))))

    form.locator("select[name=type]").select_option("")
    form.locator("select[name=state]").select_option("IRN")
    form.locator("button[type=submit]").click()
    around = {KnowledgeGraph.fact_id(f) for side in ("subject", "object") for f in bundled_kg.facts(**{side: "IRN"})}
    sync_api.expect(edges).to_have_count(len(around))
    assert {edges.nth(i).get_attribute("data-fact") for i in range(len(around))} == around

    form.locator("input[name=since]").fill("2100-01-01")
    form.locator("button[type=submit]").click()
    sync_api.expect(edges).to_have_count(0)
    sync_api.expect(page.locator("#graph-status")).to_contain_text("0 edges")

    form.locator("button[type=reset]").click()
    sync_api.expect(edges).to_have_count(len(list(bundled_kg.facts())))


def test_browser_bloc_test_of_the_stored_claim(page, web_server, bundled_kg, expected_failures):
    _open(page, web_server.url + "/")
    claim = next(c for c in bundled_kg.claims() if c.members == ("CHN", "IRN", "PRK", "RUS"))
    page.locator("#bloc-form select[name=claim]").select_option(KnowledgeGraph.claim_id(claim))
    page.locator("#bloc-form button[type=submit]").click()
    sync_api.expect(page.locator("#bloc-result .verdict")).to_have_text(bundled_kg.bloc(claim).verdict)
    sync_api.expect(page.locator("#bloc-result table.grid tbody tr")).to_have_count(6)

    expected_failures.append("404 /analysis/bloc")
    page.locator("#bloc-form input[name=states]").fill("RUS Iram")
    page.locator("#bloc-form button[type=submit]").click()
    sync_api.expect(page.locator("#bloc-result .error")).to_contain_text("IRN Iran")


def test_browser_sparql_box_shows_the_result_table(page, web_server, bundled_kg, expected_failures):
    _open(page, web_server.url + "/")
    query = "SELECT DISTINCT ?x WHERE { ?f a ak:NonIntervention ; ak:subject ?x ; ak:object state:IRN } ORDER BY ?x"
    page.locator("#sparql-query").fill(query)
    page.locator("#sparql-form button[type=submit]").click()
    cells = page.locator("#sparql-table tbody td")
    expected = sorted({f.subject for f in bundled_kg.facts(type=EdgeType.NON_INTERVENTION, object="IRN")})
    sync_api.expect(cells).to_have_text([f"state:{code}" for code in expected])
    sync_api.expect(page.locator("#sparql-table thead th")).to_have_text(["?x"])

    expected_failures.append("400 /sparql")
    page.locator("#sparql-query").fill("SELECT ?x WHERE { ?x ?y }")
    page.locator("#sparql-form button[type=submit]").click()
    sync_api.expect(page.locator("#sparql-result .error")).to_contain_text("query_syntax")


def test_browser_page_reads_with_the_key_of_its_fragment(browser, keyed_server, bundled_kg):
    tab = browser.new_page()
    tab.set_default_timeout(DEADLINE_MS)
    try:
        tab.goto(keyed_server.url + f"/#key={KEY}")
        tab.wait_for_selector("#graph[data-state=ready]")
        sync_api.expect(tab.locator("#edge-list button.edge")).to_have_count(len(list(bundled_kg.facts())))
        tab.goto("about:blank")
        tab.goto(keyed_server.url + "/")
        sync_api.expect(tab.locator("#notice")).to_contain_text("requires an API key")
    finally:
        tab.close()
