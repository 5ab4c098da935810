"""Guards: a number that cannot be true stops the build, naming the rows that make it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ffanalysis.analysis import guards
from ffanalysis.data.clean import write_clean
from ffanalysis.data.problems import DataError
from tests.conftest import Project


class Lines:
    """Every row on line 2 of its table, as a test frame has no file behind it."""

    def problem(self, row_id: str, column: str, message: str):
        return f"{row_id}: {column}: {message}"


def test_a_share_over_a_hundred_percent_is_refused() -> None:
    comparison = pd.DataFrame(
        {
            "figure_id": ["PEAK", "FINE"],
            "host_ids": ["ARMY", "ARMY"],
            "share_low": pd.array([1.2, 0.1], dtype="Float64"),
            "share_high": pd.array([1.5, 0.2], dtype="Float64"),
        }
    )
    problems = guards.share_problems(comparison, Lines())
    assert problems == [
        "PEAK: counts: is 120% or more of the force it joined (ARMY): a share cannot exceed "
        "100%; check counts and dates"
    ]


def test_a_rate_over_a_one_day_war_is_refused() -> None:
    comparison = pd.DataFrame(
        {
            "figure_id": ["DONBAS", "SPAIN"],
            "months_low": pd.array([0.03, 32.3], dtype="Float64"),
            "months_high": pd.array([24.0, 32.3], dtype="Float64"),
            "rate_low": pd.array([700.0, 990.0], dtype="Float64"),
            "rate_high": pd.array([517438.0, 990.0], dtype="Float64"),
        }
    )
    assert [problem.split(":")[0] for problem in guards.rate_problems(comparison, Lines())] == [
        "DONBAS"
    ]


def test_a_ratio_of_unlike_kinds_or_of_evidence_that_may_not_be_is_refused() -> None:
    claims = pd.DataFrame(
        {
            "claim_id": ["APPLIED", "UNIT", "PAPER"],
            "counts": ["interest", "subset", "at_one_time"],
            "claimant_type": ["ua_government", "media", "media"],
            "uncertain": [False, False, False],
            "source_id": ["doc"] * 3,
        }
    )
    sources = pd.DataFrame({"source_id": ["doc"], "partisan": [False]})
    ratios = pd.DataFrame(
        {
            "comparison": ["kyiv_serving"],
            "counts": ["at_one_time"],
            "claim_ids": ["APPLIED"],
            "evidence_ids": ["PAPER, UNIT"],
        }
    )
    problems = guards.ratio_problems(ratios, claims, sources, Lines())
    assert [problem.split(":")[0] for problem in problems] == ["APPLIED", "UNIT", "UNIT"]
    assert "a ratio divides like kinds only" in problems[0]
    assert "may not be evidence" in problems[2]


def test_the_build_writes_nothing_when_a_guard_refuses(cleaned: Project) -> None:
    project = cleaned  # write_clean wrote its clean tables
    before = {path.name: path.read_bytes() for path in project.clean.iterdir()}
    claims = project.read("claims.csv")
    serving = claims.splitlines()[2].replace("C2,", "C9,").replace("Reporters", "Others")
    army = (
        "C8,russia_ukraine_2022,ukraine,host_force,ALL,,,Kyiv,ua_government,Test Press,52,52,"
        "exact,,,persons,at_one_time,false,doc,line 1,from 52 countries,,,,,\n"
    )
    project.write("claims.csv", claims + serving + "\n" + army)
    with pytest.raises(DataError) as refused:
        write_clean(project.data_dir, project.shared_dir, guards.problems)
    assert [f"{p.path.name}:{p.line}: {p.column}" for p in refused.value.problems] == [
        "claims.csv:3: counts",
        "claims.csv:7: counts",
    ]
    assert {path.name: path.read_bytes() for path in project.clean.iterdir()} == before


def test_the_real_data_passes_every_guard() -> None:
    from ffanalysis.data import paths
    from ffanalysis.data.clean import clean_tables
    from ffanalysis.data.validation import validate

    data = paths.default_data_dir()
    shared = paths.default_shared_dir(data)
    raw = validate(data, shared)
    assert guards.problems(raw, clean_tables(raw, shared), Path(data)) == []


def test_no_headline_of_the_real_data_flips_when_any_one_evidence_row_is_removed() -> None:
    from ffanalysis.analysis import comparisons
    from ffanalysis.presentation import chapter

    tables = chapter.load_tables(None, "")
    ratios = comparisons.headline_ratios(tables.claims, tables.sources)
    verdicts = comparisons.verdict(ratios)
    used = {part for cell in ratios["evidence_ids"] for part in cell.split(", ")}
    for row_id in used:
        fewer = tables.claims.loc[tables.claims["claim_id"].ne(row_id)]
        after = comparisons.verdict(comparisons.headline_ratios(fewer, tables.sources))
        for comparison, before in verdicts.items():
            assert after.get(comparison, before) == before, (row_id, comparison)


def test_no_person_of_the_real_data_is_counted_twice() -> None:
    from ffanalysis.analysis import deaths
    from ffanalysis.presentation import chapter

    people = deaths.people(chapter.load_tables(None, "").casualties)
    names = people["person"].str.lower().str.replace(r"[^a-z]+", " ", regex=True).str.strip()
    unmarked = people["distinct_from"].isna().groupby(names).sum()
    assert (unmarked <= 1).all(), unmarked[unmarked > 1]
    assert people["casualty_id"].is_unique
