"""Small typed tables and files that several test files use: a handful of claims, deaths,
stances and wars, and a short LostArmour list."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ffanalysis.data import lostarmour
from tests.typed_frames import claims, table

SOURCES = table(
    "sources",
    """\
    source_id,file,title,publisher,published,kind
    doc,sources/doc.txt,A test document,Test Press,2023-02,news
    other,sources/other.txt,Another paper,,2024,news
    undated,sources/undated.txt,An undated page,Some Site,,web_page
    """,
)

CLAIMS = claims(
    """\
    claim_id,metric,country,stated_on,claimant,claimant_type,value_low,value_high,qualifier,source_id
    KYIV,volunteers_interested,,2022-03,Kyiv,ua_government,20000,,more_than,
    SERVING,fighters_active,,2023-01,Kyiv,ua_government,5000,5000,exact,
    PAPER,fighters_active,,2023-03,Reporters,media,1500,2000,range,other
    MOD1,volunteers_arrived,,2022-06,Moscow,ru_government,7000,7000,about,
    MOD2,volunteers_arrived,,2024-03,Moscow,ru_government,13387,,at_least,
    NOWHEN,fighters_active,,,Someone,media,1000,1000,about,undated
    DEAD,killed,,2024-03,Moscow,ru_government,6000,6000,about,
    NAMED,killed,,,A list,ru_affiliated,,750,fewer_than,
    BRIT,volunteers_interested,GBR,,Reporters,media,6000,6000,about,
    BRITDEAD,killed,GBR,,Reporters,media,8,8,exact,
    NORWAY,volunteers_arrived,NOR,,Reporters,media,300,,more_than,
    """
).assign(conflict="russia_ukraine_2022")

CASUALTIES = table(
    "casualties",
    """\
    casualty_id,person,nationality,side,died_on,source_id
    K1,A,GBR,ukraine,2022-04-11,doc
    K2,B,USA,ukraine,2022-06,doc
    K3,C,,ukraine,,doc
    """,
)

LEGAL = table(
    "legal_stances",
    """\
    country,legality,source_id
    GBR,illegal,doc
    SWE,legal,doc
    FIN,discouraged,other
    """,
)

CONFLICTS = table(
    "conflicts",
    """\
    conflict_id,name,side_joined,start,end
    spanish_civil_war,Spanish Civil War,spanish_republic,1936-07-17,1939-03-28
    russia_ukraine_2022,Russia-Ukraine war / International Legion,ukraine,2022-02-24,
    """,
)

HISTORICAL = table(
    "historical",
    """\
    figure_id,conflict,side,metric,country,claimant,claimant_type,value_low,value_high,qualifier,unit,source_id
    H1,spanish_civil_war,spanish_republic,fighters_total,ALL,Historians,independent,32000,32000,about,persons,doc
    H2,spanish_civil_war,spanish_republic,fighters_total,ALL,Others,independent,35000,,more_than,persons,doc
    H3,spanish_civil_war,spanish_republic,host_force,ALL,Historians,independent,750000,750000,exact,persons,doc
    H4,spanish_civil_war,spanish_republic,fighters_active,ALL,Historians,independent,,18000,up_to,persons,doc
    """,
)

NO_LIST = lostarmour.NAMED_DEATHS.empty().assign(source_id=pd.Series(dtype="string"))
"""An empty LostArmour list, as `chapter.load_tables` gives it (with its source)."""

SMALL = """\
citizenship_as_listed,citizenship_english,month_of_death,named_deaths
Колумбия,Colombia,2024-07,30
Колумбия,Colombia,,8
Неопределенно,(undetermined),2023-09,2
Французский Легион,(French Foreign Legion),2022-04,1
Швеция,Sweden,до 2024,2
Россия,Russia,2024--0,1
"""


def write_small(tmp_path: Path, text: str = SMALL) -> Path:
    path = tmp_path / "lostarmour.csv"
    path.write_text(text, encoding="utf-8")
    return path
