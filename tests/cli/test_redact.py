"""`--redact`: every output made to leave the machine, in every format, names nobody: people are
Person 1, Person 2... (whom you met first is Person 1); handles, emails and links go; pln.yaml's
`redact:` words are replaced as whole words, whatever their case, and never inside another word."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import Run, write

JANE = """---
name: Jane O'Brien
roles: [teacher]
handles: {bluesky: "@janeob.bsky.social"}
email: jane.obrien@lincoln.example.org
url: https://janeobrien.example.net/blog
met: 2025-03-14
---
Jane teaches AP history at Lincoln.
"""
TOM = """---
name: Tom Lee
roles: [coach]
met: 2024-09-01
---
"""
ENTRY = """---
date: 2026-01-12
title: Coffee with Jane O'Brien and Tom
space: sschat
people: [jane-obrien, tom-lee]
tools: [wakelet]
growth:
  cognitive: Jane's single-point rubric, tried with Sam
engagement: contributed
minutes: 60
next: Show Tom Lee the rubric
applied: Used it with SAM and a sample of Samantha's class
impact: Sam asked better questions
evidence: [evidence/jane-obrien-rubric.pdf]
---
Jane O'Brien (@janeob.bsky.social, jane.obrien@lincoln.example.org) shared
https://janeobrien.example.net/blog and [[tom-lee]]. Sam's sample essay was the best.
"""
LEAKS = ("jane", "o'brien", "brien", "obrien", "tom", "lee", "janeob", "lincoln.example.org", "janeobrien")


def leaks(text: str) -> list[str]:
    """The names, handles, email and link parts still in `text`, as words (`bottom` is no Tom)."""
    return [leak for leak in LEAKS if re.search(rf"(?<![a-z]){re.escape(leak)}(?![a-z])", text, re.I)]


OUTPUTS = [
    *[("export", "--format", fmt) for fmt in ("json", "jsonl", "csv", "markdown")],
    *[("portfolio", "--from", "2025-07-01", "--to", "2026-06-30", "--format", fmt)
      for fmt in ("markdown", "html", "csv")],
    ("graph", "--format", "mermaid", "--pairs", "--introductions"),
    ("graph", "--format", "dot", "--pairs"),
    *[("report", f"--{name}", "--format", fmt) for name in ("growth", "network")
      for fmt in ("markdown", "json", "table")],
    *[("report", f"--{name}", "--format", "html") for name in ("growth", "network")],
    ("credits", "--pack", "va", "--cycle", "2025-07-01", "--entries", "--format", "markdown"),
    ("credits", "--pack", "va", "--cycle", "2025-07-01", "--entries", "--format", "html"),
]  # fmt: skip
COUNTS_ONLY = [  # these name nobody even without --redact
    *[("report", f"--{name}", "--format", fmt) for name in ("engagement", "impact")
      for fmt in ("markdown", "csv", "json", "table", "html")],
    ("report", "--growth", "--format", "csv"),
    ("report", "--network", "--format", "csv"),
]  # fmt: skip


@pytest.fixture
def named(pln: Run, journal: Path) -> Run:
    """Two people (one with a handle, an email and a link), an entry naming them and a student."""
    for args in (("add", "space", "#sschat", "--kind", "chat"), ("add", "tool", "Wakelet")):
        assert pln(*args, "--no-commit").exit_code == 0
    write(journal / "people" / "jane-obrien.md", JANE)
    write(journal / "people" / "tom-lee.md", TOM)
    write(journal / "entries" / "2026" / "2026-01-12-coffee-with-jane-obrien.md", ENTRY)
    write(journal / "evidence" / "jane-obrien-rubric.pdf", "%PDF-1.4 a rubric")
    settings = journal / "pln.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "redact: [Sam]\n", encoding="utf-8")
    return pln


@pytest.mark.parametrize("args", OUTPUTS, ids=[" ".join(args[:2] + args[-1:]) for args in OUTPUTS])
def test_no_name_handle_email_or_link_is_left_in_any_format(named: Run, args: tuple[str, ...]) -> None:
    plain = named(*args, "--allow-student-data")
    assert plain.exit_code == 0, plain.stderr
    assert leaks(plain.stdout)  # the test can fail: without --redact the names are there
    redacted = named(*args, "--redact")
    assert redacted.exit_code == 0, redacted.stderr
    assert leaks(redacted.stdout) == [], redacted.stdout
    assert re.search(r"[Pp]erson[ -][12]", redacted.stdout)


@pytest.mark.parametrize("args", COUNTS_ONLY, ids=[" ".join(args[:2] + args[-1:]) for args in COUNTS_ONLY])
def test_a_report_of_counts_names_nobody_either_way(named: Run, args: tuple[str, ...]) -> None:
    plain, redacted = named(*args, "--allow-student-data"), named(*args, "--redact")
    assert plain.exit_code == redacted.exit_code == 0, redacted.stderr
    assert leaks(plain.stdout) == leaks(redacted.stdout) == []


def test_people_are_numbered_in_the_order_you_met_them_the_same_way_everywhere(named: Run) -> None:
    data = json.loads(named("export", "--redact").stdout)
    people = {person["id"]: person["name"] for person in data["people"]}
    assert people == {"person-1": "Person 1", "person-2": "Person 2"}  # Tom, met 2024, is Person 1
    entry = data["entries"][0]
    assert entry["id"] == "2026-01-12-coffee-with-person-2"  # the id held Jane's name
    assert entry["title"] == "Coffee with Person 2 and Person 1"
    assert [person["id"] for person in entry["people"]] == ["person-2", "person-1"]
    assert entry["evidence"] == ["evidence/person-2-rubric.pdf"]
    assert entry["next"] == "Show Person 1 the rubric"
    assert entry["body"].startswith("Person 2 ([handle], [email]) shared\n[link] and [[person-1]].")
    jane = next(person for person in data["people"] if person["id"] == "person-2")
    assert jane["path"] == "people/person-2.md"
    assert jane["handles"] == {"bluesky": "[handle]"} and jane["email"] == "[email]"
    assert jane["url"] == "[link]"
    graph = named("graph", "--redact").stdout
    assert '("Person 1")' in graph and '("Person 2")' in graph


def test_a_redact_word_goes_as_a_whole_word_whatever_its_case_but_not_inside_another(named: Run) -> None:
    entry = json.loads(named("export", "--redact").stdout)["entries"][0]
    assert entry["applied"] == "Used it with [redacted] and a sample of Samantha's class"
    assert entry["impact"] == "[redacted] asked better questions"
    assert entry["growth"]["cognitive"] == "Person 2's single-point rubric, tried with [redacted]"
    assert "[redacted]'s sample essay" in entry["body"]


def test_a_redacted_html_page_escapes_the_placeholders_and_keeps_no_name(named: Run) -> None:
    page = named("report", "--growth", "--format", "html", "--redact").stdout
    assert "Person 2&#x27;s single-point rubric" in page or "Person 2's single-point rubric" in page
    assert "O&#x27;Brien" not in page and "Brien" not in page


def test_the_obsidian_vault_is_redacted_down_to_its_file_names(named: Run, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    result = named("export", "--format", "obsidian", str(vault), "--redact")
    assert result.exit_code == 0, result.stderr
    names = sorted(path.relative_to(vault).as_posix() for path in vault.rglob("*") if path.is_file())
    assert "people/person-2.md" in names and "evidence/person-2-rubric.pdf" in names
    text = "\n".join([*names, *((vault / name).read_text(encoding="utf-8") for name in names)])
    assert leaks(text) == []
    assert "[[person-1" in text  # the links still point at the notes


def test_without_redact_the_names_are_there(named: Run) -> None:
    entry = json.loads(named("export", "--allow-student-data").stdout)["entries"][0]
    assert entry["title"] == "Coffee with Jane O'Brien and Tom"
