"""The report's own parts, from the clean data: the opening's counts, the methods text with the
reference tables' numbers, the corrections an edition uses, and the country index."""

from __future__ import annotations

import re
from pathlib import Path

from ffanalysis.data.clean import write_clean
from ffanalysis.data.loading import load
from ffanalysis.presentation.notes import Evidence
from ffanalysis.publishing.pages import (
    EVIDENCE_TABLES,
    corrections_section,
    country_index,
    data_version,
    demote_headings,
    introduction,
    methods,
    scant_countries,
)
from tests.conftest import Project, copy_mini_project
from tests.helpers import options


def test_the_opening_counts_sources_figures_and_claimants_from_the_data(mini: Project) -> None:
    evidence = Evidence({name: load(name, mini.data_dir) for name in EVIDENCE_TABLES})
    text = " ".join(introduction(options(mini, Path("out")), evidence).split())
    claims = evidence.tables["claims"]
    assert f"{len(evidence.tables['sources'])} sources" in text
    assert f"{len(claims)} curated figures" in text
    assert f"stated by {claims['claimant'].nunique()} different claimants" in text
    assert f"Data version {data_version(mini.data_dir)}" in text
    assert "{" not in text and "}" not in text


def test_the_opening_has_its_headline_findings_and_citation_before_the_contents(
    mini: Project,
) -> None:
    evidence = Evidence({name: load(name, mini.data_dir) for name in EVIDENCE_TABLES})
    text = introduction(options(mini, Path("out")), evidence)
    assert text.count("\n# ") + text.startswith("# ") == 1, "one headline"
    order = ['class="standfirst"', 'class="edition"', 'class="key-findings"', "How to cite"]
    positions = [text.index(marker) for marker in [*order, "<!-- ffanalysis:toc -->"]]
    assert positions == sorted(positions)
    assert "CC BY 4.0" in text and 'href="#evidence-' in text
    assert '<a href="data/datapackage.json">' in text


def test_the_methods_text_gives_the_reference_lists_numbers(mini: Project) -> None:
    text = " ".join(methods(options(mini, Path("out"))).split())
    listed = int(load("lostarmour", mini.data_dir)["named_deaths"].sum())
    assert f"({listed} named records" in text
    assert "{" not in text


def test_an_edition_lists_the_corrections_to_the_rows_it_uses(mini: Project) -> None:
    full = corrections_section(options(mini, Path("out")))
    assert "we corrected 1 value in 1 row" in full and "Czechia: legal position" in full
    before = corrections_section(options(mini, Path("out"), as_of="2022-12-31"))
    assert "No figure this edition uses has been corrected" in before


def test_the_country_index_lists_the_pages_by_name_with_a_field_to_narrow_it() -> None:
    index = country_index(["NOR", "GBR", "COL"])
    links = re.findall(r'<a href="(countries/[A-Z]{3}\.html)">([^<]+)</a>', index)
    assert links == [
        ("countries/COL.html", "Colombia"),
        ("countries/NOR.html", "Norway"),
        ("countries/GBR.html", "United Kingdom"),
    ]
    # Without script the field stays hidden and the whole list shows.
    assert '<p class="country-filter" hidden>' in index and "<script>" in index
    assert "no country pages" in country_index([])


def test_countries_with_too_little_for_a_page_are_listed_in_one_table(mini: Project) -> None:
    assert scant_countries(options(mini, Path("out"))) == ""  # every mini country has enough
    project = copy_mini_project(mini.root / "scant")
    with_claim = project.read("claims.csv").splitlines()
    ecuador = next(line for line in with_claim if ",NOR," in line).replace(",NOR,", ",ECU,")
    project.write("claims.csv", "\n".join([*with_claim, ecuador.replace("C12,", "C99,", 1)]) + "\n")
    write_clean(project.data_dir, project.shared_dir)
    table = scant_countries(options(project, Path("out")))
    assert "1 country for a page of their own" in table
    assert "<td>Ecuador</td>" in table and 'href="#evidence-claims-C99"' in table
    assert "Norway" not in table


def test_a_chapter_s_headings_go_one_level_down_so_the_page_keeps_one_h1() -> None:
    assert demote_headings("# Deaths\n\nText with # inside.\n## Named deaths") == (
        "## Deaths\n\nText with # inside.\n### Named deaths"
    )


def test_a_published_notebook_keeps_no_timings_paths_or_random_ids(tmp_path: Path) -> None:
    import nbformat

    from ffanalysis.publishing.pages import published_notebook
    from ffanalysis.publishing.runs import Run

    injected = nbformat.v4.new_code_cell(
        "# Parameters\ndata_dir = '/home/builder/data'\n",
        metadata={"tags": ["injected-parameters"], "papermill": {"duration": 0.1}},
    )
    code = nbformat.v4.new_code_cell("1", metadata={"execution": {"iopub.status.busy": "now"}})
    notebook = nbformat.v4.new_notebook(cells=[injected, code])
    notebook.metadata["papermill"] = {"input_path": "/home/builder/notebooks/x.ipynb"}
    run = Run(
        tmp_path / "country_profile.ipynb",
        "country_NOR",
        {"as_of": "", "data_dir": "/home/builder/data", "country": "NOR"},
    )
    published = published_notebook(notebook, run)
    text = nbformat.writes(published)
    assert "/home/builder" not in text and "papermill" not in text and "iopub" not in text
    assert published.cells[0].id == "injected-parameters"
    assert published.cells[0].source == (
        "# Parameters\nas_of = ''\ndata_dir = 'data'\ncountry = 'NOR'\n"
        "figures_dir = '../figures/country_NOR'\n"
    )
