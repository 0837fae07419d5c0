"""The issue's demo, end to end, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Run


def test_demo_flow(pln: Run, journal: Path) -> None:
    assert (
        pln("add", "person", "Jane Doe", "--role", "teacher", "--provides", "feedback,ideas").exit_code == 0
    )
    assert pln("add", "space", "#sschat", "--kind", "chat", "--mode", "digital").exit_code == 0
    result = pln("log", "#sschat on grading", "--space", "sschat", "--with", "jane-doe", "-m", "Body")
    assert result.exit_code == 0, result.stderr
    path = result.stdout.strip()
    assert (journal / path).read_text(encoding="utf-8").endswith("---\nBody\n")
    listed = json.loads(pln("list", "entries", "--with", "jane-doe", "--format", "json").stdout)
    assert [entry["path"] for entry in listed] == [path]
