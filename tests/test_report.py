"""The page exporter: cells cleaned for readers, an evidence appendix built from escaped data,
numbered cell ids, and a table of contents."""

from __future__ import annotations

import nbformat

from ffanalysis.notebook import RECORD_MIMETYPE
from ffanalysis.report import (
    Evidence,
    appendix_cells,
    cited_rows,
    html_cell,
    page_notebook,
    with_table_of_contents,
)
from tests.typed_frames import claims, table

SOURCES = table(
    "sources",
    """\
    source_id,file,title,publisher,published,kind,url
    doc,sources/doc.txt,A <b>bold</b> report,Test Press,2023-02,news,https://example.org/a
    other,sources/other.txt,Another paper,,2024,news,
    """,
)
CLAIMS = claims(
    """\
    claim_id,metric,stated_on,claimant,claimant_type,reported_by,value_low,value_high,qualifier,source_id,locator,quote
    C1,volunteers_interested,2022-03,Kyiv,ua_government,Test Press,20000,,more_than,doc,line 1,"more than 20,000 <i>volunteers</i>"
    """
)
EVIDENCE = Evidence({"sources": SOURCES, "claims": CLAIMS})


def test_citations_are_collected_once_in_order_of_first_use() -> None:
    cells = [
        nbformat.v4.new_markdown_cell('<a href="#evidence-claims-C2">C2</a>'),
        html_cell('<a href="#evidence-claims-C1">C1</a> <a href="#evidence-claims-C2">C2</a>'),
    ]
    assert cited_rows(cells) == [("claims", "C2"), ("claims", "C1")]


def test_the_appendix_says_who_when_where_and_quotes_escaped() -> None:
    evidence, sources = appendix_cells([("claims", "C1"), ("claims", "GONE")], EVIDENCE)
    entry = evidence.outputs[0]["data"]["text/html"]
    assert "Stated by Kyiv (2022-03), reported by Test Press." in entry
    assert "<blockquote>more than 20,000 &lt;i&gt;volunteers&lt;/i&gt;</blockquote>" in entry
    assert "Read in <cite>A &lt;b&gt;bold&lt;/b&gt; report</cite>, line 1." in entry
    assert "Not found in the claims table." in entry
    listed = sources.outputs[0]["data"]["text/html"]
    assert 'id="source-doc"' in listed and 'id="source-other"' not in listed
    assert '<a href="https://example.org/a">' in listed


def test_a_page_with_every_source_lists_them_all() -> None:
    _, sources = appendix_cells([], EVIDENCE, all_sources=True)
    assert 'id="source-other"' in sources.outputs[0]["data"]["text/html"]


def test_a_page_drops_parameters_records_and_error_streams_and_numbers_its_cells() -> None:
    parameters = nbformat.v4.new_code_cell("as_of = ''", metadata={"tags": ["parameters"]})
    code = nbformat.v4.new_code_cell("x")
    code.outputs = [
        nbformat.v4.new_output("display_data", data={RECORD_MIMETYPE: {"name": "n", "value": 1}}),
        nbformat.v4.new_output("stream", name="stderr", text="a warning"),
        nbformat.v4.new_output("display_data", data={"text/markdown": "Said."}),
    ]
    page = page_notebook([parameters, code], EVIDENCE, title="A page")
    assert [cell.id for cell in page.cells] == ["cell-1", "cell-2", "cell-3"]
    assert page.cells[0].outputs == [
        nbformat.v4.new_output("display_data", data={"text/markdown": "Said."})
    ]
    assert page.metadata["title"] == "A page"


def test_the_table_of_contents_links_every_top_heading_as_plain_text() -> None:
    page = (
        "<!-- ffanalysis:toc -->"
        '<h1 id="intro">Intro<a class="anchor-link" href="#intro">¶</a></h1>'
        '<h2 id="ratios">Ratios &amp; <em>claims</em></h2><h3 id="deep">Deep</h3>'
    )
    nav = with_table_of_contents(page).split("</nav>")[0]
    assert '<a href="#intro">Intro</a>' in nav
    assert '<a href="#ratios">Ratios &amp; claims</a>' in nav
    assert "#deep" not in nav
