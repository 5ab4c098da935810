"""Deaths of foreign volunteers: named counts, which are floors, beside aggregate claims.

A named count lists deaths one by one, so it can only miss some: it is a floor, never a total.
Every output says so in an `is_floor` column, so a chart cannot present a floor as an estimate.
"""

from __future__ import annotations

import pandas as pd

from ..data import vocab
from .interval_columns import originals, with_bounds

AGGREGATE_COLUMNS = [
    "claimant_type",
    "claimant",
    "country",
    "stated_on_end",
    "low",
    "high",
    "qualifier",
    "hedge",
    "claim_id",
    "source_id",
    "is_floor",
]


def people(casualties: pd.DataFrame) -> pd.DataFrame:
    """One row per person: a person named in two documents is linked (`echo_of`), and counted
    once, on the row that first names them."""
    return originals(casualties)


def fighters(casualties: pd.DataFrame) -> pd.DataFrame:
    """The people killed who were not there as aid workers, medics or journalists: a list of
    the foreigners who died is not a list of those who died fighting."""
    return people(casualties).loc[lambda rows: rows["role"].ne("non_combatant")]


def named_deaths_over_time(casualties: pd.DataFrame) -> pd.DataFrame:
    """Named deaths per side and month, with the running total (`cumulative`), each person once.

    A death counts in the month of the last day it can have happened (`died_on_end`), so the
    running total is the number certainly dead by the end of that month. Deaths with no date
    are never dropped: they form a last row per side with `month` NaT and `dated` False, whose
    `cumulative` is therefore the side's whole count.
    """
    persons = people(casualties)
    return (
        persons.assign(month=persons["died_on_end"].dt.to_period("M"))
        .groupby(["side", "month"], dropna=False, observed=True)
        .size()
        .rename("named_deaths")
        .reset_index()
        .assign(
            cumulative=lambda counts: counts.groupby("side", observed=True)[
                "named_deaths"
            ].cumsum(),
            dated=lambda counts: counts["month"].notna(),
            is_floor=True,
        )
    )


def listed_by_country(listed: pd.DataFrame) -> pd.DataFrame:
    """A list's named deaths per citizenship, most first; every label kept.

    `listed` is a reference table of named deaths by citizenship and month (`registry`).
    Labels that name no country (undetermined, a foreign unit) stay as rows with an empty
    `country`, so the counts add up to the list's total.
    """
    return (
        listed.groupby(["country", "citizenship_english"], dropna=False)["named_deaths"]
        .sum()
        .reset_index()
        .sort_values(["named_deaths", "country"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
        .assign(is_floor=True)
    )


def aggregate_death_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Every numeric `killed` statement about foreigners on Ukraine's side, grouped by claimant:
    no subset (one battle, one unit) and no other population (everyone killed at a base).

    `is_floor` is True where the figure states only a minimum ('at least 100'), which is how
    a named count must be read; other figures are estimates or claims with an upper bound.
    """
    killed = originals(
        claims.loc[
            claims["side"].eq("ukraine")
            & claims["metric"].eq("killed")
            & claims["unit"].eq("persons")
            & ~claims["counts"].isin(vocab.PART_COUNTS)
        ]
    )
    return (
        with_bounds(killed)
        .assign(is_floor=lambda figures: figures["high"].isna())
        .sort_values(["claimant_type", "claimant", "stated_on_end", "claim_id"], kind="stable")
        .reset_index(drop=True)[AGGREGATE_COLUMNS]
    )


def listed_over_time(listed: pd.DataFrame) -> pd.DataFrame:
    """A list's named deaths per month, with the running total, shaped as
    `named_deaths_over_time` is so a chart can draw both floors alike.

    A record counts in the month of the last day it can have happened (`died_end`): a death
    listed only by year counts in December, one listed as 'before 2024' in December 2023. Records
    with no date form a last row with `month` NaT and `dated` False, so the last `cumulative` is
    the list's whole count. Every record is on Ukraine's side (`side`), and a floor.
    """
    return (
        listed.assign(side="ukraine", month=listed["died_end"].dt.to_period("M"))
        .groupby(["side", "month"], dropna=False)["named_deaths"]
        .sum()
        .astype("int64")
        .reset_index()
        .assign(
            cumulative=lambda counts: counts.groupby("side")["named_deaths"].cumsum(),
            dated=lambda counts: counts["month"].notna(),
            is_floor=True,
        )
    )
