"""The command line as a user meets it: exit codes, one line per problem, no tracebacks.

Tests that a failure shows no traceback run the command in a process of its own (`run`); the
others run it in this process (`run_here`), which gives the same exit code and output.
"""

from __future__ import annotations

import pytest

from ffanalysis.cli import main
from tests.conftest import Project
from tests.helpers import data_options, run, run_here


def test_help_lists_the_commands() -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--help"])
    assert leaving.value.code == 0


def test_validate_prints_one_summary_line_when_all_is_well(project: Project) -> None:
    result = run_here(project, "validate", *data_options(project))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "ok: 15 rows valid (sources 1, conflicts 2, claims 5, historical 1, casualties 1, "
        "legal_stances 2, units 1, conditions 1, corrections 1)"
    ]


def test_validate_prints_path_line_column_message_and_exits_1(project: Project) -> None:
    project.write("units.csv", project.read("units.csv").replace(",legion,", ",army,"))
    result = run(project, "validate", *data_options(project))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/raw/units.csv:2: branch: 'army' is not one of: legion, intelligence, affiliated"
    ]
    assert "Traceback" not in result.stderr
    assert "1 problem in 1 file(s)" in result.stderr


def test_clean_refuses_bad_data_and_says_nothing_was_written(project: Project) -> None:
    project.write("units.csv", "")
    result = run_here(project, "clean", *data_options(project))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/raw/units.csv:1: (file): file is empty (expected a header line)"
    ]
    assert not project.clean.exists()


def test_clean_reports_what_it_wrote(project: Project) -> None:
    result = run_here(project, "clean", *data_options(project))
    assert result.returncode == 0
    assert "wrote data/clean/claims.csv" in result.stdout
    assert run_here(project, "clean", *data_options(project)).stdout.splitlines() == [
        "ok: data/clean is up to date (0 file(s) changed)"
    ]


def test_a_missing_data_folder_is_a_usage_error(project: Project) -> None:
    result = run_here(project, "validate", "--data-dir", "nowhere")
    assert result.returncode == 2
    assert (
        result.stderr.strip() == "ffanalysis: error: no raw/ folder in the data directory nowhere"
    )


def test_an_unknown_command_is_a_usage_error(project: Project) -> None:
    result = run(project, "frobnicate")
    assert result.returncode == 2
    assert "invalid choice: 'frobnicate'" in result.stderr
    assert "Traceback" not in result.stderr
