"""`pln export`: every format, names resolved with ids kept, filters shared with `pln list`,
private entries left home unless asked, and -o written atomically."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.helpers import Run, invoke, write

SECRET = "Vented on r/Teachers after a rough week"


@pytest.fixture
def small(pln: Run) -> Run:
    """A journal with one space, two people, a tool, a goal, a public and a private entry."""
    assert pln("add", "space", "#sschat", "--kind", "chat", "--mode", "digital").exit_code == 0
    assert pln("add", "person", "Jane Doe", "--organization", "Lincoln High").exit_code == 0
    assert pln("add", "person", "Tom Lee").exit_code == 0
    assert pln("add", "tool", "Wakelet").exit_code == 0
    assert pln("add", "goal", "Support English learners").exit_code == 0
    public = pln(
        "log", "Grading chat", "--date", "2026-01-12", "--space", "sschat", "--with", "jane-doe,Tom Lee",
        "--tool", "wakelet", "--goal", "support-english-learners", "--cognitive", "Single-point rubrics",
        "--minutes", "60", "-m", "We talked about rubrics.",
    )  # fmt: skip
    assert public.exit_code == 0, public.stderr
    private = pln("log", SECRET, "--date", "2026-01-13", "--private", "--minutes", "40", "-m", "Hard week.")
    assert private.exit_code == 0, private.stderr
    return pln


def test_json_names_references_and_keeps_ids(small: Run) -> None:
    result = small("export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["owner"] == "Ana Ruiz"
    [entry] = data["entries"]
    assert entry["space"] == {"id": "sschat", "name": "#sschat"}
    assert entry["people"] == [{"id": "jane-doe", "name": "Jane Doe"}, {"id": "tom-lee", "name": "Tom Lee"}]
    assert entry["tools"] == [{"id": "wakelet", "name": "Wakelet"}]
    assert entry["goal"] == {"id": "support-english-learners", "name": "Support English learners"}
    assert entry["growth"] == {"cognitive": "Single-point rubrics"}
    assert entry["body"] == "We talked about rubrics.\n"
    assert [p["id"] for p in data["people"]] == ["jane-doe", "tom-lee"]
    assert data["people"][0]["organization"] == "Lincoln High"
    assert [s["name"] for s in data["spaces"]] == ["#sschat"]
    assert [t["name"] for t in data["tools"]] == ["Wakelet"]
    assert [g["id"] for g in data["goals"]] == ["support-english-learners"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
def test_private_entries_never_leave_unless_asked(small: Run, fmt: str) -> None:
    shared = small("export", "--format", fmt)
    assert shared.exit_code == 0, shared.stderr
    assert "Grading chat" in shared.stdout
    assert SECRET not in shared.stdout and "Hard week" not in shared.stdout
    everything = small("export", "--format", fmt, "--include-private")
    assert SECRET in everything.stdout and "Hard week" in everything.stdout


def test_jsonl_is_one_entry_a_line(small: Run) -> None:
    lines = small("export", "--format", "jsonl", "--include-private").stdout.splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Grading chat", SECRET]


def test_csv_names_references(small: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(small("export", "--format", "csv").stdout)))
    assert len(rows) == 1
    assert rows[0]["space"] == "#sschat"
    assert rows[0]["people"] == "Jane Doe; Tom Lee"
    assert rows[0]["goal"] == "Support English learners"
    assert rows[0]["minutes"] == "60"
    assert rows[0]["growth"] == "cognitive: Single-point rubrics"


def test_markdown_is_readable(small: Run) -> None:
    text = small("export", "--format", "markdown").stdout
    assert text.startswith("# Learning journal of Ana Ruiz\n")
    assert "## 2026-01-12 · Grading chat" in text
    assert "- **People:** Jane Doe, Tom Lee" in text
    assert "- **Growth (cognitive):** Single-point rubrics" in text
    assert "We talked about rubrics." in text


def test_filters_are_those_of_list(small: Run) -> None:
    assert small("log", "Reading alone", "--date", "2026-02-01", "-m", "").exit_code == 0
    by_person = json.loads(small("export", "--with", "Jane Doe").stdout)["entries"]
    assert [e["title"] for e in by_person] == ["Grading chat"]
    by_range = json.loads(small("export", "--from", "2026-01-20").stdout)["entries"]
    assert [e["title"] for e in by_range] == ["Reading alone"]
    bad = small("export", "--growth", "cognitve")
    assert bad.exit_code == 2
    assert "did you mean 'cognitive'" in bad.stderr


def test_output_file_is_written_whole(small: Run, tmp_path: Path) -> None:
    target = tmp_path / "out" / "journal.json"
    missing = small("export", "-o", str(target))
    assert missing.exit_code == 1
    assert "does not exist" in missing.stderr
    target.parent.mkdir()
    result = small("export", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {target}" in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["entries"][0]["title"] == "Grading chat"
    assert [p.name for p in target.parent.iterdir()] == ["journal.json"]  # no temp file left


def test_examples_export_leaves_out_both_private_entries(example_journal: Path) -> None:
    result = invoke("--journal", str(example_journal), "export", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    titles = [json.loads(line)["title"] for line in result.stdout.splitlines()]
    assert len(titles) == 94  # 96 entries, 2 of them private
    assert SECRET not in titles


def test_unknown_reference_keeps_what_was_written(pln: Run, journal: Path) -> None:
    write(journal / "entries/2026/2026-03-01-x.md", "---\ndate: 2026-03-01\nspace: nowhere\n---\n")
    [entry] = json.loads(pln("export").stdout)["entries"]
    assert entry["space"] == {"id": "nowhere", "name": "nowhere"}
