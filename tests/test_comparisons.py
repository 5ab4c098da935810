"""Claims against evidence: like kinds only, at about the same time, evidence that may be."""

from __future__ import annotations

import pandas as pd
import pytest

from ffanalysis.analysis.comparisons import (
    HEADLINE_COLUMNS,
    TIMELINE_COLUMNS,
    claims_timeline,
    headline_ratios,
    unpaired,
    verdict,
)
from tests.typed_frames import claims, table

SOURCES = table(
    "sources",
    """\
    source_id,published,partisan
    doc,2023-06,false
    state,2023-06,true
    """,
)

CLAIMS = claims(
    """\
    claim_id,metric,claimant_type,value_low,value_high,qualifier,stated_on
    APPLIED,volunteers_interested,ua_government,20000,,more_than,2022-03-06
    CAME,volunteers_arrived,ua_government,16000,16000,exact,2022-03
    SERVING,fighters_active,ua_government,5000,5000,exact,2023-01
    PAPER,fighters_active,media,1500,2000,range,2023-03
    STUDY,fighters_active,independent,1500,2000,range,2023-05
    WIDER,fighters_active,media,1000,3000,range,2023-02
    OLD,fighters_active,media,300,300,exact,2021-01
    HUNDREDS,fighters_active,media,,,vague,2023-01
    BRITONS,fighters_active,media,3000,3000,about,2023-01
    MOD,killed,ru_government,6800,6800,about,2025-02
    NAMED,killed,ru_affiliated,,750,fewer_than,2025-06
    """
).assign(country=lambda frame: frame["country"].mask(frame["claim_id"].eq("BRITONS"), "GBR"))


def test_a_ratio_divides_only_counts_of_the_same_kind() -> None:
    ratios = headline_ratios(CLAIMS, SOURCES)
    assert ratios.columns.tolist() == HEADLINE_COLUMNS
    assert set(ratios["comparison"]) == {"kyiv_serving"}
    assert (ratios["counts"] == ratios["evidence_counts"]).all()
    headline = ratios.iloc[0]
    assert (headline["claim_ids"], headline["evidence_ids"]) == ("SERVING", "PAPER, STUDY")
    assert headline["evidence_statements"] == 2
    assert (headline["low"], headline["high"]) == (2.5, pytest.approx(3.333, abs=0.001))


def test_counts_too_far_apart_in_time_are_not_paired() -> None:
    ratios = headline_ratios(CLAIMS, SOURCES)
    assert "OLD" not in ",".join(ratios["evidence_ids"])
    assert ratios["evidence_ids"].tolist() == ["PAPER, STUDY", "WIDER"]


def test_claims_without_a_like_count_say_why() -> None:
    missing = unpaired(CLAIMS, SOURCES).set_index("comparison")
    assert missing.loc["kyiv_interest", "reason"] == "no_evidence"
    assert missing.loc["kyiv_came", "reason"] == "no_evidence"
    assert missing.loc["moscow_killed", "reason"] == "no_evidence"
    assert "kyiv_serving" not in missing.index


def test_subsets_uncertain_rows_partisan_outlets_and_echoes_are_never_evidence() -> None:
    tainted = pd.concat(
        [
            CLAIMS.loc[CLAIMS["claim_id"].eq("SERVING")],
            claims(
                """\
                claim_id,metric,claimant_type,value_low,value_high,qualifier,stated_on,counts,uncertain,source_id,echo_of
                UNIT,fighters_active,media,100,100,exact,2023-01,subset,false,doc,
                WEAK,fighters_active,media,200,200,exact,2023-01,,true,doc,
                PARTISAN,fighters_active,media,300,300,exact,2023-01,,false,state,
                ORIGINAL,fighters_active,media,400,400,exact,2023-01,,false,doc,
                COPY,fighters_active,media,400,400,exact,2023-02,,false,doc,ORIGINAL
                """
            ),
        ],
        ignore_index=True,
    )
    ratios = headline_ratios(tainted, SOURCES)
    assert ratios["evidence_ids"].tolist() == ["ORIGINAL"]
    assert ratios["evidence_statements"].tolist() == [1]


def test_a_verdict_every_evidence_figure_shares_survives_removing_any_one() -> None:
    ratios = headline_ratios(CLAIMS, SOURCES)
    assert verdict(ratios) == {"kyiv_serving": "above"}
    for evidence_id in ["PAPER", "STUDY", "WIDER"]:
        without = headline_ratios(CLAIMS.loc[CLAIMS["claim_id"].ne(evidence_id)], SOURCES)
        assert verdict(without).get("kyiv_serving", "above") == "above"


def test_a_mixed_verdict_is_not_called_either_way() -> None:
    ratios = pd.DataFrame(
        {"comparison": ["x", "x"], "low": [0.5, 2.0], "high": [0.8, pd.NA]}
    ).astype({"low": "Float64", "high": "Float64"})
    assert verdict(ratios) == {"x": "mixed"}


def test_no_claims_give_an_empty_table() -> None:
    result = headline_ratios(CLAIMS.iloc[:0], SOURCES)
    assert result.empty
    assert result.columns.tolist() == HEADLINE_COLUMNS


def test_the_timeline_places_each_figure_in_the_period_it_describes() -> None:
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
        claim_id,metric,claimant_type,value_low,value_high,qualifier,stated_on,refers_to,source_id
        UNDATED,killed,media,100,100,about,,,undated
        KYIV,volunteers_interested,ua_government,20000,20000,exact,2022-03-07,,late
        MOD,killed,ru_government,5962,5962,exact,,,late
        LATER,killed,media,90,90,exact,2024-05-02,2023-06-30,late
        VAGUE,fighters_active,media,,,vague,2022-05,,late
        """
    )
    timeline = claims_timeline(timeline_claims, sources)
    assert timeline.columns.tolist() == TIMELINE_COLUMNS
    assert timeline["claim_id"].tolist() == ["KYIV", "LATER", "MOD", "UNDATED"]
    assert timeline["date"].tolist()[:2] == [pd.Timestamp("2022-03-07"), pd.Timestamp("2023-06-30")]
    assert timeline["date_precision"].tolist() == ["day", "day", "year", "unknown"]
    assert timeline["date"].iloc[2] == pd.Timestamp("2024-07-01 12:00")


RUSSIA_SIDE = claims(
    """\
    claim_id,side,metric,claimant_type,value_low,value_high,qualifier,stated_on
    SHOIGU,russia,volunteers_interested,ru_government,16000,16000,exact,2022-03
    OWN,russia,fighters_active,ru_government,5000,5000,about,2023-01
    COUNTED,russia,fighters_active,media,1000,1000,about,2023-03
    KYIVSIDE,ukraine,fighters_active,media,2000,2000,about,2023-03
    """
)


def test_moscow_figures_about_its_own_side_meet_the_same_rules() -> None:
    ratios = headline_ratios(RUSSIA_SIDE, SOURCES)
    own = ratios.set_index("comparison").loc["moscow_own_serving"]
    assert (own["claim_ids"], own["evidence_ids"]) == ("OWN", "COUNTED")
    assert (own["low"], own["high"]) == (5.0, 5.0)
    missing = unpaired(RUSSIA_SIDE, SOURCES).set_index("comparison")
    assert missing.loc["moscow_own_interest", "reason"] == "no_evidence"


def test_a_count_of_one_side_is_never_evidence_about_the_other() -> None:
    ratios = headline_ratios(RUSSIA_SIDE.query("claim_id != 'COUNTED'"), SOURCES)
    assert "moscow_own_serving" not in set(ratios["comparison"])
    assert "KYIVSIDE" not in ",".join(ratios["evidence_ids"])
