"""as_of: a row counts from the last day it can have been stated, and never before."""

from __future__ import annotations

import pandas as pd
import pytest

from ffanalysis.data.asof import as_of, stated_date
from ffanalysis.data.edition import load_tables
from tests.typed_frames import claims, table

SOURCES = table(
    "sources",
    """\
    source_id,published
    march,2022-03
    undated,
    """,
)

CLAIMS = claims(
    """\
    claim_id,metric,claimant_type,value_low,value_high,qualifier,stated_on,source_id
    A,volunteers_interested,ua_government,16000,16000,exact,2022-03-05,undated
    B,fighters_active,media,1500,2000,range,,march
    C,killed,media,100,100,about,,undated
    D,killed,ru_government,5962,5962,exact,2023,march
    """
)


def test_the_stated_date_falls_back_on_the_source() -> None:
    assert stated_date(CLAIMS, SOURCES).tolist() == [
        pd.Timestamp("2022-03-05"),
        pd.Timestamp("2022-03-31"),
        pd.NaT,
        pd.Timestamp("2023-12-31"),
    ]


@pytest.mark.parametrize(
    ("date", "kept"),
    [
        ("2022-03-30", ["A"]),
        ("2022-03-31", ["A", "B"]),
        ("2022-03", ["A", "B"]),
        ("2024-01-01", ["A", "B", "D"]),
        ("", ["A", "B", "C", "D"]),
        (None, ["A", "B", "C", "D"]),
    ],
)
def test_as_of_keeps_what_was_stated_by_then(date: str | None, kept: list[str]) -> None:
    assert as_of(CLAIMS, SOURCES, date)["claim_id"].tolist() == kept


def test_before_the_war_nothing_is_left_and_nothing_fails() -> None:
    result = as_of(CLAIMS, SOURCES, "2022-02-23")
    assert result.empty
    assert result.columns.equals(CLAIMS.columns)


def test_a_table_without_stated_on_is_dated_by_its_source() -> None:
    casualties = table(
        "casualties",
        """\
        casualty_id,person,side,source_id
        K1,John Doe,ukraine,march
        K2,Jane Doe,ukraine,undated
        """,
    )
    assert as_of(casualties, SOURCES, "2022-12-31")["casualty_id"].tolist() == ["K1"]


def test_a_run_on_2025_06_30_keeps_what_was_known_then() -> None:
    """The legal landscape and the historical comparison as they stood that day: stances
    stated by then stay, and estimates of past wars are not dropped for their web page's date."""
    from ffanalysis.analysis import findings

    everything = load_tables(None, "")
    then = load_tables(None, "2025-06-30")
    stated_by_then = everything.legal_stances["stated_on_end"].le(pd.Timestamp("2025-06-30"))
    assert len(then.legal_stances) == int(stated_by_then.sum()) > 10
    undated = everything.historical["stated_on_end"].isna()
    assert set(everything.historical.loc[undated, "figure_id"]) <= set(then.historical["figure_id"])
    spans = findings.conflict_spans(
        then.historical, then.conflicts, then.claims, then.sources, "2025-06-30"
    ).set_index("conflict")
    assert {"spanish_civil_war", "winter_war", "syria_iraq"} <= set(spans.index)
