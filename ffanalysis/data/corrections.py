"""The corrections log: every change to a curated row, checked against the data.

The log is kept beside the data, not instead of it: the raw tables hold the corrected values,
and `corrections.csv` says what each value was before, why it changed and which words of the
source support the change. Validation replays the log cell by cell, so a correction that was
made and not logged (or logged and not made) cannot slip through. The report's methods section
lists the corrections to the rows an edition uses (`corrections_log`); an edition as of an
earlier date keeps the corrected values, because a correction fixes how we read a source, not
what the source said.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .problems import Problem, line_number
from .schema import TABLES
from .values import texts

REMOVED_ROW = "row"
"""The `field` of a correction that removed a whole row."""


class _Entry(NamedTuple):
    """One correction of the log, its cells as text ('' where empty)."""

    line: int
    correction_id: str
    table: str
    row_id: str
    field: str
    before: str
    after: str


def replay_problems(
    path: Path, corrections: pd.DataFrame, tables: Mapping[str, pd.DataFrame]
) -> list[Problem]:
    """Corrections that do not replay onto the data: an unknown row or column, a `before`
    that is not what the previous correction left, a last `after` that is not the value now.

    `corrections` and `tables` are raw frames indexed by line; empty cells are NaN. The log
    is read once into plain text and each corrected table's rows are found by key: the replay
    is a walk down the log in Python, with no pandas operation per correction.
    """
    log = _entries(corrections)
    corrected = {entry.table for entry in log}
    keyed = {
        name: _rows_by_key(name, frame)
        for name, frame in tables.items()
        if name in TABLES and name in corrected
    }
    found: list[Problem] = []
    left: dict[tuple[str, str, str], tuple[str, str]] = {}
    for entry in log:
        table, row_id, field = entry.table, entry.row_id, entry.field
        if table not in keyed or not row_id or not field:
            continue
        rows = keyed[table]
        if field == REMOVED_ROW:
            if row_id in rows:
                found.append(
                    Problem(
                        path,
                        entry.line,
                        "row_id",
                        f"{row_id!r} was removed but is still in {table}.csv",
                    )
                )
            continue
        if field not in _fields(table, tables[table]):
            found.append(
                Problem(path, entry.line, "field", f"{field!r} is not a column of {table}.csv")
            )
            continue
        if row_id not in rows:
            found.append(
                Problem(path, entry.line, "row_id", f"{row_id!r} is not a row of {table}.csv")
            )
            continue
        cell = (table, row_id, field)
        if cell in left and left[cell][1] != entry.before:
            previous, value = left[cell]
            found.append(
                Problem(
                    path,
                    entry.line,
                    "before",
                    f"{entry.before!r} is not what correction {previous} left ({value!r})",
                )
            )
        left[cell] = (entry.correction_id, entry.after)
    return found + _afters_not_now(path, log, left, keyed, tables)


def _afters_not_now(
    path: Path,
    log: list[_Entry],
    left: dict[tuple[str, str, str], tuple[str, str]],
    keyed: dict[str, dict[str, int]],
    tables: Mapping[str, pd.DataFrame],
) -> list[Problem]:
    """The last `after` of each corrected cell (`left`: by cell, the correction and its value)
    that is not the cell's value now, reported on that correction's first line."""
    lines = {entry.correction_id: entry.line for entry in reversed(log)}

    @cache
    def column(table: str, field: str) -> list[str | None]:
        return texts(tables[table][field])

    found: list[Problem] = []
    for (table, row_id, field), (correction_id, after) in left.items():
        now = column(table, field)[keyed[table][row_id]] or ""
        if now != after:
            found.append(
                Problem(
                    path,
                    lines[correction_id],
                    "after",
                    f"{after!r} is not the value of {field} in {table}.csv row {row_id} "
                    f"({now!r}); the corrections must replay onto the data",
                )
            )
    return found


def _entries(corrections: pd.DataFrame) -> list[_Entry]:
    """The log's corrections in order, read once; its columns are named as `_Entry`'s fields."""
    cells = [texts(corrections[column]) for column in _Entry._fields[1:]]
    return [
        _Entry(line_number(line), *(cell or "" for cell in row))
        for line, *row in zip(corrections.index, *cells, strict=True)
    ]


def _rows_by_key(table: str, frame: pd.DataFrame) -> dict[str, int]:
    """The position of each key's row; the first, where a key repeats (a repeat is reported as
    a problem of its own)."""
    positions: dict[str, int] = {}
    for position, key in enumerate(texts(frame[TABLES[table].key])):
        if key is not None:
            positions.setdefault(key, position)
    return positions


def _fields(table: str, frame: pd.DataFrame) -> set[str]:
    """The columns a correction can change: all but the key, which names the row instead."""
    return set(frame.columns) - {TABLES[table].key}
