"""Historical comparison: rates over each figure's own window, shares of like by like."""

from __future__ import annotations

import pandas as pd
import pytest

from ffanalysis.analysis.history import COLUMNS, comparison, conflict_months, window_is_loose
from tests.typed_frames import claims, table

SOURCES = table(
    "sources",
    """\
    source_id,published
    doc,2024-06
    """,
)

CONFLICTS = table(
    "conflicts",
    """\
    conflict_id,name,side_joined,start,end
    spanish_civil_war,Spanish Civil War,spanish_republic,1936-07-17,1939-03-28
    winter_war,Winter War,finland,1939-11,1940-03
    donbas,Donbas war,both,2014,2015
    russia_ukraine_2022,Russia-Ukraine war,ukraine,2022-02-24,
    """,
)

HISTORICAL = table(
    "historical",
    """\
    figure_id,conflict,side,metric,country,claimant_type,value_low,value_high,qualifier,unit,refers_to,counts
    BRIGADES,spanish_civil_war,spanish_republic,fighters_total,ALL,media,32000,32000,about,persons,1938-09-23,
    PEAK,spanish_civil_war,spanish_republic,fighters_active,ALL,media,,18000,up_to,persons,,
    ARMY,spanish_civil_war,spanish_republic,host_force,ALL,media,750000,750000,exact,persons,,at_one_time
    FRANCO,spanish_civil_war,spanish_nationalists,fighters_total,ALL,media,10000,10000,about,persons,,
    BRITONS,spanish_civil_war,spanish_republic,fighters_total,GBR,media,2500,2500,about,persons,,
    UNIT,spanish_civil_war,spanish_republic,fighters_total,ALL,media,600,600,about,persons,,subset
    SWEDES,winter_war,finland,volunteers_arrived,ALL,media,8000,8000,exact,persons,,
    LOOSE,donbas,both,fighters_total,ALL,independent,17000,17000,exact,persons,,
    WINDOW,donbas,both,fighters_total,ALL,independent,17000,17000,exact,persons,2019,
    """,
).assign(source_id="doc")

CLAIMS = claims(
    """\
    claim_id,conflict,metric,claimant_type,value_low,value_high,qualifier,stated_on
    MOD,russia_ukraine_2022,fighters_total,ua_government,20000,20000,exact,2022-12-18
    NYT,russia_ukraine_2022,fighters_active,media,1500,1500,about,2023-03
    ARMY2022,russia_ukraine_2022,host_force,ua_government,261000,261000,exact,2022-02
    ARMY2023,russia_ukraine_2022,host_force,ua_government,800000,,more_than,2023-09
    """
).assign(counts=lambda frame: frame["counts"].mask(frame["metric"].eq("host_force"), "at_one_time"))

MONTH = 365.25 / 12


def run(as_of: str | None = "2024-02-24") -> pd.DataFrame:
    return comparison(HISTORICAL, CONFLICTS, CLAIMS, SOURCES, as_of).set_index("figure_id")


def test_partial_dates_make_the_duration_an_interval() -> None:
    months = conflict_months(CONFLICTS, pd.Timestamp("2024-02-24")).set_index("conflict")
    assert months.loc["spanish_civil_war", "months_low"] == pytest.approx(984 / MONTH)
    assert months.loc["winter_war", "months_low"] == pytest.approx(92 / MONTH)
    assert months.loc["winter_war", "months_high"] == pytest.approx(151 / MONTH)
    assert months.loc["russia_ukraine_2022", "months_low"] == pytest.approx(730 / MONTH)


def test_a_rate_runs_to_the_date_the_figure_describes() -> None:
    result = run()
    assert result.reset_index().columns.tolist() == [COLUMNS[3], *COLUMNS[:3], *COLUMNS[4:]]
    spain = result.loc["BRIGADES"]
    assert spain["months_low"] == pytest.approx(798 / MONTH)
    assert spain["rate_low"] == pytest.approx(32000 / (798 / MONTH))
    ukraine = result.loc["MOD"]
    assert ukraine["months_low"] == pytest.approx(297 / MONTH)


def test_a_figure_without_a_date_describes_the_whole_war() -> None:
    finland = run().loc["SWEDES"]
    assert finland["rate_low"] == pytest.approx(8000 / (151 / MONTH))
    assert finland["rate_high"] == pytest.approx(8000 / (92 / MONTH))


def test_a_war_dated_only_by_years_gives_no_rate_unless_the_figure_has_its_own_window() -> None:
    result = run()
    assert pd.isna(result.loc["LOOSE", "rate_low"]) and pd.isna(result.loc["LOOSE", "rate_high"])
    assert result.loc["LOOSE", "rate_note"] == "window_too_loose"
    window = result.loc["WINDOW"]
    assert window["months_low"] == pytest.approx(1462 / MONTH)
    assert window["rate_low"] == pytest.approx(17000 / (2190 / MONTH))


def test_only_a_count_serving_at_one_time_gets_a_share_of_a_force_at_about_the_same_time() -> None:
    result = run()
    assert result.loc["PEAK", "host_ids"] == "ARMY"
    assert result.loc["PEAK", "share_high"] == pytest.approx(18000 / 750000)
    assert result.loc[["BRIGADES", "MOD", "SWEDES"], "share_low"].isna().all()
    nyt = result.loc["NYT"]
    assert nyt["host_ids"] == "ARMY2023"
    assert nyt["share_high"] == pytest.approx(1500 / 800000)
    assert pd.isna(nyt["share_low"])


def test_subsets_other_sides_and_single_countries_are_not_estimates() -> None:
    assert not {"UNIT", "FRANCO", "BRITONS", "ARMY"} & set(run().index)


def test_an_unset_as_of_means_the_datas_vintage_not_today() -> None:
    assert run(None).loc["MOD", "months_low"] == run("2024-06-30").loc["MOD", "months_low"]
    open_war = conflict_months(CONFLICTS, pd.Timestamp("2024-06-30")).set_index("conflict")
    assert open_war.loc["russia_ukraine_2022", "months_high"] == pytest.approx(857 / MONTH)


def test_loose_windows_are_those_under_a_month_or_more_than_twice_their_shortest() -> None:
    low = pd.Series([0.5, 10, 10, 10], dtype="Float64")
    high = pd.Series([5, 15, 25, None], dtype="Float64")
    assert window_is_loose(low, high).tolist() == [True, False, True, True]


def test_no_figures_give_an_empty_table() -> None:
    result = comparison(HISTORICAL.iloc[:0], CONFLICTS, CLAIMS.iloc[:0], SOURCES, "2022-01-01")
    assert result.empty
    assert result.columns.tolist() == COLUMNS
