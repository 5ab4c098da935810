"""The LostArmour named-deaths table: every label mapped, nothing dropped."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from ffanalysis.data import lostarmour
from ffanalysis.data.validation import check_data
from tests.conftest import Project
from tests.helpers import SHARED, needs_shared
from tests.sample_tables import SMALL, write_small

REFERENCE = SHARED / "reference" / "lostarmour_named_deaths_by_month.csv"


def test_labels_map_to_iso_codes_and_non_countries_are_kept(tmp_path: Path) -> None:
    frame = lostarmour.read_reference(write_small(tmp_path))
    assert frame["country"].tolist()[:2] == ["COL", "COL"]
    assert frame["country"].isna().tolist() == [False, False, True, True, False, False]
    assert frame["label_note"].notna().sum() == 2
    assert frame["named_deaths"].sum() == 44


def test_dates_are_read_as_far_as_the_label_allows_and_no_further(tmp_path: Path) -> None:
    frame = lostarmour.read_reference(write_small(tmp_path))
    assert frame["date_precision"].astype(str).tolist() == [
        "month",
        "none",
        "month",
        "month",
        "before",
        "year",
    ]
    before = frame.iloc[4]
    assert pd.isna(before["died_start"])
    assert before["died_end"] == pd.Timestamp("2023-12-31")
    assert frame.iloc[5]["died_end"] == pd.Timestamp("2024-12-31")
    assert lostarmour.summary(frame) == {
        "named_deaths": 44,
        "without_country": 3,
        "without_month": 11,
        "undated": 10,
    }


def test_an_unknown_label_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write_small(
        tmp_path, SMALL + "Атлантида,Atlantis,2023-01,1\nКолумбия,Colombia,2023-13,1\n"
    )
    assert [(p.line, p.column) for p in lostarmour.label_problems(path)] == [
        (8, "citizenship_as_listed"),
        (9, "month_of_death"),
    ]


def test_a_count_that_is_no_number_is_reported_not_read(tmp_path: Path) -> None:
    path = write_small(tmp_path, SMALL + "Колумбия,Colombia,2023-01,many\n")
    problems = lostarmour.label_problems(path)
    assert [(p.line, p.column, p.message) for p in problems] == [
        (8, "named_deaths", "'many' is not a count of records")
    ]


def test_validation_checks_the_reference_when_sources_cite_it(project: Project) -> None:
    (project.shared_dir / "reference").mkdir()
    (project.shared_dir / "reference" / "la.csv").write_text(
        SMALL + "Атлантида,Atlantis,2023-01,1\n", encoding="utf-8"
    )
    project.write(
        "sources.csv",
        project.read("sources.csv")
        + "lostarmour_2025,reference/la.csv,LA,,,2025,dataset,,false,,\n",
    )
    _, problems = check_data(project.data_dir, project.shared_dir)
    assert [f"{p.path.name}:{p.line}: {p.column}: {p.message}" for p in problems] == [
        "la.csv:8: citizenship_as_listed: 'Атлантида' has no alias: add it to "
        "CITIZENSHIP_TO_ISO in ffanalysis/data/lostarmour.py"
    ]


@needs_shared
def test_the_real_file_reads_completely() -> None:
    assert lostarmour.label_problems(REFERENCE) == []
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    frame = lostarmour.read_reference(REFERENCE)
    assert len(frame) == len(rows)
    assert frame["named_deaths"].sum() == sum(int(row["named_deaths"]) for row in rows)
    assert set(frame.loc[frame["country"].isna(), "citizenship_english"]) == {
        "(undetermined)",
        "(French Foreign Legion)",
    }


@pytest.mark.parametrize("code", sorted(set(lostarmour.CITIZENSHIP_TO_ISO.values())))
def test_every_alias_is_a_real_iso_code(code: str) -> None:
    from ffanalysis.data.countries import country_name

    assert country_name(code) is not None
