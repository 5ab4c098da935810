"""Country pages: which countries get one, and the key facts each page opens with.

A page needs more to say than one line. A country with at most one figure about its citizens,
no stance on record and nobody named dead on the project's own list has too little
(`too_little`): the report gathers such countries in one overview table instead of a page that
is empty but for its title. A count on a reference list of the dead alone does not earn a page:
it is one number from one list, and the overview table shows it.

The opening summary picks, for each side and stage of the country's funnel, the figure a reader
can lean on most (`best_figures`), and marks what a reader should weigh: a figure only partisan
outlets state, a figure a source calls weak or contested.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ..data import countries
from ..data.asof import stated_date
from ..data.loading import load
from ..data.registry import death_lists
from ..data.values import number_or_none, text_or_none
from . import deaths, funnel
from .text import figure_text

CLAIMANT_ORDER = (
    "independent",
    "media",
    "third_government",
    "participant",
    "ua_government",
    "ru_government",
    "ru_affiliated",
)
"""Whose figure leads a stage, first to last: researchers and reporters who counted, then other
governments and the volunteers themselves, then the warring states and their partisans, who
had reasons to count high."""

LARGE_SHARE = 0.05
"""From this share of a named list (one in twenty) a country's part of it is worth stating."""

SIDE_WORDS = {"ukraine": "for Ukraine", "russia": "for Russia"}

CLAIMANT_MARKS = {
    "ua_government": "Kyiv's own claim",
    "ru_government": "Moscow's own claim",
    "ru_affiliated": "a pro-Russian claim",
}
"""The claimants whose figures a reader should weigh as a warring side's, as a mark says it."""

MARK_WORDS = {"partisan": "from partisan outlets only", "uncertain": "unverified"}
"""What a reader should weigh about a figure's sources, in the order a mark gives it."""


def marks_text(partisan: bool, uncertain: bool, claimant_type: str = "") -> str:
    """ "Moscow's own claim; from partisan outlets only; unverified", or '' for a figure with
    nothing to weigh."""
    flags = {"partisan": partisan, "uncertain": uncertain}
    words = [words for mark, words in MARK_WORDS.items() if flags[mark]]
    claimant = CLAIMANT_MARKS.get(claimant_type)
    return "; ".join([claimant, *words] if claimant else words)


def country_counts(
    claims: pd.DataFrame, legal_stances: pd.DataFrame, casualties: pd.DataFrame
) -> pd.DataFrame:
    """Per single country with a figure about its citizens: how many figures (`figures`),
    whether its stance is on record (`stance`), and how many people the project's sources name
    dead (`named`, each person once), sorted by code."""
    codes = claims["country"].dropna().astype(str)
    figures = codes[codes.map(countries.is_single_country)].value_counts().sort_index()
    named = deaths.people(casualties)["nationality"].value_counts()
    return pd.DataFrame(
        {
            "figures": figures,
            "stance": figures.index.isin(legal_stances["country"].astype(str)),
            "named": named.reindex(figures.index, fill_value=0).astype(int),
        },
        index=figures.index.rename("country"),
    )


def too_little(counts: pd.DataFrame) -> pd.Series:
    """True for a country whose page would say one thing at most (`country_counts`)."""
    return counts["figures"].le(1) & ~counts["stance"] & counts["named"].eq(0)


def countries_with_data(data_dir: Path) -> list[str]:
    """Single countries that have at least one claim row in `data_dir`'s clean tables."""
    codes = load("claims", data_dir)["country"].dropna().unique()
    return sorted(code for code in codes if countries.is_single_country(code))


def split_countries(
    claims: pd.DataFrame, legal_stances: pd.DataFrame, casualties: pd.DataFrame
) -> tuple[list[str], list[str]]:
    """The countries with a figure, as (those with a page, those with too little), by code."""
    counts = country_counts(claims, legal_stances, casualties)
    scant = too_little(counts)
    return counts.index[~scant].tolist(), counts.index[scant].tolist()


def by_name(codes: list[str]) -> list[str]:
    """Country codes in the order of their English names, as a reader looks them up."""
    return sorted(codes, key=lambda code: (countries.country_name(code) or code).casefold())


BEST_COLUMNS = [
    "side",
    "stage",
    "figure",
    "claimants",
    "claimant_type",
    "partisan",
    "uncertain",
    "claim_ids",
]


def figure_marks(stages: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per funnel row (`funnel.country_funnel`): `partisan` when every source stating it is a
    partisan outlet, `uncertain` when any row stating it is marked weak or contested, and, for
    ranking, its first claimant's type, every claimant, and when it was last stated."""
    ids = stages["claim_ids"].str.split(", ").explode()
    rows = claims.set_index("claim_id").reindex(ids.to_numpy())
    partisan = sources.set_index("source_id")["partisan"].fillna(False).astype(bool)
    per_row = pd.DataFrame(
        {
            "partisan": rows["source_id"].map(partisan).fillna(False).astype(bool).to_numpy(),
            "uncertain": rows["uncertain"].fillna(False).astype(bool).to_numpy(),
            "claimant_type": rows["claimant_type"].astype(str).to_numpy(),
            "claimant": rows["claimant"].astype(str).to_numpy(),
            "stated": stated_date(rows.reset_index(), sources).to_numpy(),
        },
        index=ids.index,
    )
    grouped = per_row.groupby(level=0, sort=False)
    return pd.DataFrame(
        {
            "partisan": grouped["partisan"].all(),
            "uncertain": grouped["uncertain"].any(),
            "claimant_type": grouped["claimant_type"].first(),
            "claimants": grouped["claimant"].agg(_names),
            "stated": grouped["stated"].max(),
        }
    ).reindex(stages.index)


def _names(names: pd.Series) -> str:
    """Each claimant once, in order; a row that names none adds nothing."""
    return "; ".join(dict.fromkeys(name for name in names if isinstance(name, str) and name))


def best_figures(stages: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per side and stage, in funnel order, the figure a reader can lean on most: one not only
    from partisan outlets, then one not marked unverified, then by `CLAIMANT_ORDER`, then the one most rows state,
    then the latest; each in its source's words, with who stated it."""
    if stages.empty:
        return pd.DataFrame(columns=BEST_COLUMNS)
    rank = {claimant_type: place for place, claimant_type in enumerate(CLAIMANT_ORDER)}
    ranked = stages.join(figure_marks(stages, claims, sources)).assign(
        claimant_rank=lambda rows: rows["claimant_type"].map(rank),
        figure=lambda rows: _figure_words(rows, claims),
    )
    return (
        ranked.sort_values(
            ["side", "stage", "partisan", "uncertain", "claimant_rank", "rows", "stated"],
            ascending=[True, True, True, True, True, False, False],
            na_position="last",
            kind="stable",
        )
        .drop_duplicates(["side", "stage"])
        .reset_index(drop=True)[BEST_COLUMNS]
    )


def _figure_words(rows: pd.DataFrame, claims: pd.DataFrame) -> pd.Series:
    """Each figure hedged as the first claim stating it hedged it ('more than 300')."""
    hedges = claims.set_index("claim_id")["hedge"].reindex(rows["claim_ids"].str.split(", ").str[0])
    return pd.Series(
        [
            figure_text(
                number_or_none(low), number_or_none(high), str(qualifier), text_or_none(hedge)
            )
            for low, high, qualifier, hedge in zip(
                rows["low"], rows["high"], rows["qualifier"], hedges, strict=True
            )
        ],
        index=rows.index,
    )


def named_lists(
    casualties: pd.DataFrame, references: Mapping[str, pd.DataFrame], country: str
) -> list[dict[str, Any]]:
    """The country's named deaths on each list: the project's own, per side it names anyone
    on, then each registered list of the dead in `references` (`registry.death_lists`) that
    names any, each with the list's total and the country's share of it, `large` from
    `LARGE_SHARE`."""
    people = deaths.people(casualties)
    own = [
        _on_list("project", str(side), mine, pd.Series(1, index=mine.index), rows["casualty_id"])
        for side, rows in people.groupby("side", observed=True)
        if (mine := rows["nationality"].eq(country).fillna(False)).any()
    ]
    kept = [
        _on_list(
            name,
            str(table.deaths_side),
            references[name]["country"].eq(country).fillna(False),
            references[name]["named_deaths"],
            None,
        )
        for name, table in death_lists().items()
        if name in references
    ]
    return [*own, *(entry for entry in kept if entry["named"])]


def _on_list(
    name: str, side: str, mine: pd.Series, weights: pd.Series, ids: pd.Series | None
) -> dict[str, Any]:
    """One list's entry: the rows that are the country's (`mine`), weighted by how many
    deaths each records, against the list's whole count."""
    named, total = int(weights[mine].sum()), int(weights.sum())
    share = named / total if total else 0.0
    return {
        "list": name,
        "side": side,
        "named": named,
        "total": total,
        "share": share,
        "large": share >= LARGE_SHARE,
        "share_text": f"{share:.0%}",
        "ids": "" if ids is None else ", ".join(ids[mine]),
    }


def sides_of(claims: pd.DataFrame, country: str) -> list[str]:
    """The sides the figures about a country's citizens are on, the side most figures are on
    first (Ukraine's on a tie): what the country's page is about."""
    counts = claims.loc[claims["country"].eq(country), "side"].astype(str).value_counts()
    order = list(SIDE_WORDS)
    return sorted(counts.index, key=lambda side: (-counts[side], order.index(side)))


def sides_text(sides: list[str]) -> str:
    """'for Russia', 'for Ukraine', 'on both sides', or '' where no figure names a side."""
    if len(sides) > 1:
        return "on both sides"
    return SIDE_WORDS[sides[0]] if sides else ""


def country_summary(
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    casualties: pd.DataFrame,
    references: Mapping[str, pd.DataFrame],
    country: str,
) -> dict[str, Any]:
    """A country page's opening facts as plain values: the sides its figures are on, the best
    figure of each stage with its claimant and marks, and its named deaths on each list."""
    sides = sides_of(claims, country)
    best = best_figures(funnel.country_funnel(claims, country), claims, sources)
    first_side = best["side"].astype(str).map({side: place for place, side in enumerate(sides)})
    best = best.assign(side=best["side"].astype(str), stage=best["stage"].astype(str))
    return {
        "sides": sides,
        "sides_text": sides_text(sides),
        "best": best.iloc[first_side.argsort(kind="stable")].to_dict("records"),
        "lists": named_lists(casualties, references, country),
    }
