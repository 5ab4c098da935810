"""The house style: every claimant has a colour, figures show only what sources state, carry their
sources, and the same data gives the same files byte for byte."""

from __future__ import annotations

import colorsys
import os
import runpy
import subprocess
import sys
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex, to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from PIL import Image

from ffanalysis.data.vocab import CLAIMANT_TYPE
from ffanalysis.presentation.plotting import (
    CLAIMANT_COLOURS,
    CLAIMANT_LABELS,
    MIN_TEXT_PX,
    _for_every_claimant_type,
    claimant_legend,
    draw_intervals,
    finish,
    house_style,
    save,
    source_line,
    thousands,
)
from tests.helpers import smallest_text_on_a_phone

FIGURE = """\
import sys
import pandas as pd
from matplotlib.figure import Figure
from ffanalysis.presentation.plotting import draw_intervals, finish, house_style, save, thousands

claims = pd.DataFrame({
    "claimant": ["Kyiv", "Reporters", "Moscow", "LostArmour", "A volunteer", "Someone"],
    "low": pd.array([20000, 1500, 13387, None, 1000, None], dtype="Float64"),
    "high": pd.array([20000, 2000, 13387, 750, None, None], dtype="Float64"),
    "claimant_type": ["ua_government", "media", "ru_government", "ru_affiliated",
                      "participant", "independent"],
    "wording": ["20,000", "1,500 to 2,000", "13,387", "fewer than 750", "more than 1,000",
                "hundreds"],
})
with house_style():
    fig = Figure()
    ax = fig.subplots()
    draw_intervals(ax, claims, y="claimant", label="wording")
    thousands(ax.xaxis)
    finish(fig, title="Kyiv's figure is ten times what reporters found",
           sources=["Kyiv Independent", "New York Times"], xlabel="Foreign volunteers")
"""
"""A whole figure, built the way a notebook builds one, as `fig`."""
BUILD_FIGURE = FIGURE + "save(fig, sys.argv[1])\n"
"""The figure saved: run as a script with the output stem."""


def intervals(*rows: tuple[str, float | None, float | None, str]) -> pd.DataFrame:
    """A frame like `ff.load` gives: nullable floats, where NA is an open bound."""
    who, low, high, claimant_type = zip(*rows, strict=True)
    return pd.DataFrame(
        {
            "who": who,
            "low": pd.array(low, dtype="Float64"),
            "high": pd.array(high, dtype="Float64"),
            "claimant_type": claimant_type,
        }
    )


def drawn(frame: pd.DataFrame, **options) -> tuple[Figure, int]:
    fig = Figure()
    skipped = draw_intervals(fig.subplots(), frame, y="who", **options)
    fig.draw_without_rendering()
    return fig, skipped


def arrows(fig: Figure) -> list[Annotation]:
    return [text for text in fig.axes[0].texts if text.arrow_patch is not None]


def head_x(arrow: Annotation) -> float:
    """Where the arrow's head is, in display units: the vertices off the shaft are the head's."""
    vertices = arrow.arrow_patch.get_path().vertices[:-1]  # the last one closes the path
    shaft_y = np.median(vertices[:, 1])
    return float(np.mean(vertices[np.abs(vertices[:, 1] - shaft_y) > 1e-6, 0]))


def display_x(fig: Figure, x: float) -> float:
    return float(fig.axes[0].transData.transform((x, 0))[0])


# Colours


def test_every_claimant_type_has_its_own_colour() -> None:
    assert list(CLAIMANT_COLOURS) == list(CLAIMANT_TYPE)
    assert list(CLAIMANT_LABELS) == list(CLAIMANT_TYPE)
    hexes = [to_hex(colour) for colour in CLAIMANT_COLOURS.values()]
    assert len(set(hexes)) == len(hexes)


def test_the_two_governments_are_far_apart_in_hue() -> None:
    hue = {
        side: colorsys.rgb_to_hsv(*to_rgb(CLAIMANT_COLOURS[side]))[0] * 360
        for side in ("ua_government", "ru_government")
    }
    apart = abs(hue["ua_government"] - hue["ru_government"])
    assert min(apart, 360 - apart) > 120


def test_independent_evidence_is_a_strong_neutral() -> None:
    _hue, saturation, value = colorsys.rgb_to_hsv(*to_rgb(CLAIMANT_COLOURS["independent"]))
    assert saturation == 0 and value < 0.3


def test_a_claimant_type_without_a_colour_fails_loudly() -> None:
    chosen = dict(CLAIMANT_COLOURS)
    del chosen["media"]
    with pytest.raises(ValueError, match="media"):
        _for_every_claimant_type(chosen)
    with pytest.raises(ValueError, match="pundit"):
        _for_every_claimant_type({**CLAIMANT_COLOURS, "pundit": "red"})


def test_the_legend_names_the_types_shown_in_vocabulary_order() -> None:
    ax = Figure().subplots()
    legend = claimant_legend(ax, ["media", "ru_government", "media", "ua_government"])
    assert [text.get_text() for text in legend.get_texts()] == [
        "Ukrainian government",
        "Russian government",
        "Journalists",
    ]
    assert [handle.get_color() for handle in legend.legend_handles] == [
        CLAIMANT_COLOURS[kind] for kind in ("ua_government", "ru_government", "media")
    ]


# Intervals


def test_a_closed_range_is_a_capped_line_from_low_to_high() -> None:
    fig, _ = drawn(intervals(("Reporters", 1500, 2000, "media")))
    (line,) = fig.axes[0].lines
    assert list(line.get_xdata()) == [1500, 2000]
    assert len(set(line.get_ydata())) == 1
    assert line.get_marker() == "|"
    assert to_rgba(line.get_color()) == to_rgba(CLAIMANT_COLOURS["media"])
    assert arrows(fig) == []


def test_a_point_is_a_marker() -> None:
    fig, _ = drawn(intervals(("Moscow", 13387, 13387, "ru_government")))
    (line,) = fig.axes[0].lines
    assert list(line.get_xdata()) == [13387]
    assert line.get_marker() == "o"
    assert line.get_linestyle() == "None"


def test_an_open_upper_bound_is_a_dashed_arrow_right_from_low() -> None:
    fig, _ = drawn(intervals(("A volunteer", 1000, None, "participant")))
    (arrow,) = arrows(fig)
    assert arrow.xy[0] == 1000
    assert head_x(arrow) > display_x(fig, 1000) + 20
    patch = arrow.arrow_patch
    assert patch.get_linestyle() != "-"
    assert to_rgba(patch.get_edgecolor()) == to_rgba(CLAIMANT_COLOURS["participant"])
    # Only a cap marks the stated number: no line spans a range the source did not give.
    assert [list(line.get_xdata()) for line in fig.axes[0].lines] == [[1000]]


def test_an_open_lower_bound_is_an_arrow_left_from_high_to_zero() -> None:
    fig, _ = drawn(intervals(("LostArmour", None, 750, "ru_affiliated")))
    (arrow,) = arrows(fig)
    assert arrow.xy[0] == 750
    assert head_x(arrow) == pytest.approx(display_x(fig, 0), abs=8)
    assert arrow.arrow_patch.get_linestyle() != "-"
    assert fig.axes[0].get_xlim()[0] <= 0
    assert [list(line.get_xdata()) for line in fig.axes[0].lines] == [[750]]


def test_vague_rows_are_skipped_and_counted() -> None:
    frame = intervals(
        ("Someone", None, None, "media"),
        ("Reporters", 1500, 2000, "media"),
        ("Another", None, None, "participant"),
    )
    fig, skipped = drawn(frame)
    assert skipped == 2
    assert [label.get_text() for label in fig.axes[0].get_yticklabels()] == ["Reporters"]
    assert len(fig.axes[0].lines) == 1
    _, skipped = drawn(frame.iloc[[0, 2]])
    assert skipped == 2


def test_rows_read_top_down_in_frame_order() -> None:
    fig, _ = drawn(
        intervals(
            ("Kyiv", 20000, 20000, "ua_government"),
            ("Reporters", 1500, 2000, "media"),
            ("Moscow", 13387, 13387, "ru_government"),
        )
    )
    ax = fig.axes[0]
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Kyiv", "Reporters", "Moscow"]
    assert ax.yaxis_inverted()


def test_labels_are_written_beside_the_marks() -> None:
    frame = intervals(("Reporters", 1500, 2000, "media"), ("A volunteer", 1000, None, "media"))
    frame["wording"] = ["1,500 to 2,000", "more than 1,000"]
    fig, _ = drawn(frame, label="wording")
    labels = {text.get_text(): text for text in fig.axes[0].texts if text.get_text()}
    assert labels["1,500 to 2,000"].xy[0] == 2000
    more_than = labels["more than 1,000"]
    (arrow,) = arrows(fig)
    assert display_x(fig, more_than.xy[0]) + more_than.xyann[0] > head_x(arrow)


def test_an_unknown_claimant_type_is_an_error() -> None:
    with pytest.raises(KeyError, match="pundit"):
        drawn(intervals(("Someone", 1, 2, "pundit")))


def test_low_above_high_is_an_error() -> None:
    with pytest.raises(ValueError, match="above high"):
        drawn(intervals(("Someone", 2000, 1500, "media")))


# Labels, title and sources


def test_ticks_have_thousands_separators() -> None:
    fig = Figure()
    ax = fig.subplots()
    ax.set_xlim(0, 20000)
    thousands(ax.xaxis)
    fig.draw_without_rendering()
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert "20,000" in labels and "5,000" in labels
    assert ax.xaxis.get_major_formatter()(2.5) == "2.5"
    assert ax.xaxis.get_major_formatter()(1234567) == "1,234,567"


def test_finish_states_the_finding_and_the_sources() -> None:
    fig = Figure()
    ax = fig.subplots()
    finish(fig, title="Kyiv's figure is ten times", sources=["A", "B", "C"], xlabel="Volunteers")
    assert fig.get_suptitle() == "Kyiv's figure is ten times"
    assert ax.get_xlabel() == "Volunteers"
    assert ax.get_ylabel() == ""
    assert "Sources: A, B and 1 other" in [text.get_text() for text in fig.texts]


@pytest.mark.parametrize(
    ("names", "line"),
    [
        (["Kyiv Independent"], "Source: Kyiv Independent"),
        (["Kyiv Independent", "Vice"], "Sources: Kyiv Independent and Vice"),
        (["A", "B", "C", "D"], "Sources: A, B and 2 others"),
    ],
)
def test_one_short_source_line_names_two_and_counts_the_rest(names, line) -> None:
    assert source_line(names) == line


def test_a_long_source_line_is_wrapped_to_the_figure_width() -> None:
    sources = [f"A fairly long publisher's name, number {number}, 2023" for number in range(8)]
    fig = Figure(figsize=(4, 4))
    finish(fig, title="Finding", sources=sources)
    (line,) = [text for text in fig.texts if text.get_text().startswith("Sources:")]
    lines = line.get_text().splitlines()
    assert len(lines) > 1
    assert " ".join(lines) == source_line(sources)
    fig.draw_without_rendering()
    assert line.get_window_extent().x1 <= fig.bbox.x1


def test_svg_text_stays_text_and_reads_on_a_phone(tmp_path: Path) -> None:
    """Every text of a house figure, scaled to a phone's column, is at least MIN_TEXT_PX high."""
    namespace: dict = {}
    exec(FIGURE, namespace)
    _, svg = save(namespace["fig"], tmp_path / "figure")
    assert smallest_text_on_a_phone(svg.read_text(encoding="utf-8")) >= MIN_TEXT_PX


def test_several_axes_share_the_labels() -> None:
    fig = Figure()
    axes = fig.subplots(1, 2)
    finish(fig, title="Finding", sources=["A"], xlabel="Volunteers", ylabel="Claimant")
    assert fig.get_supxlabel() == "Volunteers"
    assert fig.get_supylabel() == "Claimant"
    assert [ax.get_xlabel() for ax in axes] == ["", ""]


def test_a_figure_without_sources_is_refused() -> None:
    with pytest.raises(ValueError, match="sources"):
        finish(Figure(), title="Finding", sources=[])


# Style and saving


def test_house_style_applies_only_inside_the_block() -> None:
    before = dict(mpl.rcParams)
    with house_style():
        assert mpl.rcParams["svg.hashsalt"] is not None
        ax = Figure().subplots()
    assert not ax.spines["top"].get_visible()
    assert not ax.spines["right"].get_visible()
    assert dict(mpl.rcParams) == before


def test_save_writes_png_and_svg_into_new_folders(tmp_path: Path) -> None:
    fig = Figure()
    fig.subplots().plot([1, 2], [3, 4])
    paths = save(fig, tmp_path / "figures" / "chapter 1" / "volunteers.v2")
    folder = tmp_path / "figures" / "chapter 1"
    assert paths == [folder / "volunteers.v2.png", folder / "volunteers.v2.svg"]
    assert paths[0].read_bytes().startswith(b"\x89PNG")
    svg = paths[1].read_text(encoding="utf-8")
    assert "<svg" in svg
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in paths[0].read_bytes()


def test_the_same_data_gives_byte_identical_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built twice in this process, and again in a process with another hash seed."""
    script = tmp_path / "build.py"
    script.write_text(BUILD_FIGURE, encoding="utf-8")
    for run in ("first", "second"):
        monkeypatch.setattr(sys, "argv", [str(script), str(tmp_path / run / "figure")])
        runpy.run_path(str(script), run_name="__main__")
    other_seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    subprocess.run(
        [sys.executable, str(script), str(tmp_path / "other_seed" / "figure")],
        check=True,
        env={**os.environ, "PYTHONHASHSEED": other_seed},
    )
    for suffix in ("png", "svg"):
        runs = ("first", "second", "other_seed")
        contents = {(tmp_path / run / f"figure.{suffix}").read_bytes() for run in runs}
        assert len(contents) == 1, f"the {suffix} files differ"


def figure() -> Figure:
    namespace: dict = {}
    exec(FIGURE, namespace)
    return namespace["fig"]


def test_the_png_is_cropped_as_matplotlibs_tight_crop_would(tmp_path: Path) -> None:
    """save() lays the figure out once for both files; the PNG must not move by a pixel."""
    png, _ = save(figure(), tmp_path / "saved")
    figure().savefig(tmp_path / "tight.png", dpi=200, bbox_inches="tight")
    saved, tight = (np.asarray(Image.open(path)) for path in (png, tmp_path / "tight.png"))
    assert saved.shape == tight.shape
    assert (saved == tight).all()


def test_save_closes_a_pyplot_figure(tmp_path: Path) -> None:
    pyplot = pytest.importorskip("matplotlib.pyplot")
    fig = pyplot.figure()
    save(fig, tmp_path / "figure")
    assert not pyplot.fignum_exists(fig.number)
