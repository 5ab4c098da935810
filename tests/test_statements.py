"""Validation of what a row states: its number is the quote's, its kind of count fits its
metric, and a statement or a person read twice is linked, never counted twice."""

from __future__ import annotations

import pytest

from ffanalysis.data.quoted_numbers import stated_numbers, states
from tests.conftest import Project
from tests.helpers import problems_of


def edit(project: Project, name: str, old: str, new: str) -> None:
    text = project.read(name)
    assert old in text
    project.write(name, text.replace(old, new))


@pytest.mark.parametrize(
    ("quote", "value"),
    [
        ("more than 20,000 volunteers", 20000),
        ("13 387 mercenaries", 13387),
        ("some 1.5 million", 1_500_000),
        ("two Britons", 2),
        ("twenty-five people", 25),
        ("a dozen", 12),
        ("sentenced a Moroccan", 1),
        ("no reported cases", 0),
    ],
)
def test_a_quote_states_its_number_in_digits_or_words(quote: str, value: float) -> None:
    assert states(quote, value)


def test_a_quote_of_1_does_not_state_999999() -> None:
    assert not states("1", 999_999)
    assert stated_numbers("1") == frozenset({1.0})


def test_a_figure_the_quote_does_not_state_is_refused(project: Project) -> None:
    edit(project, "claims.csv", "13387,13387,exact", "13388,13388,exact")
    assert problems_of(project) == [
        "claims.csv:4: value_high: 13388 is not stated in the quote: a figure must be the "
        "quote's own number",
        "claims.csv:4: value_low: 13388 is not stated in the quote: a figure must be the "
        "quote's own number",
    ]


def test_a_declared_conversion_must_quote_its_words(project: Project) -> None:
    edit(project, "claims.csv", "13387,13387,exact,,,", "13000,13000,exact,,thirteen → 13000,")
    assert problems_of(project) == [
        "claims.csv:4: conversion: must be the quote's own words, then '→', then the figure "
        "('thirteen → 13000')"
    ]


def test_a_kind_of_count_must_fit_the_metric(project: Project) -> None:
    edit(project, "claims.csv", "persons,interest,", "persons,at_one_time,")
    assert problems_of(project) == [
        "claims.csv:2: counts: 'at_one_time' does not fit metric 'volunteers_interested' in "
        "'persons': expected interest or subset or other_population"
    ]


def test_a_hedge_must_stand_in_the_quote(project: Project) -> None:
    edit(project, "claims.csv", "20000,20000,exact,,", "20000,20000,exact,nearly,")
    assert problems_of(project) == [
        "claims.csv:2: hedge: 'nearly' is not in the quote: a hedge is the source's own words"
    ]


def test_one_statement_read_twice_must_be_linked(project: Project) -> None:
    claims = project.read("claims.csv")
    again = claims.splitlines()[1].replace("C1,", "C6,")
    project.write("claims.csv", claims + again + "\n")
    assert problems_of(project) == [
        "claims.csv:7: echo_of: looks like the same statement as line 2 (same claimant, "
        "metric, country and value): set echo_of to the original, or distinct_from if they are "
        "two statements"
    ]


def test_a_linked_echo_passes_and_an_echo_of_an_echo_does_not(project: Project) -> None:
    claims = project.read("claims.csv")
    first = claims.splitlines()[1]
    echo = first.replace("C1,", "C6,").removesuffix(",,,") + ",C1,,"
    echo_of_echo = first.replace("C1,", "C7,").removesuffix(",,,") + ",C6,,"
    project.write("claims.csv", claims + echo + "\n")
    assert problems_of(project) == []
    project.write("claims.csv", claims + echo + "\n" + echo_of_echo + "\n")
    assert problems_of(project) == [
        "claims.csv:8: echo_of: must name the original row, not itself or another echo, and "
        "not be set together with distinct_from ('C6')"
    ]


def test_one_person_named_twice_must_be_linked(project: Project) -> None:
    casualties = project.read("casualties.csv")
    again = casualties.splitlines()[1].replace("K1,John Doe", "K2,JOHN  DOE")
    project.write("casualties.csv", casualties + again + "\n")
    assert problems_of(project) == [
        "casualties.csv:3: echo_of: names the same person as line 2: set echo_of to that row, "
        "or distinct_from if they are two people"
    ]
    project.write("casualties.csv", casualties + again.removesuffix(",,,") + ",K1,,\n")
    assert problems_of(project) == []


def test_the_first_line_is_a_whole_number_beside_linked_rows(project: Project) -> None:
    """Also in a table where other rows are linked (whose missing lines once made every line
    a float: 'line 2.0')."""
    casualties = project.read("casualties.csv")
    first = casualties.splitlines()[1]
    again = first.replace("K1,John Doe", "K2,JOHN  DOE")
    linked = first.replace("K1,John Doe", "K3,Jane Roe").removesuffix(",,,") + ",,K1,"
    project.write("casualties.csv", casualties + again + "\n" + linked + "\n")
    assert problems_of(project) == [
        "casualties.csv:3: echo_of: names the same person as line 2: set echo_of to that row, "
        "or distinct_from if they are two people"
    ]
