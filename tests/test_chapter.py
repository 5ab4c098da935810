"""What the chapters share: parameters checked up front, tables cut to a date, and the numbers
each narrative states, chosen by tested rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from ffanalysis import chapter, findings
from ffanalysis.clean import write_clean
from tests.sample_tables import CASUALTIES, CLAIMS, CONFLICTS, HISTORICAL, LEGAL, NO_LIST, SOURCES
from tests.typed_frames import table

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cleaned copy of the fixture project."""
    data_dir = tmp_path_factory.mktemp("chapter") / "mini"
    shutil.copytree(FIXTURE, data_dir)
    write_clean(data_dir, data_dir / "shared")
    return data_dir


# Parameters


@pytest.mark.parametrize("as_of", ["", "2022", "2022-03", "2022-03-31"])
def test_a_date_or_nothing_is_a_valid_as_of(as_of: str) -> None:
    assert chapter.check_as_of(as_of) == as_of


@pytest.mark.parametrize("as_of", ["yesterday", "2022-13-01", "31/03/2022"])
def test_a_wrong_as_of_stops_with_the_form_expected(as_of: str) -> None:
    with pytest.raises(ValueError, match=r"ISO date such as 2023-06-30"):
        chapter.check_as_of(as_of)


@pytest.mark.parametrize("country", ["GBR", "XKX"])
def test_a_single_country_code_is_valid(country: str) -> None:
    assert chapter.check_country(country) == country


@pytest.mark.parametrize("country", ["gbr", "ALL", "GBR+USA", "XXX", ""])
def test_a_group_or_an_unknown_code_is_no_country(country: str) -> None:
    with pytest.raises(ValueError, match="ISO 3166-1 alpha-3"):
        chapter.check_country(country)


@pytest.mark.parametrize(
    ("as_of", "words"),
    [
        ("", "to date"),
        ("2022-01-01", "by 1 January 2022"),
        ("2022-03", "by the end of March 2022"),
        ("2022", "by the end of 2022"),
    ],
)
def test_a_date_reads_as_words(as_of: str, words: str) -> None:
    assert chapter.date_words(as_of) == words


# Tables as of a date


def test_tables_are_cut_to_what_was_stated_by_the_date(mini: Path) -> None:
    tables = chapter.load_tables(mini, "2022-03-31")
    assert tables.claims["claim_id"].tolist() == ["C01", "C02", "C13", "C14"]
    assert tables.casualties.empty and tables.legal_stances.empty
    assert tables.lostarmour.empty  # the list was published in November 2025
    assert tables.historical["figure_id"].tolist() == ["H1", "H2", "H3"]
    assert len(tables.conflicts) == 2 and len(tables.sources) == 6  # never cut


def test_without_a_date_every_row_is_kept(mini: Path) -> None:
    tables = chapter.load_tables(mini, "")
    assert len(tables.claims) == 14
    assert tables.lostarmour["named_deaths"].sum() == 10


def test_a_data_folder_without_the_lostarmour_list_gives_an_empty_one(
    mini: Path, tmp_path: Path
) -> None:
    shutil.copytree(mini / "clean", tmp_path / "clean")
    (tmp_path / "clean" / "lostarmour.csv").unlink()
    listed = chapter.load_tables(tmp_path, "").lostarmour
    assert listed.empty and "named_deaths" in listed.columns


# Values for the narrative


def test_records_are_plain_json_values() -> None:
    frame = pd.DataFrame(
        {"key": ["a", "b"], "low": pd.array([1.5, None], dtype="Float64"), "n": [1, 2]}
    )
    records = chapter.records(frame, "key")
    assert records == {"a": {"low": 1.5, "n": 1}, "b": {"low": None, "n": 2}}
    assert type(records["a"]["n"]) is int


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [
        (0.004, 0.079, "0.4\N{EN DASH}7.9% of the force joined"),
        (None, 0.077, "at most 7.7% of the force joined"),
        (None, None, "no size of the force joined is on record"),
    ],
)
def test_a_share_reads_as_a_percentage(low, high, words: str) -> None:
    assert chapter.share_clause(low, high) == words


def test_figure_ids_link_to_the_table_that_holds_them() -> None:
    links = chapter.cite_figures("H1, MOD1", CLAIMS)
    assert links.index("evidence-claims-MOD1") < links.index("evidence-historical-H1")
    assert chapter.cite_figures("", CLAIMS) == ""


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


@pytest.mark.parametrize(
    ("code", "phrase"), [("NLD", "the Netherlands"), ("USA", "the United States"), ("PER", "Peru")]
)
def test_a_country_reads_with_its_article(code: str, phrase: str) -> None:
    assert findings.country_phrase(code) == phrase


def test_a_caption_states_the_finding_and_links_every_source_escaped() -> None:
    from types import SimpleNamespace

    from ffanalysis.chapter import caption

    chart = SimpleNamespace(
        title="Kyiv's figure is <b>10</b> times the evidence",
        sources=["Wire: <script>x</script>", "Daily: Report"],
        source_ids=["wire_2022", "daily_2023"],
    )
    text = caption(chart)
    assert "Kyiv&#x27;s figure is &lt;b&gt;10&lt;/b&gt; times the evidence." in text
    assert "Wire: &lt;script&gt;x&lt;/script&gt;; Daily: Report" in text
    assert 'href="#evidence-sources-wire_2022"' in text
    assert 'href="#evidence-sources-daily_2023"' in text
