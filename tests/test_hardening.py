"""Faults a user or a scheduler can cause: the output folder, the manifest, writes through links,
too many workers, a closed pipe, commands run out of order. Each ends in one sentence and an
exit code, and nothing outside the output asked for is touched."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from ffanalysis.data import paths
from ffanalysis.data.atomic import NotAFile, write_atomically
from ffanalysis.data.problems import ParameterError
from ffanalysis.publishing import build as build_module
from ffanalysis.publishing.build import check_out, worker_count
from ffanalysis.publishing.publish import MANIFEST, publish
from tests.conftest import Project
from tests.helpers import data_options, options, run

ROOT = paths.PROJECT_ROOT

REFUSED_OUT = {
    "the checkout": lambda project: ROOT,
    "a folder above the checkout": lambda project: ROOT.parent,
    "inside the package": lambda project: ROOT / "ffanalysis" / "out",
    "the notebooks": lambda project: ROOT / "notebooks",
    "inside the data": lambda project: project.data_dir / "site",
    "above the data": lambda project: project.data_dir.parent,
    "the evidence folder": lambda project: project.shared_dir,
}


@pytest.mark.parametrize("case", list(REFUSED_OUT))
def test_an_output_folder_that_a_publish_could_damage_is_refused(
    project: Project, case: str
) -> None:
    out = REFUSED_OUT[case](project)
    with pytest.raises(ParameterError, match="--out"):
        check_out(options(project, out))


def test_an_output_folder_beside_the_data_is_accepted(project: Project) -> None:
    check_out(options(project, project.root / "site"))


def test_an_output_that_is_a_file_is_refused(project: Project) -> None:
    target = project.root / "report.html"
    target.write_text("")
    with pytest.raises(ParameterError, match="is a file"):
        check_out(options(project, target))


def test_build_into_the_checkout_exits_2_and_changes_nothing(project: Project) -> None:
    notebooks = {path: path.read_bytes() for path in (ROOT / "notebooks").glob("*.ipynb")}
    result = run(project, "build", "--out", str(ROOT), *data_options(project))
    assert result.returncode == 2
    assert result.stderr.startswith("ffanalysis: error: --out ")
    assert "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in notebooks} == notebooks


def test_a_manifest_naming_files_outside_the_output_removes_none_of_them(tmp_path: Path) -> None:
    out, staging = tmp_path / "out", tmp_path / "staging"
    (staging / "pages").mkdir(parents=True)
    (staging / "pages" / "report.html").write_text("new")
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (out / MANIFEST).write_text(
        '{"key": "k", "inputs": null, "files": ["../victim.txt", "' + str(victim) + '"]}'
    )
    publish(staging, out, "new-key", "inputs")
    assert victim.read_text() == "keep me"
    assert (out / "pages" / "report.html").read_text() == "new"


def test_a_write_through_a_link_changes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    target, link = tmp_path / "target.md", tmp_path / "link.md"
    target.write_text("old")
    link.symlink_to(target)
    write_atomically(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_write_over_something_that_is_no_file_is_refused(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "thing"
    path.mkdir() if kind == "folder" else os.mkfifo(path)
    with pytest.raises(NotAFile, match="not a regular file"):
        write_atomically(path, "text")


def test_dictionary_write_onto_a_folder_exits_2(project: Project) -> None:
    result = run(project, "dictionary", "--write", str(project.root))
    assert result.returncode == 2
    assert "is not a regular file" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("requested", "runs", "cores", "memory_kernels", "workers"),
    [
        (1000, 5, 2, 100, 5),  # no more workers than runs
        (1000, 500, 2, 100, 8),  # four per core
        (1000, 500, 64, 3, 3),  # what free memory holds
        (2, 500, 2, 100, 2),  # what was asked for
        (4, 500, 2, 0, 1),  # always one
    ],
)
def test_workers_are_capped_by_runs_cores_and_memory(
    monkeypatch: pytest.MonkeyPatch, requested, runs, cores, memory_kernels, workers
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    memory = memory_kernels * build_module.KERNEL_MEMORY
    monkeypatch.setattr(build_module, "_free_memory", lambda: memory)
    assert worker_count(requested, runs) == workers


def test_audit_before_clean_exits_2_with_what_to_do(project: Project) -> None:
    result = run(project, "audit", *data_options(project))
    assert result.returncode == 2
    assert "run `ffanalysis clean` first" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_reader_that_stops_reading_ends_the_command_quietly() -> None:
    command = [sys.executable, "-m", "ffanalysis", "dictionary"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the command has written anything
    errors = process.stderr.read().decode()
    assert process.wait() == 141
    assert errors == ""


@pytest.mark.parametrize(
    "name",
    [
        "[click](javascript:alert(1))",
        "![pixel](http://tracker.example/p.png)",
        "<script>alert(1)</script>",
        "`code` and *stars* and $x$",
    ],
)
def test_text_from_the_data_is_shown_in_a_sentence_never_run(name: str) -> None:
    import mistune

    from ffanalysis.analysis.text import inert

    page = mistune.html(f"The war in {inert(name)} began.")
    assert "<a" not in page and "<img" not in page and "<script" not in page
    assert "<code>" not in page and "<em>" not in page


def test_a_dollar_sign_in_a_figure_s_text_is_a_dollar_sign(tmp_path: Path) -> None:
    from matplotlib.figure import Figure

    from ffanalysis.presentation.plotting import finish, house_style, save

    with house_style():
        fig = Figure()
        fig.subplots().plot([0, 1], [0, 1])
        # As mathematics, "$\\nosuchsign$" cannot be drawn: saving would fail.
        finish(fig, title="Paid $\\nosuchsign$ a month", sources=["Money $ News $"])
    assert all(path.stat().st_size > 1000 for path in save(fig, tmp_path / "dollars"))


def test_what_a_killed_build_left_behind_is_removed(tmp_path: Path) -> None:
    from ffanalysis.publishing.publish import remove_leftovers

    out = tmp_path / "site"
    kept = [out / "report.html", out / ".cache" / "01_x-abc" / "executed.ipynb"]
    left = [out / ".staging-k1" / "notebooks" / "a.ipynb", out / ".cache" / ".incoming-9" / "x"]
    for path in kept + left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    remove_leftovers(out)
    assert all(path.exists() for path in kept)
    assert not any(path.parent.exists() for path in left)


def test_a_reference_list_no_source_cites_any_more_leaves_the_clean_data(
    clean_mini: Project, tmp_path: Path
) -> None:
    from ffanalysis.data.clean import write_clean
    from ffanalysis.data.edition import load_tables
    from tests.conftest import copy_project

    project = copy_project(clean_mini, tmp_path)  # cleaned: write_clean wrote the list
    listed = paths.clean_dir(project.data_dir) / "lostarmour.csv"
    assert listed.is_file()
    sources = [
        line
        for line in project.read("sources.csv").splitlines(keepends=True)
        if not line.startswith("lostarmour_2025,")
    ]
    project.write("sources.csv", "".join(sources))
    changed = write_clean(project.data_dir, project.shared_dir)
    assert listed in changed and not listed.exists()
    assert load_tables(project.data_dir, "").lostarmour.empty


def test_a_file_the_machine_refuses_ends_in_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ffanalysis.cli import main
    from ffanalysis.data import atomic

    def refuse(path: Path, text: str) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(atomic, "write_atomically", refuse)
    assert main(["dictionary", "--write", str(tmp_path / "dictionary.md")]) == 3
    error = capsys.readouterr().err
    assert error == (
        f"ffanalysis: error: {tmp_path / 'dictionary.md'}: Permission denied "
        "(fix its permissions, or use a path you may use)\n"
    )


MACHINE_REFUSALS = {
    "a read-only disk": (errno.EROFS, "Read-only file system", "not read-only"),
    "a folder without write permission": (errno.EACCES, "Permission denied", "permissions"),
}


@pytest.mark.parametrize("case", list(MACHINE_REFUSALS))
def test_an_output_folder_the_machine_will_not_write_ends_in_one_line_and_exit_3(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:
    from ffanalysis.cli import main

    code, reason, advice = MACHINE_REFUSALS[case]
    site = project.root / "site"
    real_mkdir = Path.mkdir

    def refuse_inside_site(self: Path, *arguments, **keywords) -> None:
        if self == site or site in self.parents:
            raise OSError(code, reason, str(self))
        real_mkdir(self, *arguments, **keywords)

    monkeypatch.setattr(Path, "mkdir", refuse_inside_site)
    assert main(["build", "--out", str(site), *data_options(project)]) == 3
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"ffanalysis: error: {site}: {reason} (") and advice in line
    assert not site.exists()


def test_a_disk_too_full_for_a_build_stops_it_before_anything_runs(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ffanalysis.cli import main
    from ffanalysis.publishing import publish as publishing

    def nearly_full(path: Path) -> SimpleNamespace:
        return SimpleNamespace(total=2**30, used=2**30 - 10 * 2**20, free=10 * 2**20)

    monkeypatch.setattr(publishing.shutil, "disk_usage", nearly_full)
    clean = paths.clean_dir(project.data_dir)
    site = project.root / "site"
    assert main(["build", "--out", str(site), *data_options(project)]) == 3
    [line] = capsys.readouterr().err.splitlines()
    assert line == (
        f"ffanalysis: error: {site}: only 10 MB free, a build needs about 100 MB "
        "(free some space, or choose another folder, and run it again)"
    )
    assert not clean.exists(), "nothing was cleaned"
    assert [path.name for path in site.iterdir()] == [".build.lock"]


def test_a_temporary_folder_too_long_for_kernel_sockets_is_refused_with_what_to_do() -> None:
    from ffanalysis.publishing.kernels import KernelError, check_socket_folder

    check_socket_folder("/tmp")
    with pytest.raises(KernelError, match="set TMPDIR to a shorter folder"):
        check_socket_folder("/tmp/" + "very-long-folder-name/" * 4)


@pytest.mark.parametrize(
    ("failure", "code"),
    [("NotebookError", 4), ("InfrastructureError", 3), ("BuildError", 4)],
)
def test_a_failed_build_exits_with_what_failed(
    project: Project, monkeypatch: pytest.MonkeyPatch, failure: str, code: int
) -> None:
    from ffanalysis.cli import main
    from ffanalysis.data import problems
    from ffanalysis.publishing import build as build_module

    def fail(options, say, summary) -> None:
        raise getattr(problems, failure)("it broke")

    monkeypatch.setattr(build_module, "build", fail)
    written = project.root / "summary.json"
    arguments = ["build", "--out", str(project.root / "site"), *data_options(project)]
    assert main([*arguments, "--summary", str(written)]) == code
    summary = json.loads(written.read_text())
    assert (summary["exit_code"], summary["failure"]) == (code, "it broke")
    assert summary["status"] == {3: "machine", 4: "notebook"}[code]


def test_the_default_output_is_the_checkout_s_reports_from_any_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.default_out_dir() == ROOT / "reports"


def test_kernel_folders_of_a_build_killed_outright_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ffanalysis.publishing.kernels import (
        BUILDER,
        KERNEL_FOLDER_PREFIX,
        remove_abandoned_kernel_folders,
    )

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)  # fmt: skip
    owners = {"killed": finished.stdout.strip(), "running": str(os.getpid()), "unknown": None}
    for name, pid in owners.items():
        folder = tmp_path / f"{KERNEL_FOLDER_PREFIX}{name}"
        folder.mkdir()
        if pid is not None:
            (folder / BUILDER).write_text(pid)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    remove_abandoned_kernel_folders()
    left = sorted(path.name.removeprefix(KERNEL_FOLDER_PREFIX) for path in tmp_path.iterdir())
    assert left == ["running", "unknown"]


def test_a_table_the_machine_will_not_let_us_read_ends_in_one_line_and_exit_3(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ffanalysis.cli import main

    locked = project.raw / "claims.csv"
    real_read = Path.read_bytes

    def refuse_the_locked_table(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", refuse_the_locked_table)
    assert main(["validate", *data_options(project)]) == 3
    assert capsys.readouterr().err == (
        f"ffanalysis: error: {locked}: Permission denied "
        "(fix its permissions, or use a path you may use)\n"
    )
