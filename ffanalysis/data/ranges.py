"""Figures as intervals: a claim is a range of values, never a single number it did not state.

A figure row carries value_low, value_high and a qualifier. Here it becomes an `Interval` whose
bounds may be open ("fewer than 750" has no lower bound, "more than 1,000" no upper bound), and
arithmetic on intervals gives the range that every combination of the inputs allows. Nothing
becomes a midpoint.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple


class Bounds(NamedTuple):
    """Which of value_low and value_high a qualifier needs."""

    low: bool
    high: bool
    equal: bool = False


QUALIFIER_BOUNDS: dict[str, Bounds] = {
    "exact": Bounds(low=True, high=True, equal=True),
    "about": Bounds(low=True, high=True, equal=True),
    "at_least": Bounds(low=True, high=False),
    "more_than": Bounds(low=True, high=False),
    "fewer_than": Bounds(low=False, high=True),
    "up_to": Bounds(low=False, high=True),
    "range": Bounds(low=True, high=True),
    "vague": Bounds(low=False, high=False),
}
"""The one statement of how a qualifier shapes the figure columns (validation reads it too)."""


def bounds_description(qualifier: str) -> str:
    """How the figure columns must look for `qualifier`, in words."""
    bounds = QUALIFIER_BOUNDS[qualifier]
    if bounds.equal:
        return "value_low and value_high, equal"
    if bounds.low and bounds.high:
        return "value_low and value_high, with value_low < value_high"
    if bounds.low:
        return "value_low and an empty value_high"
    if bounds.high:
        return "value_high and an empty value_low"
    return "both values empty"


@dataclass(frozen=True)
class Interval:
    """A quantity known to lie between `low` and `high`.

    None is an open bound: the source sets no limit on that side. Figures are counts, so an
    open lower bound means "somewhere from zero"; arithmetic uses that floor and reports a
    result bound as open when it carries no information (zero from an open floor, or infinity).
    """

    low: float | None
    high: float | None

    def __post_init__(self) -> None:
        for bound in (self.low, self.high):
            if bound is not None and not math.isfinite(bound):
                raise ValueError(f"an interval bound must be a finite number, not {bound}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")

    @classmethod
    def from_figure(cls, low: float | None, high: float | None, qualifier: str) -> Interval | None:
        """The interval a figure row states; None for a `vague` figure (no number at all)."""
        bounds = QUALIFIER_BOUNDS[qualifier]
        if not (bounds.low or bounds.high):
            return None
        return cls(_known(low) if bounds.low else None, _known(high) if bounds.high else None)

    @property
    def is_point(self) -> bool:
        return self.low is not None and self.low == self.high

    def __add__(self, other: Interval) -> Interval:
        return _interval(
            self._floor + other._floor, self._ceiling + other._ceiling, self.low, other.low
        )

    def __sub__(self, other: Interval) -> Interval:
        """The range of differences self - other (it may go below zero)."""
        return _interval(self._floor - other._ceiling, self._ceiling - other._floor, self.low)

    def __mul__(self, factor: float) -> Interval:
        if not (math.isfinite(factor) and factor >= 0):
            raise ValueError(f"can only scale by a finite number >= 0, not {factor}")
        return _interval(self._floor * factor, self._ceiling * factor, self.low)

    def __truediv__(self, other: Interval) -> Interval:
        """The range of ratios: 20,000 / (1,500 to 2,000) is 10 to 13.3."""
        if self._floor < 0 or other._floor < 0:
            raise ValueError("ratios are defined here for non-negative intervals only")
        low = self._floor / other._ceiling
        high = self._ceiling / other._floor if other._floor else math.inf
        return _interval(low, high, self.low, other.high)

    @property
    def _floor(self) -> float:
        return 0.0 if self.low is None else self.low

    @property
    def _ceiling(self) -> float:
        return math.inf if self.high is None else self.high


def total(intervals: list[Interval]) -> Interval:
    """The sum of several intervals (an empty list sums to exactly zero)."""
    result = Interval(0.0, 0.0)
    for interval in intervals:
        result = result + interval
    return result


def _interval(low: float, high: float, *open_inputs: float | None) -> Interval:
    """Build a result, opening the bounds that carry no information."""
    low_is_open = math.isnan(low) or math.isinf(low) or (low == 0 and None in open_inputs)
    high_is_open = math.isnan(high) or math.isinf(high)
    return Interval(None if low_is_open else low, None if high_is_open else high)


def _known(value: float | None) -> float:
    if value is None or math.isnan(value):
        raise ValueError("the qualifier needs this bound, but it is missing")
    return float(value)
