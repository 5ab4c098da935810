"""Guards on the numbers the report publishes: a number that cannot be true stops the build.

Validation checks each row against its source; these check what the analysis makes of the rows
together, on the whole data, before anything is written or run:

- a share of a force above 100% (a count set against a force it cannot be part of);
- a rate per month over a window too loosely dated to bound it;
- a ratio of claim to evidence that divides unlike kinds of count, or leans on a row that may
  not be evidence (a subset, an uncertain row, a partisan outlet).

Each problem names the rows behind the number, as `path:line: column: message`, so the curator
can find them. `clean.write_clean` runs these before it writes anything, so data/clean, the
figures and the published report stay as they were.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..data import paths
from ..data.problems import Problem, line_number
from ..data.schema import TABLES
from . import comparisons, history

Tables = dict[str, pd.DataFrame]


def problems(raw: Tables, clean: Tables, data_dir: Path) -> list[Problem]:
    """Every published number that cannot be true, located at the rows that make it."""
    lines = _Lines(raw, data_dir)
    comparison = history.comparison(
        clean["historical"], clean["conflicts"], clean["claims"], clean["sources"]
    )
    ratios = comparisons.headline_ratios(clean["claims"], clean["sources"])
    return [
        *share_problems(comparison, lines),
        *rate_problems(comparison, lines),
        *ratio_problems(ratios, clean["claims"], clean["sources"], lines),
    ]


def share_problems(comparison: pd.DataFrame, lines: _Lines) -> list[Problem]:
    """Shares of a force above 100%."""
    over = comparison.loc[comparison["share_low"].gt(1) | comparison["share_high"].gt(1)]
    return [
        lines.problem(
            row["figure_id"],
            "counts",
            f"is {row['share_low'] * 100:.0f}% or more of the force it joined "
            f"({row['host_ids']}): a share cannot exceed 100%; check counts and dates",
        )
        for _, row in over.iterrows()
    ]


def rate_problems(comparison: pd.DataFrame, lines: _Lines) -> list[Problem]:
    """Rates computed over a window too loosely dated to bound them."""
    rated = comparison.loc[comparison["rate_low"].notna() | comparison["rate_high"].notna()]
    loose = rated.loc[history.window_is_loose(rated["months_low"], rated["months_high"])]
    return [
        lines.problem(
            row["figure_id"],
            "refers_to",
            f"gives a rate over a window of {row['months_low']:.1f} to {row['months_high']:.1f} "
            "months, too loosely dated to divide by: give the date the figure describes",
        )
        for _, row in loose.iterrows()
    ]


def ratio_problems(
    ratios: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame, lines: _Lines
) -> list[Problem]:
    """Ratios whose two sides are not the same kind of count, or whose evidence may not be."""
    found: list[Problem] = []
    counts = claims.set_index("claim_id")["counts"].astype(str)
    allowed = comparisons.is_evidence(claims, sources).set_axis(claims["claim_id"])
    for _, ratio in ratios.iterrows():
        for side in ("claim", "evidence"):
            for row_id in _ids(ratio[f"{side}_ids"]):
                if counts[row_id] != ratio["counts"]:
                    found.append(
                        lines.problem(
                            row_id,
                            "counts",
                            f"is {counts[row_id]} but is divided as {ratio['counts']} "
                            f"in {ratio['comparison']}: a ratio divides like kinds only",
                        )
                    )
        found += [
            lines.problem(
                row_id,
                "uncertain",
                f"stands as evidence in {ratio['comparison']} but may not be evidence "
                "(a subset, uncertain, or from a partisan outlet)",
            )
            for row_id in _ids(ratio["evidence_ids"])
            if not allowed[row_id]
        ]
    return found


def _ids(cell: str) -> list[str]:
    return [part.strip() for part in str(cell).split(",") if part.strip()]


class _Lines:
    """Where each row of the figure tables stands in its raw file."""

    def __init__(self, raw: Tables, data_dir: Path) -> None:
        self._where: dict[str, tuple[Path, int]] = {}
        for name in ("claims", "historical"):
            key = TABLES[name].key
            path = paths.raw_dir(data_dir) / TABLES[name].file_name
            for line, row_id in raw[name][key].items():
                self._where[str(row_id)] = (path, line_number(line))

    def problem(self, row_id: str, column: str, message: str) -> Problem:
        path, line = self._where[str(row_id)]
        return Problem(path, line, column, message)
