"""One country's funnel: how many of its citizens wanted to go, went, served and died."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..analysis import funnel, profiles
from ..analysis.text import figure_text, number
from ..analysis.words import (
    SIDE_HEADINGS,
    SIDE_WORDS,
    STAGE_WORDS,
)
from ..data import countries
from ..data.values import number_or_none
from .chart_base import (
    Chart,
    cited_sources,
    draw_rows,
    no_data,
    split_ids,
)
from .plotting import (
    FIGURE_WIDTH,
    claimant_legend,
    finish,
    house_style,
    key_below,
    save,
    thousands,
)

FUNNEL_COLUMNS = {
    "side": "Side",
    "stage_words": "Stage",
    "figure": "As stated",
    "claimant_type": "Claimant type",
    "low": "Low",
    "high": "High",
}


def country_funnel(
    claims: pd.DataFrame, sources: pd.DataFrame, country: str, figures_dir: Path | str
) -> Chart:
    """How many of one country's citizens wanted to go, went, served and died, per side.

    One panel per side, each with its own scale (a claim of millions on one side must not
    flatten the other); one row per distinct figure, labelled with the words the source used.
    """
    stages = funnel.country_funnel(claims, country)
    name = countries.country_name(country) or country
    stem = Path(figures_dir) / f"funnel_{country}"
    if stages.empty:
        drawn_columns = [*stages.columns, "claimant_type", "figure", "stage_words", "row"]
        return no_data(
            stem,
            f"No headcount of volunteers from {name} had been stated yet",
            stages.reindex(columns=drawn_columns),
        )
    first_claim = split_ids(stages["claim_ids"]).groupby(level=0).first()
    marks = profiles.figure_marks(stages, claims, sources)[list(CHART_MARKS)]
    rows = stages.assign(
        claimant_type=first_claim.map(claims.set_index("claim_id")["claimant_type"]).astype(str),
        figure=_figure_words(stages),
        stage_words=stages["stage"].astype(str).map(STAGE_WORDS).str.capitalize(),
    ).assign(
        row=lambda frame: frame["stage_words"] + " \N{MIDDLE DOT} " + frame["claim_ids"],
        tick=lambda frame: frame["stage_words"] + _mark_words(marks),
    )
    title, values = _funnel_finding(rows, ~marks.any(axis=1), name)
    ids, names, credits = cited_sources(rows["source_ids"], sources)
    sides = list(dict.fromkeys(rows["side"].astype(str)))
    with house_style():
        fig = Figure(figsize=(FIGURE_WIDTH, _height(len(rows) + len(sides))))
        axes = fig.subplots(len(sides), 1, squeeze=False, height_ratios=_panel_rows(rows, sides))[
            :, 0
        ]
        for ax, side in zip(axes, sides, strict=True):
            draw_rows(ax, rows.loc[rows["side"].eq(side)], key="row", tick="tick")
            ax.set_title(SIDE_HEADINGS[side], loc="left")
            ax.set_xlim(left=0)
            ax.margins(x=0.3)
            # Few ticks, whole people: the row labels leave a phone-width panel little room.
            ax.xaxis.set_major_locator(MaxNLocator(nbins=3, integer=True))
            thousands(ax.xaxis)
        key_below(fig, claimant_legend(axes[0], rows["claimant_type"]))
        finish(fig, title=title, sources=credits, xlabel="People")
    shows = f"Every distinct headcount of the citizens of {name}, by side: " + "; ".join(
        f"{SIDE_WORDS[str(side)]}, "
        + ", ".join(
            f"{stage.lower()} {figure}"
            for stage, figure in zip(group["stage_words"], group["figure"], strict=True)
        )
        for side, group in rows.groupby("side", observed=True, sort=False)
    )
    return Chart(save(fig, stem), title, ids, names, values, rows, fig, f"{shows}.", FUNNEL_COLUMNS)


CHART_MARKS = {"partisan": "partisan", "uncertain": "unverified"}
"""The marks a funnel row's label carries, short enough for a phone (`profiles.MARK_WORDS`
says them in full beside the chart)."""


def _mark_words(marks: pd.DataFrame) -> pd.Series:
    """' (partisan)', ' (unverified)', ' (partisan, unverified)' or '' for each row's marks
    (`profiles.figure_marks`)."""
    words = [
        ", ".join(word for mark, word in CHART_MARKS.items() if flags[mark])
        for flags in marks.to_dict("records")
    ]
    return pd.Series([f" ({word})" if word else "" for word in words], index=marks.index)


def _funnel_finding(rows: pd.DataFrame, firm: pd.Series, name: str) -> tuple[str, dict[str, Any]]:
    """'United Kingdom, for Ukraine: about 6,000 wanted to go, 8 killed', for the side with most
    figures. Each stage is stated by its firm figures only (the chart marks the partisan and
    unverified ones): one in the source's words; several by their extremes, as numbers where
    both are closed ('3,000 to 6,000'), else in the sources' words, open bounds kept open."""
    side = rows["side"].astype(str).value_counts().index[0]
    own = rows.loc[rows["side"].eq(side) & firm]
    words = {
        str(stage): _stage_words(group)
        for stage, group in own.groupby("stage", observed=True)
        if not group.empty
    }
    clauses = [f"{text} {STAGE_WORDS[stage]}" for stage, text in words.items()]
    finding = ", ".join(clauses) or "only partisan or unverified figures"
    values = {"side": side, "stages": words, "figures": len(rows)}
    return f"{name}, {SIDE_WORDS[side]}: {finding}", values


def _stage_words(figures: pd.DataFrame) -> str:
    """One stage's figures in a title: the figure, or the lowest and the highest of them."""
    numbered = figures.dropna(subset=["low", "high"], how="all")
    if len(numbered) < 2:
        return str((numbered if len(numbered) else figures)["figure"].iloc[0])
    ends = numbered.assign(
        floor=numbered["low"].fillna(numbered["high"]),
        ceiling=numbered["high"].fillna(numbered["low"]),
    )
    bottom = ends.sort_values("floor", kind="stable").iloc[0]
    top = ends.sort_values("ceiling", kind="stable").iloc[-1]
    if pd.notna(bottom["low"]) and pd.notna(top["high"]):
        return f"{number(bottom['low'])} to {number(top['high'])}"
    if len(numbered) == 2:
        return f"{bottom['figure']} or {top['figure']}"
    return f"from {bottom['figure']} to {top['figure']}"


def _panel_rows(rows: pd.DataFrame, sides: list[str]) -> list[int]:
    return [int(rows["side"].eq(side).sum()) + 1 for side in sides]


def _figure_words(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(
        [
            figure_text(number_or_none(low), number_or_none(high), str(qualifier))
            for low, high, qualifier in zip(
                frame["low"], frame["high"], frame["qualifier"], strict=True
            )
        ],
        index=frame.index,
    )


def _height(rows: int) -> float:
    """Inches for a chart of `rows` rows: room for each, and for title and sources."""
    return max(3.5, 0.32 * rows + 2.0)
