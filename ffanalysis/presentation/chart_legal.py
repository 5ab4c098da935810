"""The legal landscape: countries per stance on enlisting for Ukraine."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..analysis import legal
from ..analysis.text import number
from ..analysis.words import LEGALITY_WORDS
from .chart_base import (
    Chart,
    cited_sources,
    no_data,
)
from .plotting import (
    FIGURE_WIDTH,
    finish,
    house_style,
    save,
    thousands,
)

CODES_PER_LINE = 6
"""Country codes written beside a legal-landscape bar before the line breaks."""

LEGAL_COLUMNS = {"label": "Position", "countries": "Countries", "members": "Country codes"}


def legal_landscape(
    legal_stances: pd.DataFrame, sources: pd.DataFrame, figures_dir: Path | str
) -> Chart:
    """Countries per legal category, strongest restriction on top, each bar naming its countries."""
    counts = legal.countries_per_category(legal_stances)
    stem = Path(figures_dir) / "legal_landscape"
    if legal_stances.empty:
        return no_data(stem, "No home state's stance on enlisting had been stated yet", counts)
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
