"""Claims against evidence: each government claim and the independent counts it is divided by,
on one scale."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..analysis import comparisons, findings
from ..analysis.comparisons import CLAIMANT_OF, COMPARISON_WORDS
from ..analysis.text import interval_text
from ..analysis.words import (
    EVIDENCE_WORDS,
    GOVERNMENT_NAMES,
)
from ..data import vocab
from ..data.values import number_or_none
from .chart_base import (
    Chart,
    cited_sources,
    draw_rows,
    no_data,
    split_ids,
)
from .plotting import (
    FIGURE_WIDTH,
    finish,
    house_style,
    save,
    thousands,
)

RATIO_COLUMNS = {
    "what": "Comparison",
    "claim_low": "Claim, low",
    "claim_high": "Claim, high",
    "claim_date": "Claim, dated by",
    "evidence_low": "Evidence, low",
    "evidence_high": "Evidence, high",
    "evidence_date": "Evidence, dated by",
    "evidence_statements": "Statements giving the evidence",
    "low": "Claim / evidence, low",
    "high": "Claim / evidence, high",
}


def claims_vs_evidence(
    claims: pd.DataFrame, sources: pd.DataFrame, figures_dir: Path | str
) -> Chart:
    """What each ratio means: the government's claim and the independent counts it is divided
    by, drawn as the ranges they state on one scale, a panel for each comparison.

    One row per distinct evidence figure (`comparisons.headline_ratios`) below the claim, so the
    spread of the evidence shows, and the panel's heading gives the ratio the gap amounts to.
    """
    ratios = comparisons.headline_ratios(claims, sources)
    stem = Path(figures_dir) / "claims_vs_evidence"
    if ratios.empty:
        return no_data(stem, "No government figure has a like count to be set against yet", ratios)
    claimant_of = claims.set_index("claim_id")
    headlines = findings.ratio_findings(claims, sources)
    rows = ratios.assign(
        claimant_type=ratios["comparison"].map(CLAIMANT_OF),
        what=ratios["comparison"].map(COMPARISON_WORDS),
    )
    title, values = _ratio_finding(headlines, claimant_of)
    ids, names, credits = cited_sources(
        split_ids(pd.concat([rows["claim_ids"], rows["evidence_ids"]])).map(
            claimant_of["source_id"]
        ),
        sources,
    )
    panels = [
        _claim_and_evidence(group, claimant_of)
        for _, group in rows.groupby("comparison", sort=False)
    ]
    headings = [_comparison_heading(row) for row in headlines.to_dict("records")]
    with house_style():
        fig = Figure(figsize=(FIGURE_WIDTH, max(2.8, 1.8 + 0.45 * sum(map(len, panels)))))
        axes = fig.subplots(len(panels), 1, squeeze=False, height_ratios=list(map(len, panels)))
        for ax, panel, heading in zip(axes[:, 0], panels, headings, strict=True):
            draw_rows(ax, panel)
            ax.set_title(heading, loc="left")
            ax.set_xlim(left=0)
            ax.margins(x=0.3)
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
            thousands(ax.xaxis)
        finish(fig, title=title, sources=credits, xlabel="People")
    shows = "Each claim and the independent counts it is divided by, on one scale: " + "; ".join(
        f"{panel['label'].iloc[0]}: {panel['figure'].iloc[0]}, against "
        + ", ".join(
            f"{label}: {figure}"
            for label, figure in zip(panel["label"].iloc[1:], panel["figure"].iloc[1:], strict=True)
        )
        for panel in panels
    )
    return Chart(save(fig, stem), title, ids, names, values, rows, fig, f"{shows}.", RATIO_COLUMNS)


def _comparison_heading(row: dict) -> str:
    """'Foreigners killed: the claim is 20\N{MULTIPLICATION SIGN} the evidence', wrapped to sit
    above a narrow panel."""
    what = f"{row['what'][0].upper()}{row['what'][1:]}"
    times = f"{row['ratio_text']}\N{MULTIPLICATION SIGN}"
    return textwrap.fill(f"{what}: the claim is {times} the evidence", 36)


def _claim_and_evidence(group: pd.DataFrame, claimant_of: pd.DataFrame) -> pd.DataFrame:
    """One comparison's rows to draw: the claim first, then each distinct evidence figure, each
    labelled with who stated it and when, and written beside its mark in words."""
    first = group.iloc[0]
    claim = pd.DataFrame(
        {
            "low": [first["claim_low"]],
            "high": [first["claim_high"]],
            "claimant_type": [CLAIMANT_OF[first["comparison"]]],
            "label": [
                f"{GOVERNMENT_NAMES[CLAIMANT_OF[first['comparison']]]}'s claim, {first['claim_date']:%b %Y}"
            ],
        }
    )
    evidence_types = split_ids(group["evidence_ids"]).map(claimant_of["claimant_type"]).astype(str)
    evidence = pd.DataFrame(
        {
            "low": group["evidence_low"].to_numpy(),
            "high": group["evidence_high"].to_numpy(),
            "claimant_type": evidence_types.groupby(level=0).first().to_numpy(),
            "label": [
                f"{_evidence_words(evidence_types.loc[[index]]).capitalize()}, {date:%b %Y}"
                for index, date in zip(group.index, group["evidence_date"], strict=True)
            ],
        }
    )
    drawn = pd.concat([claim, evidence], ignore_index=True)
    return drawn.assign(
        key=[str(position) for position in range(len(drawn))],
        figure=_interval_words(drawn["low"], drawn["high"]),
    )


def _ratio_finding(
    headlines: pd.DataFrame, claimant_of: pd.DataFrame
) -> tuple[str, dict[str, Any]]:
    """'Kyiv's count of volunteers who came is 2-3 times what reporters found; Moscow's ...':
    the headline of each comparison with a like pair, as `findings.ratio_findings` states it
    for the text, so that title and text cannot differ."""
    clauses = [
        _ratio_clause(row, claimant_of, first=position == 0)
        for position, row in enumerate(headlines.to_dict("records"))
    ]
    values = {
        row["comparison"]: {
            "low": number_or_none(row["low"]),
            "high": number_or_none(row["high"]),
            "claim_ids": row["claim_ids"],
            "evidence_ids": row["evidence_ids"],
        }
        for row in headlines.to_dict("records")
    }
    return "; ".join(clauses), values


def _ratio_clause(row: dict, claimant_of: pd.DataFrame, *, first: bool) -> str:
    clause = f"{row['who']}'s count of {row['what']} is {row['ratio_text']} times"
    if not first:
        return clause
    finders = _evidence_words(
        split_ids(pd.Series([row["evidence_ids"]])).map(claimant_of["claimant_type"])
    )
    return f"{clause} what {finders} found"


def _evidence_words(claimant_types: pd.Series) -> str:
    present = set(claimant_types.astype(str))
    words = [EVIDENCE_WORDS.get(kind, "others") for kind in vocab.CLAIMANT_TYPE if kind in present]
    return " and ".join(dict.fromkeys(words)) or "others"


def _interval_words(low: pd.Series, high: pd.Series) -> pd.Series:
    return pd.Series(
        [interval_text(lo, hi, digits=0) for lo, hi in zip(low, high, strict=True)], index=low.index
    )
