"""How much of the evidence the tables use: rows citing each source file, by table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .clean import DERIVED_TABLES
from .loading import load
from .lostarmour import SOURCE_ID as LOSTARMOUR_SOURCE
from .schema import TABLES


def coverage(data_dir: Path | None = None) -> pd.DataFrame:
    """Rows per evidence file (index) and table (columns), with a total; every file listed."""
    sources = load("sources", data_dir)
    citing = [
        name
        for name, table in TABLES.items()
        if name != "sources" and "source_id" in table.column_names
    ]
    counts = pd.concat(
        [load(name, data_dir)["source_id"].value_counts().rename(name) for name in citing]
        + [
            pd.Series({LOSTARMOUR_SOURCE: len(load(name, data_dir))}, name=name)
            for name in DERIVED_TABLES
        ],
        axis=1,
    )
    return (
        sources[["source_id", "file"]]
        .join(counts, on="source_id")
        .drop(columns="source_id")
        .groupby("file")
        .sum()
        .astype(int)
        .assign(total=lambda frame: frame.sum(axis=1))
        .sort_values("total", ascending=False)
    )
