"""Headcounts of the foreign volunteers for Ukraine over time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..analysis import comparisons
from ..analysis.interval_columns import originals
from ..analysis.text import figure_text, plural
from ..analysis.words import GOVERNMENT_NAMES
from ..data import vocab
from ..data.values import number_or_none
from .chart_base import (
    Chart,
    cited_sources,
    date_axis,
    no_data,
)
from .plotting import (
    CLAIMANT_COLOURS,
    FIGURE_WIDTH,
    claimant_legend,
    draw_over_time,
    finish,
    house_style,
    key_below,
    save,
    thousands,
)

TIMELINE_LEADS = ("ru_government", "ua_government")
"""Whose series the timeline's title follows, first that has two dated figures: Moscow restates
its count as a running total, so its series is the one that moves; Kyiv's mostly repeats."""

TIMELINE_PANELS_BY_COUNTS = {"interest": "came", "cumulative": "came", "at_one_time": "serving"}
"""The timeline's panel for each kind of count: how many came (or wanted to), and how many
serve at one time. Subsets and other populations are not headcounts of the volunteers."""

TIMELINE_PANELS = {
    "came": "Came or served at any time",
    "serving": "Serving at one time",
}

TIMELINE_COLUMNS = {
    "date": "Date described",
    "panel": "Counts who",
    "claimant": "Claimant",
    "claimant_type": "Claimant type",
    "qualifier": "Qualifier",
    "low": "Low",
    "high": "High",
}


def claims_timeline(claims: pd.DataFrame, sources: pd.DataFrame, figures_dir: Path | str) -> Chart:
    """Headcounts of foreign volunteers for Ukraine (all countries) by the date each was stated.

    Two panels share the axes: how many are said to have come, and how many are counted as
    serving at one time, since the gap between the two is the story. Figures whose date is
    unknown cannot be placed on a time axis; `numbers["undated"]` counts them.
    """
    timeline = comparisons.claims_timeline(originals(claims), sources).merge(
        claims[["claim_id", "source_id", "unit", "stated_on_end"]], on="claim_id"
    )
    rows = timeline.loc[
        timeline["side"].eq("ukraine")
        & timeline["country"].eq("ALL")
        & timeline["unit"].eq("persons")
        & timeline["metric"].isin(vocab.HEADCOUNT_METRICS)
        & timeline["counts"].isin(list(TIMELINE_PANELS_BY_COUNTS))
    ].assign(panel=lambda frame: frame["counts"].astype(str).map(TIMELINE_PANELS_BY_COUNTS))
    dated = rows.loc[rows["date"].notna()]
    stem = Path(figures_dir) / "claims_timeline"
    if dated.empty:
        return no_data(stem, "No headcount of foreign volunteers had been stated yet", rows)
    title, values = _timeline_finding(dated)
    values["undated"] = int(rows["date"].isna().sum())
    ids, names, credits = cited_sources(dated["source_id"], sources)
    with house_style():
        fig = Figure(figsize=(FIGURE_WIDTH, 6.5))
        axes = fig.subplots(len(TIMELINE_PANELS), 1, sharex=True, sharey=True)
        for ax, (panel, heading) in zip(axes, TIMELINE_PANELS.items(), strict=True):
            in_panel = dated.loc[dated["panel"].eq(panel)]
            draw_over_time(ax, in_panel, x="date")
            _imprecise_dates(ax, in_panel)
            ax.set_title(heading, loc="left")
            thousands(ax.yaxis)
        axes[-1].set_ylim(bottom=0)  # after drawing both: a shared limit stops autoscaling
        date_axis(axes[-1])
        key_below(fig, claimant_legend(axes[0], dated["claimant_type"].astype(str)))
        finish(
            fig,
            title=title,
            sources=credits,
            xlabel="Date described (a bar: known only to the month or year)",
            ylabel="Foreign volunteers for Ukraine",
        )
    shows = (
        f"{plural(len(dated), 'headcount', 'headcounts')} of the foreign volunteers for Ukraine "
        "at the dates they describe, coloured by claimant, in two panels: those who came and "
        "those serving at one time."
    )
    return Chart(save(fig, stem), title, ids, names, values, rows, fig, shows, TIMELINE_COLUMNS)


def _timeline_finding(dated: pd.DataFrame) -> tuple[str, dict[str, Any]]:
    """How a government's count moved: its first and last figure of how many came.

    Only figures the source dates itself count here: a figure dated by its source's publication
    (an article of 2025 retelling a claim of 2022) would make an old claim look new.
    """
    came = dated.loc[dated["panel"].eq("came") & dated["stated_on_end"].notna()]
    for claimant_type in TIMELINE_LEADS:
        who = GOVERNMENT_NAMES[claimant_type]
        own = came.loc[came["claimant_type"].eq(claimant_type)]
        if len(own) >= 2:
            first, last = own.iloc[0], own.iloc[-1]
            verb = _moved(_stated_number(first), _stated_number(last))
            title = (
                f"{who}'s count of foreigners fighting for Ukraine {verb} "
                f"{_figure(first)} ({first['date']:%b %Y}) to {_figure(last)} ({last['date']:%b %Y})"
            )
            return title, {
                "claimant_type": claimant_type,
                "first": _bounds(first),
                "first_date": f"{first['date']:%Y-%m-%d}",
                "last": _bounds(last),
                "last_date": f"{last['date']:%Y-%m-%d}",
                "claim_ids": [first["claim_id"], last["claim_id"]],
            }
    first, last = dated["date"].min(), dated["date"].max()
    title = (
        f"Headcounts of foreign volunteers stated from {first:%b %Y} to {last:%b %Y}: {len(dated)}"
    )
    return title, {"figures": len(dated), "claim_ids": []}


def _imprecise_dates(ax: Axes, rows: pd.DataFrame) -> None:
    """A thin bar across the period a loosely dated figure may belong to: a figure known only
    by its year is drawn across that year, not on a day it was never stated."""
    loose = rows.loc[rows["date_precision"].isin(["month", "year"])]
    for row in loose.to_dict("records"):
        level = _stated_number(pd.Series(row))
        ax.hlines(
            level,
            mdates.date2num(row["date_start"]),
            mdates.date2num(row["date_end"]),
            colors=CLAIMANT_COLOURS[str(row["claimant_type"])],
            linewidth=1,
            alpha=0.6,
        )


def _moved(first: float, last: float) -> str:
    return "rose from" if last > first else "fell from" if last < first else "went from"


def _figure(row: pd.Series | dict) -> str:
    return figure_text(
        number_or_none(row["low"]), number_or_none(row["high"]), str(row["qualifier"])
    )


def _stated_number(row: pd.Series) -> float:
    return float(row["low"]) if not pd.isna(row["low"]) else float(row["high"])


def _bounds(row: pd.Series | dict) -> dict[str, float | None]:
    return {"low": number_or_none(row["low"]), "high": number_or_none(row["high"])}
