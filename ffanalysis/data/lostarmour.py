"""The LostArmour named-deaths counts: foreigners on Ukraine's side listed by name, by month.

The pro-Russian site LostArmour lists foreigners killed on Ukraine's side by name. The shared
reference file aggregates a scrape of it to citizenship x month of death. It is a floor (only
the deaths the site could name) from a partisan source, never a total.

Nothing is dropped here: the two labels that are not countries and the records without a
usable month stay in the table, marked, so that every count adds up to the file's total.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from .dates import bounds_or_none, first_day, last_day
from .problems import Problem
from .reference import ReferenceTable
from .values import number

SOURCE_ID = "lostarmour_2025"

CITIZENSHIP_TO_ISO = {
    "Австралия": "AUS",
    "Австрия": "AUT",
    "Азербайджан": "AZE",
    "Албания": "ALB",
    "Аргентина": "ARG",
    "Армения": "ARM",
    "Барбадос": "BRB",
    "Беларусь": "BLR",
    "Бельгия": "BEL",
    "Болгария": "BGR",
    "Бразилия": "BRA",
    "Великобритания": "GBR",
    "Венгрия": "HUN",
    "Венесуэла": "VEN",
    "Германия": "DEU",
    "Греция": "GRC",
    "Грузия": "GEO",
    "Дания": "DNK",
    "Израиль": "ISR",
    "Ирландия": "IRL",
    "Испания": "ESP",
    "Италия": "ITA",
    "КНР": "CHN",
    "Казахстан": "KAZ",
    "Канада": "CAN",
    "Колумбия": "COL",
    "Коста-Рика": "CRI",
    "Латвия": "LVA",
    "Ливан": "LBN",
    "Литва": "LTU",
    "Мексика": "MEX",
    "Молдова": "MDA",
    "Непал": "NPL",
    "Нидерланды": "NLD",
    "Новая Зеландия": "NZL",
    "Норвегия": "NOR",
    "Перу": "PER",
    "Польша": "POL",
    "Португалия": "PRT",
    "Россия": "RUS",
    "Румыния": "ROU",
    "США": "USA",
    "Сирия": "SYR",
    "Словакия": "SVK",
    "Таджикистан": "TJK",
    "Тайвань (Китай)": "TWN",
    "Турция": "TUR",
    "Филиппины": "PHL",
    "Финляндия": "FIN",
    "Франция": "FRA",
    "Хорватия": "HRV",
    "Чехия": "CZE",
    "Чили": "CHL",
    "Швейцария": "CHE",
    "Швеция": "SWE",
    "Шри-Ланка": "LKA",
    "Эстония": "EST",
    "Южная Африка": "ZAF",
    "Южная Корея": "KOR",
    "Япония": "JPN",
}
"""Citizenship as the site lists it (Russian) -> ISO 3166-1 alpha-3."""

NOT_COUNTRIES = {
    "Неопределенно": "citizenship undetermined",
    "Французский Легион": "French Foreign Legion (a unit, not a citizenship)",
}
"""Labels the site uses that name no country; their records are kept with no country code."""

DATE_READINGS = {
    "2022-8-": ("2022", "2022", "garbled month; only the year is read"),
    "2024--0": ("2024", "2024", "garbled month; only the year is read"),
    "2025--0": ("2025", "2025", "garbled month; only the year is read"),
    "до 2024": ("", "2023", "listed as 'before 2024': no start, ends with 2023"),
}
"""Month labels that are not partial dates -> (earliest, latest, note); never guessed further."""

COLUMNS: dict[str, Any] = {
    "citizenship_as_listed": "string",
    "citizenship_english": "string",
    "country": "string",
    "label_note": "string",
    "month_as_listed": "string",
    "died_start": "datetime64[s]",
    "died_end": "datetime64[s]",
    "date_precision": pd.CategoricalDtype(["month", "year", "before", "none"], ordered=True),
    "date_note": "string",
    "named_deaths": "Int64",
}
"""The clean table's columns and dtypes."""

MEANINGS = {
    "citizenship_as_listed": "Citizenship as the site lists it (Russian).",
    "citizenship_english": "The reference file's English rendering of it.",
    "country": "ISO 3166-1 alpha-3 code; empty for the labels that name no country.",
    "label_note": "Why a label has no country code.",
    "month_as_listed": "Month of death as listed (YYYY-MM, sometimes garbled or empty).",
    "died_start": "First day the death can have happened; empty when unknown.",
    "died_end": "Last day the death can have happened; empty when unknown.",
    "date_precision": "month, year, before (only an upper limit) or none.",
    "date_note": "How a label that is no plain month was read.",
    "named_deaths": "Number of named records for this citizenship and month.",
}
"""What each column of the clean table means, for the data dictionary."""


def label_problems(path: Path) -> list[Problem]:
    """Citizenship labels, months and counts the reader cannot read, one problem per line."""
    raw = _read(path)
    month = raw["month_of_death"]
    unknown = ~raw["citizenship_as_listed"].isin([*CITIZENSHIP_TO_ISO, *NOT_COUNTRIES])
    unreadable = (month != "") & ~month.isin(DATE_READINGS) & month.map(bounds_or_none).isna()
    where = "in ffanalysis/data/lostarmour.py"
    return (
        _problems(
            path,
            raw,
            unknown,
            "citizenship_as_listed",
            f"has no alias: add it to CITIZENSHIP_TO_ISO {where}",
        )
        + _problems(
            path,
            raw,
            unreadable,
            "month_of_death",
            f"is not a month: add it to DATE_READINGS {where}",
        )
        + _problems(
            path,
            raw,
            ~raw["named_deaths"].str.fullmatch(r"[0-9]+").fillna(False).astype(bool),
            "named_deaths",
            "is not a count of records",
        )
    )


def _problems(
    path: Path, raw: pd.DataFrame, failing: pd.Series, column: str, message: str
) -> list[Problem]:
    """One problem per failing row; the header is line 1 and no cell spans lines."""
    return [
        Problem(path, int(index) + 2, column, f"{label!r} {message}")
        for index, label in raw.loc[failing, column].items()
    ]


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype="string", keep_default_na=False)


def read_reference(path: Path) -> pd.DataFrame:
    """The reference CSV as the site's labels, with ISO codes and date intervals added.

    Call `label_problems` first: labels it reports come out here with no country or date.
    """
    raw = _read(path)
    month = raw["month_of_death"]
    readings = pd.DataFrame.from_dict(
        DATE_READINGS, orient="index", columns=["earliest", "latest", "note"]
    )
    earliest = month.map(readings["earliest"]).fillna(month)
    latest = month.map(readings["latest"]).fillna(month)
    frame = raw.rename(columns={"month_of_death": "month_as_listed"}).assign(
        country=raw["citizenship_as_listed"].map(CITIZENSHIP_TO_ISO),
        label_note=raw["citizenship_as_listed"].map(NOT_COUNTRIES),
        died_start=pd.to_datetime(earliest.map(first_day)),
        died_end=pd.to_datetime(latest.map(last_day)),
        date_precision=_precision(earliest, latest),
        date_note=month.map(readings["note"]).fillna(""),
        named_deaths=raw["named_deaths"].astype("Int64"),
    )
    return frame[list(COLUMNS)].astype(COLUMNS)


def _precision(earliest: pd.Series, latest: pd.Series) -> pd.Series:
    """month or year when both ends name the same period, before when only the end is known."""
    same = earliest.str.len().map({7: "month", 4: "year"}).where(earliest == latest)
    before = pd.Series("before", index=earliest.index).where((earliest == "") & (latest != ""))
    return same.fillna(before).fillna("none")


def summary(frame: pd.DataFrame) -> dict[str, int]:
    """What a reader must be told: the total, and the counts that carry no country or month."""
    return {
        "named_deaths": int(frame["named_deaths"].sum()),
        "without_country": int(frame.loc[frame["country"].isna(), "named_deaths"].sum()),
        "without_month": int(frame.loc[frame["date_precision"] != "month", "named_deaths"].sum()),
        "undated": int(
            frame.loc[frame["date_precision"].isin(["none", "before"]), "named_deaths"].sum()
        ),
    }


def dictionary_notes() -> str:
    """How the site's citizenship and month labels are read, for the data dictionary."""
    lines = [
        "Citizenship labels and their codes:\n",
        "| label | code |",
        "|---|---|",
        *(f"| {label} | `{code}` |" for label, code in CITIZENSHIP_TO_ISO.items()),
        *(f"| {label} | none: {why} |" for label, why in NOT_COUNTRIES.items()),
        "",
        "Month labels that are no plain month:\n",
        "| label | read as |",
        "|---|---|",
        *(f"| {label} | {note} |" for label, (_, _, note) in DATE_READINGS.items()),
        "",
    ]
    return "\n".join(lines)


def report_values(frame: pd.DataFrame) -> dict[str, str]:
    """The counts the report's methods text gives: named records, and how many are undated."""
    named = summary(frame)
    return {
        "lostarmour_deaths": number(named["named_deaths"]),
        "lostarmour_undated": number(named["undated"]),
    }


NAMED_DEATHS = ReferenceTable(
    name="lostarmour",
    source_id=SOURCE_ID,
    meaning="foreigners on Ukraine's side whom the pro-Russian site LostArmour lists by name, per "
    "citizenship and month of death. A floor from a partisan source, not a total. No "
    "record is dropped: labels that name no country and months that cannot be read are "
    "kept and marked.",
    columns=COLUMNS,
    meanings=MEANINGS,
    read=read_reference,
    problems=label_problems,
    notes=dictionary_notes,
    report_values=report_values,
    label="LostArmour's list",
    deaths_side="ukraine",
    keeper="LostArmour",
)
"""The LostArmour list as a reference table (see `registry`)."""
