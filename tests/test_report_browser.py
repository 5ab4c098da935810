"""The published report as a reader's browser shows it (Debian's Chromium, driven by Playwright).

Skipped, with the reason, where Chromium or Playwright is missing; `.ci/run` installs both.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize("name", ["report.html", "countries/NOR.html"])
def test_pages_load_offline_without_errors(browser, site: Path, name: str) -> None:
    page = open_page(browser, site / name)
    assert page.errors == []
    assert [url for url in page.requests if not url.startswith(("file:", "data:"))] == []
    widths = page.eval_on_selector_all("img", "images => images.map(image => image.naturalWidth)")
    assert widths and all(width > 0 for width in widths), widths


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


def test_every_evidence_link_reaches_its_quote(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html")
    targets = page.eval_on_selector_all(
        'a[href^="#evidence-"]', "links => links.map(a => a.hash.slice(1))"
    )
    assert targets, "the chapters cite their evidence"
    for target in set(targets):
        assert page.evaluate("id => document.getElementById(id) !== null", target), target


def test_markup_in_the_data_shows_as_text_and_never_runs(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html")
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned = 1</script>" in page.inner_text("ol.sources")


def test_the_report_fits_a_phone_screen(browser, site: Path) -> None:
    page = open_page(browser, site / "report.html", width=390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
