"""The house style for figures: one look, a colour for each kind of claimant, sources on each.

Figures are `matplotlib.figure.Figure` objects, never pyplot's global state, so this module picks
no backend and one notebook cell's figure cannot leak into the next:

    with house_style():
        fig = Figure()
        ax = fig.subplots()
        draw_intervals(ax, claims, y="claimant", low="value_low", high="value_high")
        thousands(ax.xaxis)
        finish(fig, title="Kyiv's figure is ten times what reporters found", sources=[...])
        save(fig, FIGURES / "volunteers")
"""

from __future__ import annotations

import math
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import matplotlib as mpl
import matplotlib.dates as mdates
import pandas as pd
import seaborn as sns
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import Bbox

from ..data.ranges import Interval
from ..data.values import number_or_none
from ..data.vocab import CLAIMANT_TYPE


def _for_every_claimant_type(chosen: dict[str, str]) -> dict[str, str]:
    """Key `chosen` by the vocabulary, failing at import when a claimant type is added or gone."""
    if set(chosen) != set(CLAIMANT_TYPE):
        differing = sorted(set(chosen) ^ set(CLAIMANT_TYPE))
        raise ValueError(f"the plotting choices and vocab.CLAIMANT_TYPE differ on: {differing}")
    return {claimant_type: chosen[claimant_type] for claimant_type in CLAIMANT_TYPE}


_COLORBLIND = sns.color_palette("colorblind").as_hex()

CLAIMANT_COLOURS = _for_every_claimant_type(
    {
        "ua_government": _COLORBLIND[0],  # blue
        "ru_government": _COLORBLIND[3],  # vermillion: the furthest from Kyiv's blue
        "ru_affiliated": _COLORBLIND[4],  # reddish purple, a kin of Moscow's vermillion
        "third_government": _COLORBLIND[7],  # grey
        "independent": "#000000",  # black: no side's hue, and the strongest mark on the page
        "media": _COLORBLIND[2],  # green
        "participant": _COLORBLIND[1],  # orange
    }
)
"""A colour-blind-safe colour for each claimant type, so a reader sees who says so."""

CLAIMANT_LABELS = _for_every_claimant_type(
    {
        "ua_government": "Ukrainian government",
        "ru_government": "Russian government",
        "ru_affiliated": "Pro-Russian, non-state",
        "third_government": "Other governments",
        "independent": "Independent research",
        "media": "Journalists",
        "participant": "Participants",
    }
)
"""The claimant types as a legend names them."""

_SVG_RC: dict[str, Any] = {"svg.hashsalt": "ffanalysis", "svg.fonttype": "none"}
"""A constant salt makes the SVG ids repeatable. Text stays text: a page weighs a fraction of
glyph paths, a reader can select and search it, and a browser reports its size (the phone test);
the font stack falls back to Verdana, whose letters are as wide as DejaVu Sans's."""

FIGURE_WIDTH = 5.0
"""Inches (72 points each) of every figure. The page scales a chart to its column: on a phone
(`PHONE_COLUMN_PX`) a figure this wide keeps text of `TEXT_SIZE` points at `MIN_TEXT_PX` or
more, which a figure of 8 inches (text at 6 px) did not."""

PHONE_COLUMN_PX = 358
"""CSS pixels of the text column on a 390-pixel phone: the narrowest a chart is shown."""

MIN_TEXT_PX = 9
"""The smallest chart text a reader should meet on that phone, in CSS pixels."""

TEXT_SIZE = 10
"""Points of the smallest text in a figure (ticks, labels beside marks, the source line)."""

TITLE_SIZE = 12

_HOUSE_RC = {
    **sns.axes_style("ticks"),
    **sns.plotting_context("notebook"),
    "axes.prop_cycle": cycler(color=_COLORBLIND),
    # Titles, labels and source lines hold text from the data: a '$' in a publisher's name is
    # a dollar sign, not the start of a formula.
    "text.parse_math": False,
    # Bundled with matplotlib: the same glyphs, hence the same bytes, on every machine.
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Verdana"],
    # One size for all but the title: sizes below it ("small") would fall under MIN_TEXT_PX.
    "font.size": TEXT_SIZE,
    "axes.labelsize": TEXT_SIZE,
    "axes.titlesize": TEXT_SIZE,
    "axes.titleweight": "bold",
    "xtick.labelsize": TEXT_SIZE,
    "ytick.labelsize": TEXT_SIZE,
    "legend.fontsize": TEXT_SIZE,
    "figure.titlesize": TITLE_SIZE,
    "figure.titleweight": "bold",
    "figure.labelsize": TEXT_SIZE,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.figsize": (FIGURE_WIDTH, 3.6),
    "figure.constrained_layout.use": True,
    **_SVG_RC,
}

_LEFT = 0.01  # figure fraction where the title and the source line start
_DPI = 200
_ARROW_LENGTH = 28  # points: how far an open-above arrow runs past the stated number
_LABEL_GAP = 5  # points between a mark and its label
_CAPS: dict[str, Any] = {"marker": "|", "markersize": 10, "solid_capstyle": "butt"}
_UPRIGHT_CAPS = {**_CAPS, "marker": "_"}
_SAVE_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
"""Without these, matplotlib writes the time or its version into the file."""


@contextmanager
def house_style() -> Iterator[None]:
    """Apply the house look to the figures created inside the block.

    matplotlib reads most style when a figure or Axes is created, so create them inside.
    """
    with mpl.rc_context(_HOUSE_RC):
        yield


def thousands(axis: Axis) -> None:
    """Label ticks as 20,000 rather than 20000 or 2e4, so readers can compare claims at a glance."""
    axis.set_major_formatter(FuncFormatter(_with_separators))


def _with_separators(value: float, _position: int | None = None) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def draw_intervals(
    ax: Axes,
    frame: pd.DataFrame,
    *,
    y: str,
    low: str = "low",
    high: str = "high",
    colour_by: str = "claimant_type",
    label: str | None = None,
) -> int:
    """Draw each row's figure as the range it states, on its own row; return the rows skipped.

    A range is a capped line, a point a dot, an open bound a dashed arrow leaving the stated
    number (right for "more than", left to zero for "fewer than"): nothing is drawn that
    the source did not state, least of all a midpoint. Vague rows (no number) are skipped.
    `y` names the column of row labels, `colour_by` the claimant-type column, and `label` an
    optional column of text written beside each mark.
    """
    rows = frame.to_dict("records")
    drawn = [
        (row, interval) for row in rows if (interval := _interval(row[low], row[high])) is not None
    ]
    positions = _row_positions(ax.yaxis, [str(row[y]) for row, _ in drawn])
    for (row, interval), position in zip(drawn, positions, strict=True):
        _draw_interval(ax, interval, position, CLAIMANT_COLOURS[row[colour_by]])
        if label is not None:
            _write_label(ax, str(row[label]), interval, position)
    return len(rows) - len(drawn)


def _interval(low: object, high: object) -> Interval | None:
    """The row's figure, None for a vague one; Interval rejects low > high."""
    interval = Interval(number_or_none(low), number_or_none(high))
    return None if interval.low is None and interval.high is None else interval


def _row_positions(axis: Axis, labels: list[str]) -> Sequence[float]:
    """Positions on a categorical axis, read top down, so later calls add rows below."""
    axis.update_units(labels)
    axis.set_inverted(True)
    return axis.convert_units(labels)


def draw_over_time(
    ax: Axes,
    frame: pd.DataFrame,
    *,
    x: str,
    low: str = "low",
    high: str = "high",
    colour_by: str = "claimant_type",
) -> int:
    """Draw each row's figure as a vertical interval at its date; return the rows skipped.

    The upright twin of `draw_intervals`, for charts whose x axis is time: a point is a dot, a
    range a capped line, an open bound a dashed arrow leaving the stated number (up for 'more
    than', down to zero for 'fewer than'). Vague or undated rows are skipped.
    """
    rows = frame.to_dict("records")
    drawn = [
        (row, interval)
        for row in rows
        if not pd.isna(row[x]) and (interval := _interval(row[low], row[high])) is not None
    ]
    for row, interval in drawn:
        position = mdates.date2num(row[x])
        _draw_interval(ax, interval, position, CLAIMANT_COLOURS[row[colour_by]], upright=True)
    return len(rows) - len(drawn)


def _draw_interval(
    ax: Axes, interval: Interval, position: float, colour: str, *, upright: bool = False
) -> None:
    """One figure at `position` across the value axis (horizontal, or vertical if upright)."""

    def at(value: float) -> tuple[float, float]:
        return (position, value) if upright else (value, position)

    caps = _UPRIGHT_CAPS if upright else _CAPS
    low, high = interval.low, interval.high
    if low is not None and interval.is_point:
        ax.plot(*zip(at(low), strict=True), marker="o", linestyle="none", color=colour)
    elif low is not None and high is None:
        head = (0, _ARROW_LENGTH) if upright else (_ARROW_LENGTH, 0)
        _open_arrow(ax, at(low), colour, caps, head=head)
    elif high is not None and low is None:
        ax.update_datalim([at(0)])
        _open_arrow(ax, at(high), colour, caps, head=at(0), head_coords="data")
    elif low is not None and high is not None:
        ax.plot(*zip(at(low), at(high), strict=True), color=colour, **caps)


def _open_arrow(
    ax: Axes,
    start: tuple[float, float],
    colour: str,
    caps: dict,
    *,
    head: tuple[float, float],
    head_coords: str = "offset points",
) -> None:
    """A cap at the stated number and a dashed arrow to the open side.

    Open above, the arrow has a fixed length; open below, it ends at zero, the floor of a count.
    """
    ax.plot([start[0]], [start[1]], linestyle="none", color=colour, **caps)
    ax.annotate(
        "",
        xy=start,
        xytext=head,
        textcoords=head_coords,
        arrowprops={
            "arrowstyle": "<|-",  # the arrow runs from `head`, so "<" puts the head there
            "linestyle": (0, (3, 2)),
            "linewidth": mpl.rcParams["lines.linewidth"],
            "color": colour,
            "shrinkA": 0,
            "shrinkB": 0,
        },
    )


def _write_label(ax: Axes, text: str, interval: Interval, position: float) -> None:
    """Write `text` right of the mark, past the arrow head when the range is open above."""
    open_above = interval.high is None
    ax.annotate(
        text,
        xy=(interval.low if open_above else interval.high, position),
        xytext=(_LABEL_GAP + (_ARROW_LENGTH if open_above else 0), 0),
        textcoords="offset points",
        va="center",
    )


def claimant_legend(ax: Axes, claimant_types: Iterable[str]) -> Legend:
    """A key to the colours of the claimant types shown, in the vocabulary's order."""
    shown = set(claimant_types)
    handles = [
        Line2D([], [], color=colour, marker="o", linestyle="none", label=CLAIMANT_LABELS[kind])
        for kind, colour in CLAIMANT_COLOURS.items()
        if kind in shown
    ]
    return ax.legend(handles=handles, frameon=False)


def key_below(fig: Figure, legend: Legend, columns: int = 2) -> Legend:
    """Move an Axes' legend under the figure, in `columns` columns: on a figure as narrow as a
    phone's column, a key to the right would squeeze the plot. It hangs below the figure's
    edge, as the source line does, and `save` puts the source line under it."""
    handles = [handle for handle in legend.legend_handles if handle is not None]
    labels = [text.get_text() for text in legend.get_texts()]
    legend.remove()
    return fig.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(_LEFT, 0),
        ncols=columns,
        frameon=False,
        borderaxespad=0,
        handletextpad=0.3,
        columnspacing=1.0,
    )


def finish(
    fig: Figure,
    *,
    title: str,
    sources: Sequence[str],
    xlabel: str | None = None,
    ylabel: str | None = None,
) -> None:
    """Title the figure with its finding, label its axes and print one short source line.

    `sources` are the names of the sources drawn, the most used first: the line names two and
    counts the rest (`source_line`); the full list belongs to the caption's notes. With several
    Axes the labels are shared ones for the whole figure.
    """
    if not sources:
        raise ValueError("every figure must name its sources")
    fig.suptitle(_wrap(title, fig, mpl.rcParams["figure.titlesize"]), x=_LEFT, ha="left")
    _label_axes(fig, xlabel, ylabel)
    fig.text(
        _LEFT,
        0,
        _wrap(source_line(sources), fig, TEXT_SIZE),
        ha="left",
        va="top",
        fontsize=TEXT_SIZE,
        color="0.35",
        gid=_SOURCE_LINE,
    )


SOURCES_NAMED = 2
"""Sources a figure's source line names before it counts the rest."""


def source_line(names: Sequence[str]) -> str:
    """'Sources: Kyiv Independent, Washington Post and 9 others': short enough for a phone."""
    if len(names) == 1:
        return f"Source: {names[0]}"
    named, rest = list(names[:SOURCES_NAMED]), len(names) - SOURCES_NAMED
    if rest > 0:
        return f"Sources: {', '.join(named)} and {rest} {'other' if rest == 1 else 'others'}"
    return f"Sources: {named[0]} and {named[1]}"


_SOURCE_LINE = "source-line"
"""The id of the source line's text, so that `save` can find it and put it last."""


def _label_axes(fig: Figure, xlabel: str | None, ylabel: str | None) -> None:
    single = len(fig.axes) == 1
    if xlabel is not None:
        fig.axes[0].set_xlabel(xlabel) if single else fig.supxlabel(xlabel)
    if ylabel is not None:
        fig.axes[0].set_ylabel(ylabel) if single else fig.supylabel(ylabel)


def _wrap(text: str, fig: Figure, fontsize: float | str) -> str:
    """Break `text` into lines about as wide as the figure (a character is ~0.6 em wide)."""
    size_in_points = FontProperties(size=fontsize).get_size_in_points()
    width = math.floor(fig.get_figwidth() * 72 / (0.6 * size_in_points))
    return textwrap.fill(text, width=width)


def save(fig: Figure, path_stem: Path | str) -> list[Path]:
    """Write `<stem>.png` and `<stem>.svg`, then close the figure; the same figure, the same bytes.

    The source line sits below the figure's edge, so the files are cropped to everything drawn.
    """
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    paths = []
    with mpl.rc_context(cast(Any, {**_SVG_RC, "figure.constrained_layout.use": False})):
        crop = _settle(fig)
        for file_format, metadata in _SAVE_METADATA.items():
            path = stem.with_name(f"{stem.name}.{file_format}")
            fig.savefig(path, format=file_format, dpi=_DPI, bbox_inches=crop, metadata=metadata)
            paths.append(path)
    _close(fig)
    return paths


def _settle(fig: Figure) -> Bbox:
    """Lay the figure out once, at the PNG's resolution, keep that layout, and return the crop
    (everything drawn, plus savefig's padding).

    savefig's own "tight" crop lays the figure out and draws it twice for each file; with the
    layout settled and the crop given, each file is drawn once (the PNG is the same to the
    pixel). Call it with constrained layout off in rcParams, so that the engine is removed
    rather than replaced.
    """
    dpi = fig.dpi
    fig.set_dpi(_DPI)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    _source_line_last(fig, renderer)
    crop = fig.get_tightbbox(renderer).padded(mpl.rcParams["savefig.pad_inches"])
    fig.set_dpi(dpi)
    fig.set_layout_engine(None)
    return crop


def _source_line_last(fig: Figure, renderer) -> None:
    """Move the source line under a key the layout put at the figure's foot (`key_below`)."""
    lines = [text for text in fig.texts if text.get_gid() == _SOURCE_LINE]
    if not lines or not fig.legends:
        return
    foot = min(legend.get_window_extent(renderer).y0 for legend in fig.legends)
    lines[0].set_y(foot / fig.bbox.height)


def _close(fig: Figure) -> None:
    """Free a figure pyplot made; a plain Figure holds no global state to free."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(fig)
