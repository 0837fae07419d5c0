"""`pln config set journal DIR` / `pln config show`: a default journal that works from any folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.helpers import invoke, write


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return Path(os.environ["PLN_CONFIG"])


def test_set_journal_then_pln_works_from_any_folder(
    journal: Path, config_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = invoke("config", "set", "journal", str(journal))
    assert result.exit_code == 0, result.stderr
    assert config_file.read_text(encoding="utf-8") == f"journal: {journal}\n"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert invoke("add", "person", "Jane Doe").stdout == "people/jane-doe.md\n"
    assert (journal / "people" / "jane-doe.md").is_file()


def test_discovery_order_stays_option_env_upward_then_default(
    journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    assert invoke("init", str(other), "--no-git").exit_code == 0
    assert invoke("config", "set", "journal", str(journal)).exit_code == 0
    monkeypatch.chdir(other / "people")
    assert invoke("config", "show").stdout.endswith(f"journal in use here: {other}\n")
    monkeypatch.setenv("PLN_JOURNAL", str(journal))
    assert invoke("config", "show").stdout.endswith(f"journal in use here: {journal}\n")
    assert invoke("--journal", str(other), "config", "show").stdout.endswith(
        f"journal in use here: {other}\n"
    )


def test_show_prints_the_file_and_its_values(journal: Path, config_file: Path, tmp_path: Path) -> None:
    assert invoke("config", "show").stdout.startswith(f"config file: {config_file} (not written yet)\n")
    invoke("config", "set", "journal", str(journal))
    lines = invoke("config", "show").stdout.splitlines()
    assert lines[:2] == [f"config file: {config_file}", f"journal: {journal}"]


def test_a_folder_that_is_not_a_journal_is_refused(tmp_path: Path, config_file: Path) -> None:
    result = invoke("config", "set", "journal", str(tmp_path))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"pln: error: {tmp_path} is not a pln journal (no pln.yaml); run 'pln init {tmp_path}' first\n"
    )
    assert not config_file.exists()


def test_an_unknown_setting_is_a_usage_error() -> None:
    result = invoke("config", "set", "colour", "blue")
    assert result.exit_code == 2
    assert "'colour' is not one of 'journal'" in result.stderr


def test_a_broken_config_file_is_reported_and_kept(journal: Path, config_file: Path) -> None:
    write(config_file, "journal: [unclosed\n")
    result = invoke("config", "set", "journal", str(journal))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"pln: error: {config_file}:")
    assert config_file.read_text(encoding="utf-8") == "journal: [unclosed\n"
    assert invoke("config", "show").exit_code == 1
