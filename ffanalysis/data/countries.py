"""Country codes: ISO 3166-1 alpha-3, plus the few places and groups the sources need.

pycountry is the authority for ISO codes and names; the aliases and reader names below are the
explicit exceptions, each with the reason it exists. A figure about several named countries at once is written as their
codes joined by '+' (DEU+AUT), so it stays one row, as the source states it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

ALL = "ALL"
GROUP_SEPARATOR = "+"

ALIASES = {
    "XKX": "Kosovo (user-assigned code used by the EU and IMF; not in ISO 3166-1)",
}
"""Codes pycountry lacks, with their names."""

READER_NAMES = {"RUS": "Russia"}
"""Names readers use where pycountry has only the formal one ('Russian Federation')."""

AGGREGATES = {
    ALL: "All countries together (a total)",
    "EU": "The European Union as a whole",
    "NATO": "The member states of NATO as a whole",
    "EUROPE": "Europe as a whole",
    "WESTERN_EUROPE": "Western Europe as a whole",
    "CENTRAL_ASIA": "Central Asia as a whole",
    "MENA": "The Middle East and North Africa as a whole",
    "AFRICA": "Africa as a whole",
    "ALL_EXCEPT_RUS": "All countries except Russia",
}
"""Codes that stand for a total over many countries."""


@cache
def country_name(code: str) -> str | None:
    """The English name for a code, or None if the code is not known."""
    if code in READER_NAMES:
        return READER_NAMES[code]
    if code in ALIASES:
        return ALIASES[code].split(" (")[0]
    if code in AGGREGATES:
        return AGGREGATES[code]
    if GROUP_SEPARATOR in code:
        names = [country_name(part) for part in code.split(GROUP_SEPARATOR)]
        known = [name for name in names if name is not None]
        return " + ".join(known) if len(known) == len(names) else None
    import pycountry

    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 and code.isupper() else None
    return None if country is None else getattr(country, "common_name", country.name)


def is_country_code(code: str) -> bool:
    """True for an ISO alpha-3 code, an alias, an aggregate or a '+' group of single codes."""
    parts = code.split(GROUP_SEPARATOR)
    if len(parts) > 1 and any(part in AGGREGATES for part in parts):
        return False
    return all(country_name(part) is not None for part in parts)


def is_single_country(code: str) -> bool:
    """True for one country (an ISO alpha-3 code or an alias), not a total or a group."""
    return GROUP_SEPARATOR not in code and code not in AGGREGATES and bool(country_name(code))


def describe_codes() -> str:
    """The accepted forms of a country code, in words (for messages and the dictionary)."""
    extra = ", ".join([*ALIASES, *AGGREGATES])
    return f"an ISO 3166-1 alpha-3 code, one of {extra}, or codes joined by '{GROUP_SEPARATOR}'"


def country_rows(frame: pd.DataFrame, code: str, column: str = "country") -> pd.DataFrame:
    """The rows about one country, `code`: those naming it alone and those naming it within a
    group (a source that counts 'USA+CAN' together), with `alone` saying which is which."""
    if not is_single_country(code):
        raise ValueError(f"{code!r} is not one country's ISO 3166-1 alpha-3 code")
    named = frame[column].astype("string").fillna("").str.split(GROUP_SEPARATOR)
    selected = frame.loc[named.map(lambda codes: code in codes)]
    return selected.assign(alone=selected[column].astype("string").eq(code))
