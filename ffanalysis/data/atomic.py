"""Writing a file so that a reader sees the old one or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class NotAFile(OSError):
    """The path to write is a folder, a device or a pipe: nothing is written over it."""


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it over `path`.

    A symbolic link is written through (its target gets the text, the link stays a link); a
    path that is a folder, a device or a pipe is refused with `NotAFile`.
    """
    path = path.resolve() if path.is_symlink() else path
    if path.exists() and not path.is_file():
        raise NotAFile(f"{path} is not a regular file; nothing was written over it")
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        os.chmod(temporary, path.stat().st_mode if path.exists() else 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
