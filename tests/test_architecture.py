"""The package's folders are its layers: each imports only from itself and the layers below,
no module imports itself through others (type-only imports included), and no module takes the
name of a standard-library module."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ffanalysis"

LAYERS = ("data", "analysis", "presentation", "publishing")
"""Bottom to top: the data contract, what the data says, how it is shown, how it is built."""

TOP = {"__init__", "__main__", "cli"}
"""The package's front: the lazy `ff` API and the command line, above every layer."""


def module_name(path: Path) -> str:
    """'data.schema' for ffanalysis/data/schema.py, 'cli' for ffanalysis/cli.py."""
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The package modules `path` imports anywhere in it (in functions and TYPE_CHECKING too)."""
    package = module_name(path).split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            named = node.module.split(".") if node.module else []
            if node.level:
                parts = package[: len(package) - node.level + 1] + named
            elif named[:1] == ["ffanalysis"]:
                parts = named[1:]
            else:
                continue
            dotted = ".".join(parts)
            found |= (
                {dotted} if dotted in modules else {".".join([*parts, a.name]) for a in node.names}
            )
        elif isinstance(node, ast.Import):
            found |= {
                alias.name.removeprefix("ffanalysis.")
                for alias in node.names
                if alias.name.startswith("ffanalysis.")
            }
    return found & modules


def import_graph() -> dict[str, set[str]]:
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    modules = set(paths)
    return {name: imported_modules(path, modules) - {name} for name, path in paths.items()}


def layer(module: str) -> int:
    """A module's height: its layer's place in LAYERS, above them all for the front."""
    first = module.split(".")[0]
    return LAYERS.index(first) if first in LAYERS else len(LAYERS)


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{module} -> {imported}"
        for module, imported_set in sorted(graph.items())
        for imported in sorted(imported_set)
        if layer(imported) > layer(module)
    ]


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


def test_every_module_lives_in_a_layer_or_at_the_front() -> None:
    outside = {
        name for name in import_graph() if name.split(".")[0] not in LAYERS and name not in TOP
    }
    assert outside == set()
    folders = {path.name for path in PACKAGE.iterdir() if path.is_dir()} - {"__pycache__"}
    assert folders == set(LAYERS)


def test_the_layers_import_only_downward() -> None:
    assert upward_imports(import_graph()) == []


def test_an_upward_import_is_found() -> None:
    graph = {"data.schema": {"analysis.findings"}, "analysis.findings": {"data.schema"}}
    assert upward_imports(graph) == ["data.schema -> analysis.findings"]
    assert upward_imports({"cli": {"publishing.build"}, "publishing.build": {"data.paths"}}) == []


def test_the_graph_sees_relative_absolute_and_function_level_imports() -> None:
    graph = import_graph()
    assert "data.schema" in graph["data.validation"]  # from .schema import ...
    assert "data.loading" in graph["analysis.provenance"]  # from ..data.loading import ...
    assert graph["__init__"] == set()  # its API is imported by name, lazily


def test_no_module_imports_itself_through_others() -> None:
    graph = import_graph()
    cycles = [cycle for name in graph if (cycle := cycle_through(graph, name))]
    assert cycles == [], " ; ".join(" -> ".join(cycle) for cycle in cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle_through({"a": {"b"}, "b": {"c"}, "c": {"a"}}, "a") == ["a", "b", "c", "a"]
    assert cycle_through({"a": {"b"}, "b": set()}, "a") is None


def test_no_module_is_named_like_a_standard_library_module() -> None:
    names = {path.stem for path in PACKAGE.rglob("*.py")} - {"__init__", "__main__"}
    assert names & sys.stdlib_module_names == set()


def test_the_findings_do_not_depend_on_the_charts() -> None:
    """A finding is computed once, in `findings`; a chart may state it, never the reverse."""
    assert "presentation.charts" not in import_graph()["analysis.findings"]
