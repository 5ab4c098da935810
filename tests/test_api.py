"""The analyst's API at the top of the package: discoverable, documented, and cheap to import."""

from __future__ import annotations

import pandas as pd
import pytest

import ffanalysis as ff
from tests.sample_tables import CLAIMS


def test_tab_completion_shows_the_questions_functions_and_the_analysis_modules() -> None:
    names = dir(ff)
    for name in ["load", "tables", "evidence", "country_rows", "figures_in_words", "diff"]:
        assert name in names and callable(getattr(ff, name))
    for module, layer in ff.ANALYSIS_MODULES.items():
        assert module in names and getattr(ff, module).__name__ == f"ffanalysis.{layer}.{module}"
    assert not [name for name in names if "import" in name]


def test_help_maps_each_question_to_its_function() -> None:
    text = ff.__doc__ or ""
    for name in ["ff.load", "ff.tables", "ff.evidence", "ff.country_rows", "ff.diff"]:
        assert name in text
    assert "conditions, corrections, lostarmour." in (ff.load.__doc__ or "")


def test_one_country_s_rows_include_the_groups_it_is_named_in() -> None:
    frame = pd.DataFrame({"country": ["USA", "USA+CAN", "CAN", "GBR+USA", None]})
    rows = ff.country_rows(frame, "USA")
    assert rows.index.tolist() == [0, 1, 3]
    assert rows["alone"].tolist() == [True, False, False]
    with pytest.raises(ValueError, match="not one country"):
        ff.country_rows(frame, "USA+CAN")


def test_a_column_of_figures_reads_in_words_with_its_hedges() -> None:
    words = ff.figures_in_words(CLAIMS.set_index("claim_id"))
    assert words["KYIV"] == "more than 20,000"
    assert words["PAPER"] == "1,500\N{EN DASH}2,000"
    assert words["NAMED"] == "fewer than 750"


def test_tables_as_of_a_date_are_the_chapters_tables() -> None:
    everything, early = ff.tables(), ff.tables("2022")
    assert len(early.claims) < len(everything.claims)
    assert early.claims["stated_on_end"].dropna().max() <= pd.Timestamp("2022-12-31")
