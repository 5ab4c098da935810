"""The corrections log as readers see it: the methods section's summary and every change.

`corrections` checks the log against the data; this module words it for the report, naming each
corrected row as a reader knows it rather than by its id.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from ..analysis.text import cite, plural
from ..data.corrections import REMOVED_ROW
from ..data.countries import country_name
from ..data.schema import TABLES
from .notes import unmarked

SHOWN_KINDS = 4
"""How many kinds of change the methods section names before it says 'and N others'."""


def shown(corrections: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The corrections to rows an edition uses: those still in its (as-of) `tables`."""
    in_edition = pd.Series(False, index=corrections.index)
    for name, frame in tables.items():
        if name in TABLES:
            key = TABLES[name].key
            in_edition |= (corrections["table"] == name) & corrections["row_id"].isin(frame[key])
    return corrections[in_edition | (corrections["field"] == REMOVED_ROW)]


def methods_html(corrections: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> str:
    """The corrections as the methods section shows them: a summary, then every change."""
    if corrections.empty:
        return (
            '<h3 id="corrections">Corrections</h3>\n'
            "<p>No figure this edition uses has been corrected since it was first recorded.</p>"
        )
    rows = "\n".join(_row_html(correction, tables) for _, correction in corrections.iterrows())
    return (
        '<h3 id="corrections">Corrections</h3>\n'
        f"<p>{html.escape(summary(corrections))} Each line says what changed, what it was, "
        "what it is now and why; the linked evidence shows the row as it stands.</p>\n"
        f"<details><summary>All {plural(len(corrections), 'correction', 'corrections')}</summary>\n"
        '<table class="corrections"><thead><tr><th scope="col">Figure</th>'
        '<th scope="col">What changed</th><th scope="col">Was</th><th scope="col">Now</th>'
        '<th scope="col">Why</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table></details>"
    )


def summary(corrections: pd.DataFrame) -> str:
    """'Since first recording them we corrected 221 values in 150 rows: ...' in words."""
    kinds = corrections.assign(label=corrections.apply(_field_label, axis=1))["label"].value_counts(
        sort=True
    )
    named = [f"{label} ({count})" for label, count in kinds.head(SHOWN_KINDS).items()]
    others = int(kinds.iloc[SHOWN_KINDS:].sum())
    if others:
        named.append(f"{plural(others, 'other change', 'other changes')}")
    listed = ", ".join(named[:-1]) + (" and " if len(named) > 1 else "") + named[-1]
    rows = corrections[["table", "row_id"]].drop_duplicates()
    return (
        f"After checking every row against its source again, we corrected "
        f"{plural(len(corrections), 'value', 'values')} in {plural(len(rows), 'row', 'rows')}: "
        f"{listed}."
    )


def _row_html(correction: pd.Series, tables: Mapping[str, pd.DataFrame]) -> str:
    table, row_id = correction["table"], correction["row_id"]
    cells = [
        ("", html.escape(describe_row(table, row_id, tables)) + cite(table, [row_id])),
        ("", html.escape(_field_label(correction))),
        (VALUE_CELL, html.escape(_value_text(correction, "before"))),
        (VALUE_CELL, html.escape(_value_text(correction, "after"))),
        ("", html.escape(correction["reason"])),
    ]
    return "<tr>" + "".join(f"<td{attributes}>{cell}</td>" for attributes, cell in cells) + "</tr>"


VALUE_CELL = ' class="value"'
"""A logged value, which may be a long address: the stylesheet lets it break anywhere, so the
table fits its column and the reasons stay in view."""


def describe_row(table: str, row_id: str, tables: Mapping[str, pd.DataFrame]) -> str:
    """A corrected row as a reader knows it: who stated the figure, whose death, which state."""
    key = TABLES[table].key
    frame = tables.get(table, pd.DataFrame(columns=[key]))
    matches = frame.loc[frame[key].eq(row_id)]
    if matches.empty:
        return f"A row since removed ({TABLES[table].label.lower()})"
    row = matches.iloc[0]
    if table in ("claims", "historical"):
        return f"{row['claimant']}, {row['metric'].replace('_', ' ')}"
    if table == "casualties":
        return str(row["person"])
    if table == "legal_stances":
        return f"{country_name(row['country'])}: legal position"
    if table == "sources":
        return f"Source: {row['title']}"
    return str(row.get("name", row_id))


def _field_label(correction: pd.Series) -> str:
    if correction["field"] == REMOVED_ROW:
        return "row removed"
    table = TABLES[correction["table"]]
    names = table.column_names
    return (
        table.column(correction["field"]).reader_label
        if correction["field"] in names
        else correction["field"]
    )


def _value_text(correction: pd.Series, side: str) -> str:
    """A logged value as a reader reads it: 'yes'/'no' for flags, words for codes, a quote's
    words without its source's link marks, '—' for none."""
    value = correction[side]
    if not isinstance(value, str) or not value:
        return "\N{EM DASH}"
    if value in ("true", "false"):
        return {"true": "yes", "false": "no"}[value]
    return value.replace("_", " ") if value.isidentifier() else unmarked(value)
