"""Docs that cannot drift: every `pln` command and subcommand is in the README, and no module
grows past 400 lines (a module that long holds more than one idea)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

import plnjournal
from plnjournal.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400


def command_paths(command: Any, prefix: str = "pln") -> list[str]:
    """'pln log', 'pln list', 'pln config set', ... for every command the app has, hidden ones left out."""
    if not hasattr(command, "commands"):  # a command, not a group of them
        return [prefix]
    paths = [prefix] if prefix != "pln" else []
    for name, sub in sorted(command.commands.items()):
        if not sub.hidden:
            paths += command_paths(sub, f"{prefix} {name}")
    return paths


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = command_paths(typer.main.get_command(app))
    assert len(paths) > 10  # the walk found the commands
    missing = [path for path in paths if f"`{path}" not in readme and f"$ {path}" not in readme]
    assert missing == [], "commands the README does not show: " + ", ".join(missing)


def test_no_module_is_over_400_lines() -> None:
    package = Path(plnjournal.__file__).parent
    long = {
        str(path.relative_to(package)): lines
        for path in package.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
