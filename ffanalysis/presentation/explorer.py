"""An interactive explorer for JupyterLab: pick a country and an as-of date, see its funnel
and the timeline of headcounts as they stood then.

It draws with the report's own chart functions, so what the explorer shows is what a build
with `--as-of` would publish. Needs the `lab` extra (ipywidgets).
"""

from __future__ import annotations

import html
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..analysis.profiles import countries_with_data
from ..data.countries import country_name
from ..data.edition import check_as_of, load_tables
from ..data.paths import default_data_dir
from . import charts


@dataclass
class Explorer:
    """The pickers and the view they drive; `update()` redraws for the pickers' values."""

    country: Any
    as_of: Any
    message: Any
    view: Any
    data_dir: Path
    figures: Path

    def update(self, *_: object) -> None:
        from IPython.display import HTML

        self.view.outputs = ()
        try:
            as_of = check_as_of(self.as_of.value.strip())
        except ValueError as error:
            self.message.value = html.escape(str(error))
            return
        self.message.value = ""
        tables = load_tables(self.data_dir, as_of)
        code = self.country.value
        for chart in (
            charts.country_funnel(tables.claims, tables.sources, code, self.figures),
            charts.claims_timeline(tables.claims, tables.sources, self.figures),
        ):
            self.view.append_display_data(HTML(chart_html(chart)))

    def widget(self) -> Any:
        from ipywidgets import HBox, VBox

        return VBox([HBox([self.country, self.as_of]), self.message, self.view])

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget())


def chart_html(chart: charts.Chart) -> str:
    """A chart as the explorer shows it: the SVG with its finding, or the finding alone when
    there was nothing to draw."""
    from .chapter import image

    if chart.is_empty:
        return f"<p>{html.escape(chart.title)}</p>"
    return image(chart)


def explore(
    data_dir: Path | str | None = None,
    country: str = "GBR",
    as_of: str = "",
    figures_dir: Path | str | None = None,
) -> Explorer:
    """The explorer: a country picker (every country with a figure) and an as-of box (2023,
    2023-06 or 2023-06-30; empty for everything); charts are drawn in `figures_dir` (a
    temporary folder if none). It displays itself as the last line of a cell."""
    from ipywidgets import HTML, Dropdown, Output, Text

    data = Path(data_dir) if data_dir is not None else default_data_dir()
    codes = countries_with_data(data)
    options = sorted((country_name(code) or code, code) for code in codes)
    explorer = Explorer(
        country=Dropdown(options=options, value=country if country in codes else codes[0],
                         description="Country"),
        as_of=Text(value=as_of, description="As of", placeholder="2023-06"),
        message=HTML(),
        view=Output(),
        data_dir=data,
        figures=Path(figures_dir or tempfile.mkdtemp(prefix="ffanalysis-explorer-")),
    )  # fmt: skip
    explorer.country.observe(explorer.update, names="value")
    explorer.as_of.observe(explorer.update, names="value")
    explorer.update()
    return explorer
