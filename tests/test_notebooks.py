"""The notebooks, run under papermill on fixture data, report what the data says."""

from __future__ import annotations

import json
from pathlib import Path

import papermill
import pytest

from ffanalysis.clean import write_clean
from ffanalysis.notebook import load_notebook, read_records
from tests.conftest import Project
from tests.test_lostarmour import SMALL

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
        project.read("sources.csv") + "lostarmour_2025,reference/la.csv,LA,,,2025,dataset,,\n",
    )
    write_clean(project.data_dir, project.shared_dir)
    records = execute("00_data_audit.ipynb", tmp_path / "out.ipynb", data_dir=str(project.data_dir))
    assert records["rows_per_file"] == {"sources/doc.txt": 12, "reference/la.csv": 6}
    assert records["lostarmour"] == {
        "named_deaths": 44,
        "without_country": 3,
        "without_month": 11,
        "undated": 10,
    }
