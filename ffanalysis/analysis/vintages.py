"""What changed between two vintages of the data: `ffanalysis diff` and `ff.diff(a, b)`.

A vintage is either a git revision of the checkout (its committed `data/clean`) or an as-of
date (the current data cut to the rows stated by then). Between two vintages a row can be
added, changed (one line per column that differs) or retracted; and the report's key
findings can move. Rows are compared by their table's key, column by column as the clean
CSV writes them, so a change is shown exactly as the data holds it.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..data import asof, paths
from ..data.clean import clean_columns
from ..data.problems import ParameterError
from ..data.registry import REFERENCE_TABLES
from ..data.schema import TABLES

DATED_TABLES = ("claims", "historical", "casualties", "legal_stances", "units")
"""The tables an as-of date cuts (`edition.load_tables`); the others hold at every date."""

CHANGE_COLUMNS = ["table", "id", "change", "column", "before", "after"]


@dataclass(frozen=True)
class Vintage:
    """The data as it stood at a git revision (`revision`) or as of a date (`as_of`)."""

    label: str
    revision: str | None = None
    as_of: str = ""

    def tables(self, data_dir: Path) -> dict[str, pd.DataFrame]:
        """Every schema table of this vintage as text cells, indexed by the table's key."""
        stated = _stated_ids(self.as_of, data_dir) if self.as_of else {}
        return {name: self._table(name, data_dir, stated) for name in TABLES}

    def _table(self, name: str, data_dir: Path, stated: dict[str, set[str]]) -> pd.DataFrame:
        key = TABLES[name].key
        text = (
            _committed(self.revision, paths.clean_dir(data_dir) / f"{name}.csv")
            if self.revision
            else (paths.clean_dir(data_dir) / f"{name}.csv").read_text(encoding="utf-8")
        )
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        if self.as_of and name in DATED_TABLES:
            frame = frame.loc[frame[key].isin(stated[name])]
        return frame.set_index(key, drop=False)


def vintage(text: str, data_dir: Path | None = None) -> Vintage:
    """A vintage named on the command line: an as-of date (2023, 2023-06, 2023-06-30), or a
    git revision of the data's repository (a commit, a tag, HEAD~3); a ParameterError when it
    is neither."""
    try:
        return Vintage(label=f"as of {text}", as_of=asof.check_as_of(text))
    except ParameterError:
        pass
    data = data_dir if data_dir is not None else paths.default_data_dir()
    if _is_revision(text, paths.clean_dir(data)):
        return Vintage(label=f"revision {text}", revision=text)
    raise ParameterError(
        f"{text!r} is neither a date (2023, 2023-06, 2023-06-30) nor a git revision of the "
        "checkout (a commit, a tag, HEAD~1)"
    )


CURRENT = Vintage(label="the current data")


@dataclass(frozen=True)
class Edition:
    """The previous edition of the data: the last committed state of data/clean before the
    current one, with the day it was committed."""

    vintage: Vintage
    committed_on: str


def previous_edition(data_dir: Path) -> Edition | None:
    """The edition before the current data, from the data's git history: the last commit that
    changed data/clean if the current data differs from it, else the one before. None when
    the data is not in a git repository or has no earlier state. It depends on the history
    alone, never on what was built before, so the same inputs give the same report."""
    clean = paths.clean_dir(data_dir)
    history = (_git(clean, "log", "--format=%H %cs", "-n", "2", "--", ".") or "").split()
    commits = list(zip(history[::2], history[1::2], strict=True))
    if not commits:
        return None
    unchanged = _git(clean, "diff", "--quiet", commits[0][0], "--", ".") is not None
    earlier = commits[1:] if unchanged else commits
    if not earlier:
        return None
    revision, day = earlier[0]
    return Edition(Vintage(label=f"the edition of {day}", revision=revision), day)


def diff(
    before: str | Vintage, after: str | Vintage = CURRENT, data_dir: Path | str | None = None
) -> pd.DataFrame:
    """The rows added, changed and retracted from `before` to `after` (each a date, a git
    revision or a Vintage): one row per added or retracted row, one per changed column."""
    data = Path(data_dir) if data_dir is not None else paths.default_data_dir()
    old, new = (v if isinstance(v, Vintage) else vintage(v, data) for v in (before, after))
    old_tables, new_tables = old.tables(data), new.tables(data)
    frames = [
        _table_changes(name, old_tables[name], new_tables[name])
        for name in TABLES
    ]  # fmt: skip
    return pd.concat(frames, ignore_index=True)[CHANGE_COLUMNS]


def moved_findings(before: Vintage, after: Vintage, data_dir: Path) -> list[str]:
    """The report's key findings whose figure differs between the vintages, in words
    ('foreigners killed, by Moscow's count: about 2,000 → about 2,500')."""
    old, new = (_findings(vintage_, data_dir) for vintage_ in (before, after))
    return [
        f"{sentence}: {old.get(sentence, 'not stated')} → {figure}"
        for sentence, figure in new.items()
        if old.get(sentence) != figure
    ] + [
        f"{sentence}: {figure} → no longer stated"
        for sentence, figure in old.items()
        if sentence not in new
    ]


def _findings(of: Vintage, data_dir: Path) -> dict[str, str]:
    """Key finding (its kind and what it counts) → its figure, for one vintage."""
    from ..data.edition import load_tables
    from .key_findings import key_findings

    with tempfile.TemporaryDirectory(prefix="ffanalysis-vintage-") as folder:
        data = data_dir
        if of.revision:
            data = Path(folder)
            clean = paths.clean_dir(data)
            clean.mkdir(parents=True)
            for path in paths.clean_dir(data_dir).glob("*.csv"):
                _as_today(path.stem, _committed(of.revision, path)).to_csv(
                    clean / path.name, index=False
                )
        found = key_findings(load_tables(data, of.as_of))
    return {_PARENTHESES.sub("", finding.sentence): finding.figure for finding in found}


_PARENTHESES = re.compile(r" \([^)]*\)")
"""A finding's asides (its dates, 'a partisan source'): not what makes it the same finding."""


def _as_today(name: str, text: str) -> pd.DataFrame:
    """An older clean table in today's columns, the ones it lacked empty, so today's analysis
    can read it (a column since removed is dropped)."""
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    columns = (
        list(REFERENCE_TABLES[name].columns)
        if name in REFERENCE_TABLES
        else list(clean_columns(TABLES[name]))
        if name in TABLES
        else list(frame.columns)
    )
    return frame.reindex(columns=columns, fill_value="")


def summary(
    changes: pd.DataFrame, label: Callable[[str], str] = str, *, columns: bool = True
) -> list[str]:
    """One line per table that changed, named by `label`: how many rows were added, changed
    and retracted (and, with `columns`, columns added or removed)."""
    kinds = ["added", "changed", "retracted"] + (
        ["column added", "column removed"] if columns else []
    )
    lines = []
    for table, rows in changes.loc[changes["change"].isin(kinds)].groupby("table", sort=False):
        counted = rows.assign(what=rows["id"].fillna(rows["column"]))
        counts = counted.drop_duplicates(["what", "change"])["change"].value_counts()
        words = [
            f"{counts[change]} {_rows(change, counts[change])}"
            for change in kinds
            if change in counts
        ]
        lines.append(f"{label(str(table))}: {', '.join(words)}")
    return lines


def change_lines(changes: pd.DataFrame) -> list[str]:
    """Each change as a tab-separated line: table, change, row id (or column), and for a
    changed cell its column, old and new value."""
    lines = []
    for row in changes.to_dict("records"):
        name = row["id"] if isinstance(row["id"], str) else row["column"]
        cell = f"{row['column']}: {row['before']!r} -> {row['after']!r}"
        what = cell if row["change"] == "changed" else ""
        lines.append(f"{row['table']}\t{row['change']}\t{name}\t{what}".rstrip())
    return lines


def _rows(change: str, count: int) -> str:
    if change.startswith("column"):
        return change.replace("column", "column" if count == 1 else "columns")
    return f"{'row' if count == 1 else 'rows'} {change}"


def _table_changes(name: str, old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """One table's changes: its added and retracted columns and rows, and each changed cell
    (a column the older vintage lacks counts as empty there)."""
    kept = new.index.intersection(old.index)
    shared = [column for column in new.columns if column in old.columns]
    widened = old.reindex(columns=[*shared, *new.columns.difference(old.columns)], fill_value="")
    cells = (
        _long(widened.loc[kept])
        .merge(
            _long(new.loc[kept, widened.columns]),
            on=["id", "column"],
            suffixes=(":before", ":after"),
        )
        .rename(columns={"value:before": "before", "value:after": "after"})
    )
    rows: list[pd.DataFrame] = [
        pd.DataFrame({"column": new.columns.difference(old.columns), "change": "column added"}),
        pd.DataFrame({"column": old.columns.difference(new.columns), "change": "column removed"}),
        pd.DataFrame({"id": new.index.difference(old.index), "change": "added"}),
        cells.loc[cells["before"] != cells["after"]].assign(change="changed"),
        pd.DataFrame({"id": old.index.difference(new.index), "change": "retracted"}),
    ]
    return pd.concat(rows, ignore_index=True).assign(table=name).reindex(columns=CHANGE_COLUMNS)


def _long(frame: pd.DataFrame) -> pd.DataFrame:
    """A table as one row per (id, column, value)."""
    return (
        frame.set_axis(frame.index.rename("id"))
        .reset_index()
        .melt(id_vars="id", var_name="column", value_name="value")
    )


def _stated_ids(as_of: str, data_dir: Path) -> dict[str, set[str]]:
    """The ids of the rows of each dated table stated by `as_of` (the chapters' own cut),
    from one loading of the tables."""
    from ..data.edition import load_tables

    tables = load_tables(data_dir, as_of)
    return {name: set(getattr(tables, name)[TABLES[name].key].astype(str)) for name in DATED_TABLES}


def _committed(revision: str | None, path: Path) -> str:
    """The file as committed at `revision`; no rows where it did not exist."""
    shown = _git(path.parent, "show", f"{revision}:./{path.name}")
    return shown if shown is not None else _header_only(path)


def _header_only(path: Path) -> str:
    with path.open(encoding="utf-8") as current:
        return current.readline()


def _is_revision(text: str, folder: Path) -> bool:
    return _git(folder, "rev-parse", "--verify", "--quiet", f"{text}^{{commit}}") is not None


def _git(folder: Path, *arguments: str) -> str | None:
    """git's output in `folder`, or None when the command fails (or there is no git)."""
    try:
        done = subprocess.run(
            ["git", *arguments],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
