"""The numbers each chapter's narrative states, gathered from the analysis in one call each.

A notebook renders these with `notebook.say` and records them with `notebook.record`; keeping
the selection here (which figure is the headline, what a span runs over) means it is tested,
and the text and the tests read the same values. Figures keep their source's hedge: the words
come from `text.figure_text` with the qualifier of the row that states them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..data import countries, vocab
from ..data.asof import figure_period
from ..data.values import number_or_none, text_or_none
from . import comparisons, deaths, funnel, history, legal
from .comparisons import CLAIMANT_OF, COMPARISON_WORDS
from .history import conflict_names
from .interval_columns import by_size, stated_span
from .text import figure_text, interval_text, period_text, prison_term
from .words import GOVERNMENT_NAMES, STAGE_WORDS, check_words

STANCE_WORDS = {
    "illegal": "bars its citizens from enlisting for Ukraine",
    "permission_required": "lets its citizens enlist for Ukraine only with its permission",
    "discouraged": "discourages its citizens from enlisting for Ukraine",
    "unclear": "leaves it unclear whether its citizens may enlist for Ukraine",
    "legal": "allows its citizens to enlist for Ukraine",
}
"""Each legality category as the predicate of a sentence about one state."""
check_words(STANCE_WORDS, vocab.LEGALITY, "STANCE_WORDS", every=True)

PLURAL_NAMES = ("Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Gambia")


def country_phrase(code: str) -> str:
    """A country's name as a sentence needs it: 'the United Kingdom', 'the Netherlands', 'Peru'."""
    name = countries.country_name(code) or code
    needs_article = (
        name.startswith("United ")
        or name in PLURAL_NAMES
        or any(word in name for word in ("Republic", "Federation"))
    )
    return f"the {name}" if needs_article else name


CLAIM_COLUMNS = ["comparison", "who", "what", "claim_text", "claim_when", "claim_ids"]
"""What every comparison's finding says of its claim, paired or not."""

RATIO_COLUMNS = [
    *CLAIM_COLUMNS,
    "evidence_text",
    "evidence_when",
    "evidence_ids",
    "evidence_statements",
    "low",
    "high",
    "ratio_text",
    "spread_low",
    "spread_high",
    "evidence_figures",
    "verdict",
]

UNPAIRED_COLUMNS = [*CLAIM_COLUMNS, "reason", "nearest_ids", "nearest_when"]


def ratio_findings(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per comparison with a like pair: its headline ratio, the claim and evidence in
    the sources' words and dates, the span of the ratio over every distinct evidence figure,
    and the `verdict` every evidence figure agrees on."""
    ratios = comparisons.headline_ratios(claims, sources)
    if ratios.empty:
        return pd.DataFrame(columns=RATIO_COLUMNS)
    spans = {
        comparison: stated_span(rows["low"], rows["high"])
        for comparison, rows in ratios.groupby("comparison", sort=False)
    }
    verdicts = comparisons.verdict(ratios)
    return (
        ratios.drop_duplicates("comparison")
        .assign(
            who=lambda rows: rows["comparison"].map(CLAIMANT_OF).map(GOVERNMENT_NAMES),
            what=lambda rows: rows["comparison"].map(COMPARISON_WORDS),
            claim_text=lambda rows: _words(rows, "claim_", rows["claim_ids"], claims),
            claim_when=lambda rows: _when(rows, "claim_date"),
            evidence_text=lambda rows: _words(rows, "evidence_", rows["evidence_ids"], claims),
            evidence_when=lambda rows: _when(rows, "evidence_date"),
            ratio_text=lambda rows: _interval_words(rows["low"], rows["high"]),
            spread_low=lambda rows: rows["comparison"].map({k: v[0] for k, v in spans.items()}),
            spread_high=lambda rows: rows["comparison"].map({k: v[1] for k, v in spans.items()}),
            evidence_figures=lambda rows: rows["comparison"].map(
                ratios["comparison"].value_counts()
            ),
            verdict=lambda rows: rows["comparison"].map(verdicts),
        )
        .reset_index(drop=True)[RATIO_COLUMNS]
    )


def unpaired_findings(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per comparison whose claims have no like evidence: the largest claim in its
    source's words, why nothing can be divided, and the nearest count of the same kind."""
    rows = comparisons.unpaired(claims, sources)
    if rows.empty:
        return pd.DataFrame(columns=UNPAIRED_COLUMNS)
    return rows.assign(
        who=rows["comparison"].map(CLAIMANT_OF).map(GOVERNMENT_NAMES),
        what=rows["comparison"].map(COMPARISON_WORDS),
        claim_text=_words(rows, "claim_", rows["claim_ids"], claims),
        claim_when=_when(rows, "claim_date"),
        nearest_when=_when(rows, "nearest_date"),
    )[UNPAIRED_COLUMNS]


def _when(rows: pd.DataFrame, column: str) -> pd.Series:
    """The period a date column of `rows` (with its `_start` twin) can mean, in words."""
    starts = rows[column.replace("_date", "_date_start")]
    return pd.Series(
        [period_text(start, end) for start, end in zip(starts, rows[column], strict=True)],
        index=rows.index,
    )


def _words(rows: pd.DataFrame, prefix: str, id_cells: pd.Series, claims: pd.DataFrame) -> pd.Series:
    """Each row's figure as its source hedged it: the qualifier and hedge of the first claim in
    each id cell ('A, B' -> A's), since the rows of one distinct figure state one interval."""
    first = claims.set_index("claim_id").reindex(id_cells.str.split(", ").str[0])
    return pd.Series(
        [
            figure_text(
                number_or_none(low), number_or_none(high), str(qualifier), text_or_none(hedge)
            )
            for low, high, qualifier, hedge in zip(
                rows[f"{prefix}low"],
                rows[f"{prefix}high"],
                first["qualifier"],
                first["hedge"],
                strict=True,
            )
        ],
        index=rows.index,
    )


def _interval_words(low: pd.Series, high: pd.Series) -> pd.Series:
    return pd.Series(
        [interval_text(lo, hi) for lo, hi in zip(low, high, strict=True)], index=low.index
    )


def death_findings(
    casualties: pd.DataFrame, listed: pd.DataFrame, claims: pd.DataFrame
) -> dict[str, Any]:
    """The named floors (our list, each person once, and a reference list of named deaths) and
    Moscow's largest total claim, set side by side: a floor is no count to divide a claim by, and
    the list is partisan."""
    ours = deaths.people(casualties.loc[casualties["side"].eq("ukraine")])
    totals = deaths.aggregate_death_counts(claims).query("country == 'ALL'")
    moscow = by_size(totals.loc[totals["claimant_type"].eq("ru_government")])
    listed_deaths = int(listed["named_deaths"].sum())
    floor = max(len(ours), listed_deaths)
    result: dict[str, Any] = {
        "named": len(ours),
        "named_non_combatants": int(ours["role"].eq("non_combatant").sum()),
        "named_undated": int(ours["died_on_end"].isna().sum()),
        "named_ids": ", ".join(ours["casualty_id"]),
        "listed": listed_deaths,
        "listed_without_country": int(listed.loc[listed["country"].isna(), "named_deaths"].sum()),
        "floor": floor,
        "moscow": None,
        "top_countries": _top_listed(listed),
    }
    if len(moscow):
        claim = moscow.iloc[-1]
        result["moscow"] = {
            "low": number_or_none(claim["low"]),
            "high": number_or_none(claim["high"]),
            "text": figure_text(
                number_or_none(claim["low"]),
                number_or_none(claim["high"]),
                claim["qualifier"],
                claim["hedge"],
            ),
            "claim_id": claim["claim_id"],
        }
    return result


def _top_listed(listed: pd.DataFrame, count: int = 5) -> list[dict[str, Any]]:
    """The list's citizenships with most named deaths (labels that name no country left out)."""
    by_country = deaths.listed_by_country(listed).dropna(subset=["country"]).head(count)
    return [
        {
            "country": country,
            "name": countries.country_name(country) or country,
            "named_deaths": int(named),
        }
        for country, named in zip(by_country["country"], by_country["named_deaths"], strict=True)
    ]


def legal_findings(legal_stances: pd.DataFrame, claims: pd.DataFrame) -> dict[str, Any]:
    """Countries per category, how many of the banning countries still have volunteers on
    record and the largest such figure, and the stated penalties."""
    counts = legal.countries_per_category(legal_stances)
    table = legal.legal_vs_volunteers(legal_stances, claims)
    banned = table.loc[table["legality"].eq("illegal")]
    documented = by_size(
        banned.dropna(subset=["largest_claim_id"]).rename(
            columns={"largest_low": "low", "largest_high": "high"}
        )
    )
    penalties = legal_stances.dropna(subset=["penalty_max_years"]).sort_values(
        ["penalty_max_years", "country"], ascending=[False, True]
    )
    qualifier = claims.set_index("claim_id")["qualifier"].astype(str)
    result: dict[str, Any] = {
        "countries": len(legal_stances),
        "per_category": {
            str(legality): int(count)
            for legality, count in zip(counts["legality"], counts["countries"], strict=True)
        },
        "banned": len(banned),
        "banned_with_figure": len(documented),
        "largest_banned": None,
        "with_penalty": len(penalties),
        "longest_penalty": None,
    }
    if len(documented):
        row = documented.iloc[-1]
        result["largest_banned"] = {
            "country": row["country"],
            "name": countries.country_name(row["country"]) or row["country"],
            "text": figure_text(
                number_or_none(row["low"]),
                number_or_none(row["high"]),
                qualifier[row["largest_claim_id"]],
            ),
            "metric": str(row["largest_metric"]),
            "claim_id": row["largest_claim_id"],
        }
    if len(penalties):
        row = penalties.iloc[0]
        result["longest_penalty"] = {
            "country": row["country"],
            "name": countries.country_name(row["country"]) or row["country"],
            "years": number_or_none(row["penalty_max_years"]),
        }
    return result


SPAN_COLUMNS = [
    "conflict",
    "name",
    "estimates",
    "rated",
    "total_low",
    "total_high",
    "months_low",
    "months_high",
    "rate_low",
    "rate_high",
    "share_low",
    "share_high",
    "figure_ids",
]


def conflict_spans(
    historical: pd.DataFrame,
    conflicts: pd.DataFrame,
    claims: pd.DataFrame,
    sources: pd.DataFrame,
    as_of: str,
) -> pd.DataFrame:
    """Per conflict, the span of what its estimates state: in all, per month and as a share.

    Spans run from the smallest to the largest number stated (an open bound stands in for
    nothing), so they describe how far the sources disagree, not a confidence interval. Only
    estimates of everyone who came give the totals and rates (cumulative counts, no row marked
    uncertain, no Russian claim about the other side; `estimates` counts those statements and
    `rated` those dated well enough to give a rate), and counts of volunteers serving at one time
    give the shares of the force.
    """
    table = history.comparison(historical, conflicts, claims, sources, as_of or None)
    table = table.loc[
        ~table["uncertain"].fillna(False).astype(bool)
        & ~table["claimant_type"].isin(["ru_government", "ru_affiliated"])
    ]
    came = table.loc[table["counts"].eq("cumulative")]
    if came.empty:
        return pd.DataFrame(columns=SPAN_COLUMNS)
    serving = table.loc[table["counts"].eq("at_one_time")]
    names = conflict_names(conflicts)
    rows = [
        {
            "conflict": conflict,
            "name": names[conflict],
            "estimates": len(group),
            "rated": int((group["rate_low"].notna() | group["rate_high"].notna()).sum()),
            **_span(group, "", "total_"),
            "months_low": number_or_none(group["months_low"].min()),
            "months_high": number_or_none(group["months_high"].max()),
            **_span(group, "rate_", "rate_"),
            **_span(serving.loc[serving["conflict"].eq(conflict)], "share_", "share_"),
            "figure_ids": ", ".join(group["figure_id"]),
        }
        for conflict, group in came.groupby("conflict", sort=False)
    ]
    return pd.DataFrame(rows, columns=SPAN_COLUMNS)


def _span(group: pd.DataFrame, prefix: str, out: str) -> dict[str, float | None]:
    low, high = stated_span(group[f"{prefix}low"], group[f"{prefix}high"])
    return {f"{out}low": number_or_none(low), f"{out}high": number_or_none(high)}


def country_findings(
    claims: pd.DataFrame,
    legal_stances: pd.DataFrame,
    casualties: pd.DataFrame,
    listed: pd.DataFrame,
    country: str,
) -> dict[str, Any]:
    """One country at a glance: its stance and longest prison term, how many figures count its
    citizens (and how many are funnel headcounts), and the deaths named for it."""
    stance = legal_stances.loc[legal_stances["country"].eq(country)]
    named = casualties.loc[casualties["nationality"].eq(country)]
    legality = str(stance["legality"].iloc[0]) if len(stance) else None
    years = number_or_none(stance["penalty_max_years"].iloc[0]) if len(stance) else None
    open_ended = bool(len(stance) and stance["penalty_open"].fillna(False).iloc[0])
    return {
        "country": country,
        "name": countries.country_name(country) or country,
        "phrase": country_phrase(country),
        "legality": legality,
        "stance_text": STANCE_WORDS.get(legality) if legality else None,
        "penalty_years": years,
        "penalty_open": open_ended,
        "penalty_text": prison_term(years, open_ended),
        "claims": int(claims["country"].eq(country).sum()),
        "claim_ids": ", ".join(claims.loc[claims["country"].eq(country), "claim_id"]),
        "headcounts": len(funnel.country_funnel(claims, country)),
        "named_deaths": len(named),
        "named_ids": ", ".join(named["casualty_id"]),
        "listed_deaths": int(listed.loc[listed["country"].eq(country), "named_deaths"].sum()),
    }


SIDE_COUNTRY_COLUMNS = [
    "country",
    "name",
    "stage",
    "figure",
    "when",
    "text",
    "claimants",
    "claim_ids",
]


def side_countries(claims: pd.DataFrame, sources: pd.DataFrame, side: str) -> pd.DataFrame:
    """Every distinct headcount stated for one country's citizens on one `side`, in words, with
    who stated it and the period it describes: the country funnels (`funnel`) of every single
    country the side's figures name, so the same rules hold as for each country's profile."""
    codes = sorted(
        code
        for code in claims.loc[claims["side"].eq(side), "country"].dropna().unique()
        if countries.is_single_country(str(code))
    )
    frames = [funnel.country_funnel(claims, code).assign(country=code) for code in codes]
    rows = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["side"])
    rows = rows.loc[rows["side"].eq(side)]
    if rows.empty:
        return pd.DataFrame(columns=SIDE_COUNTRY_COLUMNS)
    first = claims.set_index("claim_id").reindex(rows["claim_ids"].str.split(", ").str[0])
    period = figure_period(first, sources)
    claimant = claims.set_index("claim_id")["claimant"]
    return rows.assign(
        name=rows["country"].map(countries.country_name),
        figure=_words(rows, "", rows["claim_ids"], claims),
        claimants=rows["claim_ids"].map(
            lambda ids: "; ".join(dict.fromkeys(claimant.reindex(ids.split(", ")).astype(str)))
        ),
        when=[
            period_text(start, end)
            for start, end in zip(period["start"], period["end"], strict=True)
        ],
        text=lambda frame: (
            frame["figure"]
            + " "
            + frame["stage"].astype(str).map(STAGE_WORDS)
            + ", according to "
            + frame["claimants"]
            + " ("
            + frame["when"]
            + ")"
        ),
    )[SIDE_COUNTRY_COLUMNS]
