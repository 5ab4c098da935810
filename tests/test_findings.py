"""The numbers each chapter states, chosen by tested rules: ratios and the claims that cannot be
checked, deaths, legal stances, the spans of earlier wars, one country, and Russia's side by
country."""

from __future__ import annotations

import pandas as pd
import pytest

from ffanalysis.analysis import findings
from ffanalysis.analysis.findings import SIDE_COUNTRY_COLUMNS, side_countries
from tests.sample_tables import CASUALTIES, CLAIMS, CONFLICTS, HISTORICAL, LEGAL, NO_LIST, SOURCES
from tests.typed_frames import claims, table


def test_ratio_findings_state_both_figures_with_their_hedges_and_dates() -> None:
    rows = findings.ratio_findings(CLAIMS, SOURCES).set_index("comparison")
    kyiv = rows.loc["kyiv_serving"]
    assert (kyiv["who"], kyiv["claim_text"], kyiv["evidence_text"]) == (
        "Kyiv",
        "5,000",
        "1,500\N{EN DASH}2,000",
    )
    assert (kyiv["claim_when"], kyiv["evidence_when"]) == ("January 2023", "March 2023")
    assert (kyiv["ratio_text"], kyiv["evidence_figures"], kyiv["verdict"]) == (
        "2.5\N{EN DASH}3.3",
        1,
        "above",
    )
    assert findings.ratio_findings(CLAIMS.iloc[:0], SOURCES).empty


def test_claims_with_no_like_count_are_stated_with_the_reason() -> None:
    rows = findings.unpaired_findings(CLAIMS, SOURCES).set_index("comparison")
    assert rows.loc["kyiv_interest", "claim_text"] == "more than 20,000"
    assert rows.loc["kyiv_interest", "reason"] == "no_evidence"
    assert rows.loc["moscow_killed", "reason"] == "no_evidence"  # a partisan list is no evidence
    assert "kyiv_serving" not in rows.index


def test_death_findings_set_moscows_claim_beside_the_floors_without_dividing() -> None:
    listed = NO_LIST.reindex(range(2)).assign(country=["COL", None], named_deaths=[30, 2])
    deaths = findings.death_findings(CASUALTIES, listed.astype(NO_LIST.dtypes), CLAIMS)
    assert (deaths["named"], deaths["named_undated"], deaths["listed"]) == (3, 1, 32)
    assert (deaths["floor"], deaths["listed_without_country"]) == (32, 2)
    assert deaths["moscow"] == {
        "low": 6000.0,
        "high": 6000.0,
        "text": "about 6,000",
        "claim_id": "DEAD",
    }
    assert deaths["top_countries"] == [{"country": "COL", "name": "Colombia", "named_deaths": 30}]


def test_a_person_named_twice_counts_once_and_aid_workers_are_told_apart() -> None:
    twice = pd.concat(
        [
            CASUALTIES,
            table(
                "casualties",
                """\
                casualty_id,person,nationality,side,source_id,echo_of,role
                K4,A.,GBR,ukraine,doc,K1,combatant
                K5,D,USA,ukraine,doc,,non_combatant
                """,
            ),
        ],
        ignore_index=True,
    )
    deaths = findings.death_findings(twice, NO_LIST, CLAIMS)
    assert (deaths["named"], deaths["named_non_combatants"]) == (4, 1)


def test_legal_findings_find_volunteers_from_states_that_ban_it() -> None:
    stances = pd.concat(
        [LEGAL, table("legal_stances", "country,legality,penalty_max_years\nCHE,illegal,3\n")],
        ignore_index=True,
    )
    legal = findings.legal_findings(stances, CLAIMS)
    assert legal["per_category"]["illegal"] == 2
    assert (legal["banned"], legal["banned_with_figure"]) == (2, 1)
    assert legal["largest_banned"]["text"] == "about 6,000"
    assert legal["longest_penalty"] == {"country": "CHE", "name": "Switzerland", "years": 3.0}


def test_conflict_spans_run_from_the_smallest_to_the_largest_number_stated() -> None:
    spans = findings.conflict_spans(HISTORICAL, CONFLICTS, CLAIMS, SOURCES, "2025-12-31")
    spain = spans.set_index("conflict").loc["spanish_civil_war"]
    assert (spain["estimates"], spain["total_low"], spain["total_high"]) == (2, 32000, 35000)
    assert spain["figure_ids"] == "H1, H2"
    assert spain["share_high"] == pytest.approx(18000 / 750000)
    assert spans["name"].tolist() == ["Spanish Civil War"]  # Moscow's claims are no estimate


def test_country_findings_gather_one_country() -> None:
    facts = findings.country_findings(CLAIMS, LEGAL, CASUALTIES, NO_LIST, "GBR")
    assert facts["phrase"] == "the United Kingdom"
    assert (facts["legality"], facts["stance_text"]) == (
        "illegal",
        "bars its citizens from enlisting for Ukraine",
    )
    assert (facts["claims"], facts["headcounts"], facts["named_ids"]) == (2, 2, "K1")
    nobody = findings.country_findings(CLAIMS, LEGAL, CASUALTIES, NO_LIST, "ISL")
    assert (nobody["legality"], nobody["claims"], nobody["named_deaths"]) == (None, 0, 0)
    assert nobody["penalty_text"] is None


def test_country_findings_word_the_longest_prison_term() -> None:
    stances = table(
        "legal_stances",
        "country,legality,penalty_max_years,penalty_open,source_id\nIND,illegal,7,,doc\n"
        "UKR,illegal,15,true,doc\n",
    )
    india = findings.country_findings(CLAIMS, stances, CASUALTIES, NO_LIST, "IND")
    assert (india["penalty_years"], india["penalty_text"]) == (7.0, "up to 7 years")
    assert (
        findings.country_findings(CLAIMS, stances, CASUALTIES, NO_LIST, "UKR")["penalty_text"]
        == "15 years or more"
    )


@pytest.mark.parametrize(
    ("code", "phrase"),
    [
        ("NLD", "the Netherlands"),
        ("USA", "the United States"),
        ("RUS", "Russia"),
        ("CZE", "Czechia"),
        ("PER", "Peru"),
    ],
)
def test_a_country_reads_with_its_article(code: str, phrase: str) -> None:
    assert findings.country_phrase(code) == phrase


RUSSIA_SOURCES = table("sources", "source_id,published\ndoc,2025-01\n")

RUSSIA_SIDE = claims(
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
    rows = side_countries(RUSSIA_SIDE, RUSSIA_SOURCES, "russia")
    assert rows.columns.tolist() == SIDE_COUNTRY_COLUMNS
    assert rows[["country", "text", "claim_ids"]].to_numpy().tolist() == [
        ["IND", "126 arrived, according to Indian MEA (January 2025)", "ECHO, MEA"],
        ["IND", "12 killed, according to Indian MEA (January 2025)", "DEAD"],
    ]


def test_troops_sent_by_a_state_totals_over_regions_and_the_other_side_are_left_out() -> None:
    countries = set(side_countries(RUSSIA_SIDE, RUSSIA_SOURCES, "russia")["country"])
    assert countries == {"IND"}
    assert set(side_countries(RUSSIA_SIDE, RUSSIA_SOURCES, "ukraine")["country"]) == {"GBR"}
