"""The 2022 mobilisation beside earlier ones: how many came, how fast, how large a share.

A total alone flatters long wars, so each estimate is also given per month of war and as a
share of the force the volunteers joined. Every quantity stays an interval, durations too:
a war known to have begun 'in 2012' lasted somewhere within a year's margin.
"""

from __future__ import annotations

import pandas as pd

from .dates import parse_partial_date
from .interval_columns import bounds, by_size, intervals, join_ids, ratio, with_bounds

VOLUNTEER_METRICS = ("fighters_total", "volunteers_arrived")
"""Cumulative counts of volunteers, the only ones comparable across wars of any length."""

DAY_MONTHS = 12 / 365.25
"""Months in a day (an average month), to turn a span of days into months."""

COLUMNS = [
    "conflict",
    "name",
    "side",
    "figure_id",
    "metric",
    "claimant",
    "claimant_type",
    "source_id",
    "low",
    "high",
    "qualifier",
    "months_low",
    "months_high",
    "rate_low",
    "rate_high",
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
    as_of: str | None = None,
) -> pd.DataFrame:
    """Every estimate of the volunteers per conflict, with its rate per month and its share.

    An estimate is a `fighters_total` or `volunteers_arrived` figure in persons for all
    countries (ALL), on the side the conflict's row names (`side_joined`); `claims` supplies
    the 2022 war's. `months_*` is the war's length (`conflict_months`), `rate_*` the estimate
    per month of it, and `share_*` the estimate over the size of the force joined (a fraction:
    0.05 is 5%). That size
    spans every `host_force` figure of the conflict (listed in `host_ids`), since volunteers
    served across the force's growth; `host_ids` is empty where none is known, and the share
    then stays open. Pass the `as_of` date the claims were filtered with.
    """
    figures = _figures(historical, claims, conflicts)
    table = (
        figures.loc[figures["metric"].isin(VOLUNTEER_METRICS)]
        .merge(conflict_months(conflicts, as_of), on="conflict")
        .merge(_host_force(figures), on="conflict", how="left")
    )
    estimates = intervals(table["low"], table["high"])
    return (
        table.assign(
            **bounds(
                ratio(estimates, intervals(table["months_low"], table["months_high"])), "rate_"
            ),
            **bounds(ratio(estimates, intervals(table["host_low"], table["host_high"])), "share_"),
        )
        .pipe(by_size, by=["start", "conflict"])
        .reset_index(drop=True)[COLUMNS]
    )


def conflict_months(conflicts: pd.DataFrame, as_of: str | None = None) -> pd.DataFrame:
    """Each conflict's length in months, as an interval (`months_low`, `months_high`).

    Partial dates make the length uncertain: it runs from the latest possible start to the
    earliest possible end, up to the earliest start to the latest end. A war that goes on ends
    at `as_of` (its last day, if partial) or else today; one not yet begun by then lasts 0.
    """
    until = (
        pd.Timestamp(parse_partial_date(as_of)[1]) if as_of else pd.Timestamp.today().normalize()
    )
    end_start, end_end = conflicts["end_start"].fillna(until), conflicts["end_end"].fillna(until)
    return pd.DataFrame(
        {
            "conflict": conflicts["conflict_id"],
            "name": conflicts["name"],
            "start": conflicts["start_start"],
            "months_low": _months(end_start - conflicts["start_end"]),
            "months_high": _months(end_end - conflicts["start_start"]),
        }
    )


def _figures(
    historical: pd.DataFrame, claims: pd.DataFrame, conflicts: pd.DataFrame
) -> pd.DataFrame:
    """Historical and 2022 figures together: all countries, persons, the side each war joins."""
    pooled = pd.concat(
        [historical, claims.rename(columns={"claim_id": "figure_id"})], ignore_index=True
    ).astype({"side": "string", "metric": "string"})
    side_joined = conflicts.set_index("conflict_id")["side_joined"].astype("string")
    return with_bounds(
        pooled.loc[
            pooled["country"].eq("ALL")
            & pooled["unit"].eq("persons")
            & pooled["side"].eq(pooled["conflict"].map(side_joined))
        ]
    )


def _host_force(figures: pd.DataFrame) -> pd.DataFrame:
    """Per conflict, the span of every host_force figure; a bound open in any is open."""
    return (
        figures.loc[figures["metric"].eq("host_force")]
        .groupby("conflict")
        .agg(
            host_ids=("figure_id", join_ids),
            host_low=("low", _lowest),
            host_high=("high", _highest),
        )
        .reset_index()
    )


def _lowest(values: pd.Series) -> float | None:
    return values.min() if values.notna().all() else None


def _highest(values: pd.Series) -> float | None:
    return values.max() if values.notna().all() else None


def _months(span: pd.Series) -> pd.Series:
    return (span.dt.days * DAY_MONTHS).clip(lower=0).astype("Float64")
