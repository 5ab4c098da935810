"""A problem found in a data file, located so that an editor can jump to it."""

import os
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

FILE_LEVEL = "(file)"
"""The column name used when a problem concerns the whole file."""


@dataclass(frozen=True, order=True)
class Problem:
    """`path:line: column: message`, with `line` the physical line (the header is line 1)."""

    path: Path
    line: int
    column: str
    message: str
    secondary: bool = field(default=False, compare=False)
    """A consequence of any other problem on the same row; reported only when alone."""

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}: {self.column}: {self.message}"


class DataError(Exception):
    """Raised when data does not pass validation; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


class BuildError(Exception):
    """A build that could not finish; the message names what failed and where to look."""


class NotebookError(BuildError):
    """A notebook failed: a cell raised, or it does not declare a parameter it is given."""


class InfrastructureError(BuildError):
    """The machine failed the build (a kernel died or could not start, the data changed under
    it, the package is incomplete): the same build may well pass when run again."""


class ParameterError(ValueError):
    """A parameter that is wrong before anything runs (exit code 2)."""


def line_number(label: Hashable) -> int:
    """A raw frame's index label as the physical line it is (raw frames are indexed by line)."""
    return int(cast(int, label))
