"""The package's modules import each other without cycles, type-only imports included, and no
module takes the name of a standard-library module."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ffanalysis"


def imported_modules(path: Path) -> set[str]:
    """The package modules `path` imports anywhere in it (in functions and TYPE_CHECKING too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ffanalysis"):
            parts = (node.module or "").split(".")
            found |= {parts[1]} if len(parts) > 1 else {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {
                alias.name.split(".")[1]
                for alias in node.names
                if alias.name.startswith("ffanalysis.")
            }
    return {name.split(".")[0] for name in found}


def import_graph() -> dict[str, set[str]]:
    modules = {path.stem: path for path in PACKAGE.glob("*.py")}
    return {name: imported_modules(path) & set(modules) - {name} for name, path in modules.items()}


def cycle_through(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A chain of imports from `start` back to itself, if there is one."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, chain = stack.pop()
        for imported in sorted(graph[module]):
            if imported == start:
                return [*chain, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*chain, imported]))
    return None


def test_no_module_imports_itself_through_others() -> None:
    graph = import_graph()
    cycles = [cycle for name in graph if (cycle := cycle_through(graph, name))]
    assert cycles == [], " ; ".join(" -> ".join(cycle) for cycle in cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle_through({"a": {"b"}, "b": {"c"}, "c": {"a"}}, "a") == ["a", "b", "c", "a"]
    assert cycle_through({"a": {"b"}, "b": set()}, "a") is None


def test_no_module_is_named_like_a_standard_library_module() -> None:
    names = {path.stem for path in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    assert names & sys.stdlib_module_names == set()


def test_the_findings_do_not_depend_on_the_charts() -> None:
    """A finding is computed once, in `findings`; a chart may state it, never the reverse."""
    assert "charts" not in import_graph()["findings"]
