"""Claims against independent evidence: how far the governments' figures exceed what others find.

Which rows count as a claim and which as evidence is decided by the explicit rules in
`COMPARISONS` (metric and claimant type), never case by case, so every ratio can be rebuilt
by hand from the claim_ids it lists.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .asof import stated_date
from .interval_columns import bounds, by_size, intervals, ratio, same_figures, with_bounds


@dataclass(frozen=True)
class Comparison:
    """A claim tested against evidence, each chosen by metric and claimant type.

    The claim is the largest figure its rule selects (the headline a government could cite);
    the evidence is every distinct figure its rule selects.
    """

    name: str
    claimed_by: str
    """Whose claim is tested: the Ukrainian or the Russian side of the story."""
    claim_metrics: tuple[str, ...]
    claimant_types: tuple[str, ...]
    evidence_metrics: tuple[str, ...]
    evidence_types: tuple[str, ...]


STRENGTH_EVIDENCE = ("independent", "media")
"""Who counts the foreigners actually serving: researchers and journalists' own findings."""

COMPARISONS = (
    Comparison(
        "ukraine_strength",
        "ukraine",
        ("volunteers_interested", "volunteers_arrived", "fighters_total"),
        ("ua_government", "participant"),
        ("fighters_active",),
        STRENGTH_EVIDENCE,
    ),
    Comparison(
        "russia_strength",
        "russia",
        ("volunteers_arrived", "fighters_total", "fighters_active"),
        ("ru_government",),
        ("fighters_active",),
        STRENGTH_EVIDENCE,
    ),
    Comparison(
        "russia_deaths",
        "russia",
        ("killed",),
        ("ru_government",),
        ("killed",),
        ("independent", "ru_affiliated"),
    ),
)
"""Each rule in one place. Russia's death claims are set against independent counts and the
pro-Russian LostArmour-type name lists (ru_affiliated): even its own side's lists fall short."""

SCOPE = "side == 'ukraine' and country == 'ALL' and unit == 'persons'"
"""Every comparison is about all foreign volunteers on Ukraine's side, counted in persons."""

HEADLINE_COLUMNS = [
    "comparison",
    "claimed_by",
    "claim_low",
    "claim_high",
    "claim_ids",
    "claim_rows",
    "evidence_low",
    "evidence_high",
    "evidence_ids",
    "evidence_rows",
    "low",
    "high",
]

TIMELINE_COLUMNS = [
    "date",
    "side",
    "metric",
    "country",
    "claimant",
    "claimant_type",
    "low",
    "high",
    "qualifier",
    "claim_id",
]


def headline_ratios(claims: pd.DataFrame) -> pd.DataFrame:
    """Claim / evidence for each rule in `COMPARISONS`, as an interval (`low`, `high`).

    One row per distinct evidence figure, so that no estimate is silently preferred: within a
    comparison, the figure most rows state comes first (the headline), and the rest show the
    spread. `claim_ids` and `evidence_ids` list the rows behind each side of the ratio.
    """
    figures = with_bounds(claims.query(SCOPE))
    return pd.concat(
        [_compare(figures, comparison) for comparison in COMPARISONS], ignore_index=True
    )


def claims_timeline(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per figure, dated by when it was stated (`asof.stated_date`), for a timeline.

    Figures with no number (`vague`) are left out; undated ones are kept with a NaT date, last,
    so a plot that drops them does so visibly.
    """
    return (
        with_bounds(claims)
        .assign(date=stated_date(claims, sources))
        .sort_values(["date", "claim_id"], na_position="last")
        .reset_index(drop=True)[TIMELINE_COLUMNS]
    )


def _compare(figures: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    claim = _prefixed(
        _largest(_select(figures, comparison.claim_metrics, comparison.claimant_types)), "claim_"
    )
    evidence = _prefixed(
        _ranked(_select(figures, comparison.evidence_metrics, comparison.evidence_types)),
        "evidence_",
    )
    pairs = evidence.merge(claim, how="cross")
    quotient = ratio(
        intervals(pairs["claim_low"], pairs["claim_high"]),
        intervals(pairs["evidence_low"], pairs["evidence_high"]),
    )
    return pairs.assign(
        comparison=comparison.name, claimed_by=comparison.claimed_by, **bounds(quotient)
    )[HEADLINE_COLUMNS]


def _select(
    figures: pd.DataFrame, metrics: tuple[str, ...], types: tuple[str, ...]
) -> pd.DataFrame:
    return figures.loc[figures["metric"].isin(metrics) & figures["claimant_type"].isin(types)]


def _largest(figures: pd.DataFrame) -> pd.DataFrame:
    """The largest figure stated, with every claim that states it."""
    return same_figures(figures).pipe(by_size).tail(1)


def _ranked(figures: pd.DataFrame) -> pd.DataFrame:
    """Distinct figures, the one most rows state first; on a tie the larger first, so that
    the headline ratio is the more cautious one."""
    return (
        same_figures(figures)
        .pipe(by_size)
        .iloc[::-1]
        .sort_values("rows", ascending=False, kind="stable")
    )


def _prefixed(figures: pd.DataFrame, prefix: str) -> pd.DataFrame:
    return figures[["low", "high", "claim_ids", "rows"]].set_axis(
        [f"{prefix}low", f"{prefix}high", f"{prefix}ids", f"{prefix}rows"], axis=1
    )
