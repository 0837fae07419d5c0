"""`pln import`: jrnl JSON and CSV PD logs in; idempotent; one bad row never stops the rest."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers import Run, invoke, write

JRNL = {
    "tags": {"@grading": 2, "@tom": 1},
    "entries": [
        {
            "title": "Read about standards-based grading.",
            "body": "Marzano's chapter 2.\nStill unsure about retakes.",
            "date": "2024-03-02",
            "time": "21:15",
            "tags": ["@grading"],
            "starred": True,
        },
        {
            "title": "Coffee with @tom about retakes.",
            "body": "",
            "date": "2024-03-05",
            "time": "07:30",
            "tags": ["@tom", "@grading"],
            "starred": False,
        },
        {"title": "No date here.", "body": "x", "tags": [], "starred": False},
    ],
}


def entry_files(journal: Path) -> list[Path]:
    return sorted((journal / "entries").rglob("*.md"))


def entries_json(pln: Run) -> list[dict]:
    return json.loads(pln("export", "--include-private").stdout)["entries"]


def test_jrnl_with_tags_and_starred(pln: Run, journal: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "jrnl.json", json.dumps(JRNL))
    result = pln("import", "--from", "jrnl", str(source))
    assert result.exit_code == 1  # one entry was rejected
    assert "jrnl.json: 2 new, 0 skipped (already imported), 1 rejected" in result.stderr
    assert "jrnl.json entry 3 (None No date here.): no date" in result.stderr
    first, second = entries_json(pln)
    assert (first["date"], first["time"], first["title"]) == (
        "2024-03-02",
        "21:15",
        "Read about standards-based grading.",
    )
    assert first["tags"] == ["grading", "starred"]
    assert first["body"] == "Marzano's chapter 2.\nStill unsure about retakes.\n"
    assert first["source"].startswith("jrnl:") and len(first["source"]) == len("jrnl:") + 12
    assert second["tags"] == ["tom", "grading"]
    assert result.stdout.splitlines() == [
        "entries/2024/2024-03-02-read-about-standards-based-grading.md",
        "entries/2024/2024-03-05-coffee-with-tom-about-retakes.md",
    ]


def test_importing_twice_adds_nothing(pln: Run, journal: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "jrnl.json", json.dumps(JRNL))
    pln("import", "--from", "jrnl", str(source))
    before = [path.read_bytes() for path in entry_files(journal)]
    again = pln("import", "--from", "jrnl", str(source))
    assert "0 new, 2 skipped (already imported), 1 rejected" in again.stderr
    assert again.stdout == ""
    assert [path.read_bytes() for path in entry_files(journal)] == before


def test_not_jrnl_json_is_one_clear_line(pln: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "notes.json", "[1, 2]")
    result = pln("import", "--from", "jrnl", str(source))
    assert result.exit_code == 1
    assert result.stderr == (
        f"pln: error: {source}: not a jrnl JSON export (jrnl --export json); "
        "it looks like a JSON list (pln reads a JSON object)\n"
    )


@pytest.fixture
def pln_export(pln: Run, tmp_path: Path) -> Path:
    """A pln JSON export of a journal with one full entry."""
    pln("add", "person", "Jane Doe")
    pln("add", "space", "#sschat", "--kind", "chat")
    logged = pln("log", "Chat", "--date", "2025-01-06", "--space", "sschat", "--with", "jane-doe",
                 "--cognitive", "Rubrics", "--minutes", "60", "-m", "Notes")  # fmt: skip
    assert logged.exit_code == 0, logged.stderr
    return write(tmp_path / "export.json", pln("export", "--format", "json").stdout)


@pytest.mark.parametrize(
    ("kind", "what"),
    [
        ("jrnl", "not a jrnl JSON export (jrnl --export json); it looks like a pln JSON export (--from pln)"),
        ("csv", "not a CSV PD log; it looks like a pln JSON export (--from pln)"),
    ],
)
def test_an_importer_refuses_a_pln_export_and_names_it(
    pln: Run, journal: Path, pln_export: Path, kind: str, what: str
) -> None:
    """Issue 15, item 5: a pln export fed to --from jrnl came in as bare copies of every entry."""
    before = sorted(path.read_bytes() for path in entry_files(journal))
    result = pln("import", "--from", kind, str(pln_export))
    assert result.exit_code == 1
    assert result.stderr == f"pln: error: {pln_export}: {what}\n"
    assert sorted(path.read_bytes() for path in entry_files(journal)) == before


@pytest.mark.parametrize(
    ("kind", "content", "what"),
    [
        ("jrnl", "Date,Title\n2025-01-01,Workshop\n", "it looks like a CSV file (--from csv)"),
        ("csv", "---\ntitle: A note\n---\nText\n", "it looks like a Markdown note"),
        ("csv", json.dumps(JRNL), "it looks like a jrnl JSON export (--from jrnl)"),
        ("jrnl", "", "it looks like an empty file"),
    ],
)
def test_every_importer_names_what_a_wrong_file_looks_like(
    pln: Run, journal: Path, tmp_path: Path, kind: str, content: str, what: str
) -> None:
    source = write(tmp_path / "notes.txt", content)
    result = pln("import", "--from", kind, str(source))
    assert result.exit_code == 1
    assert what in result.stderr and len(result.stderr.splitlines()) == 1
    assert entry_files(journal) == []


def test_an_empty_jrnl_journal_imports_nothing(pln: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "jrnl.json", json.dumps({"tags": {}, "entries": []}))
    result = pln("import", "--from", "jrnl", str(source))
    assert result.exit_code == 0, result.stderr
    assert "0 new, 0 skipped (already imported), 0 rejected" in result.stderr


PD_LOG = (
    "\ufeffDate,Activity,Provider,Location,Hours,Verified By,Notes,Tags,Credits\n"
    "2025-09-20,Fall EL institute,State Dept of Ed,Oklahoma City,6,Certificate,Sessions on WIDA,el,0.6\n"
    "10/18/2025,Edcamp Tulsa,Edcamp Tulsa,Tulsa,5.5,Sign-in sheet,,edcamp; tulsa,\n"
    "next tuesday,Webinar,,,1,,,,\n"
    "2025-11-02,Book study,,,two,,,,\n"
    ",,,,,,,,\n"
    "2025-12-01,Ghost conference,Nowhere Inc,,1,,,,\n"
)


@pytest.fixture
def pd_log(tmp_path: Path) -> Path:
    path = tmp_path / "pd-log.csv"
    path.write_bytes(PD_LOG.encode("utf-8"))
    return path


def test_csv_with_bom_bad_rows_and_unknown_provider(pln: Run, pd_log: Path) -> None:
    assert pln("add", "space", "Edcamp Tulsa", "--kind", "unconference").exit_code == 0
    assert pln("add", "space", "State Dept of Ed", "--kind", "workshop").exit_code == 0
    result = pln("import", "--from", "csv", str(pd_log))
    assert result.exit_code == 1
    assert "pd-log.csv: columns not imported: Credits (see --map)" in result.stderr
    assert "pd-log.csv: 2 new, 0 skipped (already imported), 3 rejected" in result.stderr
    assert "pd-log.csv row 4: 'next tuesday' is not a date (YYYY-MM-DD)" in result.stderr
    assert "row 5: hours: 'two' is not a duration (write 1.5, 1h30, 90 min or 1:30)" in result.stderr
    assert "pd-log.csv row 7: unknown space 'Nowhere Inc'" in result.stderr
    assert result.stderr.endswith(
        "pln: --add-missing creates the people, spaces, tools and goals the file names\n"
    )
    institute, edcamp = entries_json(pln)
    assert institute["date"] == "2025-09-20"  # the BOM did not hide the Date header
    assert institute["title"] == "Fall EL institute"
    assert institute["space"] == {"id": "state-dept-of-ed", "name": "State Dept of Ed"}
    assert institute["minutes"] == 360
    assert institute["location"] == "Oklahoma City"
    assert institute["verified_by"] == "Certificate"
    assert institute["body"] == "Sessions on WIDA\n"
    assert institute["source"].startswith("csv:pd-log.csv:")
    assert edcamp["date"] == "2025-10-18"
    assert edcamp["minutes"] == 330  # 5.5 hours
    assert edcamp["tags"] == ["edcamp", "tulsa"]


def test_add_missing_creates_the_provider(pln: Run, journal: Path, pd_log: Path) -> None:
    result = pln("import", "--from", "csv", str(pd_log), "--add-missing")
    assert "3 new, 0 skipped (already imported), 2 rejected" in result.stderr
    assert (journal / "spaces" / "nowhere-inc.md").read_text(
        encoding="utf-8"
    ) == "---\nname: Nowhere Inc\n---\n"
    assert (journal / "spaces" / "edcamp-tulsa.md").is_file()


def test_csv_without_a_date_column_is_refused(pln: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "log.csv", "When,Title\n2025-01-01,Workshop\n")
    result = pln("import", "--from", "csv", str(source))
    assert result.exit_code == 1
    assert "no Date column (columns: 'When', 'Title'); name it with --map COLUMN=date" in result.stderr
    mapped = pln("import", "--from", "csv", str(source), "--map", "When=date")
    assert mapped.exit_code == 0, mapped.stderr
    assert [e["title"] for e in entries_json(pln)] == ["Workshop"]


def test_csv_with_a_missing_column_imports_what_is_there(pln: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "log.csv", "Date,Title,Minutes\n2025-01-01,Workshop,45\n2025-01-02,Reading\n")
    result = pln("import", "--from", "csv", str(source))
    assert result.exit_code == 0, result.stderr
    assert [(e["title"], e["minutes"]) for e in entries_json(pln)] == [("Workshop", 45), ("Reading", None)]


def test_bad_map_is_a_usage_error(pln: Run, pd_log: Path) -> None:
    result = pln("import", "--from", "csv", str(pd_log), "--map", "Credits=credit")
    assert result.exit_code == 2
    assert "--map: 'credit' is not one of" in result.stderr


def test_one_commit_for_the_whole_import(pln: Run, journal: Path, pd_log: Path) -> None:
    write(journal / "pln.yaml", "owner: Ana Ruiz\ngit:\n  autocommit: true\n")
    pln("import", "--from", "csv", str(pd_log), "--add-missing")
    log = subprocess.run(
        ["git", "log", "--format=%s", "--name-only", "-1"], cwd=journal, capture_output=True, text=True
    ).stdout.splitlines()
    assert log[0] == "import 3 entries from pd-log.csv"
    assert len([line for line in log if line.startswith("entries/")]) == 3
    assert len([line for line in log if line.startswith("spaces/")]) == 3


def test_round_trip_keeps_every_entry(example_journal: Path, tmp_path: Path) -> None:
    exported = tmp_path / "all.csv"
    out = invoke(
        "--journal", str(example_journal), "export", "-f", "csv", "--include-private", "-o", str(exported)
    )
    assert out.exit_code == 0, out.stderr
    fresh = tmp_path / "fresh"
    assert invoke("init", str(fresh), "--owner", "Ana Ruiz").exit_code == 0
    result = invoke("--journal", str(fresh), "import", "--from", "csv", str(exported), "--add-missing")
    assert result.exit_code == 0, result.stderr
    assert "96 new, 0 skipped (already imported), 0 rejected" in result.stderr
    original = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8"))))
    again = invoke("--journal", str(fresh), "export", "-f", "csv", "--include-private").stdout
    copied = list(csv.DictReader(io.StringIO(again)))
    keys = ("id", "date", "time", "title", "space", "people", "tools", "goal", "minutes", "private", "body")

    def facts(rows: list[dict[str, str]]) -> list[list[object]]:
        # growth is written in the order of the dimensions; a hand-written file may order it otherwise
        return [[*(row[key] for key in keys), sorted(row["growth"].split("; "))] for row in rows]

    assert facts(copied) == facts(original)
    assert len(copied) == 96
    assert sum(row["private"] == "true" for row in copied) == 2
    twice = invoke("--journal", str(fresh), "import", "--from", "csv", str(exported))
    assert "0 new, 96 skipped (already imported), 0 rejected" in twice.stderr


def test_the_same_rows_in_a_file_of_another_name_come_in_once(pln: Run, tmp_path: Path) -> None:
    """Issue 15, item 20: a monthly download of the same PD log came in twice."""
    october = write(tmp_path / "pd-log-october.csv", "Date,Activity,Hours\n2025-10-01,Webinar,1\n")
    november = write(
        tmp_path / "pd-log-november.csv",
        "Date,Activity,Hours\n2025-10-01,Webinar,1\n2025-11-05,Book study,2\n",
    )
    assert pln("import", "--from", "csv", str(october)).exit_code == 0
    again = pln("import", "--from", "csv", str(november))
    assert again.exit_code == 0, again.stderr
    assert "pd-log-november.csv: 1 new, 1 skipped (already imported), 0 rejected" in again.stderr
    assert [e["title"] for e in entries_json(pln)] == ["Webinar", "Book study"]
