"""The numbers a quote states, so a figure can be checked against the words it came from.

A curated figure must be legible in its quote: '20,000', '20 000', '20 thousand', 'twenty
thousand' and '1.5 million' all state their number. A figure whose digits the quote does not
state (a sum, a rounding, a typo: a quote of "1" for 999,999) is refused at validation.
"""

from __future__ import annotations

import re
from functools import cache

_WORDS = {
    "no": 0, "none": 0, "any": 0, "without": 0, "never": 0,
    "one": 1, "a": 1, "an": 1, "another": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "hundred": 100, "half": 0.5,
    "single": 1, "both": 2, "pair": 2, "couple": 2,
}  # fmt: skip
"""Number words as sources write small numbers ('two Britons', 'a dozen', 'half a million',
'a Moroccan', 'no reported cases')."""

_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}

_SCALES = {"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9}

_DIGITS = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d{1,3}(?:\.\d{3})+|\d+)(\.\d+|,\d{1,2}(?!\d))?"
)
_SCALE_AFTER = re.compile(r"\s*(hundred|thousand|million|mln|billion|k)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


@cache
def stated_numbers(quote: str) -> frozenset[float]:
    """Every number the quote states, in digits or in words, with its scale word applied."""
    found: set[float] = set()
    for match in _DIGITS.finditer(quote):
        whole, fraction = match.group(1), match.group(2) or ""
        values = {float(re.sub(r"[,\u00a0\u202f .]", "", whole) + fraction.replace(",", "."))}
        if re.fullmatch(r"\d{1,3}\.\d{3}", whole):  # '1.500' is 1,500 in much of Europe
            values.add(float(whole))
        scale = _SCALE_AFTER.match(quote, match.end())
        factor = _SCALES[scale.group(1).lower()] if scale else 1
        found |= {value * factor for value in values} | values
    found |= _worded_numbers(quote)
    return frozenset(found)


def states(quote: str, value: float) -> bool:
    """Whether `quote` states `value` (in digits or words)."""
    return any(
        abs(number - value) <= 1e-9 * max(1.0, abs(value)) for number in stated_numbers(quote)
    )


def _worded_numbers(quote: str) -> set[float]:
    """Numbers written as words: 'two', 'twenty-five', 'a dozen', 'two thousand', 'half a million'."""
    words = [word.lower() for word in _WORD.findall(quote)]
    found: set[float] = set()
    for position, word in enumerate(words):
        if word not in _WORDS or word in _SCALES:
            continue
        value = float(_WORDS[word])
        following = words[position + 1 : position + 3]
        if word in _TENS and following and 0 < _WORDS.get(following[0], 10) < 10:
            value += _WORDS[following[0]]
            following = following[1:]
        for next_word in following:
            if next_word in _SCALES:
                value *= _SCALES[next_word]
            elif next_word != "a":
                break
        found.add(value)
    return found
