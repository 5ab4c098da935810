"""The published site: report.html, one page per country, the figures and executed notebooks."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pandas as pd
from nbformat import NotebookNode

from ..analysis.key_findings import KeyFinding, key_findings
from ..analysis.profiles import by_name
from ..analysis.text import cite, period_text, plural
from ..data import datapackage, paths
from ..data.countries import country_name
from ..data.dates import parse_partial_date
from ..data.edition import load_tables
from ..data.loading import load, load_reference
from ..data.registry import REFERENCE_TABLES
from ..data.schema import TABLES
from ..presentation import corrections_log
from ..presentation.chapter import date_words
from ..presentation.notes import Evidence
from ..presentation.reader_tables import html_table, scant_table
from ..presentation.report import html_cell, page_html
from .runs import country_pages

if TYPE_CHECKING:
    from .execution import Result
    from .runs import Options, Run

REPORT_TEMPLATES = Path(__file__).resolve().parent / "templates" / "report"
"""The opening and the methods section, in Markdown with the numbers left as fields."""

EVIDENCE_TABLES = ("sources", "claims", "historical", "casualties", "legal_stances", "units")
REPORT_TITLE = "Foreign volunteers in the Russia-Ukraine war"
_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def render_site(results: list[Result], site: Path, options: Options) -> None:
    """Write every page, figure and executed notebook of a build into `site`."""
    evidence = Evidence({name: load(name, options.data_dir) for name in EVIDENCE_TABLES})
    for result in results:
        copy = published_notebook(nbformat.read(result.executed, as_version=4), result.run)
        nbformat.write(copy, _ensure(site / "notebooks") / result.executed.name)
        shutil.copytree(result.figures, site / "figures" / result.run.name, dirs_exist_ok=True)
    profiles = [result for result in results if "country" in result.run.parameters]
    chapters = [result for result in results if "country" not in result.run.parameters]
    for result in profiles:
        code = result.run.parameters["country"]
        page = page_html(
            [html_cell(BACK_LINK), *_cells(result)],
            evidence,
            title=f"{country_name(code)}: foreign volunteers",
        )
        (_ensure(site / "countries") / f"{code}.html").write_text(page, encoding="utf-8")
    report = page_html(
        [
            _markdown(introduction(options, evidence)),
            *(cell for result in chapters for cell in _cells(result)),
            html_cell(
                country_index([result.run.parameters["country"] for result in profiles])
                + scant_countries(options)
            ),
            _markdown(what_changed(options)),
            _markdown(methods(options)),
            html_cell(corrections_section(options)),
        ],
        evidence,
        title=REPORT_TITLE,
    )
    (site / "report.html").write_text(report, encoding="utf-8")
    version = data_version(options.data_dir)
    datapackage.write_data_package(site, options.data_dir, REPORT_TITLE, version)


def published_notebook(notebook: NotebookNode, run: Run) -> NotebookNode:
    """An executed notebook as it is published: no timings, no paths of the machine that built
    it, the injected parameters as a reader can use them, and fixed cell ids, so that the same
    inputs publish the same bytes anywhere."""
    notebook.metadata.pop("papermill", None)
    for cell in notebook.cells:
        for key in ("papermill", "execution"):
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"
            cell.source = "# Parameters\n" + "".join(
                f"{name} = {value!r}\n" for name, value in _portable(run).items()
            )
    return notebook


def _portable(run: Run) -> dict[str, str]:
    """The run's parameters with machine paths replaced: the data folder as the project's own
    ("") or by its name, the figures as they are published beside the notebooks."""
    parameters = dict(run.parameters)
    data_dir = Path(parameters.get("data_dir", ""))
    default = paths.default_data_dir().resolve()
    parameters["data_dir"] = "" if data_dir.resolve() == default else data_dir.name
    parameters["figures_dir"] = f"../figures/{run.name}"
    return parameters


def introduction(options: Options, evidence: Evidence) -> str:
    """The report's opening: a headline and standfirst, the edition, the key findings with
    their notes, how to cite it, then the table of contents; every number from the data."""
    edition = load_tables(options.data_dir, options.as_of or "")
    found = key_findings(edition)
    claims, sources = edition.claims, evidence.tables["sources"]
    return (
        (REPORT_TEMPLATES / "introduction.md")
        .read_text(encoding="utf-8")
        .format(
            headline=headline(found),
            standfirst=STANDFIRST,
            title=REPORT_TITLE,
            edition=_newest(sources)
            if not options.as_of
            else period_text(*parse_partial_date(options.as_of)),
            as_of_words=date_words(options.as_of or ""),
            vintage=_newest(sources),
            data_version=data_version(options.data_dir),
            key_findings=key_findings_box(found),
            data_package=datapackage.DESCRIPTOR,
            sources=plural(len(sources), "source", "sources"),
            claims=plural(len(claims), "curated figure", "curated figures"),
            claimants=plural(claims["claimant"].nunique(), "claimant", "different claimants"),
            historical=plural(len(edition.historical), "figure", "figures"),
        )
    )


STANDFIRST = (
    "Both governments have counted the foreigners who fight in this war, and both had reasons "
    "to count high. Here every figure is set beside what researchers and reporters could count "
    "themselves, and every number can be traced to who said it, when, and in what words."
)


def headline(found: list[KeyFinding]) -> str:
    """The main finding in one line: Kyiv's claim against the count of volunteers serving."""
    by_kind = {finding.kind: finding for finding in found}
    kyiv, serving = by_kind.get("Kyiv claim"), by_kind.get("serving")
    if kyiv is None or serving is None:
        return REPORT_TITLE
    return (
        f"Kyiv counted {kyiv.short} foreign volunteers; reporters found {serving.short} "
        "serving at one time"
    )


def key_findings_box(found: list[KeyFinding]) -> str:
    """The key findings as a list in a box, each number with its notes."""
    if not found:
        return ""
    items = "\n".join(
        f'<li><span class="figure">{html.escape(finding.short)}</span> '
        f"{html.escape(finding.sentence)}{cite(finding.table, finding.ids)}</li>"
        for finding in found
    )
    return (
        '<section class="key-findings" aria-labelledby="key-findings">\n'
        f'<h2 id="key-findings">Key findings</h2>\n<ol>\n{items}\n</ol>\n</section>'
    )


def methods(options: Options) -> str:
    """The methods section, with the values each reference table states filled in."""
    values = {
        placeholder: value
        for name, table in REFERENCE_TABLES.items()
        for placeholder, value in table.report_values(
            load_reference(name, options.data_dir)
        ).items()
    }
    return (REPORT_TEMPLATES / "methods.md").read_text(encoding="utf-8").format(**values)


def what_changed(options: Options) -> str:
    """'What changed since the previous edition': rows added, changed and retracted per table,
    the key findings that moved, and where the corrections are listed."""
    from ..analysis.vintages import CURRENT, diff, moved_findings, previous_edition, summary

    heading = "## What changed since the previous edition\n\n"
    edition = previous_edition(options.data_dir)
    if edition is None:
        return heading + "This is the first edition on record: there is none to compare it with."
    changes = diff(edition.vintage, CURRENT, options.data_dir)
    lines = [
        f"- {line}" for line in summary(changes, lambda table: TABLES[table].label, columns=False)
    ]
    moved = moved_findings(edition.vintage, CURRENT, options.data_dir)
    when = period_text(*parse_partial_date(edition.committed_on))
    text = heading + f"Compared with the edition of {when}:\n\n"
    text += "\n".join(lines) if lines else "No figure was added, changed or retracted."
    text += "\n\n" + (
        "Key findings that moved:\n\n" + "\n".join(f"- {html.escape(line)}" for line in moved)
        if moved
        else "No key finding moved."
    )
    return text + "\n\nEvery correction to a curated row is listed, with its reason, under Methods."


def corrections_section(options: Options) -> str:
    """The corrections to the rows this edition uses (all of them, or those stated by as-of)."""
    edition = vars(load_tables(options.data_dir, options.as_of or ""))
    tables = {name: frame for name, frame in edition.items() if isinstance(frame, pd.DataFrame)}
    used = corrections_log.shown(load("corrections", options.data_dir), tables)
    return corrections_log.methods_html(used, tables)


def data_version(data_dir: Path) -> str:
    """A short fingerprint of data/clean, so a reader can tell two vintages apart."""
    digest = hashlib.sha256()
    for path in sorted(paths.clean_dir(data_dir).glob("*.csv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


BACK_LINK = (
    f'<nav class="back" aria-label="Report"><a href="../report.html">{REPORT_TITLE}</a></nav>'
)
"""Above a country page's title: the way back to the report it belongs to."""

FILTER_SCRIPT = """<script>
(function () {
  var box = document.getElementById("country-filter"), plain = function (text) {
    return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); };
  box.parentNode.hidden = false;
  box.addEventListener("input", function () {
    document.querySelectorAll("#country-index li").forEach(function (item) {
      item.hidden = plain(item.textContent).indexOf(plain(box.value.trim())) < 0; }); });
})();
</script>"""
"""Hides the countries whose names do not hold what the reader types; without script the
field stays hidden and the list is whole."""


def country_index(codes: list[str]) -> str:
    """The country pages as a list sorted by name, with a field that narrows it as one types."""
    if not codes:
        return f"{COUNTRY_HEADING}\n<p>This edition has no country pages.</p>"
    links = "\n".join(
        f'<li><a href="countries/{code}.html">{html.escape(country_name(code) or code)}</a></li>'
        for code in by_name(codes)
    )
    return (
        f"{COUNTRY_HEADING}\n"
        '<p class="country-filter" hidden><label for="country-filter">Find a country</label> '
        '<input id="country-filter" type="search" autocomplete="off"></p>\n'
        f'<ul class="country-index" id="country-index">\n{links}\n</ul>\n{FILTER_SCRIPT}'
    )


COUNTRY_HEADING = '<h2 id="countries">Countries</h2>'


def scant_countries(options: Options) -> str:
    """The countries with too little for a page, in one table instead (`profiles.too_little`),
    or nothing where every country has enough."""
    _, scant = country_pages(options.data_dir)
    if not scant:
        return ""
    edition = load_tables(options.data_dir, options.as_of or "")
    table = scant_table(scant, edition.claims, edition.sources, edition.references)
    return (
        '\n<h3 id="little-on-record">Countries with little on record</h3>\n'
        f"<p>The sources say too little about {plural(len(scant), 'country', 'countries')} "
        "for a page of their own: one figure at most, no stance of their government and no "
        "one named dead in the project's sources. Here is all there is.</p>\n" + html_table(table)
    )


def _cells(result: Result) -> list[NotebookNode]:
    """A run's cells, each Markdown heading one level down: a page has one h1, its own."""
    cells = nbformat.read(result.executed, as_version=4).cells
    for cell in cells:
        if cell.cell_type == "markdown":
            cell.source = demote_headings(cell.source)
    return cells


def demote_headings(markdown: str) -> str:
    """Every Markdown heading one level down ('# Deaths' -> '## Deaths')."""
    return _HEADING.sub(r"#\1 ", markdown)


def _markdown(text: str) -> NotebookNode:
    return nbformat.v4.new_markdown_cell(text)


def _edition(as_of: str, sources: pd.DataFrame) -> str:
    """The edition's date in words: its as-of date, or the newest source's date."""
    if as_of:
        return period_text(*parse_partial_date(as_of))
    return _newest(sources)


def _newest(sources: pd.DataFrame) -> str:
    """The publication date of the newest source, as precisely as it is known."""
    dated = sources.dropna(subset=["published_end"]).sort_values("published_end")
    if dated.empty:
        return "unknown"
    newest = dated.iloc[-1]
    return period_text(newest["published_start"], newest["published_end"])


def _ensure(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder
