"""Tables a reader sees: plain headers, no index, a dash for nothing, numbers as the report
writes them, and every figure linked to its evidence.

The analysis functions return frames made for computing (codes, snake_case columns, NaN); a
chapter shows one of the tables here instead, built from them and rendered by `html_table`.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd

from ..analysis import funnel, profiles
from ..analysis.text import cite, figure_text, number, prison_term
from ..analysis.words import LEGALITY_WORDS, SIDE_HEADINGS, STAGE_WORDS
from ..data import countries
from ..data.registry import REFERENCE_TABLES, death_lists
from ..data.schema import TABLES
from ..data.values import is_missing, number_or_none
from .notebook import Markup
from .notes import unmarked

NOTHING = "\N{EM DASH}"
"""What an empty cell shows."""


def html_table(table: pd.DataFrame, caption: str = "") -> str:
    """The table as HTML: its column names as headers, no index; text is escaped, `Markup` is
    kept as it is, and a missing cell shows `NOTHING`. Build tables with `dtype=object`:
    pandas turns a column of text into plain strings, which would drop the `Markup` mark."""
    head = "".join(f'<th scope="col">{html.escape(str(name))}</th>' for name in table.columns)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{_cell(value)}</td>" for value in row) + "</tr>"
        for row in table.itertuples(index=False)
    )
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<table class="reader">{title}<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody></table>"
    )


def legal_table(stances: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """`legal.legal_vs_volunteers` for readers: each state's position, its longest prison term,
    how many figures count its citizens, and the smallest and largest of them, cited."""
    return pd.DataFrame(
        {
            "Country": stances["country"].map(countries.country_name),
            "Position": stances["legality"].astype(str).map(LEGALITY_WORDS),
            "Longest prison term": [
                _years(years, open_ended)
                for years, open_ended in zip(
                    stances["penalty_max_years"], stances["penalty_open"], strict=True
                )
            ],
            "Figures about its citizens": stances["claim_rows"].map(number),
            "Smallest headcount": _headcounts(stances, claims, "smallest_"),
            "Largest headcount": _headcounts(stances, claims, "largest_"),
        },
        dtype=object,
    )


def funnel_table(stages: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """A country's funnel (`funnel.country_funnel`, as its chart draws it) for readers: each
    figure with its side, its stage, who stated it and a link to its evidence, marked where
    only partisan outlets state it or a source calls it unverified (`profiles.figure_marks`)."""
    marks = profiles.figure_marks(stages, claims, sources)
    return pd.DataFrame(
        {
            "Side": stages["side"].astype(str).map(SIDE_HEADINGS),
            "Stage": stages["stage"].astype(str).map(STAGE_WORDS).str.capitalize(),
            "Figure": _marked_figures(stages, claims, sources),
            "Stated by": marks["claimants"],
        },
        dtype=object,
    )


def side_table(recruits: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One country's citizens on one side, headcount by headcount (`russia_side.recruits`):
    country, stage, the figure with its notes and marks, who stated it and when."""
    return pd.DataFrame(
        {
            "Country": recruits["name"],
            "Stage": recruits["stage"].astype(str).map(STAGE_WORDS).str.capitalize(),
            "Figure": _marked_figures(recruits, claims, sources),
            "Stated by": recruits["claimants"],
            "When": recruits["when"],
        },
        dtype=object,
    )


def figures_table(rows: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Stated figures (`russia_side.troops_sent`, `russia_side.deaths`): country, the figure
    with its note and marks, who stated it and when."""
    return pd.DataFrame(
        {
            "Country": rows["name"],
            "Figure": _marked_figures(rows.assign(claim_ids=rows["claim_id"]), claims, sources),
            "Stated by": rows["claimant"],
            "When": rows["when"],
        },
        dtype=object,
    )


def _marked_figures(rows: pd.DataFrame, claims: pd.DataFrame, sources: pd.DataFrame) -> list:
    """Each row's figure with links to its evidence, marked as `funnel_table` marks it."""
    marks = profiles.figure_marks(rows, claims, sources)
    return [
        Markup(html.escape(figure) + cite("claims", ids) + _mark(*flags))
        for figure, ids, *flags in zip(
            rows["figure"],
            rows["claim_ids"],
            marks["partisan"],
            marks["uncertain"],
            marks["claimant_type"],
            strict=True,
        )
    ]


def _mark(partisan: bool, uncertain: bool, claimant_type: str) -> str:
    words = profiles.marks_text(partisan, uncertain, claimant_type)
    return f' <em class="mark">({words})</em>' if words else ""


def figure_quotes(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Figure rows for readers in their sources' own words (in English), linked to their
    evidence and marked where a partisan outlet states them or they are unverified, with who
    stated them: for figures no stage or chart of the report counts."""
    partisan = rows["source_id"].map(sources.set_index("source_id")["partisan"]).fillna(False)
    return pd.DataFrame(
        {
            "What the source says": [
                Markup(
                    f"\N{LEFT DOUBLE QUOTATION MARK}{html.escape(unmarked(quote))}"
                    f"\N{RIGHT DOUBLE QUOTATION MARK}"
                    + cite("claims", [claim_id])
                    + _mark(bool(from_partisan), bool(uncertain), str(claimant_type))
                )
                for quote, claim_id, from_partisan, uncertain, claimant_type in zip(
                    rows["quote_english"].fillna(rows["quote"]),
                    rows["claim_id"],
                    partisan,
                    rows["uncertain"].fillna(False),
                    rows["claimant_type"],
                    strict=True,
                )
            ],
            "Stated by": rows["claimant"].to_numpy(),
        },
        dtype=object,
    )


def scant_table(
    codes: list[str],
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    references: Mapping[str, pd.DataFrame],
) -> pd.DataFrame:
    """The countries with too little for a page (`profiles.too_little`), by name: each figure
    about their citizens in the source's words (`figure_quotes`), and how many each registered
    list of the dead (`registry.death_lists`) names, linked to the list."""
    rows = claims.loc[claims["country"].isin(codes)].assign(
        _name=lambda frame: frame["country"].map(countries.country_name)
    )
    rows = rows.sort_values(["_name", "claim_id"], key=_casefold, kind="stable")
    named_dead = {
        f"Named dead by {table.keeper}": [
            Markup(number(named) + cite("sources", [table.source_id])) if named else None
            for named in references[name]
            .groupby("country")["named_deaths"]
            .sum()
            .reindex(rows["country"])
            .fillna(0)
            .astype(int)
        ]
        for name, table in death_lists().items()
        if name in references
    }
    return pd.concat(
        [
            pd.DataFrame({"Country": rows["_name"].to_numpy()}, dtype=object),
            figure_quotes(rows, sources),
            pd.DataFrame(named_dead, dtype=object),
        ],
        axis=1,
    )


def _casefold(column: pd.Series) -> pd.Series:
    return column.astype(str).str.casefold()


def audit_table(coverage: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """`audit.coverage` for readers: each evidence document by its title (a file of reference
    notes by how many sources it gathers), how many rows cite it and which tables they are in,
    the largest first (three columns, so the table fits a page's column)."""
    per_file = sources.groupby("file").agg(title=("title", "first"), count=("source_id", "size"))
    documents = per_file.reindex(coverage.index)
    names = documents["title"].where(
        documents["count"].eq(1),
        "Reference notes gathering " + documents["count"].map(number) + " sources",
    )
    labels = {
        **{name: table.label for name, table in TABLES.items()},
        **{name: table.label for name, table in REFERENCE_TABLES.items()},
    }
    counts = coverage.drop(columns="total").rename(columns=labels)
    return pd.DataFrame(
        {
            "Evidence document": names.to_numpy(),
            "Rows": coverage["total"].map(number).to_numpy(),
            "Tables that cite it": [_counts_in_words(row) for _, row in counts.iterrows()],
        },
        dtype=object,
    )


def _counts_in_words(counts: pd.Series) -> str | None:
    """'Figures on the 2022 war: 161; Corrections: 63', largest first; None for no row."""
    cited = counts[counts.gt(0)].sort_values(ascending=False, kind="stable")
    return "; ".join(f"{label}: {number(count)}" for label, count in cited.items()) or None


def _headcounts(stances: pd.DataFrame, claims: pd.DataFrame, prefix: str) -> list[object]:
    """Each row's figure in words with its stage and a link, or nothing where there is none."""
    qualifiers = claims.set_index("claim_id")[["qualifier", "hedge"]]
    cells: list[object] = []
    for claim_id, metric, low, high in zip(
        stances[f"{prefix}claim_id"],
        stances[f"{prefix}metric"],
        stances[f"{prefix}low"],
        stances[f"{prefix}high"],
        strict=True,
    ):
        if is_missing(claim_id):
            cells.append(None)
            continue
        qualifier, hedge = qualifiers.loc[claim_id]
        words = figure_text(number_or_none(low), number_or_none(high), str(qualifier), hedge)
        stage = STAGE_WORDS[funnel.stage_of(str(metric))]
        cells.append(Markup(html.escape(f"{words} {stage}") + cite("claims", [claim_id])))
    return cells


def _years(value: object, open_ended: object) -> str | None:
    """'5 years', or '15 years or more' where the source leaves the top open ('to life')."""
    years = number_or_none(value)
    if years is None:
        return None
    term = prison_term(years, not is_missing(open_ended) and bool(open_ended))
    return term.removeprefix("up to ") if term else None


def _cell(value: object) -> str:
    if isinstance(value, Markup):
        return str(value)
    return NOTHING if is_missing(value) else html.escape(str(value))
