"""The tables of data/raw: every column's type, allowed values and meaning, declared once.

Validation (`validate`), cleaning (`clean`), loading (`load`) and the data dictionary
(`dictionary`) all read these declarations; nothing else states what a column may hold.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from string import Formatter

import pandas as pd

from . import vocab
from .countries import describe_codes
from .dates import first_day, last_day
from .kinds import QUOTE_MAX_LENGTH, Kind
from .quoted_numbers import states
from .ranges import QUALIFIER_BOUNDS, bounds_description
from .values import texts
from .vocab import Vocabulary

WAR_YEARS = (2014, 2100)
"""The years a date about the war in Ukraine may name: it began in 2014."""


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
    label: str = ""
    """What a reader calls the column ('date stated'), where its name is not already words."""
    years: tuple[int, int] | None = None
    """For a DATE: the first and last year it may name, where narrower than `kinds.YEARS`."""

    def __post_init__(self) -> None:
        """A declaration that contradicts its kind fails at import, not in a later check."""
        wants_vocabulary = self.kind is Kind.CHOICE
        wants_target = self.kind is Kind.REFERENCE
        if wants_vocabulary != bool(self.vocabulary):
            needs = (
                "needs a vocabulary" if wants_vocabulary else "has a vocabulary but is no choice"
            )
            raise ValueError(f"column {self.name!r} {needs}")
        if wants_target != bool(self.references) or (
            self.references and self.references.count(".") != 1
        ):
            needs = "needs a target 'table.column'" if wants_target else "is no reference"
            raise ValueError(f"column {self.name!r} {needs}: references={self.references!r}")
        if self.years and self.kind is not Kind.DATE:
            raise ValueError(f"column {self.name!r} has years but is no date")

    @property
    def reader_label(self) -> str:
        return self.label or self.name.replace("_", " ")


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
    detail: Callable[[pd.DataFrame], pd.Series] | None = None
    """Per row, words the message can show as `{detail}` (what the row looks like, which
    line it repeats), for rules whose explanation is not in the row's own cells."""
    secondary: bool = False
    """Reported only for a row with no other problem: a figure missing from its quote follows
    from a wrong bound or a wrong quote, and one mistake should give one line."""

    @property
    def shown_columns(self) -> list[str]:
        """The columns whose values `message` shows: its `{column}` fields, and the qualifier
        where it shows `{bounds}` (worded from the qualifier); `{detail}` comes from `detail`."""
        fields = {name for _, name, _, _ in Formatter().parse(self.message) if name}
        bounded = {"qualifier"} if "bounds" in fields else set()
        return sorted((fields - {"bounds", "detail"}) | bounded)


@dataclass(frozen=True)
class Table:
    """One CSV file of data/raw."""

    name: str
    meaning: str
    columns: tuple[Column, ...]
    rules: tuple[RowRule, ...] = field(default_factory=tuple)
    label: str = ""
    """What a reader calls the table ('Legal positions')."""

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


def _cells(frame: pd.DataFrame, column: str) -> list[str | None]:
    """The column's cells as a list, None where empty.

    Most rules compare a few short strings per row. A loop over lists does that in well under
    a microsecond a row, where each pandas operation costs tens of microseconds however few the
    rows: on tables of a handful of rows, which the tests validate again and again, that fixed
    cost was nearly all of validation.
    """
    return texts(frame[column])


def _rows(frame: pd.DataFrame, *columns: str) -> Iterator[tuple[str | None, ...]]:
    """Each row's cells in `columns`, None where empty."""
    return zip(*(_cells(frame, column) for column in columns), strict=True)


def _per_row(frame: pd.DataFrame, flags: Iterable[bool]) -> pd.Series:
    """Flags worked out row by row, as the Series of booleans a rule returns."""
    return pd.Series(list(flags), index=frame.index, dtype=bool)


def _number(frame: pd.DataFrame, column: str) -> pd.Series:
    """The column as floats, NaN where empty or not a number."""
    return pd.Series(
        [_float(text) for text in _cells(frame, column)],
        index=frame.index,
        dtype=float,
        name=column,
    )


def _float(text: str | None) -> float:
    """A cell as a number; NaN for an empty cell or text that is no number."""
    if text is None:
        return math.nan
    try:
        return float(text)
    except ValueError:
        return math.nan


def _qualifier_mismatch(frame: pd.DataFrame) -> pd.Series:
    """Rows whose qualifier does not fit which of value_low/value_high are filled."""
    return _per_row(
        frame,
        (
            _misfits(qualifier, low, high)
            for qualifier, low, high in zip(
                _cells(frame, "qualifier"),
                _number(frame, "value_low").tolist(),
                _number(frame, "value_high").tolist(),
                strict=True,
            )
        ),
    )


def _misfits(qualifier: str | None, low: float, high: float) -> bool:
    """Whether the bounds break the qualifier's shape: a bound it needs is empty, or one it has
    no room for is filled; bounds it needs equal differ, or a range's are not in order."""
    bounds = QUALIFIER_BOUNDS.get(qualifier) if qualifier else None
    if bounds is None:  # no qualifier, or an unknown one: its own column's problem
        return False
    has_low, has_high = not math.isnan(low), not math.isnan(high)
    if (has_low, has_high) != (bounds.low, bounds.high):
        return True
    if not (has_low and has_high):
        return False
    return low != high if bounds.equal else low >= high


def _high_below_low(frame: pd.DataFrame) -> pd.Series:
    return _number(frame, "value_low") > _number(frame, "value_high")


def _ends_before_start(start: str, end: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows where the partial date `end` lies wholly before the partial date `start`."""

    def failing(frame: pd.DataFrame) -> pd.Series:
        return _per_row(
            frame,
            (
                begins is not None and ends is not None and ends < begins
                for begins, ends in zip(
                    _days(frame, start, first_day), _days(frame, end, last_day), strict=True
                )
            ),
        )

    return failing


def _days(frame: pd.DataFrame, column: str, day: Callable[[str], date | None]) -> list[date | None]:
    """The column's partial dates read by `day` (first_day or last_day); None where empty."""
    return [None if text is None else day(text) for text in _cells(frame, column)]


def _missing_when_given(given: str, needed: str) -> Callable[[pd.DataFrame], pd.Series]:
    def failing(frame: pd.DataFrame) -> pd.Series:
        return _per_row(
            frame,
            (
                present is not None and missing is None
                for present, missing in _rows(frame, given, needed)
            ),
        )

    return failing


def _source_columns(what: str = "the row") -> tuple[Column, ...]:
    return (
        Column(
            "source_id",
            Kind.REFERENCE,
            f"The source document {what} comes from.",
            references="sources.source_id",
        ),
        Column(
            "locator",
            Kind.TEXT,
            "Where in the source: a section heading or a paragraph.",
            label="place in the source",
        ),
        Column(
            "quote",
            Kind.QUOTE,
            f"The shortest verbatim passage of the source that states {what} "
            f"(at most {QUOTE_MAX_LENGTH} characters; found in the file, whitespace aside).",
            label="quoted words",
        ),
    )


def _note() -> Column:
    return Column("note", Kind.TEXT, "A short remark in the project's own words.", required=False)


def _translation_columns() -> tuple[Column, ...]:
    """A quote not in English stays verbatim; the reader also gets our English rendering."""
    return (
        Column(
            "quote_language",
            Kind.CHOICE,
            "The language of the quote when it is not English; empty for English.",
            required=False,
            vocabulary=vocab.LANGUAGE,
            label="language of the quote",
        ),
        Column(
            "quote_english",
            Kind.TEXT,
            "The project's own English rendering of a quote not in English, shown beside the "
            "quote as our translation; empty for English.",
            required=False,
            label="our translation",
        ),
    )


def _translation_missing(frame: pd.DataFrame) -> pd.Series:
    return _per_row(
        frame,
        (
            (language is None) != (english is None)
            for language, english in _rows(frame, "quote_language", "quote_english")
        ),
    )


def _statement_columns(key: str, what: str, records: str) -> tuple[Column, ...]:
    """`echo_of` and `distinct_from`: how a row that looks like another is told apart from it.

    A statement read twice (two documents, a mirror, a report of a report) is one statement:
    the later row names the original in `echo_of`, and the analysis counts the original once.
    Rows that only look alike (the same claimant, metric and value; the same name) name each
    other in `distinct_from`, so validation can tell a checked pair from an overlooked echo.
    """
    return (
        Column(
            "echo_of",
            Kind.REFERENCE,
            f"The row that first records the same {what}, when this row records {records} "
            "again; empty for an original. Counts count originals only.",
            required=False,
            references=key,
        ),
        Column(
            "distinct_from",
            Kind.REFERENCE,
            f"A row that looks like the same {what} but is not (checked against the source).",
            required=False,
            references=key,
        ),
    )


def _figure_columns(table: str, key: str) -> tuple[Column, ...]:
    return (
        Column(
            "metric",
            Kind.CHOICE,
            "What the figure counts.",
            vocabulary=vocab.METRIC,
            label="what is counted",
        ),
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
            label="date stated",
        ),
        Column(
            "refers_to",
            Kind.DATE,
            "The date the figure describes, when the source gives one.",
            required=False,
            label="date the figure describes",
        ),
        Column("claimant", Kind.TEXT, "Who made the claim."),
        Column(
            "claimant_type",
            Kind.CHOICE,
            "What kind of claimant.",
            vocabulary=vocab.CLAIMANT_TYPE,
            label="kind of claimant",
        ),
        Column("reported_by", Kind.TEXT, "Who reported the claim in the source we read."),
        Column(
            "value_low",
            Kind.NUMBER,
            "The lower bound of the figure.",
            required=False,
            label="lower figure",
        ),
        Column(
            "value_high",
            Kind.NUMBER,
            "The upper bound of the figure.",
            required=False,
            label="upper figure",
        ),
        Column(
            "qualifier",
            Kind.CHOICE,
            "How the source bounds the figure; decides which values are filled.",
            vocabulary=vocab.QUALIFIER,
            label="how the figure is bounded",
        ),
        Column(
            "hedge",
            Kind.TEXT,
            "The source's own hedge words, as they stand in the quote ('nearly', 'may be "
            "only', 'some'); the figure is worded with them. Empty when the quote has none.",
            required=False,
        ),
        Column(
            "conversion",
            Kind.TEXT,
            "How the quote's words became the figure, where they are not its digits or English "
            "number words: the words as they stand in the quote, an arrow, the figure "
            "('more than a fifth → more than 20 per cent'). Empty otherwise.",
            required=False,
        ),
        Column("unit", Kind.CHOICE, "What one unit of the figure is.", vocabulary=vocab.UNIT),
        Column(
            "counts",
            Kind.CHOICE,
            "What kind of count the figure is; only like kinds are compared.",
            vocabulary=vocab.COUNTS,
            label="kind of count",
        ),
        Column(
            "uncertain",
            Kind.BOOLEAN,
            "True when the source or the reference notes call the figure weak or contested.",
            label="marked unverified",
        ),
        *_source_columns("the figure"),
        *_translation_columns(),
        *_statement_columns(f"{table}.{key}", "statement", "the figure"),
        _note(),
    )


def _allowed_counts(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    """The kinds of count each row's metric and unit allow."""
    return [_counts_for(metric, unit) for metric, unit in _rows(frame, "metric", "unit")]


def _counts_for(metric: str | None, unit: str | None) -> tuple[str, ...]:
    """The metric's natural kinds and the parts of a population, for a count of persons."""
    natural = vocab.METRIC_COUNTS.get(metric, ()) if metric else ()
    if unit != "persons" or not natural:
        return ("not_people",)
    return (*natural, *vocab.PART_COUNTS)


def _counts_mismatch(frame: pd.DataFrame) -> pd.Series:
    return _per_row(
        frame,
        (
            counts is not None and counts not in allowed
            for counts, allowed in zip(_cells(frame, "counts"), _allowed_counts(frame), strict=True)
        ),
    )


def _counts_allowed_words(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(
        [" or ".join(allowed) for allowed in _allowed_counts(frame)], index=frame.index
    )


_WHITESPACE = re.compile(r"\s+")


def _folded(text: str) -> str:
    """Text compared loosely: lower case, runs of whitespace as one space."""
    return _WHITESPACE.sub(" ", text.lower()).strip()


def _hedge_not_quoted(frame: pd.DataFrame) -> pd.Series:
    return _per_row(
        frame,
        (
            hedge is not None and quote is not None and _folded(hedge) not in _folded(quote)
            for hedge, quote in _rows(frame, "hedge", "quote")
        ),
    )


CONVERSION_ARROW = "→"


def _numbers_not_quoted(
    value_column: str, quote_column: str
) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows whose `value_column` is a number their `quote_column` does not state, unless the
    row declares a `conversion` (whose words are checked to stand in the quote)."""

    def failing(frame: pd.DataFrame) -> pd.Series:
        conversions = _cells(frame, "conversion") if "conversion" in frame else [None] * len(frame)
        return _per_row(
            frame,
            (
                not math.isnan(value)
                and quote is not None
                and conversion is None
                and not states(quote, value)
                for value, quote, conversion in zip(
                    _number(frame, value_column).tolist(),
                    _cells(frame, quote_column),
                    conversions,
                    strict=True,
                )
            ),
        )

    return failing


def _conversion_not_quoted(frame: pd.DataFrame) -> pd.Series:
    """Conversions without an arrow, or whose words (before the arrow) are not in the quote."""
    return _per_row(
        frame,
        (
            conversion is not None and not _quotes_its_words(conversion, quote)
            for conversion, quote in _rows(frame, "conversion", "quote")
        ),
    )


def _quotes_its_words(conversion: str, quote: str | None) -> bool:
    """Whether the conversion has its arrow, and words before it that stand in the quote."""
    words, arrow, _ = conversion.partition(CONVERSION_ARROW)
    said = _folded(words)
    return bool(arrow and said) and quote is not None and said in _folded(quote)


def _echo_problem(key: str) -> Callable[[pd.DataFrame], pd.Series]:
    """Rows that echo themselves, echo an echo (link to the original instead), or are both an
    echo and distinct from a row (a row is one or the other)."""

    def failing(frame: pd.DataFrame) -> pd.Series:
        rows, echoes = _cells(frame, key), _cells(frame, "echo_of")
        echo_rows = {row for row, echo in zip(rows, echoes, strict=True) if echo is not None}
        return _per_row(
            frame,
            (
                # an echo of an echo, or an echo distinct from a row; or a row naming itself
                (echo is not None and (echo in echo_rows or distinct is not None))
                or (row is not None and row in (echo, distinct))
                for row, echo, distinct in zip(
                    rows, echoes, _cells(frame, "distinct_from"), strict=True
                )
            ),
        )

    return failing


def _lookalikes(
    columns: list[str], normalise: dict[str, Callable[[str], str]]
) -> tuple[Callable[[pd.DataFrame], pd.Series], Callable[[pd.DataFrame], pd.Series]]:
    """Rows that look like an earlier row (the same values in `columns`) where both have no
    link to any row: neither `echo_of` nor `distinct_from`. The first unlinked row of each group
    stands as the original; `detail` names its line."""

    def looks(frame: pd.DataFrame) -> list[tuple[str | None, ...]]:
        """Each row's values in `columns`, normalised where `normalise` says how."""

        def values(column: str) -> list[str | None]:
            cells = _cells(frame, column)
            if column not in normalise:
                return cells
            return [None if cell is None else normalise[column](cell) for cell in cells]

        return list(zip(*map(values, columns), strict=True))

    def originals(frame: pd.DataFrame) -> list[int | None]:
        """For each unlinked row that looks like an earlier unlinked row, that row's line."""
        linked = [
            echo is not None or distinct is not None
            for echo, distinct in _rows(frame, "echo_of", "distinct_from")
        ]
        first: dict[tuple[str | None, ...], int] = {}
        found: list[int | None] = []
        for look, line, is_linked in zip(looks(frame), frame.index.tolist(), linked, strict=True):
            original = None if is_linked else first.setdefault(look, line)  # lines ascend
            found.append(None if original == line else original)
        return found

    def failing(frame: pd.DataFrame) -> pd.Series:
        return _per_row(frame, (line is not None for line in originals(frame)))

    def detail(frame: pd.DataFrame) -> pd.Series:
        return pd.Series([f"line {line}" for line in originals(frame)], index=frame.index)

    return failing, detail


_NOT_LETTERS = re.compile(r"[^a-z]+")


@cache
def _person_name(name: str) -> str:
    """A name reduced to its letters, accents aside: 'José  Pérez' and 'Jose Perez' match.

    Cached: a table names the same claimants and people again and again.
    """
    letters = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_LETTERS.sub(" ", letters.lower()).strip()


def _copy_of_no_original(frame: pd.DataFrame) -> pd.Series:
    """Sources whose copy_of names the source itself, or a source that is a copy too."""
    sources, originals = _cells(frame, "source_id"), _cells(frame, "copy_of")
    copies = {
        source for source, original in zip(sources, originals, strict=True) if original is not None
    }
    return _per_row(
        frame,
        (
            original is not None and (original == source or original in copies)
            for source, original in zip(sources, originals, strict=True)
        ),
    )


def _statement_rules(key: str) -> tuple[RowRule, ...]:
    same_statement = _lookalikes(
        ["conflict", "side", "metric", "country", "claimant", "value_low", "value_high", "unit"],
        {"claimant": _person_name},
    )
    return (
        RowRule(
            "echo_of",
            "Names an original: not the row itself, not another echo, and not together with "
            "distinct_from.",
            "must name the original row, not itself or another echo, and not be set together "
            "with distinct_from ({echo_of!r})",
            _echo_problem(key),
        ),
        RowRule(
            "echo_of",
            "Set (or distinct_from set) where a row repeats the claimant, metric, country and "
            "value of an earlier row: one statement counts once.",
            "looks like the same statement as {detail} (same claimant, metric, country and "
            "value): set echo_of to the original, or distinct_from if they are two statements",
            *same_statement,
        ),
    )


_FIGURE_RULES = (
    RowRule(
        "quote_english",
        "Given exactly when quote_language is: a quote not in English carries our translation.",
        "must be given exactly when quote_language is (a quote not in English needs our "
        "translation, an English one none)",
        _translation_missing,
    ),
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
    RowRule(
        "value_low",
        "A number the quote states, in digits or words ('20,000', 'twenty thousand').",
        "{value_low} is not stated in the quote: a figure must be the quote's own number",
        _numbers_not_quoted("value_low", "quote"),
        secondary=True,
    ),
    RowRule(
        "value_high",
        "A number the quote states, in digits or words.",
        "{value_high} is not stated in the quote: a figure must be the quote's own number",
        _numbers_not_quoted("value_high", "quote"),
        secondary=True,
    ),
    RowRule(
        "hedge",
        "Words that stand in the quote.",
        "{hedge!r} is not in the quote: a hedge is the source's own words",
        _hedge_not_quoted,
    ),
    RowRule(
        "conversion",
        "The quote's own words, an arrow (→), and the figure they give.",
        "must be the quote's own words, then '→', then the figure ({conversion!r})",
        _conversion_not_quoted,
    ),
    RowRule(
        "counts",
        "A kind the metric and unit allow: not_people for anything not counted in persons.",
        "{counts!r} does not fit metric {metric!r} in {unit!r}: expected {detail}",
        _counts_mismatch,
        _counts_allowed_words,
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
        Column(
            "published",
            Kind.DATE,
            "Publication date, as precise as known.",
            required=False,
            label="date published",
        ),
        Column("kind", Kind.CHOICE, "What sort of document.", vocabulary=vocab.SOURCE_KIND),
        Column(
            "url",
            Kind.TEXT,
            "The address of the original page, if known.",
            required=False,
            label="web address",
        ),
        Column(
            "partisan",
            Kind.BOOLEAN,
            "True for an outlet that speaks for one side (state media, advocacy sites): its "
            "figures are never evidence against a claim.",
        ),
        Column(
            "copy_of",
            Kind.REFERENCE,
            "The source this one is a copy, mirror or republication of.",
            required=False,
            references="sources.source_id",
        ),
        _note(),
    ),
    rules=(
        RowRule(
            "copy_of",
            "Names the original: not the source itself, and not another copy.",
            "must name the original source, not itself or another copy ({copy_of!r})",
            _copy_of_no_original,
        ),
    ),
    label="Sources",
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
    label="Wars",
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
        *_figure_columns("claims", "claim_id"),
    ),
    rules=(*_FIGURE_RULES, *_statement_rules("claim_id")),
    label="Figures on the 2022 war",
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
        *_figure_columns("historical", "figure_id"),
    ),
    rules=(*_FIGURE_RULES, *_statement_rules("figure_id")),
    label="Figures on earlier wars",
)

CASUALTIES = Table(
    "casualties",
    "One row per foreign volunteer whose death a source reports, named or described.",
    (
        Column("casualty_id", Kind.ID, "Identifier of the row.", unique=True),
        Column("person", Kind.TEXT, "The name as given, or a short description if unnamed."),
        Column("nationality", Kind.COUNTRY, "Nationality (ISO alpha-3).", required=False),
        Column("side", Kind.CHOICE, "The side the person fought on.", vocabulary=vocab.SIDE_2022),
        Column(
            "died_on",
            Kind.DATE,
            "Date of death, as precise as stated.",
            required=False,
            years=WAR_YEARS,
        ),
        Column(
            "reported_on",
            Kind.DATE,
            "When the death was reported, where the source dates the report but not the death.",
            required=False,
            years=WAR_YEARS,
        ),
        Column("place", Kind.TEXT, "Where the person died, as stated.", required=False),
        Column("unit", Kind.TEXT, "The person's unit, as stated.", required=False),
        Column(
            "role",
            Kind.CHOICE,
            "What the person was doing, as the source tells it: a list of the fallen is not "
            "a list of fighters.",
            vocabulary=vocab.ROLE,
        ),
        *_source_columns("the death"),
        *_statement_columns("casualties.casualty_id", "person", "a person already listed"),
        _note(),
    ),
    rules=(
        RowRule(
            "echo_of",
            "Names the person's first row: not the row itself, not another echo, and not "
            "together with distinct_from.",
            "must name the person's first row, not itself or another echo, and not be set "
            "together with distinct_from ({echo_of!r})",
            _echo_problem("casualty_id"),
        ),
        RowRule(
            "echo_of",
            "Set (or distinct_from set) where a row names the same person as an earlier row, "
            "accents and punctuation aside: one person counts once.",
            "names the same person as {detail}: set echo_of to that row, or distinct_from if "
            "they are two people",
            *_lookalikes(["person"], {"person": _person_name}),
        ),
    ),
    label="Deaths",
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
            label="legal position",
        ),
        Column(
            "penalty_max_years",
            Kind.NUMBER,
            "The longest prison term the source states, in years; with `penalty_open`, the "
            "least of an open-ended term ('15 years to life').",
            required=False,
            label="longest prison term (years)",
        ),
        Column(
            "penalty_open",
            Kind.BOOLEAN,
            "True when the longest term has no upper limit ('15 years to life').",
            required=False,
        ),
        Column(
            "stated_on",
            Kind.DATE,
            "When the stance was stated, if given.",
            required=False,
            label="date stated",
        ),
        *_source_columns("the stance"),
        Column(
            "penalty_quote",
            Kind.QUOTE,
            "The verbatim passage that states the penalty (same source).",
            required=False,
            label="quoted penalty",
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
        RowRule(
            "penalty_max_years",
            "A number the penalty quote states.",
            "{penalty_max_years} is not stated in the penalty quote",
            _numbers_not_quoted("penalty_max_years", "penalty_quote"),
            secondary=True,
        ),
        RowRule(
            "penalty_max_years",
            "Required when penalty_open is given.",
            "is required when penalty_open is given",
            _missing_when_given("penalty_open", "penalty_max_years"),
        ),
    ),
    label="Legal positions",
)

UNITS = Table(
    "units",
    "Units of foreign volunteers fighting for Ukraine.",
    (
        Column("unit_id", Kind.ID, "Identifier of the row.", unique=True),
        Column("name", Kind.TEXT, "The unit's name."),
        Column("branch", Kind.CHOICE, "Where the unit belongs.", vocabulary=vocab.BRANCH),
        Column("composition", Kind.PROSE, "Who serves in it, in the project's words."),
        Column(
            "formed", Kind.DATE, "When it was formed, if stated.", required=False, years=WAR_YEARS
        ),
        Column(
            "disbanded",
            Kind.DATE,
            "When it was disbanded, if stated.",
            required=False,
            years=WAR_YEARS,
        ),
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
    label="Units",
)

CONDITIONS = Table(
    "conditions",
    "Terms and consequences the sources state with no figure to count: contract lengths, "
    "sanctions other than prison, loss of citizenship.",
    (
        Column("condition_id", Kind.ID, "Identifier of the row.", unique=True),
        Column("side", Kind.CHOICE, "The side it concerns.", vocabulary=vocab.SIDE_2022),
        Column(
            "country",
            Kind.COUNTRY,
            f"The state it concerns: {describe_codes()}; empty when it is the army's own term.",
            required=False,
        ),
        Column("topic", Kind.CHOICE, "What it is about.", vocabulary=vocab.TOPIC),
        Column("summary", Kind.PROSE, "What the source states, in the project's own words."),
        Column("stated_on", Kind.DATE, "When it was stated, if given.", required=False),
        Column("claimant", Kind.TEXT, "Who stated it."),
        Column(
            "claimant_type", Kind.CHOICE, "What kind of claimant.", vocabulary=vocab.CLAIMANT_TYPE
        ),
        *_source_columns("it"),
        _note(),
    ),
    label="Terms and sanctions",
)

CORRECTIONS = Table(
    "corrections",
    "Every change made to a curated row after it was first recorded, with the reason and the "
    "source's words that support it, so a reader can see what was corrected.",
    (
        Column("correction_id", Kind.ID, "Identifier of the correction.", unique=True),
        Column(
            "table",
            Kind.CHOICE,
            "The table of the corrected row.",
            vocabulary=vocab.CORRECTED_TABLES,
        ),
        Column("row_id", Kind.ID, "The corrected row's identifier in that table."),
        Column("corrected_on", Kind.DATE, "When the correction was made.", years=(2022, 2100)),
        Column("field", Kind.ID, "The corrected column, or 'row' for a row removed."),
        Column("before", Kind.TEXT, "The value before; empty if there was none.", required=False),
        Column("after", Kind.TEXT, "The value after; empty if there is none.", required=False),
        Column("reason", Kind.PROSE, "Why, in the project's own words."),
        *_source_columns("the corrected value"),
    ),
    label="Corrections",
)

TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        SOURCES,
        CONFLICTS,
        CLAIMS,
        HISTORICAL,
        CASUALTIES,
        LEGAL_STANCES,
        UNITS,
        CONDITIONS,
        CORRECTIONS,
    )
}
"""Every raw table, in the order they are validated (referenced tables first)."""


def rule_message(rule: RowRule, row: Mapping[str, str], detail: str = "") -> str:
    """The rule's message filled in with one row's values (and its `detail`, if any).

    `row` holds the values of the rule's `shown_columns`, '' where a cell is empty.
    """
    qualifier = row.get("qualifier")
    bounds = bounds_description(qualifier) if qualifier in QUALIFIER_BOUNDS else ""
    return rule.message.format(bounds=bounds, detail=detail, **row)
