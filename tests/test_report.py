"""The reader's page: cells cleaned for readers, numbered notes built from escaped data, the
sources a page cites, the project's own template, and a table of contents."""

from __future__ import annotations

import re

import nbformat

from ffanalysis.analysis.text import cite
from ffanalysis.presentation.notebook import RECORD_MIMETYPE
from ffanalysis.presentation.notes import Evidence, note_html, notes_list, number_notes
from ffanalysis.presentation.reader_page import TOC_PLACEHOLDER, with_table_of_contents
from ffanalysis.presentation.report import (
    cited_sources,
    page_html,
    sources_list,
)
from tests.typed_frames import claims, table

SOURCES = table(
    "sources",
    """\
    source_id,file,title,publisher,published,kind,url,partisan,copy_of
    doc,sources/doc.txt,A <b>bold</b> report,Test Press,2023-02,news,https://example.org/a/very/long/path,false,
    other,sources/other.txt,Another paper,,2024,news,,true,
    mirror,sources/mirror.txt,A mirror,Mirror Site,2024,news,,false,doc
    """,
)
CLAIMS = claims(
    """\
    claim_id,metric,stated_on,claimant,claimant_type,reported_by,value_low,value_high,qualifier,source_id,locator,quote
    C1,volunteers_interested,2022-03,Kyiv,ua_government,Test Press,20000,,more_than,doc,line 1,"more than 20,000 <i>volunteers</i>"
    C2,volunteers_interested,2022-03-06,Moscow,ru_government,,100,200,range,other,p. 2,"100 to 200"
    """
).assign(
    quote_language=lambda rows: rows["claim_id"].map({"C2": "bg"}).astype("category"),
    quote_english=lambda rows: rows["claim_id"].map({"C2": "100 to <200>"}).astype("string"),
)
EVIDENCE = Evidence({"sources": SOURCES, "claims": CLAIMS})


def test_evidence_links_become_numbers_in_order_of_first_use_and_keep_them() -> None:
    body = f"First{cite('claims', 'C2')}, then{cite('claims', ['C1', 'C2'])}."
    numbered = number_notes(body, EVIDENCE)
    assert numbered.cited == [("claims", "C2"), ("claims", "C1")]
    references = re.findall(r'href="#note-(\d+)"[^>]*>(\d+)</a>', numbered.body)
    assert references == [("1", "1"), ("2", "2"), ("1", "1")]
    assert "C1" not in re.sub(r'<span class="note-preview".*?</span></span>', "", numbered.body)
    assert "[" not in numbered.body, "the brackets of the notebook's citations are gone"
    previews = re.findall(r'aria-describedby="([^"]+)"', numbered.body)
    assert len(set(previews)) == 3, "each preview has an id of its own"


def test_a_note_quotes_says_who_when_where_and_how_the_words_became_the_figure() -> None:
    note = note_html("claims", "C1", EVIDENCE)
    assert "<q>more than 20,000 &lt;i&gt;volunteers&lt;/i&gt;</q>" in note
    assert "Stated by Kyiv, March 2022; reported by Test Press." in note
    assert "Read in <cite>A &lt;b&gt;bold&lt;/b&gt; report</cite>, line 1." in note
    assert "Read as: “more than 20,000” → above 20,000, no upper bound." in note
    ranged = note_html("claims", "C2", EVIDENCE)
    assert "Stated by Moscow, 6 March 2022." in ranged and "between 100 and 200" in ranged
    assert '<q lang="bg">100 to 200</q>' in ranged
    assert "(our translation: “100 to &lt;200&gt;”)" in ranged
    assert note_html("claims", "GONE", EVIDENCE) == "This figure's record is missing from the data."


def test_a_note_shows_the_words_a_source_links_without_the_link_marks_of_its_copy() -> None:
    linked = claims(
        """\
        claim_id,metric,claimant,qualifier,source_id,quote,quote_language,quote_english
        L1,fighters_active,Kyiv,vague,doc,Afghan commandos [also now fighting](#) for Russia,,
        L2,fighters_active,Moscow,vague,other,[какие-то](#) бойцы,ru,[some](#) fighters
        """
    )
    evidence = Evidence({"sources": SOURCES, "claims": linked})
    numbered = number_notes(f"Some{cite('claims', ['L1', 'L2'])}.", evidence)
    page = numbered.body + notes_list(numbered.cited, evidence)
    assert page.count("<q>Afghan commandos also now fighting for Russia</q>") == 2
    assert page.count('<q lang="ru">какие-то бойцы</q>') == 2
    assert page.count("(our translation: “some fighters”)") == 2
    assert "](#)" not in page


def test_a_cited_source_is_a_note_that_names_it_plainly() -> None:
    note = note_html("sources", "doc", EVIDENCE)
    assert note == (
        '<span class="where"><cite>A &lt;b&gt;bold&lt;/b&gt; report</cite>, Test Press, '
        "February 2023</span>"
    )


def test_the_notes_list_numbers_every_note_as_a_link_target() -> None:
    listed = notes_list([("claims", "C2"), ("claims", "C1")], EVIDENCE)
    assert listed.index('<li id="note-1">') < listed.index("100 to 200")
    assert listed.index('<li id="note-2">') < listed.index("more than 20,000")
    assert notes_list([], EVIDENCE) == ""


def test_the_source_list_has_the_cited_sources_marked_and_whole_links() -> None:
    cited = cited_sources([("claims", "C2"), ("sources", "mirror"), ("claims", "C1")], EVIDENCE)
    assert cited == ["other", "mirror", "doc"]
    listed = sources_list(cited, EVIDENCE)
    assert "(a partisan outlet)" in listed.split('id="source-other"')[1].split("</li>")[0]
    assert "(a copy of another source in this list)" in listed
    assert '<a href="https://example.org/a/very/long/path">example.org</a>' in listed
    assert sources_list([], EVIDENCE) == ""


def test_a_page_drops_parameters_records_error_streams_and_the_notebook_s_evidence() -> None:
    parameters = nbformat.v4.new_code_cell("as_of = ''", metadata={"tags": ["parameters"]})
    code = nbformat.v4.new_code_cell("x")
    code.outputs = [
        nbformat.v4.new_output("display_data", data={RECORD_MIMETYPE: {"name": "n", "value": 1}}),
        nbformat.v4.new_output("stream", name="stderr", text="a warning"),
        nbformat.v4.new_output("display_data", data={"text/markdown": "Said *this*."}),
        nbformat.v4.new_output(
            "display_data",
            data={"text/html": "<h2>Evidence for the numbers above</h2>"},
            metadata={"ffanalysis": "evidence-list"},
        ),
    ]
    page = page_html([parameters, code], EVIDENCE, title="A <page>")
    assert "<title>A &lt;page&gt;</title>" in page
    article = page.split("<article>")[1].split("</article>")[0]
    assert article.strip() == "<p>Said <em>this</em>.</p>"


def test_a_page_carries_its_own_slim_stylesheet_and_fetches_nothing() -> None:
    page = page_html([nbformat.v4.new_markdown_cell("# A page")], EVIDENCE, title="A page")
    assert "jp-Notebook" not in page and "jupyter" not in page.lower()
    assert len(page) < 20_000
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert page.count("<h1") == 1 and 'class="anchor-link"' not in page


def test_the_table_of_contents_links_every_section_as_plain_text() -> None:
    page = (
        f'<h1 id="intro">Intro</h1>{TOC_PLACEHOLDER}'
        '<h2 id="ratios">Ratios &amp; <em>claims</em></h2><h3 id="deep">Deep</h3>'
    )
    nav = with_table_of_contents(page).split("</nav>")[0]
    assert '<a href="#ratios">Ratios &amp; claims</a>' in nav
    assert "#deep" not in nav and "#intro" not in nav
    assert with_table_of_contents("<h2 id='a'>A</h2>") == "<h2 id='a'>A</h2>"
