"""Faults a build must survive without publishing a lie: damaged cache entries, data cleaned
again while it runs, a published page edited by hand."""

from __future__ import annotations

import errno
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ffanalysis.data import paths
from ffanalysis.data.problems import BuildError
from ffanalysis.publishing import build as build_module
from ffanalysis.publishing.build import build
from ffanalysis.publishing.execution import usable
from tests.conftest import Project, copy_mini_project
from tests.helpers import data_options, fingerprint, options, progress_of, publish_site

pytestmark = pytest.mark.slow  # builds the fixture site several times


@pytest.fixture
def built(tmp_path: Path) -> tuple[Project, Path]:
    project = copy_mini_project(tmp_path / "mini")
    return project, publish_site(project, tmp_path / "site")


def entry_of(site: Path, name: str) -> Path:
    return next((site / ".cache").glob(f"{name}-*"))


@pytest.mark.parametrize("damage", ["truncated", "no cells", "no figures"])
def test_a_damaged_cache_entry_is_run_again_and_replaced(built, damage: str) -> None:
    project, site = built
    entry = entry_of(site, "02_casualties")
    if damage == "truncated":
        (entry / "executed.ipynb").write_text('{"cells": [')
    elif damage == "no cells":
        (entry / "executed.ipynb").write_text('{"cells": [], "metadata": {}}')
    else:
        for path in (entry / "figures").iterdir():
            path.unlink()
        (entry / "figures").rmdir()
    (site / "report.html").write_text("stale")  # so the build does not stop early
    progress = progress_of(project, site)
    assert "02_casualties: ran" in " ".join(progress)
    assert usable(entry_of(site, "02_casualties"))
    assert "Deaths" in (site / "report.html").read_text(encoding="utf-8")


def test_force_replaces_an_entry_that_cannot_be_read(built) -> None:
    project, site = built
    entry = entry_of(site, "01_claims_vs_evidence")
    (entry / "executed.ipynb").unlink()
    (entry / "executed.ipynb").mkdir()
    progress_of(project, site, force=True)
    assert usable(entry_of(site, "01_claims_vs_evidence"))


def test_data_cleaned_again_during_a_build_is_neither_cached_nor_published(
    built, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, site = built
    before = fingerprint(site)
    entries = sorted((site / ".cache").iterdir())
    real = build_module.execute_all

    def execute_then_edit(*arguments, **keywords):
        results = real(*arguments, **keywords)
        clean = paths.clean_dir(project.data_dir) / "claims.csv"
        clean.write_text(clean.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        return results

    monkeypatch.setattr(build_module, "execute_all", execute_then_edit)
    with pytest.raises(BuildError, match="changed while the build ran"):
        build(options(project, site, force=True), say=lambda message: None)
    published = {name: digest for name, digest in fingerprint(site).items() if "failed" not in name}
    assert published == before, "the published report is as it was (OUT/failed aside)"
    assert sorted((site / ".cache").iterdir()) == entries


def test_a_disk_that_fills_during_a_build_leaves_the_report_and_no_staging(
    built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ffanalysis.cli import main

    project, site = built
    before = fingerprint(site)
    sockets = Path(tempfile.mkdtemp(prefix="ff-"))  # the kernels' connection files go here
    monkeypatch.setattr(tempfile, "tempdir", str(sockets))
    real = build_module._render

    def fill_the_disk(results, staging: Path, options) -> None:
        real(results, staging, options)
        raise OSError(errno.ENOSPC, "No space left on device", str(staging / "site"))

    arguments = ["build", "--force", "--countries", "NOR", "--out", str(site)]
    monkeypatch.setattr(build_module, "_render", fill_the_disk)
    assert main([*arguments, *data_options(project)]) == 3
    [line] = capsys.readouterr().err.splitlines()[-1:]
    assert line.startswith("ffanalysis: error: ") and "No space left on device (free some" in line
    assert list(site.glob(".staging-*")) == []
    assert list(sockets.iterdir()) == [], "the kernels sockets and connection files are gone"
    published = {name: digest for name, digest in fingerprint(site).items() if "failed" not in name}
    assert published == before, "the published report is as it was"
    monkeypatch.setattr(build_module, "_render", real)
    assert main([*arguments, *data_options(project)]) == 0, "the next build needs no hand"
    assert not (site / "failed").exists()
    sockets.rmdir()


def test_a_published_page_edited_by_hand_is_rebuilt_not_called_current(built) -> None:
    project, site = built
    report = site / "report.html"
    original = report.read_bytes()
    report.write_text("edited by hand")
    messages: list[str] = []
    build(options(project, site), say=messages.append)
    assert not any(message.startswith("nothing changed") for message in messages)
    assert report.read_bytes() == original


def test_a_flood_of_workers_is_capped(built) -> None:
    project, site = built
    messages: list[str] = []
    build(options(project, site, jobs=1000, force=True), say=messages.append)
    capped = [message for message in messages if message.startswith("using ")]
    assert len(capped) == 1 and capped[0].endswith("of the 1000 asked for")
    assert int(capped[0].split()[1]) <= 7  # six chapters and one country page


def test_sigterm_ends_a_build_as_ctrl_c_does(built) -> None:
    project, site = built
    before = fingerprint(site)
    command = [
        sys.executable, "-m", "ffanalysis", "build", "--force", "--countries", "NOR",
        "--out", str(site), "--data-dir", str(project.data_dir),
        "--shared-dir", str(project.shared_dir),
    ]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    for line in process.stderr:  # wait until notebooks are running
        if line.startswith("["):
            break
    process.send_signal(signal.SIGTERM)
    rest = process.stderr.read()
    assert process.wait(timeout=120) == 143
    assert "ffanalysis: terminated" in rest and "Traceback" not in rest
    assert list(site.glob(".staging-*")) == []
    published = {name: digest for name, digest in fingerprint(site).items() if "failed" not in name}
    assert published == before, "the published report is as it was"


def test_quiet_prints_nothing_when_all_is_well(built) -> None:
    project, site = built
    result = subprocess.run(
        [sys.executable, "-m", "ffanalysis", "build", "--quiet", "--countries", "NOR",
         "--out", str(site), "--data-dir", str(project.data_dir),
         "--shared-dir", str(project.shared_dir)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_summary_tells_a_scheduler_what_ran_and_what_was_published(built, tmp_path: Path) -> None:
    import json

    project, site = built
    written = tmp_path / "summary.json"
    base = [sys.executable, "-m", "ffanalysis", "build", "--quiet", "--countries", "NOR",
            "--out", str(site), "--data-dir", str(project.data_dir),
            "--shared-dir", str(project.shared_dir), "--summary", str(written)]  # fmt: skip
    subprocess.run([*base, "--force"], check=True)
    summary = json.loads(written.read_text())
    assert (summary["status"], summary["exit_code"], summary["failure"]) == ("ok", 0, None)
    assert {run["name"] for run in summary["runs"]} >= {"01_claims_vs_evidence", "country_NOR"}
    assert {run["status"] for run in summary["runs"]} == {"ran"}
    assert "report.html" in summary["published"] and len(summary["inputs"]) == 64
    subprocess.run(base, check=True)
    again = json.loads(written.read_text())
    assert again["nothing_changed"] and again["runs"] == []
