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
from pathlib import Path

import pandas as pd

from .problems import Problem, line_number
from .schema import TABLES
from .values import text_or_empty

REMOVED_ROW = "row"
"""The `field` of a correction that removed a whole row."""


def replay_problems(
    path: Path, corrections: pd.DataFrame, tables: Mapping[str, pd.DataFrame]
) -> list[Problem]:
    """Corrections that do not replay onto the data: an unknown row or column, a `before`
    that is not what the previous correction left, a last `after` that is not the value now.

    `corrections` and `tables` are raw frames indexed by line; empty cells are NaN.
    """
    corrected = set(corrections["table"].dropna())
    keyed = {
        name: _rows_by_key(name, frame)
        for name, frame in tables.items()
        if name in TABLES and name in corrected
    }
    found: list[Problem] = []
    left: dict[tuple[str, str, str], tuple[str, str]] = {}
    for line, correction in corrections.fillna("").iterrows():
        table, row_id, field = correction["table"], correction["row_id"], correction["field"]
        if table not in keyed or not row_id or not field:
            continue
        rows = keyed[table]
        if field == REMOVED_ROW:
            if row_id in rows.index:
                found.append(
                    Problem(
                        path,
                        line_number(line),
                        "row_id",
                        f"{row_id!r} was removed but is still in {table}.csv",
                    )
                )
            continue
        if field not in rows.columns:
            found.append(
                Problem(
                    path, line_number(line), "field", f"{field!r} is not a column of {table}.csv"
                )
            )
            continue
        if row_id not in rows.index:
            found.append(
                Problem(
                    path, line_number(line), "row_id", f"{row_id!r} is not a row of {table}.csv"
                )
            )
            continue
        cell = (table, row_id, field)
        if cell in left and left[cell][1] != correction["before"]:
            previous, value = left[cell]
            found.append(
                Problem(
                    path,
                    line_number(line),
                    "before",
                    f"{correction['before']!r} is not what correction {previous} left ({value!r})",
                )
            )
        left[cell] = (correction["correction_id"], correction["after"])
    for (table, row_id, field), (correction_id, after) in left.items():
        now = text_or_empty(keyed[table].loc[row_id, field])
        if now != after:
            line = corrections.index[corrections["correction_id"] == correction_id][0]
            found.append(
                Problem(
                    path,
                    line_number(line),
                    "after",
                    f"{after!r} is not the value of {field} in {table}.csv row {row_id} "
                    f"({now!r}); the corrections must replay onto the data",
                )
            )
    return found


def _rows_by_key(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    key = TABLES[table].key
    return frame.dropna(subset=[key]).drop_duplicates(key).set_index(key)
