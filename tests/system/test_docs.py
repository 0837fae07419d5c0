"""Docs that cannot drift: every `pln` command and subcommand is in the README, every path the
README and docs/ name exists, the README's layout tree shows every package, and no module grows
past 400 lines (a module that long holds more than one idea)."""

from __future__ import annotations

import re
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


# A path in the README or docs/: one under the repository's own folders, or a module under the
# package (`cli/coercion.py`). Paths inside a user's journal (people/jane-doe.md) are examples.
REPO_PATH = re.compile(r"(?<![\w./@-])((?:src|tests|docs|benchmarks|examples|\.ci)/[\w./-]*[\w/])")
MODULE_PATH = re.compile(r"(?<![\w./@-])((?:cli|journal|ops|reports|render|git|importing)/[\w/]*\w\.py)\b")
MADE_BY_RUNNING = {"benchmarks/.data/"}  # benchmarks/run.py makes it; git ignores it
PLACEHOLDER = re.compile(r"(?:^|/)[A-Z][A-Z-]+(?:\.\w+)?(?:/|$)")  # docs/NAME.md: any name


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def named_paths(text: str) -> list[tuple[int, str, Path]]:
    """(line, path as written, where it is) for every repository path the text names."""
    found = [(match, ROOT / match[1]) for match in REPO_PATH.finditer(text)]
    found += [(match, ROOT / "src" / "plnjournal" / match[1]) for match in MODULE_PATH.finditer(text)]
    return [(text.count("\n", 0, match.start()) + 1, match[1], path) for match, path in found]


def test_every_path_the_docs_name_exists() -> None:
    missing = [
        f"{doc.relative_to(ROOT)}:{line}: {written}"
        for doc in documents()
        for line, written, path in named_paths(doc.read_text(encoding="utf-8"))
        if written not in MADE_BY_RUNNING and not PLACEHOLDER.search(written) and not path.exists()
    ]
    assert missing == [], "paths that do not exist:\n" + "\n".join(missing)


def test_the_path_finder_finds_a_wrong_path() -> None:
    text = "see `tests/test_html.py`, [notes](docs/nowhere.md), cli/gone.py; people/jane.md is a journal's"
    assert [written for _, written, path in named_paths(text) if not path.exists()] == [
        "tests/test_html.py",
        "docs/nowhere.md",
        "cli/gone.py",
    ]
    assert PLACEHOLDER.search("reports/NAME.py") and not PLACEHOLDER.search("docs/architecture.md")


def layout_tree() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## How the code is laid out\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```\n", 1)[1].split("```", 1)[0]


def test_the_readme_layout_names_every_package_and_test_folder() -> None:
    tree = layout_tree()
    package = Path(plnjournal.__file__).parent
    folders = [p.name for p in package.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))]
    tests = [p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and not p.name.startswith(("_", "."))]
    source, _, after = tree.partition("\ntests/")
    tests_line = after.splitlines()[0]

    def shows(name: str, text: str) -> bool:
        return re.search(rf"(?<![\w/.]){re.escape(name)}/", text) is not None

    missing = [f"src/plnjournal/{name}/" for name in folders if not shows(name, source)]
    missing += [f"tests/{name}/" for name in tests if name != "data" and not shows(name, tests_line)]
    assert missing == [], "the README's layout does not show: " + ", ".join(missing)
    assert len(tree.splitlines()) <= 24  # one screen
