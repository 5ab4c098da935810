"""The committed project: its data passes, data/clean and the data dictionary are current,
and the conda environment lists what pyproject.toml does."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from ffanalysis.data.clean import clean_tables, to_csv_text
from ffanalysis.data.dictionary import data_dictionary
from ffanalysis.data.validation import check_data
from tests.helpers import SHARED, needs_shared

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def raw_tables():
    tables, problems = check_data(DATA, SHARED)
    assert [str(problem) for problem in problems] == []
    return tables


@needs_shared
def test_the_committed_data_is_valid(raw_tables) -> None:
    assert all(len(frame) for frame in raw_tables.values())


@needs_shared
def test_data_clean_is_in_sync_with_data_raw(raw_tables) -> None:
    for name, frame in clean_tables(raw_tables, SHARED).items():
        committed = (DATA / "clean" / f"{name}.csv").read_text(encoding="utf-8")
        assert committed == to_csv_text(frame), (
            f"data/clean/{name}.csv is out of date: run `ffanalysis clean`"
        )


def test_the_data_dictionary_is_current() -> None:
    committed = (ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == data_dictionary(), (
        "docs/data_dictionary.md is out of date: run `ffanalysis dictionary --write "
        "docs/data_dictionary.md`"
    )


def _requirement_name(requirement: str) -> tuple[str, str]:
    """('pandas', '>=2.2') from 'pandas>=2.2', names normalised as pip does."""
    name, specifier = re.match(r"([A-Za-z0-9_.\-]+)\s*(.*)", requirement.strip()).groups()
    return re.sub(r"[-_.]+", "-", name).lower(), specifier.replace(" ", "")


def test_environment_yml_lists_the_same_dependencies_as_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + [
        requirement for extra in project["optional-dependencies"].values() for requirement in extra
    ]
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [entry for entry in environment["dependencies"] if isinstance(entry, str)]
    pip = next(entry["pip"] for entry in environment["dependencies"] if isinstance(entry, dict))
    python = next(entry for entry in conda if entry.startswith("python"))
    assert python == f"python={project['requires-python'].removeprefix('>=')}"
    listed = [entry for entry in conda if not entry.startswith(("python", "pip"))]
    assert sorted(map(_requirement_name, listed)) == sorted(map(_requirement_name, declared))
    assert pip == ["--editable ."]


def test_the_lock_pins_every_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + [
        requirement for extra in project["optional-dependencies"].values() for requirement in extra
    ]
    pinned = dict(
        _requirement_name(line)
        for line in (ROOT / "requirements.lock").read_text().splitlines()
        if line and not line.startswith("#")
    )
    for name, _ in map(_requirement_name, declared):
        assert pinned.get(name, "").startswith("=="), f"{name} is not pinned in requirements.lock"


def test_importing_the_package_loads_no_heavy_library() -> None:
    """`import ffanalysis` stays cheap: pandas and the plotting stack wait until used."""
    code = (
        "import sys, ffanalysis; "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'matplotlib', 'seaborn', 'numpy') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@needs_shared
def test_every_evidence_file_has_rows() -> None:
    from ffanalysis.analysis.audit import coverage

    table = coverage(DATA)
    evidence = sorted(
        f"{folder}/{path.name}"
        for folder in ("sources", "reference")
        for path in (SHARED / folder).iterdir()
        if path.name != "README.md"
    )
    assert sorted(table.index) == evidence
    assert (table["total"] > 0).all(), table["total"].to_dict()


def test_loading_a_clean_table_does_not_import_the_validator() -> None:
    """Notebooks load clean tables in every kernel; they never validate."""
    code = (
        "import sys, ffanalysis as ff; ff.load('claims'); "
        "print('ffanalysis.data.validation' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False"]


def test_the_citation_file_names_this_version_and_the_report_s_licence() -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert citation["version"] == project["version"]
    assert project["license"] in citation["license"] and "CC-BY-4.0" in citation["license"]
    page = (ROOT / "ffanalysis" / "presentation" / "templates" / "page" / "page.html").read_text(
        encoding="utf-8"
    )
    assert "CC BY 4.0" in page
