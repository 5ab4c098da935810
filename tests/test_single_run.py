"""`ffanalysis run NOTEBOOK -p NAME VALUE`: one notebook, with the build's checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ffanalysis.cli import main
from ffanalysis.data.problems import ParameterError
from ffanalysis.publishing.runs import NOTEBOOKS
from ffanalysis.publishing.single_run import (
    check_output,
    check_parameters,
    default_output,
    find_notebook,
)
from tests.conftest import Project, copy_mini_project
from tests.helpers import data_options, run, run_here

PROFILE = NOTEBOOKS / "country_profile.ipynb"
CHAPTER = NOTEBOOKS / "02_casualties.ipynb"


def test_a_notebook_is_found_by_path_or_by_name() -> None:
    assert find_notebook(str(PROFILE)) == PROFILE
    assert find_notebook("country_profile") == PROFILE
    assert find_notebook("country_profile.ipynb") == PROFILE
    with pytest.raises(ParameterError, match="no notebook profile"):
        find_notebook("profile")


def test_parameters_are_read_as_the_build_reads_them(tmp_path: Path) -> None:
    given = [("country", "NOR"), ("as_of", "2023"), ("figures_dir", "figs")]
    assert check_parameters(PROFILE, given, tmp_path / "data") == {
        "country": "NOR",
        "as_of": "2023",
        "figures_dir": str(Path("figs").resolve()),  # relative to where the command runs
        "data_dir": str(tmp_path / "data"),
    }


@pytest.mark.parametrize(
    ("notebook", "given", "message"),
    [
        (
            PROFILE,
            [("contry", "COL")],
            "country_profile.ipynb declares no parameter 'contry'; its parameters are as_of, "
            "data_dir, figures_dir, country",
        ),
        (PROFILE, [], "country_profile.ipynb needs -p country CODE (ISO 3166-1 alpha-3: GBR)"),
        (
            PROFILE,
            [("country", "Britain")],
            "-p country: 'Britain' is no country code (use ISO 3166-1 alpha-3, such as GBR)",
        ),
        (CHAPTER, [("as_of", "June 2023")], "-p as_of: 'June 2023' is not a date"),
        (CHAPTER, [("as_of", "2999")], "-p as_of: 2999 is in the future"),
        (CHAPTER, [("data_dir", "data")], "give data_dir with --data-dir, not -p"),
        (CHAPTER, [("as_of", "2023"), ("as_of", "2024")], "-p as_of is given twice"),
    ],
    ids=["undeclared", "no country", "bad country", "bad date", "future", "data_dir", "twice"],
)
def test_a_wrong_parameter_is_refused_in_one_sentence(
    notebook: Path, given: list[tuple[str, str]], message: str, tmp_path: Path
) -> None:
    with pytest.raises(ParameterError) as refused:
        check_parameters(notebook, given, tmp_path)
    assert str(refused.value).startswith(message)


def test_the_output_is_never_the_notebook_and_defaults_to_reports_runs(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="is the notebook itself"):
        check_output(NOTEBOOKS / ".." / "notebooks" / PROFILE.name, PROFILE)
    with pytest.raises(ParameterError, match="is a folder"):
        check_output(tmp_path, PROFILE)
    assert default_output(PROFILE).parts[-3:] == ("reports", "runs", "country_profile.ipynb")


@pytest.mark.parametrize(
    "arguments",
    [
        ["country_profile", "-p", "contry", "COL"],
        ["country_profile", "-p", "country", "GBR", "--output", str(PROFILE)],
        ["no_such_notebook"],
    ],
    ids=["undeclared", "over the notebook", "no notebook"],
)
def test_usage_errors_exit_2_in_one_line_before_anything_runs(
    project: Project, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["run", *arguments, *data_options(project)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("ffanalysis: error: ") and error.count("\n") == 1
    assert not project.clean.exists(), "refused before the data was cleaned"


def test_bad_data_exits_1_and_runs_nothing(project: Project, tmp_path: Path) -> None:
    project.write("units.csv", "")
    output = tmp_path / "out.ipynb"
    result = run_here(
        project, "run", "02_casualties", "--output", str(output), *data_options(project)
    )
    assert result.returncode == 1
    assert "units.csv:1: (file): file is empty" in result.stdout
    assert not output.exists()


@pytest.mark.slow  # runs a notebook in a kernel
def test_a_country_profile_runs_on_the_fixture_project(tmp_path: Path) -> None:
    project = copy_mini_project(tmp_path)
    output = tmp_path / "runs" / "gbr.ipynb"
    result = run(
        project,
        "run",
        str(PROFILE),
        "-p",
        "country",
        "GBR",
        "-p",
        "as_of",
        "2025-12-31",
        "--output",
        str(output),
        *data_options(project),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {output} (figures in {tmp_path / 'runs/gbr_figures'})"
    executed = json.loads(output.read_text(encoding="utf-8"))
    injected = next(
        cell
        for cell in executed["cells"]
        if "injected-parameters" in cell["metadata"].get("tags", [])
    )
    assert 'country = "GBR"' in "".join(injected["source"])
    assert f'data_dir = "{project.data_dir}"' in "".join(injected["source"])
    assert sorted(path.name for path in (tmp_path / "runs" / "gbr_figures").iterdir()) == [
        "funnel_GBR.png",
        "funnel_GBR.svg",
    ]


@pytest.mark.slow  # runs a notebook in a kernel
def test_a_failing_notebook_exits_4_and_keeps_what_it_ran(tmp_path: Path) -> None:
    project = copy_mini_project(tmp_path)
    notebook = json.loads(PROFILE.read_text(encoding="utf-8"))
    notebook["cells"].append(
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "boom",
            "metadata": {},
            "outputs": [],
            "source": "1 / 0",
        }
    )
    broken = tmp_path / "broken.ipynb"
    broken.write_text(json.dumps(notebook), encoding="utf-8")
    output = tmp_path / "out.ipynb"
    result = run(
        project,
        "run",
        str(broken),
        "-p",
        "country",
        "NOR",
        "--output",
        str(output),
        *data_options(project),
    )
    assert result.returncode == 4
    assert "raised ZeroDivisionError" in result.stderr and "Traceback" not in result.stderr
    assert f"the executed notebook is {output}" in result.stderr
