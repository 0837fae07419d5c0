"""`pln reflect`: a pre-filled Enrichment Framework reflection, never overwriting, committed."""

from __future__ import annotations

import subprocess
from pathlib import Path

from plnjournal.journal.parse import read_record
from plnjournal.journal.writer import record_text
from tests.helpers import Run
from tests.helpers.network_journal import entry, person, space, tool

TODAY = {"PLN_TODAY": "2026-06-30", "EDITOR": "false"}  # an editor that fails if it is ever run


def reflect_journal(root: Path) -> None:
    person(root, "ana", "Ana Ruiz", roles=["teacher"], provides=["feedback", "ideas"])
    person(root, "ben", "Ben Old", roles=["coach"], provides=["advice"])
    space(root, "chat", "The Chat", kind="chat", mode="digital", platform="Bluesky")
    space(root, "plc", "Our PLC", kind="plc", mode="physical")
    tool(root, "diigo", "Diigo", kind="digital", category="bookmarking")
    entry(
        root, "2026-06-01", "chat", space="chat", people=["ana"], growth=["cognitive", "social"], minutes=60
    )
    entry(root, "2026-06-08", "chat-2", space="chat", people=["ana"], growth=["cognitive"], minutes=60)
    entry(root, "2026-01-10", "plc", space="plc", people=["ben"], growth=["affective"], minutes=45)


def test_reflect_writes_a_prefilled_reflection(pln: Run, journal: Path) -> None:
    reflect_journal(journal)
    result = pln("reflect", env=TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "reflections/2026-06-30-enrichment.md\n"
    text = (journal / "reflections" / "2026-06-30-enrichment.md").read_text(encoding="utf-8")
    # chat holds 2 of 3 entries, on Bluesky; Ben last seen 2026-01-10, 171 days before
    assert text.startswith(
        "---\n"
        "date: 2026-06-30\n"
        "title: PLN enrichment reflection\n"
        "next: [Find someone who offers emotional support, Find someone who offers mentoring, "
        "Try a space that does not depend on Bluesky, Get back in touch with Ben Old, Use Diigo or drop it]\n"
        "tags: [enrichment]\n"
        "---\n"
        "# PLN enrichment reflection, 2026-06-30\n"
    )
    assert "Covers 3 entries, 2026-01-10 to 2026-06-08.\n" in text
    assert "- Ana Ruiz: 2 entries (teacher, gives feedback, gives ideas)\n" in text
    assert "- The Chat: 2 entries, 120 minutes (chat, digital, Bluesky)\n" in text
    assert "- Diigo: 0 entries (bookmarking)\n" in text
    assert "- **Cognitive**: 2 entries; people: Ana Ruiz (2); spaces: The Chat (2)\n" in text
    assert "- **Affective**: 1 entry; people: Ben Old (1); spaces: Our PLC (1)\n" in text
    assert "- **Identity**: no entries. What would help you grow this way?\n" in text
    assert "- 67% of your entries depend on Bluesky\n" in text
    assert "## 3. Intention: what will I add, change or drop?\n" in text


def test_reflection_front_matter_round_trips(pln: Run, journal: Path) -> None:
    reflect_journal(journal)
    pln("reflect", env=TODAY)
    path = journal / "reflections" / "2026-06-30-enrichment.md"
    record, problems = read_record(journal, path)
    assert problems == []
    assert record is not None
    assert record.next[0] == "Find someone who offers emotional support"
    assert record_text(record) == path.read_text(encoding="utf-8")


def test_two_reflections_on_one_day(pln: Run, journal: Path) -> None:
    reflect_journal(journal)
    first = pln("reflect", env=TODAY)
    before = (journal / first.stdout.strip()).read_bytes()
    second = pln("reflect", env=TODAY)
    assert second.stdout == "reflections/2026-06-30-enrichment-2.md\n"
    assert (journal / first.stdout.strip()).read_bytes() == before
    listed = pln("list", "reflections").stdout.splitlines()
    assert listed == [
        "date        id                       title",
        "2026-06-30  2026-06-30-enrichment    PLN enrichment reflection",
        "2026-06-30  2026-06-30-enrichment-2  PLN enrichment reflection",
    ]


def test_reflect_commits_when_the_journal_asks(pln: Run, journal: Path) -> None:
    config = journal / "pln.yaml"
    config.write_text(config.read_text().replace("autocommit: false", "autocommit: true"))
    assert "autocommit: true" in config.read_text()
    pln("reflect", env=TODAY)
    log = subprocess.run(
        ["git", "log", "-1", "--name-only", "--format=%s"], cwd=journal, capture_output=True, text=True
    )
    assert log.stdout.split() == ["reflect", "2026-06-30-enrichment", "reflections/2026-06-30-enrichment.md"]


def test_reflect_on_an_empty_journal(pln: Run, journal: Path) -> None:
    result = pln("reflect", "--no-commit", env=TODAY)
    text = (journal / result.stdout.strip()).read_text(encoding="utf-8")
    assert "Covers no entries yet.\n" in text
    assert "next: [Find someone who offers feedback," in text
