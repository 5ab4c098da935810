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


# A list of the dead


DEAD_COLUMNS = {"country": "string", "named_deaths": "Int64"}

MEMORIAL = ReferenceTable(
    name="memorial",
    source_id="memorial_site",
    meaning="volunteers a made-up memorial site names as killed, per country.",
    columns=DEAD_COLUMNS,
    meanings={"country": "Their country.", "named_deaths": "How many it names."},
    read=lambda path: pd.read_csv(path, dtype="string").astype(DEAD_COLUMNS),
    problems=lambda path: [],
    deaths_side="russia",
    keeper="A memorial site",
)


def test_a_registered_list_of_the_dead_reaches_the_country_pages_and_the_key_findings(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ffanalysis.analysis import profiles
    from ffanalysis.analysis.key_findings import key_findings
    from ffanalysis.presentation.reader_tables import scant_table

    monkeypatch.setitem(registry.REFERENCE_TABLES, MEMORIAL.name, MEMORIAL)
    project.write(
        "claims.csv",
        project.read("claims.csv").replace(
            "C2,russia_ukraine_2022,ukraine,fighters_active,ALL",
            "C2,russia_ukraine_2022,ukraine,fighters_active,GBR",
        ),
    )
    project.write(
        "sources.csv",
        project.read("sources.csv")
        + "memorial_site,reference/memorial.csv,Memorial,,Memorial Site,2023,dataset,,false,,\n",
    )
    (project.shared_dir / "reference").mkdir()
    (project.shared_dir / "reference" / "memorial.csv").write_text(
        "country,named_deaths\nGBR,4\nNPL,9\n", encoding="utf-8"
    )
    write_clean(project.data_dir, project.shared_dir)
    tables = load_tables(project.data_dir, "")
    lists = profiles.named_lists(tables.casualties, tables.references, "GBR")
    assert [(entry["list"], entry["side"], entry["named"], entry["total"]) for entry in lists][
        -1
    ] == ("memorial", "russia", 4, 13)
    overview = scant_table(["GBR"], tables.claims, tables.sources, tables.references)
    assert str(overview["Named dead by A memorial site"].iloc[0]).startswith("4<")
    [listed] = [found for found in key_findings(tables) if found.ids == "memorial_site"]
    assert listed.figure == "13" and listed.sentence.startswith(
        "foreigners who fought for Russia named as killed on the list kept by Memorial Site"
    )


def test_a_list_of_the_dead_without_its_keeper_is_refused() -> None:
    with pytest.raises(ValueError, match="keeper"):
        ReferenceTable(
            name="nameless",
            source_id="x",
            meaning="",
            columns=DEAD_COLUMNS,
            meanings={"country": "", "named_deaths": ""},
            read=read_checkpoints,
            problems=unreadable_counts,
            deaths_side="ukraine",
        )
