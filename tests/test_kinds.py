"""Each kind of column declared once: the dictionary prints the rules the validator applies,
and a declaration that contradicts its kind fails at once."""

from __future__ import annotations

import pytest

from ffanalysis.data import vocab
from ffanalysis.data.dictionary import data_dictionary
from ffanalysis.data.kinds import KINDS, SHORT_CELL_CHECK, TEXT_CHECKS, Kind, checks, problem
from ffanalysis.data.schema import Column


def test_the_dictionary_states_every_rule_the_validator_checks() -> None:
    dictionary = data_dictionary()
    for check in (
        *TEXT_CHECKS,
        SHORT_CELL_CHECK,
        *(check for rules in KINDS.values() for check in rules.checks),
    ):
        assert check.rule in dictionary, check.rule


@pytest.mark.parametrize(
    ("kind", "good", "bad"),
    [
        (Kind.ID, "R0015", "R 15"),
        (Kind.NUMBER, "1500", "1,500"),
        (Kind.DATE, "2022-03", "March 2022"),
        (Kind.COUNTRY, "GBR", "gbr"),
        (Kind.BOOLEAN, "true", "yes"),
        (Kind.FILE, "sources/doc.txt", "../doc.txt"),
        (Kind.TEXT, "A note.", "=SUM(A1)"),
    ],
)
def test_each_kind_passes_a_good_value_and_names_what_is_wrong_with_a_bad_one(
    kind: Kind, good: str, bad: str
) -> None:
    column = Column("cell", kind, "A cell.")
    assert problem(column, good) is None
    assert problem(column, bad)


def test_a_choice_is_checked_against_its_vocabulary_and_cleaned_as_its_categories() -> None:
    column = Column("qualifier", Kind.CHOICE, "How bounded.", vocabulary=vocab.QUALIFIER)
    (check,) = (c for c in checks(column) if c in KINDS[Kind.CHOICE].checks)
    assert [check.passes(value, column) for value in ("about", "roughly")] == [True, False]
    assert list(KINDS[Kind.CHOICE].clean_type(column).categories) == list(vocab.QUALIFIER)


@pytest.mark.parametrize(
    "declare",
    [
        lambda: Column("metric", Kind.CHOICE, "No vocabulary."),
        lambda: Column("note", Kind.TEXT, "A vocabulary.", vocabulary=vocab.QUALIFIER),
        lambda: Column("source_id", Kind.REFERENCE, "No target."),
        lambda: Column("source_id", Kind.REFERENCE, "A bad target.", references="sources"),
        lambda: Column("note", Kind.TEXT, "A target.", references="sources.source_id"),
        lambda: Column("note", Kind.TEXT, "Years.", years=(2014, 2100)),
    ],
)
def test_a_column_declared_against_its_kind_is_refused(declare) -> None:
    with pytest.raises(ValueError, match="column"):
        declare()
