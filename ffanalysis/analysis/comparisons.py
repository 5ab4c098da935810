"""Claims against independent evidence: how far the governments' figures exceed what others find.

A ratio of claim to evidence is only a finding when both count the same thing at about the
same time, so the rules are explicit and applied to every row alike:

- **Like with like.** Each comparison in `COMPARISONS` names one kind of count (vocabulary
  `COUNTS`) and its metrics: applications are divided only by applications, people who came by
  people who came, people serving at one time by people serving at one time.
- **At about the same time.** Counts of people serving change, so they are paired only within
  `SAME_TIME` of each other. A cumulative count only grows, so it is set against evidence from
  the same date or later: a later total can only be larger, which keeps the ratio cautious.
- **What may be evidence.** `is_evidence` in one place: researchers' or journalists' own counts
  (`EVIDENCE_TYPES`) of the whole group — never a subset or another population, never a row
  marked uncertain (the reference file's [uncertain] and [RU-claim] rows, ranges that mix
  claims), never a partisan outlet, and each statement once however often it was reprinted.
- **Statements, not rows.** A claim is a statement; its echoes cite it again but weigh nothing.

Where no like pair exists, `unpaired` says so, with the claim and the nearest count of the
same kind, for the chapter to state in words instead of dividing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from ..data import vocab
from ..data.asof import figure_period
from ..data.values import is_missing
from .interval_columns import (
    bounds,
    by_size,
    intervals,
    originals,
    ratio,
    same_figures,
    with_bounds,
)


@dataclass(frozen=True)
class Comparison:
    """A government's claims tested against evidence of the same kind of count."""

    name: str
    side: str
    """The side the foreigners counted fought on (vocabulary SIDE_2022)."""
    claimant_type: str
    """The government whose figures are the claims: 'ua_government' or 'ru_government'."""
    counts: str
    """The kind of count both sides of the ratio are (vocabulary COUNTS)."""
    metrics: tuple[str, ...]
    """The metrics both sides count."""
    what: str
    """What the comparison counts, in a reader's words."""

    @property
    def claimed_by(self) -> str:
        """Whose story is tested: 'ukraine' (Kyiv's) or 'russia' (Moscow's)."""
        return GOVERNMENTS[self.claimant_type]


GOVERNMENTS = {"ua_government": "ukraine", "ru_government": "russia"}
"""The claimant type of each government whose claims are tested, and its side."""


EVIDENCE_TYPES = ("independent", "media")
"""Who counts the foreigners actually there: researchers' and journalists' own findings."""

SAME_TIME = pd.Timedelta(days=366)
"""How far apart two counts of people serving at one time may be dated and still be compared
(a claim and the evidence here; volunteers and the force they joined in `history`)."""

COMPARISONS = (
    Comparison(
        "kyiv_interest",
        "ukraine",
        "ua_government",
        "interest",
        vocab.INTEREST_METRICS,
        "people who applied or wanted to go",
    ),
    Comparison(
        "kyiv_came",
        "ukraine",
        "ua_government",
        "cumulative",
        vocab.CAME_METRICS,
        "volunteers who came",
    ),
    Comparison(
        "kyiv_serving",
        "ukraine",
        "ua_government",
        "at_one_time",
        vocab.SERVING_METRICS,
        "volunteers serving at one time",
    ),
    Comparison(
        "moscow_came",
        "ukraine",
        "ru_government",
        "cumulative",
        vocab.CAME_METRICS,
        "foreigners who came to fight",
    ),
    Comparison(
        "moscow_serving",
        "ukraine",
        "ru_government",
        "at_one_time",
        vocab.SERVING_METRICS,
        "foreigners fighting at one time",
    ),
    Comparison(
        "moscow_killed",
        "ukraine",
        "ru_government",
        "cumulative",
        ("killed",),
        "foreigners killed",
    ),
    Comparison(
        "moscow_own_interest",
        "russia",
        "ru_government",
        "interest",
        vocab.INTEREST_METRICS,
        "foreigners who applied to fight for Russia",
    ),
    Comparison(
        "moscow_own_came",
        "russia",
        "ru_government",
        "cumulative",
        vocab.CAME_METRICS,
        "foreigners who came to fight for Russia",
    ),
    Comparison(
        "moscow_own_serving",
        "russia",
        "ru_government",
        "at_one_time",
        vocab.SERVING_METRICS,
        "foreigners fighting for Russia at one time",
    ),
)
"""Every comparison, each rule in one place: a government's figures about the foreigners on
Ukraine's side and, with the same rules, Moscow's about the foreigners on its own. All count
the whole side, every country together, in persons (`in_scope`)."""

CLAIM_COLUMNS = [
    "comparison",
    "claimed_by",
    "counts",
    "claim_low",
    "claim_high",
    "claim_ids",
    "claim_date_start",
    "claim_date",
]
"""What a comparison's row says of its claim, paired with evidence or not."""

HEADLINE_COLUMNS = [
    *CLAIM_COLUMNS,
    "evidence_low",
    "evidence_high",
    "evidence_ids",
    "evidence_statements",
    "evidence_date_start",
    "evidence_date",
    "evidence_counts",
    "low",
    "high",
]

UNPAIRED_COLUMNS = [
    *CLAIM_COLUMNS,
    "reason",
    "nearest_ids",
    "nearest_date_start",
    "nearest_date",
]

TIMELINE_COLUMNS = [
    "date",
    "date_start",
    "date_end",
    "date_precision",
    "side",
    "metric",
    "counts",
    "country",
    "claimant",
    "claimant_type",
    "low",
    "high",
    "qualifier",
    "claim_id",
]


def in_scope(claims: pd.DataFrame) -> pd.DataFrame:
    """The figures comparisons are about: all foreigners on one side, counted in persons."""
    sides = {comparison.side for comparison in COMPARISONS}
    return claims.loc[
        claims["side"].isin(sides) & claims["country"].eq("ALL") & claims["unit"].eq("persons")
    ]


def is_evidence(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    """Which rows may stand as evidence against a claim (see the module docstring)."""
    partisan = claims["source_id"].map(sources.set_index("source_id")["partisan"])
    return (
        claims["claimant_type"].isin(EVIDENCE_TYPES)
        & ~claims["counts"].isin(vocab.PART_COUNTS)
        & ~claims["uncertain"].fillna(False).astype(bool)
        & ~partisan.fillna(False).astype(bool)
    )


def dated_figures(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The numeric, original statements in scope, each with the period it describes."""
    figures = with_bounds(originals(in_scope(claims)))
    period = figure_period(figures, sources)
    return figures.assign(
        date_start=period["start"], date_end=period["end"], evidence=is_evidence(figures, sources)
    )


def headline_ratios(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Claim / evidence for each comparison that has a like pair, as an interval (`low`, `high`).

    The claim is the largest figure the government stated for which evidence of the same kind
    exists at about the same time; there is one row per distinct evidence figure, the one most
    independent statements give first (the headline), so that no estimate is silently
    preferred. `claim_ids` and `evidence_ids` list the rows behind each side of the ratio.
    """
    figures = dated_figures(claims, sources)
    frames = [_compare(figures, comparison) for comparison in COMPARISONS]
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=HEADLINE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[HEADLINE_COLUMNS]


def unpaired(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The comparisons whose claims have no like evidence: the largest claim, and why.

    `reason` is 'no_evidence' when no count of the same kind exists at all, 'not_same_time'
    when counts exist but none at about the claim's time (`nearest_*` names the closest).
    """
    figures = dated_figures(claims, sources)
    rows = []
    for comparison in COMPARISONS:
        claimed = _claims(figures, comparison)
        evidence = _evidence(figures, comparison)
        if claimed.empty or _same_time(evidence, claimed, comparison.counts).any():
            continue  # nothing claimed, or a like pair (a headline ratio)
        largest = by_size(claimed).iloc[-1]
        nearest = _nearest(evidence, largest["date_start"])
        rows.append(
            {
                "comparison": comparison.name,
                "claimed_by": comparison.claimed_by,
                "counts": comparison.counts,
                "claim_low": largest["low"],
                "claim_high": largest["high"],
                "claim_ids": largest["claim_id"],
                "claim_date_start": largest["date_start"],
                "claim_date": largest["date_end"],
                "reason": "no_evidence" if evidence.empty else "not_same_time",
                "nearest_ids": "" if nearest is None else nearest["claim_id"],
                "nearest_date_start": pd.NaT if nearest is None else nearest["date_start"],
                "nearest_date": pd.NaT if nearest is None else nearest["date_end"],
            }
        )
    return pd.DataFrame(rows, columns=UNPAIRED_COLUMNS)


def verdict(ratios: pd.DataFrame) -> dict[str, str]:
    """Per comparison, what every like pair agrees on: 'above' (the claim exceeds every
    count), 'below', or 'mixed'. A verdict that holds for every evidence figure cannot be
    flipped by removing any one of them."""
    result = {}
    for name, rows in ratios.groupby("comparison", sort=False):
        if rows["low"].gt(1).all():
            result[str(name)] = "above"
        elif rows["high"].notna().all() and rows["high"].lt(1).all():
            result[str(name)] = "below"
        else:
            result[str(name)] = "mixed"
    return result


def claims_timeline(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per figure, placed at the middle of the period it describes (`asof`), for a
    timeline; `date_precision` says how wide that period is.

    Figures with no number (`vague`) are left out; undated ones are kept with a NaT date, last,
    so a plot that drops them does so visibly.
    """
    figures = with_bounds(claims)
    period = figure_period(figures, sources)
    return (
        figures.assign(
            date=period["placed_on"],
            date_start=period["start"],
            date_end=period["end"],
            date_precision=period["date_precision"],
        )
        .sort_values(["date", "claim_id"], na_position="last")
        .reset_index(drop=True)[TIMELINE_COLUMNS]
    )


def _claims(figures: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    return figures.loc[
        figures["side"].eq(comparison.side)
        & figures["claimant_type"].eq(comparison.claimant_type)
        & figures["counts"].eq(comparison.counts)
        & figures["metric"].isin(comparison.metrics)
    ]


def _evidence(figures: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    return figures.loc[
        figures["evidence"]
        & figures["side"].eq(comparison.side)
        & figures["counts"].eq(comparison.counts)
        & figures["metric"].isin(comparison.metrics)
    ]


def _same_time(evidence: pd.DataFrame, claims: pd.DataFrame, counts: str) -> np.ndarray:
    """Which evidence rows (columns) are dated close enough to each claim (rows) to be compared
    with it; an undated row matches nothing."""
    claimed = claims["date_start"].to_numpy()[:, np.newaxis]
    if counts == "at_one_time":
        return dated_together(evidence["date_start"].to_numpy(), claimed)
    return evidence["date_end"].to_numpy() >= claimed


def dated_together(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Whether dates (arrays that broadcast together) lie within `SAME_TIME` of each other;
    an undated one is with nothing."""
    return np.abs(first - second) <= SAME_TIME.to_numpy()


def _compare(figures: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    """The ratio rows of one comparison: its largest claim that has like evidence."""
    evidence = _evidence(figures, comparison)
    claims = by_size(_claims(figures, comparison)).iloc[::-1]
    same_time = _same_time(evidence, claims, comparison.counts)
    with_evidence = np.flatnonzero(same_time.any(axis=1))
    if with_evidence.size == 0:
        return pd.DataFrame(columns=HEADLINE_COLUMNS)
    claim = claims.iloc[with_evidence[0]]
    ranked = _ranked(evidence.loc[same_time[with_evidence[0]]])
    quotient = ratio(
        intervals(
            pd.Series(claim["low"], index=ranked.index),
            pd.Series(claim["high"], index=ranked.index),
        ),
        intervals(ranked["low"], ranked["high"]),
    )
    tied = claims.loc[claims["low"].eq(claim["low"]) & _same_high(claims["high"], claim["high"])]
    return ranked.rename(
        columns={
            "low": "evidence_low",
            "high": "evidence_high",
            "claim_ids": "evidence_ids",
            "statements": "evidence_statements",
        }
    ).assign(
        comparison=comparison.name,
        claimed_by=comparison.claimed_by,
        counts=comparison.counts,
        claim_low=claim["low"],
        claim_high=claim["high"],
        claim_ids=", ".join(sorted(tied["claim_id"])),
        claim_date_start=claim["date_start"],
        claim_date=claim["date_end"],
        evidence_counts=comparison.counts,
        **bounds(quotient),
    )


def _same_high(highs: pd.Series, high: Any) -> pd.Series:
    return highs.isna() if is_missing(high) else highs.eq(high).fillna(False)


def _ranked(figures: pd.DataFrame) -> pd.DataFrame:
    """Distinct figures, the one most independent statements give first; on a tie the larger
    first, so that the headline ratio is the more cautious one. Each keeps its latest date."""
    dates = figures.groupby(["low", "high"], dropna=False).agg(
        evidence_date_start=("date_start", "min"), evidence_date=("date_end", "max")
    )
    return (
        same_figures(figures)
        .join(dates, on=["low", "high"])
        .pipe(by_size)
        .iloc[::-1]
        .sort_values("statements", ascending=False, kind="stable")
        .reset_index(drop=True)
    )


def _nearest(evidence: pd.DataFrame, when: pd.Timestamp) -> pd.Series | None:
    """The evidence row dated closest to `when`, or None when there is none dated."""
    dated = evidence.dropna(subset=["date_start"])
    if dated.empty or pd.isna(when):
        return None
    return cast(pd.Series, dated.loc[cast(int, (dated["date_start"] - when).abs().idxmin())])


CLAIMANT_OF = {comparison.name: comparison.claimant_type for comparison in COMPARISONS}
"""The claimant type whose figures each comparison in `COMPARISONS` tests."""

COMPARISON_WORDS = {comparison.name: comparison.what for comparison in COMPARISONS}
"""What each comparison counts, in words."""
