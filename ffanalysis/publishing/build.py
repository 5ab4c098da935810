"""`ffanalysis build`: validate, clean, run the notebooks, publish the report.

The pipeline, top to bottom: check the parameters; stop at once when the inputs are those of
the last build (`runs`); validate and clean the data, with the guards; plan the runs and stop
if their pages are already published; execute them in kept kernels, reusing cached runs
(`execution`); render the pages (`pages`) into a staging folder; publish it (`publish`).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..data import asof, paths
from ..data.countries import is_single_country
from ..data.problems import BuildError, InfrastructureError, ParameterError
from .execution import Result, execute_all, store
from .publish import (
    check_free_space,
    exclusive,
    keep_failures,
    publish,
    published_files,
    record_inputs,
    remove_leftovers,
)
from .runs import (
    ALL_COUNTRIES,
    Options,
    Run,
    check_declared,
    inputs_fingerprint,
    plan,
    profiled_countries,
    shared_inputs_digest,
    site_key,
)
from .summary import Summary

if TYPE_CHECKING:
    from .kernels import KernelPool

PRELOADED = ("presentation.chapter", "presentation.charts", "analysis.findings")
"""The package modules every notebook imports first (pandas, matplotlib and seaborn with them):
each kernel imports them while the build checks the data."""


def preload_statement(modules: tuple[str, ...] = PRELOADED) -> str:
    """`import ffanalysis.presentation.chapter, ...` for `modules`, each found without importing
    it (the build process need not load matplotlib); a module renamed or gone stops the build."""
    names = [f"{__name__.partition('.')[0]}.{module}" for module in modules]
    missing = [name for name in names if importlib.util.find_spec(name) is None]
    if missing:
        raise InfrastructureError(
            f"the notebooks' preloaded modules are gone: {', '.join(missing)}"
        )
    return "import " + ", ".join(names)


def check_as_of(text: object, today: date | None = None) -> str:
    """`--as-of` as `asof.check_as_of` reads it: the notebooks' rule, with the option named."""
    try:
        return asof.check_as_of(text, today)
    except ParameterError as error:
        raise ParameterError(f"--as-of {error}") from None


def check_out(options: Options) -> None:
    """Refuse an output folder a publish could damage: the checkout itself or a folder above
    it, the package, the notebooks, the data or the evidence folder (or anything inside them),
    or an existing file."""
    out = options.out.resolve()
    if out.exists() and not out.is_dir():
        raise ParameterError(f"--out {options.out} is a file, not a folder")
    root = paths.PROJECT_ROOT.resolve()
    if out == root or out in root.parents:
        raise ParameterError(f"--out {options.out} is the checkout or a folder above it")
    guarded = {
        "the package": root / "ffanalysis",
        "the notebooks": options.notebooks,
        "the data": options.data_dir,
        "the evidence folder": options.shared_dir,
    }
    for what, folder in guarded.items():
        folder = folder.resolve()
        if out == folder or folder in out.parents or out in folder.parents:
            raise ParameterError(f"--out {options.out} would write into or over {what} ({folder})")


KERNEL_MEMORY = 400 * 2**20
"""Bytes one notebook kernel may take with pandas and matplotlib loaded (a generous estimate)."""


def worker_count(requested: int, runs: int) -> int:
    """Workers for a build: no more than asked, than there are runs, than four per core, or than
    free memory holds kernels."""
    cores = os.cpu_count() or 1
    return max(1, min(requested, runs, 4 * cores, _free_memory() // KERNEL_MEMORY))


def _free_memory() -> int:
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return KERNEL_MEMORY  # unknown: one kernel at least


def check_countries(text: str | None) -> list[str] | str:
    """Country codes from 'GBR,USA', or ALL_COUNTRIES (resolved once the data is clean)."""
    if not text:
        return []
    if text.strip().lower() == ALL_COUNTRIES:
        return ALL_COUNTRIES
    codes = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [code for code in codes if not is_single_country(code)]
    if unknown:
        raise ParameterError(
            f"--countries: unknown country code(s) {', '.join(unknown)} "
            "(use ISO 3166-1 alpha-3 codes such as GBR,USA, or 'all')"
        )
    return list(dict.fromkeys(codes))


def build(
    options: Options, say: Callable[[str], None] = print, summary: Summary | None = None
) -> list[Path]:
    """Run the whole build; return the published files. Raises BuildError or DataError.

    `summary`, if given, is filled in as the build goes (`summary.Summary`), for a scheduler.
    """
    summary = summary or Summary()
    # Notebooks run in kernels whose working directory is the notebooks folder, so every
    # path the build hands them must be absolute.
    options = replace(
        options,
        out=options.out.resolve(),
        data_dir=options.data_dir.resolve(),
        shared_dir=options.shared_dir.resolve(),
        notebooks=options.notebooks.resolve(),
    )
    check_out(options)
    summary.as_of = options.as_of
    started = time.monotonic()
    with exclusive(options.out, say):
        remove_leftovers(options.out)
        check_free_space(options.out)
        before = shared_inputs_digest(options.data_dir)
        summary.inputs = inputs_fingerprint(options, before)
        unchanged = _unchanged(options, inputs=summary.inputs)
        if unchanged is not None:
            return _nothing_changed(unchanged, options, say, summary)
        from ..analysis.guards import problems as guard_problems
        from ..data.clean import write_clean  # imports pandas: not needed when nothing changed
        from .kernels import KernelPool, remove_abandoned_kernel_folders

        remove_abandoned_kernel_folders()
        workers = worker_count(options.jobs, _runs_at_most(options))
        if workers < options.jobs:
            say(f"using {workers} worker(s) of the {options.jobs} asked for")
        # The kernels start and import the package while the data is checked.
        with KernelPool(workers, options.notebooks, preload_statement()) as kernels:
            say("validating and cleaning data/raw ...")
            write_clean(options.data_dir, options.shared_dir, guard_problems)
            shared = shared_inputs_digest(options.data_dir)
            inputs = summary.inputs = inputs_fingerprint(options, shared)
            profiled, too_little = profiled_countries(options)
            summary.too_little = too_little
            for code in too_little:
                say(f"no page for {code}: too little for a page of its own (the report lists it)")
            runs = plan(options, shared, profiled)
            unchanged = _unchanged(options, key=site_key(runs))
            if unchanged is not None:
                record_inputs(options.out, inputs)
                return _nothing_changed(unchanged, options, say, summary)
            check_declared(runs)
            published = _stage_and_publish(runs, kernels, options, (shared, inputs), say, summary)
    summary.published = [str(path.relative_to(options.out)) for path in published]
    pages = [path for path in published if path.suffix == ".html"]
    say(
        f"done in {time.monotonic() - started:.1f}s: {len(pages)} page(s) in {options.out} "
        f"(open {options.out / 'report.html'})"
    )
    return published


def _runs_at_most(options: Options) -> int:
    """How many runs the build can have: the chapters, plus the countries asked for (every
    country code there is, for `all`, before the data says which have figures)."""
    chapters = len(list(options.notebooks.glob("[0-9][0-9]_*.ipynb")))
    countries = len(options.countries) if isinstance(options.countries, list) else MAX_COUNTRY_PAGES
    return chapters + countries


MAX_COUNTRY_PAGES = 250
"""More countries than there are: the bound on country pages for `--countries all`."""


def _unchanged(options: Options, **expected: str) -> list[Path] | None:
    """The published files, when the manifest says they were built from what is `expected`
    and the build is not forced."""
    return None if options.force else published_files(options.out, **expected)


def _nothing_changed(published: list[Path], options: Options, say, summary: Summary) -> list[Path]:
    say(f"nothing changed since the last build: {options.out / 'report.html'} is current")
    summary.nothing_changed = True
    summary.published = [str(path.relative_to(options.out)) for path in published]
    return published


def _stage_and_publish(
    runs: list[Run],
    kernels: KernelPool,
    options: Options,
    keys: tuple[str, str],
    say,
    summary: Summary,
) -> list[Path]:
    """Execute and render into a staging folder, then publish; on failure keep the executed
    notebooks in OUT/failed and leave the published report as it was.

    The results are kept in the cache only if the clean data is still what the runs were keyed
    by: a `clean` run during the build must not file new numbers under the old data's key.
    """
    shared, inputs = keys
    staging = Path(tempfile.mkdtemp(dir=options.out, prefix=".staging-"))
    try:
        results = execute_all(runs, staging, options, kernels, say, summary)
        if shared_inputs_digest(options.data_dir) != shared:
            raise InfrastructureError(
                f"{paths.clean_dir(options.data_dir)} changed while the build ran; nothing was "
                "cached or published: build again"
            )
        store(results, options.out / ".cache")
        say("rendering the pages ...")
        _render(results, staging, options)
        published = publish(staging / "site", options.out, site_key(runs), inputs)
    except BuildError as error:
        kept = keep_failures(staging, options.out)
        raise type(error)(f"{error}\n  executed notebooks kept for debugging in {kept}") from None
    except BaseException:
        keep_failures(staging, options.out)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(options.out / "failed", ignore_errors=True)
    return published


def _render(results: list[Result], staging: Path, options: Options) -> None:
    from .pages import render_site  # imports nbconvert: only once there is something to render

    render_site(results, staging / "site", options)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
