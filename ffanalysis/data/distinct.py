"""Work done once per distinct value of a column: tables repeat the same dates, country
codes, numbers and quotes from row to row, so a per-value step in Python or a costly
conversion runs on the few distinct values and is spread back over the rows."""

from collections.abc import Callable

import pandas as pd
from pandas.api.extensions import take


def per_distinct(cells: pd.Series, convert: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """`convert` applied once to each distinct value of `cells`, spread back over the cells.

    `convert` gets the distinct values as a Series and returns one result for each; missing
    cells come back missing (NaN, NaT or NA, as the result's dtype has it).
    """
    codes, distinct = pd.factorize(cells)
    results = convert(pd.Series(distinct))
    return pd.Series(
        take(results.array, codes, allow_fill=True), index=cells.index, name=cells.name
    )
