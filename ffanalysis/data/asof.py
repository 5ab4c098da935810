"""The data as it stood on a given day: what had been stated by then, and nothing later.

Every analysis can be rerun "as of" a date, so that a chart shows what a reader could have
known at that time. The rules for partial dates, in one place:

- **Cutting by `as_of`.** A row counts as stated on the *last* day its date can mean, so a
  figure stated "in March 2022" is not counted before 31 March 2022, and one stated "in 2022"
  not before 31 December 2022: a run never shows what could not yet be known.
- **Placing in time.** A figure is placed at the date it describes (`refers_to`), else at the
  date it was stated; on a chart it sits at the *middle* of the period that date can mean, and
  `date_precision` says whether that is a day, a month or only a year, so a year-only figure is
  drawn as imprecise instead of pretending to be a December figure.
- **No date of its own.** A row with no `stated_on` is dated by the source it was read in
  (published by then, so stated by then), except historical figures: an estimate of a war long
  over does not become news because the web page we read it on is recent or undated.
- **No `as_of`.** The data's vintage stands in: the last day any row can have been stated, so a
  rebuild next month with the same data prints the same numbers.
- **One language.** The command line, the notebooks and the API accept the same `as_of`
  (`check_as_of`): nothing, a year, a month or a day, not after today.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from .dates import bounds_or_none, parse_partial_date
from .problems import ParameterError

AS_OF_FORMS = "an ISO date such as 2023-06-30 (or 2023-06, 2023), or nothing for all the data"


def check_as_of(value: object, today: date | None = None) -> str:
    """`value` as an as-of date: "" for all the data, else a year, a month or a day that has
    begun by `today`. A year may come as a number (papermill passes `-p as_of 2023` as one).
    Anything else raises ParameterError, a ValueError, naming the forms accepted."""
    if value is None or value == "":
        return ""
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    bounds = bounds_or_none(text) if isinstance(text, str) else None
    if bounds is None:
        raise ParameterError(f"{value!r} is not a date: give {AS_OF_FORMS}")
    if bounds[0] > (today or date.today()):
        raise ParameterError(f"{text} is in the future")
    return str(text)


def stated_date(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """The last day each row can have been stated.

    That is the row's own `stated_on_end`; where the source does not date the statement (or
    the table has no such column), the cited source's `published_end` stands in, since the
    figure was stated by the time it was published. NaT where neither is known.
    """
    published = frame["source_id"].map(sources.set_index("source_id")["published_end"])
    return (
        frame.get("stated_on_end", published)
        .fillna(published)
        .astype("datetime64[s]")
        .rename("stated_date")
    )


def figure_period(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The period each figure describes: `refers_to`, else when it was stated.

    Columns `start` and `end` (the first and last day the date can mean), `placed_on` (the
    middle, for a chart) and `date_precision` ('day', 'month', 'year' or 'unknown').
    """
    published = sources.set_index("source_id")
    start = (
        frame["refers_to_start"]
        .fillna(frame["stated_on_start"])
        .fillna(frame["source_id"].map(published["published_start"]))
        .astype("datetime64[s]")
    )
    end = (
        frame["refers_to_end"]
        .fillna(frame["stated_on_end"])
        .fillna(frame["source_id"].map(published["published_end"]))
        .astype("datetime64[s]")
    )
    days = (end - start).dt.days
    precision = pd.Series("year", index=frame.index, dtype="object")
    precision = (
        precision.mask(days < 32, "month").mask(days == 0, "day").mask(end.isna(), "unknown")
    )
    return pd.DataFrame(
        {
            "start": start,
            "end": end,
            "placed_on": start + (end - start) / 2,
            "date_precision": precision,
        },
        index=frame.index,
    )


def as_of(
    frame: pd.DataFrame, sources: pd.DataFrame, date: str | None, *, dated_by_page: bool = True
) -> pd.DataFrame:
    """The rows stated on or before `date` (YYYY, YYYY-MM or YYYY-MM-DD; "" or None keeps
    every row).

    A partial date means its last day. Rows whose date is unknown both ways (no stated_on and
    an undated source) are excluded once a date is given: they cannot be shown to have been
    known by then. With `dated_by_page` False, a row without its own date is kept: the page it
    was read on says nothing of when it was first known.
    """
    if not date:
        return frame
    cutoff = pd.Timestamp(parse_partial_date(str(date))[1])
    if dated_by_page:
        return frame.loc[stated_date(frame, sources) <= cutoff]
    own = frame["stated_on_end"] if "stated_on_end" in frame else pd.Series(pd.NaT, frame.index)
    return frame.loc[own.isna() | (own <= cutoff)]


def vintage(*frames: pd.DataFrame) -> pd.Timestamp:
    """The data's vintage: the last day any row of `frames` can have been stated or published.

    It stands in for `as_of` when none is given, so the length of an ongoing war (and every
    rate over it) depends on the data, never on the day of the build.
    """
    columns = ("stated_on_end", "published_end")
    dates = [
        frame[column].max() for frame in frames for column in columns if column in frame.columns
    ]
    present = [date for date in dates if pd.notna(date)]
    if not present:
        raise ValueError("the data holds no date at all, so it has no vintage")
    return pd.Timestamp(max(present)).normalize()


def until(as_of_date: str | None, *frames: pd.DataFrame) -> pd.Timestamp:
    """The last day a run covers: `as_of`'s last day, else the data's vintage."""
    if as_of_date:
        return pd.Timestamp(parse_partial_date(str(as_of_date))[1])
    return vintage(*frames)
