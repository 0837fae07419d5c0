"""Property tests: any Unicode a teacher types survives the round trip through the files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import invoke

# Any text but surrogates (not encodable) and NUL (argv cannot carry it).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
NAMES = TEXT.filter(lambda text: text.strip() != "" and not text.startswith("-"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=NAMES, body=TEXT, note=NAMES)
def test_any_title_body_and_note_survive_log_then_show(
    journal: Path, title: str, body: str, note: str
) -> None:
    result = invoke(
        "--journal",
        str(journal),
        "log",
        title,
        "--date",
        "2026-03-01",
        "--cognitive",
        note,
        "-m",
        body,
        "--no-commit",
    )
    assert result.exit_code == 0, result.stderr
    path = journal / result.stdout.strip()
    shown = json.loads(invoke("--journal", str(journal), "show", path.stem, "--format", "json").stdout)
    expected_body = body if not body or body.endswith("\n") else body + "\n"
    assert (shown["title"], shown["growth"], shown["body"]) == (title, {"cognitive": note}, expected_body)
    path.unlink()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES)
def test_any_person_name_survives_add_then_show(journal: Path, name: str) -> None:
    result = invoke("--journal", str(journal), "add", "person", name, "--no-commit")
    assert result.exit_code == 0, result.stderr
    path = journal / result.stdout.strip()
    assert path.parent == journal / "people"
    shown = json.loads(
        invoke("--journal", str(journal), "show", f"person:{path.stem}", "--format", "json").stdout
    )
    assert shown["name"] == name
    shutil.rmtree(journal / "people")
