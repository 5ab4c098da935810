"""Where a number comes from, for an analyst at work: `ff.evidence("L0005, R0026")`.

The report's notes answer this for readers; here the same answer is a DataFrame, for the
question asked in a notebook or a console: which table holds the row, the figure in words, who
stated it and when, who reported it, which source we read it in, where in it, and the quote.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..data.loading import load
from ..data.schema import TABLES
from ..data.values import is_missing, number_or_none, text_or_empty
from .text import figure_text, period_text

QUOTED_TABLES = ("claims", "historical", "casualties", "legal_stances", "units")
"""The tables whose rows carry a source, a locator and a quote."""

COLUMNS = [
    "table",
    "id",
    "figure",
    "claimant",
    "stated",
    "reported_by",
    "source",
    "publisher",
    "locator",
    "quote",
]


def evidence(
    ids: str | Iterable[str], table: str | None = None, data_dir: Path | str | None = None
) -> pd.DataFrame:
    """The rows behind `ids` — 'L0005, R0026', a list, or a frame's id column — one per row
    found, in the order asked for; a KeyError names every id that no table holds.

    Ids are unique within a table, not across tables (a claim and a death may both be
    'L0005'): each table that holds an id gives its row, unless `table` names the one to use.
    """
    if table is not None and table not in QUOTED_TABLES:
        raise KeyError(f"table must be one of {', '.join(QUOTED_TABLES)}; got {table!r}")
    wanted = list(dict.fromkeys(_ids(ids)))
    sources = load("sources", data_dir).set_index("source_id")
    found = pd.concat(
        [
            _rows(name, load(name, data_dir), wanted, sources)
            for name in ([table] if table else QUOTED_TABLES)
        ],
        ignore_index=True,
    )
    missing = [row_id for row_id in wanted if row_id not in set(found["id"])]
    if missing:
        raise KeyError(f"no row has the id(s) {', '.join(missing)}")
    order = {row_id: position for position, row_id in enumerate(wanted)}
    return found.sort_values("id", key=lambda column: column.map(order), kind="stable").reset_index(
        drop=True
    )


def _ids(ids: str | Iterable[str]) -> list[str]:
    """Ids from a comma-separated string or any iterable of strings (cells may hold several)."""
    cells = [ids] if isinstance(ids, str) else [text_or_empty(cell) for cell in ids]
    return [part.strip() for cell in cells for part in cell.split(",") if part.strip()]


def _rows(name: str, table: pd.DataFrame, wanted: list[str], sources: pd.DataFrame) -> pd.DataFrame:
    key = TABLES[name].key
    rows = table.loc[table[key].astype("string").isin(wanted)]
    source = rows["source_id"].map(sources["title"])
    return pd.DataFrame(
        {
            "table": name,
            "id": rows[key].astype("string"),
            "figure": [_figure(row) for row in rows.to_dict("records")],
            "claimant": _column(rows, "claimant"),
            "stated": [_stated(row) for row in rows.to_dict("records")],
            "reported_by": _column(rows, "reported_by"),
            "source": source.astype("string"),
            "publisher": rows["source_id"].map(sources["publisher"]).astype("string"),
            "locator": rows["locator"].astype("string"),
            "quote": rows["quote"].astype("string"),
        },
        columns=COLUMNS,
    )


def _column(rows: pd.DataFrame, name: str) -> pd.Series:
    if name in rows:
        return rows[name].astype("string")
    return pd.Series(pd.NA, index=rows.index, dtype="string")


def _figure(row: dict) -> str | None:
    if "qualifier" not in row or is_missing(row["qualifier"]):
        return None
    low, high = number_or_none(row["value_low"]), number_or_none(row["value_high"])
    return figure_text(low, high, str(row["qualifier"]), row.get("hedge"))


def _stated(row: dict) -> str | None:
    for column in ("stated_on", "died_on", "formed"):
        start, end = row.get(f"{column}_start"), row.get(f"{column}_end")
        if not (is_missing(start) or is_missing(end)):
            return period_text(start, end)
    return None
