"""The report's figures: titles state the number the data gives, ranges are drawn where the
sources put them, every figure names its sources, and no data draws a figure that says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
import pytest
from matplotlib.figure import Figure

from ffanalysis.data import lostarmour
from ffanalysis.presentation import charts, plotting
from tests.helpers import smallest_text_on_a_phone
from tests.sample_tables import (
    CASUALTIES,
    CLAIMS,
    CONFLICTS,
    HISTORICAL,
    LEGAL,
    NO_LIST,
    SMALL,
    SOURCES,
)
from tests.typed_frames import claims, table

SPAIN_MONTHS = 984 * 12 / 365.25  # 17 July 1936 to 28 March 1939, in average months
WAR_MONTHS = 1406 * 12 / 365.25  # 24 February 2022 to 31 December 2025


@pytest.fixture
def listed(tmp_path: Path) -> pd.DataFrame:
    """LostArmour's list from tests.sample_tables: 44 names, 8 of them undated."""
    path = tmp_path / "lostarmour.csv"
    path.write_text(SMALL, encoding="utf-8")
    return lostarmour.read_reference(path).assign(source_id=lostarmour.SOURCE_ID)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], tuple[charts.Chart, Path]]:
    """`built(name)`: the chart `CHARTS[name]` draws, and the folder it saved it in, drawn once
    for the module (each drawing saves a PNG and an SVG). Tests only read it."""
    root = tmp_path_factory.mktemp("charts")
    drawn: dict[str, tuple[charts.Chart, Path]] = {}

    def chart(name: str) -> tuple[charts.Chart, Path]:
        if name not in drawn:
            folder = root / name.replace(" ", "_")
            drawn[name] = (CHARTS[name](folder), folder)
        return drawn[name]

    return chart


def written(chart: charts.Chart, figures: Path, stem: str) -> None:
    """The chart saved a non-empty PNG and SVG under `stem`, and says where."""
    assert [path.name for path in chart.paths] == [f"{stem}.png", f"{stem}.svg"]
    assert all(path.parent == figures and path.stat().st_size > 1000 for path in chart.paths)
    assert chart.png.read_bytes().startswith(b"\x89PNG")


def marks(ax) -> list[list[float]]:
    """The x data of every line drawn on `ax` (dots, caps and ranges), in drawing order."""
    return [[float(x) for x in line.get_xdata()] for line in ax.lines]


def heights(ax) -> list[list[float]]:
    return [[float(y) for y in line.get_ydata()] for line in ax.lines]


def day(text: str) -> float:
    return float(mdates.date2num(pd.Timestamp(text)))


def texts(fig: Figure) -> list[str]:
    return [text.get_text() for ax in fig.axes for text in ax.texts]


# Sources under a figure


def test_sources_are_named_by_publisher_and_title_once_each() -> None:
    ids, names, credits = charts.cited_sources(["doc, other", "doc", "undated"], SOURCES)
    assert ids == ["doc", "other", "undated"]
    assert names == ["Test Press: A test document", "Another paper", "Some Site: An undated page"]
    assert credits == ["Test Press", "Another paper", "Some Site"]  # the most drawn first


def test_a_source_line_credits_publishers_by_the_rows_they_back() -> None:
    _, _, credits = charts.cited_sources(["other", "undated", "other"], SOURCES)
    assert credits == ["Another paper", "Some Site"]
    assert charts.cited_sources([], SOURCES)[2] == [charts.NO_SOURCES]


def test_a_long_source_title_is_shortened_with_an_ellipsis() -> None:
    sources = table(
        "sources",
        f"source_id,file,title,kind\nlong,sources/a.txt,{'word ' * 30}end,news\n",
    )
    (name,) = charts.source_name(pd.Series(["long"]), sources)
    assert len(name) == charts.SOURCE_NAME_LENGTH and name.endswith("\N{HORIZONTAL ELLIPSIS}")


# Claims against evidence


def test_claims_vs_evidence_titles_the_ratios_of_like_counts(built) -> None:
    chart, folder = built("drawn claims_vs_evidence")
    written(chart, folder, "claims_vs_evidence")
    assert chart.title == (
        "Kyiv's count of volunteers serving at one time is 2.5\N{EN DASH}3.3 times what "
        "reporters found"
    )
    assert chart.numbers["kyiv_serving"] == {
        "low": 2.5,
        "high": pytest.approx(5000 / 1500),
        "claim_ids": "SERVING",
        "evidence_ids": "PAPER",
    }
    assert set(chart.numbers) == {"kyiv_serving"}  # applications, totals and deaths: no like pair
    assert chart.source_ids == ["doc", "other"]


def test_claims_vs_evidence_draws_claim_and_evidence_on_one_scale(built) -> None:
    chart, _ = built("drawn claims_vs_evidence")
    (ax,) = chart.figure.axes
    assert marks(ax) == [[5000.0], [1500.0, 2000.0]]  # the claim, then the evidence's range
    assert [label.get_text() for label in ax.get_yticklabels()] == [
        "Kyiv's claim, Jan 2023",
        "Reporters, Mar 2023",
    ]
    assert {"5,000", "1,500\N{EN DASH}2,000"} <= set(texts(chart.figure))
    assert ax.get_title(loc="left").replace("\n", " ") == (
        "Volunteers serving at one time: the claim is 2.5\N{EN DASH}3.3\N{MULTIPLICATION SIGN} "
        "the evidence"
    )


# Claims over time


def test_the_timeline_follows_moscows_running_count(built) -> None:
    chart, folder = built("drawn claims_timeline")
    written(chart, folder, "claims_timeline")
    assert chart.title == (
        "Moscow's count of foreigners fighting for Ukraine rose from about 7,000 (Jun 2022) "
        "to at least 13,387 (Mar 2024)"
    )
    assert chart.numbers["claim_ids"] == ["MOD1", "MOD2"]
    assert chart.numbers["undated"] == 1  # NOWHEN: no date of its own, an undated source


def test_the_timeline_draws_each_figure_upright_in_the_middle_of_its_period(built) -> None:
    came, serving = built("drawn claims_timeline")[0].figure.axes
    assert marks(came) == [
        [day("2022-03-16")],
        [day("2022-06-15 12:00")],
        [day("2024-03-16")],
    ]
    assert heights(came) == [[20000], [7000], [13387]]
    assert len(came.texts) == 2  # 'more than 20,000' and 'at least 13,387' point up
    assert marks(serving) == [[day("2023-01-16")], [day("2023-03-16")] * 2]
    assert heights(serving) == [[5000], [1500, 2000]]
    assert len(came.collections) == 3  # each month-dated figure spans its month


def test_a_timeline_without_a_government_series_counts_what_it_has(tmp_path: Path) -> None:
    chart = charts.claims_timeline(CLAIMS.query("claim_id == 'PAPER'"), SOURCES, tmp_path)
    assert chart.title == "Headcounts of foreign volunteers stated from Mar 2023 to Mar 2023: 1"


def test_an_open_lower_bound_is_drawn_down_to_zero() -> None:
    frame = pd.DataFrame(
        {
            "date": pd.to_datetime(["2023-01-31", "2023-02-28", None]),
            "low": pd.array([None, None, 5], dtype="Float64"),
            "high": pd.array([750, None, 5], dtype="Float64"),
            "claimant_type": ["ru_affiliated", "media", "media"],
        }
    )
    ax = Figure().subplots()
    skipped = plotting.draw_over_time(ax, frame, x="date")
    assert skipped == 2  # a vague figure and an undated one
    (arrow,) = ax.texts
    assert arrow.xy == (day("2023-01-31"), 750)
    assert arrow.xyann == (day("2023-01-31"), 0)


# One country


def test_a_country_funnel_titles_each_stage_in_the_sources_words(built) -> None:
    chart, folder = built("drawn funnel_GBR")
    written(chart, folder, "funnel_GBR")
    assert chart.title == "United Kingdom, for Ukraine: about 6,000 wanted to go, 8 killed"
    assert marks(chart.figure.axes[0]) == [[6000.0], [8.0]]
    assert {"about 6,000", "8"} <= set(texts(chart.figure))


def test_a_country_with_one_open_figure_gets_an_arrow(tmp_path: Path) -> None:
    chart = charts.country_funnel(CLAIMS, SOURCES, "NOR", tmp_path)
    assert chart.title == "Norway, for Ukraine: more than 300 arrived"
    ax = chart.figure.axes[0]
    assert marks(ax) == [[300.0]]
    assert any(text.arrow_patch is not None for text in ax.texts)


def test_a_funnel_spans_several_figures_of_one_stage(tmp_path: Path) -> None:
    more = pd.concat(
        [
            CLAIMS,
            claims(
                "claim_id,metric,country,claimant_type,value_low,value_high,qualifier\n"
                "BRIT2,volunteers_interested,GBR,ua_government,,3000,up_to\n"
            ),
        ],
        ignore_index=True,
    )
    chart = charts.country_funnel(more, SOURCES, "GBR", tmp_path)
    assert chart.numbers["stages"] == {"interested": "up to 3,000 or about 6,000", "killed": "8"}
    closed = more.assign(value_low=more["value_low"].fillna(more["value_high"]))
    closed.loc[closed["claim_id"].eq("BRIT2"), "qualifier"] = "exact"
    chart = charts.country_funnel(closed, SOURCES, "GBR", tmp_path)
    assert chart.numbers["stages"] == {"interested": "3,000 to 6,000", "killed": "8"}


WITH_PARTISAN = table(
    "sources",
    """\
    source_id,file,title,publisher,published,kind,partisan
    doc,sources/doc.txt,A test document,Test Press,2023-02,news,false
    wire,sources/wire.txt,A state wire,State Wire,2023-02,news,true
    """,
)
"""A document and a partisan outlet's wire."""


def test_a_funnel_title_states_firm_figures_only(tmp_path: Path) -> None:
    """The chart draws partisan and unverified figures, marked; the title leaves them out."""
    figures = claims(
        """\
        claim_id,metric,country,stated_on,claimant,claimant_type,value_low,value_high,qualifier,source_id,uncertain
        WIRE,fighters_active,GBR,2023-01,A wire,media,7000,7000,exact,wire,
        FIRM,fighters_active,GBR,2023-01,Reporters,media,2000,2000,exact,doc,
        SHAKY,killed,GBR,2023-01,Someone,media,50,50,exact,doc,true
        """
    ).assign(conflict="russia_ukraine_2022")
    chart = charts.country_funnel(figures, WITH_PARTISAN, "GBR", tmp_path)
    assert chart.title == "United Kingdom, for Ukraine: 2,000 serving"
    only_weak = figures.query("claim_id != 'FIRM'")
    chart = charts.country_funnel(only_weak, WITH_PARTISAN, "GBR", tmp_path)
    assert chart.title == "United Kingdom, for Ukraine: only partisan or unverified figures"


# Deaths


WITH_LIST = pd.concat(
    [
        SOURCES,
        table(
            "sources",
            "source_id,file,title,publisher,kind\n"
            "lostarmour_2025,reference/la.csv,Named deaths,LostArmour,dataset\n",
        ),
    ],
    ignore_index=True,
)
"""The sources, with the one the LostArmour list comes from (its publisher labels the line)."""


def test_casualties_chart_draws_floors_and_titles_the_gap(tmp_path: Path, listed) -> None:
    chart = charts.casualties_over_time(CASUALTIES, listed, CLAIMS, WITH_LIST, tmp_path)
    written(chart, tmp_path, "casualties_over_time")
    assert chart.title == (
        "Named lists give a floor of 44 foreign volunteers dead; Moscow's claims reach about 6,000"
    )
    assert chart.numbers["named"] == {"named in the sources": 3, "listed by LostArmour": 44}
    ours, theirs, *claimed = chart.figure.axes[0].lines
    assert list(ours.get_ydata()) == [1, 2]
    assert list(theirs.get_ydata()) == [1, 3, 5, 35, 36]
    assert list(ours.get_xdata()) == [day("2022-04-30"), day("2022-06-30")]
    assert claimed[0].get_ydata()[0] == 6000  # Moscow's claim, at the date it was stated
    assert claimed[0].get_xdata()[0] == day("2024-03-31")
    assert {"3 named (+1 undated)", "44 named (+8 undated)"} <= set(texts(chart.figure))
    legend = [text.get_text() for text in chart.figure.legends[0].get_texts()]
    assert legend[:2] == [
        "Deaths named in the sources: a floor, not a total",
        "Deaths listed by LostArmour: a floor, not a total",
    ]


def test_casualties_chart_names_lostarmour_among_its_sources(tmp_path: Path, listed) -> None:
    chart = charts.casualties_over_time(CASUALTIES, listed, CLAIMS, WITH_LIST, tmp_path)
    assert "lostarmour_2025" in chart.source_ids
    assert "LostArmour: Named deaths" in chart.sources


# Legal landscape


def test_the_legal_landscape_counts_countries_per_category(built) -> None:
    chart, folder = built("drawn legal_landscape")
    written(chart, folder, "legal_landscape")
    assert chart.title == (
        "Enlisting for Ukraine is barred in 1 of the 3 countries with a stated position, "
        "and legal in 1"
    )
    ax = chart.figure.axes[0]
    assert [patch.get_width() for patch in ax.patches] == [1, 0, 1, 0, 1]
    assert texts(chart.figure) == ["GBR", "", "FIN", "", "SWE"]
    assert chart.sources == ["Test Press: A test document", "Another paper"]


# Historical comparison


def test_the_historical_rates_title_the_rates_the_text_states(built) -> None:
    chart, folder = built("drawn historical_rates")
    written(chart, folder, "historical_rates")
    # The 2022 war's only rates come from Moscow's claims about its enemy: drawn, in Moscow's
    # colour, but no estimate the text (findings.conflict_spans) or the title stands behind.
    assert (
        chart.title
        == "Per month of war, 2 estimates for the Spanish Civil War give 990 to 1,083 volunteers"
    )
    assert chart.numbers["rates"] == {
        "spanish_civil_war": pytest.approx([32000 / SPAIN_MONTHS, 35000 / SPAIN_MONTHS])
    }
    month = 365.25 / 12
    assert chart.data["conflict"].eq("russia_ukraine_2022").sum() == 2
    assert chart.alt.endswith(
        f"Russia-Ukraine war {13387 / (766 / month):,.0f} to {7000 / (97 / month):,.0f} a month"
        " (none of them one the sources stand behind)."
    )


def test_the_historical_rates_name_each_conflict_once(built) -> None:
    chart, _ = built("drawn historical_rates")
    (ax,) = chart.figure.axes
    assert ax.get_xscale() == "log"
    labels = [label.get_text() for label in ax.get_yticklabels()]
    assert labels == list(dict.fromkeys(chart.data["conflict_name"]))
    assert "Spanish Civil War" in labels


def test_the_historical_shares_state_the_span_of_the_shares(built) -> None:
    chart, folder = built("drawn historical_shares")
    written(chart, folder, "historical_shares")
    (ax,) = chart.figure.axes
    assert marks(ax)[0] == pytest.approx([18000 / 750000])
    low, high = next(iter(chart.numbers["shares"].values()))
    assert low <= 18000 / 750000 <= high
    assert chart.title.endswith("of the force they joined")


def test_the_historical_rates_title_says_how_many_estimates_each_span_rests_on(
    tmp_path: Path,
) -> None:
    came = claims(
        """\
        claim_id,metric,country,stated_on,claimant,claimant_type,value_low,value_high,qualifier,source_id
        CAME,volunteers_arrived,ALL,2022-12-31,Reporters,media,3000,3000,about,doc
        """
    ).assign(conflict="russia_ukraine_2022", side="ukraine")
    chart = charts.historical_rates(HISTORICAL, CONFLICTS, came, SOURCES, tmp_path, "2025-12-31")
    war_months = 310 * 12 / 365.25  # 24 February to 31 December 2022
    assert chart.title == (
        f"Per month of war, 1 estimate for the Russia-Ukraine war gives "
        f"{3000 / war_months:,.0f} volunteers, against 990 to 1,083 from 2 estimates for the "
        "Spanish Civil War"
    )


def test_the_historical_shares_title_leaves_out_a_count_the_sources_call_unverified(
    tmp_path: Path,
) -> None:
    doubted = table(
        "historical",
        """\
        figure_id,conflict,side,metric,country,claimant,claimant_type,value_low,value_high,qualifier,unit,uncertain,source_id
        H3,spanish_civil_war,spanish_republic,host_force,ALL,Historians,independent,750000,750000,exact,persons,false,doc
        H4,spanish_civil_war,spanish_republic,fighters_active,ALL,Historians,independent,,18000,up_to,persons,false,doc
        H5,spanish_civil_war,spanish_republic,fighters_active,ALL,A veteran,participant,300000,300000,exact,persons,true,doc
        H1,spanish_civil_war,spanish_republic,fighters_total,ALL,Historians,independent,32000,32000,about,persons,false,doc
        """,
    )
    chart = charts.historical_shares(doubted, CONFLICTS, CLAIMS, SOURCES, tmp_path, "2025-12-31")
    drawn = sorted(x for line in marks(chart.figure.axes[0]) for x in line)
    assert drawn == pytest.approx([18000 / 750000, 0.4])
    assert chart.title == (
        "Counts of volunteers serving at one time in the Spanish Civil War put them at 2.40% "
        "of the force they joined"
    )
    assert chart.alt.endswith(
        "Spanish Civil War 2.40\N{EN DASH}40% (2.40% from those the sources stand behind)."
    ), "a reader who hears the chart hears both spans"


# Nothing to draw


EMPTY = {
    "claims_timeline": lambda folder: charts.claims_timeline(CLAIMS.iloc[:0], SOURCES, folder),
    "claims_vs_evidence": lambda folder: charts.claims_vs_evidence(
        CLAIMS.iloc[:0], SOURCES, folder
    ),
    "funnel_GBR": lambda folder: charts.country_funnel(CLAIMS.iloc[:0], SOURCES, "GBR", folder),
    "casualties_over_time": lambda folder: charts.casualties_over_time(
        CASUALTIES.iloc[:0],
        NO_LIST,
        CLAIMS.iloc[:0],
        SOURCES,
        folder,
    ),
    "legal_landscape": lambda folder: charts.legal_landscape(LEGAL.iloc[:0], SOURCES, folder),
    "historical_rates": lambda folder: charts.historical_rates(
        HISTORICAL.iloc[:0], CONFLICTS, CLAIMS.iloc[:0], SOURCES, folder, "2021-12-31"
    ),
    "historical_shares": lambda folder: charts.historical_shares(
        HISTORICAL.iloc[:0], CONFLICTS, CLAIMS.iloc[:0], SOURCES, folder, "2021-12-31"
    ),
}


DRAWN = {
    "claims_timeline": lambda folder: charts.claims_timeline(CLAIMS, SOURCES, folder),
    "claims_vs_evidence": lambda folder: charts.claims_vs_evidence(CLAIMS, SOURCES, folder),
    "funnel_GBR": lambda folder: charts.country_funnel(CLAIMS, SOURCES, "GBR", folder),
    "casualties_over_time": lambda folder: charts.casualties_over_time(
        CASUALTIES, NO_LIST, CLAIMS, SOURCES, folder
    ),
    "legal_landscape": lambda folder: charts.legal_landscape(LEGAL, SOURCES, folder),
    "historical_rates": lambda folder: charts.historical_rates(
        HISTORICAL, CONFLICTS, CLAIMS, SOURCES, folder, "2025-12-31"
    ),
    "historical_shares": lambda folder: charts.historical_shares(
        HISTORICAL, CONFLICTS, CLAIMS, SOURCES, folder, "2025-12-31"
    ),
}


CHARTS = {
    **{f"drawn {stem}": draw for stem, draw in DRAWN.items()},
    **{f"empty {stem}": draw for stem, draw in EMPTY.items()},
}
"""Every chart of DRAWN and EMPTY by name, for `built`."""


@pytest.mark.parametrize("stem", DRAWN)
def test_every_chart_says_what_it_draws_and_gives_its_data_without_ids(built, stem: str) -> None:
    chart, _ = built(f"drawn {stem}")
    assert chart.alt.startswith(f"{chart.title}. ") and len(chart.alt) > len(chart.title) + 20
    data = chart.reader_data
    assert len(data) == len(chart.data) > 0 and list(data.columns) == list(chart.columns.values())
    assert not [column for column in data.columns if "id" in column.lower().split()]
    words = data.select_dtypes(exclude="number").melt()["value"].dropna().astype("string")
    assert not words.str.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)+").any()  # no vocabulary codes


def test_the_alt_text_gives_the_main_numbers(built) -> None:
    chart, _ = built("drawn legal_landscape")
    assert chart.alt.endswith(
        "Countries by their stance on enlisting for Ukraine: illegal 1, permission required 0, "
        "discouraged 1, unclear 0, legal 1."
    )


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_reads_on_a_phone(built, name: str) -> None:
    svg = built(name)[0].svg.read_text(encoding="utf-8")
    assert smallest_text_on_a_phone(svg) >= plotting.MIN_TEXT_PX


@pytest.mark.parametrize("stem", EMPTY)
def test_no_data_draws_a_figure_that_says_so(built, stem: str) -> None:
    chart, folder = built(f"empty {stem}")
    written(chart, folder, stem)
    assert chart.is_empty and chart.sources == [] and chart.title.startswith("No ")
    assert chart.figure.texts[-1].get_text() == f"Source: {charts.NO_SOURCES}"
    assert "nothing to draw" in texts(chart.figure)[0]


def test_no_funnel_names_the_country(tmp_path: Path) -> None:
    chart = charts.country_funnel(CLAIMS, SOURCES, "FRA", tmp_path)
    assert chart.title == "No headcount of volunteers from France had been stated yet"
    assert list(chart.data.columns)[-4:] == ["claimant_type", "figure", "stage_words", "row"]


def test_a_chart_shows_itself_in_a_notebook_as_the_report_shows_it(built) -> None:
    chart, _ = built("drawn funnel_GBR")  # country_funnel(CLAIMS, SOURCES, "GBR", folder)
    shown = chart._repr_html_()
    assert shown.startswith('<svg class="chart" role="img" aria-label=')
    assert 'class="caption"' in shown and 'href="#evidence-sources-' in shown


def test_a_funnel_row_stated_only_by_partisan_outlets_or_called_unverified_says_so(
    tmp_path: Path,
) -> None:
    figures = claims(
        """\
        claim_id,metric,country,stated_on,claimant,claimant_type,value_low,value_high,qualifier,source_id,uncertain
        WIRE,volunteers_arrived,GBR,2023-01,A wire,media,900,900,exact,wire,
        SHAKY,fighters_active,GBR,2023-01,Someone,media,50,50,exact,doc,true
        PLAIN,killed,GBR,2023-01,Reporters,media,8,8,exact,doc,
        """
    ).assign(conflict="russia_ukraine_2022")
    chart = charts.country_funnel(figures, WITH_PARTISAN, "GBR", tmp_path)
    assert chart.figure is not None
    labels = {label.get_text() for ax in chart.figure.axes for label in ax.get_yticklabels()}
    assert labels == {"Arrived (partisan)", "Serving (unverified)", "Killed"}
