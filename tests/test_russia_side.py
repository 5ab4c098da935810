"""The foreigners fighting for Russia: Moscow's own claims, troops a state sent, recruits by
country and deaths, each kept apart and each statement once."""

from __future__ import annotations

from ffanalysis.analysis import russia_side
from ffanalysis.presentation.reader_tables import figures_table, side_table
from tests.sample_tables import SOURCES
from tests.typed_frames import claims

RUSSIA_SIDE = claims(
    """\
    claim_id,side,metric,country,stated_on,claimant,claimant_type,value_low,value_high,qualifier,counts,echo_of
    TROOPS,russia,volunteers_arrived,PRK,2024-12,Seoul,third_government,11000,11000,exact,other_population,
    TROOPS2,russia,volunteers_arrived,PRK,2024-12,A paper,media,11000,11000,exact,other_population,TROOPS
    NEPAL,russia,volunteers_arrived,NPL,2024,CNN,media,15000,15000,exact,,
    NEPALDEAD,russia,killed,NPL,2024-09-03,Kathmandu,third_government,40,,at_least,,
    OWN,russia,volunteers_interested,ALL,2022-03,Moscow,ru_government,16000,16000,exact,,
    WAGNER,russia,volunteers_interested,USA,2023-02,Prigozhin,ru_affiliated,10000000,,more_than,,
    UKR,ukraine,volunteers_arrived,GBR,2022,Reporters,media,150,,more_than,,
    """
).assign(conflict="russia_ukraine_2022")


def test_troops_a_state_sent_are_kept_apart_and_counted_once() -> None:
    troops = russia_side.troops_sent(RUSSIA_SIDE, SOURCES)
    assert troops[["name", "figure", "claimant", "claim_id"]].to_numpy().tolist() == [
        ["North Korea", "11,000", "Seoul", "TROOPS"]
    ]


def test_recruits_are_one_country_s_citizens_on_russia_s_side_only() -> None:
    recruits = russia_side.recruits(RUSSIA_SIDE, SOURCES)
    assert set(recruits["country"]) == {"NPL", "USA"}, "troops sent are another population"
    table = side_table(recruits, RUSSIA_SIDE, SOURCES)
    assert table.columns.tolist() == ["Country", "Stage", "Figure", "Stated by", "When"]
    figures = table.set_index(["Country", "Stage"])["Figure"]
    assert figures["Nepal", "Arrived"].startswith('15,000<sup class="cite">')
    assert "pro-Russian" in figures["United States", "Wanted to go"], (
        "a partisan claimant is marked"
    )


def test_deaths_keep_their_hedges_and_moscow_s_own_claims_stand_alone() -> None:
    killed = russia_side.deaths(RUSSIA_SIDE, SOURCES)
    assert killed[["name", "figure", "when"]].to_numpy().tolist() == [
        ["Nepal", "at least 40", "3 September 2024"]
    ]
    assert (
        'href="#evidence-claims-NEPALDEAD"'
        in figures_table(killed, RUSSIA_SIDE, SOURCES).iloc[0]["Figure"]
    )
    own = russia_side.moscow_own_claims(RUSSIA_SIDE, SOURCES)
    assert own[["claim_text", "claim_ids"]].to_numpy().tolist() == [["16,000", "OWN"]]
