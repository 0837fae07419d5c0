"""Helpers for the report tests: entries written by hand, and a report's JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Run, write


def entry(journal: Path, entry_id: str, front_matter: str, body: str = "") -> Path:
    """entries/YYYY/ENTRY-ID.md with this front-matter, as a user would write it."""
    return write(journal / "entries" / entry_id[:4] / f"{entry_id}.md", f"---\n{front_matter}---\n{body}")


def report_json(pln: Run, name: str, *args: str) -> dict:
    result = pln("report", f"--{name}", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)
