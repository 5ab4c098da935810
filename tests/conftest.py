"""A small, valid project on disk: data/raw with every table, and a shared evidence folder.

Tests start from this known-good state and break exactly one thing, so that each asserts a
single, exact problem.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("thorough", max_examples=400, deadline=None)
settings.register_profile("fast", max_examples=50, deadline=None)
"""How many inputs a property test tries: `thorough` in the full suite (what CI runs), `fast` in
`tasks.py test --fast`, which passes `--hypothesis-profile=fast`."""


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("hypothesis_profile") is None:
        settings.load_profile("thorough")


EVIDENCE = """\
Kyiv said 20,000 volunteers from 52 countries had applied.
Reporters later found that 1,500 to 2,000 foreigners were serving.
Moscow claimed 13,387 mercenaries had arrived.
Fewer than 750 foreign volunteers are listed as killed.
John Doe, a British volunteer, was killed near Bakhmut in February 2023.
Freedonia discourages its citizens from enlisting.
Ruritania bans enlisting, with up to five years in prison.
The 1st Battalion was formed on 27 February 2022.
The Spanish Civil War was fought from 17 July 1936 to 28 March 1939.
Some 32,000 brigaders served in Spain.
The Russo-Ukrainian war began on 24 February 2022.
"""

VALID_TABLES = {
    "sources.csv": """\
source_id,file,title,author,publisher,published,kind,url,partisan,copy_of,note
doc,sources/doc.txt,A test document,A. Writer,Test Press,2023-02,news,,false,,
""",
    "conflicts.csv": """\
conflict_id,name,side_joined,start,end,source_id,locator,quote,note
spanish_civil_war,Spanish Civil War,spanish_republic,1936-07-17,1939-03-28,doc,line 9,fought from 17 July 1936 to 28 March 1939,
russia_ukraine_2022,Russia-Ukraine war,ukraine,2022-02-24,,doc,line 11,began on 24 February 2022,
""",
    "claims.csv": """\
claim_id,conflict,side,metric,country,stated_on,refers_to,claimant,claimant_type,reported_by,value_low,value_high,qualifier,hedge,conversion,unit,counts,uncertain,source_id,locator,quote,quote_language,quote_english,echo_of,distinct_from,note
C1,russia_ukraine_2022,ukraine,volunteers_interested,ALL,2022-03,,Kyiv,ua_government,Test Press,20000,20000,exact,,,persons,interest,false,doc,line 1,"20,000 volunteers from 52 countries",,,,,
C2,russia_ukraine_2022,ukraine,fighters_active,ALL,,,Reporters,media,Test Press,1500,2000,range,,,persons,at_one_time,false,doc,line 2,"1,500 to 2,000 foreigners were serving",,,,,
C3,russia_ukraine_2022,ukraine,volunteers_arrived,ALL,2022,,Moscow,ru_government,Test Press,13387,13387,exact,,,persons,cumulative,false,doc,line 3,"claimed 13,387 mercenaries",,,,,
C4,russia_ukraine_2022,ukraine,killed,ALL,,,A count,ru_affiliated,Test Press,,750,fewer_than,,,persons,cumulative,false,doc,line 4,Fewer than 750 foreign volunteers,,,,,
C5,russia_ukraine_2022,ukraine,origin_countries,ALL,2022-03,,Kyiv,ua_government,Test Press,52,52,exact,,,countries,not_people,false,doc,line 1,from 52 countries,,,,,
""",
    "historical.csv": """\
figure_id,conflict,side,metric,country,stated_on,refers_to,claimant,claimant_type,reported_by,value_low,value_high,qualifier,hedge,conversion,unit,counts,uncertain,source_id,locator,quote,quote_language,quote_english,echo_of,distinct_from,note
H1,spanish_civil_war,spanish_republic,fighters_total,ALL,,,Historians,independent,Test Press,32000,32000,about,,,persons,cumulative,false,doc,line 10,"Some 32,000 brigaders",,,,,
""",
    "casualties.csv": """\
casualty_id,person,nationality,side,died_on,reported_on,place,unit,role,source_id,locator,quote,echo_of,distinct_from,note
K1,John Doe,GBR,ukraine,2023-02,,Bakhmut,,unknown,doc,line 5,"John Doe, a British volunteer, was killed near Bakhmut",,,
""",
    "legal_stances.csv": """\
country,legality,penalty_max_years,penalty_open,stated_on,source_id,locator,quote,penalty_quote,note
FIN,discouraged,,,,doc,line 6,discourages its citizens from enlisting,,
SWE,illegal,5,,,doc,line 7,Ruritania bans enlisting,up to five years in prison,
""",
    "conditions.csv": """\
condition_id,side,country,topic,summary,stated_on,claimant,claimant_type,source_id,locator,quote,note
T1,ukraine,SWE,sanction,A prison term for enlisting.,,Ruritania,third_government,doc,line 7,up to five years in prison,
""",
    "corrections.csv": """\
correction_id,table,row_id,corrected_on,field,before,after,reason,source_id,locator,quote
F1,claims,C2,2026-11-30,value_high,3000,2000,The quote gives 2000 as the upper bound.,doc,line 2,"1,500 to 2,000 foreigners"
""",
    "units.csv": """\
unit_id,name,branch,composition,formed,disbanded,source_id,locator,quote,note
first,1st Battalion,legion,international volunteers,2022-02-27,,doc,line 8,The 1st Battalion was formed on 27 February 2022.,
""",
}


@dataclass
class Project:
    """Paths of a throwaway project: data/raw, data/clean and the shared evidence folder."""

    root: Path

    @property
    def data_dir(self) -> Path:
        return self.root / "project" / "data"

    @property
    def raw(self) -> Path:
        return self.data_dir / "raw"

    @property
    def clean(self) -> Path:
        return self.data_dir / "clean"

    @property
    def shared_dir(self) -> Path:
        return self.root / "shared"

    def write(self, name: str, text: str | bytes) -> Path:
        path = self.raw / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="")
        return path

    def read(self, name: str) -> str:
        return (self.raw / name).read_text(encoding="utf-8")


def make_project(root: Path) -> Project:
    """A valid project below `root` whose raw tables pass validation."""
    project = Project(root)
    project.raw.mkdir(parents=True)
    (project.shared_dir / "sources").mkdir(parents=True)
    (project.shared_dir / "sources" / "doc.txt").write_text(EVIDENCE, encoding="utf-8")
    for name, text in VALID_TABLES.items():
        project.write(name, text)
    return project


MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
"""A richer fixture project (every chapter has something to say), in tests/fixtures/mini."""


def copy_mini_project(root: Path) -> Project:
    """A copy of tests/fixtures/mini below `root`, to build or break without touching it."""
    project = Project(root)
    shutil.copytree(MINI / "raw", project.raw)
    shutil.copytree(MINI / "shared", project.shared_dir)
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A valid project whose raw tables pass validation."""
    return make_project(tmp_path)


@dataclass(frozen=True)
class Published:
    """A site built once from the mini fixture, and the project it was built from."""

    project: Project
    site: Path


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """One published site (a source title holding markup) for every test that only reads it;
    tests that rebuild or break a site make their own."""
    from tests.helpers import publish_site, with_hostile_title

    root = tmp_path_factory.mktemp("published")
    project = with_hostile_title(copy_mini_project(root / "mini"))
    return Published(project, publish_site(project, root / "site"))


def copy_project(project: Project, root: Path) -> Project:
    """A copy of `project` below `root`: its data folder (raw, clean and any git repository
    in it) and its evidence folder, files and links as they are."""
    copy = Project(root)
    shutil.copytree(project.data_dir, copy.data_dir, symlinks=True)
    shutil.copytree(project.shared_dir, copy.shared_dir, symlinks=True)
    return copy


@pytest.fixture(scope="session")
def cleaned_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The valid project of `project` with its clean tables written, once per session. Never
    change it: take a copy (`copy_project`, or the `cleaned` fixture) and change that."""
    from ffanalysis.data.clean import write_clean

    project = make_project(tmp_path_factory.mktemp("cleaned"))
    write_clean(project.data_dir, project.shared_dir)
    return project


@pytest.fixture
def cleaned(cleaned_project: Project, tmp_path: Path) -> Project:
    """A valid project whose clean tables have been written, as `write_clean` leaves them."""
    return copy_project(cleaned_project, tmp_path)


@pytest.fixture(scope="session")
def clean_mini(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture project in tests/fixtures/mini with its clean tables written, once per
    session (cleaning validates every table, which takes a while). Never change it: take a
    copy (`copy_project`, or the `mini` fixture) and change that."""
    from ffanalysis.data.clean import write_clean

    project = copy_mini_project(tmp_path_factory.mktemp("clean-mini"))
    write_clean(project.data_dir, project.shared_dir)
    return project


@pytest.fixture(scope="module")
def mini(clean_mini: Project, tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The fixture project in tests/fixtures/mini with its clean tables written: a copy per
    module, for the tests that only read it."""
    return copy_project(clean_mini, tmp_path_factory.mktemp("mini"))
