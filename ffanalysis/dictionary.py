"""The data dictionary, written from the schema so that it cannot drift from the code."""

from __future__ import annotations

from . import lostarmour
from .countries import AGGREGATES, ALIASES, GROUP_SEPARATOR
from .dates import PARTIAL_DATE_FORMATS
from .schema import QUOTE_MAX_LENGTH, TABLES, Column, Kind, Table

KIND_MEANINGS = {
    Kind.ID: "Letters, digits, '_', '.' or '-'; unique in the table.",
    Kind.TEXT: "Free text in the project's own words (or names as the source spells them).",
    Kind.QUOTE: f"Verbatim text of the cited source, at most {QUOTE_MAX_LENGTH} characters.",
    Kind.NUMBER: "A number >= 0 written with digits and at most one '.', no separators.",
    Kind.DATE: f"A partial ISO date: {PARTIAL_DATE_FORMATS}. Clean tables hold it as "
    "`<column>_start` and `<column>_end`, the first and last day it can mean.",
    Kind.CHOICE: "One of the allowed values listed below the table.",
    Kind.COUNTRY: "An ISO 3166-1 alpha-3 code, an alias or aggregate listed below, or several "
    f"codes joined by '{GROUP_SEPARATOR}'.",
    Kind.BOOLEAN: "`true` or `false`.",
    Kind.REFERENCE: "A value of the column named in its meaning.",
    Kind.FILE: "A file under `sources/` or `reference/` in the shared folder.",
}

GENERAL_RULES = """\
Rules for every table:

- Files are UTF-8 CSV with the header shown; a byte-order mark and CRLF line ends are accepted.
- No cell has leading or trailing whitespace; no text cell starts with `=`, `+`, `-` or `@`
  (a spreadsheet would run it as a formula).
- Every quote is found verbatim, whitespace aside, in the file its row's `source_id` cites.
- `ffanalysis validate` reports every break of these rules as `path:line: column: message`.
"""


def data_dictionary() -> str:
    """The whole data dictionary as Markdown."""
    parts = [
        "# Data dictionary\n",
        "Generated from `ffanalysis/schema.py` by `ffanalysis dictionary --write`; "
        "do not edit by hand.\n",
        GENERAL_RULES,
        "## Kinds of column\n",
        "| kind | what a cell holds |\n|---|---|",
        *(f"| {kind.value} | {meaning} |" for kind, meaning in KIND_MEANINGS.items()),
        "",
        "## Country codes beyond ISO 3166-1\n",
        "| code | meaning |\n|---|---|",
        *(f"| `{code}` | {meaning} |" for code, meaning in {**ALIASES, **AGGREGATES}.items()),
        "",
        *(_table_section(table) for table in TABLES.values()),
        _lostarmour_section(),
    ]
    return "\n".join(parts)


def _lostarmour_section() -> str:
    lines = [
        "## `lostarmour` (derived, `data/clean/lostarmour.csv`)\n",
        f"Built by `ffanalysis clean` from the file that source `{lostarmour.SOURCE_ID}` cites: "
        "foreigners on Ukraine's side whom the pro-Russian site LostArmour lists by name, per "
        "citizenship and month of death. A floor from a partisan source, not a total. No "
        "record is dropped: labels that name no country and months that cannot be read are "
        "kept and marked.\n",
        "| column | meaning |",
        "|---|---|",
        *(f"| `{column}` | {meaning} |" for column, meaning in lostarmour.MEANINGS.items()),
        "",
        "Citizenship labels and their codes:\n",
        "| label | code |",
        "|---|---|",
        *(f"| {label} | `{code}` |" for label, code in lostarmour.CITIZENSHIP_TO_ISO.items()),
        *(f"| {label} | none: {why} |" for label, why in lostarmour.NOT_COUNTRIES.items()),
        "",
        "Month labels that are no plain month:\n",
        "| label | read as |",
        "|---|---|",
        *(f"| {label} | {note} |" for label, (_, _, note) in lostarmour.DATE_READINGS.items()),
        "",
    ]
    return "\n".join(lines)


def _table_section(table: Table) -> str:
    lines = [
        f"## `{table.file_name}`\n",
        f"{table.meaning}\n",
        "| column | kind | required | meaning |",
        "|---|---|---|---|",
        *(_column_row(column) for column in table.columns),
        "",
    ]
    if table.rules:
        lines += ["Rules across columns:\n"]
        lines += [f"- `{rule.column}`: {rule.description}" for rule in table.rules]
        lines += [""]
    for column in table.columns:
        if column.vocabulary:
            lines += [f"Allowed values of `{column.name}`:\n", "| value | meaning |", "|---|---|"]
            lines += [f"| `{value}` | {meaning} |" for value, meaning in column.vocabulary.items()]
            lines += [""]
    return "\n".join(lines)


def _column_row(column: Column) -> str:
    kind = column.kind.value
    if column.references:
        kind = f"{kind} to `{column.references}`"
    required = "yes" if column.required else "no"
    unique = " Unique." if column.unique else ""
    return f"| `{column.name}` | {kind} | {required} | {column.meaning}{unique} |"
