"""`benchmarks/run.py --quick` runs end to end and writes every section of its results file.

The figures of a quick run mean nothing (tiny sizes, one run, a loaded test machine), so the
test checks the file's shape, never a time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ffanalysis.data.registry import REFERENCE_TABLES
from ffanalysis.data.schema import TABLES

pytestmark = pytest.mark.slow  # runs the benchmarks end to end

RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"

SECTIONS = (
    "Targets",
    "Cold build vs naive baseline",
    "No-change rebuild",
    "Country fan-out",
    "Import and load",
    "Scale: validate and clean",
    "Page weights",
    "Profile findings",
)
TARGETS = (
    "Cold build vs naive baseline",
    "No-change rebuild",
    "Each extra country page (--jobs 2)",
    "import ffanalysis",
    "validate + clean, 200 rows",
    "validate + clean grows linearly",
    "report.html weight",
    "countries/*.html weight",
)
ROW_STARTS = (
    "| `ffanalysis build --force --out TMP` |",
    "| naive: `jupyter nbconvert --to html --execute`, 1 chapter(s) in turn |",
    "| ratio build / naive |",
    "| `ffanalysis build --out TMP` (same folder) |",
    "| 1 | 1 |",
    "| 2 | 1 |",
    "| `import ffanalysis` |",
    *(f'| `ff.load("{name}")` |' for name in [*TABLES, *REFERENCE_TABLES]),
    "| 50 |",
    "| 100 |",
    "| 200 |",
    "| report.html (heaviest of ",
)
HEADER_LINES = ("- Date: ", "- Machine: os.cpu_count() = ", "- Python ", "- Packages: ffanalysis ")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> str:
    output = tmp_path_factory.mktemp("benchmarks") / "RESULTS.md"
    completed = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--output", str(output)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return output.read_text(encoding="utf-8")


def lines(text: str) -> list[str]:
    return text.splitlines()


def test_every_section_is_written(results: str) -> None:
    headings = [line.removeprefix("## ") for line in lines(results) if line.startswith("## ")]
    assert headings == list(SECTIONS)


def test_every_target_has_a_verdict(results: str) -> None:
    for target in TARGETS:
        row = next((line for line in lines(results) if line.startswith(f"| {target} |")), None)
        assert row is not None, f"no target row {target!r}"
        assert row.rstrip(" |").endswith(("PASS", "MISS", "n/a")), row


def test_every_measurement_row_is_written(results: str) -> None:
    missing = [
        start for start in ROW_STARTS if not any(line.startswith(start) for line in lines(results))
    ]
    assert missing == []


def test_a_country_page_s_weight_is_reported_against_its_budget(results: str) -> None:
    rows = [line for line in lines(results) if ".html (heaviest of " in line]
    assert len(rows) == 2 and rows[1].endswith("| 150,000 |"), rows


def test_the_header_names_the_machine_and_versions(results: str) -> None:
    for start in HEADER_LINES:
        assert any(line.startswith(start) for line in lines(results)), start
