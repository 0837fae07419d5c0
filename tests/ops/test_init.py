"""`pln init` and finding the journal."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers import invoke


def git_log(root: Path) -> list[str]:
    result = subprocess.run(["git", "log", "--format=%s"], cwd=root, capture_output=True, text=True)
    return result.stdout.splitlines()


def test_init_makes_the_layout_settings_and_a_first_commit(tmp_path: Path) -> None:
    root = tmp_path / "my-pln"
    result = invoke("init", str(root), "--owner", "Ana Ruiz")
    assert result.exit_code == 0, result.stderr
    for folder in ("people", "spaces", "tools", "goals", "entries", "reflections", "evidence", "templates"):
        assert (root / folder).is_dir()
    assert "owner: Ana Ruiz\n" in (root / "pln.yaml").read_text()
    assert "autocommit: true" in (root / "pln.yaml").read_text()
    assert ".pln/" in (root / ".gitignore").read_text()
    assert (root / "README.md").exists()
    assert git_log(root) == ["init journal"]


def test_init_no_git_makes_no_repository(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    assert invoke("init", str(root), "--no-git").exit_code == 0
    assert not (root / ".git").exists()
    assert "autocommit: false" in (root / "pln.yaml").read_text()


def test_init_refuses_an_existing_journal(journal: Path) -> None:
    before = (journal / "pln.yaml").read_bytes()
    result = invoke("init", str(journal))
    assert result.exit_code == 1
    assert "already a pln journal" in result.stderr
    assert (journal / "pln.yaml").read_bytes() == before


def test_journal_is_found_upward_from_a_subfolder(journal: Path, monkeypatch) -> None:
    monkeypatch.chdir(journal / "entries")
    assert invoke("add", "person", "Jane Doe", "--no-commit").exit_code == 0
    assert (journal / "people" / "jane-doe.md").exists()


def test_journal_from_environment_variable(journal: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("list", "people", env={"PLN_JOURNAL": str(journal)})
    assert result.exit_code == 0, result.stderr


def test_no_journal_anywhere_says_to_run_init(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("list", "people")
    assert result.exit_code == 1
    assert result.stderr.startswith("pln: error: no journal here")
    assert "pln init" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_journal_option_that_is_not_a_journal(tmp_path: Path) -> None:
    result = invoke("--journal", str(tmp_path), "list", "people")
    assert result.exit_code == 1
    assert "is not a pln journal" in result.stderr
