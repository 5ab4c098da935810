"""The published report as a reader's browser shows it (Debian's Chromium, driven by Playwright).

Skipped, with the reason, where Chromium or Playwright is missing; `.ci/run` installs both.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

import pytest

from ffanalysis.presentation.reader_page import PAGE_BUDGETS, render
from ffanalysis.publishing.pages import country_index
from tests.conftest import Published
from tests.helpers import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [
    pytest.mark.slow,  # builds a site and drives a browser
    pytest.mark.skipif(
        CHROMIUM is None, reason="no Chromium on this machine: `apt-get install chromium` (CI does)"
    ),
]


@pytest.fixture(scope="module")
def site(published: Published) -> Path:
    return published.site


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (it is a test dependency)"
    )
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def open_page(browser, path: Path, width: int = 1200):
    """The page at `path`, with every request and console error recorded."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


PAGES = ["report.html", "countries/NOR.html"]


@pytest.mark.parametrize("name", PAGES)
def test_pages_load_offline_without_errors(browser, site: Path, name: str) -> None:
    page = open_page(browser, site / name)
    assert page.errors == []
    assert [url for url in page.requests if not url.startswith(("file:", "data:"))] == []
    charts = page.eval_on_selector_all(
        "svg.chart",
        "charts => charts.map(c => [c.getAttribute('aria-label'), c.getBoundingClientRect().width])",
    )
    assert charts and all(label and width > 0 for label, width in charts), charts


@pytest.mark.parametrize("name", PAGES)
def test_a_page_reads_as_an_article_not_a_notebook(browser, site: Path, name: str) -> None:
    page = open_page(browser, site / name)
    assert page.eval_on_selector_all("h1", "headings => headings.length") == 1
    alts = page.eval_on_selector_all("img", "images => images.map(image => image.alt)")
    assert all(alt and "No description" not in alt for alt in alts), alts
    text = page.inner_text("body")
    assert not re.search(r"\bNaN\b|<NA>|\bNone\b", text)
    headers = page.eval_on_selector_all("th", "cells => cells.map(cell => cell.innerText)")
    assert not [header for header in headers if re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+", header)]
    assert page.eval_on_selector_all(".jp-Cell, .jp-Notebook", "nodes => nodes.length") == 0


def test_every_table_of_contents_link_resolves(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html")
    targets = page.eval_on_selector_all("nav.toc a", "links => links.map(a => a.hash.slice(1))")
    assert len(targets) >= 4
    missing = [
        target
        for target in targets
        if not page.evaluate(
            "id => (document.getElementById(id) || document.getElementById(decodeURIComponent(id))) !== null",
            target,
        )
    ]
    assert missing == []


def test_every_note_number_reaches_its_note(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html")
    targets = page.eval_on_selector_all("a.note-ref", "links => links.map(a => a.hash.slice(1))")
    assert targets, "the chapters cite their evidence"
    assert page.eval_on_selector_all('a[href^="#evidence-"]', "links => links.length") == 0
    for target in set(targets):
        assert page.evaluate("id => document.getElementById(id) !== null", target), target


def test_a_note_previews_its_quote_on_keyboard_focus(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html")
    for _ in range(200):  # tab through the page to the first note number
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('note-ref')"):
            break
    else:
        pytest.fail("no note number can be reached with the keyboard")
    number = page.evaluate("document.activeElement.textContent")
    preview_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    preview = page.locator(f"#{preview_id}")
    assert preview.is_visible()
    quote = page.inner_text(f"#note-{number} q")
    assert quote and quote in preview.inner_text()
    page.keyboard.press("Tab")
    assert not preview.is_visible(), "the preview closes when the focus moves on"


def test_markup_in_the_data_shows_as_text_and_never_runs(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html")
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned = 1</script>" in page.inner_text("ol.sources")


@pytest.mark.parametrize("name", PAGES)
def test_the_pages_fit_a_phone_screen(browser, site: Path, name: str) -> None:
    page = open_page(browser, site / name, width=390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


CHART_TEXT_SIZES = """svg => [...svg.querySelectorAll('text')].map(text => {
    const matrix = text.getScreenCTM();
    return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
})"""
"""The size each chart text is drawn at on screen, in CSS pixels: its font size in the SVG's
units times the scale from those units to the screen."""


@pytest.mark.parametrize("name", PAGES)
def test_chart_text_reads_on_a_phone(browser, site: Path, name: str) -> None:
    page = open_page(browser, site / name, width=390)
    sizes = [
        size
        for chart in page.query_selector_all("svg.chart")
        for size in chart.evaluate(CHART_TEXT_SIZES)
    ]
    assert sizes, "the charts' text is SVG text, which a browser can measure"
    assert min(sizes) >= 9, sorted(sizes)[:5]


def test_each_chart_offers_its_data(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html")
    charts = page.eval_on_selector_all("svg.chart", "charts => charts.length")
    links = page.eval_on_selector_all(
        "a.data[download]", "links => links.map(a => [a.download, a.href.slice(0, 30)])"
    )
    assert 0 < len(links) <= charts  # a chart with nothing drawn has no data
    assert all(name.endswith(".csv") and href.startswith("data:text/csv") for name, href in links)


def test_every_page_keeps_within_its_weight_budget(site: Path) -> None:
    weights = {
        str(path.relative_to(site)): path.stat().st_size
        for pattern in PAGE_BUDGETS
        for path in site.glob(pattern)
    }
    over = {
        name: weight
        for name, weight in weights.items()
        if weight
        > next(budget for pattern, budget in PAGE_BUDGETS.items() if fnmatch(name, pattern))
    }
    assert len(weights) > 1 and over == {}


def visible_countries(page) -> list[str]:
    return page.eval_on_selector_all(
        "#country-index li", "items => items.filter(item => !item.hidden).map(i => i.innerText)"
    )


def test_typing_in_the_country_index_narrows_it_to_the_names_that_match(
    browser, tmp_path: Path
) -> None:
    path = tmp_path / "index.html"
    path.write_text(render(country_index(["NOR", "GBR", "CIV", "COL"]), "Index"), encoding="utf-8")
    page = open_page(browser, path)
    assert visible_countries(page) == ["Colombia", "Côte d'Ivoire", "Norway", "United Kingdom"]
    page.fill("#country-filter", "CO")
    assert visible_countries(page) == ["Colombia", "Côte d'Ivoire"]
    page.fill("#country-filter", "cote")  # accents need not be typed
    assert visible_countries(page) == ["Côte d'Ivoire"]
    page.fill("#country-filter", "")
    assert len(visible_countries(page)) == 4
    assert page.errors == []


def test_without_script_the_country_index_is_whole_and_the_field_hidden(
    browser, tmp_path: Path
) -> None:
    path = tmp_path / "index.html"
    path.write_text(render(country_index(["NOR", "GBR"]), "Index"), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri())
    assert not page.is_visible("#country-filter")
    assert visible_countries(page) == ["Norway", "United Kingdom"]
    context.close()


def test_the_reports_country_index_narrows_as_one_types(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html")
    page.fill("#country-filter", "zz")
    assert visible_countries(page) == []
    page.fill("#country-filter", "nor")
    assert visible_countries(page) == ["Norway"]


def test_a_long_logged_value_leaves_the_reasons_in_view(browser, tmp_path: Path) -> None:
    """A corrected address is one long word: the corrections table still fits a desktop
    column, so the reason beside it is read without scrolling sideways."""
    import pandas as pd

    from ffanalysis.presentation.corrections_log import methods_html
    from ffanalysis.presentation.reader_page import render

    address = "https://example.org/" + "averylongsegment/" * 8
    claims = pd.DataFrame({"claim_id": ["C1"], "claimant": ["Kyiv"], "metric": ["killed"]})
    corrections = pd.DataFrame(
        [
            {
                "table": "claims",
                "row_id": "C1",
                "field": "quote",
                "before": "",
                "after": address,
                "reason": "The source gives the address of the same article.",
            }
        ]
    )
    page_path = tmp_path / "methods.html"
    page_path.write_text(render(methods_html(corrections, {"claims": claims}), "Methods"))
    page = open_page(browser, page_path, width=1280)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    table = page.locator("table.corrections")
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth")
