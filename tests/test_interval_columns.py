"""Figure rows as interval columns: open bounds stay open, ranking follows what is asserted."""

from __future__ import annotations

import pandas as pd

from ffanalysis.analysis.interval_columns import (
    bounds,
    by_size,
    intervals,
    ratio,
    same_figures,
    with_bounds,
)
from ffanalysis.data.ranges import Interval
from tests.typed_frames import claims

FIGURES = claims(
    """\
    claim_id,metric,claimant_type,value_low,value_high,qualifier,source_id
    EXACT,fighters_total,ua_government,20000,20000,exact,one
    MORE,fighters_total,ua_government,20000,,more_than,two
    FEWER,fighters_total,media,,750,fewer_than,one
    AGAIN,fighters_total,media,,750,up_to,three
    VAGUE,fighters_total,media,,,vague,one
    """
)


def test_vague_figures_have_no_bounds_to_keep() -> None:
    figures = with_bounds(FIGURES)
    assert figures["claim_id"].tolist() == ["AGAIN", "EXACT", "FEWER", "MORE"]
    assert figures["low"].isna().tolist() == [True, False, True, False]
    assert figures["high"].isna().tolist() == [False, False, False, True]


def test_more_than_outranks_the_same_exact_figure() -> None:
    ranked = by_size(with_bounds(FIGURES))
    assert ranked["claim_id"].tolist() == ["AGAIN", "FEWER", "EXACT", "MORE"]


def test_a_repeated_figure_is_one_row_with_every_claim_behind_it() -> None:
    grouped = same_figures(with_bounds(FIGURES))
    repeated = grouped.loc[grouped["low"].isna()]
    assert repeated[["claim_ids", "source_ids", "rows"]].to_dict("records") == [
        {"claim_ids": "AGAIN, FEWER", "source_ids": "one, three", "rows": 2}
    ]


def test_ratios_keep_open_bounds_open() -> None:
    low = pd.Series([20000.0, 13387.0], dtype="Float64")
    high = pd.Series([20000.0, 13387.0], dtype="Float64")
    evidence_low = pd.Series([1500.0, None], dtype="Float64")
    evidence_high = pd.Series([2000.0, 750.0], dtype="Float64")
    result = bounds(ratio(intervals(low, high), intervals(evidence_low, evidence_high)))
    assert result["low"].round(4).tolist() == [10.0, 17.8493]
    assert result["high"].round(4).tolist()[0] == 13.3333
    assert result["high"].isna().tolist() == [False, True]


def test_a_zero_denominator_bounds_nothing() -> None:
    quotient = ratio(pd.Series([Interval(5, 5)]), pd.Series([Interval(0, 0)]))
    assert quotient.tolist() == [Interval(None, None)]
