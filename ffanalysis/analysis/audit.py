"""How much of the evidence the tables use: rows citing each source file, by table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..data.loading import load, load_reference
from ..data.registry import REFERENCE_TABLES
from ..data.schema import TABLES


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
            pd.Series({table.source_id: len(load_reference(name, data_dir))}, name=name)
            for name, table in REFERENCE_TABLES.items()
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
