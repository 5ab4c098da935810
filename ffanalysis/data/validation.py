"""Validation of data/raw: every problem of every file, each as `path:line: column: message`.

Three layers, each reading the declarations in `schema`:
1. structure (`csvfile`): encoding, quoting, header, field counts;
2. cells and rows (the checks each column's kind implies, from `kinds`, plus the tables' row
   rules);
3. evidence across tables: references resolve, cited files exist, quotes are verbatim, the
   corrections log replays onto the data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd

from . import corrections, kinds, paths
from .csvfile import read_csv_strict
from .problems import DataError, Problem, line_number
from .registry import REFERENCE_TABLES
from .schema import (
    CORRECTIONS,
    TABLES,
    Column,
    Kind,
    Table,
    rule_message,
)

RawTables = dict[str, pd.DataFrame]
"""Validated raw tables: text cells, indexed by physical line number."""


def check_data(data_dir: Path, shared_dir: Path | None = None) -> tuple[RawTables, list[Problem]]:
    """Read and check every raw table; return the tables and all problems found."""
    shared_dir = shared_dir or paths.default_shared_dir(data_dir)
    tables: RawTables = {}
    problems: list[Problem] = []
    valid_cells: RawTables = {}
    unreadable: set[str] = set()
    for table in TABLES.values():
        path = paths.raw_dir(data_dir) / table.file_name
        frame, structure_problems = read_csv_strict(path, table.column_names)
        tables[table.name] = frame
        cell_problems = _cell_problems(path, table, frame)
        problems += structure_problems + cell_problems
        problems += _rule_problems(path, table, _other_rows(frame, _lines(cell_problems)))
        valid_cells[table.name] = _without_cells(frame, cell_problems)
        if frame.empty and structure_problems:
            unreadable.add(table.name)
    problems += _evidence_problems(data_dir, shared_dir, valid_cells, unreadable)
    problems += _reference_problems(shared_dir, valid_cells["sources"])
    problems += corrections.replay_problems(
        paths.raw_dir(data_dir) / CORRECTIONS.file_name,
        valid_cells[CORRECTIONS.name],
        {name: frame for name, frame in valid_cells.items() if name not in unreadable},
    )
    return tables, sorted(set(_without_consequences(problems)))


def _without_consequences(problems: list[Problem]) -> list[Problem]:
    """The problems less the secondary ones on rows that have another problem too."""
    flagged = {(problem.path, problem.line) for problem in problems if not problem.secondary}
    return [
        problem
        for problem in problems
        if not (problem.secondary and (problem.path, problem.line) in flagged)
    ]


def validate(data_dir: Path, shared_dir: Path | None = None) -> RawTables:
    """The raw tables, or DataError listing every problem."""
    tables, problems = check_data(data_dir, shared_dir)
    if problems:
        raise DataError(problems)
    return tables


# --- layer 2: cells and rows -------------------------------------------------------------


def _cell_problems(path: Path, table: Table, frame: pd.DataFrame) -> list[Problem]:
    """Every cell that breaks its column's declaration."""
    return [
        Problem(path, line_number(line), column.name, message)
        for column in table.columns
        for line, message in _column_failures(column, frame[column.name])
    ]


def _column_failures(column: Column, cells: pd.Series) -> list[tuple[int, str]]:
    """(line, message) for each empty required cell, repeated unique value and failed check.

    One pass over the cells in Python (the checks are Python predicates on one value, so this
    is cheaper than several pandas operations per column); the checks run once per distinct
    value (rows repeat dates, codes, sources and quotes), and what is wrong with a value is
    reported on every line that holds it.
    """
    failures: list[tuple[int, str]] = []
    problems: dict[str, str | None] = {}
    for line, value in zip(cells.index, cells.tolist(), strict=True):
        if not isinstance(value, str):  # an empty cell
            if column.required:
                failures.append((line_number(line), "is required but empty"))
            continue
        if value not in problems:
            problems[value] = kinds.problem(column, value)
        if (message := problems[value]) is not None:
            failures.append((line_number(line), message))
    return failures + (_repeats(cells.dropna()) if column.unique else [])


def _repeats(cells: pd.Series) -> list[tuple[int, str]]:
    """Each cell whose value an earlier line already holds, with that first line."""
    repeats = cells[cells.duplicated()]
    if repeats.empty:
        return []
    firsts = cells.drop_duplicates()
    first_line = pd.Series(firsts.index, index=firsts.to_numpy())
    return [
        (line_number(line), f"duplicate {value!r} (first on line {first_line[value]})")
        for line, value in repeats.items()
    ]


def _lines(problems: list[Problem]) -> set[int]:
    return {problem.line for problem in problems}


def _other_rows(frame: pd.DataFrame, lines: set[int]) -> pd.DataFrame:
    """The rows not on `lines`; the frame itself when there are none (drop copies every cell)."""
    return frame.drop(index=list(lines)) if lines else frame


def _without_cells(frame: pd.DataFrame, problems: list[Problem]) -> pd.DataFrame:
    """The frame with the cells that have problems blanked, so later layers skip them."""
    if not problems:
        return frame
    bad = pd.DataFrame(False, index=frame.index, columns=frame.columns)
    for problem in problems:
        bad.loc[problem.line, problem.column] = True
    return frame.mask(bad)


def _rule_problems(path: Path, table: Table, frame: pd.DataFrame) -> list[Problem]:
    if frame.empty:
        return []
    problems = []
    for rule in table.rules:
        breaking = rule.failing(frame)
        if not breaking.any():
            continue
        failing = frame[breaking]
        details = (
            rule.detail(frame) if rule.detail else pd.Series("", index=frame.index)
        ).to_dict()
        problems += [
            Problem(
                path,
                line_number(line),
                rule.column,
                rule_message(rule, row, str(details[line])),
                secondary=rule.secondary,
            )
            for line, row in failing.iterrows()
        ]
    return problems


# --- layer 3: evidence across tables -----------------------------------------------------


def _evidence_problems(
    data_dir: Path, shared_dir: Path, tables: RawTables, unreadable: set[str]
) -> list[Problem]:
    """Cross-table problems; references into a table that could not be read are not checked."""
    sources = tables["sources"].dropna(subset=["source_id", "file"])
    files = dict(zip(sources["source_id"], sources["file"], strict=True))
    texts = cache(lambda name: _normalised_text(shared_dir / name))
    found: list[Problem] = []
    found += _missing_files(data_dir, shared_dir, sources)
    for table in TABLES.values():
        path = paths.raw_dir(data_dir) / table.file_name
        frame = tables[table.name]
        for column in table.columns:
            if column.kind is Kind.REFERENCE and column.references:
                target_table, target_column = column.references.split(".")
                if target_table in unreadable:
                    continue
                known = set(tables[target_table][target_column].dropna())
                found += _unknown_references(path, frame, column.name, known, column.references)
            if column.kind is Kind.QUOTE:
                found += _unquoted(path, frame, column.name, files, texts)
    return found


def _reference_problems(shared_dir: Path, sources: pd.DataFrame) -> list[Problem]:
    """What the reader of each reference table cannot read in its file, when sources.csv
    cites the file."""
    found: list[Problem] = []
    for table in REFERENCE_TABLES.values():
        path = table.path(sources, shared_dir)
        if path is not None and path.is_file():
            found += table.problems(path)
    return found


def _missing_files(data_dir: Path, shared_dir: Path, sources: pd.DataFrame) -> list[Problem]:
    path = paths.raw_dir(data_dir) / "sources.csv"
    exists = sources["file"].map(lambda name: (shared_dir / name).is_file())
    return [
        Problem(path, line_number(line), "file", f"{name!r} does not exist in {shared_dir}")
        for line, name in sources.loc[~exists, "file"].items()
    ]


def _unknown_references(
    path: Path, frame: pd.DataFrame, column: str, known: set[str], target: str
) -> list[Problem]:
    """Values of `column` that are not among the `known` values of `target` (table.column)."""
    target_table, target_column = target.split(".")
    return [
        Problem(
            path,
            line_number(line),
            column,
            f"{value!r} is not a {target_column} in {target_table}.csv",
        )
        for line, value in zip(frame.index, frame[column].tolist(), strict=True)
        if isinstance(value, str) and value not in known  # an empty cell refers to nothing
    ]


def _unquoted(
    path: Path,
    frame: pd.DataFrame,
    column: str,
    files: dict[str, str],
    texts: Callable[[str], str | None],
) -> list[Problem]:
    """Quotes that are not found, whitespace aside, in the file their row's source cites.

    Each distinct (quote, source) pair is searched once: rows repeat quotes. `texts` gives a
    cited file's normalised text. Rows whose source is unknown or whose file is missing are
    reported elsewhere, once.
    """
    cited = frame[[column, "source_id"]].dropna()
    rows = list(zip(cited.index, cited[column], cited["source_id"], strict=True))
    missing = {
        (quote, source)
        for _, quote, source in rows
        if source in files
        and (text := texts(files[source])) is not None
        and normalise_whitespace(quote) not in text
    }
    return [
        Problem(
            path,
            line_number(line),
            column,
            f"not found verbatim in {files[source]} (whitespace aside)",
        )
        for line, quote, source in rows
        if (quote, source) in missing
    ]


def _normalised_text(file: Path) -> str | None:
    """The file's text with whitespace normalised; None when it is not a readable file."""
    if not file.is_file():
        return None
    return normalise_whitespace(file.read_text(encoding="utf-8", errors="replace"))


def normalise_whitespace(text: str) -> str:
    """Runs of whitespace as one space, so line breaks in a source do not break a quote."""
    return re.sub(r"\s+", " ", text).strip()
