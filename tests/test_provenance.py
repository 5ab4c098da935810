"""Evidence where the analysis happens: `ff.evidence(ids)` and each notebook's own evidence list."""

from __future__ import annotations

import pandas as pd
import pytest

import ffanalysis as ff
from ffanalysis.analysis.text import cite, cited_so_far
from ffanalysis.presentation import chapter
from tests.conftest import Project


def test_evidence_gives_who_when_where_and_the_quote_in_the_order_asked(mini: Project) -> None:
    rows = ff.evidence("C03, C01", data_dir=mini.data_dir)
    assert rows[["table", "id"]].to_numpy().tolist() == [["claims", "C03"], ["claims", "C01"]]
    first = rows.iloc[1]
    assert (first["figure"], first["claimant"], first["stated"]) == (
        "more than 20,000",
        "Foreign minister",
        "6 March 2022",
    )
    assert first["reported_by"] == "Kyiv Daily" and first["quote"] and first["locator"]
    assert first["source"] and first["publisher"]


def test_evidence_takes_a_frame_s_id_column_with_several_ids_in_a_cell(mini: Project) -> None:
    column = pd.Series(["C01, C02", "C01", "K1"])
    rows = ff.evidence(column, data_dir=mini.data_dir)
    assert rows["id"].tolist() == ["C01", "C02", "K1"]
    assert rows["table"].tolist() == ["claims", "claims", "casualties"]
    assert ff.evidence(column[:2], table="claims", data_dir=mini.data_dir).shape[0] == 2


def test_an_id_no_table_holds_is_named(mini: Project) -> None:
    with pytest.raises(KeyError, match="C99, X1"):
        ff.evidence(["C01", "C99", "X1"], data_dir=mini.data_dir)
    with pytest.raises(KeyError, match="table must be one of"):
        ff.evidence("C01", table="claimz", data_dir=mini.data_dir)


def test_a_notebook_s_evidence_list_holds_every_row_it_cited_as_the_link_target(
    mini: Project,
) -> None:
    tables = chapter.tables("", mini.data_dir)
    links = cite("claims", "C03, C01") + cite("casualties", ["K1"]) + cite("claims", "C01")
    listed = chapter.evidence_list(tables)
    targets = [part.split('"')[0] for part in links.split('href="#')[1:]]
    assert all(f'<li id="{target}">' in listed for target in targets)
    assert listed.index('id="evidence-claims-C03"') < listed.index('id="evidence-claims-C01"')
    assert listed.count("<li ") == 3 and "Foreign minister" in listed


def test_each_notebook_starts_its_citations_afresh() -> None:
    cite("claims", "OLD")
    assert ("claims", "OLD") in cited_so_far()
    chapter.tables()
    assert cited_so_far() == []
