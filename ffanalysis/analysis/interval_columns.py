"""Figure rows as interval columns: the bridge between DataFrames and `ranges.Interval`.

Every analysis output holds an interval as two nullable Float64 columns, `low` and `high`
(prefixed when a row holds several), where <NA> is an open bound, as None is in `Interval`.
Arithmetic goes through `Interval`, so open bounds stay open and nothing becomes a midpoint.
"""

from __future__ import annotations

import math
from operator import attrgetter

import pandas as pd

from ..data.ranges import Interval

NO_BOUNDS = Interval(None, None)


def with_bounds(frame: pd.DataFrame) -> pd.DataFrame:
    """The figure rows that state a number, with the figure as `low` and `high`.

    `vague` rows ('hundreds') are left out: both bounds open would read as 'any number at all',
    which is not what the source says. Validation has already made value_low/value_high empty
    exactly where the qualifier leaves a bound open, so they are the bounds as they stand.
    """
    return frame.loc[frame["qualifier"] != "vague"].assign(
        low=lambda rows: rows["value_low"].astype("Float64"),
        high=lambda rows: rows["value_high"].astype("Float64"),
    )


def intervals(low: pd.Series, high: pd.Series) -> pd.Series:
    """Each row's bounds as an `Interval`, for arithmetic."""
    return pd.Series(list(map(Interval, _bound(low), _bound(high))), index=low.index, dtype=object)


def bounds(values: pd.Series, prefix: str = "") -> pd.DataFrame:
    """A Series of `Interval`s back as `<prefix>low` and `<prefix>high` columns."""
    return pd.DataFrame(
        {
            f"{prefix}low": values.map(attrgetter("low")).astype("Float64"),
            f"{prefix}high": values.map(attrgetter("high")).astype("Float64"),
        },
        index=values.index,
    )


def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """Row by row numerator / denominator, both Series of `Interval`s.

    A denominator that can only be zero bounds nothing, so its ratio is open on both sides.
    """
    return numerator.combine(denominator, _divide)


def by_size(frame: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """Figures from smallest to largest (within `by`), ranked by what they assert.

    The lower bound ranks first (an open one counts as zero: nothing is asserted), then the
    upper bound (an open one counts as no limit), so 'more than 20,000' outranks '20,000'.
    """
    keys = [*(by or []), "_floor", "_ceiling"]
    return (
        frame.assign(_floor=frame["low"].fillna(0.0), _ceiling=frame["high"].fillna(math.inf))
        .sort_values(keys, kind="stable")
        .drop(columns=["_floor", "_ceiling"])
    )


def same_figures(frame: pd.DataFrame, by: list[str] | None = None) -> pd.DataFrame:
    """One row per distinct interval (within `by`), with the claims and sources that state it.

    Several sources often repeat one figure; counting it once, with every claim_id behind it,
    keeps the repetition visible without letting it weigh as several findings. `rows` counts
    the rows, `statements` the independent statements among them (an echo of a statement
    already counted adds a row, not a statement).
    """
    return (
        frame.assign(_statement=statement_ids(frame, "claim_id"))
        .groupby([*(by or []), "low", "high"], dropna=False, observed=True)
        .agg(
            claim_ids=("claim_id", join_ids),
            source_ids=("source_id", join_ids),
            rows=("claim_id", "size"),
            statements=("_statement", "nunique"),
        )
        .reset_index()
    )


def statement_ids(frame: pd.DataFrame, key: str) -> pd.Series:
    """The statement each row records: the original's id for an echo, the row's own else."""
    if "echo_of" not in frame.columns:
        return frame[key]
    return frame["echo_of"].fillna(frame[key])


def originals(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows that are no echo of another: one row per statement, or per person."""
    return frame.loc[frame["echo_of"].isna()] if "echo_of" in frame.columns else frame


def join_ids(ids: pd.Series) -> str:
    """Identifiers as one sorted, comma-separated cell."""
    return ", ".join(sorted(set(ids)))


def _divide(numerator: Interval, denominator: Interval) -> Interval:
    return NO_BOUNDS if denominator.high == 0 else numerator / denominator


def _bound(values: pd.Series) -> pd.Series:
    """Bounds as floats, with None for an open bound (as `Interval` takes them)."""
    return values.astype(object).where(values.notna(), None)


def stated_span(low: pd.Series, high: pd.Series) -> tuple[float, float]:
    """The smallest and largest number stated (an open bound falls back to the other one);
    NaN for both when no number is stated."""
    lows = low.astype("Float64").fillna(high.astype("Float64")).dropna()
    highs = high.astype("Float64").fillna(low.astype("Float64")).dropna()
    if lows.empty:
        return math.nan, math.nan
    return float(lows.min()), float(highs.max())
