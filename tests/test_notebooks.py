"""The notebooks, run under papermill on fixture data, report what the data says."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import papermill
import pytest
from traitlets.config import Config

from ffanalysis.data.clean import write_clean
from ffanalysis.data.validation import check_data
from ffanalysis.presentation.notebook import load_notebook, read_records
from tests.conftest import Project
from tests.sample_tables import SMALL

pytestmark = pytest.mark.slow  # runs notebooks in Jupyter kernels

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def execute(name: str, output: Path, **parameters) -> dict:
    papermill.execute_notebook(
        NOTEBOOKS / name,
        output,
        parameters=parameters,
        cwd=NOTEBOOKS,
        kernel_name="python3",
        progress_bar=False,
    )
    return read_records(load_notebook(output))


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda path: path.name)
def test_notebooks_are_committed_without_outputs(path: Path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    assert all(not cell["outputs"] and cell["execution_count"] is None for cell in code)
    assert sum("parameters" in cell["metadata"].get("tags", []) for cell in code) == 1


def test_the_data_audit_counts_rows_per_evidence_file(project: Project, tmp_path: Path) -> None:
    (project.shared_dir / "reference").mkdir()
    (project.shared_dir / "reference" / "la.csv").write_text(SMALL, encoding="utf-8")
    project.write(
        "sources.csv",
        project.read("sources.csv")
        + "lostarmour_2025,reference/la.csv,LA,,,2025,dataset,,false,,\n",
    )
    write_clean(project.data_dir, project.shared_dir)
    records = execute("06_data_audit.ipynb", tmp_path / "out.ipynb", data_dir=str(project.data_dir))
    assert records["rows_per_file"] == {"sources/doc.txt": 14, "reference/la.csv": 6}
    assert records["lostarmour"] == {
        "named_deaths": 44,
        "without_country": 3,
        "without_month": 11,
        "undated": 10,
    }


# The chapters, run on the small fixture project in tests/fixtures/mini

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mini"
BEFORE_THE_INVASION = "2022-01-01"
END_OF_2025 = "2025-12-31"  # a fixed date, so the length of the ongoing war is fixed too
CHAPTERS = [
    "01_claims_vs_evidence.ipynb",
    "02_casualties.ipynb",
    "03_legal_landscape.ipynb",
    "04_historical_comparison.ipynb",
    "country_profile.ipynb",
]
RUSSIA_CHAPTER = "05_fighting_for_russia.ipynb"
"""Drawn from tables only; the fixture holds no figure of Russia's side, so it says so."""
PROFILE = {"country_profile.ipynb": {"country": "GBR"}}
"""The profile has no default country: the full and early runs profile the United Kingdom."""
RUNS = {
    **{("full", name): {"as_of": END_OF_2025, **PROFILE.get(name, {})} for name in CHAPTERS},
    **{
        ("early", name): {"as_of": BEFORE_THE_INVASION, **PROFILE.get(name, {})}
        for name in CHAPTERS
    },
    ("single", "country_profile.ipynb"): {"country": "NOR"},
    ("full", RUSSIA_CHAPTER): {"as_of": END_OF_2025},
    ("early", RUSSIA_CHAPTER): {"as_of": BEFORE_THE_INVASION},
}
"""Every chapter on all the data and before the invasion, and a country with one figure."""


@dataclass
class Run:
    """An executed chapter: what it recorded, the Markdown it said and the figures it wrote."""

    records: dict
    markdown: str
    figures: Path


@pytest.fixture(scope="module")
def chapter_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Run]:
    """Clean a copy of the fixture project, then run every chapter in `RUNS`, in parallel
    (each papermill run starts a kernel; over IPC, each at its own socket path, so parallel
    kernels neither race for TCP ports nor share sockets)."""
    root = tmp_path_factory.mktemp("mini")
    data_dir = root / "mini"
    shutil.copytree(FIXTURE, data_dir)
    write_clean(data_dir, data_dir / "shared")

    def run(key: tuple[str, str]) -> tuple[tuple[str, str], Run]:
        case, name = key
        out = root / case / name
        figures = root / case / f"{Path(name).stem}_figures"
        out.parent.mkdir(parents=True, exist_ok=True)
        papermill.execute_notebook(
            NOTEBOOKS / name,
            out,
            parameters={"data_dir": str(data_dir), "figures_dir": str(figures), **RUNS[key]},
            cwd=NOTEBOOKS,
            kernel_name="python3",
            progress_bar=False,
            config=Config({"KernelManager": {"transport": "ipc", "ip": str(out.with_suffix(""))}}),
        )
        notebook = load_notebook(out)
        return key, Run(read_records(notebook), said(notebook), figures)

    with ThreadPoolExecutor(max_workers=6) as pool:
        return dict(pool.map(run, RUNS))


def said(notebook: dict) -> str:
    """Every Markdown output of an executed notebook, one per line."""
    return "\n".join(
        "".join(output["data"]["text/markdown"])
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if "text/markdown" in output.get("data", {})
    )


def test_the_fixture_project_is_valid() -> None:
    tables, problems = check_data(FIXTURE, FIXTURE / "shared")
    assert [str(problem) for problem in problems] == []
    assert all(len(frame) for frame in tables.values())


@pytest.mark.parametrize("name", CHAPTERS)
def test_every_chapter_writes_its_figures(chapter_runs, name: str) -> None:
    run = chapter_runs["full", name]
    written = sorted(path.name for path in run.figures.iterdir())
    assert written == run.records["figures"]
    assert {Path(file).suffix for file in written} == {".png", ".svg"}
    assert all((run.figures / file).stat().st_size > 1000 for file in written)
    assert (run.figures / written[0]).read_bytes().startswith(b"\x89PNG")


def test_claims_vs_evidence_records_the_headline_ratios(chapter_runs) -> None:
    records = chapter_runs["full", "01_claims_vs_evidence.ipynb"].records
    assert records["headcounts"] == 6  # C01-C06: all countries, persons, headcount metrics
    assert records["undated_headcounts"] == 0
    # the fixture's government figures count applications, arrivals and deaths; no
    # independent count of the same kind exists, so nothing is divided and each is said so
    assert records["ratios"] == {}
    assert records["unpaired"] == ["kyiv_interest", "moscow_came", "moscow_killed"]
    assert records["ratio_title"] == "No government figure has a like count to be set against yet"
    assert records["timeline_title"] == (
        "Moscow's count of foreigners fighting for Ukraine rose from about 7,000 (Jun 2022) "
        "to at least 13,387 (Mar 2024)"
    )


def test_casualties_keep_floors_and_claims_apart(chapter_runs) -> None:
    run = chapter_runs["full", "02_casualties.ipynb"]
    deaths = run.records["deaths"]
    assert (deaths["named"], deaths["named_undated"], deaths["named_ids"]) == (
        4,
        1,
        "K1, K2, K3, K4",
    )
    assert (deaths["listed"], deaths["listed_without_country"], deaths["floor"]) == (10, 1, 10)
    assert deaths["moscow"] == {
        "low": 5962.0,
        "high": 5962.0,
        "text": "about 5,962",
        "claim_id": "C07",
    }
    assert deaths["top_countries"] == [
        {"country": "GBR", "name": "United Kingdom", "named_deaths": 5},
        {"country": "USA", "name": "United States", "named_deaths": 4},
    ]
    assert "a floor" in run.markdown


def test_the_legal_landscape_counts_countries_per_category(chapter_runs) -> None:
    legal = chapter_runs["full", "03_legal_landscape.ipynb"].records["legal"]
    assert legal["per_category"] == {
        "illegal": 1,
        "permission_required": 1,
        "discouraged": 1,
        "unclear": 0,
        "legal": 2,
    }
    assert legal["largest_banned"] == {
        "country": "GBR",
        "name": "United Kingdom",
        "text": "about 6,000",
        "metric": "volunteers_interested",
        "claim_id": "C09",
    }
    assert (legal["banned"], legal["banned_with_figure"], legal["longest_penalty"]) == (1, 1, None)


def test_the_historical_comparison_divides_by_months_and_force(chapter_runs) -> None:
    spans = chapter_runs["full", "04_historical_comparison.ipynb"].records["spans"]
    spain_months = 984 * 12 / 365.25  # 17 July 1936 to 28 March 1939
    assert spans["spanish_civil_war"] == pytest.approx(
        {
            "name": "Spanish Civil War",
            "estimates": 2,
            "rated": 2,
            "total_low": 32000,
            "total_high": 35000,
            "months_low": spain_months,
            "months_high": spain_months,
            "rate_low": 32000 / spain_months,
            "rate_high": 35000 / spain_months,
            "share_low": None,
            "share_high": None,
            "figure_ids": "H1, H2",
        }
    )
    assert "russia_ukraine_2022" not in spans  # Moscow's claims are no estimate


def test_a_country_profile_gathers_stance_funnel_and_deaths(chapter_runs) -> None:
    records = chapter_runs["full", "country_profile.ipynb"].records
    assert records["profile"]["legality"] == "illegal"
    assert (records["profile"]["named_ids"], records["profile"]["listed_deaths"]) == ("K1, K3", 5)
    assert records["funnel_stages"] == {  # the unverified serving figure is drawn, not titled
        "interested": "about 6,000",
        "killed": "8",
    }
    summary = records["summary"]
    assert [(best["stage"], best["figure"], best["uncertain"]) for best in summary["best"]] == [
        ("interested", "about 6,000", False),
        ("serving", "about 3,000", True),
        ("killed", "8", False),
    ]
    assert [(named["list"], named["named"], named["share_text"]) for named in summary["lists"]] == [
        ("project", 2, "50%"),
        ("lostarmour", 5, "50%"),
    ]
    assert "# United Kingdom" in chapter_runs["full", "country_profile.ipynb"].markdown


def test_a_country_with_a_single_figure_gets_a_profile(chapter_runs) -> None:
    run = chapter_runs["single", "country_profile.ipynb"]
    assert run.records["funnel_title"] == "Norway, for Ukraine: more than 300 arrived"
    assert run.records["profile"]["legality"] == "legal"
    assert (run.records["profile"]["claims"], run.records["profile"]["named_deaths"]) == (1, 0)
    assert sorted(path.name for path in run.figures.iterdir()) == [
        "funnel_NOR.png",
        "funnel_NOR.svg",
    ]


@pytest.mark.parametrize("name", CHAPTERS)
def test_before_the_invasion_every_chapter_says_there_is_little_data(chapter_runs, name) -> None:
    run = chapter_runs["early", name]
    assert len(list(run.figures.iterdir())) == len(run.records["figures"]) >= 2
    if name == "04_historical_comparison.ipynb":
        # Figures on earlier wars were published long before; the 2022 war has none yet.
        assert list(run.records["spans"]) == ["spanish_civil_war"]
        assert run.records["history_title"] == (
            "Per month of war, 2 estimates for the Spanish Civil War give 990 to 1,083 volunteers"
        )
    else:
        assert "by 1 January 2022" in run.markdown


@pytest.mark.parametrize("case", ["full", "early"])
def test_the_chapter_on_russia_s_side_says_what_is_missing_in_words(chapter_runs, case) -> None:
    run = chapter_runs[case, RUSSIA_CHAPTER]
    assert run.records["recruit_countries"] == [] and run.records["troops_sent"] == {}
    assert "No headcount of one country's citizens fighting for Russia had been stated" in (
        run.markdown
    )
    when = "by 1 January 2022" if case == "early" else "by 31 December 2025"
    assert when in run.markdown


def test_the_early_chapters_record_nothing_stated(chapter_runs) -> None:
    def records(name: str) -> dict:
        return chapter_runs["early", name].records

    assert records("01_claims_vs_evidence.ipynb")["headcounts"] == 0
    assert records("01_claims_vs_evidence.ipynb")["ratios"] == {}
    assert records("02_casualties.ipynb")["deaths"]["floor"] == 0
    assert records("02_casualties.ipynb")["deaths"]["moscow"] is None
    assert records("03_legal_landscape.ipynb")["legal"]["countries"] == 0
    assert records("country_profile.ipynb")["funnel_stages"] == {}


def test_a_wrong_country_code_stops_the_profile_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(papermill.PapermillExecutionError, match="ISO 3166-1 alpha-3"):
        execute(
            "country_profile.ipynb",
            tmp_path / "out.ipynb",
            country="Britain",
            figures_dir=str(tmp_path / "figures"),
        )


def test_a_profile_without_a_country_stops_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(papermill.PapermillExecutionError, match="country must be"):
        execute("country_profile.ipynb", tmp_path / "out.ipynb", figures_dir=str(tmp_path))


def test_a_year_papermill_passes_as_a_number_is_a_year(tmp_path: Path) -> None:
    records = execute(
        "04_historical_comparison.ipynb",
        tmp_path / "out.ipynb",
        as_of=2023,
        figures_dir=str(tmp_path / "figures"),
    )
    assert records["figures"]


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda path: path.name)
def test_papermill_sees_every_declared_parameter(path: Path) -> None:
    """papermill skips a parameter line it cannot parse (a second '=' in the comment, say)."""
    expected = {"as_of", "data_dir", "figures_dir"} | (
        {"country"} if path.name == "country_profile.ipynb" else set()
    )
    assert set(papermill.inspect_notebook(str(path))) == expected
