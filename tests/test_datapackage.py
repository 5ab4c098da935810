"""The published data: every clean table as CSV, Parquet and JSON, described from the schema by a
datapackage.json that Frictionless validates, foreign keys and allowed values included."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from types import MappingProxyType

import frictionless
import pandas as pd
import pytest

from ffanalysis.data import datapackage, vocab
from ffanalysis.data.clean import write_clean
from ffanalysis.data.kinds import ID_PATTERN, TEXT_MAX_LENGTH, Kind
from ffanalysis.data.loading import load
from ffanalysis.data.registry import REFERENCE_TABLES
from ffanalysis.data.schema import TABLES, Column, Table
from tests.conftest import Project, Published, copy_mini_project, make_project


def publish(project: Project, site: Path) -> Path:
    """Clean the project's data and write its data package into `site`."""
    write_clean(project.data_dir, project.shared_dir)
    datapackage.write_data_package(site, project.data_dir, "Test title", "v1")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The fixture project's data package, written once for the tests that only read it."""
    project = make_project(tmp_path_factory.mktemp("datapackage"))
    return Published(project, publish(project, project.root / "site"))


@pytest.fixture
def site(built: Published, tmp_path: Path) -> Path:
    """A copy of the built package, for a test to break."""
    return Path(shutil.copytree(built.site, tmp_path / "site"))


def validate(site: Path) -> frictionless.Report:
    return frictionless.validate(str(site / datapackage.DESCRIPTOR))


def validate_table(site: Path, table: str) -> frictionless.Report:
    """One table of the published package, validated as a part of it: its foreign keys are
    looked up in the other tables (a quarter of the time of the whole package)."""
    package = frictionless.Package(str(site / datapackage.DESCRIPTOR))
    return package.get_resource(table).validate()


def errors(report: frictionless.Report) -> list[tuple[str, str, str]]:
    """Each error as (table, type, message)."""
    return [
        (task.name, error.type, error.message) for task in report.tasks for error in task.errors
    ]


def package(site: Path) -> dict:
    return json.loads((site / datapackage.DESCRIPTOR).read_text(encoding="utf-8"))


def with_column(table: Table, column: Column) -> Table:
    """The table with its column of the same name declared as `column` instead."""
    columns = tuple(column if old.name == column.name else old for old in table.columns)
    return dataclasses.replace(table, columns=columns)


def field(schema: dict, name: str) -> dict:
    return next(field for field in schema["fields"] if field["name"] == name)


def test_the_package_of_a_valid_project_validates_with_every_table(site: Path) -> None:
    report = validate(site)
    assert report.valid, errors(report)
    assert [resource["name"] for resource in package(site)["resources"]] == list(TABLES)


def test_a_derived_table_is_published_when_the_sources_cite_its_file(tmp_path: Path) -> None:
    site = publish(copy_mini_project(tmp_path / "mini"), tmp_path / "site")
    report = validate(site)
    assert report.valid, errors(report)
    resources = {resource["name"]: resource for resource in package(site)["resources"]}
    assert list(resources) == [*TABLES, *REFERENCE_TABLES]
    lostarmour = REFERENCE_TABLES["lostarmour"]
    assert lostarmour.source_id in resources["lostarmour"]["description"]
    assert field(resources["lostarmour"]["schema"], "named_deaths")["type"] == "integer"


@pytest.mark.parametrize(
    ("table", "old", "new", "error"),
    [
        ("claims", ",interest,", ",rumour,", "constraint-error"),
        ("claims", ",False,doc,line 2,", ",False,elsewhere,line 2,", "foreign-key"),
        ("claims", "C1,russia_ukraine_2022,", "C1,some_other_war,", "foreign-key"),
        ("claims", "C2,russia_ukraine_2022,", "C1,russia_ukraine_2022,", "primary-key"),
        ("claims", "C5,russia_ukraine_2022,", "C5!,russia_ukraine_2022,", "constraint-error"),
        ("claims", ",from 52 countries,", f",{'from 52 countries ' * 12},", "constraint-error"),
        ("claims", ",52,52,exact,", ",-52,-52,exact,", "constraint-error"),
        ("units", ",legion,", ",navy,", "constraint-error"),
        ("units", "first,1st Battalion,", ",1st Battalion,", "constraint-error"),
    ],
)
def test_frictionless_finds_a_published_value_the_schema_forbids(
    site: Path, table: str, old: str, new: str, error: str
) -> None:
    path = site / datapackage.FOLDER / f"{table}.csv"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert (table, error) in [(name, kind) for name, kind, _ in errors(validate_table(site, table))]


def test_a_vocabulary_word_becomes_an_allowed_value() -> None:
    claims = TABLES["claims"]
    side = claims.column("side")
    words = MappingProxyType({**vocab.SIDE_2022, "neutral": "Neither side."})
    schema = datapackage.table_schema(
        with_column(claims, dataclasses.replace(side, vocabulary=words))
    )
    assert field(schema, "side")["constraints"]["enum"] == [*vocab.SIDE_2022, "neutral"]
    assert "enum" not in field(schema, "claimant").get("constraints", {})


def test_a_reference_column_becomes_a_foreign_key() -> None:
    claims = TABLES["claims"]
    before = datapackage.table_schema(claims)
    cited = Column("claimant", Kind.REFERENCE, "Who.", references="sources.source_id")
    same_table = Column("claimant", Kind.REFERENCE, "Who.", references="claims.claim_id")
    for column, resource in ((cited, "sources"), (same_table, "")):
        after = datapackage.table_schema(with_column(claims, column))
        added = [key for key in after["foreignKeys"] if key not in before["foreignKeys"]]
        assert added == [
            {
                "fields": ["claimant"],
                "reference": {"resource": resource, "fields": [column.references.split(".")[1]]},
            }
        ]


def test_keys_required_columns_and_dates_follow_the_declarations() -> None:
    schema = datapackage.table_schema(TABLES["claims"])
    assert schema["primaryKey"] == ["claim_id"]
    assert field(schema, "claim_id")["constraints"] == {
        "required": True,
        "unique": True,
        "pattern": ID_PATTERN,
    }
    assert field(schema, "note")["constraints"] == {"maxLength": TEXT_MAX_LENGTH}
    assert field(schema, "value_low")["type"] == "number"
    assert field(schema, "uncertain")["type"] == "boolean"
    assert [field(schema, f"stated_on_{end}")["type"] for end in ("start", "end")] == [
        "date",
        "date",
    ]
    assert "stated_on" not in [field["name"] for field in schema["fields"]]


def test_every_format_holds_the_clean_table(built: Published) -> None:
    project, folder = built.project, built.site / datapackage.FOLDER
    for name in TABLES:
        clean = load(name, project.data_dir)
        assert (folder / f"{name}.csv").read_bytes() == (project.clean / f"{name}.csv").read_bytes()
        parquet = pd.read_parquet(folder / f"{name}.parquet")  # dates come back in ms
        pd.testing.assert_frame_equal(parquet.astype(clean.dtypes.to_dict()), clean)
        records = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        dates = clean.select_dtypes("datetime").columns
        from_json = pd.DataFrame.from_records(records, columns=list(clean.columns))
        from_json[dates] = from_json[dates].apply(pd.to_datetime).astype("datetime64[s]")
        pd.testing.assert_frame_equal(from_json.astype(clean.dtypes.to_dict()), clean)


def test_the_same_data_publishes_the_same_bytes(built: Published, project: Project) -> None:
    """The module's package and one from the same data in another folder."""
    first, second = built.site, publish(project, project.root / "site")
    files = datapackage.published_files(project.data_dir)
    assert {name: (first / name).read_bytes() for name in files} == {
        name: (second / name).read_bytes() for name in files
    }
    for site, root in ((first, built.project.root), (second, project.root)):
        assert str(root) not in (site / datapackage.DESCRIPTOR).read_text(encoding="utf-8")


def test_published_files_names_every_file_written(built: Published) -> None:
    project, site = built.project, built.site
    written = sorted(str(path.relative_to(site)) for path in site.rglob("*") if path.is_file())
    assert sorted(datapackage.published_files(project.data_dir)) == written
    assert datapackage.published_files(project.data_dir)[0] == datapackage.DESCRIPTOR


def test_the_package_names_its_licence_version_and_sources(site: Path) -> None:
    described = package(site)
    assert [licence["name"] for licence in described["licenses"]] == ["CC-BY-4.0"]
    assert described["version"] == "v1"
    assert described["title"] == "Test title"
    assert [source["title"] for source in described["sources"]][1:] == [
        "A test document (Test Press)"
    ]
    assert "ffanalysis" in described["sources"][0]["title"]
    resources = {resource["name"]: resource for resource in described["resources"]}
    assert resources["claims"]["description"] == TABLES["claims"].meaning
    assert [alternate["path"] for alternate in resources["claims"]["alternates"]] == [
        "claims.parquet",
        "claims.json",
    ]
