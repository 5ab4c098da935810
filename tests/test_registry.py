"""A reference table registered in one place is validated, cleaned, loaded, documented, audited
and handed to the chapters, with no other module changed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ffanalysis.analysis.audit import coverage
from ffanalysis.data import registry
from ffanalysis.data.clean import write_clean
from ffanalysis.data.dictionary import data_dictionary
from ffanalysis.data.edition import load_tables
from ffanalysis.data.loading import load
from ffanalysis.data.problems import Problem
from ffanalysis.data.reference import ReferenceTable
from ffanalysis.data.validation import check_data
from tests.conftest import Project

COLUMNS = {"place": "string", "crossings": "Int64"}


def read_checkpoints(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype="string").astype(COLUMNS)


def unreadable_counts(path: Path) -> list[Problem]:
    raw = pd.read_csv(path, dtype="string")
    failing = ~raw["crossings"].str.fullmatch(r"\d+")
    return [
        Problem(path, int(index) + 2, "crossings", f"{value!r} is not a count")
        for index, value in raw.loc[failing, "crossings"].items()
    ]


CHECKPOINTS = ReferenceTable(
    name="checkpoints",
    source_id="border_office",
    meaning="border crossings a made-up office counted, per checkpoint.",
    columns=COLUMNS,
    meanings={"place": "The checkpoint.", "crossings": "People who crossed there."},
    read=read_checkpoints,
    problems=unreadable_counts,
)


@pytest.fixture
def registered(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The fixture project, citing a reference file that a made-up table reads."""
    monkeypatch.setitem(registry.REFERENCE_TABLES, CHECKPOINTS.name, CHECKPOINTS)
    project.write(
        "sources.csv",
        project.read("sources.csv")
        + "border_office,reference/checkpoints.csv,Crossings,,Border Office,2023,dataset,,false,,\n",
    )
    (project.shared_dir / "reference").mkdir()
    write_reference(project, "place,crossings\nNorth,12\nSouth,30\n")
    return project


def write_reference(project: Project, text: str) -> None:
    (project.shared_dir / "reference" / "checkpoints.csv").write_text(text, encoding="utf-8")


def test_its_file_is_validated(registered: Project) -> None:
    write_reference(registered, "place,crossings\nNorth,12\nSouth,many\n")
    _, problems = check_data(registered.data_dir, registered.shared_dir)
    assert [(p.path.name, p.line, p.column) for p in problems] == [
        ("checkpoints.csv", 3, "crossings")
    ]


def test_it_is_cleaned_loaded_audited_and_given_to_the_chapters(registered: Project) -> None:
    write_clean(registered.data_dir, registered.shared_dir)
    frame = load("checkpoints", registered.data_dir)
    assert frame["crossings"].tolist() == [12, 30]
    assert str(frame["crossings"].dtype) == "Int64"
    audit = coverage(registered.data_dir)
    assert audit.loc["reference/checkpoints.csv", "checkpoints"] == 2
    tables = load_tables(registered.data_dir, "")
    assert tables.checkpoints["source_id"].unique().tolist() == ["border_office"]


def test_it_is_documented(registered: Project) -> None:
    dictionary = data_dictionary()
    assert "## `checkpoints` (derived, `data/clean/checkpoints.csv`)" in dictionary
    assert "| `crossings` | People who crossed there. |" in dictionary


def test_a_table_whose_columns_and_meanings_differ_is_refused() -> None:
    with pytest.raises(ValueError, match="crossings"):
        ReferenceTable(
            name="broken",
            source_id="x",
            meaning="",
            columns=COLUMNS,
            meanings={"place": "The checkpoint."},
            read=read_checkpoints,
            problems=unreadable_counts,
        )
