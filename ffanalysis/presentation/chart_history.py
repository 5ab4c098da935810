"""Earlier mobilisations: estimates per month of war, and as a share of the force joined."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from ..analysis import findings, history
from ..analysis.history import conflict_names
from ..analysis.interval_columns import stated_span
from ..analysis.text import number, plural, share_text
from .chart_base import (
    Chart,
    cited_sources,
    no_data,
)
from .plotting import (
    FIGURE_WIDTH,
    claimant_legend,
    draw_intervals,
    finish,
    house_style,
    key_below,
    save,
)

BENCHMARK_CONFLICT = "spanish_civil_war"
"""The mobilisation the 2022 one is measured against in the title: the International Brigades
are the comparison every account of foreign volunteers reaches for first."""

FOCUS_CONFLICT = "russia_ukraine_2022"

ESTIMATE_COLUMNS = {
    "conflict_name": "Conflict",
    "claimant": "Claimant",
    "claimant_type": "Claimant type",
    "uncertain": "Marked uncertain",
    "low": "Volunteers, low",
    "high": "Volunteers, high",
}

RATE_COLUMNS = {
    **ESTIMATE_COLUMNS,
    "months_low": "Months of war, low",
    "months_high": "Months of war, high",
    "rate_low": "A month, low",
    "rate_high": "A month, high",
}

SHARE_COLUMNS = {
    **ESTIMATE_COLUMNS,
    "host_low": "Force joined, low",
    "host_high": "Force joined, high",
    "share_low": "Share, low",
    "share_high": "Share, high",
}
"""The columns of each chart's data a reader downloads (`Chart.reader_data`), with headers."""


def historical_rates(
    historical: pd.DataFrame,
    conflicts: pd.DataFrame,
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    figures_dir: Path | str,
    as_of: str | None = None,
) -> Chart:
    """Every estimate of the volunteers who came, per month of war, a block of rows per conflict.

    Rates, not totals: a total flatters a long war. A log scale, since wars of three months and
    of ten years sit on the same page.
    """
    table, short = _history(historical, conflicts, claims, sources, as_of)
    stem = Path(figures_dir) / "historical_rates"
    rows = table.loc[table["rate_low"].notna() | table["rate_high"].notna()]
    if rows.empty:
        return no_data(stem, "No estimate of any mobilisation had been stated yet", rows)
    spans = findings.conflict_spans(historical, conflicts, claims, sources, as_of or "")
    title, values = _history_finding(spans, short, len(rows))
    shows = _spans_words(
        f"{plural(len(rows), 'figure', 'figures')} of the volunteers who came, each divided "
        "by the months of war it covers, on a log scale, grouped by war",
        _drawn_spans(rows, "rate_"),
        values["rates"],
        short,
        lambda low, high: _span_words(low, high) + " a month",
    )
    return _estimates_chart(
        rows,
        stem,
        title,
        values,
        sources,
        prefix="rate_",
        xlabel="Volunteers a month (log scale)",
        described=(shows, RATE_COLUMNS),
    )


def historical_shares(
    historical: pd.DataFrame,
    conflicts: pd.DataFrame,
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    figures_dir: Path | str,
    as_of: str | None = None,
) -> Chart:
    """Every count of volunteers serving at one time as a share of the force they joined then."""
    table, short = _history(historical, conflicts, claims, sources, as_of)
    stem = Path(figures_dir) / "historical_shares"
    rows = table.loc[table["share_low"].notna() | table["share_high"].notna()]
    if rows.empty:
        return no_data(stem, "No count of volunteers serving had a force to set it against", rows)
    spans = findings.conflict_spans(historical, conflicts, claims, sources, as_of or "")
    title, values = _share_finding(spans, short, len(rows))
    shows = _spans_words(
        f"{plural(len(rows), 'count', 'counts')} of volunteers serving at one time, each as a "
        "share of the force they joined, on a log scale, grouped by war",
        _drawn_spans(rows, "share_"),
        values["shares"],
        short,
        share_text,
    )
    return _estimates_chart(
        rows,
        stem,
        title,
        values,
        sources,
        prefix="share_",
        xlabel="Share of the force (log scale)",
        described=(shows, SHARE_COLUMNS),
    )


def _history(
    historical: pd.DataFrame,
    conflicts: pd.DataFrame,
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    as_of: str | None,
) -> tuple[pd.DataFrame, pd.Series]:
    """Every conflict's estimates (`history.comparison`), keyed one per row, and the conflicts'
    short names."""
    table = history.comparison(historical, conflicts, claims, sources, as_of)
    short = conflict_names(conflicts)
    return (
        table.assign(
            claimant_type=table["claimant_type"].astype(str),
            key=table["conflict"] + ":" + table["figure_id"],
            conflict_name=table["conflict"].map(short),
        ),
        short,
    )


def _estimates_chart(
    rows: pd.DataFrame,
    stem: Path,
    title: str,
    values: dict[str, Any],
    sources: pd.DataFrame,
    *,
    prefix: str,
    xlabel: str,
    described: tuple[str, dict[str, str]],
) -> Chart:
    """Each estimate's `prefix` range on its own row on a log scale, the rows of one conflict a
    block named once, so a phone's column holds forty rows without forty labels."""
    ids, names, credits = cited_sources(rows["source_id"], sources)
    with house_style():
        fig = Figure(figsize=(FIGURE_WIDTH, max(3.5, 0.16 * len(rows) + 2.5)))
        ax = fig.subplots()
        ax.set_xscale("log")
        draw_intervals(ax, rows, y="key", low=f"{prefix}low", high=f"{prefix}high")
        _clip_arrows(ax)
        _separate_groups(ax, rows["conflict"])
        _name_groups(ax, rows["conflict_name"])
        ax.margins(x=0.08)
        _log_ticks(ax)
        ax.xaxis.set_major_formatter(FuncFormatter(_percent if prefix == "share_" else _separated))
        key_below(fig, claimant_legend(ax, rows["claimant_type"]))
        finish(fig, title=title, sources=credits, xlabel=xlabel)
    return Chart(save(fig, stem), title, ids, names, values, rows, fig, *described)


def _spans_words(
    what: str,
    drawn: dict[str, list[float]],
    stood: dict[str, list[float]],
    short: pd.Series,
    words: Callable[[float, float], str],
) -> str:
    """'37 estimates ...: Spanish Civil War 928 to 2,265 a month; Russia-Ukraine war 18 to 351
    a month (194 to 240 a month from those the sources stand behind)': the span of each
    conflict's marks and, where it differs, the span the title takes (`stood`), so that a
    reader who hears the chart hears both."""
    spans = []
    for conflict, span in drawn.items():
        if math.isnan(span[0]):
            continue
        said = words(*span)
        if conflict not in stood:
            said += " (none of them one the sources stand behind)"
        elif (backed := words(*stood[conflict])) != said:
            said += f" ({backed} from those the sources stand behind)"
        spans.append(f"{short[conflict]} {said}")
    return f"{what}: {'; '.join(spans)}." if spans else f"{what}."


def _name_groups(ax: Axes, groups: pd.Series) -> None:
    """One tick label per block of rows, at its middle, instead of a label on every row."""
    positions = pd.Series(range(len(groups)), index=groups.index)
    middles = positions.groupby(groups.to_numpy(), sort=False).mean()
    ax.set_yticks(middles.to_numpy(), labels=middles.index.tolist())
    ax.set_ylim(len(groups) - 0.5, -0.5)


def _share_finding(spans: pd.DataFrame, short: pd.Series, drawn: int) -> tuple[str, dict[str, Any]]:
    """'Counts of volunteers serving at one time in the Russia-Ukraine war put them at 0.19 to
    1.15% of the force they joined': the span of the shares of each conflict as
    `findings.conflict_spans` gives them to the text (no figure the sources call weak, no claim
    of Moscow's about its enemy), so that title and text cannot differ."""
    shares = {
        conflict: [span["share_low"], span["share_high"]]
        for conflict, span in _by_conflict(spans, "share_").items()
    }
    values: dict[str, Any] = {"shares": shares}
    if not shares:
        return (
            f"As a share of the force joined: {plural(drawn, 'count', 'counts')}, none of them "
            "one the sources stand behind",
            values,
        )
    focus = FOCUS_CONFLICT if FOCUS_CONFLICT in shares else next(iter(shares))
    title = (
        f"Counts of volunteers serving at one time in the {short[focus]} put them at "
        f"{share_text(*shares[focus])} of the force they joined"
    )
    return title, values


def _history_finding(
    spans: pd.DataFrame, short: pd.Series, drawn: int
) -> tuple[str, dict[str, Any]]:
    """'Per month of war, 1 estimate for the Russia-Ukraine war gives 194 to 240 volunteers,
    against 928 to 1,526 from 5 estimates for the Spanish Civil War': the span of the rates of
    each conflict's estimates as `findings.conflict_spans` gives them to the text (no figure the
    sources call weak, no claim of Moscow's about its enemy), so that title and text cannot
    differ, and how many estimates each span rests on."""
    rated = _by_conflict(spans, "rate_")
    values: dict[str, Any] = {
        "rates": {
            conflict: [span["rate_low"], span["rate_high"]] for conflict, span in rated.items()
        }
    }
    if not rated:
        return (
            f"Per month of war: {plural(drawn, 'figure', 'figures')}, none of them an estimate "
            "of everyone who came that the sources stand behind",
            values,
        )
    focus = next((c for c in (FOCUS_CONFLICT, BENCHMARK_CONFLICT) if c in rated), next(iter(rated)))
    span = rated[focus]
    verb = "gives" if span["rated"] == 1 else "give"
    title = (
        f"Per month of war, {_rested_on(span)} for the {short[focus]} {verb} "
        f"{_rate_span(span)} volunteers"
    )
    if focus == FOCUS_CONFLICT and BENCHMARK_CONFLICT in rated:
        benchmark = rated[BENCHMARK_CONFLICT]
        title += (
            f", against {_rate_span(benchmark)} from {_rested_on(benchmark)} for the "
            f"{short[BENCHMARK_CONFLICT]}"
        )
    return title, values


def _by_conflict(spans: pd.DataFrame, prefix: str) -> dict[str, dict[Hashable, Any]]:
    """The rows of `findings.conflict_spans` that have a span of `prefix` (rate_, share_), by
    conflict."""
    return {
        str(span["conflict"]): span
        for span in spans.loc[spans[f"{prefix}low"].notna()].to_dict("records")
    }


def _rested_on(span: Mapping[Hashable, Any]) -> str:
    """'1 estimate', '5 estimates': how many a conflict's span of rates rests on."""
    return plural(int(span["rated"]), "estimate", "estimates")


def _rate_span(span: Mapping[Hashable, Any]) -> str:
    return _span_words(span["rate_low"], span["rate_high"])


def _drawn_spans(rows: pd.DataFrame, prefix: str) -> dict[str, list[float]]:
    """The smallest and largest number each conflict's drawn rows state (`stated_span`)."""
    return {
        str(conflict): list(stated_span(group[f"{prefix}low"], group[f"{prefix}high"]))
        for conflict, group in rows.groupby("conflict", sort=False)
    }


def _span_words(low: float, high: float) -> str:
    """'18 to 351' (whole numbers: these are people per month), or one number if they agree."""
    low_words, high_words = number(low, 0), number(high, 0)
    return low_words if low_words == high_words else f"{low_words} to {high_words}"


def _separate_groups(ax: Axes, groups: pd.Series) -> None:
    """A faint line between rows of different groups (conflicts), so each reads as a block."""
    starts = groups.ne(groups.shift()).fillna(True).to_numpy(dtype=bool).nonzero()[0][1:]
    for start in starts:
        ax.axhline(start - 0.5, color="0.85", linewidth=0.8, zorder=0)


def _log_ticks(ax: Axes) -> None:
    """Few enough labels on a log axis that numbers with separators do not run together:
    every third decade over a wide span, 1-2-5 steps over a narrow one."""
    low, high = ax.get_xlim()
    decades = math.log10(high / low)
    ax.xaxis.set_major_locator(
        LogLocator(numticks=3)
        if decades > 3
        else LogLocator(subs=(1.0, 2.0, 5.0) if decades < 1.5 else (1.0,))
    )
    ax.xaxis.set_minor_formatter(NullFormatter())


def _clip_arrows(ax: Axes) -> None:
    """Keep arrows to zero inside the axes: on a log scale zero lies infinitely far left."""
    for text in ax.texts:
        text.set_clip_on(True)
        arrow = getattr(text, "arrow_patch", None)  # only annotations have one
        if arrow is not None:
            arrow.set_clip_box(ax.bbox)


def _percent(value: float, _position: int | None = None) -> str:
    return f"{value * 100:,.6g}%"


def _separated(value: float, _position: int | None = None) -> str:
    return f"{value:,.6g}"
