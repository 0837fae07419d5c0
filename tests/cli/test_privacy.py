"""The privacy rule: every output made to leave the machine leaves `private: true` entries out
unless `--include-private`, and says on stderr how many it left out; the table and JSON on the
terminal keep them."""

from __future__ import annotations

import json

import pytest

from tests.helpers import Run

SECRET = "Vented about my principal"
NOTE = "I almost quit in October"
LEFT_OUT = "pln: left out 1 private entry (private: true); --include-private puts it in\n"


@pytest.fixture
def journal_with_a_secret(pln: Run) -> Run:
    """A public entry, and a private one with its own space, person, tool, notes and intention."""
    for args in (
        ("add", "space", "#sschat", "--kind", "chat"),
        ("add", "space", "Late-night venting", "--kind", "forum", "--platform", "Reddit"),
        ("add", "person", "Jane Doe"),
        ("add", "person", "Confidant Carla"),
        ("add", "tool", "Wakelet"),
        ("add", "tool", "Private Diary"),
    ):
        assert pln(*args, "--no-commit").exit_code == 0
    public = ("log", "Grading chat", "--date", "2026-01-12", "--space", "sschat", "--with", "jane-doe",
              "--tool", "wakelet", "--cognitive", "Single-point rubrics", "--minutes", "60",
              "--engagement", "contributed", "-m", "Rubrics.")  # fmt: skip
    secret = ("log", SECRET, "--date", "2026-01-13", "--private", "--space", "late-night-venting",
              "--with", "confidant-carla", "--tool", "private-diary", "--affective", NOTE,
              "--minutes", "40", "--engagement", "shared", "--next", "Ask for a transfer",
              "-m", "Hard week.")  # fmt: skip
    for args in (public, secret):
        result = pln(*args, "--no-commit")
        assert result.exit_code == 0, result.stderr
    return pln


SHARED = [
    *[("report", f"--{name}", "--format", fmt) for name in ("growth", "network", "engagement", "impact")
      for fmt in ("markdown", "csv", "html")],
    ("status", "--format", "html"),
    ("portfolio", "--from", "2025-07-01", "--to", "2026-06-30", "--format", "markdown"),
    ("portfolio", "--from", "2025-07-01", "--to", "2026-06-30", "--format", "html"),
    ("portfolio", "--from", "2025-07-01", "--to", "2026-06-30", "--format", "csv"),
    *[("export", "--format", fmt) for fmt in ("json", "jsonl", "csv", "markdown")],
    ("graph", "--format", "mermaid"),
    ("graph", "--format", "dot"),
]  # fmt: skip


@pytest.mark.parametrize("args", SHARED, ids=[" ".join(args[:2] + args[-1:]) for args in SHARED])
def test_an_output_made_to_leave_the_machine_leaves_private_entries_out(
    journal_with_a_secret: Run, args: tuple[str, ...]
) -> None:
    shared = journal_with_a_secret(*args)
    assert shared.exit_code == 0, shared.stderr
    assert LEFT_OUT in shared.stderr
    for secret in (SECRET, NOTE, "Ask for a transfer", "Hard week"):  # people and spaces are records
        assert secret not in shared.stdout  # of the network, not private: they may be listed
    everything = journal_with_a_secret(*args, "--include-private")
    assert everything.exit_code == 0, everything.stderr
    assert "private" not in everything.stderr
    assert everything.stdout != shared.stdout


@pytest.mark.parametrize("name", ["growth", "network", "engagement", "impact"])
def test_the_table_and_json_on_the_terminal_keep_private_entries(
    journal_with_a_secret: Run, name: str
) -> None:
    table = journal_with_a_secret("report", f"--{name}")
    data = journal_with_a_secret("report", f"--{name}", "--format", "json")
    assert table.exit_code == data.exit_code == 0
    assert "private" not in table.stderr + data.stderr
    shared = journal_with_a_secret("report", f"--{name}", "--format", "json", "--include-private")
    assert json.loads(shared.stdout) == json.loads(data.stdout)


def test_the_growth_post_for_a_blog_never_quotes_a_private_note(journal_with_a_secret: Run) -> None:
    post = journal_with_a_secret("report", "--growth", "--format", "markdown")
    assert "Single-point rubrics" in post.stdout and NOTE not in post.stdout
    assert (
        NOTE
        in journal_with_a_secret("report", "--growth", "--format", "markdown", "--include-private").stdout
    )


def test_nothing_is_said_when_nothing_private_was_left_out(pln: Run) -> None:
    assert pln("log", "Grading chat", "--date", "2026-01-12", "-m", "x", "--no-commit").exit_code == 0
    result = pln("export", "--format", "markdown")
    assert result.exit_code == 0 and "private" not in result.stderr
