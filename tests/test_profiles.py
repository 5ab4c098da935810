"""Country pages: which countries get one, the firmest figure of each stage with what to weigh
about it, the named deaths on each list, and the sides a page is about."""

from __future__ import annotations

from ffanalysis.analysis import funnel, profiles
from tests.sample_tables import NO_LIST
from tests.typed_frames import claims, table

STANCES = table("legal_stances", "country,legality,source_id\nNOR,legal,doc\n")

DEAD = table(
    "casualties",
    """\
    casualty_id,person,nationality,side,source_id,echo_of
    K1,A,PER,ukraine,doc,
    K2,A,PER,ukraine,doc,K1
    K3,B,GBR,ukraine,doc,
    K4,C,GBR,ukraine,doc,
    K5,D,GBR,ukraine,doc,
    """,
)

SOURCES = table(
    "sources",
    """\
    source_id,file,title,published,kind,partisan
    doc,sources/doc.txt,A paper,2023-02,news,false
    late,sources/late.txt,A later paper,2024-05,news,false
    state,sources/state.txt,State media,2024-06,news,true
    """,
)


def scant_and_paged(figures: str) -> tuple[list[str], list[str]]:
    with_page, scant = profiles.split_countries(claims(figures), STANCES, DEAD)
    return with_page, scant


def test_a_country_with_one_figure_and_nothing_else_gets_no_page() -> None:
    with_page, scant = scant_and_paged(
        """\
        claim_id,metric,country,value_low,value_high,qualifier
        E1,volunteers_interested,ECU,850,850,about
        P1,volunteers_arrived,PER,10,10,exact
        N1,volunteers_arrived,NOR,300,,more_than
        C1,volunteers_arrived,COL,100,100,exact
        C2,killed,COL,3,3,exact
        G1,volunteers_arrived,DEU+AUT,50,50,exact
        A1,volunteers_arrived,ALL,20000,20000,exact
        """
    )
    # Peru has a named death, Norway a stance, Colombia two figures: each has enough.
    assert (with_page, scant) == (["COL", "NOR", "PER"], ["ECU"])


def test_a_person_named_twice_counts_once_on_the_project_list() -> None:
    counts = profiles.country_counts(claims("claim_id,country\nP1,PER\n"), STANCES, DEAD)
    assert counts.loc["PER"].to_dict() == {"figures": 1, "stance": False, "named": 1}


def test_the_index_order_is_the_countries_names_not_their_codes() -> None:
    codes = ["GBR", "NOR", "DEU", "COL", "NLD"]
    assert profiles.by_name(codes) == ["COL", "DEU", "NLD", "NOR", "GBR"]


GEORGIA = claims(
    """\
    claim_id,metric,country,claimant,claimant_type,value_low,value_high,qualifier,hedge,uncertain,source_id
    KYIV,fighters_active,GEO,Kyiv,ua_government,3000,3000,exact,,false,doc
    PRESS,fighters_active,GEO,Reporters,media,1000,1000,about,around,true,doc
    STATE,fighters_active,GEO,Moscow,ru_government,5000,5000,exact,,false,state
    OLD,volunteers_arrived,GEO,Researchers,independent,800,,more_than,,false,doc
    NEW,volunteers_arrived,GEO,Other researchers,independent,900,,more_than,,false,late
    """
)


def test_the_firmest_figure_leads_each_stage_and_says_what_to_weigh() -> None:
    stages = funnel.country_funnel(GEORGIA, "GEO")
    best = profiles.best_figures(stages, GEORGIA, SOURCES).set_index("stage")
    # Kyiv's own claim, unmarked, beats the reporters' unverified count and Moscow's,
    # which only a partisan outlet states.
    assert best.loc["serving", ["figure", "claimants", "partisan", "uncertain"]].tolist() == [
        "3,000",
        "Kyiv",
        False,
        False,
    ]
    # Between two like counts, the one stated later.
    assert best.loc["arrived", ["figure", "claim_ids"]].tolist() == ["more than 900", "NEW"]


def test_a_figure_is_marked_where_only_partisan_outlets_state_it_or_it_is_unverified() -> None:
    stages = funnel.country_funnel(GEORGIA, "GEO")
    marks = profiles.figure_marks(stages, GEORGIA, SOURCES).assign(ids=stages["claim_ids"])
    marked = marks.set_index("ids")[["partisan", "uncertain"]]
    assert marked.loc["STATE"].tolist() == [True, False]
    assert marked.loc["PRESS"].tolist() == [False, True]
    assert profiles.marks_text(True, True) == "from partisan outlets only; unverified"
    assert profiles.marks_text(False, False, "media") == ""
    assert profiles.marks_text(True, False, "ru_government") == (
        "Moscow's own claim; from partisan outlets only"
    )
    assert profiles.marks_text(False, False, "ua_government") == "Kyiv's own claim"


def test_unmarked_beats_unverified_which_beats_partisan_only() -> None:
    rows = GEORGIA.loc[GEORGIA["claim_id"].isin(["PRESS", "STATE"])]
    best = profiles.best_figures(funnel.country_funnel(rows, "GEO"), rows, SOURCES)
    assert best["figure"].tolist() == ["around 1,000"]


LISTED = NO_LIST.reindex(range(3)).assign(country=["COL", "GBR", None], named_deaths=[40, 5, 55])


def test_a_countrys_share_of_a_named_list_is_stated_where_it_is_large() -> None:
    lists = profiles.named_lists(DEAD, {"lostarmour": LISTED.astype(NO_LIST.dtypes)}, "GBR")
    project, lostarmour = lists
    assert (project["list"], project["named"], project["total"]) == ("project", 3, 4)
    assert (project["large"], project["share_text"], project["ids"]) == (True, "75%", "K3, K4, K5")
    assert (lostarmour["named"], lostarmour["total"], lostarmour["large"]) == (5, 100, True)
    colombia = profiles.named_lists(DEAD, {"lostarmour": LISTED.astype(NO_LIST.dtypes)}, "COL")
    assert [entry["list"] for entry in colombia] == ["lostarmour"]
    small = NO_LIST.reindex(range(2)).assign(country=["COL", "GBR"], named_deaths=[400, 5])
    assert not profiles.named_lists(DEAD, {"lostarmour": small.astype(NO_LIST.dtypes)}, "GBR")[1][
        "large"
    ]


NEPAL = claims(
    """\
    claim_id,side,metric,country,claimant,claimant_type,value_low,value_high,qualifier
    MOFA,russia,killed,NPL,Nepal Ministry of Foreign Affairs,third_government,40,,at_least
    CNN,russia,volunteers_arrived,NPL,CNN,media,15000,15000,exact
    ONE,ukraine,volunteers_arrived,NPL,Reporters,media,2,2,exact
    """
)


def test_a_page_follows_the_sides_its_figures_are_on() -> None:
    summary = profiles.country_summary(NEPAL, SOURCES, DEAD, {"lostarmour": NO_LIST}, "NPL")
    assert (summary["sides"], summary["sides_text"]) == (["russia", "ukraine"], "on both sides")
    assert [(best["side"], best["stage"], best["figure"]) for best in summary["best"]] == [
        ("russia", "arrived", "15,000"),
        ("russia", "killed", "at least 40"),
        ("ukraine", "arrived", "2"),
    ]
    russia_only = NEPAL.loc[NEPAL["side"].eq("russia")]
    summary = profiles.country_summary(russia_only, SOURCES, DEAD, {"lostarmour": NO_LIST}, "NPL")
    assert (summary["sides_text"], summary["lists"]) == ("for Russia", [])


def test_a_country_with_no_stage_headcount_has_no_firmest_figure() -> None:
    troops = claims(
        "claim_id,side,metric,country,counts,value_low,value_high,qualifier\n"
        "T1,russia,volunteers_arrived,PRK,other_population,11000,11000,exact\n"
    )
    summary = profiles.country_summary(troops, SOURCES, DEAD, {"lostarmour": NO_LIST}, "PRK")
    assert (summary["sides"], summary["sides_text"], summary["best"]) == (
        ["russia"],
        "for Russia",
        [],
    )
