"""What changed between two vintages: git revisions of the clean data, or as-of dates."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from ffanalysis.analysis.vintages import (
    CURRENT,
    change_lines,
    diff,
    previous_edition,
    summary,
    vintage,
)
from ffanalysis.cli import main
from ffanalysis.data import paths
from ffanalysis.data.problems import ParameterError
from tests.conftest import Project, copy_project
from tests.helpers import data_options, options


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *arguments],
        cwd=folder, check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture(scope="module")
def first_vintage(clean_mini: Project, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The mini project with its clean data committed to a repository of its own, made once
    per module; tests change a copy (`committed`)."""
    project = copy_project(clean_mini, tmp_path_factory.mktemp("vintages") / "mini")
    git(project.data_dir, "init", "-q")
    git(project.data_dir, "add", ".")
    git(project.data_dir, "commit", "-q", "-m", "first vintage")
    return project


@pytest.fixture
def committed(first_vintage: Project, tmp_path: Path) -> Project:
    """The mini project with its clean data committed to a repository of its own."""
    return copy_project(first_vintage, tmp_path / "mini")


def edit_clean(project: Project, name: str, old: str, new: str) -> None:
    path = paths.clean_dir(project.data_dir) / f"{name}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_rows_added_changed_and_retracted_since_a_revision(committed: Project) -> None:
    clean = paths.clean_dir(committed.data_dir) / "claims.csv"
    lines = clean.read_text(encoding="utf-8").splitlines(keepends=True)
    retracted = lines.pop(2).split(",")[0]
    added = lines[1].replace(lines[1].split(",")[0], "C99", 1)
    clean.write_text("".join([*lines, added]), encoding="utf-8")
    edit_clean(committed, "claims", "Foreign minister", "Foreign Minister")
    changes = diff("HEAD", CURRENT, committed.data_dir)
    assert summary(changes) == ["claims: 1 row added, 1 row changed, 1 row retracted"]
    assert sorted(change_lines(changes)) == sorted(
        [
            "claims\tadded\tC99",
            "claims\tchanged\tC01\tclaimant: 'Foreign minister' -> 'Foreign Minister'",
            f"claims\tretracted\t{retracted}",
        ]
    )


def test_two_dates_differ_by_the_rows_stated_between_them(committed: Project) -> None:
    changes = diff("2022-12-31", "2023-12-31", committed.data_dir)
    assert set(changes["change"]) <= {"added"}
    assert set(changes["table"]) <= {"claims", "historical", "casualties", "legal_stances", "units"}
    assert diff("2023", "2023", committed.data_dir).empty


def test_a_vintage_is_a_date_or_a_revision_or_refused(committed: Project) -> None:
    assert vintage("2023-06", committed.data_dir).as_of == "2023-06"
    assert vintage("HEAD", committed.data_dir).revision == "HEAD"
    with pytest.raises(ParameterError, match=r"neither a date .* nor a git revision"):
        vintage("no-such-tag", committed.data_dir)


def test_the_command_names_what_it_compares_and_refuses_nonsense(
    committed: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_clean(committed, "claims", "Foreign minister", "Foreign Minister")
    assert main(["diff", "HEAD", *data_options(committed)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("From revision HEAD to the current data:\n  claims: 1 row changed\n")
    assert main(["diff", "nonsense", *data_options(committed)]) == 2
    assert "neither a date" in capsys.readouterr().err


def test_the_previous_edition_is_the_last_committed_data_before_the_current(
    committed: Project,
) -> None:
    assert previous_edition(committed.data_dir) is None, "one state only: no earlier edition"
    first = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=committed.data_dir, capture_output=True, text=True
    ).stdout.strip()
    edit_clean(committed, "claims", "Foreign minister", "Foreign Minister")
    edition = previous_edition(committed.data_dir)
    assert edition is not None and edition.vintage.revision == first, "uncommitted edits"
    git(committed.data_dir, "commit", "-q", "-am", "second vintage")
    edition = previous_edition(committed.data_dir)
    assert edition is not None and edition.vintage.revision == first, "the commit before"


def test_the_report_says_what_changed_since_the_previous_edition(committed: Project) -> None:
    from ffanalysis.publishing.pages import what_changed

    site = committed.root / "site"
    assert "This is the first edition on record" in what_changed(options(committed, site))
    edit_clean(committed, "claims", "Foreign minister", "Foreign Minister")
    text = what_changed(options(committed, site))
    assert "- Figures on the 2022 war: 1 row changed\n" in text
    assert "No key finding moved." in text


def test_data_outside_any_repository_has_no_previous_edition(
    clean_mini: Project, tmp_path: Path
) -> None:
    project = copy_project(clean_mini, tmp_path / "mini")
    assert previous_edition(project.data_dir) is None
