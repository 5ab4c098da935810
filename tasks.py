"""Set up and run the project with nothing but Python 3.11 and pip.

    python3 tasks.py build    build the report into reports/ (creates .venv on first use)
    python3 tasks.py test     run the linter and the whole test suite (what CI runs)
    python3 tasks.py test --fast
                              the same, less the tests that need a kernel, a browser or a
                              whole build: the inner loop while editing a module
    python3 tasks.py lab      open JupyterLab on notebooks/, in the project's kernel
    python3 tasks.py setup    only create or update .venv
    python3 tasks.py lock     re-resolve the pinned versions in requirements.lock

The virtual environment is created in .venv and installed from requirements.lock, so a build
next year installs the same versions; it is reinstalled when pyproject.toml or the lock changes.
It holds the project's Jupyter kernel, "Python 3 (ffanalysis)", which the notebooks name.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
STAMP = VENV / ".installed"
EXTRAS = "test,lab"
"""One environment for everything: the build, the tests (which drive JupyterLab) and the lab."""
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def run(*command: str | Path) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    completed = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if completed.returncode:
        raise SystemExit(completed.returncode)


def installed_fingerprint() -> str:
    """What the environment was installed from: the project's requirements and the lock."""
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_environment() -> None:
    """Create .venv, install the project from the lock and register the project's Jupyter
    kernel in it, unless that is already done."""
    if STAMP.is_file() and STAMP.read_text() == installed_fingerprint():
        return
    print(f"Setting up {VENV.name}/ from {LOCK.name} (first run: a few minutes) ...", flush=True)
    venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    run(
        BIN / "python",
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--constraint",
        LOCK,
        "--editable",
        f".[{EXTRAS}]",
    )
    run(
        BIN / "python", "-m", "ffanalysis.publishing.kernels"
    )  # registers the project's kernel in .venv
    STAMP.write_text(installed_fingerprint())


def build() -> None:
    ensure_environment()
    run(BIN / "ffanalysis", "build", "--countries", "all")


def lab() -> None:
    """JupyterLab on notebooks/, until Ctrl-C: the lab asks whether to stop and stops its
    kernels, so this process waits instead of stopping at the first Ctrl-C."""
    ensure_environment()
    command = [str(BIN / "jupyter"), "lab", f"--ServerApp.root_dir={ROOT / 'notebooks'}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # A container's only user is often root, which JupyterLab refuses unless told.
        command.append("--allow-root")
    print("+", " ".join(command), flush=True)
    previous = signal.signal(signal.SIGINT, lambda signum, frame: None)
    try:
        completed = subprocess.run(command, cwd=ROOT, check=False)
    finally:
        signal.signal(signal.SIGINT, previous)
    raise SystemExit(completed.returncode)


def test(*options: str) -> None:
    ensure_environment()
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")
    # --dist loadfile: each test file on one worker, so a module's shared fixtures (a cleaned
    # project, drawn charts, a data package) are built once, not once per worker. The property
    # tests try 50 inputs instead of 400 (the profiles are in tests/conftest.py).
    fast = ["-m", "not slow", "--numprocesses", "auto", "--dist", "loadfile"]
    fast += ["--hypothesis-profile=fast"]
    fast = fast if "--fast" in options else []
    run(BIN / "python", "-m", "pytest", *fast)


def lock() -> None:
    """Resolve the newest versions pyproject.toml allows, in a scratch environment, and pin them."""
    with tempfile.TemporaryDirectory() as scratch:
        python = Path(scratch) / ("Scripts" if os.name == "nt" else "bin") / "python"
        venv.EnvBuilder(with_pip=True).create(scratch)
        run(
            python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f".[{EXTRAS}]"
        )
        frozen = subprocess.run(
            [python, "-m", "pip", "freeze", "--exclude-editable", "--disable-pip-version-check"],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    pins = sorted(
        (line for line in frozen.splitlines() if line and not line.startswith("ffanalysis")),
        key=str.lower,
    )
    header = "# Pinned versions for tasks.py; regenerate with `python3 tasks.py lock`.\n"
    LOCK.write_text(header + "\n".join(pins) + "\n")
    print(f"wrote {LOCK.name} ({len(pins)} packages)")


TASKS = {"setup": ensure_environment, "build": build, "test": test, "lab": lab, "lock": lock}
OPTIONS = {"test": {"--fast"}}
"""The options each task takes."""


def main() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may be run by an older python3
        raise SystemExit("Python 3.11 or newer is needed (run it as python3.11 tasks.py ...)")
    task, *options = sys.argv[1:] or [""]
    if task not in TASKS or not set(options) <= OPTIONS.get(task, set()):
        raise SystemExit(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}} [--fast]\n\n{__doc__}")
    TASKS[task](*options)


if __name__ == "__main__":
    main()
