"""The clean tables as reusable data: CSV, Parquet and JSON, described by a Frictionless
`datapackage.json` written from the schema.

Types, allowed values, required and unique columns, primary and foreign keys and every
description come from the declarations (`schema`, `kinds`, `registry`), as the data dictionary
does, so the package cannot promise what validation does not check. Every file is written
deterministically (no timestamps, no paths of the machine, fixed order), so the same data
publishes the same bytes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from . import paths
from .clean import END, START, clean_columns, to_csv_text
from .kinds import ID_PATTERN, KINDS, LARGEST_NUMBER, QUOTE_MAX_LENGTH, TEXT_MAX_LENGTH, Kind
from .loading import load
from .reference import ReferenceTable
from .registry import REFERENCE_TABLES
from .schema import TABLES, Column, Table

FOLDER = "data"
"""Where in the site the data files are published."""
DESCRIPTOR = f"{FOLDER}/datapackage.json"
"""The data package's descriptor, relative to the site's root: what the report links to."""

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
"""The data's licence: the repository states none for its data (MIT covers the code)."""

MAIN_SOURCES = 10
"""How many of the most cited sources the package names beside the project itself."""

_FIELD_TYPES = {
    "string": "string",
    "category": "string",
    "Float64": "number",
    "Int64": "integer",
    "boolean": "boolean",
    "datetime64[s]": "date",
}
"""Frictionless field type of each clean pandas dtype (`kinds` declares the dtypes)."""

_KIND_CONSTRAINTS: dict[Kind, dict[str, Any]] = {
    Kind.ID: {"pattern": ID_PATTERN},
    Kind.TEXT: {"maxLength": TEXT_MAX_LENGTH},
    Kind.PROSE: {"maxLength": TEXT_MAX_LENGTH},
    Kind.QUOTE: {"maxLength": QUOTE_MAX_LENGTH},
    Kind.NUMBER: {"minimum": 0, "maximum": LARGEST_NUMBER},
}
"""The limits `kinds` checks of a kind's cells that Frictionless can check too."""

_ALTERNATES = {"parquet": "application/vnd.apache.parquet", "json": "application/json"}
"""The other formats each table is published in, with their media types."""

_DESCRIPTION = (
    "The clean tables of ffanalysis, a source-cited analysis of foreign volunteers in the "
    "Russia-Ukraine war. Every row of a curated table cites its source (`source_id`, listed "
    "in the `sources` resource) and the verbatim quote that states it. A date is two columns, "
    "`<column>_start` and `<column>_end`: the first and last day it can mean, as precisely as "
    "the source gives it. Each table is published as CSV (the resource's `path`), Parquet and "
    "JSON (records; under `alternates`), holding the same rows; the tables are the whole clean "
    "data, whatever date a report edition is cut at. Quotes are short passages of the cited "
    "documents, whose rights stay with their publishers."
)


def published_files(data_dir: Path | str | None = None) -> list[str]:
    """Every data file a build publishes, relative to the site's root, the descriptor first."""
    return [
        DESCRIPTOR,
        *(f"{FOLDER}/{name}.{form}" for name in _table_names(data_dir) for form in _formats()),
    ]


def write_data_package(site: Path, data_dir: Path, title: str, version: str) -> None:
    """Write every clean table in each format, and the descriptor, into `site`/data."""
    folder = site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    tables = {name: load(name, data_dir) for name in _table_names(data_dir)}
    for name, frame in tables.items():
        (folder / f"{name}.csv").write_text(to_csv_text(frame), encoding="utf-8")
        (folder / f"{name}.parquet").write_bytes(parquet_bytes(frame))
        (folder / f"{name}.json").write_text(json_text(frame), encoding="utf-8")
    package = descriptor(tables, title, version)
    (site / DESCRIPTOR).write_text(_dumps(package), encoding="utf-8")


def descriptor(tables: dict[str, pd.DataFrame], title: str, version: str) -> dict[str, Any]:
    """The package descriptor for these clean tables (by name, as `_table_names` gives them)."""
    return {
        "profile": "tabular-data-package",
        "name": "ffanalysis",
        "title": title,
        "description": _DESCRIPTION,
        "version": version,
        "licenses": [LICENSE],
        "sources": main_sources(tables),
        "resources": [_resource(name) for name in tables],
    }


def table_schema(table: Table) -> dict[str, Any]:
    """A curated table's Frictionless schema: fields, keys and foreign keys."""
    references = [column for column in table.columns if column.references]
    dtypes = clean_columns(table)
    return {
        "fields": [field for column in table.columns for field in _fields(column, dtypes)],
        "missingValues": [""],
        "primaryKey": [table.key],
        "foreignKeys": [_foreign_key(table, column) for column in references],
    }


def reference_schema(table: ReferenceTable) -> dict[str, Any]:
    """A derived table's Frictionless schema: its declared columns and their meanings."""
    return {
        "fields": [
            {
                "name": name,
                "description": table.meanings[name],
                **_typed(dtype),
            }
            for name, dtype in table.columns.items()
        ],
        "missingValues": [""],
    }


def main_sources(tables: dict[str, pd.DataFrame]) -> list[dict[str, str]]:
    """The project itself, then the sources the most rows cite, most cited first."""
    sources = tables["sources"].set_index("source_id")
    cited = pd.concat(
        [frame["source_id"] for frame in tables.values() if "source_id" in frame]
        + [
            pd.Series([REFERENCE_TABLES[name].source_id] * len(tables[name]), dtype="string")
            for name in tables
            if name in REFERENCE_TABLES
        ]
    )
    counts = cited[cited.isin(sources.index)].value_counts().rename_axis("source_id")
    ranked = counts.reset_index().sort_values(["count", "source_id"], ascending=[False, True])
    project = {"title": "ffanalysis: the project's own curation of the sources below"}
    return [project, *(_source(sources.loc[key]) for key in ranked["source_id"][:MAIN_SOURCES])]


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    """The table as Parquet, dtypes kept (pandas reads back the same frame, its dates in
    milliseconds: Parquet has no unit of seconds)."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


def json_text(frame: pd.DataFrame) -> str:
    """The table as a JSON list of records: dates as ISO days, missing values null."""
    dates = frame.select_dtypes("datetime")
    texts = frame.assign(**{str(name): dates[name].dt.strftime("%Y-%m-%d") for name in dates})
    records = texts.astype(object).where(texts.notna(), None).to_dict(orient="records")
    return _dumps(records)


def _table_names(data_dir: Path | str | None) -> list[str]:
    """The curated tables, then the derived ones the data folder has (its sources cite them)."""
    clean = paths.clean_dir(Path(data_dir) if data_dir else paths.default_data_dir())
    derived = [
        name for name, table in REFERENCE_TABLES.items() if (clean / table.file_name).is_file()
    ]
    return [*TABLES, *derived]


def _formats() -> list[str]:
    return ["csv", *_ALTERNATES]


def _resource(name: str) -> dict[str, Any]:
    if name in REFERENCE_TABLES:
        reference = REFERENCE_TABLES[name]
        title = reference.label or name
        description = (
            f"{title}: {reference.meaning} Derived from the file that source "
            f"`{reference.source_id}` cites."
        )
        schema = reference_schema(reference)
    else:
        table = TABLES[name]
        title, description, schema = table.label or name, table.meaning, table_schema(table)
    return {
        "name": name,
        "title": title,
        "description": description,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
        "alternates": [
            {"path": f"{name}.{form}", "format": form, "mediatype": mediatype}
            for form, mediatype in _ALTERNATES.items()
        ],
    }


def _fields(column: Column, dtypes: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The clean fields of one declared column (`dtypes`: the clean table's): two for a date,
    its first and last day."""
    parts = (
        {START: "first day it can mean", END: "last day it can mean"}
        if column.kind is Kind.DATE
        else {"": ""}
    )
    for suffix, part in parts.items():
        constraints = {
            **({"required": True} if column.required else {}),
            **({"unique": True} if column.unique else {}),
            **_KIND_CONSTRAINTS.get(column.kind, {}),
        }
        typed = _typed(dtypes[column.name + suffix])
        constraints.update(typed.pop("constraints", {}))
        yield {
            "name": column.name + suffix,
            "title": f"{column.reader_label} ({part})" if part else column.reader_label,
            "description": f"{column.meaning} {KINDS[column.kind].holds}",
            **typed,
            **({"constraints": constraints} if constraints else {}),
        }


def _typed(dtype: Any) -> dict[str, Any]:
    """A field's type, and for a choice its allowed values, from its clean dtype."""
    resolved = pd.api.types.pandas_dtype(dtype)
    typed: dict[str, Any] = {"type": _FIELD_TYPES[str(resolved)]}
    if isinstance(resolved, pd.CategoricalDtype):
        typed["constraints"] = {"enum": [str(value) for value in resolved.categories]}
    return typed


def _foreign_key(table: Table, column: Column) -> dict[str, Any]:
    target, key = str(column.references).split(".")
    return {
        "fields": [column.name],
        "reference": {"resource": "" if target == table.name else target, "fields": [key]},
    }


def _source(row: pd.Series) -> dict[str, str]:
    publisher = f" ({row['publisher']})" if pd.notna(row["publisher"]) else ""
    source = {"title": f"{row['title']}{publisher}"}
    return {**source, "path": row["url"]} if pd.notna(row["url"]) else source


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"
