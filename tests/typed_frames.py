"""Small typed tables for the analysis tests, written as a few lines of raw-like CSV.

A test names only the columns it needs; the rest are empty. The text goes through the same
`to_clean` as data/raw does, so the frames have exactly the dtypes `ff.load` gives.
"""

from __future__ import annotations

import io
import textwrap

import pandas as pd

from ffanalysis.data import vocab
from ffanalysis.data.clean import to_clean
from ffanalysis.data.schema import TABLES

FIGURE_DEFAULTS = {"side": "ukraine", "country": "ALL", "unit": "persons", "source_id": "doc"}
"""What a claim row is unless the test says otherwise: all volunteers for Ukraine, in persons."""


def table(name: str, rows: str, **defaults: str) -> pd.DataFrame:
    """The clean form of table `name` from CSV text; `defaults` fill its empty cells."""
    schema = TABLES[name]
    raw = pd.read_csv(
        io.StringIO(textwrap.dedent(rows)), dtype=str, keep_default_na=False, na_values=[""]
    )
    clean = to_clean(schema, raw.reindex(columns=schema.column_names).astype(object))
    return _usual_counts(clean.fillna(defaults))


def _usual_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Figure rows whose test leaves `counts` empty count what their metric usually counts;
    rows of other tables are as they are. Flags left empty are false."""
    if "counts" in frame.columns:
        usual = (
            frame["metric"]
            .astype(str)
            .map(lambda metric: (vocab.METRIC_COUNTS.get(metric) or ("not_people",))[0])
        )
        frame = frame.assign(counts=frame["counts"].fillna(usual.where(frame["metric"].notna())))
    for flag in ("uncertain", "partisan"):
        if flag in frame.columns:
            frame = frame.assign(**{flag: frame[flag].fillna(False)})
    return frame


def claims(rows: str) -> pd.DataFrame:
    """Claims, with `FIGURE_DEFAULTS` where a cell is empty."""
    return table("claims", rows, **FIGURE_DEFAULTS)
