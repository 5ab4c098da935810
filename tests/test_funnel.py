"""A country's funnel: stages in order, each with every distinct figure, absent stages absent."""

from __future__ import annotations

from ffanalysis.analysis.funnel import COLUMNS, country_funnel
from tests.typed_frames import claims

CLAIMS = claims(
    """\
    claim_id,side,metric,country,claimant_type,value_low,value_high,qualifier,unit,source_id
    KILLED,,killed,GBR,media,8,8,exact,,wiki
    APPLIED,,volunteers_interested,GBR,media,6000,6000,exact,,wiki
    WENT,,volunteers_arrived,GBR,media,150,,more_than,,wiki
    SERVING,,fighters_active,GBR,media,3000,3000,about,,digest
    SERVING2,,fighters_active,GBR,media,3000,3000,about,,other
    FEWER,,fighters_active,GBR,media,694,694,exact,,insider
    RATE,,volunteers_arrived,GBR,ua_government,600,600,about,persons_per_month,wiki
    HUNDREDS,,fighters_active,GBR,media,,,vague,,wiki
    WOUNDED,,wounded,GBR,media,20,20,exact,,wiki
    AMERICANS,,fighters_active,USA,media,816,816,exact,,wiki
    KOREANS,russia,killed,PRK,third_government,600,600,exact,,nis
    """
)


def test_stages_come_in_order_smallest_figure_first() -> None:
    funnel = country_funnel(CLAIMS, "GBR")
    assert funnel.columns.tolist() == COLUMNS
    assert funnel["stage"].astype(str).tolist() == [
        "interested",
        "arrived",
        "serving",
        "serving",
        "killed",
    ]
    assert funnel["low"].tolist() == [6000, 150, 694, 3000, 8]
    assert funnel["high"].isna().tolist() == [False, True, False, False, False]


def test_a_figure_stated_twice_is_one_row_citing_both() -> None:
    serving = country_funnel(CLAIMS, "GBR").query("low == 3000")
    assert serving[["claim_ids", "source_ids", "rows"]].to_dict("records") == [
        {"claim_ids": "SERVING, SERVING2", "source_ids": "digest, other", "rows": 2}
    ]


def test_a_country_with_a_single_figure_has_a_one_stage_funnel() -> None:
    funnel = country_funnel(CLAIMS, "PRK")
    assert funnel[["side", "stage", "low", "high"]].astype(str).to_dict("records") == [
        {"side": "russia", "stage": "killed", "low": "600.0", "high": "600.0"}
    ]


def test_a_country_without_figures_has_no_stages() -> None:
    assert country_funnel(CLAIMS, "FRA").empty


def test_stages_read_the_vocabulary_groups_and_leave_out_parts_of_the_group() -> None:
    rows = claims(
        """\
        claim_id,metric,country,claimant_type,value_low,value_high,qualifier,counts
        SERVED,fighters_total,NPL,media,15000,15000,exact,
        APPLIED,applications,NPL,media,900,900,exact,
        ONEUNIT,killed,NPL,media,16,,at_least,subset
        """
    )
    funnel = country_funnel(rows, "NPL")
    assert funnel[["stage", "claim_ids"]].astype(str).values.tolist() == [
        ["interested", "APPLIED"],
        ["arrived", "SERVED"],
    ]
