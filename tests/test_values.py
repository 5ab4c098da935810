"""One cell's value as plain Python: every kind of missing is missing, and only those."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ffanalysis.data.values import is_missing, number_or_none, text_or_empty, text_or_none


@pytest.mark.parametrize("value", [None, np.nan, np.float64("nan"), pd.NA, pd.NaT])
def test_every_kind_of_missing_is_missing(value: object) -> None:
    assert is_missing(value)
    assert number_or_none(value) is None
    assert text_or_none(value) is None
    assert text_or_empty(value) == ""


@pytest.mark.parametrize("value", ["", "x", 0, 0.0, np.int64(3), pd.Timestamp("2022-03-01")])
def test_a_present_value_is_not_missing(value: object) -> None:
    assert not is_missing(value)


def test_numbers_come_back_as_plain_floats() -> None:
    assert number_or_none(np.int64(3)) == 3.0
    assert type(number_or_none(np.float64(2.5))) is float
