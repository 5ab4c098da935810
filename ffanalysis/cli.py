"""The `ffanalysis` command line.

Exit codes: 0 success, 1 the data has problems (each printed as `path:line: column: message`),
2 the command itself was wrong (unknown option, missing folder), 3 the machine failed (a file
it cannot read or write, a full disk, a kernel that died: run it again), 4 a notebook failed,
130 interrupted (Ctrl-C), 141 the reader of the output went away (`ffanalysis validate |
head -1`), 143 terminated (SIGTERM, as a scheduler's timeout sends it). A build stopped by
either signal stops its kernels, removes its staging folder and leaves the report as it was.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
from pathlib import Path

from . import __version__
from .data import paths

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
EXIT_SYSTEM, EXIT_NOTEBOOK = 3, 4
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE, EXIT_TERMINATED = 130, 141, 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so a build unwinds as it does on Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


WHAT_TO_DO = {
    errno.ENOSPC: "free some space, or choose another folder, and run it again",
    errno.EDQUOT: "free some space, or choose another folder, and run it again",
    errno.EACCES: "fix its permissions, or use a path you may use",
    errno.EPERM: "fix its permissions, or use a path you may use",
    errno.EROFS: "choose a folder on a disk that is not read-only",
}
"""What to do about the machine's refusals a user can fix; any other: run it again."""


def machine_failure(error: OSError) -> str:
    """One line for an error of the machine: the path, what went wrong, what to do."""
    where = f"{error.filename}: " if error.filename else ""
    advice = WHAT_TO_DO.get(error.errno or 0, "run it again once that is fixed")
    return f"{where}{error.strerror or error} ({advice})"


class UsageError(Exception):
    """A mistake in how the command was called; reported in one line, exit 2."""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        return arguments.run(arguments)
    except UsageError as error:
        print(f"ffanalysis: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except Terminated:
        print("ffanalysis: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("ffanalysis: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader stopped reading (`| head`): say nothing more, and let Python's own flush
        # at exit write into nothing rather than fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as error:  # the machine, not the data: a permission, a full disk
        print(f"ffanalysis: error: {machine_failure(error)}", file=sys.stderr)
        return EXIT_SYSTEM
    finally:
        signal.signal(signal.SIGTERM, previous)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ffanalysis",
        description="Validate, clean and analyse the source-cited tables of foreign volunteers "
        "in the Russia-Ukraine war.",
        epilog="Exit codes: 0 success, 1 problems in the data, 2 wrong usage, 3 the machine "
        "failed (run it again), 4 a notebook failed, 130 interrupted, 141 output closed early, "
        "143 terminated.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check data/raw and list every problem",
        description="Check every table of DIR/raw; print each problem as "
        "path:line: column: message and exit 1, or print one summary line and exit 0.",
    )
    _add_data_options(validate)
    validate.set_defaults(run=_validate)

    clean = commands.add_parser(
        "clean",
        help="validate, then write the typed tables of data/clean",
        description="Validate DIR/raw and, only if it passes, write DIR/clean (each file "
        "atomically; unchanged files are left alone). A failing run changes nothing.",
    )
    _add_data_options(clean)
    clean.set_defaults(run=_clean)

    build = commands.add_parser(
        "build",
        help="validate, clean, run the notebooks and publish the report",
        description="Validate and clean the data, execute every chapter (and one country "
        "profile per country) with papermill, and publish report.html, the country pages, the "
        "figures and the executed notebooks into --out. Unchanged runs are reused from the "
        "cache in OUT/.cache. A failure publishes nothing and keeps the failed notebooks in "
        "OUT/failed.",
    )
    build.add_argument(
        "--as-of",
        metavar="DATE",
        default="",
        help="only figures stated by DATE (2023-06-30, 2023-06 or 2023, as in the notebooks); "
        "default: everything",
    )
    build.add_argument(
        "--countries",
        metavar="ISO3,...|all",
        default="",
        help="country "
        "profiles to build: ISO 3166-1 alpha-3 codes, or 'all' (every country "
        "with a figure); those with too little for a page are listed in the report instead; "
        "default: none",
    )
    build.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=None,
        help="where to publish (default: the checkout's reports/, from any directory)",
    )
    build.add_argument(
        "--jobs",
        metavar="N",
        type=int,
        default=os.cpu_count() or 1,
        help="notebooks run at once (default: the number of cores)",
    )
    build.add_argument("--force", action="store_true", help="run every notebook, even unchanged")
    build.add_argument(
        "--quiet", action="store_true", help="print nothing unless something goes wrong"
    )
    build.add_argument(
        "--summary",
        metavar="FILE",
        type=Path,
        default=None,
        help="write a JSON summary for a scheduler: status, exit code, each run's status and "
        "seconds, the files published, a failure's message (written however the build ends)",
    )
    _add_data_options(build)
    build.set_defaults(run=_build)

    run = commands.add_parser(
        "run",
        help="run one notebook, with the build's checks",
        description="Validate and clean the data as `build` does, then run NOTEBOOK once with "
        "papermill, in the project's kernel and the notebook's folder. Only the parameters "
        "its 'parameters' cell declares may be given, read as the build reads them (as_of a "
        "date, country an ISO 3166-1 alpha-3 code); data_dir comes from --data-dir.",
        epilog="Example: ffanalysis run country_profile -p country GBR -p as_of 2023-06. "
        "Exit codes as for build: 1 data, 2 usage, 3 machine, 4 the notebook failed.",
    )
    run.add_argument(
        "notebook",
        metavar="NOTEBOOK",
        help="a notebook's path, or its name in notebooks/ (country_profile)",
    )
    run.add_argument(
        "-p",
        "--parameter",
        dest="parameters",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a declared parameter (repeat for more)",
    )
    run.add_argument(
        "--output",
        metavar="FILE",
        type=Path,
        default=None,
        help="the executed notebook (default: the checkout's reports/runs/NOTEBOOK.ipynb; "
        "never the notebook itself); figures go to FILE_figures/ unless -p figures_dir says",
    )
    _add_data_options(run)
    run.set_defaults(run=_run)

    audit = commands.add_parser(
        "audit",
        help="list how many rows cite each evidence file, by table",
        description="Count the clean tables' rows per evidence file and table, so that a "
        "source nobody has curated stands out (run `clean` first).",
    )
    _add_data_options(audit)
    audit.set_defaults(run=_audit)

    diff = commands.add_parser(
        "diff",
        help="list the rows added, changed and retracted between two vintages of the data",
        description="Compare two vintages of data/clean: each an as-of date (2023, 2023-06, "
        "2023-06-30: the current data cut to the rows stated by then) or a git revision (a "
        "commit, a tag, HEAD~3: the clean tables as committed). List every row added, changed "
        "(column by column) or retracted, and the report's key findings that moved.",
    )
    diff.add_argument("before", metavar="OLD", help="the earlier vintage: a date or a revision")
    diff.add_argument(
        "after",
        metavar="NEW",
        nargs="?",
        default=None,
        help="the later vintage (default: the current data)",
    )
    _add_data_options(diff)
    diff.set_defaults(run=_diff)

    dictionary = commands.add_parser(
        "dictionary",
        help="print (or write) the data dictionary generated from the schema",
        description="Print the data dictionary generated from the schema, or write it to FILE.",
    )
    dictionary.add_argument(
        "--write",
        metavar="FILE",
        type=Path,
        help="write to FILE (e.g. docs/data_dictionary.md) instead of printing",
    )
    dictionary.set_defaults(run=_dictionary)
    return parser


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=None,
        help="folder holding raw/ and clean/ (default: the checkout's data/, "
        f"or ${paths.DATA_DIR_VARIABLE})",
    )
    parser.add_argument(
        "--shared-dir",
        metavar="DIR",
        type=Path,
        default=None,
        help="folder holding the evidence files sources/ and reference/ (default: shared/ "
        f"beside the checkout, or ${paths.SHARED_DIR_VARIABLE})",
    )


def _folders(arguments: argparse.Namespace) -> tuple[Path, Path]:
    data_dir = arguments.data_dir or paths.default_data_dir()
    shared_dir = arguments.shared_dir or paths.default_shared_dir(data_dir)
    if not paths.raw_dir(data_dir).is_dir():
        raise UsageError(f"no raw/ folder in the data directory {data_dir}")
    if not shared_dir.is_dir():
        raise UsageError(f"the shared evidence folder {shared_dir} does not exist (--shared-dir)")
    return data_dir, shared_dir


def _report_problems(problems: list) -> int:
    for problem in problems:
        print(problem)
    files = len({problem.path for problem in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"{len(problems)} {noun} in {files} file(s); nothing was written", file=sys.stderr)
    return EXIT_DATA


def _validate(arguments: argparse.Namespace) -> int:
    from .analysis.guards import problems as guard_problems
    from .data.clean import clean_tables
    from .data.validation import check_data

    data_dir, shared_dir = _folders(arguments)
    tables, problems = check_data(data_dir, shared_dir)
    if not problems:
        problems = guard_problems(tables, clean_tables(tables, shared_dir), data_dir)
    if problems:
        return _report_problems(problems)
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in tables.items())
    print(f"ok: {sum(map(len, tables.values()))} rows valid ({counts})")
    return EXIT_OK


def _clean(arguments: argparse.Namespace) -> int:
    from .analysis.guards import problems as guard_problems
    from .data.clean import write_clean
    from .data.problems import DataError, display_path

    data_dir, shared_dir = _folders(arguments)
    try:
        changed = write_clean(data_dir, shared_dir, guard_problems)
    except DataError as error:
        return _report_problems(error.problems)
    for path in changed:
        print(f"{'wrote' if path.exists() else 'removed'} {display_path(path)}")
    target = display_path(paths.clean_dir(data_dir))
    print(f"ok: {target} is up to date ({len(changed)} file(s) changed)")
    return EXIT_OK


def _build(arguments: argparse.Namespace) -> int:
    """The build, and its summary for a scheduler (`--summary`) however it ends."""
    from .publishing.summary import Summary

    summary = Summary()
    code = EXIT_NOTEBOOK
    try:
        code = _run_build(arguments, summary)
        return code
    except UsageError as error:
        code, summary.failure = EXIT_USAGE, str(error)
        raise
    except Terminated:
        code, summary.failure = EXIT_TERMINATED, "terminated"
        raise
    except KeyboardInterrupt:
        code, summary.failure = EXIT_INTERRUPTED, "interrupted"
        raise
    except OSError as error:
        code, summary.failure = EXIT_SYSTEM, machine_failure(error)
        raise
    finally:
        if arguments.summary is not None:
            summary.write(arguments.summary, code)


def _run_build(arguments: argparse.Namespace, summary) -> int:
    from .data.problems import BuildError, DataError, InfrastructureError, ParameterError
    from .publishing.build import build, check_as_of, check_countries, progress
    from .publishing.runs import Options

    data_dir, shared_dir = _folders(arguments)
    if arguments.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    try:
        options = Options(
            as_of=check_as_of(arguments.as_of),
            countries=check_countries(arguments.countries),
            out=arguments.out or paths.default_out_dir(),
            jobs=arguments.jobs,
            force=arguments.force,
            data_dir=data_dir,
            shared_dir=shared_dir,
        )
    except ParameterError as error:
        raise UsageError(str(error)) from None
    try:
        build(options, say=_quiet if arguments.quiet else progress, summary=summary)
    except ParameterError as error:
        raise UsageError(str(error)) from None
    except DataError as error:
        summary.failure = f"{len(error.problems)} problem(s) in the data"
        return _report_problems(error.problems)
    except BuildError as error:
        summary.failure = str(error)
        print(f"ffanalysis: build failed: {error}", file=sys.stderr)
        return EXIT_SYSTEM if isinstance(error, InfrastructureError) else EXIT_NOTEBOOK
    return EXIT_OK


def _run(arguments: argparse.Namespace) -> int:
    """`ffanalysis run`: one notebook, its parameters checked before anything runs."""
    from .data.problems import BuildError, DataError, InfrastructureError, ParameterError
    from .publishing.build import progress
    from .publishing.single_run import (
        check_output,
        check_parameters,
        default_output,
        find_notebook,
        run_single,
    )

    data_dir, shared_dir = _folders(arguments)
    try:
        notebook = find_notebook(arguments.notebook)
        parameters = check_parameters(notebook, arguments.parameters, data_dir)
        output = arguments.output or default_output(notebook)
        check_output(output, notebook)
    except ParameterError as error:
        raise UsageError(str(error)) from None
    try:
        figures = run_single(notebook, parameters, output, (data_dir, shared_dir), progress)
    except DataError as error:
        return _report_problems(error.problems)
    except BuildError as error:
        kept = f"\n  the executed notebook is {output}" if output.is_file() else ""
        print(f"ffanalysis: run failed: {error}{kept}", file=sys.stderr)
        return EXIT_SYSTEM if isinstance(error, InfrastructureError) else EXIT_NOTEBOOK
    print(f"wrote {output} (figures in {figures})")
    return EXIT_OK


def _quiet(message: str) -> None:
    """Progress, not shown: `--quiet` prints only what went wrong."""


def _audit(arguments: argparse.Namespace) -> int:
    from .analysis.audit import coverage
    from .data.schema import TABLES

    data_dir, _ = _folders(arguments)
    missing = [name for name in TABLES if not (paths.clean_dir(data_dir) / f"{name}.csv").is_file()]
    if missing:
        raise UsageError(
            f"no clean tables in {paths.clean_dir(data_dir)} ({', '.join(missing)}): "
            "run `ffanalysis clean` first"
        )
    table = coverage(data_dir)
    print(table.to_string())
    unused = table.index[table["total"] == 0]
    for file in unused:
        print(f"no rows cite {file}", file=sys.stderr)
    return EXIT_DATA if len(unused) else EXIT_OK


def _diff(arguments: argparse.Namespace) -> int:
    from .analysis.vintages import CURRENT, change_lines, diff, moved_findings, summary, vintage
    from .data.problems import ParameterError

    data_dir, _ = _folders(arguments)
    try:
        before = vintage(arguments.before, data_dir)
        after = CURRENT if arguments.after is None else vintage(arguments.after, data_dir)
    except ParameterError as error:
        raise UsageError(str(error)) from None
    changes = diff(before, after, data_dir)
    print(f"From {before.label} to {after.label}:")
    for line in summary(changes) or ["no row was added, changed or retracted"]:
        print(f"  {line}")
    for line in change_lines(changes):
        print(line)
    moved = moved_findings(before, after, data_dir)
    print("Key findings that moved:" if moved else "No key finding moved.")
    for line in moved:
        print(f"  {line}")
    return EXIT_OK


def _dictionary(arguments: argparse.Namespace) -> int:
    from .data.atomic import NotAFile, write_atomically
    from .data.dictionary import data_dictionary

    text = data_dictionary()
    if arguments.write is None:
        sys.stdout.write(text)
        return EXIT_OK
    if not arguments.write.parent.is_dir():
        raise UsageError(f"folder {arguments.write.parent} does not exist")
    try:
        write_atomically(arguments.write, text)
    except NotAFile as error:
        raise UsageError(str(error)) from None
    print(f"wrote {arguments.write}")
    return EXIT_OK
