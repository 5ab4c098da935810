"""The build cache key: it follows what a notebook runs, not what running or saving it writes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ffanalysis.publishing.runs import Run, cache_key

NOTEBOOK = {
    "cells": [
        {"cell_type": "markdown", "id": "a1", "metadata": {}, "source": ["# Title\n", "Text."]},
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "b2",
            "metadata": {"tags": ["parameters"]},
            "outputs": [],
            "source": 'as_of: str = ""',
        },
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "c3",
            "metadata": {},
            "outputs": [],
            "source": "print(as_of)",
        },
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "x"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def key_after(tmp_path: Path, change: Callable[[dict], None], **parameters: str) -> str:
    """The cache key of NOTEBOOK once `change` has edited (a copy of) it."""
    notebook = json.loads(json.dumps(NOTEBOOK))
    change(notebook)
    path = tmp_path / "chapter.ipynb"
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return cache_key(Run(path, "chapter", {"as_of": "", **parameters}), "shared")


def run_and_save(notebook: dict) -> None:
    """What running a notebook in JupyterLab and saving it changes."""
    code = notebook["cells"][2]
    code["execution_count"] = 3
    code["outputs"] = [{"name": "stdout", "output_type": "stream", "text": ["\n"]}]
    code["metadata"]["execution"] = {"iopub.status.idle": "2026-11-30T09:00:00Z"}
    notebook["metadata"]["kernelspec"]["display_name"] = "Python 3 (ipykernel)"
    notebook["metadata"]["language_info"] = {"name": "python", "version": "3.11.7"}
    notebook["metadata"]["widgets"] = {}


@pytest.mark.parametrize(
    "change",
    [
        run_and_save,
        lambda notebook: notebook["cells"][0].update(source="# Title\nText."),  # lines or one
        lambda notebook: notebook["cells"][1]["metadata"].update(collapsed=True),
        lambda notebook: notebook.update(nbformat_minor=4),
    ],
    ids=["run and saved in the lab", "source as one string", "cell metadata", "nbformat_minor"],
)
def test_running_or_saving_a_notebook_keeps_its_cache_key(tmp_path: Path, change) -> None:
    assert key_after(tmp_path, change) == key_after(tmp_path, lambda notebook: None)


@pytest.mark.parametrize(
    "change",
    [
        lambda notebook: notebook["cells"][2].update(source="print(as_of * 2)"),
        lambda notebook: notebook["cells"][0].update(cell_type="raw"),
        lambda notebook: notebook["cells"][2]["metadata"].update(tags=["parameters"]),
        lambda notebook: notebook["cells"].pop(0),
    ],
    ids=["source", "cell type", "tags", "a cell removed"],
)
def test_changing_what_a_notebook_runs_changes_its_cache_key(tmp_path: Path, change) -> None:
    assert key_after(tmp_path, change) != key_after(tmp_path, lambda notebook: None)


def test_other_parameters_give_another_cache_key(tmp_path: Path) -> None:
    unchanged = key_after(tmp_path, lambda notebook: None)
    assert key_after(tmp_path, lambda notebook: None, as_of="2023") != unchanged
    assert key_after(tmp_path, lambda notebook: None, country="GBR") != unchanged


def test_a_file_that_is_no_notebook_is_keyed_by_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.ipynb"
    path.write_text("{ not json", encoding="utf-8")
    first = cache_key(Run(path, "broken"), "shared")
    path.write_text("{ not json either", encoding="utf-8")
    assert cache_key(Run(path, "broken"), "shared") != first
