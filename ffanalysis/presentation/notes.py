"""Numbered notes: every evidence link on a page becomes a note a reader can check in place.

The analysis links each number to the rows that state it (`text.cite`, by row id). On a
reader's page those links become superscript numbers, counted in order of first use; each
number previews its note on hover and on keyboard focus (plain HTML and CSS, no script), and
the full list of notes ends the page. A note holds the verbatim quote, who said it and when,
where we read it, and how its words became the figure. Everything from the data is escaped,
and every quote a reader sees is `unmarked`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from itertools import count
from typing import cast

import pandas as pd

from ..analysis.text import figure_text, period_text, reading
from ..data.schema import TABLES
from ..data.values import is_missing, number_or_none, text_or_empty

EVIDENCE_LINK = re.compile(r'<a href="#evidence-([a-z_]+)-([A-Za-z0-9_.-]+)">[^<]*</a>')
"""A link as `text.cite` writes it: to a row of a table, by its id."""

_CITE_GROUP = re.compile(r'<sup class="cite">\[((?:(?!</sup>).)*)\]</sup>', re.DOTALL)

_LINK_MARK = re.compile(r"\[([^\]]*)\]\(#\)")
"""A link in a source's saved text, '[20,000 volunteers](#)': the copy keeps the linked words
in brackets and drops the target. A quote keeps the brackets, to be found verbatim in the copy."""


def unmarked(quote: object) -> str:
    """The quote as a reader reads it: the source's words without the link marks of its copy
    (`_LINK_MARK`). The one rule for every quote shown, in a note or in a table."""
    return _LINK_MARK.sub(r"\1", str(quote))


@dataclass(frozen=True)
class Evidence:
    """The clean tables the notes quote from."""

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


@dataclass(frozen=True)
class Numbered:
    """A page body whose evidence links are numbered notes, and the notes in order."""

    body: str
    cited: list[tuple[str, str]]


def number_notes(body: str, evidence: Evidence) -> Numbered:
    """Replace each evidence link by its note's number and preview, numbering rows in the
    order they are first cited; the same row keeps its number wherever it is cited again."""
    numbers: dict[tuple[str, str], int] = {}
    occurrence = count(1)

    def note(match: re.Match[str]) -> str:
        cited = (match.group(1), match.group(2))
        number = numbers.setdefault(cited, len(numbers) + 1)
        preview = f"preview-{next(occurrence)}"
        return (
            f'<span class="note"><a class="note-ref" href="#note-{number}" '
            f'aria-describedby="{preview}">{number}</a>'
            f'<span class="note-preview" role="tooltip" id="{preview}">'
            f"{note_html(*cited, evidence)}</span></span>"
        )

    numbered = EVIDENCE_LINK.sub(note, body)
    numbered = _CITE_GROUP.sub(r'<sup class="cite">\1</sup>', numbered)
    return Numbered(numbered, list(numbers))


def notes_list(cited: list[tuple[str, str]], evidence: Evidence) -> str:
    """The page's notes in full, numbered as they are cited, each a link target."""
    if not cited:
        return ""
    items = "\n".join(
        f'<li id="note-{number}">{note_html(table, row_id, evidence)}</li>'
        for number, (table, row_id) in enumerate(cited, start=1)
    )
    return f'<h2 id="notes">Notes</h2>\n<ol class="notes">\n{items}\n</ol>'


def note_html(table: str, row_id: str, evidence: Evidence) -> str:
    """One note: the quote, who said it and when, where we read it, how we read it."""
    row = evidence.row(table, row_id)
    if row is None:
        return "This figure's record is missing from the data."
    if table == "sources":
        return f'<span class="where">{source_line(row)}</span>'
    parts = [
        _quote(row),
        _said(row),
        f'<span class="where">Read in {_where(row, evidence)}.</span>',
        _reading(row),
    ]
    return "".join(part for part in parts if part)


def source_line(source: pd.Series) -> str:
    """A source as a reader cites it: title, author and publisher, date."""
    byline = [_e(part) for part in (source.get("author"), source.get("publisher")) if _text(part)]
    published = _period(source, "published")
    details = ", ".join([*byline, *([_e(published)] if published else [])])
    return f"<cite>{_e(source['title'])}</cite>" + (f", {details}" if details else "")


def _quote(row: pd.Series) -> str:
    """The verbatim quote, `unmarked`; one not in English carries its language, for screen
    readers and fonts, and our English rendering, marked as ours."""
    quote = unmarked(_text(row.get("quote")))
    if not quote:
        return ""
    language = _text(row.get("quote_language"))
    if not language:
        return f'<span class="quote"><q>{_e(quote)}</q></span>'
    english = unmarked(_text(row.get("quote_english")))
    return (
        f'<span class="quote"><q lang="{_e(language)}">{_e(quote)}</q> '
        f'<span class="translation">(our translation: “{_e(english)}”)</span></span>'
    )


def _said(row: pd.Series) -> str:
    """Who stated the figure and when, and who reported it, for the tables that record it."""
    who = _text(row.get("claimant"))
    if not who:
        return ""
    when = _period(row, "stated_on")
    reported = _text(row.get("reported_by"))
    sentence = f"Stated by {_e(who)}" + (f", {_e(when)}" if when else "")
    if reported and reported != who:
        sentence += f"; reported by {_e(reported)}"
    return f'<span class="said">{sentence}.</span>'


def _where(row: pd.Series, evidence: Evidence) -> str:
    source = evidence.source(text_or_empty(row.get("source_id")))
    title = _e(source["title"]) if source is not None else _e(row.get("source_id"))
    locator = _text(row.get("locator"))
    return f"<cite>{title}</cite>" + (f", {_e(locator)}" if locator else "")


def _reading(row: pd.Series) -> str:
    """How the source's words became the figure: "'more than 20,000' → above 20,000, no upper
    bound"; nothing for rows that state no figure."""
    qualifier = _text(row.get("qualifier"))
    if not qualifier:
        return ""
    low, high = number_or_none(row.get("value_low")), number_or_none(row.get("value_high"))
    said = figure_text(low, high, qualifier, row.get("hedge"))
    return (
        f'<span class="reading">Read as: “{_e(said)}” → {_e(reading(low, high, qualifier))}.</span>'
    )


def _period(row: pd.Series, column: str) -> str:
    """The date a row gives, as a reader says it ('6 March 2022', 'March 2022'), or ''."""
    start, end = row.get(f"{column}_start"), row.get(f"{column}_end")
    return "" if is_missing(start) or is_missing(end) else period_text(start, end)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _e(value: object) -> str:
    return html.escape(text_or_empty(value))
