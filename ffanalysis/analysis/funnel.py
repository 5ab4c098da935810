"""One country's funnel: how many wanted to go, went, served and died, as the sources state it.

Each stage keeps every distinct figure stated for it, so the funnel shows how wide each step
is known, not one chosen number per step.
"""

from __future__ import annotations

import pandas as pd

from ..data import vocab
from .interval_columns import by_size, same_figures, with_bounds
from .words import STAGE_WORDS, check_words

STAGES = {
    "interested": vocab.INTEREST_METRICS,
    "arrived": vocab.CAME_METRICS,
    "serving": vocab.SERVING_METRICS,
    "killed": ("killed",),
}
"""The funnel's stages, in order, and the metrics (vocabulary groups) that count each."""

STAGE = pd.CategoricalDtype(list(STAGES), ordered=True)

check_words(STAGE_WORDS, STAGES, "words.STAGE_WORDS", every=True)

_STAGE_OF = {metric: stage for stage, metrics in STAGES.items() for metric in metrics}


def stage_of(metric: str) -> str:
    """The funnel stage a metric counts ('volunteers_arrived' -> 'arrived')."""
    return _STAGE_OF[metric]


COLUMNS = [
    "side",
    "stage",
    "metric",
    "low",
    "high",
    "qualifier",
    "claim_ids",
    "source_ids",
    "rows",
]


def country_funnel(claims: pd.DataFrame, country: str) -> pd.DataFrame:
    """The funnel stages of `country` that some figure counts, per side, smallest figure first.

    One row per distinct figure (`low`, `high`, `qualifier`) of a stage, with the claims and
    sources that state it. Stages no figure counts are absent, not zero: silence is no count.
    Only person counts of the country's own volunteers, all of them, are used ('600 a month'
    is a rate, not a stage; everyone killed at a base is not a count of its citizens, nor the
    dead of one unit a count of all of them).
    """
    figures = with_bounds(
        claims.loc[
            claims["country"].eq(country)
            & claims["unit"].eq("persons")
            & claims["metric"].isin(list(_STAGE_OF))
            & ~claims["counts"].isin(vocab.PART_COUNTS)
        ]
    ).assign(stage=lambda rows: rows["metric"].astype(str).map(_STAGE_OF).astype(STAGE))
    return (
        same_figures(figures, by=["side", "stage", "metric", "qualifier"])
        .pipe(by_size, by=["side", "stage"])
        .reset_index(drop=True)[COLUMNS]
    )
