"""The report's figures, one function each: drawn in the house style, titled with their finding.

Each function takes the tables a chapter has loaded (already cut to its `as_of` date), runs the
package's analysis on them, draws the result and saves it as PNG and SVG. The title states the
finding computed from the rows drawn (never typed), ranges are drawn as the intervals sources
state with open bounds as arrows, and the sources of the rows drawn are printed under the
figure. A chart with nothing to draw still writes its files and says so in its title: a
chapter run on an early date shows an honest empty figure instead of failing.

The returned `Chart` carries what a caption or a test needs: the files, the title, the sources,
the numbers the title states, and the rows drawn.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
import pandas as pd
import seaborn as sns
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

from . import comparisons, countries, deaths, findings, funnel, history, legal, vocab
from .asof import stated_date
from .comparisons import CLAIMANT_OF, COMPARISON_WORDS
from .history import conflict_names
from .interval_columns import originals, stated_span
from .plotting import (
    CLAIMANT_COLOURS,
    CLAIMANT_LABELS,
    FIGURE_WIDTH,
    claimant_legend,
    draw_intervals,
    draw_over_time,
    finish,
    house_style,
    key_below,
    save,
    thousands,
)
from .text import figure_text, interval_text, number, plural
from .values import number_or_none
from .words import (
    EVIDENCE_WORDS,
    GOVERNMENT_NAMES,
    LEGALITY_WORDS,
    SIDE_HEADINGS,
    SIDE_WORDS,
    STAGE_WORDS,
)

SOURCE_NAME_LENGTH = 70
"""Characters of a source's 'publisher: title' printed under a figure."""

NO_SOURCES = "none (no rows to draw)"

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

BENCHMARK_CONFLICT = "spanish_civil_war"
"""The mobilisation the 2022 one is measured against in the title: the International Brigades
are the comparison every account of foreign volunteers reaches for first."""

FOCUS_CONFLICT = "russia_ukraine_2022"

CODES_PER_LINE = 6
"""Country codes written beside a legal-landscape bar before the line breaks."""

TIMELINE_COLUMNS = {
    "date": "Date described",
    "panel": "Counts who",
    "claimant": "Claimant",
    "claimant_type": "Claimant type",
    "qualifier": "Qualifier",
    "low": "Low",
    "high": "High",
}
RATIO_COLUMNS = {
    "what": "Comparison",
    "claim_low": "Claim, low",
    "claim_high": "Claim, high",
    "claim_date": "Claim, dated by",
    "evidence_low": "Evidence, low",
    "evidence_high": "Evidence, high",
    "evidence_date": "Evidence, dated by",
    "evidence_statements": "Statements giving the evidence",
    "low": "Claim / evidence, low",
    "high": "Claim / evidence, high",
}
FUNNEL_COLUMNS = {
    "side": "Side",
    "stage_words": "Stage",
    "figure": "As stated",
    "claimant_type": "Claimant type",
    "low": "Low",
    "high": "High",
}
DEATH_COLUMNS = {
    "series": "Series",
    "month": "Month of death",
    "named_deaths": "Named deaths",
    "cumulative": "Running total",
    "date": "Date stated",
    "low": "Claimed, low",
    "high": "Claimed, high",
}
LEGAL_COLUMNS = {"label": "Position", "countries": "Countries", "members": "Country codes"}
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


@dataclass
class Chart:
    """A saved figure: its files, its finding and what backs it."""

    paths: list[Path]
    title: str
    source_ids: list[str]
    sources: list[str]
    """'Publisher: title' of every source drawn (the figure's own line names two publishers
    and counts the rest; the page's notes list them all)."""
    numbers: dict[str, Any] = field(default_factory=dict)
    """The numbers the title states (plain floats and ints, None for an open bound)."""
    data: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The rows drawn, as the analysis returned them."""
    figure: Figure | None = None
    """The drawn (and saved, closed) figure, for tests to inspect."""
    shows: str = ""
    """What the marks are, with their main numbers, in a sentence: with the title, the text a
    screen reader gives for the image (`alt`)."""
    columns: dict[str, str] = field(default_factory=dict)
    """The columns of `data` a reader's download gives, with their headers (`reader_data`)."""

    @property
    def alt(self) -> str:
        """The chart in words: its finding, then what it draws."""
        return f"{self.title}. {self.shows}".strip()

    @property
    def reader_data(self) -> pd.DataFrame:
        """The data behind the figure as a reader downloads it: the `columns` chosen (no ids),
        human headers, vocabulary codes and claimant types in words, dates as ISO dates."""
        chosen = self.data.reindex(columns=list(self.columns))
        return pd.DataFrame(
            {self.columns[name]: _reader_column(chosen[name]) for name in chosen.columns}
        )

    @property
    def png(self) -> Path:
        return next(path for path in self.paths if path.suffix == ".png")

    @property
    def svg(self) -> Path:
        return next(path for path in self.paths if path.suffix == ".svg")

    @property
    def is_empty(self) -> bool:
        """True when there was nothing to draw."""
        return not self.source_ids


def _reader_column(values: pd.Series) -> pd.Series:
    """One column as a reader reads it: words for claimant types and codes, no time of day."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d")
    if isinstance(values.dtype, pd.PeriodDtype):
        return values.astype(str)
    if pd.api.types.is_bool_dtype(values):
        return values.map({True: "yes", False: "no"}, na_action="ignore")
    if pd.api.types.is_numeric_dtype(values):
        return values
    words = values.astype("string")
    return words.map({**CLAIMANT_LABELS, **SIDE_HEADINGS}, na_action="ignore").fillna(
        words.str.replace("_", " ").str.replace("\n", " ")
    )


# Sources


def source_name(source_ids: pd.Series, sources: pd.DataFrame) -> pd.Series:
    """Each source as a reader knows it, 'Publisher: Title' (the title alone if no publisher)."""
    table = sources.set_index("source_id")
    publisher = source_ids.map(table["publisher"])
    title = source_ids.map(table["title"]).fillna(source_ids)
    named = (publisher + ": " + title).fillna(title).astype(str)
    return named.where(
        named.str.len() <= SOURCE_NAME_LENGTH,
        named.str[: SOURCE_NAME_LENGTH - 1] + "\N{HORIZONTAL ELLIPSIS}",
    )


def cited_sources(
    source_ids: Iterable[str], sources: pd.DataFrame
) -> tuple[list[str], list[str], list[str]]:
    """The distinct source ids behind the rows drawn (comma-joined cells are split), sorted;
    their names in the same order; and the names a source line gives (`publishers`)."""
    each = pd.Series(
        [part.strip() for cell in source_ids for part in str(cell).split(",")], dtype=object
    )
    each = each.loc[each.ne("")]
    ids = pd.Series(sorted(set(each)), dtype=object)
    names = source_name(ids, sources) if len(ids) else pd.Series([], dtype=str)
    return ids.tolist(), names.tolist(), publishers(each, sources)


def publishers(source_ids: pd.Series, sources: pd.DataFrame) -> list[str]:
    """Who published the rows drawn, each once, the most drawn first (then by name): what a
    one-line source credit names. A source without a publisher goes by its title."""
    if source_ids.empty:
        return [NO_SOURCES]
    table = sources.set_index("source_id")
    who = source_ids.map(table["publisher"]).fillna(source_ids.map(table["title"]))
    counts = who.fillna(source_ids).astype(str).value_counts()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [str(name) for name, _ in ranked]


# Claims over time


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
        return _no_data(stem, "No headcount of foreign volunteers had been stated yet", rows)
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
        _date_axis(axes[-1])
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


def _date_axis(ax: Axes) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


# Claims against evidence


def claims_vs_evidence(
    claims: pd.DataFrame, sources: pd.DataFrame, figures_dir: Path | str
) -> Chart:
    """What each ratio means: the government's claim and the independent counts it is divided
    by, drawn as the ranges they state on one scale, a panel for each comparison.

    One row per distinct evidence figure (`comparisons.headline_ratios`) below the claim, so the
    spread of the evidence shows, and the panel's heading gives the ratio the gap amounts to.
    """
    ratios = comparisons.headline_ratios(claims, sources)
    stem = Path(figures_dir) / "claims_vs_evidence"
    if ratios.empty:
        return _no_data(stem, "No government figure has a like count to be set against yet", ratios)
    claimant_of = claims.set_index("claim_id")
    headlines = findings.ratio_findings(claims, sources)
    rows = ratios.assign(
        claimant_type=ratios["comparison"].map(CLAIMANT_OF),
        what=ratios["comparison"].map(COMPARISON_WORDS),
    )
    title, values = _ratio_finding(headlines, claimant_of)
    ids, names, credits = cited_sources(
        _split_ids(pd.concat([rows["claim_ids"], rows["evidence_ids"]])).map(
            claimant_of["source_id"]
        ),
        sources,
    )
    panels = [
        _claim_and_evidence(group, claimant_of)
        for _, group in rows.groupby("comparison", sort=False)
    ]
    headings = [_comparison_heading(row) for row in headlines.to_dict("records")]
    with house_style():
        fig = Figure(figsize=(FIGURE_WIDTH, max(2.8, 1.8 + 0.45 * sum(map(len, panels)))))
        axes = fig.subplots(len(panels), 1, squeeze=False, height_ratios=list(map(len, panels)))
        for ax, panel, heading in zip(axes[:, 0], panels, headings, strict=True):
            _draw_rows(ax, panel)
            ax.set_title(heading, loc="left")
            ax.set_xlim(left=0)
            ax.margins(x=0.3)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
            thousands(ax.xaxis)
        finish(fig, title=title, sources=credits, xlabel="People")
    shows = "Each claim and the independent counts it is divided by, on one scale: " + "; ".join(
        f"{panel['label'].iloc[0]}: {panel['figure'].iloc[0]}, against "
        + ", ".join(
            f"{label}: {figure}"
            for label, figure in zip(panel["label"].iloc[1:], panel["figure"].iloc[1:], strict=True)
        )
        for panel in panels
    )
    return Chart(save(fig, stem), title, ids, names, values, rows, fig, f"{shows}.", RATIO_COLUMNS)


def _comparison_heading(row: dict) -> str:
    """'Foreigners killed: the claim is 20\N{MULTIPLICATION SIGN} the evidence', wrapped to sit
    above a narrow panel."""
    what = f"{row['what'][0].upper()}{row['what'][1:]}"
    times = f"{row['ratio_text']}\N{MULTIPLICATION SIGN}"
    return textwrap.fill(f"{what}: the claim is {times} the evidence", 36)


def _claim_and_evidence(group: pd.DataFrame, claimant_of: pd.DataFrame) -> pd.DataFrame:
    """One comparison's rows to draw: the claim first, then each distinct evidence figure, each
    labelled with who stated it and when, and written beside its mark in words."""
    first = group.iloc[0]
    claim = pd.DataFrame(
        {
            "low": [first["claim_low"]],
            "high": [first["claim_high"]],
            "claimant_type": [CLAIMANT_OF[first["comparison"]]],
            "label": [
                f"{GOVERNMENT_NAMES[CLAIMANT_OF[first['comparison']]]}'s claim, {first['claim_date']:%b %Y}"
            ],
        }
    )
    evidence_types = _split_ids(group["evidence_ids"]).map(claimant_of["claimant_type"]).astype(str)
    evidence = pd.DataFrame(
        {
            "low": group["evidence_low"].to_numpy(),
            "high": group["evidence_high"].to_numpy(),
            "claimant_type": evidence_types.groupby(level=0).first().to_numpy(),
            "label": [
                f"{_evidence_words(evidence_types.loc[[index]]).capitalize()}, {date:%b %Y}"
                for index, date in zip(group.index, group["evidence_date"], strict=True)
            ],
        }
    )
    drawn = pd.concat([claim, evidence], ignore_index=True)
    return drawn.assign(
        key=[str(position) for position in range(len(drawn))],
        figure=_interval_words(drawn["low"], drawn["high"]),
    )


def _draw_rows(ax: Axes, rows: pd.DataFrame, *, key: str = "key", tick: str = "label") -> None:
    """Each row's range on its own line, its figure beside it and a short tick label: keyed by
    a unique `key`, so two rows whose `tick` reads alike still get a line each."""
    stated = rows.loc[rows["low"].notna() | rows["high"].notna()]
    draw_intervals(ax, stated, y=key, label="figure")
    ax.set_yticks(range(len(stated)), labels=stated[tick])
    ax.set_ylim(len(stated) - 0.5, -0.5)


def _ratio_finding(
    headlines: pd.DataFrame, claimant_of: pd.DataFrame
) -> tuple[str, dict[str, Any]]:
    """'Kyiv's count of volunteers who came is 2-3 times what reporters found; Moscow's ...':
    the headline of each comparison with a like pair, as `findings.ratio_findings` states it
    for the text, so that title and text cannot differ."""
    clauses = [
        _ratio_clause(row, claimant_of, first=position == 0)
        for position, row in enumerate(headlines.to_dict("records"))
    ]
    values = {
        row["comparison"]: {
            "low": number_or_none(row["low"]),
            "high": number_or_none(row["high"]),
            "claim_ids": row["claim_ids"],
            "evidence_ids": row["evidence_ids"],
        }
        for row in headlines.to_dict("records")
    }
    return "; ".join(clauses), values


def _ratio_clause(row: dict, claimant_of: pd.DataFrame, *, first: bool) -> str:
    clause = f"{row['who']}'s count of {row['what']} is {row['ratio_text']} times"
    if not first:
        return clause
    finders = _evidence_words(
        _split_ids(pd.Series([row["evidence_ids"]])).map(claimant_of["claimant_type"])
    )
    return f"{clause} what {finders} found"


def _evidence_words(claimant_types: pd.Series) -> str:
    present = set(claimant_types.astype(str))
    words = [EVIDENCE_WORDS.get(kind, "others") for kind in vocab.CLAIMANT_TYPE if kind in present]
    return " and ".join(dict.fromkeys(words)) or "others"


# One country's funnel


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
        return _no_data(
            stem,
            f"No headcount of volunteers from {name} had been stated yet",
            stages.reindex(columns=drawn_columns),
        )
    first_claim = _split_ids(stages["claim_ids"]).groupby(level=0).first()
    rows = stages.assign(
        claimant_type=first_claim.map(claims.set_index("claim_id")["claimant_type"]).astype(str),
        figure=_figure_words(stages),
        stage_words=stages["stage"].astype(str).map(STAGE_WORDS).str.capitalize(),
    ).assign(row=lambda frame: frame["stage_words"] + " \N{MIDDLE DOT} " + frame["claim_ids"])
    title, values = _funnel_finding(rows, name)
    ids, names, credits = cited_sources(rows["source_ids"], sources)
    sides = list(dict.fromkeys(rows["side"].astype(str)))
    with house_style():
        fig = Figure(figsize=(FIGURE_WIDTH, _height(len(rows) + len(sides))))
        axes = fig.subplots(len(sides), 1, squeeze=False, height_ratios=_panel_rows(rows, sides))[
            :, 0
        ]
        for ax, side in zip(axes, sides, strict=True):
            _draw_rows(ax, rows.loc[rows["side"].eq(side)], key="row", tick="stage_words")
            ax.set_title(SIDE_HEADINGS[side], loc="left")
            ax.set_xlim(left=0)
            ax.margins(x=0.3)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))  # people come whole
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


def _funnel_finding(rows: pd.DataFrame, name: str) -> tuple[str, dict[str, Any]]:
    """'United Kingdom, for Ukraine: 3 to 6,000 wanted to go, 8 killed': the side with most
    figures; each stage in the source's words if one figure counts it, else the span stated."""
    side = rows["side"].astype(str).value_counts().index[0]
    own = rows.loc[rows["side"].eq(side)]
    per_stage = (
        own.assign(_low=own["low"].fillna(own["high"]), _high=own["high"].fillna(own["low"]))
        .groupby("stage", observed=True)
        .agg(
            n=("figure", "size"),
            figure=("figure", "first"),
            low=("_low", "min"),
            high=("_high", "max"),
        )
    )
    words = per_stage["figure"].where(
        per_stage["n"].eq(1), per_stage["low"].map(number) + " to " + per_stage["high"].map(number)
    )
    clauses = [f"{text} {STAGE_WORDS[str(stage)]}" for stage, text in words.items()]
    values = {
        "side": side,
        "stages": {str(stage): text for stage, text in words.items()},
        "figures": len(rows),
    }
    return f"{name}, {SIDE_WORDS[side]}: {', '.join(clauses)}", values


def _panel_rows(rows: pd.DataFrame, sides: list[str]) -> list[int]:
    return [int(rows["side"].eq(side).sum()) + 1 for side in sides]


# Deaths


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
        return _no_data(stem, "No death of a foreign volunteer had been reported yet", totals)
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
        _date_axis(ax)
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


# Legal landscape


def legal_landscape(
    legal_stances: pd.DataFrame, sources: pd.DataFrame, figures_dir: Path | str
) -> Chart:
    """Countries per legal category, strongest restriction on top, each bar naming its countries."""
    counts = legal.countries_per_category(legal_stances)
    stem = Path(figures_dir) / "legal_landscape"
    if legal_stances.empty:
        return _no_data(stem, "No home state's stance on enlisting had been stated yet", counts)
    members = (
        legal_stances.assign(legality=legal_stances["legality"].astype(legal.LEGALITY))
        .sort_values("country")
        .groupby("legality", observed=False)["country"]
        .agg(lambda codes: _wrapped(list(codes)))
    )
    rows = counts.assign(
        members=counts["legality"].map(members).fillna(""),
        label=counts["legality"].astype(str).map(LEGALITY_WORDS),
    )
    total = int(rows["countries"].sum())
    banned = int(rows.loc[rows["legality"].eq("illegal"), "countries"].sum())
    allowed = int(rows.loc[rows["legality"].eq("legal"), "countries"].sum())
    title = (
        f"Enlisting for Ukraine is barred in {number(banned)} of the {number(total)} countries "
        f"with a stated position, and legal in {number(allowed)}"
    )
    values = {
        "countries": total,
        "per_category": dict(
            zip(rows["legality"].astype(str), rows["countries"].astype(int), strict=True)
        ),
    }
    ids, names, credits = cited_sources(legal_stances["source_id"], sources)
    with house_style():
        fig = Figure(
            figsize=(
                FIGURE_WIDTH,
                1.5 + 0.75 * len(rows) + 0.17 * rows["members"].str.count("\n").sum(),
            )
        )
        ax = fig.subplots()
        colours = sns.color_palette("rocket", len(rows) + 2).as_hex()[1:-1]
        ax.barh(rows["label"], rows["countries"], color=colours, height=0.6)
        for position, (count, text) in enumerate(
            zip(rows["countries"], rows["members"], strict=True)
        ):
            ax.annotate(
                text,
                xy=(count, position),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
            )
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlim(0, max(rows["countries"].max(), 1) * 2.4)
        thousands(ax.xaxis)
        finish(
            fig,
            title=title,
            sources=credits,
            xlabel="Countries (ISO codes beside each bar)",
        )
    shows = "Countries by their stance on enlisting for Ukraine: " + ", ".join(
        f"{label.lower()} {count}"
        for label, count in zip(rows["label"], rows["countries"], strict=True)
    )
    return Chart(save(fig, stem), title, ids, names, values, rows, fig, f"{shows}.", LEGAL_COLUMNS)


def _wrapped(codes: list[str]) -> str:
    lines = [
        codes[start : start + CODES_PER_LINE] for start in range(0, len(codes), CODES_PER_LINE)
    ]
    return "\n".join(" ".join(line) for line in lines)


# Historical comparison


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
        return _no_data(stem, "No estimate of any mobilisation had been stated yet", rows)
    title, values = _history_finding(rows, short)
    shows = _spans_words(
        f"{plural(len(rows), 'estimate', 'estimates')} of the volunteers who came, each divided "
        "by the months of war it covers, on a log scale, grouped by war",
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
        return _no_data(stem, "No count of volunteers serving had a force to set it against", rows)
    title, values = _share_finding(rows, short)
    shows = _spans_words(
        f"{plural(len(rows), 'count', 'counts')} of volunteers serving at one time, each as a "
        "share of the force they joined, on a log scale, grouped by war",
        values["shares"],
        short,
        _percent_words,
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
    what: str, spans: dict[str, list[float]], short: pd.Series, words: Callable[[float, float], str]
) -> str:
    """'37 estimates ...: Spanish Civil War 928 to 2,265 a month; ...', the spans of the marks."""
    drawn = [
        f"{short[conflict]} {words(*span)}"
        for conflict, span in spans.items()
        if not math.isnan(span[0])
    ]
    return f"{what}: {'; '.join(drawn)}." if drawn else f"{what}."


def _name_groups(ax: Axes, groups: pd.Series) -> None:
    """One tick label per block of rows, at its middle, instead of a label on every row."""
    positions = pd.Series(range(len(groups)), index=groups.index)
    middles = positions.groupby(groups.to_numpy(), sort=False).mean()
    ax.set_yticks(middles.to_numpy(), labels=middles.index.tolist())
    ax.set_ylim(len(groups) - 0.5, -0.5)


def _share_finding(rows: pd.DataFrame, short: pd.Series) -> tuple[str, dict[str, Any]]:
    """'Counts of volunteers serving in the Russia-Ukraine war put them at 0.15 to 7.7% of the
    force they joined': the span of the shares stated for the conflict with most of them."""
    spans = {
        conflict: stated_span(group["share_low"], group["share_high"])
        for conflict, group in rows.groupby("conflict", sort=False)
    }
    focus = FOCUS_CONFLICT if FOCUS_CONFLICT in spans else rows["conflict"].value_counts().index[0]
    low, high = spans[focus]
    title = (
        f"Counts of volunteers serving at one time in the {short[focus]} put them at "
        f"{_percent_words(low, high)} of the force they joined"
    )
    return title, {"shares": {conflict: list(span) for conflict, span in spans.items()}}


def _percent_words(low: float, high: float) -> str:
    """'0.15 to 7.66%': two decimals, since shares of a force run well under one per cent."""
    return f"{interval_text(low * 100, high * 100, digits=2)}%"


def _history_finding(rows: pd.DataFrame, short: pd.Series) -> tuple[str, dict[str, Any]]:
    """'Per month of war, figures for the Russia-Ukraine war give 18 to 351 volunteers, against
    93 to 1,837 for the Spanish Civil War': the span of the rates each conflict's figures give."""
    spans = {
        conflict: stated_span(group["rate_low"], group["rate_high"])
        for conflict, group in rows.groupby("conflict", sort=False)
    }
    spans = {conflict: span for conflict, span in spans.items() if not math.isnan(span[0])}
    values: dict[str, Any] = {"rates": {conflict: list(span) for conflict, span in spans.items()}}
    if not spans:
        return (
            f"{len(rows)} estimates of past mobilisations, with no war length to divide by",
            values,
        )
    focus = next((c for c in (FOCUS_CONFLICT, BENCHMARK_CONFLICT) if c in spans), next(iter(spans)))
    title = f"Per month of war, figures for the {short[focus]} give {_span_words(*spans[focus])} volunteers"
    if focus == FOCUS_CONFLICT and BENCHMARK_CONFLICT in spans:
        benchmark = spans[BENCHMARK_CONFLICT]
        title += f", against {_span_words(*benchmark)} for the {short[BENCHMARK_CONFLICT]}"
    return title, values


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


def _listed_label(listed_deaths: pd.DataFrame, sources: pd.DataFrame) -> str:
    """'listed by <publisher>', the publisher of the list's source, as the legend names it."""
    publishers = (
        sources.set_index("source_id")["publisher"]
        .reindex(listed_deaths["source_id"].drop_duplicates())
        .dropna()
    )
    return f"listed by {publishers.iloc[0]}" if len(publishers) else "listed by name"


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


# Shared helpers


def _no_data(stem: Path, title: str, data: pd.DataFrame) -> Chart:
    """A figure that says there is nothing to draw yet, so a chapter still has its files."""
    with house_style():
        fig = Figure(figsize=(FIGURE_WIDTH, 2.5))
        ax = fig.subplots()
        ax.set_axis_off()
        ax.text(
            0.5,
            0.5,
            "No rows of the data match:\nnothing to draw for this date.",
            ha="center",
            va="center",
            color="0.35",
            transform=ax.transAxes,
        )
        finish(fig, title=title, sources=[NO_SOURCES])
    return Chart(save(fig, stem), title, [], [], {}, data, fig)


def _height(rows: int) -> float:
    """Inches for a chart of `rows` rows: room for each, and for title and sources."""
    return max(3.5, 0.32 * rows + 2.0)


def _split_ids(cells: pd.Series) -> pd.Series:
    """Comma-joined id cells as one id per row, keeping each cell's index."""
    return cells.str.split(", ").explode()


def _interval_words(low: pd.Series, high: pd.Series) -> pd.Series:
    return pd.Series(
        [interval_text(lo, hi, digits=0) for lo, hi in zip(low, high, strict=True)], index=low.index
    )


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


def _figure(row: pd.Series | dict) -> str:
    return figure_text(
        number_or_none(row["low"]), number_or_none(row["high"]), str(row["qualifier"])
    )


def _stated_number(row: pd.Series) -> float:
    return float(row["low"]) if not pd.isna(row["low"]) else float(row["high"])


def _bounds(row: pd.Series | dict) -> dict[str, float | None]:
    return {"low": number_or_none(row["low"]), "high": number_or_none(row["high"])}
