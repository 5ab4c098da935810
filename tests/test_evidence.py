"""Claims against evidence: the ratio is an interval, open where the evidence is open."""

from __future__ import annotations

import pandas as pd
import pytest

from ffanalysis.evidence import HEADLINE_COLUMNS, TIMELINE_COLUMNS, claims_timeline, headline_ratios
from tests.typed_frames import claims, table

CLAIMS = claims(
    """\
    claim_id,side,metric,country,claimant_type,value_low,value_high,qualifier
    KYIV,,volunteers_interested,,ua_government,20000,20000,exact
    EARLY,,volunteers_arrived,,ua_government,16000,16000,exact
    VETERAN,,fighters_total,,participant,,5000,up_to
    PAPER,,fighters_active,,media,1500,2000,range
    STUDY,,fighters_active,,independent,1500,2000,range
    WIDER,,fighters_active,,media,1000,3000,range
    HUNDREDS,,fighters_active,,media,,,vague
    BRITONS,,fighters_active,GBR,media,3000,3000,about
    MOD,,killed,,ru_government,6800,6800,about
    NAMED,,killed,,ru_affiliated,,750,fewer_than
    KOREANS,russia,fighters_active,,media,11000,11000,exact
    """
)


def test_the_headline_ratio_comes_first() -> None:
    ukraine = headline_ratios(CLAIMS).query("comparison == 'ukraine_strength'")
    headline = ukraine.iloc[0]
    assert (headline["claim_low"], headline["claim_high"], headline["claim_ids"]) == (
        20000,
        20000,
        "KYIV",
    )
    assert (headline["evidence_ids"], headline["evidence_rows"]) == ("PAPER, STUDY", 2)
    assert headline["low"] == 10
    assert headline["high"] == pytest.approx(13.33, abs=0.01)


def test_every_distinct_evidence_figure_gets_a_row() -> None:
    ukraine = headline_ratios(CLAIMS).query("comparison == 'ukraine_strength'")
    assert ukraine["evidence_ids"].tolist() == ["PAPER, STUDY", "WIDER"]
    assert ukraine["low"].round(2).tolist() == [10, 6.67]
    assert ukraine["high"].round(2).tolist() == [13.33, 20]


def test_an_open_evidence_figure_leaves_the_ratio_open() -> None:
    deaths = headline_ratios(CLAIMS).query("comparison == 'russia_deaths'")
    assert deaths[["claimed_by", "claim_ids", "evidence_ids"]].to_dict("records") == [
        {"claimed_by": "russia", "claim_ids": "MOD", "evidence_ids": "NAMED"}
    ]
    assert deaths["low"].round(2).tolist() == [9.07]
    assert deaths["high"].isna().all()


def test_a_comparison_without_a_claim_has_no_rows() -> None:
    assert "russia_strength" not in set(headline_ratios(CLAIMS)["comparison"])


def test_the_largest_claim_is_what_asserts_most_and_ties_are_cited_together() -> None:
    more = claims(
        """\
        claim_id,metric,claimant_type,value_low,value_high,qualifier
        EXACT,volunteers_interested,ua_government,20000,20000,exact
        KULEBA,volunteers_interested,ua_government,20000,,more_than
        AGAIN,volunteers_arrived,ua_government,20000,,more_than
        PAPER,fighters_active,media,1500,2000,range
        """
    )
    headline = headline_ratios(more).iloc[0]
    assert headline["claim_ids"] == "AGAIN, KULEBA"
    assert headline["low"] == 10
    assert pd.isna(headline["high"])


def test_no_claims_give_an_empty_table() -> None:
    result = headline_ratios(CLAIMS.iloc[:0])
    assert result.empty
    assert result.columns.tolist() == HEADLINE_COLUMNS


def test_the_timeline_dates_each_figure_and_puts_undated_ones_last() -> None:
    sources = table(
        "sources",
        """\
        source_id,published
        late,2024
        undated,
        """,
    )
    timeline_claims = claims(
        """\
        claim_id,metric,claimant_type,value_low,value_high,qualifier,stated_on,source_id
        UNDATED,killed,media,100,100,about,,undated
        KYIV,volunteers_interested,ua_government,20000,20000,exact,2022-03-07,late
        MOD,killed,ru_government,5962,5962,exact,,late
        VAGUE,fighters_active,media,,,vague,2022-05,late
        """
    )
    timeline = claims_timeline(timeline_claims, sources)
    assert timeline.columns.tolist() == TIMELINE_COLUMNS
    assert timeline["claim_id"].tolist() == ["KYIV", "MOD", "UNDATED"]
    assert timeline["date"].tolist() == [
        pd.Timestamp("2022-03-07"),
        pd.Timestamp("2024-12-31"),
        pd.NaT,
    ]
    assert timeline["low"].tolist() == [20000, 5962, 100]
