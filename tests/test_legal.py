"""Legal stances: every category counted, each country set beside its volunteer figures."""

from __future__ import annotations

import pandas as pd

from ffanalysis.analysis.legal import countries_per_category, legal_vs_volunteers
from tests.typed_frames import claims, table

STANCES = table(
    "legal_stances",
    """\
    country,legality,penalty_max_years
    SWE,illegal,5
    EST,illegal,
    FIN,discouraged,
    """,
)


def test_every_category_is_counted_even_when_empty() -> None:
    assert countries_per_category(STANCES).to_dict("records") == [
        {"legality": "illegal", "countries": 2},
        {"legality": "permission_required", "countries": 0},
        {"legality": "discouraged", "countries": 1},
        {"legality": "unclear", "countries": 0},
        {"legality": "legal", "countries": 0},
    ]


def test_each_country_gets_its_smallest_and_largest_volunteer_figure() -> None:
    figures = claims(
        """\
        claim_id,side,metric,country,claimant_type,value_low,value_high,qualifier
        SERVING,,fighters_active,SWE,media,678,678,exact
        KEEN,,volunteers_interested,SWE,media,1000,,more_than
        DEAD,,killed,SWE,media,3,3,exact
        FOR_RUSSIA,russia,fighters_active,SWE,media,5,5,exact
        GROUP,,fighters_active,FIN+SWE,media,50,50,exact
        FINNS,,volunteers_arrived,FIN,media,,,vague
        """
    )
    crossed = legal_vs_volunteers(STANCES, figures).set_index("country")
    assert crossed.loc["SWE", "claim_rows"] == 3
    assert crossed.loc["SWE", ["smallest_claim_id", "smallest_low", "smallest_high"]].tolist() == [
        "SERVING",
        678,
        678,
    ]
    assert crossed.loc["SWE", ["largest_claim_id", "largest_low"]].tolist() == ["KEEN", 1000]
    assert pd.isna(crossed.loc["SWE", "largest_high"])
    assert crossed.loc["FIN", "claim_rows"] == 1
    assert pd.isna(crossed.loc["FIN", "smallest_claim_id"])
    assert crossed.loc["EST", "claim_rows"] == 0
    assert crossed.index.tolist() == ["EST", "SWE", "FIN"]
