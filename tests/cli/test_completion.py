"""Shell completion through Typer's own hook: `_PLN_COMPLETE=complete_bash` with COMP_WORDS."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from plnjournal.cli.main import app
from tests.helpers import EXAMPLES, Run


def complete(line: str, cwd: Path | None = None, **env: str) -> list[str]:
    """What bash would offer for the last word of `line` (a trailing space: a new, empty word)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    variables = {"_PLN_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword), **env}
    with pytest.MonkeyPatch.context() as patch:
        if cwd is not None:
            patch.chdir(cwd)
        result = CliRunner().invoke(app, [], env=variables, prog_name="pln")
    assert result.exit_code == 0, result.output
    return result.stdout.split()


@pytest.fixture
def network(pln: Run) -> None:
    for args in (
        ("add", "person", "Jane Doe"),
        ("add", "person", "Jamal Carter"),
        ("add", "person", "Tom Lee"),
        ("add", "space", "#sschat"),
        ("add", "tool", "Wakelet"),
        ("add", "goal", "Support English learners"),
        ("log", "Grading chat", "--space", "sschat", "-m", "x"),
    ):
        assert pln(*args, "--no-commit", env={"PLN_TODAY": "2026-11-23"}).exit_code == 0


def test_person_ids_after_with(journal: Path, network: None) -> None:
    assert complete(f"pln --journal {journal} log --with ja") == ["jamal-carter", "jane-doe"]
    assert complete(f"pln --journal {journal} log --with jane") == ["jane-doe"]


def test_the_last_of_comma_separated_ids(journal: Path, network: None) -> None:
    assert complete(f"pln --journal {journal} log --with jane-doe,t") == ["jane-doe,tom-lee"]


def test_space_tool_and_goal_ids(journal: Path, network: None) -> None:
    assert complete(f"pln --journal {journal} log --space s") == ["sschat"]
    assert complete(f"pln --journal {journal} log --tool ") == ["wakelet"]
    assert complete(f"pln --journal {journal} list entries --goal sup") == ["support-english-learners"]
    assert complete(f"pln --journal {journal} add person X --met-at ") == ["sschat"]


def test_ids_of_any_kind_for_show_edit_rename_rm(journal: Path, network: None) -> None:
    for command in ("show", "edit", "rename", "rm"):
        assert complete(f"pln --journal {journal} {command} 2026") == ["2026-11-23-grading-chat"]
    assert complete(f"pln --journal {journal} show t") == ["tom-lee"]


def test_tags_for_tag_rename_and_merge(pln: Run, journal: Path) -> None:
    assert pln("log", "Chat", "-m", "", "--tag", "grading,Grit,inquiry", "--no-commit").exit_code == 0
    assert complete(f"pln --journal {journal} tag rename gr") == ["grading"]
    assert complete(f"pln --journal {journal} tag rename G") == ["Grit"]
    assert complete(f"pln --journal {journal} tag merge grading --into in") == ["inquiry"]


def test_the_journal_is_found_the_usual_way(journal: Path, network: None, tmp_path: Path) -> None:
    assert complete("pln log --with to", cwd=journal / "people") == ["tom-lee"]
    assert complete("pln log --with to", cwd=tmp_path, PLN_JOURNAL=str(journal)) == ["tom-lee"]
    assert complete("pln log --with to", cwd=tmp_path) == []  # no journal: no suggestions, no error


def test_a_large_journal(tmp_path: Path) -> None:
    assert complete(f"pln -J {EXAMPLES} log --with da") == ["dana-whitfield"]
    assert len(complete(f"pln -J {EXAMPLES} show 2025-")) > 40


def test_vocabularies(journal: Path) -> None:
    assert complete("pln log --engagement c") == ["connected", "contributed", "created"]
    assert complete("pln log --growth cognitive,") == [
        "cognitive,affective", "cognitive,cognitive", "cognitive,identity", "cognitive,social",
    ]  # fmt: skip
    assert complete("pln add space X --kind w") == ["workshop", "webinar"]
    assert complete("pln add person X --provides e") == ["emotional-support"]
    assert complete("pln list entries --engagement l") == ["led"]
    assert complete("pln list p") == ["people"]


def test_template_names(journal: Path) -> None:
    assert complete(f"pln -J {journal} log --template t") == ["twitter-chat"]
    assert complete(f"pln -J {journal} log --template n") == ["none"]


def test_commands_and_options(journal: Path) -> None:
    assert "templates" in complete("pln t")
    assert complete("pln config ") == ["set", "show"]
    assert "--template" in complete("pln log --te")


def test_show_completion_prints_a_script() -> None:
    result = CliRunner().invoke(app, ["--show-completion", "bash"], prog_name="pln")
    assert result.exit_code == 0
    assert "_PLN_COMPLETE=complete_bash" in result.stdout
