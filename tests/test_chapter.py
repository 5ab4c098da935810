"""What the chapters share: parameters checked up front, tables cut to a date, and the numbers
each narrative states, chosen by tested rules."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest

from ffanalysis.data.edition import load_tables
from ffanalysis.presentation import chapter
from tests.conftest import Project, copy_project
from tests.sample_tables import CLAIMS


@pytest.fixture(scope="module")
def mini(clean_mini: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder of a cleaned copy of the fixture project."""
    return copy_project(clean_mini, tmp_path_factory.mktemp("chapter") / "mini").data_dir


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
    tables = load_tables(mini, "2022-03-31")
    assert tables.claims["claim_id"].tolist() == ["C01", "C02", "C13", "C14"]
    assert tables.casualties.empty and tables.legal_stances.empty
    assert tables.lostarmour.empty  # the list was published in November 2025
    assert tables.historical["figure_id"].tolist() == ["H1", "H2", "H3"]
    assert len(tables.conflicts) == 2 and len(tables.sources) == 6  # never cut


def test_without_a_date_every_row_is_kept(mini: Path) -> None:
    tables = load_tables(mini, "")
    assert len(tables.claims) == 14
    assert tables.lostarmour["named_deaths"].sum() == 10


def test_a_data_folder_without_the_lostarmour_list_gives_an_empty_one(
    mini: Path, tmp_path: Path
) -> None:
    shutil.copytree(mini / "clean", tmp_path / "clean")
    (tmp_path / "clean" / "lostarmour.csv").unlink()
    listed = load_tables(tmp_path, "").lostarmour
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


def test_a_caption_gives_a_note_per_source_and_the_data_escaped(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from ffanalysis.presentation.chapter import caption

    chart = SimpleNamespace(
        is_empty=False,
        source_ids=["wire_2022", "daily_2023"],
        svg=tmp_path / "claims_timeline.svg",
        reader_data=pd.DataFrame(
            {"Claimant": ['Kyiv "<b>"', "Moscow, MoD"], "Low": pd.array([20000, None], "Float64")}
        ),
    )
    text = caption(chart)
    assert 'href="#evidence-sources-wire_2022"' in text
    assert 'href="#evidence-sources-daily_2023"' in text
    assert "<b>" not in text and '"<' not in text
    link = re.search(r'<a class="data" download="claims_timeline.csv" href="([^"]*)"', text)
    assert link is not None
    prefix, table = html.unescape(link.group(1)).split(",", 1)
    assert prefix == "data:text/csv;charset=utf-8"
    assert unquote(table) == 'Claimant,Low\n"Kyiv ""<b>""",20000\n"Moscow, MoD",\n'


def test_a_chart_is_its_svg_inline_with_its_finding_as_its_label(tmp_path: Path) -> None:
    from types import SimpleNamespace

    svg = tmp_path / "chart.svg"
    svg.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n'
        '<svg width="10pt" viewBox="0 0 10 10">\n <metadata>\n  <rdf:RDF/>\n </metadata>\n'
        " <g/>\n</svg>\n"
    )
    chart = SimpleNamespace(svg=svg, alt='Kyiv\'s "20,000" is <b>10</b> times the evidence')
    tag = chapter.image(chart)
    assert tag == (
        '<svg class="chart" role="img" aria-label="Kyiv&#x27;s &quot;20,000&quot; is '
        '&lt;b&gt;10&lt;/b&gt; times the evidence" width="10pt" viewBox="0 0 10 10">\n'
        " <g/>\n</svg>\n"
    )


def test_a_chapter_sets_up_in_one_line_from_its_parameters(tmp_path: Path) -> None:
    as_of, tables, figures, when = chapter.setup(2022, "", str(tmp_path / "figures"))
    assert (as_of, figures, when) == ("2022", tmp_path / "figures", "by the end of 2022")
    assert tables.claims["stated_on_end"].dropna().max() <= pd.Timestamp("2022-12-31")
    with pytest.raises(ValueError, match="as_of"):
        chapter.setup("next week", "")
