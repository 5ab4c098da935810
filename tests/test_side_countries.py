"""Per-country figures for the foreigners on Russia's side, in words, each figure once."""

from __future__ import annotations

from ffanalysis.findings import SIDE_COUNTRY_COLUMNS, side_countries
from tests.typed_frames import claims, table

SOURCES = table("sources", "source_id,published\ndoc,2025-01\n")

CLAIMS = claims(
    """\
    claim_id,side,metric,country,claimant,claimant_type,value_low,value_high,qualifier,hedge,counts,echo_of
    MEA,russia,volunteers_arrived,IND,Indian MEA,third_government,126,126,exact,,,
    ECHO,russia,volunteers_arrived,IND,Indian MEA,third_government,126,126,exact,,,MEA
    DEAD,russia,killed,IND,Indian MEA,third_government,12,12,exact,are believed,,
    TROOPS,russia,volunteers_arrived,PRK,NIS,third_government,11000,11000,exact,,other_population,
    AFRICA,russia,fighters_active,AFRICA,Kyiv,ua_government,1426,1426,exact,,,
    BRITONS,ukraine,fighters_active,GBR,Reporters,media,3000,3000,about,,,
    """
)


def test_each_country_lists_its_distinct_figures_with_who_stated_them() -> None:
    rows = side_countries(CLAIMS, SOURCES, "russia")
    assert rows.columns.tolist() == SIDE_COUNTRY_COLUMNS
    assert rows[["country", "text", "claim_ids"]].values.tolist() == [
        ["IND", "126 arrived, according to Indian MEA (January 2025)", "ECHO, MEA"],
        ["IND", "12 killed, according to Indian MEA (January 2025)", "DEAD"],
    ]


def test_troops_sent_by_a_state_totals_over_regions_and_the_other_side_are_left_out() -> None:
    countries = set(side_countries(CLAIMS, SOURCES, "russia")["country"])
    assert countries == {"IND"}
    assert set(side_countries(CLAIMS, SOURCES, "ukraine")["country"]) == {"GBR"}
