"""One cell's value as plain Python: missing or not, a float or None, text or None; a column
of text as plain Python; and a number as the report writes it.

pandas marks a missing value as None, NaN, NaT or NA depending on the column; every place
that turns one cell into a number, a sentence or JSON asks here, so all of them agree.
"""

from __future__ import annotations

from typing import Any, cast

import pandas as pd
import pyarrow as pa


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and NA (a string, even empty, is a value)."""
    if value is None:
        return True
    if isinstance(value, str):
        return False
    missing = pd.isna(cast(Any, value))
    return isinstance(missing, bool) and missing


def number_or_none(value: object) -> float | None:
    """The value as a plain float, None when missing (JSON-ready for `notebook.record`)."""
    return None if is_missing(value) else float(cast(Any, value))


def text_or_none(value: object) -> str | None:
    """The value as text, None when missing."""
    return None if is_missing(value) else str(value)


def text_or_empty(value: object) -> str:
    """The value as text, '' when missing (for a cell of a page or a log)."""
    return text_or_none(value) or ""


def texts(cells: pd.Series) -> list[str | None]:
    """A column of text as plain Python: each cell's text, None where it is missing.

    Checks that loop over a column in Python read it here. Arrow hands the cells over in one
    step; pandas' `tolist` costs several times as much once a cell is empty, and validation
    reads thousands of small columns.
    """
    return pa.array(cells.array, from_pandas=True).to_pylist()


def number(value: float, digits: int = 1) -> str:
    """20000 -> '20,000'; 13.333 -> '13.3'; whole numbers lose their decimals."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"
