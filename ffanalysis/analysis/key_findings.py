"""The report's key findings: the few numbers a reader should leave with, each with its notes.

They are picked by rule from the same analysis the chapters state (`findings`, `comparisons`),
so the box at the top of the report and the chapters cannot disagree: each government's
largest claim that the chapters discuss, the largest count researchers and reporters made
themselves of the volunteers serving at one time, every claim-to-evidence ratio, and the
named deaths on the reference lists, with the list's publisher and whether it is partisan.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data.edition import Tables
from ..data.registry import death_lists
from ..data.values import is_missing, number_or_none
from . import comparisons, findings
from .interval_columns import by_size
from .text import figure_text, number, period_text
from .words import SIDE_WORDS


@dataclass(frozen=True)
class KeyFinding:
    """A number in large type, the sentence that says what it is, and the rows behind it."""

    kind: str
    """Which rule picked it: '<government> claim', 'serving', 'ratio' or 'listed'."""
    figure: str
    sentence: str
    short: str
    """The figure by its qualifier alone ('about 2,000'), for a headline."""
    table: str
    ids: str


def key_findings(tables: Tables) -> list[KeyFinding]:
    """The findings for the top of the report, in the order a reader needs them."""
    claims, sources = tables.claims, tables.sources
    ratios = findings.ratio_findings(claims, sources)  # once: each compares every claim
    compared = pd.concat([ratios, findings.unpaired_findings(claims, sources)])
    return [
        *_largest_claims(compared, "Kyiv"),
        *_serving_evidence(claims, sources),
        *_largest_claims(compared, "Moscow"),
        *_ratios(ratios),
        *_listed_deaths(tables),
    ]


def _largest_claims(compared: pd.DataFrame, who: str) -> list[KeyFinding]:
    """The government's largest claim of foreigners who came, whether or not it can be
    checked (the chapters say which), from the ratio and unpaired findings (`compared`)."""
    stated = compared.loc[compared["who"].eq(who) & compared["comparison"].isin(ARRIVALS)]
    if stated.empty:
        return []
    first = stated.iloc[0]
    return [
        KeyFinding(
            kind=f"{who} claim",
            figure=first["claim_text"],
            sentence=f"{first['what']}, by {who}'s count ({first['claim_when']})",
            short=first["claim_text"],
            table="claims",
            ids=first["claim_ids"],
        )
    ]


ARRIVALS = {c.name for c in comparisons.COMPARISONS if "volunteers_arrived" in c.metrics}
"""The comparisons of people who came: the claims the report's opening sets side by side."""

SERVING = {
    metric
    for comparison in comparisons.COMPARISONS
    if comparison.side == "ukraine" and comparison.counts == "at_one_time"
    for metric in comparison.metrics
}
"""The metrics of foreigners serving Ukraine at one time (not the size of Ukraine's forces)."""


def _serving_evidence(claims: pd.DataFrame, sources: pd.DataFrame) -> list[KeyFinding]:
    """The largest count of foreigners serving Ukraine at one time that researchers or
    reporters made themselves (the rows that may stand as evidence)."""
    figures = comparisons.dated_figures(claims, sources).query(
        "evidence and side == 'ukraine' and metric in @SERVING"
    )
    if figures.empty:
        return []
    largest = by_size(figures).iloc[-1]
    low, high = number_or_none(largest["low"]), number_or_none(largest["high"])
    when = period_text(largest["date_start"], largest["date_end"])
    return [
        KeyFinding(
            kind="serving",
            figure=figure_text(low, high, largest["qualifier"], largest["hedge"]),
            sentence="foreigners serving in Ukraine's forces at one time: the largest count "
            f"researchers or reporters made themselves ({when})",
            short=figure_text(low, high, largest["qualifier"]),
            table="claims",
            ids=largest["claim_id"],
        )
    ]


def _ratios(ratios: pd.DataFrame) -> list[KeyFinding]:
    return [
        KeyFinding(
            kind="ratio",
            figure=f"{row['ratio_text']} times",
            sentence=f"{row['who']}'s count of {row['what']} ({row['claim_text']}, "
            f"{row['claim_when']}) against the independent count of the same "
            f"({row['evidence_text']}, {row['evidence_when']})",
            table="claims",
            ids=f"{row['claim_ids']}, {row['evidence_ids']}",
            short=f"{row['ratio_text']} times",
        )
        for row in ratios.to_dict("records")
    ]


def _listed_deaths(tables: Tables) -> list[KeyFinding]:
    """Each registered list's named deaths (`registry.death_lists`), said with who keeps it."""
    result = []
    for name, reference in death_lists().items():
        listed = tables.references[name]
        if listed.empty:
            continue
        source = tables.sources.set_index("source_id").loc[reference.source_id]
        partisan = " (a partisan source)" if _is_true(source.get("partisan")) else ""
        result.append(
            KeyFinding(
                kind="listed",
                figure=number(int(listed["named_deaths"].sum())),
                sentence=f"foreigners who fought {SIDE_WORDS[str(reference.deaths_side)]} named as "
                f"killed on the list kept by "
                f"{source['publisher']}{partisan}: a floor, not a count of all deaths",
                table="sources",
                ids=reference.source_id,
                short=number(int(listed["named_deaths"].sum())),
            )
        )
    return result


def _is_true(flag: object) -> bool:
    """A flag of a clean table: True, False or missing (which is not True)."""
    return not is_missing(flag) and bool(flag)
