"""One notebook run by hand (`ffanalysis run`), with the build's guards.

papermill alone injects any parameter it is given (a misspelt one only logs a warning, and the
notebook runs on its default), passes `-p as_of 2023` as a number, and runs the kernel in
whatever folder it was called from. Here the parameters must be the notebook's declared ones
and are read as the build reads them, the data is validated and cleaned first, and the kernel
runs in the notebook's folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..data import asof, paths
from ..data.countries import is_single_country
from ..data.problems import ParameterError
from .runs import NOTEBOOKS, Run, declared_parameters

SET_BY_OPTION = {"data_dir": "--data-dir"}
"""Parameters the command sets from an option, as `build` does: never given with -p."""


def find_notebook(name: str) -> Path:
    """The notebook at path `name`, or named `name` (with or without .ipynb) in notebooks/."""
    given = Path(name)
    for path in (given, NOTEBOOKS / given, NOTEBOOKS / given.with_suffix(".ipynb")):
        if path.suffix == ".ipynb" and path.is_file():
            return path.resolve()
    raise ParameterError(f"no notebook {name}: give its path or a name in {NOTEBOOKS}")


def check_parameters(
    notebook: Path, given: list[tuple[str, str]], data_dir: Path
) -> dict[str, str]:
    """The -p NAME VALUE pairs as the notebook's parameters, each checked: declared by its
    `parameters` cell, given once, and read as the build reads it (`as_of` by
    `asof.check_as_of`, `country` a country code, a `*_dir` folder relative to here); and
    `data_dir`, as the build passes it. A profile needs its `country`, as in the build."""
    declared = _declared(notebook)
    parameters: dict[str, str] = {}
    for name, value in given:
        if name not in declared:
            raise ParameterError(
                f"{notebook.name} declares no parameter {name!r}; "
                f"its parameters are {', '.join(declared)}"
            )
        if name in SET_BY_OPTION:
            raise ParameterError(f"give {name} with {SET_BY_OPTION[name]}, not -p")
        if name in parameters:
            raise ParameterError(f"-p {name} is given twice")
        parameters[name] = _read(name, value)
    if "country" in declared and "country" not in parameters:
        raise ParameterError(f"{notebook.name} needs -p country CODE (ISO 3166-1 alpha-3: GBR)")
    if "data_dir" in declared:
        parameters["data_dir"] = str(data_dir.resolve())
    return parameters


def _declared(notebook: Path) -> list[str]:
    try:
        return declared_parameters(notebook)
    except (ValueError, KeyError, TypeError) as error:
        raise ParameterError(f"{notebook} is not a notebook papermill can read ({error})") from None


def _read(name: str, value: str) -> str:
    """One parameter's value, as the build would pass it."""
    if name == "as_of":
        try:
            return asof.check_as_of(value)
        except ParameterError as error:
            raise ParameterError(f"-p as_of: {error}") from None
    if name == "country" and not is_single_country(value):
        raise ParameterError(
            f"-p country: {value!r} is no country code (use ISO 3166-1 alpha-3, such as GBR)"
        )
    if name.endswith("_dir"):
        return str(Path(value).resolve())
    return value


def default_output(notebook: Path) -> Path:
    """reports/runs/NAME.ipynb in the checkout, from any directory."""
    return paths.default_out_dir() / "runs" / notebook.name


def check_output(output: Path, notebook: Path) -> None:
    """Refuse an output that would overwrite the notebook run, or that is a folder."""
    if output.resolve() == notebook.resolve():
        raise ParameterError(f"--output {output} is the notebook itself: give another file")
    if output.is_dir():
        raise ParameterError(f"--output {output} is a folder: give a file, such as run.ipynb")


def run_single(
    notebook: Path,
    parameters: dict[str, str],
    output: Path,
    folders: tuple[Path, Path],
    say: Callable[[str], None] = print,
) -> Path:
    """Validate and clean the data as the build does, then run the notebook in the project's
    kernel, in the notebook's folder, into `output`; return the figures' folder.

    The figures go where `-p figures_dir` says, else beside the output (OUTPUT_figures/).
    Raises DataError, NotebookError or InfrastructureError, as the build does.
    """
    from ..analysis.guards import problems as guard_problems
    from ..data.clean import write_clean
    from .execution import run_notebook
    from .kernels import Kernel

    data_dir, shared_dir = (folder.resolve() for folder in folders)
    say(f"validating and cleaning {paths.raw_dir(data_dir)} ...")
    write_clean(data_dir, shared_dir, guard_problems)
    figures = Path(parameters.get("figures_dir") or output.with_name(f"{output.stem}_figures"))
    figures.mkdir(parents=True, exist_ok=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    run = Run(notebook, notebook.stem, parameters)
    say(f"running {notebook.name} ...")
    with Kernel(notebook.parent) as kernel:
        run_notebook(run, output, figures, kernel)
    return figures.resolve()
