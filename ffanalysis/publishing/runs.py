"""What a build runs, and the keys that decide what it may reuse.

A build is a list of runs: every numbered chapter, then the country profile once per country.
Reuse works at three levels, each keyed by a sha256 of what it depends on:

1. `inputs_fingerprint`: data/raw, the evidence files, the notebooks, the package and the
   options. When it matches the last published build, the build stops before it imports
   pandas or cleans anything.
2. `site_key`: the keys of all runs together, once the data is clean. When it matches, the
   pages are those already published (the raw data changed, the clean data did not).
3. `cache_key`: one run's notebook and parameters and the inputs all runs share
   (`shared_inputs_digest`: the clean data, the package, the pinned versions). A run whose key
   has an entry in the cache is copied, not executed.

A notebook counts by what it runs (`notebook_content`: its cells' types, sources and tags), not
by its bytes: opening and saving it in JupyterLab, with outputs, execution counts or the
kernel's metadata, invalidates nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..data import paths
from ..data.problems import NotebookError

NOTEBOOKS = paths.PROJECT_ROOT / "notebooks"
PROFILE = "country_profile.ipynb"
PACKAGE = Path(__file__).resolve().parent.parent
LOCK_FILE = paths.PROJECT_ROOT / "requirements.lock"

ALL_COUNTRIES = "all"


@dataclass(frozen=True)
class Options:
    as_of: str
    countries: list[str] | str
    """Country codes, or ALL_COUNTRIES."""
    out: Path
    jobs: int
    force: bool
    data_dir: Path
    shared_dir: Path
    notebooks: Path = NOTEBOOKS


@dataclass(frozen=True)
class Run:
    """One notebook execution: a chapter, or the profile of one country."""

    notebook: Path
    name: str
    parameters: dict[str, str] = field(default_factory=dict)
    key: str = ""
    """The cache key: a hash of everything the run's output depends on."""


def country_pages(data_dir: Path) -> tuple[list[str], list[str]]:
    """The countries with a figure, as (those that get a page, those with too little for one:
    `profiles.too_little`), decided on the clean data."""
    from ..analysis.profiles import split_countries
    from ..data.loading import load

    return split_countries(*(load(name, data_dir) for name in PAGE_TABLES))


PAGE_TABLES = ("claims", "legal_stances", "casualties")
"""The clean tables that decide which countries get a page."""


def profiled_countries(options: Options) -> tuple[list[str], list[str]]:
    """The countries that get a profile, and those asked for by code that have too little for
    a page (`profiles.too_little`: the report lists them in a table instead)."""
    with_page, scant = country_pages(options.data_dir)
    if options.countries == ALL_COUNTRIES:
        return with_page, []
    asked = options.countries
    return [code for code in asked if code not in scant], [code for code in asked if code in scant]


def plan(options: Options, shared: str, countries: list[str] | None = None) -> list[Run]:
    """Every notebook execution the build needs: the numbered chapters in order, then one
    country profile per country in `countries` (by default `profiled_countries`). `shared` is
    `shared_inputs_digest` of the clean data."""
    common = {"as_of": options.as_of, "data_dir": str(options.data_dir.resolve())}
    chapters = sorted(options.notebooks.glob("[0-9][0-9]_*.ipynb"))
    if countries is None:
        countries = profiled_countries(options)[0]
    runs = [Run(path, path.stem, common) for path in chapters] + [
        Run(options.notebooks / PROFILE, f"country_{code}", {**common, "country": code})
        for code in countries
    ]
    return [replace(run, key=cache_key(run, shared)) for run in runs]


def declared_parameters(notebook: Path) -> list[str]:
    """The parameters the notebook's `parameters` cell declares, in its order."""
    import papermill

    return list(papermill.inspect_notebook(str(notebook)))


def check_declared(runs: list[Run]) -> None:
    """Every parameter a run passes is declared by its notebook (papermill would only warn)."""
    for notebook in dict.fromkeys(run.notebook for run in runs):
        declared = set(declared_parameters(notebook))
        passed = {*next(run for run in runs if run.notebook == notebook).parameters, "figures_dir"}
        if passed - declared:
            raise NotebookError(
                f"{notebook.name} does not declare the parameter(s) "
                f"{', '.join(sorted(passed - declared))} in its 'parameters' cell"
            )


def cache_key(run: Run, shared_inputs: str) -> str:
    """sha256 of everything a run's output depends on: its notebook and parameters, and the
    inputs all runs share (`shared_inputs_digest`)."""
    digest = hashlib.sha256(shared_inputs.encode())
    digest.update(notebook_content(run.notebook).encode())
    digest.update(json.dumps(run.parameters, sort_keys=True).encode())
    return digest.hexdigest()


def notebook_content(path: Path) -> str:
    """What of a notebook decides its output, as JSON: each cell's type, source and tags (the
    `parameters` tag says where papermill injects). Outputs, execution counts and any other
    metadata are left out: they are what running or saving a notebook changes. A file that is
    no notebook counts by its text (papermill says what is wrong with it when it runs)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        return json.dumps(
            [
                [cell["cell_type"], _text(cell["source"]), cell.get("metadata", {}).get("tags", [])]
                for cell in json.loads(text)["cells"]
            ]
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return text


def _text(source: str | list[str]) -> str:
    """A cell's source, which nbformat allows as one string or as a list of lines."""
    return source if isinstance(source, str) else "".join(source)


def shared_inputs_digest(data_dir: Path) -> str:
    """sha256 of the clean data, the package code and templates, and the pinned versions."""
    return _digest_files([*sorted(paths.clean_dir(data_dir).glob("*.csv")), *_code_files()])


def inputs_fingerprint(options: Options, shared: str) -> str:
    """sha256 of everything a build reads and of the options that shape its pages.

    It needs no pandas, so a build whose inputs are those of the last one can stop before it
    imports anything heavy: data/raw, the evidence files, the notebooks' `notebook_content`,
    and `shared`, the `shared_inputs_digest` of the clean data, the package and the pinned
    versions.
    """
    evidence = [
        path
        for folder in paths.evidence_dirs(options.shared_dir)
        for path in sorted(folder.rglob("*"))
    ]
    read = [*sorted(paths.raw_dir(options.data_dir).glob("*.csv")), *evidence]
    digest = hashlib.sha256(
        json.dumps(
            [options.as_of, options.countries, str(options.data_dir), str(options.shared_dir)]
        ).encode()
    )
    digest.update(_digest_files(read).encode())
    for notebook in sorted(options.notebooks.glob("*.ipynb")):
        digest.update(f"{notebook.name}\n{notebook_content(notebook)}".encode())
    digest.update(shared.encode())
    return digest.hexdigest()


def _code_files() -> list[Path]:
    """The package's code and templates, and the pinned versions of what it runs on."""
    code = sorted(PACKAGE.rglob("*.py"))
    templates = sorted(path for path in PACKAGE.glob("*/templates/**/*") if path.is_file())
    return [*code, *templates, LOCK_FILE]


def _digest_files(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def site_key(runs: list[Run]) -> str:
    """One key for the whole site: it changes whenever any page's inputs change."""
    return hashlib.sha256(" ".join(run.key for run in runs).encode()).hexdigest()
