"""Benchmarks of the ffanalysis pipeline on the real data; the figures go to RESULTS.md.

    python benchmarks/run.py [--quick] [--runs N] [--output FILE]

Run it with the project's Python (the one ffanalysis is installed in): every command runs as
a subprocess of that interpreter, the way a user runs it. All figures come from one session on
one machine, so the ratios (the build against a naive nbconvert loop, the rebuild against the
build) are what carries over to other machines, not the seconds. `--quick` runs tiny sizes
once, to check that the script works, not to measure anything.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from statistics import median

from ffanalysis.data import paths, vocab
from ffanalysis.data.registry import REFERENCE_TABLES
from ffanalysis.data.schema import TABLES
from ffanalysis.presentation.reader_page import PAGE_BUDGETS
from ffanalysis.publishing.runs import country_pages

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NOTEBOOKS = ROOT / "notebooks"
DATA_DIR = paths.default_data_dir()
PROFILE_NOTES = HERE / "PROFILE.md"
FFANALYSIS = (sys.executable, "-m", "ffanalysis")
PACKAGES = (
    "ffanalysis",
    "pandas",
    "numpy",
    "pyarrow",
    "matplotlib",
    "seaborn",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "jupyter_client",
    "pyzmq",
)
MEASURED_SOURCES = ("ffanalysis/**/*", "notebooks/*.ipynb", "data/raw/*.csv")
"""What the figures depend on, fingerprinted at the start and the end of a run."""
LINEAR_TOLERANCE = 1.5
"""Growth counts as linear while the last step's time per 1k extra rows is at most this many
times the step before's. The first step (1k to 10k rows) adds a few hundred milliseconds
between two process start-ups, too little to judge by, so the full run has a fourth size."""

IMPORT_PROBE = (
    "import time; started = time.perf_counter(); import ffanalysis{touch}; "
    "print(time.perf_counter() - started)"
)


class BenchmarkError(Exception):
    """A command that failed: its time would mean nothing, so the benchmark stops."""


@dataclass(frozen=True)
class Settings:
    runs: int
    baseline_chapters: int | None
    """How many chapters the naive baseline runs; None for all (fewer only with --quick)."""
    country_counts: tuple[int | None, ...]
    """How many country pages each fan-out build makes; None for every country."""
    claim_rows: tuple[int, ...]
    quick: bool


@dataclass(frozen=True)
class Target:
    name: str
    goal: str
    measured: str
    passed: bool | None
    """None when this run has too few points to judge (--quick)."""

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "MISS", None: "n/a"}[self.passed]


@dataclass
class Section:
    title: str
    intro: str
    rows: list[list[str]]
    """A table, its header first."""
    targets: list[Target] = field(default_factory=list)


# --- running and timing --------------------------------------------------------------------


def note(message: str) -> None:
    """Progress on stderr: the full run takes a quarter of an hour."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_command(command: Sequence[str | Path], cwd: Path | None = None) -> float:
    """Wall seconds of one command, which must succeed."""
    return run_logged(command, cwd)[0]


def run_logged(command: Sequence[str | Path], cwd: Path | None = None) -> tuple[float, str]:
    """Wall seconds of one command, which must succeed, and its stderr (the build's log)."""
    started = time.perf_counter()
    completed = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        shown = " ".join(str(part) for part in command)
        raise BenchmarkError(f"{shown} exited {completed.returncode}:\n{completed.stderr[-3000:]}")
    return seconds, completed.stderr


def seconds_text(values: Sequence[float], digits: int = 2) -> str:
    return " / ".join(f"{value:.{digits}f}" for value in values)


def markdown_table(rows: list[list[str]]) -> str:
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])


# --- cold build, no-change rebuild, report size --------------------------------------------


def chapters() -> list[Path]:
    """The chapter notebooks, as `ffanalysis build` finds them."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def build_command(out: Path, *options: str) -> list[str | Path]:
    return [*FFANALYSIS, "build", "--out", out, *options]


def naive_baseline(folder: Path, count: int | None) -> float:
    """`jupyter nbconvert --execute` of the first `count` chapters, one after the other.

    The notebooks run from a copy of notebooks/, so that their default figures_dir
    ('../figures') fills `folder` rather than the checkout; the copying is not timed.
    """
    notebooks = folder / "notebooks"
    notebooks.mkdir(parents=True)
    for chapter in chapters()[:count]:
        shutil.copy2(chapter, notebooks)
    convert = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--execute"]
    started = time.perf_counter()
    for chapter in chapters()[:count]:
        run_command([*convert, "--output-dir", folder / "html", chapter.name], cwd=notebooks)
    return time.perf_counter() - started


@dataclass
class BuildTimes:
    baseline_chapters: int
    cold: list[float] = field(default_factory=list)
    rebuild: list[float] = field(default_factory=list)
    rerun: list[int] = field(default_factory=list)
    """Notebooks each rebuild executed again: 0 unless the code changed under the benchmark."""
    naive: list[float] = field(default_factory=list)
    report: Path | None = None


def measure_builds(runs: int, baseline_chapters: int | None, scratch: Path) -> BuildTimes:
    """Cold build, then a rebuild into the same folder, then the baseline, `runs` times.

    Interleaving the three spreads any drift in the machine's load over all of them.
    """
    times = BuildTimes(len(chapters()[:baseline_chapters]))
    for number in range(1, runs + 1):
        out = scratch / f"cold-{number}"
        note(f"cold build {number}/{runs}")
        times.cold.append(run_command(build_command(out, "--force")))
        note(f"no-change rebuild {number}/{runs}")
        seconds, log = run_logged(build_command(out))
        times.rebuild.append(seconds)
        times.rerun.append(log.count(": ran in "))
        note(f"naive nbconvert baseline {number}/{runs}")
        times.naive.append(naive_baseline(scratch / f"naive-{number}", baseline_chapters))
        times.report = out / "report.html"
    return times


def cold_build_section(times: BuildTimes) -> Section:
    cold, naive = median(times.cold), median(times.naive)
    ratio = cold / naive
    naive_label = (
        f"naive: `jupyter nbconvert --to html --execute`, {times.baseline_chapters} "
        "chapter(s) in turn"
    )
    rows = [
        ["Command", "Runs (s)", "Median (s)"],
        ["`ffanalysis build --force --out TMP`", seconds_text(times.cold), f"{cold:.2f}"],
        [naive_label, seconds_text(times.naive), f"{naive:.2f}"],
        ["ratio build / naive", "", f"{ratio:.2f}"],
    ]
    intro = (
        f"All {len(chapters())} chapters and report.html, no country pages, into a fresh "
        f"folder; the build runs `--jobs {os.cpu_count()}` (its default, the number of cores). "
        "The baseline executes the same chapter notebooks with nbconvert, one after the other."
    )
    comparable = times.baseline_chapters == len(chapters())
    target = Target(
        "Cold build vs naive baseline",
        "≤ 0.5 x baseline",
        f"{ratio:.2f} x ({cold:.1f} s vs {naive:.1f} s)",
        ratio <= 0.5 if comparable else None,
    )
    return Section("Cold build vs naive baseline", intro, rows, [target])


def rebuild_section(times: BuildTimes) -> Section:
    rebuild, cold = median(times.rebuild), median(times.cold)
    share = rebuild / cold
    rows = [
        ["Command", "Runs (s)", "Median (s)", "Share of cold build", "Notebooks re-run"],
        [
            "`ffanalysis build --out TMP` (same folder)",
            seconds_text(times.rebuild),
            f"{rebuild:.2f}",
            f"{share:.1%}",
            " / ".join(map(str, times.rerun)),
        ],
    ]
    intro = (
        "A build right after the cold build into the same folder, so nothing has changed; "
        "'Notebooks re-run' counts the runs its log says it executed (0 expected)."
    )
    target = Target(
        "No-change rebuild", "≤ 5% of cold build", f"{share:.1%} ({rebuild:.2f} s)", share <= 0.05
    )
    return Section("No-change rebuild", intro, rows, [target])


def page_weights_section(sites: list[Path]) -> Section:
    """The heaviest page of each kind, over the builds' sites, against its budget
    (`reader_page.PAGE_BUDGETS`): the report, and the country pages of the fan-out builds."""
    rows = [["Page", "Bytes", "Budget"]]
    targets = []
    for pattern, budget in PAGE_BUDGETS.items():
        pages = sorted(
            (page for site in sites for page in site.glob(pattern)),
            key=lambda page: page.stat().st_size,
        )
        if not pages:
            continue
        size = pages[-1].stat().st_size
        rows.append([f"{pages[-1].name} (heaviest of {len(pages)})", f"{size:,}", f"{budget:,}"])
        targets.append(
            Target(f"{pattern} weight", f"< {budget:,} bytes", f"{size:,}", size < budget)
        )
    intro = "The heaviest page of each kind the builds published: each self-contained."
    return Section("Page weights", intro, rows, targets)


# --- country fan-out -----------------------------------------------------------------------


def measure_fan_out(
    codes: list[str], counts: tuple[int | None, ...], scratch: Path
) -> dict[tuple[int, int], float]:
    """Wall seconds of a forced build with N country pages, by (--jobs, N); one run each."""
    times = {}
    for jobs in (1, 2):
        for count in counts:
            chosen = codes[:count]
            note(f"fan-out: {len(chosen)} country page(s), --jobs {jobs}")
            out = scratch / f"fan-out-{jobs}-{len(chosen)}"
            options = ("--force", "--jobs", str(jobs), "--countries", ",".join(chosen))
            times[jobs, len(chosen)] = run_command(build_command(out, *options))
    return times


def per_extra_page(times: dict[tuple[int, int], float], jobs: int, first: int, last: int) -> float:
    return (times[jobs, last] - times[jobs, first]) / (last - first)


def fan_out_section(times: dict[tuple[int, int], float], total: int) -> Section:
    rows = [
        [
            "--jobs",
            "Country pages N",
            "Wall (s)",
            "Wall / N (s)",
            "s per extra page since previous N",
        ]
    ]
    for jobs in (1, 2):
        counts = sorted(count for each_jobs, count in times if each_jobs == jobs)
        for previous, count in itertools.pairwise([None, *counts]):
            step = "" if previous is None else f"{per_extra_page(times, jobs, previous, count):.2f}"
            label = f"{count} (all)" if count == total else str(count)
            wall = times[jobs, count]
            rows.append([str(jobs), label, f"{wall:.2f}", f"{wall / count:.2f}", step])
    counts = sorted(count for jobs, count in times if jobs == 2)
    intro = (
        "`ffanalysis build --force --jobs J --countries <first N codes>`: the chapters and "
        f"report too, so each extra page's cost is the growth from one N to the next. {total} "
        "countries get a page (`runs.country_pages`). One run per cell."
    )
    if len(counts) < 2:
        target = Target("Each extra country page (--jobs 2)", "≤ 1 s", "needs two N", None)
    else:
        seconds = per_extra_page(times, 2, counts[0], counts[-1])
        measured = f"{seconds:.2f} s (N={counts[0]} → {counts[-1]})"
        target = Target("Each extra country page (--jobs 2)", "≤ 1 s", measured, seconds <= 1)
    return Section("Country fan-out", intro, rows, [target])


# --- import and load -----------------------------------------------------------------------


def import_seconds(touch: str, scratch: Path) -> float:
    """Seconds `import ffanalysis` (plus `touch`) takes in a fresh interpreter."""
    probe = IMPORT_PROBE.format(touch=touch)
    completed = subprocess.run(
        [sys.executable, "-c", probe], cwd=scratch, capture_output=True, text=True, check=True
    )
    return float(completed.stdout)


def load_seconds(names: list[str], runs: int) -> dict[str, list[float]]:
    """Seconds of each `ff.load(name)` in this process (pandas already imported)."""
    import ffanalysis as ff

    times: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(runs):
        for name in names:
            started = time.perf_counter()
            ff.load(name)
            times[name].append(time.perf_counter() - started)
    return times


def import_load_section(runs: int, scratch: Path) -> Section:
    note("import and load")
    probes = {
        "`import ffanalysis`": "",
        "`import ffanalysis` then `ffanalysis.load` (imports pandas)": "; ffanalysis.load",
    }
    imports = {
        label: [import_seconds(touch, scratch) for _ in range(runs)]
        for label, touch in probes.items()
    }
    names = [*TABLES, *REFERENCE_TABLES]
    loads = load_seconds(names, runs)
    rows = [["What", "Runs (s)", "Median (s)"]]
    rows += [
        [label, seconds_text(values, 3), f"{median(values):.3f}"]
        for label, values in imports.items()
    ]
    rows += [
        [f'`ff.load("{name}")`', seconds_text(loads[name], 3), f"{median(loads[name]):.3f}"]
        for name in names
    ]
    total = sum(median(values) for values in loads.values())
    rows.append([f"all {len(names)} tables", "", f"{total:.3f}"])
    imported = median(imports["`import ffanalysis`"])
    target = Target("import ffanalysis", "< 0.3 s", f"{imported:.3f} s", imported < 0.3)
    intro = (
        "Imports in a fresh interpreter (perf_counter around the import); loads of the real "
        "data/clean tables in one process that has imported pandas already."
    )
    return Section("Import and load", intro, rows, [target])


# --- scale: validate and clean on synthetic data -------------------------------------------


SYNTHETIC_CHOICES = {
    "metric": vocab.METRIC,
    "side": vocab.SIDE_2022,
    "claimant_type": vocab.CLAIMANT_TYPE,
    "unit": vocab.UNIT,
}
"""Claim columns drawn from the vocabulary: no row rule ties them to another column."""


def synthetic_data(folder: Path, rows: int, seed: int = 2022) -> Path:
    """A data folder with the real raw tables, except claims.csv: `rows` claim rows (and no
    corrections to the real claims they replace).

    Each row copies a random real claim, so its source, locator and quote still pass the
    verbatim check and its qualifier still fits its values; it gets a unique claim_id and a
    metric, side, claimant type and unit drawn from the vocabularies.
    """
    data_dir = folder / "data"
    shutil.copytree(paths.raw_dir(DATA_DIR), paths.raw_dir(data_dir))
    claims = paths.raw_dir(data_dir) / "claims.csv"
    with claims.open(encoding="utf-8", newline="") as handle:
        real = list(csv.DictReader(handle))
    chooser = random.Random(seed)
    choices = {column: list(values) for column, values in SYNTHETIC_CHOICES.items()}
    with claims.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(real[0]), lineterminator="\n")
        writer.writeheader()
        for number in range(1, rows + 1):
            row = dict(chooser.choice(real), claim_id=f"S{number:07d}")
            row.update({column: chooser.choice(values) for column, values in choices.items()})
            row.update(
                counts=_usual_counts(row["metric"], row["unit"]),
                echo_of="",
                distinct_from=f"S{number - 1:07d}" if number > 1 else "",
            )
            writer.writerow(row)
    _drop_corrections_to(paths.raw_dir(data_dir) / "corrections.csv", "claims")
    return data_dir


def _drop_corrections_to(log: Path, table: str) -> None:
    """The corrections log less its rows about `table`, whose real rows were replaced."""
    with log.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        kept = [row for row in reader if row["table"] != table]
        fieldnames = reader.fieldnames or []
    with log.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)


def _usual_counts(metric: str, unit: str) -> str:
    """The kind of count a drawn metric and unit make (copies are checked statements apart)."""
    kinds = vocab.METRIC_COUNTS[metric]
    return kinds[0] if kinds and unit == "persons" else "not_people"


@dataclass
class ScaleTimes:
    validate: dict[int, list[float]] = field(default_factory=dict)
    clean: dict[int, list[float]] = field(default_factory=dict)

    def both(self, rows: int) -> float:
        return median(self.validate[rows]) + median(self.clean[rows])


def measure_scale(sizes: tuple[int, ...], runs: int, scratch: Path) -> ScaleTimes:
    """`ffanalysis validate` and `clean` (into an emptied clean/) per synthetic size."""
    shared = paths.default_shared_dir(DATA_DIR)
    times = ScaleTimes()
    for rows in sizes:
        note(f"scale: {rows:,} claim rows")
        data_dir = synthetic_data(scratch / f"scale-{rows}", rows)
        folders = ("--data-dir", data_dir, "--shared-dir", shared)
        times.validate[rows], times.clean[rows] = [], []
        for _ in range(runs):
            times.validate[rows].append(run_command([*FFANALYSIS, "validate", *folders]))
            shutil.rmtree(paths.clean_dir(data_dir), ignore_errors=True)
            times.clean[rows].append(run_command([*FFANALYSIS, "clean", *folders]))
    return times


def step_costs(times: ScaleTimes) -> list[float]:
    """Seconds per 1k extra rows (validate + clean) from each size to the next."""
    sizes = sorted(times.validate)
    return [
        (times.both(larger) - times.both(smaller)) / (larger - smaller) * 1000
        for smaller, larger in itertools.pairwise(sizes)
    ]


def scale_section(times: ScaleTimes) -> Section:
    sizes = sorted(times.validate)
    costs = step_costs(times)
    rows = [
        [
            "Claim rows",
            "validate (s)",
            "clean (s)",
            "validate + clean (s)",
            "s per 1k rows",
            "s per 1k extra rows since previous size",
        ]
    ]
    for size, step in zip(sizes, ["", *(f"{cost:.3f}" for cost in costs)], strict=True):
        validate, clean = median(times.validate[size]), median(times.clean[size])
        both = validate + clean
        rows.append(
            [
                f"{size:,}",
                f"{validate:.2f}",
                f"{clean:.2f}",
                f"{both:.2f}",
                f"{both / size * 1000:.3f}",
                step,
            ]
        )
    largest = sizes[-1]
    intro = (
        "Synthetic data folders: the real raw tables, with claims.csv replaced by N rows that "
        "copy random real claims (source, locator and quote kept, so the verbatim check still "
        "passes) under unique ids, with metric, side, claimant type and unit drawn from the "
        "vocabularies; the shared folder is the real ../shared. Each command is a fresh "
        "`ffanalysis` process, start-up included; `clean` validates again and writes clean/. "
        f"Medians of the runs. Growth is linear when the last step's cost per 1k extra rows is "
        f"at most {LINEAR_TOLERANCE} x the step before's."
    )
    targets = [
        Target(
            f"validate + clean, {largest:,} rows",
            "< 5 s",
            f"{times.both(largest):.2f} s",
            times.both(largest) < 5,
        ),
        growth_target(costs),
    ]
    return Section("Scale: validate and clean", intro, rows, targets)


def growth_target(costs: list[float]) -> Target:
    """Linear growth: the last step costs per row about what the step before did."""
    name, goal = "validate + clean grows linearly", f"last/previous step cost ≤ {LINEAR_TOLERANCE}"
    if len(costs) < 2 or costs[-2] <= 0:
        return Target(name, goal, "needs three sizes, the middle step positive", None)
    growth = costs[-1] / costs[-2]
    measured = f"{growth:.2f} ({costs[-1]:.3f} vs {costs[-2]:.3f} s per 1k rows)"
    return Target(name, goal, measured, growth <= LINEAR_TOLERANCE)


# --- the results file ----------------------------------------------------------------------


def source_fingerprint() -> str:
    """A short sha256 of the package, notebooks and raw data, to tell which code was measured
    and to show when it changed during the run."""
    digest = hashlib.sha256()
    for pattern in MEASURED_SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def versions() -> str:
    found = []
    for package in PACKAGES:
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package} (not installed)")
    return ", ".join(found)


def environment(
    settings: Settings, started: datetime, load_before: float, fingerprints: tuple[str, str]
) -> str:
    mode = "--quick (tiny sizes, one run: not a measurement)" if settings.quick else "full"
    before, after = fingerprints
    changed = (
        [
            f"- **Warning: the sources changed during the run ({before} → {after}); the figures "
            "mix code versions.**"
        ]
        if before != after
        else []
    )
    return "\n".join(
        [
            f"- Date: {started.isoformat(timespec='seconds')}",
            f"- Sources measured (sha256 of {', '.join(MEASURED_SOURCES)}): {before}",
            *changed,
            f"- Mode: {mode}; runs per timing: {settings.runs}",
            f"- Machine: os.cpu_count() = {os.cpu_count()}; {platform.platform()}",
            f"- Load average (1 min) at start / end: {load_before:.2f} / {os.getloadavg()[0]:.2f}",
            f"- Python {platform.python_version()} ({sys.executable})",
            f"- Packages: {versions()}",
        ]
    )


def summary_section(sections: list[Section]) -> Section:
    rows = [["Target", "Goal", "Measured", "Result"]]
    rows += [
        [target.name, target.goal, target.measured, target.verdict]
        for section in sections
        for target in section.targets
    ]
    return Section("Targets", "", rows)


def render(section: Section) -> str:
    parts = [f"## {section.title}", section.intro, markdown_table(section.rows)]
    return "\n\n".join(part for part in parts if part)


def profile_notes() -> str:
    """The hand-written profile of the missed targets (benchmarks/PROFILE.md)."""
    return PROFILE_NOTES.read_text(encoding="utf-8").strip()


def document(header: str, sections: list[Section], elapsed: float) -> str:
    title = "# Benchmarks\n\nWritten by `python benchmarks/run.py`"
    title += f" in {elapsed / 60:.1f} min; the profile findings come from benchmarks/PROFILE.md."
    body = [render(summary_section(sections)), *(render(section) for section in sections)]
    notes = f"## Profile findings\n\n{profile_notes()}"
    return "\n\n".join([title, header, *body, notes]) + "\n"


# --- the command ---------------------------------------------------------------------------


def parse_settings(argv: list[str] | None) -> tuple[Settings, Path]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run (for tests)")
    parser.add_argument("--runs", type=int, help="runs per timing (default 3; 1 with --quick)")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md", help="results file")
    arguments = parser.parse_args(argv)
    runs = arguments.runs or (1 if arguments.quick else 3)
    if runs < 1:
        parser.error("--runs must be at least 1")
    if arguments.quick:
        return Settings(runs, 1, (1,), (50, 100, 200), quick=True), arguments.output
    full = Settings(runs, None, (1, 5, 20, None), (1_000, 10_000, 50_000, 100_000), quick=False)
    return full, arguments.output


def measure(settings: Settings, scratch: Path) -> list[Section]:
    """Every section, in the order they are written."""
    codes, _ = country_pages(DATA_DIR)
    builds = measure_builds(settings.runs, settings.baseline_chapters, scratch)
    fan_out = measure_fan_out(codes, settings.country_counts, scratch)
    imports_and_loads = import_load_section(settings.runs, scratch)
    scale = measure_scale(settings.claim_rows, settings.runs, scratch)
    return [
        cold_build_section(builds),
        rebuild_section(builds),
        fan_out_section(fan_out, len(codes)),
        imports_and_loads,
        scale_section(scale),
        page_weights_section([builds.report.parent, *sorted(scratch.glob("fan-out-*"))]),
    ]


def main(argv: list[str] | None = None) -> int:
    settings, output = parse_settings(argv)
    started = datetime.now().astimezone()
    clock = time.perf_counter()
    load_before = os.getloadavg()[0]
    fingerprint = source_fingerprint()
    with tempfile.TemporaryDirectory(prefix="ffanalysis-bench-") as scratch:
        try:
            sections = measure(settings, Path(scratch))
        except BenchmarkError as error:
            print(f"benchmark failed: {error}", file=sys.stderr)
            return 1
    header = environment(settings, started, load_before, (fingerprint, source_fingerprint()))
    text = document(header, sections, time.perf_counter() - clock)
    output.write_text(text, encoding="utf-8")
    print(text)
    note(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
