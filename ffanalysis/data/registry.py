"""Every reference table, in one place: add a derived list here and every step picks it up."""

from __future__ import annotations

from . import lostarmour
from .reference import ReferenceTable

REFERENCE_TABLES: dict[str, ReferenceTable] = {
    table.name: table for table in (lostarmour.NAMED_DEATHS,)
}
"""The reference tables by name, in the order they are cleaned and documented."""


def death_lists() -> dict[str, ReferenceTable]:
    """The reference tables that list the dead by name (`ReferenceTable.deaths_side`)."""
    return {name: table for name, table in REFERENCE_TABLES.items() if table.deaths_side}
