"""Deaths: named counts are floors, undated deaths are counted, open figures stay open."""

from __future__ import annotations

import pandas as pd

from ffanalysis.analysis.deaths import (
    AGGREGATE_COLUMNS,
    aggregate_death_counts,
    listed_by_country,
    listed_over_time,
    named_deaths_over_time,
)
from ffanalysis.data import lostarmour
from tests.sample_tables import write_small
from tests.typed_frames import claims, table


def test_named_deaths_accumulate_by_month_and_undated_ones_are_kept() -> None:
    casualties = table(
        "casualties",
        """\
        casualty_id,person,side,died_on
        K1,A,ukraine,2022-04-11
        K2,B,ukraine,2022-04
        K3,C,ukraine,2022
        K4,D,ukraine,
        """,
    )
    counts = named_deaths_over_time(casualties)
    assert counts["month"].tolist()[:2] == [pd.Period("2022-04", "M"), pd.Period("2022-12", "M")]
    assert counts["month"].isna().tolist() == [False, False, True]
    assert counts["named_deaths"].tolist() == [2, 1, 1]
    assert counts["cumulative"].tolist() == [2, 3, 4]
    assert counts["dated"].tolist() == [True, True, False]
    assert counts["is_floor"].all()


def test_lostarmour_counts_add_up_and_keep_labels_that_name_no_country() -> None:
    rows = pd.DataFrame(
        {
            "citizenship_english": ["Colombia", "Colombia", "(undetermined)", "(Foreign Legion)"],
            "country": ["COL", "COL", None, None],
            "named_deaths": [30, 8, 2, 1],
        }
    )
    frame = rows.reindex(columns=list(lostarmour.COLUMNS)).astype(lostarmour.COLUMNS)
    by_country = listed_by_country(frame)
    assert by_country["citizenship_english"].tolist() == [
        "Colombia",
        "(undetermined)",
        "(Foreign Legion)",
    ]
    assert by_country["named_deaths"].tolist() == [38, 2, 1]
    assert by_country["is_floor"].all()


def test_aggregate_counts_are_ukraines_side_killed_figures_with_floors_marked() -> None:
    figures = claims(
        """\
        claim_id,side,metric,claimant,claimant_type,value_low,value_high,qualifier
        MOD,,killed,Russian MoD,ru_government,5962,5962,exact
        NAMED,,killed,LostArmour,ru_affiliated,,750,fewer_than
        VETERAN,,killed,A veteran,participant,100,,at_least
        VAGUE,,killed,A reporter,media,,,vague
        WOUNDED,,wounded,A reporter,media,20,20,exact
        KOREANS,russia,killed,NIS,third_government,600,600,exact
        """
    )
    counts = aggregate_death_counts(figures)
    assert counts.columns.tolist() == AGGREGATE_COLUMNS
    assert counts["claim_id"].tolist() == ["MOD", "NAMED", "VETERAN"]
    assert counts["low"].isna().tolist() == [False, True, False]
    assert counts["high"].isna().tolist() == [False, False, True]
    assert counts["is_floor"].tolist() == [False, False, True]


def test_lostarmour_accumulates_by_the_last_day_each_death_can_be(tmp_path) -> None:
    over_time = listed_over_time(lostarmour.read_reference(write_small(tmp_path)))
    assert over_time["month"].tolist()[:-1] == [
        pd.Period(month, "M")
        for month in [
            "2022-04",
            "2023-09",
            "2023-12",  # 'before 2024' counts once 2023 is over
            "2024-07",
            "2024-12",  # a garbled month: only the year is read
        ]
    ]
    assert pd.isna(over_time["month"].iloc[-1])
    assert over_time["named_deaths"].tolist() == [1, 2, 2, 30, 1, 8]
    assert over_time["cumulative"].tolist() == [1, 3, 5, 35, 36, 44]
    assert over_time["dated"].tolist() == [True] * 5 + [False]
    assert over_time["is_floor"].all() and set(over_time["side"]) == {"ukraine"}
