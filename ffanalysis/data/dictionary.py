"""The data dictionary, written from the schema so that it cannot drift from the code."""

from __future__ import annotations

from .countries import AGGREGATES, ALIASES
from .kinds import KINDS, SHORT_CELL_CHECK, TEXT_CHECKS, Kind
from .reference import ReferenceTable
from .registry import REFERENCE_TABLES
from .schema import TABLES, Column, Table


def general_rules() -> str:
    """The rules every table follows, from the checks validation runs on every text cell."""
    return "\n".join(
        [
            "Rules for every table:\n",
            "- Files are UTF-8 CSV with the header shown; a byte-order mark and CRLF line ends "
            "are accepted.",
            *(f"- {check.rule}" for check in (*TEXT_CHECKS, SHORT_CELL_CHECK)),
            "- Every quote is found verbatim, whitespace aside, in the file its row's "
            "`source_id` cites.",
            "- `ffanalysis validate` reports every break of these rules as "
            "`path:line: column: message`.",
            "",
        ]
    )


def kind_row(kind: Kind) -> str:
    """One kind of column: what a cell holds and the rules its checks apply."""
    rules = " ".join(check.rule for check in KINDS[kind].checks)
    return f"| {kind.value} | {KINDS[kind].holds} {rules}".rstrip() + " |"


def data_dictionary() -> str:
    """The whole data dictionary as Markdown."""
    parts = [
        "# Data dictionary\n",
        "Generated from `ffanalysis/data/schema.py` by `ffanalysis dictionary --write`; "
        "do not edit by hand.\n",
        general_rules(),
        "## Kinds of column\n",
        "| kind | what a cell holds |\n|---|---|",
        *(kind_row(kind) for kind in Kind),
        "",
        "## Country codes beyond ISO 3166-1\n",
        "| code | meaning |\n|---|---|",
        *(f"| `{code}` | {meaning} |" for code, meaning in {**ALIASES, **AGGREGATES}.items()),
        "",
        *(_table_section(table) for table in TABLES.values()),
        *(_reference_section(table) for table in REFERENCE_TABLES.values()),
    ]
    return "\n".join(parts)


def _reference_section(table: ReferenceTable) -> str:
    lines = [
        f"## `{table.name}` (derived, `data/clean/{table.file_name}`)\n",
        f"Built by `ffanalysis clean` from the file that source `{table.source_id}` cites: "
        f"{table.meaning}\n",
        "| column | meaning |",
        "|---|---|",
        *(f"| `{column}` | {meaning} |" for column, meaning in table.meanings.items()),
        "",
        table.notes(),
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
    years = f" Years {column.years[0]}-{column.years[1]}." if column.years else ""
    return f"| `{column.name}` | {kind} | {required} | {column.meaning}{unique}{years} |"
