"""Partial dates: '2022' and '2022-03' mean intervals of days, parsed exactly."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ffanalysis.data.dates import PartialDateError, format_partial_date, parse_partial_date

days = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))


@given(days)
def test_a_day_is_its_own_interval(day: date) -> None:
    assert parse_partial_date(day.isoformat()) == (day, day)


@given(days)
def test_a_month_covers_exactly_its_days(day: date) -> None:
    start, end = parse_partial_date(f"{day.year:04d}-{day.month:02d}")
    assert start == day.replace(day=1)
    assert start <= day <= end
    assert (end + timedelta(days=1)).month != end.month


@given(days)
def test_a_year_runs_from_new_year_to_new_years_eve(day: date) -> None:
    assert parse_partial_date(f"{day.year:04d}") == (date(day.year, 1, 1), date(day.year, 12, 31))


@given(days, st.sampled_from(["year", "month", "day"]))
def test_formatting_inverts_parsing(day: date, precision: str) -> None:
    text = {"year": day.isoformat()[:4], "month": day.isoformat()[:7], "day": day.isoformat()}
    assert format_partial_date(*parse_partial_date(text[precision])) == text[precision]


@given(st.text(max_size=12))
def test_anything_else_is_rejected_with_partial_date_error(text: str) -> None:
    try:
        start, end = parse_partial_date(text)
    except PartialDateError:
        return
    assert start <= end
    assert text[:4].isdigit()


@pytest.mark.parametrize(
    "text", ["2022-02-30", "2022-13", "2022-00", "22-03-01", "2022/03", " 2022", "2022-3", ""]
)
def test_malformed_dates_are_rejected(text: str) -> None:
    with pytest.raises(PartialDateError):
        parse_partial_date(text)


def test_leap_day_only_in_leap_years() -> None:
    assert parse_partial_date("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    with pytest.raises(PartialDateError):
        parse_partial_date("2023-02-29")
