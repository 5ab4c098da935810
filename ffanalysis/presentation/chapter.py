"""What every chapter notebook does first: check its parameters and load the data as of a date.

Papermill injects parameters as plain strings and warns, but goes on, when one is wrong, so a
chapter checks its own: a mistyped date or country stops it with a sentence saying what is
expected, instead of an empty chapter that looks like a finding.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, NamedTuple, cast
from urllib.parse import quote

import pandas as pd

from ..analysis.text import cite, cited_so_far, evidence_anchor, forget_citations, interval_text
from ..data import countries
from ..data.dates import parse_partial_date
from ..data.edition import Tables, check_as_of, load_tables
from ..data.values import is_missing


def check_country(country: str) -> str:
    """`country` if it names one country (ISO 3166-1 alpha-3, or XKX); else a ValueError."""
    if not countries.is_single_country(country):
        raise ValueError(
            f"country must be an ISO 3166-1 alpha-3 code such as GBR or USA; got {country!r}"
        )
    return country


class Setup(NamedTuple):
    """What a chapter starts from: its checked date, its tables, its figures folder and the
    date in words ('by the end of 2023', 'to date')."""

    as_of: str
    tables: Tables
    figures: Path
    when: str


def setup(as_of: object, data_dir: str, figures_dir: str = "") -> Setup:
    """A chapter's one setup line: `as_of, tables, figures, when = chapter.setup(as_of,
    data_dir, figures_dir)`, from its parameters as papermill passes them."""
    checked = check_as_of(as_of)
    return Setup(checked, tables(checked, data_dir or None), Path(figures_dir), date_words(checked))


def tables(as_of: object = "", data_dir: Path | str | None = None) -> Tables:
    """Every clean table as of a date (2023, 2023-06, 2023-06-30; "" for everything), as the
    chapters see them: `ff.tables("2023").claims`. A notebook loads its tables once, first, so
    the citations its evidence list shows (`text.cite`) start here."""
    checked = check_as_of(as_of)
    forget_citations()
    return load_tables(data_dir, checked)


def date_words(as_of: str) -> str:
    """'by 1 January 2022', 'by the end of March 2022', or 'to date' for no date."""
    if not as_of:
        return "to date"
    last = pd.Timestamp(parse_partial_date(as_of)[1])
    if len(as_of) == 4:
        return f"by the end of {last:%Y}"
    if len(as_of) == 7:
        return f"by the end of {last:%B %Y}"
    return f"by {last.day} {last:%B %Y}"


def show(chart) -> None:
    """Display a chart's SVG, labelled with its finding and what it draws, and its caption:
    notes to every source drawn and the data behind it."""
    from IPython.display import HTML, display

    display(HTML(image(chart)))
    display(HTML(caption(chart)))


def image(chart) -> str:
    """The chart's SVG inline: sharp at any width, its text selectable, and labelled for
    screen readers with its finding and what it draws (`Chart.alt`, escaped)."""
    svg = chart.svg.read_text(encoding="utf-8")
    drawing = svg[svg.index("<svg") :]
    drawing = _SVG_METADATA.sub("", drawing, count=1)
    label = html.escape(chart.alt)
    return drawing.replace("<svg ", f'<svg class="chart" role="img" aria-label="{label}" ', 1)


_SVG_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
"""matplotlib's RDF block: a licence of its own and a format line no reader needs."""


EVIDENCE_LIST = "evidence-list"
"""The output metadata that marks a notebook's own evidence list: the reader's pages number
their notes themselves and leave it out."""


def show_evidence(tables: Tables) -> None:
    """End a notebook with the evidence for every number it cited, each entry the target of
    the number's link, so that the links work in JupyterLab and in a plain export."""
    from IPython.display import HTML, display

    display(HTML(evidence_list(tables)), metadata={"ffanalysis": EVIDENCE_LIST})


def evidence_list(tables: Tables) -> str:
    """The evidence list's HTML: each cited row's id, quote, claimant, date and source."""
    from .notes import Evidence, note_html

    evidence = Evidence(
        {
            name: getattr(tables, name)
            for name in ("sources", "claims", "historical", "casualties", "legal_stances", "units")
        }
    )
    items = "\n".join(
        f'<li id="{evidence_anchor(table, row_id)}"><strong>{html.escape(row_id)}</strong> '
        f"{note_html(table, row_id, evidence)}</li>"
        for table, row_id in cited_so_far()
    )
    body = f'<ol class="evidence-list">\n{items}\n</ol>' if items else "<p>Nothing was cited.</p>"
    return f"<h2>Evidence for the numbers above</h2>\n{body}"


def show_table(table: pd.DataFrame, caption: str = "") -> None:
    """Display a reader's table (`reader_tables`): plain headers, no index, a dash for nothing."""
    from IPython.display import HTML, display

    from .reader_tables import html_table

    display(HTML(html_table(table, caption)))


def show_facts(items: list[str], heading: str = "Key facts") -> None:
    """Display a page's opening facts in a box (`facts_box`), as the report opens with its key
    findings."""
    from IPython.display import HTML, display

    display(HTML(facts_box(items, heading)))


def facts_box(items: list[str], heading: str) -> str:
    """The facts (HTML made by `notebook.fill`) as a list in a box under a heading."""
    listed = "\n".join(f"<li>{item}</li>" for item in items)
    return (
        '<section class="key-findings" aria-labelledby="key-facts">\n'
        f'<h2 id="key-facts">{html.escape(heading)}</h2>\n<ul>\n{listed}\n</ul>\n</section>'
    )


def caption(chart) -> str:
    """The line under a figure: a note for every source drawn (the figure's own line names two
    and counts the rest) and a link that downloads the data drawn, if anything was."""
    if chart.is_empty:
        return '<p class="caption">Nothing was drawn, so nothing is cited.</p>'
    return f'<p class="caption">Sources{cite("sources", chart.source_ids)}. {data_link(chart)}</p>'


def data_link(chart) -> str:
    """A link that downloads the chart's `reader_data` as CSV, carried in the page itself, so
    the page stays one file that works offline."""
    table = chart.reader_data.to_csv(index=False, lineterminator="\n", float_format="%.15g")
    href = "data:text/csv;charset=utf-8," + quote(table, safe=",")
    name = html.escape(f"{chart.svg.stem}.csv")
    return (
        f'<a class="data" download="{name}" href="{html.escape(href)}">Download the data (CSV)</a>'
    )


def records(frame: pd.DataFrame, key: str) -> dict[str, dict[str, Any]]:
    """A table as {key value: {column: value}}, with missing values as None and numbers as
    plain Python numbers, so `notebook.record` can store it as JSON."""
    plain = frame.astype(object).where(frame.notna(), None)
    return {
        str(row[key]): {
            str(column): _plain(value) for column, value in row.items() if column != key
        }
        for row in plain.to_dict("records")
    }


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def percent_text(low: float | None, high: float | None) -> str:
    """A share (0.05 is 5%) in words: '0.4 to 7.9%' (en dash), 'at most 7.7%', 'not known'."""
    scaled = [None if is_missing(value) else cast(float, value) * 100 for value in (low, high)]
    words = interval_text(scaled[0], scaled[1])
    return words if words == "not known" else f"{words}%"


def cite_figures(ids: str, claims: pd.DataFrame) -> str:
    """Links for the figure ids of `history.comparison`, each to its own table: the 2022 war's
    figures are rows of claims, the earlier wars' rows of historical."""
    parts = pd.Series([part for part in ids.split(", ") if part], dtype="string")
    in_claims = parts.isin(claims["claim_id"])
    return cite("claims", parts[in_claims].tolist()) + cite(
        "historical", parts[~in_claims].tolist()
    )


def share_clause(low: float | None, high: float | None) -> str:
    """A share of the force joined as a clause: '0.4-7.9% of the force joined' (en dash), or
    a plain statement that the force's size is not on record."""
    words = percent_text(low, high)
    if words == "not known":
        return "no size of the force joined is on record"
    return f"{words} of the force joined"
