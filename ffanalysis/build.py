"""`ffanalysis build`: validate, clean, run the notebooks, publish the report.

The build executes every chapter (and one country profile per country) with papermill into a
staging folder, reuses the results of runs whose inputs have not changed, renders the pages,
and only then publishes them into the output folder, each file by an atomic rename, under a
lock so that two builds cannot interleave. A failing chapter publishes nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import as_completed, wait
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .countries import AGGREGATES, GROUP_SEPARATOR, country_name

if TYPE_CHECKING:
    from .kernels import Kernel, KernelPool

NOTEBOOKS = paths.PROJECT_ROOT / "notebooks"
PROFILE = "country_profile.ipynb"
PACKAGE = Path(__file__).resolve().parent
LOCK_FILE = paths.PROJECT_ROOT / "requirements.lock"
CELL_TIMEOUT = 600
"""Seconds one notebook cell may run before the build gives up on it."""
PRELOAD = "import ffanalysis.chapter, ffanalysis.charts, ffanalysis.findings"
"""What every notebook imports first (pandas, matplotlib and seaborn with it): each kernel
imports it while the build checks the data."""


class BuildError(Exception):
    """A build that could not finish; the message names what failed and where to look."""


class ParameterError(ValueError):
    """A parameter that is wrong before anything runs (exit code 2)."""


@dataclass(frozen=True)
class Run:
    """One notebook execution: a chapter, or the profile of one country."""

    notebook: Path
    name: str
    parameters: dict[str, str] = field(default_factory=dict)
    key: str = ""
    """The cache key: a hash of everything the run's output depends on."""


@dataclass
class Result:
    run: Run
    executed: Path
    figures: Path
    cached: bool
    seconds: float


# --- parameters ----------------------------------------------------------------------------


def check_as_of(text: str | None, today: date | None = None) -> str:
    """An ISO date not in the future, or "" for everything."""
    if not text:
        return ""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ParameterError(f"--as-of {text!r} is not a date (YYYY-MM-DD)") from None
    if len(text) != 10:
        raise ParameterError(f"--as-of {text!r} is not a date (YYYY-MM-DD)")
    if day > (today or date.today()):
        raise ParameterError(f"--as-of {text} is in the future")
    return text


ALL_COUNTRIES = "all"


def check_countries(text: str | None) -> list[str] | str:
    """Country codes from 'GBR,USA', or ALL_COUNTRIES (resolved once the data is clean)."""
    if not text:
        return []
    if text.strip().lower() == ALL_COUNTRIES:
        return ALL_COUNTRIES
    codes = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [
        code
        for code in codes
        if code in AGGREGATES or GROUP_SEPARATOR in code or country_name(code) is None
    ]
    if unknown:
        raise ParameterError(
            f"--countries: unknown country code(s) {', '.join(unknown)} "
            "(use ISO 3166-1 alpha-3 codes such as GBR,USA, or 'all')"
        )
    return list(dict.fromkeys(codes))


def countries_with_data(data_dir: Path) -> list[str]:
    """Single countries that have at least one claim row."""
    from .loading import load

    codes = load("claims", data_dir)["country"].dropna().unique()
    return sorted(code for code in codes if code not in AGGREGATES and GROUP_SEPARATOR not in code)


# --- runs and the cache --------------------------------------------------------------------


def plan(options: Options, shared: str) -> list[Run]:
    """Every notebook execution the build needs: the numbered chapters in order, then one
    country profile per country. `shared` is `shared_inputs_digest` of the clean data."""
    common = {"as_of": options.as_of, "data_dir": str(options.data_dir.resolve())}
    chapters = sorted(options.notebooks.glob("[0-9][0-9]_*.ipynb"))
    countries = (
        countries_with_data(options.data_dir)
        if options.countries == ALL_COUNTRIES
        else options.countries
    )
    runs = [Run(path, path.stem, common) for path in chapters] + [
        Run(options.notebooks / PROFILE, f"country_{code}", {**common, "country": code})
        for code in countries
    ]
    return [replace(run, key=cache_key(run, shared)) for run in runs]


def check_declared(runs: list[Run]) -> None:
    """Every parameter a run passes is declared by its notebook (papermill would only warn)."""
    import papermill

    for notebook in dict.fromkeys(run.notebook for run in runs):
        declared = set(papermill.inspect_notebook(str(notebook)))
        passed = {*next(run for run in runs if run.notebook == notebook).parameters, "figures_dir"}
        if passed - declared:
            raise BuildError(
                f"{notebook.name} does not declare the parameter(s) "
                f"{', '.join(sorted(passed - declared))} in its 'parameters' cell"
            )


def cache_key(run: Run, shared_inputs: str) -> str:
    """sha256 of everything a run's output depends on: its notebook and parameters, and the
    inputs all runs share (`shared_inputs_digest`)."""
    digest = hashlib.sha256(shared_inputs.encode())
    digest.update(run.notebook.read_bytes())
    digest.update(json.dumps(run.parameters, sort_keys=True).encode())
    return digest.hexdigest()


def shared_inputs_digest(data_dir: Path) -> str:
    """sha256 of the clean data, the package code and templates, and the pinned versions."""
    return _digest_files([*sorted(paths.clean_dir(data_dir).glob("*.csv")), *_code_files()])


def inputs_fingerprint(options: Options, shared: str) -> str:
    """sha256 of everything a build reads and of the options that shape its pages.

    It needs no pandas, so a build whose inputs are those of the last one can stop before it
    imports anything heavy: data/raw, the evidence files, the notebooks, and `shared`, the
    `shared_inputs_digest` of the clean data, the package and the pinned versions.
    """
    evidence = [
        path
        for folder in paths.evidence_dirs(options.shared_dir)
        for path in sorted(folder.rglob("*"))
    ]
    read = [
        *sorted(paths.raw_dir(options.data_dir).glob("*.csv")),
        *evidence,
        *sorted(options.notebooks.glob("*.ipynb")),
    ]
    digest = hashlib.sha256(
        json.dumps(
            [options.as_of, options.countries, str(options.data_dir), str(options.shared_dir)]
        ).encode()
    )
    digest.update(_digest_files(read).encode())
    digest.update(shared.encode())
    return digest.hexdigest()


def _code_files() -> list[Path]:
    """The package's code and templates, and the pinned versions of what it runs on."""
    return [*sorted(PACKAGE.rglob("*.py")), *sorted((PACKAGE / "templates").rglob("*")), LOCK_FILE]


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


def execute(run: Run, staging: Path, cache: Path, force: bool, kernel: Kernel) -> Result:
    """Run one notebook into `staging`, or copy its cached result when nothing changed."""
    started = time.monotonic()
    entry = cache / f"{run.name}-{run.key[:20]}"
    executed = staging / "notebooks" / f"{run.name}.ipynb"
    figures = staging / "figures" / run.name
    executed.parent.mkdir(parents=True, exist_ok=True)
    if entry.is_dir() and not force:
        shutil.copy2(entry / "executed.ipynb", executed)
        shutil.copytree(entry / "figures", figures, dirs_exist_ok=True)
        return Result(run, executed, figures, True, time.monotonic() - started)
    figures.mkdir(parents=True, exist_ok=True)
    _papermill(run, executed, figures, kernel)
    _store(entry, executed, figures)
    return Result(run, executed, figures, False, time.monotonic() - started)


def _papermill(run: Run, executed: Path, figures: Path, kernel: Kernel) -> None:
    """Execute the notebook with papermill in the worker's kernel; a kernel that died is
    started again and the notebook run once more."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .kernels import KERNEL_NAME

    parameters = {**run.parameters, "figures_dir": str(figures.resolve())}
    for attempt in (1, 2):
        try:
            with kernel.fresh() as manager:
                papermill.execute_notebook(
                    str(run.notebook),
                    str(executed),
                    parameters=parameters,
                    kernel_name=KERNEL_NAME,
                    progress_bar=False,
                    request_save_on_cell_execute=False,
                    execution_timeout=CELL_TIMEOUT,
                    km=manager,
                )
            return
        except PapermillExecutionError as error:
            raise BuildError(
                f"{run.notebook.name} ({run.name}): cell {error.exec_count} raised "
                f"{error.ename}: {error.evalue}"
            ) from None
        except RuntimeError as error:
            if attempt == 2 or "kernel" not in str(error).lower():
                raise BuildError(f"{run.notebook.name}: {error}") from None


def _store(entry: Path, executed: Path, figures: Path) -> None:
    """Put a run's output in the cache, atomically (a half-written entry is never used)."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".incoming-"))
    shutil.copy2(executed, temporary / "executed.ipynb")
    shutil.copytree(figures, temporary / "figures")
    try:
        os.replace(temporary, entry)
    except OSError:
        shutil.rmtree(temporary, ignore_errors=True)


# --- publishing ----------------------------------------------------------------------------


@contextmanager
def exclusive(out: Path, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the output folder's lock: a second build waits rather than interleaving."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".build.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"waiting for another build into {out} to finish ...")
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


MANIFEST = ".published.json"
"""What the last build published into the output folder: its files, the key of its pages
(`site_key`) and the fingerprint of its inputs (`inputs_fingerprint`)."""


def published_files(out: Path, **expected: str) -> list[Path] | None:
    """The files the last build published, if they are all there and its manifest records
    the `expected` values (`key=...`, `inputs=...`); None otherwise."""
    recorded = _read_manifest(out)
    files = [out / name for name in recorded["files"]]
    current = (
        files
        and all(path.is_file() for path in files)
        and all(recorded[name] == value for name, value in expected.items())
    )
    return files if current else None


def _read_manifest(out: Path) -> dict:
    """The manifest, or an empty one when there is none or it cannot be read."""
    try:
        recorded = json.loads((out / MANIFEST).read_text())
        return {
            "key": recorded["key"],
            "inputs": recorded.get("inputs"),
            "files": list(recorded["files"]),
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {"key": None, "inputs": None, "files": []}


def publish(staging: Path, out: Path, key: str, inputs: str) -> list[Path]:
    """Move the staged pages, notebooks and figures into `out`, each by an atomic rename,
    the report last; files a previous build published and this one did not are removed."""
    previous = set(_read_manifest(out)["files"])
    staged = sorted(
        (path.relative_to(staging) for path in staging.rglob("*") if path.is_file()),
        key=lambda relative: (relative.name == "report.html", str(relative)),
    )
    for relative in staged:
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / relative, target)
    for stale in previous - {str(relative) for relative in staged}:
        (out / stale).unlink(missing_ok=True)
    files = [str(relative) for relative in staged]
    _write_json(out / MANIFEST, {"key": key, "inputs": inputs, "files": files})
    return [out / relative for relative in staged]


def _record_inputs(out: Path, inputs: str) -> None:
    """Note in the manifest that other inputs gave the same pages, so the next build with
    these inputs can stop early too."""
    _write_json(out / MANIFEST, {**_read_manifest(out), "inputs": inputs})


def _write_json(path: Path, value: object) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(value, indent=1))
    os.replace(temporary, path)


# --- the build -----------------------------------------------------------------------------


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


def build(options: Options, say: Callable[[str], None] = print) -> list[Path]:
    """Run the whole build; return the published files. Raises BuildError or DataError."""
    # Notebooks run in kernels whose working directory is the notebooks folder, so every
    # path the build hands them must be absolute.
    options = replace(
        options,
        out=options.out.resolve(),
        data_dir=options.data_dir.resolve(),
        shared_dir=options.shared_dir.resolve(),
        notebooks=options.notebooks.resolve(),
    )
    started = time.monotonic()
    with exclusive(options.out, say):
        before = shared_inputs_digest(options.data_dir)
        unchanged = _unchanged(options, inputs=inputs_fingerprint(options, before))
        if unchanged is not None:
            return _nothing_changed(unchanged, options, say)
        from .clean import write_clean  # imports pandas: not needed when nothing changed
        from .guards import problems as guard_problems
        from .kernels import KernelPool

        # The kernels start and import the package while the data is checked.
        with KernelPool(options.jobs, options.notebooks, PRELOAD) as kernels:
            say("validating and cleaning data/raw ...")
            write_clean(options.data_dir, options.shared_dir, guard_problems)
            shared = shared_inputs_digest(options.data_dir)
            inputs = inputs_fingerprint(options, shared)
            runs = plan(options, shared)
            unchanged = _unchanged(options, key=site_key(runs))
            if unchanged is not None:
                _record_inputs(options.out, inputs)
                return _nothing_changed(unchanged, options, say)
            check_declared(runs)
            published = _stage_and_publish(runs, kernels, options, inputs, say)
    pages = [path for path in published if path.suffix == ".html"]
    say(
        f"done in {time.monotonic() - started:.1f}s: {len(pages)} page(s) in {options.out} "
        f"(open {options.out / 'report.html'})"
    )
    return published


def _unchanged(options: Options, **expected: str) -> list[Path] | None:
    """The published files, when the manifest says they were built from what is `expected`
    and the build is not forced."""
    return None if options.force else published_files(options.out, **expected)


def _nothing_changed(published: list[Path], options: Options, say) -> list[Path]:
    say(f"nothing changed since the last build: {options.out / 'report.html'} is current")
    return published


def _stage_and_publish(
    runs: list[Run], kernels: KernelPool, options: Options, inputs: str, say
) -> list[Path]:
    """Execute and render into a staging folder, then publish; on failure keep the executed
    notebooks in OUT/failed and leave the published report as it was."""
    staging = Path(tempfile.mkdtemp(dir=options.out, prefix=".staging-"))
    try:
        results = _execute_all(runs, staging, options, kernels, say)
        say("rendering the pages ...")
        _render(results, staging, options)
        published = publish(staging / "site", options.out, site_key(runs), inputs)
    except BuildError as error:
        kept = _keep_failures(staging, options.out)
        raise BuildError(f"{error}\n  executed notebooks kept for debugging in {kept}") from None
    except BaseException:
        _keep_failures(staging, options.out)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(options.out / "failed", ignore_errors=True)
    return published


def _execute_all(
    runs: list[Run], staging: Path, options: Options, kernels: KernelPool, say
) -> list[Result]:
    """Execute the runs in the pool's kernels, longest first as the last build timed them;
    after the first failure no other run starts, and the ones running are let finish."""
    cache = options.out / ".cache"
    timings = _timings(cache)
    futures = {
        run.name: kernels.submit(partial(execute, run, staging, cache, options.force))
        for run in longest_first(runs, timings)
    }
    try:
        for number, future in enumerate(as_completed(futures.values()), start=1):
            result = future.result()
            how = "cached" if result.cached else f"ran in {result.seconds:.1f}s"
            say(f"[{number}/{len(runs)}] {result.run.name}: {how}")
    except BaseException:
        for future in futures.values():
            future.cancel()
        wait(futures.values())
        raise
    results = [futures[run.name].result() for run in runs]
    ran = {result.run.name: result.seconds for result in results if not result.cached}
    cache.mkdir(parents=True, exist_ok=True)
    _write_json(cache / TIMINGS, {**timings, **ran})
    return results


TIMINGS = "timings.json"
"""Seconds each run took when it last ran, in the cache folder: the next build's order."""


def longest_first(runs: list[Run], timings: dict[str, float]) -> list[Run]:
    """Runs never timed first (in plan order), then the others, longest first: on a few
    workers, starting the long ones early keeps a worker from finishing alone."""
    return sorted(runs, key=lambda run: -timings.get(run.name, math.inf))


def _timings(cache: Path) -> dict[str, float]:
    try:
        recorded = json.loads((cache / TIMINGS).read_text())
        return {str(name): float(seconds) for name, seconds in recorded.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _render(results: list[Result], staging: Path, options: Options) -> None:
    from .site import render_site

    render_site(results, staging / "site", options)


def _keep_failures(staging: Path, out: Path) -> Path:
    """Keep the executed notebooks of a failed build for debugging, outside the report."""
    kept = out / "failed"
    notebooks = staging / "notebooks"
    if notebooks.is_dir():
        shutil.rmtree(kept, ignore_errors=True)
        shutil.copytree(notebooks, kept)
    shutil.rmtree(staging, ignore_errors=True)
    return kept


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
