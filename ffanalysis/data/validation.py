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
from collections.abc import Callable, Hashable
from functools import cache
from pathlib import Path

import pandas as pd

from . import corrections, kinds, paths
from .csvfile import read_csv_strict
from .problems import DataError, Problem, line_number
from .reference import cited_files
from .registry import REFERENCE_TABLES
from .schema import (
    CORRECTIONS,
    TABLES,
    Column,
    Kind,
    RowRule,
    Table,
    rule_message,
)
from .values import texts

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
    lines, values = cells.index.tolist(), texts(cells)
    failures: list[tuple[int, str]] = []
    problems: dict[str, str | None] = {}
    for line, value in zip(lines, values, strict=True):
        if value is None:  # an empty cell
            if column.required:
                failures.append((line_number(line), "is required but empty"))
            continue
        if value not in problems:
            problems[value] = kinds.problem(column, value)
        if (message := problems[value]) is not None:
            failures.append((line_number(line), message))
    return failures + (_repeats(lines, values) if column.unique else [])


def _repeats(lines: list[Hashable], values: list[str | None]) -> list[tuple[int, str]]:
    """Each filled cell whose value an earlier line already holds, with that first line."""
    first_lines: dict[str, Hashable] = {}
    repeats: list[tuple[int, str]] = []
    for line, value in zip(lines, values, strict=True):
        if value is None:  # an empty cell
            continue
        first = first_lines.setdefault(value, line)  # lines ascend
        if first != line:
            repeats.append((line_number(line), f"duplicate {value!r} (first on line {first})"))
    return repeats


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
        if breaking.any():
            problems += _broken(path, rule, frame, breaking.tolist())
    return problems


def _broken(path: Path, rule: RowRule, frame: pd.DataFrame, breaking: list[bool]) -> list[Problem]:
    """The problem of each row the rule marks as `breaking`, its message filled in.

    Only the columns the message shows are read, each once, and the message is filled in
    from plain values: on a large table a rule can fail on thousands of rows.
    """
    shown = {column: texts(frame[column]) for column in rule.shown_columns}
    details = rule.detail(frame).tolist() if rule.detail else [""] * len(frame)
    return [
        Problem(
            path,
            line_number(line),
            rule.column,
            rule_message(
                rule,
                {column: cells[row] or "" for column, cells in shown.items()},
                str(details[row]),
            ),
            secondary=rule.secondary,
        )
        for row, (line, breaks) in enumerate(zip(frame.index.tolist(), breaking, strict=True))
        if breaks
    ]


# --- layer 3: evidence across tables -----------------------------------------------------


def _evidence_problems(
    data_dir: Path, shared_dir: Path, tables: RawTables, unreadable: set[str]
) -> list[Problem]:
    """Cross-table problems; references into a table that could not be read are not checked."""
    sources = tables["sources"]
    files = cited_files(sources)
    file_texts = cache(lambda name: _normalised_text(shared_dir / name))
    row_ids = _row_ids(tables)
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
                targets = texts(tables[target_table][target_column])
                known = {value for value in targets if value is not None}
                found += _unknown_references(path, frame, column.name, known, column.references)
            if column.kind is Kind.QUOTE:
                found += _unquoted(path, frame, column.name, files, file_texts)
            if column.kind is Kind.PROSE:
                found += _naming_rows(path, frame, column.name, row_ids)
    return found


def _row_ids(tables: RawTables) -> dict[str, str]:
    """Every row id that mixes letters and digits (`R0024`), with its table's file: an id that
    is a plain word (`first`) may stand in a sentence as that word."""
    return {
        row_id: table.file_name
        for table in TABLES.values()
        if table.column(table.key).kind is Kind.ID
        for row_id in texts(tables[table.name][table.key])
        if row_id is not None and _MIXED.search(row_id)
    }


_MIXED = re.compile(r"[A-Za-z].*[0-9]|[0-9].*[A-Za-z]")

_WORD = re.compile(kinds.ID_PATTERN)
"""A word that could be an id, as `kinds` spells one (a full stop after it ends a sentence)."""


def _naming_rows(
    path: Path, frame: pd.DataFrame, column: str, row_ids: dict[str, str]
) -> list[Problem]:
    """Prose cells that name a row by its id: readers see the text and cannot look one up."""
    found = []
    for line, text in zip(frame.index, texts(frame[column]), strict=True):
        words = (word.rstrip(".") for word in _WORD.findall(text or ""))
        named = next((word for word in words if word in row_ids), None)
        if named is not None:
            message = (
                f"{named!r} is the id of a row in {row_ids[named]}; readers see this text: "
                "say which row in words"
            )
            found.append(Problem(path, line_number(line), column, message))
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
    return [
        Problem(path, line_number(line), "file", f"{name!r} does not exist in {shared_dir}")
        for line, source, name in zip(
            sources.index, texts(sources["source_id"]), texts(sources["file"]), strict=True
        )
        if source is not None and name is not None and not (shared_dir / name).is_file()
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
        for line, value in zip(frame.index, texts(frame[column]), strict=True)
        if value is not None and value not in known  # an empty cell refers to nothing
    ]


def _unquoted(
    path: Path,
    frame: pd.DataFrame,
    column: str,
    files: dict[str, str],
    file_texts: Callable[[str], str | None],
) -> list[Problem]:
    """Quotes that are not found, whitespace aside, in the file their row's source cites.

    Each distinct (quote, source) pair is searched once: rows repeat quotes. `file_texts`
    gives a cited file's normalised text. Rows whose source is unknown or whose file is missing
    are reported elsewhere, once.
    """
    rows = [
        (line, quote, source)
        for line, quote, source in zip(
            frame.index, texts(frame[column]), texts(frame["source_id"]), strict=True
        )
        if quote is not None and source is not None
    ]
    pairs = {(quote, source) for _, quote, source in rows}
    missing = {
        (quote, source)
        for quote, source in pairs
        if source in files
        and (text := file_texts(files[source])) is not None
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
