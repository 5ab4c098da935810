"""From validated raw text to typed, normalised tables, and the files of data/clean.

The clean tables are what the analysis reads. They are written only after validation passes,
each file atomically, and deterministically: the same raw data gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.extensions import ExtensionArray

from . import paths
from .atomic import write_atomically
from .dates import parse_partial_date
from .kinds import KINDS, Kind
from .problems import DataError, Problem
from .registry import REFERENCE_TABLES
from .schema import TABLES, Table

START, END = "_start", "_end"
"""Suffixes of the two columns a partial date becomes: the first and last day it can mean."""


def clean_columns(table: Table) -> dict[str, Any]:
    """The clean table's columns and their pandas dtypes (`kinds`), in order."""
    columns: dict[str, Any] = {}
    for column in table.columns:
        dtype = KINDS[column.kind].clean_type(column)
        if column.kind is Kind.DATE:
            columns[column.name + START] = columns[column.name + END] = dtype
        else:
            columns[column.name] = dtype
    return columns


def to_clean(table: Table, raw: pd.DataFrame) -> pd.DataFrame:
    """The typed, normalised form of a validated raw table, sorted by its key.

    Each column goes straight to its clean dtype and the frame is built once: on a table of
    a few rows, pandas' fixed cost per operation is most of the work.
    """
    typed: dict[str, Any] = {}
    for column in table.columns:
        cells = raw[column.name]
        dtype = KINDS[column.kind].clean_type(column)
        if column.kind is Kind.DATE:
            typed[column.name + START], typed[column.name + END] = _date_bounds(cells, dtype)
        elif column.kind is Kind.BOOLEAN:
            typed[column.name] = _flags(cells)
        else:
            typed[column.name] = cells.array.astype(dtype)
    return pd.DataFrame(typed).sort_values(table.key, ignore_index=True)


def _date_bounds(cells: pd.Series, dtype: Any) -> tuple[ExtensionArray, ExtensionArray]:
    """The first and last day of each partial date as `dtype`, missing where the cell is.

    Tables repeat dates from row to row, so each distinct date is parsed once, for both days.
    """
    codes, distinct = pd.factorize(cells)
    days = np.array([parse_partial_date(text) for text in distinct], dtype).reshape(-1, 2)
    first, last = (pd.array(day).take(codes, allow_fill=True) for day in days.T)
    return first, last


def _flags(cells: pd.Series) -> pd.arrays.BooleanArray:
    """'true' and 'false' as booleans, missing cells missing."""
    return pd.arrays.BooleanArray(cells.eq("true").to_numpy(bool), cells.isna().to_numpy())


def clean_tables(raw_tables: dict[str, pd.DataFrame], shared_dir: Path) -> dict[str, pd.DataFrame]:
    """Every table in its clean form, the reference tables whose file sources.csv cites
    included."""
    tables = {name: to_clean(TABLES[name], raw) for name, raw in raw_tables.items()}
    for reference in REFERENCE_TABLES.values():
        path = reference.path(raw_tables["sources"], shared_dir)
        if path is not None:
            tables[reference.name] = reference.read(path)
    return tables


def to_csv_text(frame: pd.DataFrame) -> str:
    """The one CSV form of a clean table: fixed column order, ISO dates, no float noise.

    The text `frame.to_csv(index=False, lineterminator="\n")` writes with those formats
    (quoting as the csv module does, missing values empty) for a frame of two or more
    columns, built a column at a time in Arrow rather than a cell at a time (and not in
    pandas, whose every operation costs more on a table of a few rows than the Arrow kernel
    it wraps).
    """
    header = _csv_fields(pa.array(frame.columns.astype(str), pa.string()))
    fields = [_csv_column(_arrow(cells)) for _, cells in frame.items()]
    rows = pc.binary_join_element_wise(*fields, ",", null_handling="replace")
    return "\n".join([",".join(header.to_pylist()), *rows.to_pylist()]) + "\n"


def _arrow(cells: pd.Series) -> pa.Array:
    """A column as one Arrow array (pandas may keep text in several)."""
    values = pa.array(cells.array)
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _csv_column(values: pa.Array) -> pa.Array:
    """A column as CSV fields, missing cells null.

    Tables repeat dates, codes, numbers and quotes from row to row, so each distinct value is
    formatted and quoted once and spread back over the rows; a categorical column is held
    that way already.
    """
    encoded = values if pa.types.is_dictionary(values.type) else values.dictionary_encode()
    return _csv_fields(_cell_text(encoded.dictionary)).take(encoded.indices)


def _cell_text(values: pa.Array) -> pa.Array:
    """Each value, none missing, as to_csv writes it: dates as ISO days, numbers with at most
    15 digits, flags as True and False, the rest (text, counts) as str does."""
    if pa.types.is_timestamp(values.type):
        return pc.strftime(values, "%Y-%m-%d")
    if pa.types.is_floating(values.type):
        return pa.array([f"{number:.15g}" for number in values.to_pylist()], pa.string())
    if pa.types.is_boolean(values.type):
        return pc.if_else(values, "True", "False")
    return pc.cast(values, pa.string())


def _csv_quoting_characters() -> str:
    """The characters that make the csv module quote a field, as this Python writes CSV.

    Probed rather than listed: whether a lone carriage return is quoted depends on the version.
    """

    def quoted(character: str) -> bool:
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow([f"a{character}", "b"])
        return line.getvalue().startswith('"')

    return "".join(filter(quoted, ',"\r\n'))


_QUOTING = f"[{re.escape(_csv_quoting_characters())}]"


def _csv_fields(text: pa.Array) -> pa.Array:
    """Text as CSV fields: quoted, with '"' doubled, where the csv module would quote it."""
    needs_quotes = pc.match_substring_regex(text, _QUOTING)
    if not pc.any(needs_quotes).as_py():
        return text
    doubled = pc.replace_substring(text, '"', '""')
    quoted = pc.binary_join_element_wise('"', doubled, '"', "")
    return pc.if_else(needs_quotes, quoted, text)


Checks = Callable[[dict[str, pd.DataFrame], dict[str, pd.DataFrame], Path], list[Problem]]
"""Checks of the clean tables as a whole (raw tables, clean tables, data folder -> problems)."""


def write_clean(
    data_dir: Path, shared_dir: Path | None = None, checks: Checks | None = None
) -> list[Path]:
    """Validate data_dir/raw and, only if it passes (and `checks` find nothing), write
    data_dir/clean; return the changed files (a reference table whose source sources.csv no
    longer cites is removed, so nothing reads a list the data has dropped).

    Raises DataError (writing nothing) when validation or `checks` fail: the build passes
    `guards.problems`, so a number that cannot be true never reaches data/clean.
    """
    from .validation import validate  # here: loading clean tables never needs the validator

    shared_dir = shared_dir or paths.default_shared_dir(data_dir)
    raw = validate(data_dir, shared_dir)
    tables = clean_tables(raw, shared_dir)
    found = checks(raw, tables, data_dir) if checks else []
    if found:
        raise DataError(found)
    target = paths.clean_dir(data_dir)
    target.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, frame in tables.items():
        path = target / f"{name}.csv"
        text = to_csv_text(frame)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_atomically(path, text)
            changed.append(path)
    for name in REFERENCE_TABLES.keys() - tables.keys():  # its source no longer cited
        stale = target / REFERENCE_TABLES[name].file_name
        if stale.is_file():
            stale.unlink()
            changed.append(stale)
    return changed
