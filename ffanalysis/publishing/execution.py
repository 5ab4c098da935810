"""Executing the runs: each notebook with papermill in a kept kernel, or copied from the cache.

Runs go to the kernel pool longest first, as the last build timed them; after the first
failure no other run starts. A kernel that dies is started again and its notebook run once
more.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import time
from concurrent.futures import as_completed, wait
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..data.atomic import write_atomically
from ..data.problems import InfrastructureError, NotebookError
from .runs import Options, Run
from .summary import Summary

if TYPE_CHECKING:
    from .kernels import Kernel, KernelPool

CELL_TIMEOUT = 600
"""Seconds one notebook cell may run before the build gives up on it."""


@dataclass
class Result:
    run: Run
    executed: Path
    figures: Path
    cached: bool
    seconds: float


def execute(run: Run, staging: Path, cache: Path, force: bool, kernel: Kernel) -> Result:
    """Run one notebook into `staging`, or copy its cached result when nothing changed.

    A cache entry is used only when it is whole (`usable`); a damaged one is run again and
    replaced once the build has checked its data did not change (`store`).
    """
    started = time.monotonic()
    entry = cache_entry(cache, run)
    executed = staging / "notebooks" / f"{run.name}.ipynb"
    figures = staging / "figures" / run.name
    executed.parent.mkdir(parents=True, exist_ok=True)
    if not force and usable(entry):
        shutil.copy2(entry / "executed.ipynb", executed)
        shutil.copytree(entry / "figures", figures, dirs_exist_ok=True)
        return Result(run, executed, figures, True, time.monotonic() - started)
    figures.mkdir(parents=True, exist_ok=True)
    run_notebook(run, executed, figures, kernel)
    return Result(run, executed, figures, False, time.monotonic() - started)


def cache_entry(cache: Path, run: Run) -> Path:
    """Where a run's output is kept, under its cache key."""
    return cache / f"{run.name}-{run.key[:20]}"


def usable(entry: Path) -> bool:
    """Whether a cache entry is whole: an executed notebook with cells, and its figures."""
    try:
        notebook = json.loads((entry / "executed.ipynb").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    return bool(cells) and isinstance(cells, list) and (entry / "figures").is_dir()


def store(results: list[Result], cache: Path) -> None:
    """Keep the output of every run that ran in the cache, replacing any entry it had."""
    for result in results:
        if not result.cached:
            _store(cache_entry(cache, result.run), result.executed, result.figures)


def run_notebook(run: Run, executed: Path, figures: Path, kernel: Kernel) -> None:
    """Execute the notebook with papermill in `kernel` into `executed`, its figures into
    `figures`; a kernel that died is started again and the notebook run once more. Raises
    NotebookError for a failed cell, InfrastructureError for a kernel that will not run."""
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
            raise NotebookError(
                f"{run.notebook.name} ({run.name}): cell {error.exec_count} raised "
                f"{error.ename}: {error.evalue}"
            ) from None
        except RuntimeError as error:
            if attempt == 2 or "kernel" not in str(error).lower():
                raise InfrastructureError(f"{run.notebook.name}: {error}") from None


def _store(entry: Path, executed: Path, figures: Path) -> None:
    """Put a run's output in the cache, atomically (a half-written entry is never used)."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".incoming-"))
    shutil.copy2(executed, temporary / "executed.ipynb")
    shutil.copytree(figures, temporary / "figures")
    if entry.exists():  # damaged, or replaced by --force: set aside, then removed
        stale = Path(tempfile.mkdtemp(dir=entry.parent, prefix=".stale-"))
        os.replace(entry, stale / "entry")
        shutil.rmtree(stale, ignore_errors=True)
    try:
        os.replace(temporary, entry)
    except OSError:
        shutil.rmtree(temporary, ignore_errors=True)


def execute_all(
    runs: list[Run],
    staging: Path,
    options: Options,
    kernels: KernelPool,
    say,
    summary: Summary | None = None,
) -> list[Result]:
    """Execute the runs in the pool's kernels, longest first as the last build timed them;
    after the first failure no other run starts, and the ones running are let finish."""
    cache = options.out / ".cache"
    timings = _timings(cache)
    futures = {
        run.name: kernels.submit(partial(execute, run, staging, cache, options.force))
        for run in longest_first(runs, timings)
    }
    names = {future: name for name, future in futures.items()}
    summary = summary or Summary()
    try:
        for number, future in enumerate(as_completed(futures.values()), start=1):
            if future.exception() is not None:
                summary.ran(names[future], "failed")
            result = future.result()
            how = "cached" if result.cached else f"ran in {result.seconds:.1f}s"
            say(f"[{number}/{len(runs)}] {result.run.name}: {how}")
            summary.ran(result.run.name, "cached" if result.cached else "ran", result.seconds)
    except BaseException:
        for future in futures.values():
            future.cancel()
        wait(futures.values())
        raise
    results = [futures[run.name].result() for run in runs]
    ran = {result.run.name: result.seconds for result in results if not result.cached}
    cache.mkdir(parents=True, exist_ok=True)
    write_atomically(cache / TIMINGS, json.dumps({**timings, **ran}, indent=1))
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
