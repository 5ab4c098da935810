"""Figures in words keep the source's hedge; citations point at the evidence appendix."""

import pandas as pd
import pytest

from ffanalysis.analysis.text import (
    RANGE_DASH,
    cite,
    figure_text,
    interval_text,
    number,
    prison_term,
    upper_first,
)


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "words"),
    [
        (20000, 20000, "exact", "20,000"),
        (20000, 20000, "about", "about 20,000"),
        (20000, None, "more_than", "more than 20,000"),
        (50, None, "at_least", "at least 50"),
        (None, 750, "fewer_than", "fewer than 750"),
        (None, 100000, "up_to", "up to 100,000"),
        (1500, 2000, "range", f"1,500{RANGE_DASH}2,000"),
        (None, None, "vague", "an unstated number"),
        (pd.NA, 750, "fewer_than", "fewer than 750"),
    ],
)
def test_a_figure_reads_as_the_source_bounded_it(low, high, qualifier, words) -> None:
    assert figure_text(low, high, qualifier) == words


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "hedge", "words"),
    [
        (20000, 20000, "about", "nearly", "nearly 20,000"),
        (1500, 1500, "about", "may be only", "may be only 1,500"),
        (1000, None, "more_than", "Over", "over 1,000"),
        (1000, None, "more_than", ">", "more than 1,000"),
        (40, None, "at_least", "At least", "at least 40"),
        (202, 202, "exact", "are believed", "202"),
        (1000, 1000, "about", "Около", "about 1,000"),
        (1000, None, "more_than", "ultrapassam", "more than 1,000"),
    ],
)
def test_a_hedge_is_worded_before_the_number_only_where_a_sentence_can_say_it(
    low, high, qualifier, hedge, words
) -> None:
    assert figure_text(low, high, qualifier, hedge) == words


def test_computed_intervals_read_as_ranges_or_bounds() -> None:
    assert interval_text(10.0, 13.3333) == f"10{RANGE_DASH}13.3"
    assert interval_text(26.6667, None) == "at least 26.7"
    assert interval_text(None, 0.5) == "at most 0.5"
    assert interval_text(10.0, 10.04) == "10"
    assert interval_text(pd.NA, float("nan")) == "not known"


def test_numbers_get_separators_and_lose_needless_decimals() -> None:
    assert number(13387) == "13,387"
    assert number(13.333, digits=2) == "13.33"


def test_citations_link_every_row_to_its_appendix_entry() -> None:
    assert cite("claims", "L0005, R0026") == (
        '<sup class="cite">[<a href="#evidence-claims-L0005">L0005</a>, '
        '<a href="#evidence-claims-R0026">R0026</a>]</sup>'
    )
    assert (
        cite("casualties", ["K1"])
        == '<sup class="cite">[<a href="#evidence-casualties-K1">K1</a>]</sup>'
    )
    assert cite("claims", "") == ""


def test_a_sentence_opens_with_a_capital_and_keeps_the_rest() -> None:
    assert upper_first("the United Kingdom bars it") == "The United Kingdom bars it"
    assert upper_first("") == ""


@pytest.mark.parametrize(
    ("years", "open_ended", "words"),
    [(1, False, "up to 1 year"), (7, False, "up to 7 years"), (15, True, "15 years or more")],
)
def test_a_prison_term_agrees_with_its_number_and_keeps_an_open_top_open(
    years: float, open_ended: bool, words: str
) -> None:
    assert prison_term(years, open_ended) == words
    assert prison_term(None) is None
