"""The 2022 mobilisation beside earlier ones: how many came, how fast, how large a share.

A total alone flatters long wars, so each estimate is also given per month and as a share of
the force the volunteers joined, each by one rule that divides like by like:

- **Per month.** A cumulative count (everyone who came up to a date) is divided by the months
  from the start of the conflict to the date the figure describes (its `refers_to`, else when
  it was stated; a figure with neither describes the whole war). A figure that covers more
  than the war's dates (a 2014-2019 estimate of a war whose recruiting ended in 2015) is
  divided by its own window, never by a shorter one. A war that goes on is measured to the run's `as_of`, or else the
  data's vintage, never to the day of the build. A window whose dates are too loose to bound
  it (its shortest possible length under `MIN_WINDOW_MONTHS`, or its longest more than
  `MAX_WINDOW_SPREAD` times its shortest) gives no rate: the sources do not allow one.
- **As a share.** Only a count of volunteers serving at one time is divided by the strength of
  the force they joined at one time, both describing about the same time (`SAME_TIME`), or
  both the war as a whole. Uncertain strengths are not used.

Every quantity stays an interval, durations too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import vocab
from ..data.asof import figure_period, until
from .comparisons import dated_together
from .interval_columns import bounds, by_size, intervals, join_ids, originals, ratio, with_bounds

DAY_MONTHS = 12 / 365.25
"""Months in a day (an average month), to turn a span of days into months."""

MIN_WINDOW_MONTHS = 1.0
"""A rate over a window that may be shorter than a month says nothing about a war's pace."""

MAX_WINDOW_SPREAD = 2.0
"""A window known only to lie between N and more than twice N months bounds no rate."""

COLUMNS = [
    "conflict",
    "name",
    "side",
    "figure_id",
    "metric",
    "counts",
    "claimant",
    "claimant_type",
    "source_id",
    "uncertain",
    "low",
    "high",
    "qualifier",
    "months_low",
    "months_high",
    "rate_low",
    "rate_high",
    "rate_note",
    "host_ids",
    "host_low",
    "host_high",
    "share_low",
    "share_high",
]


def comparison(
    historical: pd.DataFrame,
    conflicts: pd.DataFrame,
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    as_of: str | None = None,
) -> pd.DataFrame:
    """Every estimate of the volunteers per conflict, with its rate per month and its share.

    An estimate is a volunteer headcount in persons for all countries (ALL), on the side the
    conflict's row names (`side_joined`), that is a cumulative count or a count serving at one
    time (never a subset or another population); `claims` supplies the 2022 war's. Cumulative
    counts get `months_*` and `rate_*` (or a `rate_note` saying why not); counts at one time get
    `share_*` over the force's strength at about the same time (a fraction: 0.05 is 5%), with
    the strengths used in `host_ids`. Pass the `as_of` date the tables were cut to.
    """
    figures = _figures(historical, claims, conflicts, sources)
    estimates = figures.loc[
        figures["metric"].isin([*vocab.CAME_METRICS, *vocab.SERVING_METRICS])
        & figures["counts"].isin(["cumulative", "at_one_time"])
    ]
    end_of_run = until(as_of, claims, historical, sources)
    table = estimates.merge(_conflict_dates(conflicts, end_of_run), on="conflict")
    return (
        pd.concat([_rates(table), _shares(table, figures)], axis=1)
        .pipe(lambda frame: pd.concat([table, frame], axis=1))
        .pipe(by_size, by=["start", "conflict"])
        .reset_index(drop=True)
        .reindex(columns=COLUMNS)
    )


def conflict_months(conflicts: pd.DataFrame, end_of_run: pd.Timestamp) -> pd.DataFrame:
    """Each conflict's length in months to its end (or `end_of_run`, if it goes on), as an
    interval (`months_low`, `months_high`): partial dates make a length uncertain."""
    dates = _conflict_dates(conflicts, end_of_run)
    return dates.assign(
        months_low=_months(dates["end_first"] - dates["start_last"]),
        months_high=_months(dates["end_last"] - dates["start_first"]),
    )[["conflict", "name", "start", "months_low", "months_high"]]


def window_is_loose(months_low: pd.Series, months_high: pd.Series) -> pd.Series:
    """Windows too loosely dated to divide by (see the module docstring)."""
    low, high = months_low.astype("Float64"), months_high.astype("Float64")
    return (low.lt(MIN_WINDOW_MONTHS) | high.gt(low * MAX_WINDOW_SPREAD)).fillna(True).astype(bool)


def _conflict_dates(conflicts: pd.DataFrame, end_of_run: pd.Timestamp) -> pd.DataFrame:
    ongoing = conflicts["end_end"].isna()
    return pd.DataFrame(
        {
            "conflict": conflicts["conflict_id"],
            "name": conflicts["name"],
            "start": conflicts["start_start"],
            "start_first": conflicts["start_start"],
            "start_last": conflicts["start_end"],
            "end_first": conflicts["end_start"].mask(ongoing, end_of_run),
            "end_last": conflicts["end_end"].mask(ongoing, end_of_run),
        }
    )


def _figures(
    historical: pd.DataFrame,
    claims: pd.DataFrame,
    conflicts: pd.DataFrame,
    sources: pd.DataFrame,
) -> pd.DataFrame:
    """Historical and 2022 figures together, one row per statement: all countries, persons,
    the side each war joins, each with the period it describes."""
    pooled = pd.concat(
        [historical, claims.rename(columns={"claim_id": "figure_id"})], ignore_index=True
    ).astype({"side": "string", "metric": "string", "counts": "string"})
    side_joined = conflicts.set_index("conflict_id")["side_joined"].astype("string")
    chosen = originals(
        pooled.loc[
            pooled["country"].eq("ALL")
            & pooled["unit"].eq("persons")
            & pooled["side"].eq(pooled["conflict"].map(side_joined))
        ]
    )
    period = figure_period(chosen, sources)
    own_date = chosen["refers_to_end"].notna() | chosen["figure_id"].isin(claims["claim_id"])
    return with_bounds(chosen).assign(
        date_start=period["start"].where(own_date),
        date_end=period["end"].where(own_date),
    )


def _rates(table: pd.DataFrame) -> pd.DataFrame:
    """Per month from the start of recruiting to each cumulative figure's own date."""
    cumulative = table["counts"].eq("cumulative")
    window_end_first = table["date_start"].fillna(table["end_first"])
    window_end_last = table["date_end"].fillna(table["end_last"])
    months_low = _months(window_end_first - table["start_last"]).where(cumulative)
    months_high = _months(window_end_last - table["start_first"]).where(cumulative)
    loose = window_is_loose(months_low, months_high) & cumulative
    usable = cumulative & ~loose
    rates = bounds(
        ratio(
            intervals(table["low"], table["high"]),
            intervals(months_low.where(usable), months_high.where(usable)),
        ),
        "rate_",
    ).where(usable)
    note = pd.Series(pd.NA, index=table.index, dtype="string").mask(loose, "window_too_loose")
    return pd.DataFrame(
        {"months_low": months_low, "months_high": months_high, **rates, "rate_note": note},
        index=table.index,
    ).astype({"rate_low": "Float64", "rate_high": "Float64"})


def _shares(table: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Counts serving at one time over the host force's strength at about the same time."""
    hosts = figures.loc[
        figures["metric"].eq("host_force")
        & figures["counts"].eq("at_one_time")
        & ~figures["uncertain"].fillna(False).astype(bool),
        ["conflict", "figure_id", "low", "high", "date_start"],
    ]
    pairs = (
        table.loc[table["counts"].eq("at_one_time"), ["conflict", "date_start"]]
        .rename_axis("estimate")
        .reset_index()
        .merge(hosts, on="conflict", suffixes=("", "_host"))
        .pipe(lambda pairs: pairs.loc[_same_time(pairs["date_start"], pairs["date_start_host"])])
    )
    host = (
        pairs.groupby("estimate")
        .agg(
            host_ids=("figure_id", join_ids),
            host_low=("low", _lowest),
            host_high=("high", _highest),
        )
        .reindex(table.index)
        .fillna({"host_ids": ""})
        .astype({"host_ids": "str", "host_low": "Float64", "host_high": "Float64"})
    )
    shares = bounds(
        ratio(
            intervals(table["low"], table["high"]), intervals(host["host_low"], host["host_high"])
        ),
        "share_",
    ).where(host["host_ids"].ne(""))
    return pd.concat([host, shares], axis=1)


def _same_time(estimate: pd.Series, host: pd.Series) -> np.ndarray:
    """Pairs whose strength describes about the estimate's time; or, for an estimate of the
    war as a whole, a strength that describes the war as a whole too."""
    whole_war = estimate.isna().to_numpy() & host.isna().to_numpy()
    return whole_war | dated_together(estimate.to_numpy(), host.to_numpy())


def _lowest(values: pd.Series) -> float | None:
    return values.min() if len(values) and values.notna().all() else None


def _highest(values: pd.Series) -> float | None:
    return values.max() if len(values) and values.notna().all() else None


def _months(span: pd.Series) -> pd.Series:
    return (span.dt.days * DAY_MONTHS).clip(lower=0).astype("Float64")


def conflict_names(conflicts: pd.DataFrame) -> pd.Series:
    """Each conflict's name up to its first qualification ('Syria/Iraq (Islamic State) ...' ->
    'Syria/Iraq'), by conflict_id: short enough for a row label or a title."""
    return conflicts.set_index("conflict_id")["name"].str.split(r" \(| /|,", regex=True).str[0]
