"""The data as it stood on a given day: what had been stated by then, and nothing later.

Every analysis can be rerun "as of" a date, so that a chart shows what a reader could have
known at that time. A row counts as stated on the last day its date can mean, so a figure
stated "in March 2022" is not counted before 31 March 2022.
"""

from __future__ import annotations

import pandas as pd

from .dates import parse_partial_date


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


def as_of(frame: pd.DataFrame, sources: pd.DataFrame, date: str | None) -> pd.DataFrame:
    """The rows stated on or before `date` (YYYY-MM-DD; "" or None keeps every row).

    A partial date (YYYY or YYYY-MM) means its last day. Rows whose date is unknown both
    ways (no stated_on and an undated source) are excluded once a date is given: they cannot
    be shown to have been known by then.
    """
    if not date:
        return frame
    cutoff = pd.Timestamp(parse_partial_date(date)[1])
    return frame.loc[stated_date(frame, sources) <= cutoff]
