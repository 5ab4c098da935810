"""Helpers for the notebooks: findings rendered from data, and values recorded for tests.

A notebook states numbers only through `say`, which renders Markdown from values, and records
the values it found with `record`, so that a test (or a later build step) can read them back
from the executed notebook instead of scraping its text.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..analysis.text import inert

RECORD_MIMETYPE = "application/vnd.ffanalysis.record+json"


class Markup(str):
    """Text that is already HTML (escaped data and citation links): `say` inserts it as is."""


def say(template: str, **values: Any) -> None:
    """Display Markdown with `values` filled in; text values are made inert first (`text.inert`:
    escaped for HTML and for Markdown), except `Markup`, which was made safe when it was made."""
    from IPython.display import Markdown, display

    escaped = {
        name: inert(value) if isinstance(value, str) and not isinstance(value, Markup) else value
        for name, value in values.items()
    }
    display(Markdown(template.format(**escaped)))


def fill(template: str, **values: Any) -> Markup:
    """HTML with `values` filled in, for a box of facts: text values are escaped as HTML,
    `Markup` (citation links) is kept as it is."""
    escaped = {
        name: html.escape(value)
        if isinstance(value, str) and not isinstance(value, Markup)
        else value
        for name, value in values.items()
    }
    return Markup(template.format(**escaped))


def record(name: str, value: Any) -> None:
    """Store a JSON-serialisable value in the notebook's outputs, under `name`."""
    from IPython.display import display

    display({RECORD_MIMETYPE: {"name": name, "value": value}}, raw=True)


def read_records(notebook: dict) -> dict[str, Any]:
    """Every value an executed notebook recorded, by name (notebook as parsed JSON)."""
    return {
        output["data"][RECORD_MIMETYPE]["name"]: output["data"][RECORD_MIMETYPE]["value"]
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if RECORD_MIMETYPE in output.get("data", {})
    }


def load_notebook(path) -> dict:
    """An .ipynb file as parsed JSON."""
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
