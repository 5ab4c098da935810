"""Where the data lives, so that the CLI, the notebooks and the tests agree.

The project checkout holds data/raw and data/clean; the evidence files live in the shared
folder beside the checkout (../shared). Environment variables override both, for runs that
keep their data elsewhere.
"""

import os
from pathlib import Path

DATA_DIR_VARIABLE = "FFANALYSIS_DATA_DIR"
SHARED_DIR_VARIABLE = "FFANALYSIS_SHARED_DIR"

PROJECT_ROOT = Path(__file__).resolve().parents[2]
EVIDENCE_FOLDERS = ("sources", "reference")
"""The folders of the shared folder whose files the data cites."""


def default_data_dir() -> Path:
    """$FFANALYSIS_DATA_DIR, else the checkout's data/ (else ./data for a plain install)."""
    if os.environ.get(DATA_DIR_VARIABLE):
        return Path(os.environ[DATA_DIR_VARIABLE])
    checkout_data = PROJECT_ROOT / "data"
    return checkout_data if (PROJECT_ROOT / "pyproject.toml").is_file() else Path("data")


def default_out_dir() -> Path:
    """The checkout's reports/ (else ./reports for a plain install): the same folder from
    wherever the command is run, as a scheduler needs."""
    in_checkout = (PROJECT_ROOT / "pyproject.toml").is_file()
    return PROJECT_ROOT / "reports" if in_checkout else Path("reports")


def default_shared_dir(data_dir: Path) -> Path:
    """$FFANALYSIS_SHARED_DIR, else the shared/ folder beside the checkout that holds data_dir."""
    if os.environ.get(SHARED_DIR_VARIABLE):
        return Path(os.environ[SHARED_DIR_VARIABLE])
    return data_dir.resolve().parent.parent / "shared"


def raw_dir(data_dir: Path) -> Path:
    return data_dir / "raw"


def clean_dir(data_dir: Path) -> Path:
    return data_dir / "clean"


def evidence_dirs(shared_dir: Path) -> list[Path]:
    return [shared_dir / folder for folder in EVIDENCE_FOLDERS]
