"""What home states say about enlisting for Ukraine, set beside how many of their citizens went.

The question is whether a ban keeps volunteers at home; the cross-tab puts each country's
stance next to the smallest and largest volunteer figure stated for it.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from ..data import vocab
from .interval_columns import by_size, with_bounds

LEGALITY = pd.CategoricalDtype(list(vocab.LEGALITY), ordered=True)


FIGURE_COLUMNS = ["claim_id", "metric", "low", "high"]


def countries_per_category(legal_stances: pd.DataFrame) -> pd.DataFrame:
    """Countries per legality category, strongest restriction first; empty categories as 0."""
    return (
        legal_stances["legality"]
        .astype(LEGALITY)
        .value_counts(sort=False)
        .rename_axis("legality")
        .reset_index(name="countries")
    )


def legal_vs_volunteers(legal_stances: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Each country with a stance: its category, its smallest and largest volunteer figure.

    Figures are for Ukraine's side, in persons, matched on the exact country code (a figure for
    'USA+CAN' belongs to neither), counting the volunteers themselves (`vocab.HEADCOUNT_METRICS`;
    a figure about everyone at a site, or about residents, is no count of its citizens). `smallest_*` and `largest_*` give the figure's claim, metric
    and interval, empty where no figure exists (then `smallest_claim_id` is empty too, which
    tells it apart from an open bound). `claim_rows` counts every claim row about the country
    on Ukraine's side, whatever it measures: how well documented the country is.
    """
    ukraine = claims.loc[claims["side"].eq("ukraine")]
    figures = by_size(
        with_bounds(
            ukraine.loc[
                ukraine["metric"].isin(vocab.HEADCOUNT_METRICS)
                & ukraine["unit"].eq("persons")
                & ukraine["counts"].ne("other_population")
            ]
        )
    )
    claim_rows = ukraine.groupby("country").size().rename("claim_rows")
    return (
        legal_stances[["country", "legality", "penalty_max_years", "penalty_open"]]
        .join(claim_rows, on="country")
        .merge(_extreme(figures, "first", "smallest_"), on="country", how="left")
        .merge(_extreme(figures, "last", "largest_"), on="country", how="left")
        .assign(
            legality=lambda table: table["legality"].astype(LEGALITY),
            claim_rows=lambda table: table["claim_rows"].fillna(0).astype(int),
        )
        .sort_values(["legality", "country"])
        .reset_index(drop=True)
    )


def _extreme(figures: pd.DataFrame, keep: Literal["first", "last"], prefix: str) -> pd.DataFrame:
    """Per country, the first or last figure of `figures` (sorted by size), prefixed."""
    return (
        figures.drop_duplicates("country", keep=keep)
        .set_index("country")[FIGURE_COLUMNS]
        .add_prefix(prefix)
        .reset_index()
    )
