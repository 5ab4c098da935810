"""From executed notebooks to self-contained HTML pages a reader can check number by number.

A page is the outputs of one or more executed notebooks, without code (`reader_page`): the
chapters or a country profile, every evidence link a numbered note (`notes`), then the notes in
full and the sources the page cites. Everything that comes from the data is escaped here, so a
quote holding markup shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import urlsplit

import nbformat
import pandas as pd
from nbformat import NotebookNode

from ..data.values import text_or_empty
from .chapter import EVIDENCE_LIST
from .notebook import RECORD_MIMETYPE
from .notes import Evidence, notes_list, number_notes, source_line
from .reader_page import cell_html, render


def page_html(
    cells: Iterable[NotebookNode], evidence: Evidence, *, title: str, sources: str = "cited"
) -> str:
    """A reader's page: the cells cleaned for readers, every evidence link a numbered note,
    the notes in full, then the sources the page cites."""
    body = "\n".join(cell_html(_for_readers(cell)) for cell in cells if not _is_parameters(cell))
    numbered = number_notes(body, evidence)
    return render(
        "\n".join(
            [
                numbered.body,
                notes_list(numbered.cited, evidence),
                sources_list(cited_sources(numbered.cited, evidence), evidence),
            ]
        ),
        title,
    )


def cited_sources(cited: list[tuple[str, str]], evidence: Evidence) -> list[str]:
    """The sources a page cites, directly or through a row read in them, in order of use."""
    ids = (
        row_id if table == "sources" else text_or_empty(row.get("source_id"))
        for table, row_id in cited
        if (row := evidence.row(table, row_id)) is not None
    )
    return list(dict.fromkeys(source_id for source_id in ids if source_id))


def sources_list(source_ids: list[str], evidence: Evidence) -> str:
    """The sources, each with its publisher, date and a link, marked where a reader should
    weigh it: a partisan outlet, a copy or mirror of another source."""
    if not source_ids:
        return ""
    items = "\n".join(
        _source_item(source) for source_id in source_ids
        if (source := evidence.source(source_id)) is not None
    )  # fmt: skip
    return f'<h2 id="sources">Sources</h2>\n<ol class="sources">\n{items}\n</ol>'


def _source_item(source: pd.Series) -> str:
    marks = []
    if str(source.get("partisan")).lower() == "true":
        marks.append("a partisan outlet")
    copied = text_or_empty(source.get("copy_of"))
    if copied:
        marks.append("a copy of another source in this list")
    url = text_or_empty(source.get("url"))
    link = (
        f' <a href="{_e(url)}">{_e(urlsplit(url).netloc or url)}</a>'
        if url.startswith(("https://", "http://"))
        else ""
    )
    marked = f" <em>({'; '.join(marks)})</em>" if marks else ""
    return f'<li id="source-{_e(source["source_id"])}">{source_line(source)}.{marked}{link}</li>'


def _for_readers(cell: NotebookNode) -> NotebookNode:
    """The cell without what readers should not see: recorded values, error streams, and the
    notebook's own evidence list (the page has numbered notes instead)."""
    if cell.get("cell_type") != "code":
        return cell
    outputs = [
        output
        for output in cell.get("outputs", [])
        if RECORD_MIMETYPE not in output.get("data", {})
        and not (output.get("output_type") == "stream" and output.get("name") == "stderr")
        and output.get("metadata", {}).get("ffanalysis") != EVIDENCE_LIST
    ]
    return nbformat.from_dict({**cell, "outputs": outputs})


def _is_parameters(cell: NotebookNode) -> bool:
    tags = cell.get("metadata", {}).get("tags", [])
    return "parameters" in tags or "injected-parameters" in tags


def html_cell(content: str) -> NotebookNode:
    """A code-less cell whose output is HTML, so the exporter shows it without code."""
    cell = nbformat.v4.new_code_cell(source="")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": content})]
    return cell


def _e(value: object) -> str:
    return html.escape(text_or_empty(value))
