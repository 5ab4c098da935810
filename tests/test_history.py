"""Historical comparison: durations, rates and shares are intervals built from partial dates."""

from __future__ import annotations

import pytest

from ffanalysis.history import COLUMNS, comparison, conflict_months
from tests.typed_frames import claims, table

CONFLICTS = table(
    "conflicts",
    """\
    conflict_id,name,side_joined,start,end
    spanish_civil_war,Spanish Civil War,spanish_republic,1936-07-17,1939-03-28
    winter_war,Winter War,finland,1939-11,1940-03
    russia_ukraine_2022,Russia-Ukraine war,ukraine,2022-02-24,
    """,
)

HISTORICAL = table(
    "historical",
    """\
    figure_id,conflict,side,metric,country,claimant_type,value_low,value_high,qualifier,unit
    BRIGADES,spanish_civil_war,spanish_republic,fighters_total,ALL,media,32000,32000,about,persons
    ARMY,spanish_civil_war,spanish_republic,host_force,ALL,media,750000,750000,exact,persons
    FRANCO,spanish_civil_war,spanish_nationalists,fighters_total,ALL,media,10000,10000,about,persons
    BRITONS,spanish_civil_war,spanish_republic,fighters_total,GBR,media,2500,2500,about,persons
    SWEDES,winter_war,finland,volunteers_arrived,ALL,media,8000,8000,exact,persons
    """,
)

CLAIMS = claims(
    """\
    claim_id,conflict,metric,claimant_type,value_low,value_high,qualifier
    MOD,russia_ukraine_2022,fighters_total,ua_government,20000,20000,exact
    ARMY2022,russia_ukraine_2022,host_force,ua_government,261000,261000,exact
    ARMY2023,russia_ukraine_2022,host_force,ua_government,800000,,more_than
    """
)

MONTH = 365.25 / 12


def test_partial_dates_make_the_duration_an_interval() -> None:
    months = conflict_months(CONFLICTS, "2024-02-24").set_index("conflict")
    assert months.loc["spanish_civil_war", "months_low"] == pytest.approx(984 / MONTH)
    assert months.loc["spanish_civil_war", "months_high"] == pytest.approx(984 / MONTH)
    assert months.loc["winter_war", "months_low"] == pytest.approx(92 / MONTH)
    assert months.loc["winter_war", "months_high"] == pytest.approx(151 / MONTH)
    assert months.loc["russia_ukraine_2022", "months_low"] == pytest.approx(730 / MONTH)


def test_each_estimate_gets_a_rate_and_a_share() -> None:
    result = comparison(HISTORICAL, CONFLICTS, CLAIMS, "2024-02-24")
    assert result.columns.tolist() == COLUMNS
    assert result["figure_id"].tolist() == ["BRIGADES", "SWEDES", "MOD"]
    spain = result.iloc[0]
    assert spain["rate_low"] == pytest.approx(32000 / (984 / MONTH))
    assert spain["rate_high"] == pytest.approx(32000 / (984 / MONTH))
    assert spain["share_low"] == pytest.approx(32000 / 750000)
    assert spain["share_high"] == pytest.approx(32000 / 750000)


def test_a_partially_dated_war_gives_a_rate_range() -> None:
    finland = comparison(HISTORICAL, CONFLICTS, CLAIMS, "2024-02-24").iloc[1]
    assert finland["rate_low"] == pytest.approx(8000 / (151 / MONTH))
    assert finland["rate_high"] == pytest.approx(8000 / (92 / MONTH))
    assert finland[["host_ids", "share_low", "share_high"]].isna().all()


def test_an_open_host_force_leaves_the_share_open() -> None:
    ukraine = comparison(HISTORICAL, CONFLICTS, CLAIMS, "2024-02-24").iloc[2]
    assert ukraine["host_ids"] == "ARMY2022, ARMY2023"
    assert ukraine["host_low"] == 261000
    assert ukraine[["host_high", "share_low"]].isna().all()
    assert ukraine["share_high"] == pytest.approx(20000 / 261000)
    assert ukraine["rate_low"] == pytest.approx(20000 / (730 / MONTH))


def test_a_war_not_yet_begun_has_no_length_and_no_rate() -> None:
    before = comparison(HISTORICAL, CONFLICTS, CLAIMS, "2022-01-01").query("figure_id == 'MOD'")
    assert before[["months_low", "months_high"]].iloc[0].tolist() == [0, 0]
    assert before[["rate_low", "rate_high"]].isna().all(axis=None)


def test_no_figures_give_an_empty_table() -> None:
    result = comparison(HISTORICAL.iloc[:0], CONFLICTS, CLAIMS.iloc[:0], "2022-01-01")
    assert result.empty
    assert result.columns.tolist() == COLUMNS
