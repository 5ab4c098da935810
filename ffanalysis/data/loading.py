"""`ff.load("claims")`: a clean table as a typed DataFrame, ready for analysis."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths
from .clean import clean_columns
from .registry import REFERENCE_TABLES
from .schema import TABLES


class UnknownTableError(KeyError):
    """Raised for a table name that is not in the schema."""

    def __str__(self) -> str:
        return str(self.args[0])


def load(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read data/clean/<name>.csv with the dtypes the schema declares.

    Vocabulary columns come back as ordered categoricals, figures as nullable floats and
    partial dates as a pair of datetime columns, `<column>_start` and `<column>_end`.
    """
    known = [*TABLES, *REFERENCE_TABLES]
    if name not in known:
        raise UnknownTableError(f"no table {name!r}; the tables are: {', '.join(known)}")
    data_dir = Path(data_dir) if data_dir is not None else paths.default_data_dir()
    dtypes = (
        dict(REFERENCE_TABLES[name].columns)
        if name in REFERENCE_TABLES
        else clean_columns(TABLES[name])
    )
    dates = [column for column, dtype in dtypes.items() if dtype == "datetime64[s]"]
    frame = pd.read_csv(
        paths.clean_dir(data_dir) / f"{name}.csv",
        dtype={column: dtype for column, dtype in dtypes.items() if column not in dates},
        keep_default_na=False,
        na_values=[""],
    )
    return frame.astype({column: "datetime64[s]" for column in dates})[list(dtypes)]


load.__doc__ = (load.__doc__ or "") + (
    "\n    Tables: " + ", ".join([*TABLES, *REFERENCE_TABLES]) + ".\n"
)


def load_reference(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """A reference table (`registry`), empty when the data folder's sources do not cite its
    file, so that a project without the list still runs."""
    data = Path(data_dir) if data_dir is not None else paths.default_data_dir()
    table = REFERENCE_TABLES[name]
    if (paths.clean_dir(data) / table.file_name).is_file():
        return load(name, data_dir)
    return table.empty()
