"""Figures as intervals: arithmetic gives every value the inputs allow, and no more."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ffanalysis.data.ranges import QUALIFIER_BOUNDS, Interval, total
from ffanalysis.data.vocab import QUALIFIER

values = st.floats(min_value=0, max_value=1e7, allow_nan=False)


@st.composite
def intervals(draw) -> Interval:
    low, high = sorted([draw(values), draw(values)])
    return Interval(
        None if draw(st.booleans()) and draw(st.booleans()) else low,
        None if draw(st.booleans()) and draw(st.booleans()) else high,
    )


@st.composite
def interval_and_member(draw) -> tuple[Interval, float]:
    interval = draw(intervals())
    floor = interval.low if interval.low is not None else 0.0
    ceiling = interval.high if interval.high is not None else floor + 1e7
    return interval, draw(st.floats(min_value=floor, max_value=ceiling))


def contains(interval: Interval, value: float) -> bool:
    tolerance = 1e-9 * max(1.0, abs(value))
    above_low = interval.low is None or value >= interval.low - tolerance
    below_high = interval.high is None or value <= interval.high + tolerance
    return above_low and below_high


def test_the_headline_ratio() -> None:
    """Kyiv's 20,000 against the 1,500 to 2,000 reporters found: 10 to 13.3 times."""
    ratio = Interval(20000, 20000) / Interval(1500, 2000)
    assert ratio.low == 10
    assert ratio.high == pytest.approx(13.333, abs=1e-3)


def test_open_bounds_stay_open() -> None:
    fewer_than_750 = Interval.from_figure(None, 750, "fewer_than")
    assert fewer_than_750 == Interval(None, 750)
    assert (Interval(13387, 13387) / fewer_than_750).high is None
    assert (fewer_than_750 + Interval(100, 100)) == Interval(100, 850)
    assert (fewer_than_750 + fewer_than_750).low is None


@given(interval_and_member(), interval_and_member())
def test_sums_contain_every_sum_of_members(a, b) -> None:
    (first, x), (second, y) = a, b
    assert contains(first + second, x + y)


@given(interval_and_member(), interval_and_member())
def test_differences_contain_every_difference_of_members(a, b) -> None:
    (first, x), (second, y) = a, b
    assert contains(first - second, x - y)


@given(interval_and_member(), interval_and_member())
def test_ratios_contain_every_ratio_of_members(a, b) -> None:
    (first, x), (second, y) = a, b
    assume(y > 0)
    assert contains(first / second, x / y)


@given(interval_and_member(), st.floats(min_value=0, max_value=1e4))
def test_rates_contain_every_scaled_member(a, factor: float) -> None:
    interval, x = a
    assert contains(interval * factor, x * factor)


@given(st.lists(interval_and_member(), max_size=6))
def test_a_total_contains_every_total_of_members(parts) -> None:
    assert contains(total([interval for interval, _ in parts]), sum(x for _, x in parts))


def test_the_total_of_nothing_is_zero() -> None:
    assert total([]) == Interval(0.0, 0.0)


@given(values, values, st.sampled_from(sorted(QUALIFIER)))
def test_figures_parse_to_the_bounds_their_qualifier_names(
    low: float, high: float, qualifier: str
) -> None:
    low, high = sorted([low, high])
    bounds = QUALIFIER_BOUNDS[qualifier]
    if bounds.equal:
        high = low
    interval = Interval.from_figure(low, high, qualifier)
    if not (bounds.low or bounds.high):
        assert interval is None
        return
    assert (interval.low is not None) == bounds.low
    assert (interval.high is not None) == bounds.high


def test_every_qualifier_has_bounds() -> None:
    assert set(QUALIFIER_BOUNDS) == set(QUALIFIER)


def test_a_missing_bound_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError, match="missing"):
        Interval.from_figure(None, 2000, "range")


def test_an_inverted_interval_is_rejected() -> None:
    with pytest.raises(ValueError, match="above"):
        Interval(2000, 1500)
