"""Tables for readers: plain headers, no index, a dash for nothing, open bounds kept open, and
every figure linked to its evidence; data text escaped."""

from __future__ import annotations

import pandas as pd

from ffanalysis.analysis.legal import legal_vs_volunteers
from ffanalysis.presentation.notebook import Markup
from ffanalysis.presentation.reader_tables import (
    NOTHING,
    audit_table,
    funnel_table,
    html_table,
    legal_table,
    scant_table,
)
from tests.sample_tables import NO_LIST
from tests.typed_frames import claims, table

CLAIMS = claims(
    """\
    claim_id,metric,country,claimant,claimant_type,value_low,value_high,qualifier,hedge
    MANY,volunteers_interested,GBR,Reporters,media,6000,6000,about,
    FEW,volunteers_arrived,GBR,Reporters,media,150,,more_than,over
    """
)
SOURCES = table(
    "sources", "source_id,file,title,published,kind\ndoc,sources/doc.txt,A paper,2023,news\n"
)
STANCES = table(
    "legal_stances",
    """\
    country,legality,penalty_max_years,penalty_open
    GBR,illegal,15,true
    FIN,discouraged,,
    """,
)


def test_a_table_has_plain_headers_no_index_and_a_dash_for_nothing() -> None:
    page = html_table(pd.DataFrame({"Country": ["Finland"], "Longest prison term": [None]}))
    assert '<th scope="col">Longest prison term</th>' in page
    assert f"<td>Finland</td><td>{NOTHING}</td>" in page
    assert "NaN" not in page and "None" not in page and "<th></th>" not in page


def test_text_is_escaped_and_markup_kept() -> None:
    cells = pd.DataFrame({"A": ["<b>x</b>"], "B": [Markup("<sup>1</sup>")]}, dtype=object)
    page = html_table(cells)
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<sup>1</sup>" in page


def test_the_legal_table_keeps_an_open_penalty_open_and_cites_each_figure() -> None:
    rows = legal_table(legal_vs_volunteers(STANCES, CLAIMS), CLAIMS).set_index("Country")
    assert rows.loc["United Kingdom", "Position"] == "Illegal"
    assert rows.loc["United Kingdom", "Longest prison term"] == "15 years or more"
    assert rows.loc["United Kingdom", "Smallest headcount"].startswith(
        'over 150 arrived<sup class="cite">'
    )
    assert 'href="#evidence-claims-MANY"' in rows.loc["United Kingdom", "Largest headcount"]
    assert rows.loc["Finland", "Smallest headcount"] is None
    assert rows.loc["Finland", "Figures about its citizens"] == "0"


def test_the_funnel_table_names_side_stage_figure_and_claimant_and_marks_what_to_weigh() -> None:
    stages = pd.DataFrame(
        {
            "side": ["ukraine", "ukraine"],
            "stage": ["interested", "arrived"],
            "figure": ["about 6,000", "more than 150"],
            "claim_ids": ["MANY", "FEW"],
        }
    )
    marked = CLAIMS.assign(uncertain=CLAIMS["claim_id"].eq("MANY"))
    rows = funnel_table(stages, marked, SOURCES)
    row = rows.iloc[1]
    assert (row["Side"], row["Stage"], row["Stated by"]) == ("For Ukraine", "Arrived", "Reporters")
    assert row["Figure"].startswith('more than 150<sup class="cite">')
    assert "mark" not in row["Figure"]
    assert rows.iloc[0]["Figure"].endswith('<em class="mark">(unverified)</em>')


def test_countries_with_little_on_record_are_listed_by_name_with_the_sources_words() -> None:
    figures = claims(
        """        claim_id,metric,country,claimant,value_low,value_high,qualifier,quote,quote_english
        M1,convictions,MAR,A court,1,1,exact,sentenced [a Moroccan](#) to death,
        E1,volunteers_interested,ECU,A consul,850,850,about,unos 850,about 850
        """
    ).assign(uncertain=lambda rows: rows["claim_id"].eq("M1"))
    listed = NO_LIST.reindex(range(1)).assign(country=["MAR"], named_deaths=[3])
    rows = scant_table(
        ["MAR", "ECU"], figures, SOURCES, {"lostarmour": listed.astype(NO_LIST.dtypes)}
    )
    assert rows["Country"].tolist() == ["Ecuador", "Morocco"]
    assert rows.iloc[0]["What the source says"].startswith(
        "\N{LEFT DOUBLE QUOTATION MARK}about 850"
    )
    assert "sentenced a Moroccan to death" in rows.iloc[1]["What the source says"]
    assert rows.iloc[1]["What the source says"].endswith('<em class="mark">(unverified)</em>')
    assert "mark" not in rows.iloc[0]["What the source says"]
    assert rows.iloc[0]["Named dead by LostArmour"] is None
    assert rows.iloc[1]["Named dead by LostArmour"].startswith("3<sup")


def test_the_audit_table_names_documents_and_tables_in_words() -> None:
    sources = table(
        "sources",
        """\
        source_id,file,title
        legion,sources/legion.txt,International Legion (Ukraine)
        a,reference/notes.md,One
        b,reference/notes.md,Two
        """,
    )
    coverage = pd.DataFrame(
        {"claims": [1500, 3], "legal_stances": [2, 0], "total": [1502, 3]},
        index=pd.Index(["sources/legion.txt", "reference/notes.md"], name="file"),
    )
    rows = audit_table(coverage, sources)
    assert rows.columns.tolist() == ["Evidence document", "Rows", "Tables that cite it"]
    assert rows.iloc[0].tolist() == [
        "International Legion (Ukraine)",
        "1,502",
        "Figures on the 2022 war: 1,500; Legal positions: 2",
    ]
    assert rows.iloc[1].tolist() == [
        "Reference notes gathering 2 sources",
        "3",
        "Figures on the 2022 war: 3",
    ]


def test_a_document_no_row_cites_shows_a_dash_for_its_tables() -> None:
    sources = table("sources", "source_id,file,title\nlegion,sources/legion.txt,The Legion\n")
    coverage = pd.DataFrame(
        {"claims": [0], "total": [0]}, index=pd.Index(["sources/legion.txt"], name="file")
    )
    page = html_table(audit_table(coverage, sources))
    assert "<td>The Legion</td><td>0</td><td>\N{EM DASH}</td>" in page
