"""The foreigners who fight for Russia, read by the same rules as those who fight for Ukraine.

Three kinds of figure are kept apart, because they count different people: Moscow's own totals
of the foreigners on its side (claims, tested against evidence like Kyiv's); troops a state
sent as a body, such as North Korea's (not volunteers at all, so never added to them); and the
recruits of one country at a time, mostly stated by their home governments or by reporters.
"""

from __future__ import annotations

import pandas as pd

from ..data.asof import figure_period
from ..data.countries import country_name
from . import comparisons, findings
from .interval_columns import originals
from .text import figures_in_words, period_text

RUSSIA = "russia"

FIGURE_COLUMNS = ["country", "name", "metric", "figure", "claimant", "when", "claim_id"]

TROOP_METRICS = ("volunteers_arrived", "fighters_active")
"""Headcounts of people sent or serving: for troops a state sent, how many came or served."""


def moscow_own_claims(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Moscow's largest claim of each kind about the foreigners on its own side, with why it
    cannot be checked (or its ratio to the evidence, where a like count exists)."""
    own = {c.name for c in comparisons.COMPARISONS if c.side == RUSSIA}
    unpaired = findings.unpaired_findings(claims, sources)
    return unpaired.loc[unpaired["comparison"].isin(own)].reset_index(drop=True)


def troops_sent(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Headcounts of troops a state sent to fight for Russia (counted as another population:
    soldiers under orders, not volunteers), each statement once, largest first per country."""
    rows = originals(claims).loc[
        lambda frame: (
            frame["side"].eq(RUSSIA)
            & frame["counts"].eq("other_population")
            & frame["metric"].isin(TROOP_METRICS)
            & frame["qualifier"].ne("vague")
        )
    ]
    return _in_words(rows, sources)


def deaths(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Every stated count of the foreigners killed fighting for Russia, each statement once."""
    rows = originals(claims).loc[
        lambda frame: (
            frame["side"].eq(RUSSIA) & frame["metric"].eq("killed") & frame["qualifier"].ne("vague")
        )
    ]
    return _in_words(rows, sources)


def recruits(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The headcounts of one country's citizens fighting for Russia, by the country funnels'
    rules (`findings.side_countries`)."""
    return findings.side_countries(claims, sources, RUSSIA)


def _in_words(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    period = figure_period(rows, sources)
    return (
        rows.assign(
            name=rows["country"].astype("string").map(lambda code: country_name(code) or code),
            figure=figures_in_words(rows),
            when=[
                period_text(start, end)
                for start, end in zip(period["start"], period["end"], strict=True)
            ],
            size=rows["value_high"].fillna(rows["value_low"]),
        )
        .sort_values(["name", "size"], ascending=[True, False])
        .reset_index(drop=True)[FIGURE_COLUMNS]
    )
