"""What a table derived from a reference file declares: its source, columns, reader and checks.

Most tables are curated by hand in data/raw. A reference table is read instead from a file in
the shared reference folder that one source cites (the LostArmour named-deaths counts, say).
Each is declared once as a `ReferenceTable` in its own module and listed in `registry`; every
step that handles tables (validation, cleaning, loading, the data dictionary, the audit, the
chapters, the site) reads the declaration, and none names a particular list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .problems import Problem
from .values import texts


def cited_files(sources: pd.DataFrame) -> dict[str, str]:
    """The file each source cites, by source_id (its first row, where an id repeats; a repeat
    is a problem of its own)."""
    files: dict[str, str] = {}
    for source, file in zip(texts(sources["source_id"]), texts(sources["file"]), strict=True):
        if source is not None and file is not None:
            files.setdefault(source, file)
    return files


def _nothing_more() -> str:
    return ""


def _no_values(frame: pd.DataFrame) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class ReferenceTable:
    """One clean table built from the reference file that source `source_id` cites."""

    name: str
    source_id: str
    meaning: str
    """What the table holds and how far to trust it, for the data dictionary."""
    columns: Mapping[str, Any]
    """The clean table's columns and their dtypes, in order."""
    meanings: Mapping[str, str]
    """What each column means, for the data dictionary."""
    read: Callable[[Path], pd.DataFrame]
    """The reference file as the clean table (call after `problems` found none)."""
    problems: Callable[[Path], list[Problem]]
    """What in the reference file the reader cannot read, as `path:line: column` problems."""
    notes: Callable[[], str] = field(default=_nothing_more)
    """Further Markdown for the data dictionary (how labels are read)."""
    report_values: Callable[[pd.DataFrame], dict[str, str]] = field(default=_no_values)
    """Values the report's methods text states about the table, by placeholder name."""
    label: str = ""
    """What a reader calls the table ("LostArmour's list")."""
    deaths_side: str | None = None
    """For a list of the dead it names (`named_deaths` per `country`), the side they fought on:
    the key findings, the country pages and the overview of small countries count it as a
    floor. None for any other table."""
    keeper: str = ""
    """Who keeps a list of the dead ("LostArmour"), as a table's heading names it."""

    def __post_init__(self) -> None:
        if set(self.columns) != set(self.meanings):
            differing = sorted(set(self.columns) ^ set(self.meanings))
            raise ValueError(f"{self.name}: columns and meanings differ on {differing}")
        if self.deaths_side and not {"country", "named_deaths"} <= set(self.columns):
            raise ValueError(f"{self.name}: a list of deaths needs country and named_deaths")
        if self.deaths_side and not self.keeper:
            raise ValueError(f"{self.name}: a list of deaths needs its keeper")

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    def path(self, sources: pd.DataFrame, shared_dir: Path) -> Path | None:
        """Where the reference file is, as sources.csv cites it (None if it does not)."""
        file = cited_files(sources).get(self.source_id)
        return None if file is None else shared_dir / file

    def empty(self) -> pd.DataFrame:
        """The table with no rows, for a data folder that does not cite the file."""
        return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in self.columns.items()})
