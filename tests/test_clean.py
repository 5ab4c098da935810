"""`ffanalysis clean`: typed tables, written only when the data is valid, atomically and the
same way every time."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ffanalysis as ff
from ffanalysis.data.clean import to_csv_text, write_clean
from ffanalysis.data.problems import DataError
from tests.conftest import Project


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file below `folder` (hidden ones too) with the sha256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_clean_writes_one_file_per_table(project: Project) -> None:
    written = write_clean(project.data_dir, project.shared_dir)
    assert sorted(path.name for path in written) == sorted(f"{name}.csv" for name in ff.TABLES)
    assert not list(project.clean.glob(".*")), "no temporary files are left behind"


def test_the_same_raw_data_gives_byte_identical_files(cleaned: Project) -> None:
    project = cleaned  # write_clean wrote its clean tables
    first = fingerprint(project.clean)
    for path in project.clean.iterdir():
        path.unlink()
    write_clean(project.data_dir, project.shared_dir)
    assert fingerprint(project.clean) == first


def test_an_unchanged_table_is_not_rewritten(cleaned: Project) -> None:
    project = cleaned  # write_clean wrote its clean tables
    assert write_clean(project.data_dir, project.shared_dir) == []


def test_a_failed_run_leaves_clean_byte_for_byte_as_it_was(cleaned: Project) -> None:
    project = cleaned  # write_clean wrote its clean tables
    before = fingerprint(project.clean)
    project.write("claims.csv", project.read("claims.csv").replace("20000,20000", "20000,1"))
    project.write("units.csv", project.read("units.csv").replace("legion", "army"))
    with pytest.raises(DataError) as failure:
        write_clean(project.data_dir, project.shared_dir)
    assert [problem.path.name for problem in failure.value.problems] == [
        "claims.csv",
        "claims.csv",
        "units.csv",
    ]
    assert fingerprint(project.clean) == before


def test_loaded_tables_are_typed(cleaned_project: Project) -> None:
    claims = ff.load("claims", cleaned_project.data_dir)
    assert isinstance(claims["metric"].dtype, pd.CategoricalDtype)
    assert claims["metric"].cat.ordered
    assert "volunteers_interested" in claims["metric"].cat.categories
    assert claims["value_low"].dtype == "Float64"
    assert claims["uncertain"].dtype == "boolean"
    assert "stated_on" not in claims.columns
    kyiv = claims.set_index("claim_id").loc["C1"]
    assert kyiv["stated_on_start"] == pd.Timestamp("2022-03-01")
    assert kyiv["stated_on_end"] == pd.Timestamp("2022-03-31")
    assert kyiv["value_high"] == 20000
    found = claims.set_index("claim_id").loc["C4"]
    assert pd.isna(found["value_low"])
    assert pd.isna(found["stated_on_start"])


def test_every_table_loads_with_the_columns_the_schema_declares(
    cleaned_project: Project,
) -> None:
    from ffanalysis.data.clean import clean_columns

    project = cleaned_project  # write_clean wrote its clean tables
    for name, table in ff.TABLES.items():
        frame = ff.load(name, project.data_dir)
        assert list(frame.columns) == list(clean_columns(table)), name
        assert len(frame) == len(pd.read_csv(project.raw / table.file_name)), name


def test_an_unknown_table_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="the tables are: sources, conflicts, claims"):
        ff.load("claim")


def pandas_csv_text(frame: pd.DataFrame) -> str:
    """What pandas writes for a clean table with the formats to_csv_text promises."""
    return frame.to_csv(
        index=False,
        lineterminator="\n",
        date_format="%Y-%m-%d",
        float_format=lambda number: f"{number:.15g}",
    )


TEXTS = st.text(alphabet=["a", "é", " ", ",", '"', "'", "\r", "\n"], max_size=4)


@given(st.data())
def test_csv_text_is_what_pandas_writes(data: st.DataObject) -> None:
    """Every clean dtype, missing values, and text that needs quoting."""
    rows = data.draw(st.integers(min_value=0, max_value=6))

    def column(values: st.SearchStrategy) -> list:
        return data.draw(st.lists(values | st.none(), min_size=rows, max_size=rows))

    days = column(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    frame = pd.DataFrame(
        {
            "text": pd.array(column(TEXTS), dtype="string"),
            "choice": pd.Categorical(column(st.sampled_from(["b", "a,b"])), ["b", "a,b"], True),
            "figure": pd.array(column(st.floats(min_value=0, max_value=1e20)), dtype="Float64"),
            "flag": pd.array(column(st.booleans()), dtype="boolean"),
            "day": pd.Series(pd.to_datetime(days), dtype="datetime64[s]"),
            "count": pd.array(column(st.integers(min_value=0, max_value=10**9)), dtype="Int64"),
        }
    )
    assert to_csv_text(frame) == pandas_csv_text(frame)
