"""Fixtures: real journals in tmp_path, real git, and `pln` run the way a user types it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import Result

from tests.helpers import EXAMPLES, Run, invoke


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user config, no inherited journal, a git identity, no colour, no editor."""
    for name in (
        "PLN_JOURNAL",
        "PLN_TODAY",
        "PLN_DEBUG",
        "PLN_NO_CACHE",
        "PLN_PARALLEL_MIN_FILES",
        "PLN_SPLIT_WALK_FROM",
        "NO_COLOR",
        "VISUAL",
        "EDITOR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PLN_CONFIG", str(tmp_path / "user-config" / "config.yaml"))
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Test Teacher")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "teacher@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Test Teacher")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "teacher@example.org")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A fresh journal made by `pln init`, under git."""
    root = tmp_path / "journal"
    result = invoke("init", str(root), "--owner", "Ana Ruiz")
    assert result.exit_code == 0, result.stderr
    return root


@pytest.fixture
def pln(journal: Path) -> Run:
    """`pln --journal <the fresh journal> ARGS...`."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return invoke("--journal", str(journal), *args, input=input, env=env)

    return run


@pytest.fixture
def example_journal(tmp_path: Path) -> Path:
    """A copy of examples/journal that a test may change."""
    root = tmp_path / "example"
    shutil.copytree(EXAMPLES, root, ignore=shutil.ignore_patterns(".pln"))  # no cache from other runs
    return root


@pytest.fixture
def browser(tmp_path: Path):
    """`browser(page, *options)`: headless Chromium on a file (tests/helpers/pages.py); the test
    skips, saying why, where no Chromium is installed."""
    from tests.helpers.pages import chromium_runner

    return chromium_runner(tmp_path / "chromium-profile")
