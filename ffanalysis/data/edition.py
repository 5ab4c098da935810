"""The clean tables as of a date: the edition every chapter, the site and the API read.

One function cuts every table the same way (`asof`), so a chapter, a country page and
`ff.tables` run with the same date cannot see different rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import asof
from .asof import as_of as rows_as_of
from .loading import load, load_reference
from .registry import REFERENCE_TABLES


@dataclass(frozen=True)
class Tables:
    """The clean tables, cut to the rows stated by the chapter's date.

    `sources` and `conflicts` are never cut: sources are needed to name every row, and a war's
    dates are the frame the figures are read in, not figures themselves. Each reference table
    (`registry`) is in `references` and reads as an attribute too: `tables.lostarmour`.
    """

    sources: pd.DataFrame
    conflicts: pd.DataFrame
    claims: pd.DataFrame
    historical: pd.DataFrame
    casualties: pd.DataFrame
    legal_stances: pd.DataFrame
    units: pd.DataFrame
    references: dict[str, pd.DataFrame]
    as_of: str

    def __getattr__(self, name: str) -> pd.DataFrame:
        references = self.__dict__.get("references", {})
        if name in references:
            return references[name]
        raise AttributeError(f"no table {name!r}")


def check_as_of(as_of: object) -> str:
    """The notebook's `as_of` as `asof.check_as_of` reads it (one rule for the command line,
    the notebooks and the API); a ValueError that names the parameter and the forms."""
    try:
        return asof.check_as_of(as_of)
    except ValueError as error:
        raise ValueError(f"as_of: {error}") from None


def load_tables(data_dir: Path | str | None, as_of: object) -> Tables:
    """Every table from `data_dir`/clean (the project's data/ when None), as of `as_of`.

    A reference table's rows count as stated when its source was published, like any other
    row; a data folder without one gives it empty rather than an error. Historical figures are cut
    by their own statement dates only (`asof`): the page we read them on is not when they
    became known.
    """
    as_of = check_as_of(as_of)
    sources = load("sources", data_dir)

    def cut(frame: pd.DataFrame, *, dated_by_page: bool = True) -> pd.DataFrame:
        return rows_as_of(frame, sources, as_of, dated_by_page=dated_by_page).reset_index(drop=True)

    return Tables(
        sources=sources,
        conflicts=load("conflicts", data_dir),
        claims=cut(load("claims", data_dir)),
        historical=cut(load("historical", data_dir), dated_by_page=False),
        casualties=cut(load("casualties", data_dir)),
        legal_stances=cut(load("legal_stances", data_dir)),
        units=cut(load("units", data_dir)),
        references={
            name: cut(load_reference(name, data_dir).assign(source_id=table.source_id))
            for name, table in REFERENCE_TABLES.items()
        },
        as_of=as_of,
    )
