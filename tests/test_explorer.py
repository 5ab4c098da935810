"""The interactive explorer: its pickers drive the country funnel and the timeline."""

from __future__ import annotations

import pytest

from tests.conftest import Project

pytest.importorskip("ipywidgets", reason="the explorer needs the lab extra (CI installs it)")


def shown(explorer) -> str:
    return "\n".join(output["data"].get("text/html", "") for output in explorer.view.outputs)


def test_the_explorer_offers_every_country_with_a_figure_by_name(mini: Project) -> None:
    from ffanalysis.analysis.profiles import countries_with_data
    from ffanalysis.presentation.explorer import explore

    explorer = explore(mini.data_dir, country="GBR")
    codes = [code for _, code in explorer.country.options]
    assert sorted(codes) == countries_with_data(mini.data_dir)
    names = [name for name, _ in explorer.country.options]
    assert names == sorted(names) and "United Kingdom" in names


def test_picking_a_country_and_a_date_redraws_both_charts(mini: Project) -> None:
    from ffanalysis.presentation.explorer import explore

    explorer = explore(mini.data_dir, country="GBR")
    first = shown(explorer)
    assert first.count('<svg class="chart"') + first.count("<p>") == 2
    explorer.as_of.value = "2022-01"
    assert shown(explorer) != first, "an earlier date shows fewer figures"
    explorer.as_of.value = "next week"
    assert "as_of" in explorer.message.value and shown(explorer) == ""
