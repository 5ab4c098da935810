"""Publishing a build: under a lock, each file by an atomic rename, the report last.

The manifest in the output folder records what the last build published, the key of its pages
and the fingerprint of its inputs (`runs`), so that the next build can tell whether anything
changed. A failed build publishes nothing and keeps its executed notebooks in OUT/failed.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..data.atomic import write_atomically


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


LEFTOVERS = (".staging-*", ".cache/.incoming-*", ".cache/.stale-*")
"""What a build killed before it could tidy up leaves in the output folder."""


def remove_leftovers(out: Path) -> None:
    """Remove the staging and half-stored cache folders of builds that were killed; call it
    holding the lock (`exclusive`), so that no running build owns them."""
    for pattern in LEFTOVERS:
        for folder in out.glob(pattern):
            shutil.rmtree(folder, ignore_errors=True)


MANIFEST = ".published.json"
"""What the last build published into the output folder: its files, the key of its pages
(`site_key`) and the fingerprint of its inputs (`inputs_fingerprint`)."""


def published_files(out: Path, **expected: str) -> list[Path] | None:
    """The files the last build published, if they are all there as it wrote them (their
    sha256 as the manifest records it) and its manifest records the `expected` values
    (`key=...`, `inputs=...`); None otherwise: a page edited or damaged since is rebuilt."""
    recorded = _read_manifest(out)
    files = [out / name for name in recorded["files"]]
    current = (
        files
        and all(recorded[name] == value for name, value in expected.items())
        and all(path.is_file() for path in files)
        and _digests(out, recorded["files"]) == recorded["digests"]
    )
    return files if current else None


def _digests(out: Path, names: list[str]) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in names}


def _read_manifest(out: Path) -> dict:
    """The manifest, or an empty one when there is none, it cannot be read, or it names a file
    outside `out` (a publish removes the files the last one listed: only its own)."""
    empty: dict = {"key": None, "inputs": None, "files": [], "digests": {}}
    try:
        recorded = json.loads((out / MANIFEST).read_text())
        manifest = {
            "key": recorded["key"],
            "inputs": recorded.get("inputs"),
            "files": [str(name) for name in recorded["files"]],
            "digests": dict(recorded.get("digests") or {}),
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return empty
    inside = all(_inside(out, name) for name in manifest["files"])
    return manifest if inside else empty


def _inside(out: Path, name: str) -> bool:
    """Whether `name` is a relative path that stays inside `out`, links resolved."""
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return False
    root = out.resolve()
    return root in (out / relative).resolve().parents


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
    _write_json(
        out / MANIFEST,
        {"key": key, "inputs": inputs, "files": files, "digests": _digests(out, files)},
    )
    return [out / relative for relative in staged]


def record_inputs(out: Path, inputs: str) -> None:
    """Note in the manifest that other inputs gave the same pages, so the next build with
    these inputs can stop early too."""
    _write_json(out / MANIFEST, {**_read_manifest(out), "inputs": inputs})


def _write_json(path: Path, value: object) -> None:
    write_atomically(path, json.dumps(value, indent=1))


def keep_failures(staging: Path, out: Path) -> Path:
    """Keep the executed notebooks of a failed build for debugging, outside the report; the
    staging folder goes however that ends (a full disk may refuse the copy)."""
    kept = out / "failed"
    notebooks = staging / "notebooks"
    try:
        if notebooks.is_dir():
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(notebooks, kept)
    except OSError:
        shutil.rmtree(kept, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return kept


SPACE_FLOOR = 100 * 2**20
"""Bytes a first build needs at least: its staging folder, its cache entries, its pages."""


def check_free_space(out: Path) -> None:
    """Stop before running anything when `out`'s disk cannot hold a build: three times what the
    last build published (staged, cached, published), or SPACE_FLOOR for a first build."""
    last = sum(
        (out / name).stat().st_size
        for name in _read_manifest(out)["files"]
        if (out / name).is_file()
    )
    needed = max(SPACE_FLOOR, 3 * last)
    free = shutil.disk_usage(out).free
    if free < needed:
        raise OSError(
            errno.ENOSPC,
            f"only {_megabytes(free)} free, a build needs about {_megabytes(needed)}",
            str(out),
        )


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"
