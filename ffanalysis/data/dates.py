"""Partial dates: a source often says only '2022' or 'March 2022'.

A partial date is kept as the interval of days it can mean, so that '2022-03' is stated on or
before 31 March 2022 and after 28 February 2022, and `as_of` filtering never has to guess.
"""

import calendar
import re
from datetime import date
from functools import cache

PARTIAL_DATE_FORMATS = "YYYY, YYYY-MM or YYYY-MM-DD"
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class PartialDateError(ValueError):
    """Raised for text that is not a partial ISO date."""


@cache
def parse_partial_date(text: str) -> tuple[date, date]:
    """Return the first and last day that `text` (YYYY, YYYY-MM or YYYY-MM-DD) can mean.

    Cached: a table repeats the same few dates many times.
    """
    match = _PATTERN.fullmatch(text)
    if match is None:
        raise PartialDateError(f"{text!r} is not a date ({PARTIAL_DATE_FORMATS})")
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            last_day = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last_day)
        exact = date(year, month, day)
    except ValueError as error:
        raise PartialDateError(f"{text!r} is not a real date ({error})") from None
    return exact, exact


def bounds_or_none(text: str) -> tuple[date, date] | None:
    """`parse_partial_date`, or None for text that is not a partial date."""
    try:
        return parse_partial_date(text)
    except PartialDateError:
        return None


def format_partial_date(start: date, end: date) -> str:
    """The inverse of `parse_partial_date`: the shortest partial date for an interval."""
    if start == end:
        return start.isoformat()
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"{start.year:04d}"
    last_day = calendar.monthrange(start.year, start.month)[1]
    if start.day == 1 and (end.year, end.month, end.day) == (start.year, start.month, last_day):
        return f"{start.year:04d}-{start.month:02d}"
    raise ValueError(f"{start}..{end} is not a year, a month or a day")


def first_day(text: str) -> date | None:
    """The first day a partial date can mean; None for text that is not one."""
    bounds = bounds_or_none(text)
    return None if bounds is None else bounds[0]


def last_day(text: str) -> date | None:
    """The last day a partial date can mean; None for text that is not one."""
    bounds = bounds_or_none(text)
    return None if bounds is None else bounds[1]
