"""Each kind of column, declared once: what a cell holds, the checks it must pass, its clean type.

Validation runs these checks, cleaning reads the clean type and the data dictionary prints the
description and every check's rule, so the dictionary cannot promise a rule the validator does
not apply. A check runs once per distinct value of a column and names what is wrong with a
failing one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

import pandas as pd

from . import paths
from .countries import GROUP_SEPARATOR, describe_codes, is_country_code
from .dates import PARTIAL_DATE_FORMATS, PartialDateError, bounds_or_none, parse_partial_date

QUOTE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 500
CELL_MAX_LENGTH = 200
"""The longest cell of a kind with no length of its own (codes, dates, names of files)."""
LARGEST_NUMBER = 10**10
"""More than any count or sum the tables hold: a larger number is a typing mistake."""
YEARS = (1900, 2100)
"""The first and last year a date may name."""
ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
"""What an identifier is: a letter or digit, then letters, digits, '_', '.' or '-'."""
FORMULA_START = ("=", "+", "-", "@")
INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)
"""Control characters (terminal escapes, NUL; a tab or a line break is whitespace) and invisible
ones (zero-width spaces, bidirectional overrides, byte-order marks): no reader sees them."""


class Kind(Enum):
    """What a column holds; each kind has one parser, one clean type and one set of checks."""

    ID = "identifier"
    TEXT = "text"
    PROSE = "prose"
    QUOTE = "verbatim quote"
    NUMBER = "number"
    DATE = "partial date"
    CHOICE = "choice"
    COUNTRY = "country code"
    BOOLEAN = "boolean"
    REFERENCE = "reference"
    FILE = "file"


class Column(Protocol):
    """What the checks read of a column declaration (`schema.Column`): its kind and values."""

    @property
    def kind(self) -> Kind: ...

    @property
    def vocabulary(self) -> Mapping[str, str] | None: ...


@dataclass(frozen=True)
class CellCheck:
    """A check on a filled cell; validation runs it once per distinct value of a column."""

    rule: str
    """The rule in words, for the data dictionary."""
    passes: Callable[[str, Column], bool]
    """Whether one filled cell's text passes."""
    message: Callable[[str, Column], str]
    """What is wrong with one failing value."""


@dataclass(frozen=True)
class KindRules:
    """Everything a kind of column implies."""

    holds: str
    """What a cell holds, for the data dictionary."""
    checks: tuple[CellCheck, ...]
    clean_type: Callable[[Column], object]
    """The pandas dtype of the clean column (a DATE becomes two: see `clean`)."""


def _is_partial_date(text: str) -> bool:
    return bounds_or_none(text) is not None


def _partial_date_error(text: str) -> str:
    try:
        parse_partial_date(text)
    except PartialDateError as error:
        return str(error)
    return f"expected {PARTIAL_DATE_FORMATS}"


def _country_message(value: str, column: Column) -> str:
    hint = f"; did you mean {value.upper()!r}?" if is_country_code(value.upper()) else ""
    return f"{value!r} is not {describe_codes()}{hint}"


def _invisible_message(value: str, column: Column) -> str:
    found = INVISIBLE.search(value)
    code = f"U+{ord(found.group()):04X}" if found else "?"
    return f"holds an invisible or control character ({code}); delete it"


def _not_above(text: str, largest: float) -> bool:
    """Whether `text` is at most `largest`; text that is no number passes (another check names
    it)."""
    try:
        return float(text) <= largest
    except ValueError:
        return True


def _years(column: Column) -> tuple[int, int]:
    return getattr(column, "years", None) or YEARS


def _year_in_range(text: str, years: tuple[int, int]) -> bool:
    """Whether the date `text` starts within `years`; text that is no date passes (another
    check names it)."""
    bounds = bounds_or_none(text)
    return bounds is None or years[0] <= bounds[0].year <= years[1]


def _allowed(column: Column) -> list[str]:
    return list(column.vocabulary or ())


def _matches(pattern: str) -> Callable[[str, Column], bool]:
    """A check that the whole cell matches `pattern`."""
    compiled = re.compile(pattern)
    return lambda value, column: compiled.fullmatch(value) is not None


def _code_word(text: str) -> str:
    found = CODE_WORD.search(text)
    return found.group() if found else ""


def _string(column: Column) -> object:
    return "string"


TEXT_CHECKS = (
    CellCheck(
        "No control or invisible characters (terminal escapes, NUL, zero-width spaces, "
        "bidirectional overrides).",
        lambda value, column: INVISIBLE.search(value) is None,
        _invisible_message,
    ),
    CellCheck(
        "No cell has leading or trailing whitespace.",
        lambda value, column: value == value.strip(),
        lambda value, column: "has leading or trailing whitespace",
    ),
    CellCheck(
        f"No text cell starts with {', '.join(f'`{sign}`' for sign in FORMULA_START)} "
        "(a spreadsheet would run it as a formula).",
        lambda value, column: not value.startswith(FORMULA_START),
        lambda value, column: (
            f"starts with {value[0]!r}, which a spreadsheet would run as a formula; "
            "rephrase the cell"
        ),
    ),
)
"""Checks of every kind written as text (all but NUMBER)."""

TEXT_LENGTH_CHECK = CellCheck(
    f"At most {TEXT_MAX_LENGTH} characters.",
    lambda value, column: len(value) <= TEXT_MAX_LENGTH,
    lambda value, column: f"is {len(value)} characters long; at most {TEXT_MAX_LENGTH}",
)

CODE_WORD = re.compile(r"\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b")
"""A name from the data, words joined by '_' (`up_to`, `stated_on`): not for readers."""

SHORT_CELL_CHECK = CellCheck(
    f"A code, a date, a file's name or any other cell with no length of its own is at most "
    f"{CELL_MAX_LENGTH} characters.",
    lambda value, column: len(value) <= CELL_MAX_LENGTH,
    lambda value, column: f"is {len(value):,} characters long; at most {CELL_MAX_LENGTH}",
)

KINDS: dict[Kind, KindRules] = {
    Kind.ID: KindRules(
        "A name for a row that other rows can cite.",
        (
            CellCheck(
                "Starts with a letter or digit; then letters, digits, '_', '.' or '-'.",
                _matches(ID_PATTERN),
                lambda value, column: f"{value!r} must be letters, digits, '_', '.' or '-'",
            ),
        ),
        _string,
    ),
    Kind.TEXT: KindRules(
        "Free text in the project's own words (or names as the source spells them).",
        (TEXT_LENGTH_CHECK,),
        _string,
    ),
    Kind.PROSE: KindRules(
        "Sentences the report shows readers, in the project's own words. They name no row by "
        "its id (such as `R0024`), which a reader cannot look up: validation checks every "
        "table's ids.",
        (
            TEXT_LENGTH_CHECK,
            CellCheck(
                "No name from the data, words joined by '_' such as `up_to` or `stated_on`: "
                "readers see this text, so it says them in words.",
                lambda value, column: CODE_WORD.search(value) is None,
                lambda value, column: (
                    f"{_code_word(value)!r} is a name from the data; readers see this text: "
                    "say it in words"
                ),
            ),
        ),
        _string,
    ),
    Kind.QUOTE: KindRules(
        "Verbatim text of the cited source, found in its file (whitespace aside). Where the "
        "saved copy of a web page marks a link as `[words](#)`, the quote keeps the mark; the "
        "report shows only the words.",
        (
            CellCheck(
                f"At most {QUOTE_MAX_LENGTH} characters.",
                lambda value, column: len(value) <= QUOTE_MAX_LENGTH,
                lambda value, column: (
                    f"is {len(value)} characters long; a quote is at most {QUOTE_MAX_LENGTH}: "
                    "keep the shortest passage that states the figure"
                ),
            ),
        ),
        _string,
    ),
    Kind.NUMBER: KindRules(
        "A number >= 0.",
        (
            CellCheck(
                "Digits and at most one '.', no separators.",
                _matches(r"[0-9]+(\.[0-9]+)?"),
                lambda value, column: (
                    f"{value!r} is not a number >= 0 (digits and one '.', no thousands separators)"
                ),
            ),
            CellCheck(
                f"At most {LARGEST_NUMBER:,}.",
                lambda value, column: _not_above(value, LARGEST_NUMBER),
                lambda value, column: f"{value} is larger than any count ({LARGEST_NUMBER:,})",
            ),
        ),
        lambda column: "Float64",
    ),
    Kind.DATE: KindRules(
        "A date as precise as the source gives it. Clean tables hold it as `<column>_start` and "
        "`<column>_end`, the first and last day it can mean.",
        (
            CellCheck(
                f"One of {PARTIAL_DATE_FORMATS}.",
                lambda value, column: _is_partial_date(value),
                lambda value, column: _partial_date_error(value),
            ),
            CellCheck(
                f"A year from {YEARS[0]} to {YEARS[1]}, or within the column's own years "
                "where its meaning says so.",
                lambda value, column: _year_in_range(value, _years(column)),
                lambda value, column: (
                    f"{value!r} is outside the years {_years(column)[0]}-{_years(column)[1]}"
                ),
            ),
        ),
        lambda column: "datetime64[s]",
    ),
    Kind.CHOICE: KindRules(
        "One of a fixed set of values.",
        (
            CellCheck(
                "One of the allowed values listed below the table.",
                lambda value, column: value in (column.vocabulary or {}),
                lambda value, column: f"{value!r} is not one of: {', '.join(_allowed(column))}",
            ),
        ),
        lambda column: pd.CategoricalDtype(_allowed(column), ordered=True),
    ),
    Kind.COUNTRY: KindRules(
        "A country, or a group or total of countries.",
        (
            CellCheck(
                "An ISO 3166-1 alpha-3 code, an alias or aggregate listed below, or several "
                f"codes joined by '{GROUP_SEPARATOR}'.",
                lambda value, column: is_country_code(value),
                _country_message,
            ),
        ),
        _string,
    ),
    Kind.BOOLEAN: KindRules(
        "A yes-or-no flag.",
        (
            CellCheck(
                "`true` or `false`.",
                lambda value, column: value in ("true", "false"),
                lambda value, column: f"{value!r} must be true or false",
            ),
        ),
        lambda column: "boolean",
    ),
    Kind.REFERENCE: KindRules(
        "A value of the column named in its meaning (checked across tables).", (), _string
    ),
    Kind.FILE: KindRules(
        "A file in the shared evidence folder.",
        (
            CellCheck(
                f"A file directly under {' or '.join(f'`{f}/`' for f in paths.EVIDENCE_FOLDERS)}.",
                _matches(rf"({'|'.join(paths.EVIDENCE_FOLDERS)})/[^/\\]+"),
                lambda value, column: (
                    f"{value!r} must be a file in {' or '.join(paths.EVIDENCE_FOLDERS)}/"
                ),
            ),
        ),
        _string,
    ),
}
"""Every kind's rules; an import-time check below keeps it complete."""


def checks(column: Column) -> tuple[CellCheck, ...]:
    """The checks a column's declaration implies: its kind's, after the text checks."""
    text = () if column.kind is Kind.NUMBER else TEXT_CHECKS
    length = () if column.kind in _OWN_LENGTH else (SHORT_CELL_CHECK,)
    return (*text, *length, *KINDS[column.kind].checks)


def problem(column: Column, value: str) -> str | None:
    """What is wrong with one filled cell: the message of the first check it fails, or None.

    Only the first failure is named: a value that is no date is not also outside the years.
    """
    failed = next((check for check in checks(column) if not check.passes(value, column)), None)
    return failed.message(value, column) if failed else None


_OWN_LENGTH = {Kind.TEXT, Kind.PROSE, Kind.QUOTE, Kind.NUMBER}
"""Kinds whose checks bound their length already (a number by its size)."""


if set(KINDS) != set(Kind):
    raise ValueError(f"kinds without rules: {sorted(kind.name for kind in set(Kind) - set(KINDS))}")
