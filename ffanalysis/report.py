"""From executed notebooks to self-contained HTML pages a reader can check number by number.

A page is one notebook exported without code: the chapters (or a country profile), then an
evidence appendix that lists, for every row the text cites, who said it, when, where and the
verbatim quote, and a list of sources. Everything that comes from the data is escaped here, so
a quote holding markup shows as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

import nbformat
import pandas as pd
from nbformat import NotebookNode
from traitlets.config import Config

from .dates import format_partial_date
from .notebook import RECORD_MIMETYPE
from .schema import TABLES
from .text import evidence_anchor
from .values import is_missing, text_or_empty

TEMPLATES = Path(__file__).resolve().parent / "templates"
TOC_PLACEHOLDER = "<!-- ffanalysis:toc -->"
_EVIDENCE_LINK = re.compile(r'href="#evidence-([a-z_]+)-([A-Za-z0-9_.-]+)"')
_HEADING = re.compile(r'<h([12]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)


@dataclass(frozen=True)
class Evidence:
    """The clean tables the appendix quotes from."""

    tables: dict[str, pd.DataFrame]
    _by_key: dict[str, pd.DataFrame] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # A page cites hundreds of rows: look each up by its key, not by scanning the table.
        keyed = {
            name: frame.set_index(TABLES[name].key, drop=False)
            for name, frame in self.tables.items()
        }
        object.__setattr__(self, "_by_key", keyed)

    def row(self, table: str, row_id: str) -> pd.Series | None:
        frame = self._by_key.get(table)
        if frame is None or row_id not in frame.index:
            return None
        return cast(pd.Series, frame.loc[row_id])

    def source(self, source_id: str) -> pd.Series | None:
        return self.row("sources", source_id)


def page_notebook(
    cells: Iterable[NotebookNode], evidence: Evidence, *, title: str, all_sources: bool = False
) -> NotebookNode:
    """One notebook for a page: the given cells, cleaned for readers, then the appendix.

    The source list names the sources the page cites, or with `all_sources` every source.
    """
    body = [_for_readers(cell) for cell in cells if not _is_parameters(cell)]
    appendix = appendix_cells(cited_rows(body), evidence, all_sources=all_sources)
    notebook = nbformat.v4.new_notebook(cells=[*body, *appendix])
    for number, cell in enumerate(notebook.cells, start=1):
        cell.id = f"cell-{number}"  # not nbformat's random ids: the same page, the same bytes
    notebook.metadata["title"] = title
    return notebook


def cited_rows(cells: Iterable[NotebookNode]) -> list[tuple[str, str]]:
    """(table, row id) for every evidence link in the cells, in order of first citation."""
    text = "\n".join(_cell_text(cell) for cell in cells)
    return list(dict.fromkeys(_EVIDENCE_LINK.findall(text)))


def appendix_cells(
    cited: list[tuple[str, str]], evidence: Evidence, *, all_sources: bool = False
) -> list[NotebookNode]:
    """The evidence appendix and the source list, as raw HTML cells built from escaped data."""
    entries = "\n".join(_evidence_entry(table, row_id, evidence) for table, row_id in cited)
    used_sources = (
        evidence.tables["sources"]["source_id"].tolist()
        if all_sources
        else dict.fromkeys(
            row["source_id"]
            for table, row_id in cited
            if (row := evidence.row(table, row_id)) is not None and "source_id" in row
        )
    )
    sources = "\n".join(_source_item(source_id, evidence) for source_id in used_sources)
    return [
        html_cell(
            '<h2 id="evidence">Evidence</h2>\n'
            "<p>Every number above links here: who stated it, when, where we read it, and the "
            "source's own words.</p>\n"
            f'<dl class="evidence">\n{entries or "<dd>No figures are cited on this page.</dd>"}\n</dl>'
        ),
        html_cell(f'<h2 id="sources">Sources</h2>\n<ol class="sources">\n{sources}\n</ol>'),
    ]


def to_html(notebook: NotebookNode) -> str:
    """The page as one self-contained HTML file: no code, images inline, nothing fetched."""
    body, _ = _exporter().from_notebook_node(notebook)
    return with_table_of_contents(body)


@cache
def _exporter():
    """One exporter for every page: building one compiles its templates, which takes longer
    than exporting a country page."""
    from nbconvert import HTMLExporter

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"injected-parameters", "parameters"}
    return HTMLExporter(
        config=config,
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="offline",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


def with_table_of_contents(page: str) -> str:
    """Replace the template's placeholder by links to every h1 and h2 of the page."""
    items = [
        f'<li class="toc-h{level}"><a href="#{anchor}">{_plain(title)}</a></li>'
        for level, anchor, title in _HEADING.findall(page)
    ]
    nav = f'<nav class="toc" aria-label="Contents"><strong>Contents</strong><ol>{"".join(items)}</ol></nav>'
    return page.replace(TOC_PLACEHOLDER, nav, 1)


def _evidence_entry(table: str, row_id: str, evidence: Evidence) -> str:
    anchor = evidence_anchor(table, row_id)
    row = evidence.row(table, row_id)
    if row is None:
        return f'<dt id="{anchor}">{_e(row_id)}</dt><dd>Not found in the {_e(table)} table.</dd>'
    if "quote" not in row:
        return (
            f'<dt id="{anchor}">{_e(row_id)} ({_e(table)})</dt>\n'
            f'<dd>The whole of <a href="#source-{_e(row_id)}">{_e(row.get("title", row_id))}</a>, '
            "not one passage of it.</dd>"
        )
    source = evidence.source(row["source_id"])
    said = _said_by(row)
    where = _e(source["title"]) if source is not None else _e(row["source_id"])
    return (
        f'<dt id="{anchor}">{_e(row_id)} ({_e(table)})</dt>\n'
        f"<dd>{said}Read in <cite>{where}</cite>, {_e(row['locator'])}."
        f"<blockquote>{_e(row['quote'])}</blockquote></dd>"
    )


def _said_by(row: pd.Series) -> str:
    """Who stated the row and when, for the tables that record it."""
    if "claimant" not in row:
        return ""
    when = _partial_date(row, "stated_on")
    dated = f" ({_e(when)})" if when else ""
    reported = row.get("reported_by")
    via = f", reported by {_e(reported)}" if isinstance(reported, str) and reported else ""
    return f"Stated by {_e(row['claimant'])}{dated}{via}. "


def _partial_date(row: pd.Series, column: str) -> str:
    start, end = row.get(f"{column}_start"), row.get(f"{column}_end")
    if is_missing(start):
        return ""
    return format_partial_date(
        pd.Timestamp(cast(Any, start)).date(), pd.Timestamp(cast(Any, end)).date()
    )


def _source_item(source_id: str, evidence: Evidence) -> str:
    source = evidence.source(source_id)
    if source is None:
        return f"<li>{_e(source_id)}</li>"
    parts = [
        _e(part)
        for part in (source["author"], source["publisher"])
        if isinstance(part, str) and part
    ]
    published = _partial_date(source, "published")
    url = source["url"]
    link = (
        f' <a href="{_e(url)}">{_e(url)}</a>'
        if isinstance(url, str) and url.startswith(("https://", "http://"))
        else ""
    )
    byline = ", ".join(parts + ([_e(published)] if published else []))
    return (
        f'<li id="source-{_e(source_id)}"><cite>{_e(source["title"])}</cite>. {byline}.{link}</li>'
    )


def _for_readers(cell: NotebookNode) -> NotebookNode:
    """The cell without what readers should not see: recorded values and error streams."""
    if cell.get("cell_type") != "code":
        return cell
    outputs = [
        output
        for output in cell.get("outputs", [])
        if RECORD_MIMETYPE not in output.get("data", {})
        and not (output.get("output_type") == "stream" and output.get("name") == "stderr")
    ]
    return nbformat.from_dict({**cell, "outputs": outputs})


def _is_parameters(cell: NotebookNode) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return "parameters" in tags or "injected-parameters" in tags


def _cell_text(cell: NotebookNode) -> str:
    if cell.get("cell_type") != "code":
        return cell.get("source", "")
    return "\n".join(
        str(value)
        for output in cell.get("outputs", [])
        for mimetype, value in output.get("data", {}).items()
        if mimetype in ("text/markdown", "text/html")
    )


def html_cell(content: str) -> NotebookNode:
    """A code-less cell whose output is HTML, so the exporter shows it without code."""
    cell = nbformat.v4.new_code_cell(source="")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": content})]
    return cell


def _plain(fragment: str) -> str:
    """Heading text without its markup and its pilcrow anchor link."""
    text = re.sub(r"<a class=\"anchor-link\".*?</a>", "", fragment, flags=re.DOTALL)
    return _e(html.unescape(re.sub(r"<[^>]+>", "", text)).strip())


def _e(value: object) -> str:
    return html.escape(text_or_empty(value))
