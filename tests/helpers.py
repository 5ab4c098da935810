"""Helpers several test files share: the command line, a built site, problems as text.

Test files import from here (or `conftest`, `typed_frames`, `sample_tables`), never from one
another, so each test file can change without breaking another.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ffanalysis.cli import main
from ffanalysis.data import paths
from ffanalysis.data.validation import check_data
from ffanalysis.presentation.plotting import PHONE_COLUMN_PX
from ffanalysis.publishing.build import build
from ffanalysis.publishing.runs import Options
from tests.conftest import Project

ROOT = Path(__file__).resolve().parent.parent
SHARED = paths.default_shared_dir(ROOT / "data")

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"the evidence folder {SHARED} is not beside this checkout"
)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Debian's Chromium, started so that it neither needs a sandbox nor calls the network."""

HOSTILE_TITLE = "Dispatch <script>window.pwned = 1</script><img src=x onerror=window.pwned=2>"
"""A source title holding markup, which every page must show as text."""


def run(project: Project, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ffanalysis", *arguments],
        capture_output=True,
        text=True,
        cwd=project.root / "project",
        check=False,
    )


def run_here(project: Project, *arguments: str) -> subprocess.CompletedProcess:
    """What `run` gives, with the command run in this process: `python -m ffanalysis` is
    `SystemExit(main())`, so the exit code is what `main` returns (or argparse's exit), and
    the output is what it prints, from the same working directory. Much faster than `run`,
    which starts Python and imports pandas each time; keep `run` for what only a real process
    shows (no traceback, signals, a closed pipe)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(project.root / "project"),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        try:
            code = main(list(arguments))
        except SystemExit as leaving:  # argparse's usage errors, --help and --version
            code = leaving.code
            if code is None:
                code = 0
            elif not isinstance(code, int):  # as Python does with SystemExit("message")
                print(code, file=sys.stderr)
                code = 1
    return subprocess.CompletedProcess(
        ["ffanalysis", *arguments], code, stdout.getvalue(), stderr.getvalue()
    )


def data_options(project: Project) -> list[str]:
    return ["--data-dir", str(project.data_dir), "--shared-dir", str(project.shared_dir)]


def problems_of(project: Project) -> list[str]:
    """Every problem as `file:line: column: message`, with the file named relative to raw/."""
    _, problems = check_data(project.data_dir, project.shared_dir)
    return [f"{p.path.name}:{p.line}: {p.column}: {p.message}" for p in problems]


def options(project: Project, out: Path, **changes) -> Options:
    settings = {
        "as_of": "",
        "countries": ["NOR"],
        "out": out,
        "jobs": 2,
        "force": False,
        "data_dir": project.data_dir,
        "shared_dir": project.shared_dir,
        **changes,
    }
    return Options(**settings)


def with_hostile_title(project: Project) -> Project:
    """The project, with markup in a source title that the report must show as text."""
    project.write(
        "sources.csv",
        project.read("sources.csv").replace("Kyiv calls for volunteers", HOSTILE_TITLE),
    )
    return project


def publish_site(project: Project, out: Path) -> Path:
    """Build the project's report into `out`, keeping the progress messages in build.log."""
    messages: list[str] = []
    build(options(project, out), say=messages.append)
    (out / "build.log").write_text("\n".join(messages))
    return out


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".") and ".cache" not in path.parts
    }


def progress_of(project: Project, out: Path, **changes) -> list[str]:
    """The per-notebook progress lines of one build."""
    messages: list[str] = []
    build(options(project, out, **changes), say=messages.append)
    return [message for message in messages if message.startswith("[")]


def smallest_text_on_a_phone(svg: str) -> float:
    """The smallest font size in a chart's SVG, in CSS pixels when the chart is drawn as wide as
    a phone's column (`plotting.PHONE_COLUMN_PX`); every text must be SVG text to be measured."""
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
    sizes = [float(size) for size in re.findall(r"font-size: ([\d.]+)px", svg)]
    assert "<text" in svg and len(sizes) == svg.count("<text")
    return min(sizes) * PHONE_COLUMN_PX / width
