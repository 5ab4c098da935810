"""The key findings at the top of the report: picked by rule from the chapters' analysis."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pandas as pd

from ffanalysis.analysis.key_findings import key_findings
from tests.sample_tables import CASUALTIES, CLAIMS, NO_LIST, SOURCES
from tests.typed_frames import claims, table

LIST_KEEPER = table(
    "sources",
    """\
    source_id,file,title,publisher,published,kind,partisan
    lostarmour_2025,reference/lostarmour.csv,Named deaths,A List Site,2025,dataset,true
    """,
)


def edition(figures: pd.DataFrame, listed: pd.DataFrame = NO_LIST) -> Any:
    return SimpleNamespace(
        claims=figures,
        sources=pd.concat([SOURCES, LIST_KEEPER], ignore_index=True),
        casualties=CASUALTIES,
        references={"lostarmour": listed},
    )


HOST_FORCE = claims(
    """\
    claim_id,metric,stated_on,claimant,claimant_type,value_low,value_high,qualifier,source_id
    FORCE,host_force,2023-03,Reporters,media,1000000,1000000,about,other
    """
).assign(conflict="russia_ukraine_2022")


def test_each_government_s_claim_of_arrivals_and_the_largest_count_serving() -> None:
    found = {finding.kind: finding for finding in key_findings(edition(CLAIMS))}
    moscow = found["Moscow claim"]
    assert (moscow.figure, moscow.ids) == ("at least 13,387", "MOD2")
    serving = found["serving"]
    assert (serving.figure, serving.short, serving.ids) == (
        "1,500\N{EN DASH}2,000",
        "1,500\N{EN DASH}2,000",
        "PAPER",
    )
    assert "Kyiv claim" not in found, "Kyiv's claims here are of interest and serving, not arrivals"


def test_the_size_of_ukraine_s_forces_is_no_count_of_foreigners_serving() -> None:
    found = key_findings(edition(pd.concat([CLAIMS, HOST_FORCE], ignore_index=True)))
    serving = next(finding for finding in found if finding.kind == "serving")
    assert serving.ids == "PAPER"


def test_every_ratio_is_a_key_finding_citing_both_sides() -> None:
    ratios = [finding for finding in key_findings(edition(CLAIMS)) if finding.kind == "ratio"]
    assert [(finding.figure, finding.ids) for finding in ratios] == [
        ("2.5\N{EN DASH}3.3 times", "SERVING, PAPER")
    ]


def test_a_named_list_is_a_floor_with_its_keeper_named() -> None:
    listed = NO_LIST.iloc[:0].reindex(range(2)).assign(named_deaths=[30, 8], country="COL")
    found = [
        finding for finding in key_findings(edition(CLAIMS, listed)) if finding.kind == "listed"
    ]
    assert [(finding.figure, finding.table) for finding in found] == [("38", "sources")]
    assert "kept by A List Site (a partisan source)" in found[0].sentence
    assert "a floor" in found[0].sentence
