"""per_distinct: one conversion per distinct value, spread back over every row."""

from __future__ import annotations

import pandas as pd

from ffanalysis.data.distinct import per_distinct


def test_each_distinct_value_is_converted_once_and_missing_cells_stay_missing() -> None:
    seen: list[list[str]] = []

    def lengths(values: pd.Series) -> pd.Series:
        seen.append(values.tolist())
        return values.str.len().astype(float)

    cells = pd.Series(["ab", None, "c", "ab"], index=[4, 5, 7, 9], dtype="str", name="cell")
    expected = pd.Series([2.0, None, 1.0, 2.0], index=cells.index, dtype=float, name="cell")
    pd.testing.assert_series_equal(per_distinct(cells, lengths), expected)
    assert seen == [["ab", "c"]]


def test_the_result_keeps_the_conversions_dtype() -> None:
    cells = pd.Series(["2022-03", None], dtype="str")
    days = per_distinct(cells, lambda texts: pd.to_datetime(texts).astype("datetime64[s]"))
    assert days.dtype == "datetime64[s]"
    assert days.isna().tolist() == [False, True]
