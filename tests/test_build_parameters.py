"""`ffanalysis build` checks its parameters before anything runs: one line, exit 2."""

from __future__ import annotations

from datetime import date

import pytest

from ffanalysis.analysis.profiles import countries_with_data
from ffanalysis.data.clean import write_clean
from ffanalysis.data.problems import BuildError, ParameterError
from ffanalysis.publishing.build import check_as_of, check_countries, preload_statement
from ffanalysis.publishing.runs import ALL_COUNTRIES, country_pages, plan, profiled_countries
from tests.conftest import Project
from tests.helpers import data_options, options, run_here


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--countries", "GBR,XYZ"], "--countries: unknown country code(s) XYZ"),
        (["--countries", "gbr"], "--countries: unknown country code(s) gbr"),
        (["--countries", "ALL+GBR"], "--countries: unknown country code(s) ALL+GBR"),
        (["--as-of", "2022-13-01"], "--as-of '2022-13-01' is not a date: give an ISO date"),
        (["--as-of", "March 2022"], "--as-of 'March 2022' is not a date: give an ISO date"),
        (["--as-of", "2999-01-01"], "--as-of 2999-01-01 is in the future"),
        (["--jobs", "0"], "--jobs must be at least 1"),
    ],
)
def test_a_bad_parameter_is_one_line_and_exit_2(
    project: Project, arguments: list[str], message: str
) -> None:
    project.clean.mkdir()
    result = run_here(project, "build", *data_options(project), "--out", "out", *arguments)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"ffanalysis: error: {message}")
    assert not (project.root / "project" / "out").exists(), "nothing ran, nothing was written"


def test_the_command_line_and_the_notebooks_read_as_of_alike() -> None:
    from ffanalysis.presentation import chapter

    today = date(2024, 2, 29)
    for value, read in [("2023", "2023"), ("2023-06", "2023-06"), (2023, "2023"), (None, "")]:
        assert check_as_of(value, today=today) == read
        assert chapter.check_as_of(value) == read
    with pytest.raises(ParameterError, match="in the future"):
        check_as_of("2024-03", today=today)


def test_as_of_accepts_today_and_empty() -> None:
    assert check_as_of("2024-02-29", today=date(2024, 2, 29)) == "2024-02-29"
    assert check_as_of("", today=date(2024, 1, 1)) == ""
    with pytest.raises(ParameterError, match="future"):
        check_as_of("2024-03-01", today=date(2024, 2, 29))


def test_countries_are_checked_codes_or_all() -> None:
    assert check_countries("all") == ALL_COUNTRIES
    assert check_countries("GBR, USA,GBR") == ["GBR", "USA"]
    assert check_countries("") == []
    assert check_countries("XKX") == ["XKX"]


def test_all_countries_are_those_with_a_single_country_figure(project: Project) -> None:
    write_clean(project.data_dir, project.shared_dir)
    assert countries_with_data(project.data_dir) == []
    project.write(
        "claims.csv",
        project.read("claims.csv")
        .replace("exact,countries", "exact,countries")
        .replace(
            "C5,russia_ukraine_2022,ukraine,origin_countries,ALL",
            "C5,russia_ukraine_2022,ukraine,origin_countries,GBR+USA",
        )
        .replace(
            "C2,russia_ukraine_2022,ukraine,fighters_active,ALL",
            "C2,russia_ukraine_2022,ukraine,fighters_active,COL",
        ),
    )
    write_clean(project.data_dir, project.shared_dir)
    assert countries_with_data(project.data_dir) == ["COL"]


def test_a_country_with_too_little_for_a_page_gets_no_profile(project: Project, tmp_path) -> None:
    project.write(
        "claims.csv",
        project.read("claims.csv").replace(
            "C2,russia_ukraine_2022,ukraine,fighters_active,ALL",
            "C2,russia_ukraine_2022,ukraine,fighters_active,COL",
        ),
    )
    write_clean(project.data_dir, project.shared_dir)
    assert country_pages(project.data_dir) == ([], ["COL"])  # one figure, nothing else

    def profiled(countries) -> list[str]:
        runs = plan(options(project, tmp_path / "out", countries=countries), "shared")
        return [run.name for run in runs if "country" in run.parameters]

    assert profiled(ALL_COUNTRIES) == []
    assert profiled(["COL", "SWE"]) == ["country_SWE"]  # asked for, and not short of facts
    assert profiled_countries(options(project, tmp_path / "out", countries=["COL", "SWE"])) == (
        ["SWE"],
        ["COL"],
    )
    assert profiled_countries(options(project, tmp_path / "out", countries=ALL_COUNTRIES)) == (
        [],
        [],
    )


def test_the_kernels_preload_the_modules_the_notebooks_import_first() -> None:
    assert preload_statement() == (
        "import ffanalysis.presentation.chapter, ffanalysis.presentation.charts, ffanalysis.analysis.findings"
    )
    with pytest.raises(BuildError, match=r"ffanalysis\.site"):
        preload_statement(("presentation.chapter", "site"))
