"""Deaths of foreign volunteers for Ukraine: named lists as floors beside the totals claimed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..analysis import deaths, findings
from ..analysis.text import number, plural
from ..data.asof import stated_date
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

DEATH_COLUMNS = {
    "series": "Series",
    "month": "Month of death",
    "named_deaths": "Named deaths",
    "cumulative": "Running total",
    "date": "Date stated",
    "low": "Claimed, low",
    "high": "Claimed, high",
}


def casualties_over_time(
    casualties: pd.DataFrame,
    listed_deaths: pd.DataFrame,
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    figures_dir: Path | str,
) -> Chart:
    """Named deaths of foreigners on Ukraine's side, cumulative by month, beside totals claimed.

    Both named counts (the project's own list and a reference list, `listed_deaths`, labelled
    with its publisher) are drawn as running totals
    and labelled as floors: a list of names can only miss deaths. Aggregate claims for all
    countries are drawn at the date they were stated, coloured by who made them.
    """
    named = deaths.named_deaths_over_time(casualties.loc[casualties["side"].eq("ukraine")])
    listed = deaths.listed_over_time(listed_deaths)
    aggregates = deaths.aggregate_death_counts(claims)
    totals = aggregates.loc[aggregates["country"].eq("ALL")].assign(
        date=lambda frame: stated_date(frame, sources)
    )
    stem = Path(figures_dir) / "casualties_over_time"
    floors = {"named in the sources": named, _listed_label(listed_deaths, sources): listed}
    if named.empty and listed.empty and totals["date"].notna().sum() == 0:
        return no_data(stem, "No death of a foreign volunteer had been reported yet", totals)
    stated = findings.death_findings(casualties, listed_deaths, claims)
    title, values = _deaths_finding(floors, totals, stated)
    ids, names, credits = cited_sources(
        [
            *casualties["source_id"],
            *listed_deaths["source_id"].drop_duplicates(),
            *totals.loc[totals["date"].notna(), "source_id"],
        ],
        sources,
    )
    with house_style():
        fig = Figure(figsize=(FIGURE_WIDTH, 5.0))
        ax = fig.subplots()
        handles = [
            _draw_floor(ax, counts, label, colour)
            for (label, counts), colour in zip(
                floors.items(), ["0.25", CLAIMANT_COLOURS["ru_affiliated"]], strict=True
            )
            if not counts.empty
        ]
        draw_over_time(ax, totals, x="date")
        ax.set_ylim(bottom=0)
        thousands(ax.yaxis)
        date_axis(ax)
        legend = claimant_legend(
            ax, totals.loc[totals["date"].notna(), "claimant_type"].astype(str)
        )
        legend.remove()
        key_below(fig, ax.legend(handles=[*handles, *legend.legend_handles]), columns=1)
        finish(
            fig,
            title=title,
            sources=credits,
            xlabel="Month of death (named lists) or date stated (totals)",
            ylabel="Foreigners killed for Ukraine",
        )
    drawn = pd.concat(
        [
            *(counts.assign(series=f"Deaths {label}") for label, counts in floors.items()),
            totals.loc[totals["date"].notna()].assign(series=totals["claimant"]),
        ],
        ignore_index=True,
    )
    shows = (
        f"Running totals of named deaths by month ({_floor_words(floors)}) and "
        f"{plural(int(totals['date'].notna().sum()), 'claimed total', 'claimed totals')} "
        "at the date each was stated."
    )
    return Chart(save(fig, stem), title, ids, names, values, drawn, fig, shows, DEATH_COLUMNS)


def _floor_words(floors: dict[str, pd.DataFrame]) -> str:
    """'1,083 listed by LostArmour, 53 named in the sources': each floor's whole count."""
    return (
        ", ".join(
            f"{number(int(counts['cumulative'].iloc[-1]))} {label}"
            for label, counts in floors.items()
            if len(counts)
        )
        or "none"
    )


def _draw_floor(ax: Axes, counts: pd.DataFrame, label: str, colour: str) -> Line2D:
    """A running total as a step line, labelled as the floor it is; undated deaths are added
    in words at its end, since they have no place on the time axis."""
    dated = counts.loc[counts["dated"]]
    whole = int(counts["cumulative"].iloc[-1])
    undated = int(counts.loc[~counts["dated"], "named_deaths"].sum())
    extra = f" (+{number(undated)} undated)" if undated else ""
    if len(dated):
        months = dated["month"].dt.to_timestamp(how="end").dt.normalize()
        ax.step(
            mdates.date2num(months), dated["cumulative"], where="post", color=colour, linewidth=2
        )
        ax.annotate(
            f"{number(whole)} named{extra}",
            xy=(mdates.date2num(months.iloc[-1]), dated["cumulative"].iloc[-1]),
            xytext=(0, 4),
            textcoords="offset points",
            ha="right",
            va="bottom",
            color=colour,
        )
    return Line2D([], [], color=colour, linewidth=2, label=f"Deaths {label}: a floor, not a total")


def _deaths_finding(
    floors: dict[str, pd.DataFrame], totals: pd.DataFrame, stated: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    """'Named lists give a floor of 1,083 foreign volunteers dead; Moscow's claims reach about
    6,800': the floor and Moscow's largest claim as `findings.death_findings` (`stated`) gives
    them to the text, and the whole count of each floor drawn."""
    whole = {
        label: int(counts["cumulative"].iloc[-1]) for label, counts in floors.items() if len(counts)
    }
    moscow = stated["moscow"]
    values: dict[str, Any] = {"named": whole, "floor": stated["floor"], "moscow": None}
    clauses = (
        [f"Named lists give a floor of {number(stated['floor'])} foreign volunteers dead"]
        if whole
        else []
    )
    if moscow is not None:
        values["moscow"] = {key: moscow[key] for key in ("low", "high", "claim_id")}
        clauses.append(f"Moscow's claims reach {moscow['text']}")
    if not clauses:
        clauses = [f"{len(totals)} claims of how many foreign volunteers died"]
    return "; ".join(clauses), values


def _listed_label(listed_deaths: pd.DataFrame, sources: pd.DataFrame) -> str:
    """'listed by <publisher>', the publisher of the list's source, as the legend names it."""
    publishers = (
        sources.set_index("source_id")["publisher"]
        .reindex(listed_deaths["source_id"].drop_duplicates())
        .dropna()
    )
    return f"listed by {publishers.iloc[0]}" if len(publishers) else "listed by name"
