"""Every key pln writes is known to `pln check` (issue 15, item 9): a journal made only by pln's
own commands and importers passes `pln check --strict` with no 'unknown key' warning."""

from __future__ import annotations

import json
from pathlib import Path

from plnjournal.importing.csvlog import HEADERS
from tests.helpers import Run, write

VALUES = {
    "date": "2026-01-05",
    "time": "19:00",
    "title": "Fall institute",
    "hours": "1.5",
    "minutes": "90",
    "space": "State Dept of Ed",
    "location": "Oklahoma City",
    "verified_by": "Certificate",
    "body": "Sessions on WIDA",
    "tags": "el; wida",
    "people": "Jane Doe",
    "tools": "Wakelet",
    "goal": "Support English learners",
    "engagement": "contributed",
    "growth": "cognitive: Tiered frames",
    "next": "Try frames",
    "applied": "Used them",
    "impact": "More talk",
    "evidence": "https://example.org/cert",
    "private": "false",
}


def test_a_csv_import_with_every_column_passes_a_strict_check(pln: Run, tmp_path: Path) -> None:
    keys = [key for key in dict.fromkeys(HEADERS.values()) if key != "minutes"]  # hours stand for it
    assert set(keys) <= set(VALUES), "a new CSV column needs a value here"
    header = ",".join(next(name for name, key in HEADERS.items() if key == wanted) for wanted in keys)
    row = ",".join(f'"{VALUES[key]}"' for key in keys)
    source = write(tmp_path / "log.csv", f"{header}\n{row}\n")
    result = pln("import", "--from", "csv", str(source), "--add-missing")
    assert result.exit_code == 0, result.stderr
    check = pln("check", "--strict", "--format", "json", env={"PLN_TODAY": "2026-02-01"})
    assert json.loads(check.stdout) == []
    assert check.exit_code == 0


def test_what_pln_log_and_add_write_passes_a_strict_check(pln: Run) -> None:
    steps = [
        ("add", "person", "Jane Doe", "--role", "teacher", "--location", "Tulsa, OK"),
        ("add", "space", "#sschat", "--kind", "chat", "--platform", "Bluesky"),
        ("log", "Chat", "--date", "2026-01-05", "--space", "sschat", "--with", "jane-doe", "--hours", "1",
         "--cognitive", "x", "--tag", "grading", "--verified-by", "Me", "-m", "Notes"),
    ]  # fmt: skip
    for step in steps:
        result = pln(*step)
        assert result.exit_code == 0, (step, result.stderr)
    check = pln("check", "--strict", "--format", "json", env={"PLN_TODAY": "2026-02-01"})
    assert json.loads(check.stdout) == []
