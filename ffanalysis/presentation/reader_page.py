"""A notebook as a reader's page: the project's own HTML template and stylesheet.

The pages are articles, not notebook exports: Markdown becomes HTML, each output is shown by
what it is (HTML, an SVG or PNG chart, Markdown), code and prompts never appear, and the page
carries a slim stylesheet of its own rather than JupyterLab's. Nothing is fetched when a page
opens: images are inline and the stylesheet is in the page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from string import Template

from nbconvert.filters.markdown import markdown2html
from nbformat import NotebookNode

PAGE_TEMPLATES = Path(__file__).resolve().parent / "templates" / "page"
TOC_PLACEHOLDER = "<!-- ffanalysis:toc -->"
"""Where a page wants its table of contents (the report puts it after its opening)."""

PAGE_BUDGETS = {"report.html": 1_500_000, "countries/*.html": 150_000}
"""Bytes a published page may weigh, by its path in the site: everything is inline, so this is
what a reader downloads (kept by a browser test, reported by benchmarks/)."""

_ANCHOR_LINK = re.compile(r'<a class="anchor-link" href="#[^"]*">&#182;</a>')
_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)


def render(body: str, title: str) -> str:
    """The whole page: `body` (HTML) inside the project's template and stylesheet."""
    page = Template((PAGE_TEMPLATES / "page.html").read_text(encoding="utf-8"))
    return page.substitute(
        title=html.escape(title),
        style=(PAGE_TEMPLATES / "reader.css").read_text(encoding="utf-8").strip(),
        body=with_table_of_contents(body),
    )


def cell_html(cell: NotebookNode) -> str:
    """One cell as a reader sees it: Markdown as HTML, a code cell as its outputs only."""
    if cell.get("cell_type") == "markdown":
        return _markdown(cell.get("source", ""))
    if cell.get("cell_type") != "code":
        return ""
    return "\n".join(output_html(output) for output in cell.get("outputs", []))


def output_html(output: NotebookNode) -> str:
    """One output by the richest form a reader's page can show; text printed by code as
    preformatted text, escaped."""
    if output.get("output_type") == "stream":
        return f"<pre>{html.escape(output.get('text', ''))}</pre>"
    data = output.get("data", {})
    if "text/html" in data:
        return _text(data["text/html"])
    if "image/svg+xml" in data:
        return _text(data["image/svg+xml"])
    if "image/png" in data:
        return f'<img src="data:image/png;base64,{_text(data["image/png"]).strip()}" alt="">'
    if "text/markdown" in data:
        return _markdown(_text(data["text/markdown"]))
    if "text/plain" in data:
        return f"<pre>{html.escape(_text(data['text/plain']))}</pre>"
    return ""


def with_table_of_contents(body: str) -> str:
    """Replace the placeholder, if the page has one, by links to every section (h2)."""
    if TOC_PLACEHOLDER not in body:
        return body
    items = "".join(
        f'<li><a href="#{anchor}">{_plain(title)}</a></li>'
        for anchor, title in _HEADING.findall(body)
    )
    nav = f'<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>{items}</ol></nav>'
    return body.replace(TOC_PLACEHOLDER, nav, 1)


def _markdown(source: str) -> str:
    """Markdown as HTML, headings with their ids but without the notebook's pilcrow links."""
    return _ANCHOR_LINK.sub("", markdown2html(source))


def _text(value: str | list[str]) -> str:
    return "".join(value) if isinstance(value, list) else value


def _plain(fragment: str) -> str:
    """Heading text without its markup."""
    return html.escape(html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip())
