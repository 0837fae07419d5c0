"""The layers stay in order and never loop: core -> render -> cli.

Every `import` in every module counts, also the ones inside functions (they still run, and a cycle
hidden behind one breaks the day someone moves it up). Importing `a.b.c` also runs `a.b`'s
`__init__`, so a module depends on its parent packages too.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import plnjournal

PACKAGE = Path(plnjournal.__file__).parent
TOP = ("plnjournal.cli", "plnjournal.__main__")  # the command line: may import anything
RENDER = "plnjournal.render"
THIRD_PARTY_UI = ("typer", "click", "rich")  # only the command line and render may use these


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_names(path: Path) -> set[str]:
    """Every module an import statement in `path` names (`from a import b`: `a.b` when b is a
    module, else `a`), wherever the statement sits."""
    known = modules()
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: imports are absolute (from plnjournal.x import y)"
            base = node.module or ""
            for alias in node.names:
                names.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return names


def parents(name: str) -> set[str]:
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(2, len(parts))}


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module -> the plnjournal modules importing it runs (parent packages included)."""
    known = modules()
    return {
        name: frozenset(
            target
            for imported in imported_names(path)
            for target in {imported, *parents(imported)}
            if target in known and target != name
        )
        | frozenset(parents(name))
        for name, path in known.items()
    }


def layer(name: str) -> int:
    if name.startswith(TOP):
        return 2
    return 1 if name == RENDER or name.startswith(RENDER + ".") else 0


def test_no_module_imports_a_higher_layer() -> None:
    wrong = [
        f"{name} imports {target}"
        for name, targets in graph().items()
        for target in sorted(targets)
        if layer(target) > layer(name)
    ]
    assert wrong == [], "core -> render -> cli only:\n" + "\n".join(wrong)


def test_core_uses_no_terminal_library() -> None:
    wrong = [
        f"{name} imports {imported}"
        for name, path in modules().items()
        if layer(name) == 0
        for imported in sorted(imported_names(path))
        if imported.split(".")[0] in THIRD_PARTY_UI
    ]
    assert wrong == [], "typer, click and rich belong to cli/ and render/:\n" + "\n".join(wrong)


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert cycles(edges) == [["a", "b", "c"]]


def test_function_level_imports_count(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from plnjournal.cli import output\n", encoding="utf-8")
    assert "plnjournal.cli.output" in imported_names(source)


CLI = "plnjournal.cli"
CLI_SHARED = frozenset(
    f"{CLI}.{name}"
    for name in (
        "common",  # --format, multi-value options, emit/present/deliver, finish, warn_skipped
        "context",  # the frozen Context on ctx.obj
        "output",  # stdout data, stderr messages
        "prompts",  # asking on a terminal
        "complete",  # shell completion
        "entry_filters",  # the one --from/--to and filter option set
        "privacy",  # --include-private and what it leaves out
        "coercion",  # typed values from the command line
        "scope",  # the journal read into a report's Scope
        "credit_options",  # --pack and --cycle (credits, portfolio)
        "group",  # the error net around every command
        "kept",  # JSON outputs kept in the index (report, list)
    )
)
CLI_APP = frozenset({CLI, f"{CLI}.main"})  # the app: it registers every command


def command_modules() -> list[str]:
    return [
        name
        for name in modules()
        if name.startswith(CLI + ".") and name not in CLI_SHARED and name not in CLI_APP
    ]


def test_a_command_imports_no_other_command() -> None:
    """A command module may import cli's shared modules, never another command: what two commands
    share lives in a shared module (or in core, when it is logic)."""
    wrong = [
        f"{name} imports {target}"
        for name in command_modules()
        for target in sorted(graph()[name])
        if target.startswith(CLI + ".") and target not in CLI_SHARED
    ]
    assert wrong == [], "move what commands share to a shared cli module:\n" + "\n".join(wrong)


def test_shared_cli_modules_import_no_command() -> None:
    wrong = [
        f"{name} imports {target}"
        for name in sorted(CLI_SHARED & set(modules()))
        for target in sorted(graph()[name])
        if target.startswith(CLI + ".") and target not in CLI_SHARED
    ]
    assert wrong == [], "\n".join(wrong)


def test_the_shared_list_names_real_modules() -> None:
    assert set(modules()) >= CLI_SHARED, sorted(CLI_SHARED - set(modules()))
    assert "plnjournal.cli.credits" in command_modules()
