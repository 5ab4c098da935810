"""The corrections log as readers see it: the rows an edition uses, in words, escaped."""

from __future__ import annotations

import pandas as pd

from ffanalysis.presentation.corrections_log import describe_row, methods_html, shown, summary

CLAIMS = pd.DataFrame(
    {
        "claim_id": ["C1", "C2"],
        "claimant": ["Kyiv", "Reporters <i>"],
        "metric": ["volunteers_interested", "fighters_active"],
    }
)
LEGAL = pd.DataFrame({"country": ["FIN"]})


def log(*rows: tuple[str, str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"table": t, "row_id": r, "field": f, "before": b, "after": a, "reason": "Checked."}
            for t, r, f, b, a in rows
        ]
    )


def test_an_edition_lists_only_corrections_to_rows_it_uses() -> None:
    corrections = log(
        ("claims", "C1", "uncertain", "false", "true"),
        ("claims", "C7", "stated_on", "2022", "2022-03"),
        ("legal_stances", "FIN", "legality", "legal", "discouraged"),
    )
    used = shown(corrections, {"claims": CLAIMS, "legal_stances": LEGAL})
    assert used["row_id"].tolist() == ["C1", "FIN"]


def test_the_summary_counts_values_and_rows_and_names_the_commonest_changes() -> None:
    corrections = log(
        ("claims", "C1", "uncertain", "false", "true"),
        ("claims", "C1", "stated_on", "2022", "2022-03"),
        ("claims", "C2", "uncertain", "false", "true"),
    )
    assert summary(corrections) == (
        "After checking every row against its source again, we corrected 3 values in 2 rows: "
        "marked unverified (2) and date stated (1)."
    )


def test_rows_are_described_in_words_and_values_read_as_words() -> None:
    tables = {"claims": CLAIMS, "legal_stances": LEGAL}
    assert describe_row("claims", "C1", tables) == "Kyiv, volunteers interested"
    assert describe_row("legal_stances", "FIN", tables) == "Finland: legal position"
    page = methods_html(log(("claims", "C1", "uncertain", "false", "true")), tables)
    assert '<td>marked unverified</td><td class="value">no</td><td class="value">yes</td>' in page
    assert 'href="#evidence-claims-C1"' in page


def test_data_in_the_log_is_escaped() -> None:
    page = methods_html(log(("claims", "C2", "quote", "<b>x</b>", "y")), {"claims": CLAIMS})
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert "Reporters &lt;i&gt;" in page


def test_a_corrected_quote_shows_its_words_without_the_link_marks_of_its_copy() -> None:
    corrections = log(("claims", "C2", "quote", "[some 1,000](#) came", "about [1,000](#) came"))
    page = methods_html(corrections, {"claims": CLAIMS})
    assert '<td class="value">some 1,000 came</td><td class="value">about 1,000 came</td>' in page
    assert "](#)" not in page


def test_an_edition_without_corrections_says_so() -> None:
    assert "No figure this edition uses has been corrected" in methods_html(log(), {})


def test_a_row_removed_since_is_named_by_its_table() -> None:
    assert describe_row("claims", "GONE", {"claims": CLAIMS}) == (
        "A row since removed (figures on the 2022 war)"
    )
    assert describe_row("casualties", "K9", {}) == "A row since removed (deaths)"
