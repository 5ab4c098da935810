"""What a build did, for a scheduler to read: a JSON summary written by `build --summary FILE`.

Written whether the build succeeded or not: the as-of date, the fingerprint of the inputs, each
run's status (ran, cached or failed) and seconds, the countries asked for that have too little
for a page, the files published, and a failure's message
(for a notebook, which notebook and cell raised what).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..data.atomic import write_atomically

STATUS_OF_EXIT = {0: "ok", 1: "data", 2: "usage", 3: "machine", 4: "notebook", 130: "interrupted"}
STATUS_OF_EXIT[143] = "terminated"


@dataclass
class Summary:
    """Filled in by `build` as it goes; `write` adds how the command ended."""

    as_of: str = ""
    inputs: str | None = None
    """`runs.inputs_fingerprint` of what the build read."""
    nothing_changed: bool = False
    runs: list[dict[str, object]] = field(default_factory=list)
    too_little: list[str] = field(default_factory=list)
    """Countries asked for by code that get no page, having too little for one (the report lists
    them); left empty when the build stops early because none of its inputs changed."""
    published: list[str] = field(default_factory=list)
    """The published files, relative to the output folder."""
    failure: str | None = None

    def ran(self, name: str, status: str, seconds: float | None = None) -> None:
        self.runs.append({"name": name, "status": status, "seconds": seconds})

    def write(self, path: Path, exit_code: int) -> None:
        document = {
            "status": STATUS_OF_EXIT.get(exit_code, "failed"),
            "exit_code": exit_code,
            **asdict(self),
        }
        write_atomically(path, json.dumps(document, indent=1) + "\n")
