"""`ffanalysis build` end to end: pages published whole or not at all, reused when unchanged."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import nbformat
import pytest

from ffanalysis.data import datapackage
from ffanalysis.data.problems import BuildError, DataError
from ffanalysis.data.registry import REFERENCE_TABLES
from ffanalysis.data.schema import TABLES
from ffanalysis.publishing.build import build
from ffanalysis.publishing.execution import TIMINGS, longest_first
from ffanalysis.publishing.publish import MANIFEST
from ffanalysis.publishing.runs import NOTEBOOKS, Run
from tests.conftest import Project, Published, copy_mini_project
from tests.helpers import fingerprint, options, progress_of, publish_site, with_hostile_title

pytestmark = pytest.mark.slow  # builds the whole site


@pytest.fixture
def hostile_project(tmp_path: Path) -> Project:
    return with_hostile_title(copy_mini_project(tmp_path / "mini"))


@pytest.fixture
def site(hostile_project: Project, tmp_path: Path) -> Path:
    return publish_site(hostile_project, tmp_path / "site")


def test_the_build_publishes_the_report_country_pages_figures_and_notebooks(
    published: Published,
) -> None:
    site = published.site
    assert (site / "report.html").is_file()
    assert (site / "countries" / "NOR.html").is_file()
    chapters = sorted(path.stem for path in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert sorted(path.stem for path in (site / "notebooks").glob("*.ipynb")) == sorted(
        [*chapters, "country_NOR"]
    )
    report = (site / "report.html").read_text(encoding="utf-8")
    assert 'href="countries/NOR.html"' in report
    assert "<script src=" not in report
    assert "injected-parameters" not in report
    log = (site / "build.log").read_text()
    assert all(f"{name}: ran in" in log for name in chapters)
    assert "page(s) in" in log


def test_the_build_publishes_a_valid_data_package_of_every_table(published: Published) -> None:
    site = published.site
    report = frictionless.validate(str(site / datapackage.DESCRIPTOR))
    assert report.valid, [error.message for task in report.tasks for error in task.errors]
    described = json.loads((site / datapackage.DESCRIPTOR).read_text(encoding="utf-8"))
    assert [resource["name"] for resource in described["resources"]] == [
        *TABLES,
        *REFERENCE_TABLES,
    ]
    manifest = json.loads((site / MANIFEST).read_text())["files"]
    assert set(datapackage.published_files(published.project.data_dir)) <= set(manifest)


def test_each_notebook_runs_as_in_a_new_kernel(published: Published) -> None:
    """Six notebooks on two workers: most run in a kernel kept from an earlier notebook."""
    site = published.site
    for path in sorted((site / "notebooks").glob("*.ipynb")):
        code = [
            cell for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code"
        ]
        assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), path.name
        printed = [
            output for cell in code for output in cell.outputs if output.output_type == "stream"
        ]
        assert printed == [], path.name


def test_the_next_build_starts_the_runs_that_took_longest_first(published: Published) -> None:
    site = published.site
    timings = json.loads((site / ".cache" / TIMINGS).read_text())
    chapters = [path.stem for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))]
    assert set(timings) == {*chapters, "country_NOR"}
    runs = [Run(NOTEBOOKS / f"{name}.ipynb", name) for name in ["new", *timings]]
    order = [run.name for run in longest_first(runs, timings)]
    assert order[0] == "new", "a run never timed goes first"
    assert [timings[name] for name in order[1:]] == sorted(timings.values(), reverse=True)


def test_the_same_inputs_give_the_same_pages_byte_for_byte(
    published: Published, tmp_path: Path
) -> None:
    hostile_project, site = published.project, published.site
    again = tmp_path / "again"
    shutil.copytree(site / ".cache", again / ".cache")
    progress = progress_of(hostile_project, again)
    assert progress and all(line.endswith(": cached") for line in progress)
    data = datapackage.published_files(hostile_project.data_dir)
    for page in ("report.html", "countries/NOR.html", *data):
        assert (again / page).read_bytes() == (site / page).read_bytes(), page


def test_data_markup_is_escaped(published: Published) -> None:
    site = published.site
    report = (site / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in report
    assert "<script>window.pwned" not in report
    assert "<img src=x" not in report


def test_an_unchanged_rebuild_runs_and_renders_nothing(
    hostile_project: Project, site: Path
) -> None:
    before = fingerprint(site)
    messages: list[str] = []
    build(options(hostile_project, site), say=messages.append)
    assert any(message.startswith("nothing changed since the last build") for message in messages)
    assert not any(message.startswith("[") for message in messages)
    assert fingerprint(site) == before


def test_an_unchanged_rebuild_stops_before_validating(hostile_project: Project, site: Path) -> None:
    messages: list[str] = []
    build(options(hostile_project, site), say=messages.append)
    assert not any(message.startswith("validating") for message in messages), messages


def test_a_changed_evidence_file_is_checked_again(hostile_project: Project, site: Path) -> None:
    evidence = hostile_project.shared_dir / "sources" / "kyiv.txt"
    evidence.write_text(evidence.read_text().replace("formed on 27 February", "formed in"))
    with pytest.raises(DataError) as failure:
        build(options(hostile_project, site), say=lambda message: None)
    found = [
        (problem.path.name, problem.line, problem.column) for problem in failure.value.problems
    ]
    assert found == [("units.csv", 2, "quote")]


def test_a_clean_file_edited_by_hand_is_written_again(hostile_project: Project, site: Path) -> None:
    clean = hostile_project.data_dir / "clean" / "claims.csv"
    written = clean.read_bytes()
    clean.write_text("claim_id\n")
    messages: list[str] = []
    build(options(hostile_project, site), say=messages.append)
    assert clean.read_bytes() == written
    assert any(message.startswith("nothing changed since the last build") for message in messages)
    again: list[str] = []
    build(options(hostile_project, site), say=again.append)
    assert not any(message.startswith("validating") for message in again), again


def test_only_runs_whose_inputs_changed_run_again(hostile_project: Project, site: Path) -> None:
    lines = progress_of(hostile_project, site, countries=["NOR", "GBR"])
    ran = [line for line in lines if ": ran in" in line]
    assert len(ran) == 1 and "country_GBR" in ran[0], lines
    assert all(line.endswith(": cached") for line in lines if line not in ran)
    forced = progress_of(hostile_project, site, countries=["NOR", "GBR"], force=True)
    assert forced and all(": ran in" in line for line in forced)


def test_a_failing_chapter_publishes_nothing_and_keeps_its_notebook(
    hostile_project: Project, site: Path, tmp_path: Path
) -> None:
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    failing = nbformat.read(notebooks / "06_data_audit.ipynb", as_version=4)
    failing.cells.append(nbformat.v4.new_code_cell("raise ValueError('the data makes no sense')"))
    nbformat.write(failing, notebooks / "99_broken.ipynb")
    before = fingerprint(site)
    with pytest.raises(BuildError) as failure:
        build(options(hostile_project, site, notebooks=notebooks), say=lambda message: None)
    message = str(failure.value)
    assert "99_broken.ipynb" in message
    assert "ValueError: the data makes no sense" in message
    assert " cell " in message
    after = {
        name: digest for name, digest in fingerprint(site).items() if not name.startswith("failed/")
    }
    assert after == before, "the published report is exactly as it was"
    kept = nbformat.read(site / "failed" / "99_broken.ipynb", as_version=4)
    assert any(
        output.get("ename") == "ValueError"
        for cell in kept.cells
        for output in cell.get("outputs", [])
    )


def test_two_builds_at_once_leave_a_whole_report(hostile_project: Project, tmp_path: Path) -> None:
    out = tmp_path / "shared-out"
    command = [
        sys.executable,
        "-m",
        "ffanalysis",
        "build",
        "--out",
        str(out),
        "--countries",
        "GBR",
        "--data-dir",
        str(hostile_project.data_dir),
        "--shared-dir",
        str(hostile_project.shared_dir),
    ]
    builds = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [process.communicate(timeout=600)[1] for process in builds]
    assert [process.returncode for process in builds] == [0, 0], outputs
    assert any("waiting for another build" in output for output in outputs)
    report = (out / "report.html").read_text(encoding="utf-8")
    assert report.rstrip().endswith("</html>")
    assert not list(out.glob(".staging-*"))


def test_published_notebooks_carry_no_path_of_the_build(published: Published) -> None:
    for path in (published.site / "notebooks").glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert str(published.site) not in text, path.name
        assert str(published.project.root) not in text, path.name
        assert '"papermill"' not in text, path.name
