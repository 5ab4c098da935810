"""JupyterLab as the analyst's home: the notebooks open in the project's kernel, and running and
saving one there changes neither git (once nbstripout has run, as pre-commit runs it) nor the
build cache."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from ffanalysis.data import paths
from ffanalysis.data.clean import write_clean
from ffanalysis.publishing.kernels import KERNEL_DISPLAY_NAME, KERNEL_NAME, register_kernel
from ffanalysis.publishing.runs import Run, cache_key
from tests.conftest import MINI
from tests.helpers import CHROMIUM, CHROMIUM_FLAGS

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
"""What JupyterLab writes as `language_info` on save, less the Python version."""


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda path: path.name)
def test_notebooks_are_committed_as_the_lab_saves_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    notebook = json.loads(text)
    assert text == json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    assert notebook["metadata"]["kernelspec"] == {
        "display_name": KERNEL_DISPLAY_NAME,
        "language": "python",
        "name": KERNEL_NAME,
    }
    language = dict(notebook["metadata"]["language_info"])
    assert re.fullmatch(r"3\.\d+\.\d+", language.pop("version"))
    assert language == LANGUAGE_INFO
    assert (notebook["nbformat"], notebook["nbformat_minor"]) == (4, 5)
    assert all(cell.get("id") for cell in notebook["cells"])


def test_the_project_kernel_runs_this_python() -> None:
    register_kernel()
    spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    assert (spec.display_name, Path(spec.argv[0])) == (KERNEL_DISPLAY_NAME, Path(sys.executable))


def test_an_environment_without_it_gets_the_project_kernel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another environment (here a fake one in tmp_path) whose Python the kernel found does
    not run: the kernel is registered in that environment, for its Python."""
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    register_kernel()
    written = tmp_path / "share" / "jupyter" / "kernels" / KERNEL_NAME / "kernel.json"
    spec = json.loads(written.read_text(encoding="utf-8"))
    assert (spec["display_name"], spec["argv"][0]) == (KERNEL_DISPLAY_NAME, sys.executable)


def clean_mini_project(root: Path) -> Path:
    """A copy of the mini fixture project below `root`, cleaned: its data folder."""
    data = root / "mini"
    shutil.copytree(MINI, data)
    write_clean(data, data / "shared")
    return data


@pytest.mark.slow  # runs a notebook in a kernel
def test_a_plain_papermill_run_finds_the_kernel_the_notebook_names(tmp_path: Path) -> None:
    data = clean_mini_project(tmp_path)
    register_kernel()  # as tasks.py does on setup
    output = tmp_path / "out.ipynb"
    papermill = Path(sys.executable).parent / "papermill"
    subprocess.run(
        [
            str(papermill),
            str(NOTEBOOKS / "04_historical_comparison.ipynb"),
            str(output),
            "--cwd",
            str(NOTEBOOKS),
            "-p",
            "data_dir",
            str(data),
            "-p",
            "figures_dir",
            str(tmp_path / "figures"),
        ],
        check=True,
        capture_output=True,
    )
    executed = json.loads(output.read_text(encoding="utf-8"))
    assert executed["metadata"]["papermill"]["exception"] is None
    assert executed["metadata"]["kernelspec"]["name"] == KERNEL_NAME
    assert any((tmp_path / "figures").iterdir())


@dataclass(frozen=True)
class Lab:
    """A JupyterLab server on a copy of the notebooks, its kernels reading the mini project."""

    url: str
    token: str
    notebooks: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    """JupyterLab, started as `tasks.py lab` starts it but on a temporary folder and port, with
    its settings and runtime files kept there too."""
    notebooks = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks)
    for path in notebooks.glob("*.ipynb"):
        as_saved_here(path)
    data = clean_mini_project(tmp_path)
    register_kernel()  # as tasks.py does on setup
    port, token = free_port(), os.urandom(16).hex()
    environment = {
        **os.environ,
        paths.DATA_DIR_VARIABLE: str(data),  # the notebooks' default data_dir
        paths.SHARED_DIR_VARIABLE: str(data / "shared"),
        **{
            variable: str(tmp_path / "jupyter" / variable)
            for variable in (
                "JUPYTER_CONFIG_DIR",
                "JUPYTER_RUNTIME_DIR",
                "JUPYTERLAB_SETTINGS_DIR",
                "JUPYTERLAB_WORKSPACES_DIR",
            )
        },
    }
    log = tmp_path / "lab.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterlab",
                "--no-browser",
                "--allow-root",
                "--ip=127.0.0.1",
                f"--port={port}",
                "--ServerApp.port_retries=0",
                f"--IdentityProvider.token={token}",
                f"--ServerApp.root_dir={notebooks}",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            ],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(server, f"{url}/api/status?token={token}", log)
        yield Lab(url, token, notebooks)
    finally:
        server.terminate()
        server.wait(timeout=30)


def as_saved_here(path: Path) -> None:
    """The notebook with this Python's version in `language_info`, as the lab saves it here:
    the one line of the committed metadata that depends on the machine."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["metadata"]["language_info"]["version"] = platform.python_version()
    path.write_text(
        json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def wait_until_serving(server: subprocess.Popen, status: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(status, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer within a minute:\n{log.read_text()}")


def strip_as_pre_commit_does(path: Path) -> bytes:
    """The notebook as the nbstripout hook of .pre-commit-config.yaml commits it."""
    nbstripout = Path(sys.executable).parent / "nbstripout"
    subprocess.run([str(nbstripout), "--keep-id", str(path)], check=True)
    return path.read_bytes()


def follow_a_citation(page) -> None:
    """Click a number's citation in the notebook's output: the notebook's own evidence list
    holds its target, and the click brings the entry into view."""
    target = page.eval_on_selector(
        '.jp-OutputArea a[href^="#evidence-"]', "link => link.hash.slice(1)"
    )
    assert page.evaluate("id => document.getElementById(id) !== null", target), target
    page.locator(f'.jp-OutputArea a[href="#{target}"]').first.click()
    page.wait_for_function(
        """id => {
            const box = document.getElementById(id).getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
        }""",
        arg=target,
        timeout=10_000,
    )


@pytest.mark.slow  # starts JupyterLab, a kernel and a browser
@pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine: `apt-get install chromium` (CI does)"
)
def test_run_all_follow_a_citation_and_save_in_the_lab_changes_neither_git_nor_the_cache(
    lab: Lab, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    name = "03_legal_landscape.ipynb"
    saved = lab.notebooks / name
    original = saved.read_bytes()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{lab.url}/lab/tree/{name}?token={lab.token}")
            kernel = page.locator(".jp-Toolbar-kernelName")
            kernel.filter(has_text=KERNEL_DISPLAY_NAME).wait_for(timeout=60_000)
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            page.wait_for_function(
                """() => {
                    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                    return prompts.length && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
                }""",
                timeout=120_000,
            )
            follow_a_citation(page)
            page.keyboard.press("Control+s")
            deadline = time.monotonic() + 30
            while saved.read_bytes() == original and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            browser.close()
    executed = json.loads(saved.read_text(encoding="utf-8"))
    code = [cell for cell in executed["cells"] if cell["cell_type"] == "code"]
    assert all(cell["execution_count"] for cell in code), "saved after every cell ran"
    outputs = [output for cell in code for output in cell["outputs"]]
    assert outputs and not [output for output in outputs if output["output_type"] == "error"]
    original_copy = tmp_path / "original.ipynb"
    original_copy.write_bytes(original)
    run = {"as_of": "", "data_dir": ""}
    assert cache_key(Run(saved, "chapter", run), "") == cache_key(
        Run(original_copy, "chapter", run), ""
    )
    assert strip_as_pre_commit_does(saved) == original
