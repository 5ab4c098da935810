"""What every chart shares: the `Chart` it returns (files, finding, what it draws, its data
for readers), its sources and the honest empty figure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..analysis.words import SIDE_HEADINGS
from .plotting import (
    CLAIMANT_LABELS,
    FIGURE_WIDTH,
    draw_intervals,
    finish,
    house_style,
    save,
)

SOURCE_NAME_LENGTH = 70
"""Characters of a source's 'publisher: title' in `Chart.sources` (the figure itself credits
publishers only, `publishers`)."""

NO_SOURCES = "none (no rows to draw)"


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

    def _repr_html_(self) -> str:
        """A chart left as a cell's last line shows itself in a notebook, as the report shows
        it: the SVG with its label, then its caption."""
        from .chapter import caption, image

        return image(self) + caption(self)


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


def no_data(stem: Path, title: str, data: pd.DataFrame) -> Chart:
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


def draw_rows(ax: Axes, rows: pd.DataFrame, *, key: str = "key", tick: str = "label") -> None:
    """Each row's range on its own line, its figure beside it and a short tick label: keyed by
    a unique `key`, so two rows whose `tick` reads alike still get a line each."""
    stated = rows.loc[rows["low"].notna() | rows["high"].notna()]
    draw_intervals(ax, stated, y=key, label="figure")
    ax.set_yticks(range(len(stated)), labels=stated[tick])
    ax.set_ylim(len(stated) - 0.5, -0.5)


def date_axis(ax: Axes) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def split_ids(cells: pd.Series) -> pd.Series:
    """Comma-joined id cells as one id per row, keeping each cell's index."""
    return cells.str.split(", ").explode()
