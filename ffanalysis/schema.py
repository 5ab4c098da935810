"""The tables of data/raw: every column's type, allowed values and meaning, declared once.

Validation (`validate`), cleaning (`clean`), loading (`load`) and the data dictionary
(`dictionary`) all read these declarations; nothing else states what a column may hold.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

import pandas as pd

from . import vocab
from .countries import describe_codes
from .dates import first_day, last_day
from .distinct import per_distinct
from .ranges import QUALIFIER_BOUNDS, bounds_description
from .vocab import Vocabulary

QUOTE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 500


class Kind(Enum):
    """What a column holds; each kind has one parser, one clean type and one set of checks."""

    ID = "identifier"
    TEXT = "text"
    QUOTE = "verbatim quote"
    NUMBER = "number"
    DATE = "partial date"
    CHOICE = "choice"
    COUNTRY = "country code"
    BOOLEAN = "boolean"
    REFERENCE = "reference"
    FILE = "file"


@dataclass(frozen=True)
class Column:
    """One column of a raw table."""

    name: str
    kind: Kind
    meaning: str
    required: bool = True
    vocabulary: Vocabulary | None = None
    references: str | None = None
    """For a REFERENCE: "table.column" whose values this column must be one of."""
    unique: bool = False


@dataclass(frozen=True)
class RowRule:
    """A rule across the columns of one row; `failing` marks the rows that break it.

    `description` is the rule in words, for the data dictionary; `message` is formatted with a
    failing row's raw values, so the error can show them.
    """

    column: str
    description: str
    message: str
    failing: Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Table:
    """One CSV file of data/raw."""

    name: str
    meaning: str
    columns: tuple[Column, ...]
    rules: tuple[RowRule, ...] = field(default_factory=tuple)

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def key(self) -> str:
        """The column that identifies a row (the first unique column)."""
        return next(column.name for column in self.columns if column.unique)

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


def _number(frame: pd.DataFrame, column: str) -> pd.Series:
    """The column as floats, NaN where empty or not a number."""
    return per_distinct(
        frame[column], lambda texts: pd.to_numeric(texts, errors="coerce").astype(float)
    )


def _qualifier_needs(frame: pd.DataFrame, part: str) -> pd.Series:
    """Whether each row's qualifier needs `part` (low, high or equal); False for no qualifier."""
    needing = [qualifier for qualifier, bounds in QUALIFIER_BOUNDS.items() if getattr(bounds, part)]
    return frame["qualifier"].isin(needing)


def _qualifier_mismatch(frame: pd.DataFrame) -> pd.Series:
    """Rows whose qualifier does not fit which of value_low/value_high are filled."""
    known = frame["qualifier"].isin(QUALIFIER_BOUNDS)
    has_low, has_high = frame["value_low"].notna(), frame["value_high"].notna()
    needs_low, needs_high, needs_equal = (
        _qualifier_needs(frame, part) for part in ("low", "high", "equal")
    )
    low, high = _number(frame, "value_low"), _number(frame, "value_high")
    wrong_shape = (has_low != needs_low) | (has_high != needs_high)
    wrong_equality = has_low & has_high & (needs_equal & (low != high))
    wrong_order = has_low & has_high & ~needs_equal & (low >= high)
    return known & (wrong_shape | wrong_equality | wrong_order)


def _high_below_low(frame: pd.DataFrame) -> pd.Series:
    return _number(frame, "value_low") > _number(frame, "value_high")


def _ends_before_start(start: str, end: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows where the partial date `end` lies wholly before the partial date `start`."""

    def failing(frame: pd.DataFrame) -> pd.Series:
        begins = pd.to_datetime(frame[start].map(first_day, na_action="ignore"))
        ends = pd.to_datetime(frame[end].map(last_day, na_action="ignore"))
        return (ends < begins).fillna(False)

    return failing


def _missing_when_given(given: str, needed: str) -> Callable[[pd.DataFrame], pd.Series]:
    def failing(frame: pd.DataFrame) -> pd.Series:
        return frame[given].notna() & frame[needed].isna()

    return failing


def _source_columns(what: str = "the row") -> tuple[Column, ...]:
    return (
        Column(
            "source_id",
            Kind.REFERENCE,
            f"The source document {what} comes from.",
            references="sources.source_id",
        ),
        Column("locator", Kind.TEXT, "Where in the source: a section heading or a paragraph."),
        Column(
            "quote",
            Kind.QUOTE,
            f"The shortest verbatim passage of the source that states {what} "
            f"(at most {QUOTE_MAX_LENGTH} characters; found in the file, whitespace aside).",
        ),
    )


def _note() -> Column:
    return Column("note", Kind.TEXT, "A short remark in the project's own words.", required=False)


def _figure_columns() -> tuple[Column, ...]:
    return (
        Column("metric", Kind.CHOICE, "What the figure counts.", vocabulary=vocab.METRIC),
        Column(
            "country",
            Kind.COUNTRY,
            f"Home country of the volunteers: {describe_codes()}. Empty when the source "
            "counts a group that is no country (Ingrians, 'other nationalities'); the note says "
            "who.",
            required=False,
        ),
        Column(
            "stated_on",
            Kind.DATE,
            "When the claimant stated the figure; empty when the source does not say (the "
            "source's publication date then stands in).",
            required=False,
        ),
        Column(
            "refers_to",
            Kind.DATE,
            "The date the figure describes, when the source gives one.",
            required=False,
        ),
        Column("claimant", Kind.TEXT, "Who made the claim."),
        Column(
            "claimant_type",
            Kind.CHOICE,
            "What kind of claimant.",
            vocabulary=vocab.CLAIMANT_TYPE,
        ),
        Column("reported_by", Kind.TEXT, "Who reported the claim in the source we read."),
        Column("value_low", Kind.NUMBER, "The lower bound of the figure.", required=False),
        Column("value_high", Kind.NUMBER, "The upper bound of the figure.", required=False),
        Column(
            "qualifier",
            Kind.CHOICE,
            "How the source bounds the figure; decides which values are filled.",
            vocabulary=vocab.QUALIFIER,
        ),
        Column("unit", Kind.CHOICE, "What one unit of the figure is.", vocabulary=vocab.UNIT),
        Column(
            "uncertain",
            Kind.BOOLEAN,
            "True when the source or the reference notes call the figure weak or contested.",
        ),
        *_source_columns("the figure"),
        _note(),
    )


_FIGURE_RULES = (
    RowRule(
        "value_high",
        "At least value_low when both are given.",
        "must be >= value_low ({value_high} < {value_low})",
        _high_below_low,
    ),
    RowRule(
        "qualifier",
        "Decides which of value_low and value_high are filled (see its allowed values).",
        "{qualifier!r} needs {bounds} (value_low={value_low!r}, value_high={value_high!r})",
        _qualifier_mismatch,
    ),
)


SOURCES = Table(
    "sources",
    "The documents every figure is read from.",
    (
        Column("source_id", Kind.ID, "Identifier other tables cite.", unique=True),
        Column(
            "file",
            Kind.FILE,
            "The evidence file, relative to the shared folder (sources/... or reference/...).",
        ),
        Column("title", Kind.TEXT, "Title of the document or page."),
        Column("author", Kind.TEXT, "Author or estimator.", required=False),
        Column("publisher", Kind.TEXT, "Publisher or site.", required=False),
        Column("published", Kind.DATE, "Publication date, as precise as known.", required=False),
        Column("kind", Kind.CHOICE, "What sort of document.", vocabulary=vocab.SOURCE_KIND),
        Column("url", Kind.TEXT, "The address of the original page, if known.", required=False),
        _note(),
    ),
)

CONFLICTS = Table(
    "conflicts",
    "Wars with foreign-volunteer mobilisations, with the dates needed for per-month figures.",
    (
        Column("conflict_id", Kind.ID, "Identifier other tables cite.", unique=True),
        Column("name", Kind.TEXT, "Name of the conflict."),
        Column(
            "side_joined",
            Kind.CHOICE,
            "The side the foreign volunteers compared here joined.",
            vocabulary=vocab.SIDE,
        ),
        Column("start", Kind.DATE, "When the conflict began."),
        Column("end", Kind.DATE, "When it ended; empty while it goes on.", required=False),
        *_source_columns("the dates"),
        _note(),
    ),
    rules=(
        RowRule(
            "end",
            "Not before start.",
            "must not be before start ({start})",
            _ends_before_start("start", "end"),
        ),
    ),
)

CLAIMS = Table(
    "claims",
    "Every figure the sources state about foreign volunteers in the war since 2022.",
    (
        Column("claim_id", Kind.ID, "Identifier of the row.", unique=True),
        Column(
            "conflict",
            Kind.REFERENCE,
            "The conflict (russia_ukraine_2022).",
            references="conflicts.conflict_id",
        ),
        Column(
            "side", Kind.CHOICE, "The side the volunteers fought on.", vocabulary=vocab.SIDE_2022
        ),
        *_figure_columns(),
    ),
    rules=_FIGURE_RULES,
)

HISTORICAL = Table(
    "historical",
    "Figures for past and parallel foreign-volunteer mobilisations, for comparison.",
    (
        Column("figure_id", Kind.ID, "Identifier of the row.", unique=True),
        Column(
            "conflict",
            Kind.REFERENCE,
            "The conflict.",
            references="conflicts.conflict_id",
        ),
        Column("side", Kind.CHOICE, "The side the volunteers joined.", vocabulary=vocab.SIDE),
        *_figure_columns(),
    ),
    rules=_FIGURE_RULES,
)

CASUALTIES = Table(
    "casualties",
    "One row per foreign volunteer whose death a source reports, named or described.",
    (
        Column("casualty_id", Kind.ID, "Identifier of the row.", unique=True),
        Column("person", Kind.TEXT, "The name as given, or a short description if unnamed."),
        Column("nationality", Kind.COUNTRY, "Nationality (ISO alpha-3).", required=False),
        Column("side", Kind.CHOICE, "The side the person fought on.", vocabulary=vocab.SIDE_2022),
        Column("died_on", Kind.DATE, "Date of death, as precise as stated.", required=False),
        Column(
            "reported_on",
            Kind.DATE,
            "When the death was reported, where the source dates the report but not the death.",
            required=False,
        ),
        Column("place", Kind.TEXT, "Where the person died, as stated.", required=False),
        Column("unit", Kind.TEXT, "The person's unit, as stated.", required=False),
        *_source_columns("the death"),
        _note(),
    ),
)

LEGAL_STANCES = Table(
    "legal_stances",
    "How each home state treats citizens who enlist for Ukraine.",
    (
        Column("country", Kind.COUNTRY, "The home state (ISO alpha-3).", unique=True),
        Column(
            "legality",
            Kind.CHOICE,
            "The strongest restriction the source states, taking the first that applies in "
            "this order: " + ", ".join(vocab.LEGALITY) + ".",
            vocabulary=vocab.LEGALITY,
        ),
        Column(
            "penalty_max_years",
            Kind.NUMBER,
            "The longest prison term the source states, in years.",
            required=False,
        ),
        Column("stated_on", Kind.DATE, "When the stance was stated, if given.", required=False),
        *_source_columns("the stance"),
        Column(
            "penalty_quote",
            Kind.QUOTE,
            "The verbatim passage that states the penalty (same source).",
            required=False,
        ),
        _note(),
    ),
    rules=(
        RowRule(
            "penalty_quote",
            "Required when penalty_max_years is given.",
            "is required when penalty_max_years is given",
            _missing_when_given("penalty_max_years", "penalty_quote"),
        ),
    ),
)

UNITS = Table(
    "units",
    "Units of foreign volunteers fighting for Ukraine.",
    (
        Column("unit_id", Kind.ID, "Identifier of the row.", unique=True),
        Column("name", Kind.TEXT, "The unit's name."),
        Column("branch", Kind.CHOICE, "Where the unit belongs.", vocabulary=vocab.BRANCH),
        Column("composition", Kind.TEXT, "Who serves in it, in the project's words."),
        Column("formed", Kind.DATE, "When it was formed, if stated.", required=False),
        Column("disbanded", Kind.DATE, "When it was disbanded, if stated.", required=False),
        *_source_columns("the unit"),
        _note(),
    ),
    rules=(
        RowRule(
            "disbanded",
            "Not before formed.",
            "must not be before formed ({formed})",
            _ends_before_start("formed", "disbanded"),
        ),
    ),
)

TABLES: dict[str, Table] = {
    table.name: table
    for table in (SOURCES, CONFLICTS, CLAIMS, HISTORICAL, CASUALTIES, LEGAL_STANCES, UNITS)
}
"""Every raw table, in the order they are validated (referenced tables first)."""


def rule_message(rule: RowRule, row: pd.Series) -> str:
    """The rule's message filled in with one row's values."""
    values = row.where(row.notna(), "").to_dict()
    qualifier = values.get("qualifier")
    bounds = bounds_description(qualifier) if qualifier in QUALIFIER_BOUNDS else ""
    return rule.message.format(bounds=bounds, **values)
