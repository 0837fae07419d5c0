"""The student-privacy guard and --redact from a real shell: the installed `pln`, real git."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers import write
from tests.system.test_installed import PLN, pln

pytestmark = pytest.mark.skipif(PLN is None, reason="the pln console script is not installed")

PERSON = "---\nname: Jane Doe\nhandles: {mastodon: '@jdoe@mastodon.social'}\nmet: 2025-03-14\n---\n"
ENTRY = """---
date: 2026-01-12
title: Coffee with Jane Doe
people: [jane-doe]
minutes: 30
---
Jane helped me plan a conference with Riley Chen's parents.
"""


def test_a_teacher_shares_an_export_without_a_student_or_a_colleague_in_it(tmp_path: Path) -> None:
    assert pln("init", "my-pln", "--owner", "Ana Ruiz", cwd=tmp_path).returncode == 0
    home = tmp_path / "my-pln"
    write(home / "people" / "jane-doe.md", PERSON)
    write(home / "entries" / "2026" / "2026-01-12-coffee-with-jane-doe.md", ENTRY)
    write(home / "privacy.words", "# my students\nRiley Chen\n")

    refused = pln("export", "-o", "share.json", cwd=home)
    assert refused.returncode == 1 and not (home / "share.json").exists()
    assert (
        "entries/2026/2026-01-12-coffee-with-jane-doe.md:7: holds a word from privacy.words" in refused.stderr
    )
    assert "Riley" not in refused.stderr

    shared = pln("export", "--redact", "-o", "share.json", cwd=home)
    assert shared.returncode == 0, shared.stderr
    text = (home / "share.json").read_text(encoding="utf-8")
    assert "Jane" not in text and "jdoe" not in text and "Riley" not in text and "jane-doe" not in text
    assert json.loads(text)["entries"][0]["body"].startswith(
        "Person 1 helped me plan a conference with [redacted]'s"
    )

    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"], cwd=home, capture_output=True, text=True
    )
    assert "!! privacy.words" in status.stdout  # ignored: `git add -A` never takes it
