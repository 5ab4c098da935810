"""Numbers in words, as the report states them, and links from a number to its evidence.

Narrative cells never type a number: they format a value from the data with these functions,
and `cite` links it to the rows of the evidence appendix that state it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any, cast

from ..data.values import is_missing, number, number_or_none
from ..data.vocab import QUALIFIER

RANGE_DASH = "\N{EN DASH}"
"""Typographic dash between the ends of a range (1,500-2,000 set with an en dash)."""

QUALIFIER_WORDS = {
    "exact": "{low}",
    "about": "about {low}",
    "at_least": "at least {low}",
    "more_than": "more than {low}",
    "fewer_than": "fewer than {high}",
    "up_to": "up to {high}",
    "range": "{low}" + RANGE_DASH + "{high}",
    "vague": "an unstated number",
}
"""How each qualifier reads in a sentence, so a figure keeps the source's hedge."""

QUALIFIER_READINGS = {
    "exact": "exactly {low}",
    "about": "{low}, approximate as the source says",
    "at_least": "{low} or more, no upper bound",
    "more_than": "above {low}, no upper bound",
    "fewer_than": "below {high}, no lower bound",
    "up_to": "{high} or fewer, no lower bound",
    "range": "between {low} and {high}",
    "vague": "no number: the source states none",
}
"""How the analysis reads each qualifier's figure: the bounds it keeps, open ones open."""

if not set(QUALIFIER_WORDS) == set(QUALIFIER_READINGS) == set(QUALIFIER):
    raise ImportError("QUALIFIER_WORDS and QUALIFIER_READINGS must cover vocab.QUALIFIER")


HEDGE_SIGNS = {"~": "about", "c.": "about", "ca.": "about", "≈": "about", ">": "more than"}
"""Hedges that sources write as signs, in the words a sentence needs."""

READER_HEDGES = frozenset(
    {
        "about",
        "almost",
        "an estimated",
        "approximately",
        "around",
        "as many as",
        "at least",
        "estimated",
        "estimated around",
        "fewer than",
        "may be only",
        "more than",
        "nearly",
        "no more than about",
        "over",
        "perhaps",
        "probably",
        "probably much closer to",
        "roughly",
        "some",
        "thought to be around",
        "up to",
    }
)
"""Hedges a sentence can set before a number as they stand ('nearly 20,000'). The `hedge`
column keeps the source's own words, in any language and any word order ('are believed',
'Около'); those outside this list are read through the row's qualifier instead."""


def figure_text(
    low: float | None, high: float | None, qualifier: str, hedge: str | None = None
) -> str:
    """A stated figure in words, hedged as the source hedged it ('more than 20,000').

    The source's own `hedge` words ('nearly', 'may be only', 'some'), where the row records
    them, replace the qualifier's usual word: 'nearly 20,000' rather than 'up to 20,000'.
    """
    low_text, high_text = _number_or_blank(low), _number_or_blank(high)
    hedge = reader_hedge(hedge)
    if hedge and qualifier != "vague":
        bare = QUALIFIER_WORDS["range" if qualifier == "range" else "exact"]
        return f"{hedge} " + bare.format(low=low_text or high_text, high=high_text)
    return QUALIFIER_WORDS[qualifier].format(low=low_text, high=high_text)


def reading(low: float | None, high: float | None, qualifier: str) -> str:
    """How the analysis reads a figure ('above 20,000, no upper bound'), for a reader checking
    how the source's words became the number."""
    return QUALIFIER_READINGS[qualifier].format(
        low=_number_or_blank(low), high=_number_or_blank(high)
    )


def figures_in_words(frame: Any) -> Any:
    """Every figure row of a claims or historical frame in words, hedged as its source hedged
    it ('more than 20,000'), as a Series aligned with the frame."""
    import pandas as pd

    return pd.Series(
        [
            figure_text(number_or_none(low), number_or_none(high), str(qualifier), hedge)
            for low, high, qualifier, hedge in zip(
                frame["value_low"],
                frame["value_high"],
                frame["qualifier"],
                frame["hedge"],
                strict=True,
            )
        ],
        index=frame.index,
        dtype="string",
    )


def reader_hedge(hedge: object) -> str | None:
    """The source's hedge as a sentence sets it before a number, or None when it cannot be."""
    if not isinstance(hedge, str):
        return None
    words = HEDGE_SIGNS.get(hedge.strip(), hedge.strip().lower())
    return words if words in READER_HEDGES else None


def period_text(start: object, end: object) -> str:
    """The period a date can mean, as a reader says it: '6 March 2022', 'March 2022', '2022',
    'an unknown date'."""
    import pandas as pd

    if is_missing(start) or is_missing(end):
        return "an unknown date"
    first, last = pd.Timestamp(cast(Any, start)), pd.Timestamp(cast(Any, end))
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    if first.year == last.year:
        return f"{first:%Y}"
    return f"{first:%Y}{RANGE_DASH}{last:%Y}"


def interval_text(low: float | None, high: float | None, digits: int = 1) -> str:
    """A computed interval in words: '10 to 13.3' (en dash), 'at least 10', 'at most 750'."""
    low, high = number_or_none(low), number_or_none(high)
    if low is not None and high is not None:
        same = round(low, digits) == round(high, digits)
        return (
            number(low, digits) if same else number(low, digits) + RANGE_DASH + number(high, digits)
        )
    if low is not None:
        return f"at least {number(low, digits)}"
    if high is not None:
        return f"at most {number(high, digits)}"
    return "not known"


def share_text(low: float | None, high: float | None) -> str:
    """A share of a force in words, '0.15 to 7.66%' (en dash): two decimals, since shares of a force run
    well under one per cent."""
    low, high = number_or_none(low), number_or_none(high)
    return (
        interval_text(
            None if low is None else low * 100, None if high is None else high * 100, digits=2
        )
        + "%"
    )


def evidence_anchor(table: str, row_id: str) -> str:
    """The id of a row's entry in the report's evidence appendix."""
    return f"evidence-{table}-{row_id}"


def cite(table: str, ids: Iterable[str] | str) -> str:
    """Superscript links from a number to the appendix rows that state it.

    `ids` may be a list or a comma-separated cell (as the analysis functions return them).
    """
    row_ids = [part.strip() for part in ids.split(",")] if isinstance(ids, str) else list(ids)
    _CITED.update(dict.fromkeys((table, row_id) for row_id in row_ids if row_id))
    links = ", ".join(
        f'<a href="#{evidence_anchor(table, row_id)}">{row_id}</a>' for row_id in row_ids if row_id
    )
    return f'<sup class="cite">[{links}]</sup>' if links else ""


_CITED: dict[tuple[str, str], None] = {}
"""(table, row id) of every row `cite` has linked since `forget_citations`, in order: what a
notebook's own evidence list shows (`chapter.show_evidence`)."""


def cited_so_far() -> list[tuple[str, str]]:
    """The rows cited since the notebook began, in order of first citation."""
    return list(_CITED)


def forget_citations() -> None:
    """Start a notebook's list of citations afresh (a kept kernel runs several notebooks)."""
    _CITED.clear()


MARKDOWN_SIGNS = re.compile(r"([\\`*_\[\]()!|~$])")
"""Signs that make Markdown (or JupyterLab's maths) of plain text: links, images, emphasis,
code, tables, strikethrough. HTML's own signs are escaped as HTML instead."""


def inert(text: str) -> str:
    """Data text as a Markdown sentence may show it: shown, never run. A name like
    `[x](javascript:...)` or `![](http://...)` stays text; so does markup."""
    return html.escape(MARKDOWN_SIGNS.sub(r"\\\1", text))


def cited(text: str, table: str, ids: Iterable[str] | str) -> str:
    """Data text, made inert, followed by links to the rows that state it."""
    return inert(text) + cite(table, ids)


def _number_or_blank(value: float | None) -> str:
    present = number_or_none(value)
    return "" if present is None else number(present)


def plural(count: int, singular: str, plural_form: str) -> str:
    """'1 figure', '3 figures': a count with the noun that agrees with it."""
    return f"{number(count)} {singular if count == 1 else plural_form}"


def upper_first(text: str) -> str:
    """The text with its first letter a capital, to open a sentence ('the Netherlands ...' ->
    'The Netherlands ...'); the rest as it is, unlike `str.capitalize`."""
    return text[:1].upper() + text[1:]


def prison_term(years: float | None, open_ended: bool = False) -> str | None:
    """The longest term a law states: 'up to 1 year', '15 years or more' where the source
    leaves the top open ('15 years to life'); None where it states none."""
    if years is None:
        return None
    words = f"{number(years)} {'year' if years == 1 else 'years'}"
    return f"{words} or more" if open_ended else f"up to {words}"
