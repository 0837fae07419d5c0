"""Entry templates: shipped, copied by `pln init`, filled by `pln log --template`, listed by
`pln templates`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plnjournal.journal.parse import read_record
from plnjournal.journal.templates import fill
from tests.helpers import Run, write

SHIPPED = ("book", "conference", "edcamp", "plc-meeting", "podcast", "twitter-chat", "webinar")
TODAY = {"PLN_TODAY": "2026-11-23"}


def logged(pln: Run, journal: Path, *args: str) -> tuple[str, str]:
    """Run `pln log ARGS`; the new entry's path and its text."""
    result = pln("log", "--no-commit", *args, env=TODAY)
    assert result.exit_code == 0, result.stderr
    path = result.stdout.strip()
    return path, (journal / path).read_text(encoding="utf-8")


def test_init_copies_the_seven_templates(journal: Path) -> None:
    assert sorted(path.stem for path in (journal / "templates").glob("*.md")) == list(SHIPPED)
    assert "{{title}}" in (journal / "templates" / "twitter-chat.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SHIPPED)
def test_every_template_renders_an_entry_that_loads_without_problems(
    pln: Run, journal: Path, name: str
) -> None:
    path, text = logged(pln, journal, "--template", name, "A title")
    record, problems = read_record(journal, journal / path)
    assert problems == []
    assert record is not None and record.title == "A title"
    assert "{{" not in text and "# A title\n" in text
    assert str(record.date) == "2026-11-23"


def test_template_defaults_fill_the_front_matter(pln: Run, journal: Path) -> None:
    _, text = logged(pln, journal, "--template", "edcamp", "Edcamp Tulsa")
    assert text.startswith(
        "---\ndate: 2026-11-23\ntitle: Edcamp Tulsa\nengagement: contributed\nminutes: 300\n"
        "tags: [edcamp]\n---\n"
    )
    assert "## The law of two feet" in text
    assert "description" not in text and "prompts" not in text


def test_command_line_options_win_over_template_defaults(pln: Run, journal: Path) -> None:
    _, text = logged(
        pln, journal, "--template", "edcamp", "Edcamp Tulsa", "--minutes", "90", "--engagement", "led",
        "--tag", "grading",
    )  # fmt: skip
    front = text.split("---\n")[1]
    assert "minutes: 90\n" in front and "engagement: led\n" in front and "tags: [grading]\n" in front


def test_message_replaces_the_scaffold(pln: Run, journal: Path) -> None:
    _, text = logged(pln, journal, "--template", "webinar", "EL strategies", "-m", "Short note.")
    assert text.endswith("---\nShort note.\n")
    assert "minutes: 60" in text


def test_placeholders_name_the_space_and_people(pln: Run, journal: Path) -> None:
    assert pln("add", "space", "#sschat", "--kind", "chat", "--no-commit").exit_code == 0
    assert pln("add", "person", "Jane Doe", "--no-commit").exit_code == 0
    _, text = logged(
        pln, journal, "--template", "twitter-chat", "Grading", "--space", "sschat", "--with", "jane-doe"
    )
    assert "#sschat · 2026-11-23 · host:" in text
    assert "## People to follow\n\n- Jane Doe\n" in text
    assert "space: sschat\npeople: [jane-doe]\n" in text


@pytest.mark.parametrize("title", ["{{date}}", "[bold]red[/bold]", "---", "': #", "{{title}} {{ space }}"])
def test_a_hostile_title_stays_text(pln: Run, journal: Path, title: str) -> None:
    path, text = logged(pln, journal, "--template", "book", "--", title)
    record, problems = read_record(journal, journal / path)
    assert problems == [] and record is not None
    assert record.title == title
    assert f"# {title}\n" in record.body
    assert "engagement: read" in text  # the front-matter still reads as written


def test_fill_is_one_pass_and_leaves_unknown_placeholders() -> None:
    assert fill("{{title}} on {{date}} {{nope}}", {"title": "{{date}}", "date": "2026-11-23"}) == (
        "{{date}} on 2026-11-23 {{nope}}"
    )


def test_a_space_names_its_default_template(pln: Run, journal: Path) -> None:
    assert pln("add", "space", "#sschat", "--template", "twitter-chat", "--no-commit").exit_code == 0
    _, text = logged(pln, journal, "Grading chat", "--space", "sschat")
    assert "## The questions and my answers" in text and "tags: [chat]" in text
    _, text = logged(pln, journal, "Grading chat again", "--space", "sschat", "--template", "none")
    assert text.endswith("---\n") and "tags" not in text


def test_the_journal_copy_is_the_one_used(pln: Run, journal: Path) -> None:
    write(journal / "templates" / "book.md", "---\nminutes: 25\ntags: [reading, ela]\n---\nRead: {{title}}\n")
    _, text = logged(pln, journal, "--template", "book", "Grading for Equity")
    assert "minutes: 25\ntags: [reading, ela]\n---\nRead: Grading for Equity\n" in text


def test_a_template_of_ones_own(pln: Run, journal: Path) -> None:
    write(
        journal / "templates" / "coaching.md",
        "---\ndescription: A coaching cycle\nvisit: 1\n---\n{{owner}}\n",
    )
    _, text = logged(pln, journal, "--template", "coaching", "Cycle 1")
    assert "visit: 1\n---\nAna Ruiz\n" in text


def test_a_broken_template_is_named_with_its_line(pln: Run, journal: Path) -> None:
    write(journal / "templates" / "book.md", "---\nminutes: 25\ntags: [reading\n---\nbody\n")
    result = pln("log", "--template", "book", "Grading for Equity")
    assert result.exit_code == 1
    assert result.stderr.startswith("pln: error: templates/book.md:")
    assert not list((journal / "entries").rglob("*.md"))


def test_an_unknown_template_suggests_a_close_one(pln: Run, journal: Path) -> None:
    result = pln("log", "--template", "edcmap", "Edcamp")
    assert result.exit_code == 1
    assert "unknown template 'edcmap'; did you mean 'edcamp'?" in result.stderr


def test_a_journal_without_templates_folder_uses_the_built_in_ones(pln: Run, journal: Path) -> None:
    for path in (journal / "templates").glob("*.md"):
        path.unlink()
    _, text = logged(pln, journal, "--template", "podcast", "Cult of Pedagogy")
    assert "## A quote worth keeping" in text


def test_templates_lists_names_descriptions_and_spaces(pln: Run, journal: Path) -> None:
    assert pln("add", "space", "#sschat", "--template", "twitter-chat", "--no-commit").exit_code == 0
    rows = json.loads(pln("templates", "--format", "json").stdout)
    assert [row["name"] for row in rows] == list(SHIPPED)
    chat = rows[SHIPPED.index("twitter-chat")]
    assert chat == {
        "name": "twitter-chat",
        "description": "A Twitter/X or Bluesky chat, question by question (Q1/A1)",
        "spaces": ["sschat"],
        "path": "templates/twitter-chat.md",
    }
    table = pln("templates").stdout
    assert table.splitlines()[0].split() == ["name", "description", "spaces", "path"]
    assert "sschat" in next(line for line in table.splitlines() if line.startswith("twitter-chat"))


def test_description_falls_back_to_the_first_body_line(pln: Run, journal: Path) -> None:
    write(journal / "templates" / "walk.md", "---\nminutes: 20\n---\n## A learning walk\n\n{{title}}\n")
    rows = json.loads(pln("templates", "--format", "json").stdout)
    assert {row["name"]: row["description"] for row in rows}["walk"] == "A learning walk"
