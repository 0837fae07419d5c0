"""`pln report --growth` on hand-built journals; every expected figure is worked out by hand here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import Run, write
from tests.helpers.reports import entry, report_json

DIMENSION_KEYS = ["entries", "minutes", "share", "notes", "top_spaces", "top_people", "space_kinds"]


@pytest.fixture
def school_year(journal: Path) -> Path:
    """Five entries across the June/July school-year boundary; growth as a list and as a map."""
    write(journal / "spaces" / "sschat.md", "---\nname: '#sschat'\nkind: chat\n---\n")
    write(journal / "spaces" / "edcamp-tulsa.md", "---\nname: Edcamp Tulsa\nkind: unconference\n---\n")
    write(journal / "people" / "jane-doe.md", "---\nname: Jane Doe\n---\n")
    write(journal / "people" / "sam-lee.md", "---\nname: Sam Lee\n---\n")
    entry(
        journal,
        "2025-06-30-june-chat",
        "date: 2025-06-30\nspace: sschat\npeople: [jane-doe]\ngrowth: [cognitive, social]\nminutes: 30\n",
    )
    entry(
        journal,
        "2025-07-01-edcamp",
        "date: 2025-07-01\nspace: edcamp-tulsa\npeople: [jane-doe, sam-lee]\n"
        "growth:\n  identity: I led a session\n  social: Met Sam\nminutes: 60\n",
    )
    entry(
        journal,
        "2025-07-15-qft-chat",
        "date: 2025-07-15\nspace: '#sschat'\npeople: [Jane Doe]\n"
        "growth: {cognitive: QFT steps}\nminutes: 20\n",
    )
    entry(journal, "2025-09-02-no-growth", "date: 2025-09-02\nminutes: 15\n")
    entry(
        journal,
        "2025-09-10-rubrics",
        "date: 2025-09-10\nspace: sschat\n"
        "growth:\n  cognitive: Rubrics click\n  emotional: Proud\nminutes: 40\n",
    )
    return journal


def test_totals_shares_notes_and_top_records(pln: Run, school_year: Path) -> None:
    data = report_json(pln, "growth")
    # 5 entries, 30+60+20+15+40 minutes; only 2025-09-02 shows no known dimension
    assert [data[k] for k in ("report", "from", "to", "by", "entries", "minutes", "without_growth")] == [
        "growth", "2025-06-30", "2025-09-10", "month", 5, 165, 1
    ]  # fmt: skip
    dims = data["dimensions"]
    assert list(dims) == ["affective", "cognitive", "identity", "social"]
    assert all(list(d) == DIMENSION_KEYS for d in dims.values())
    assert dims["affective"] == {
        "entries": 0, "minutes": 0, "share": 0.0, "notes": [], "top_spaces": [], "top_people": [],
        "space_kinds": [],
    }  # fmt: skip
    cognitive = dims["cognitive"]  # June chat, QFT chat (space and person by name), rubrics: 3 of 5
    assert (cognitive["entries"], cognitive["minutes"], cognitive["share"]) == (3, 90, 0.6)
    assert cognitive["notes"] == [
        {"entry": "2025-09-10-rubrics", "date": "2025-09-10", "note": "Rubrics click"},
        {"entry": "2025-07-15-qft-chat", "date": "2025-07-15", "note": "QFT steps"},
    ]
    assert cognitive["top_spaces"] == [{"id": "sschat", "entries": 3}]
    assert cognitive["top_people"] == [{"id": "jane-doe", "entries": 2}]
    assert cognitive["space_kinds"] == [{"kind": "chat", "entries": 3}]
    social = dims["social"]  # June chat (list) and Edcamp (map): 2 of 5, 30+60 minutes
    assert (social["entries"], social["minutes"], social["share"]) == (2, 90, 0.4)
    assert social["notes"] == [{"entry": "2025-07-01-edcamp", "date": "2025-07-01", "note": "Met Sam"}]
    assert social["top_spaces"] == [{"id": "edcamp-tulsa", "entries": 1}, {"id": "sschat", "entries": 1}]
    assert social["top_people"] == [{"id": "jane-doe", "entries": 2}, {"id": "sam-lee", "entries": 1}]
    assert (dims["identity"]["entries"], dims["identity"]["share"]) == (1, 0.2)


def test_shares_round_to_three_places(pln: Run, journal: Path) -> None:
    for day in ("01", "02", "03"):
        growth = "[social]" if day == "01" else "[]"
        entry(journal, f"2026-01-{day}-day", f"date: 2026-01-{day}\ngrowth: {growth}\n")
    assert report_json(pln, "growth")["dimensions"]["social"]["share"] == 0.333  # 1 of 3


def test_an_unknown_dimension_is_left_out_with_a_warning(pln: Run, school_year: Path) -> None:
    result = pln("report", "--growth", "--format", "json")
    assert result.exit_code == 0
    assert "entries/2025/2025-09-10-rubrics.md:4: growth: 'emotional' is not one of" in result.stderr
    assert "emotional" not in result.stdout


def test_periods_across_the_school_year_boundary(pln: Run, school_year: Path) -> None:
    periods = report_json(pln, "growth", "--by", "school-year")["periods"]
    assert periods == [
        {"period": "2024-25", "from": "2024-07-01", "to": "2025-06-30", "entries": 1, "minutes": 30,
         "affective": 0, "cognitive": 1, "identity": 0, "social": 1},
        {"period": "2025-26", "from": "2025-07-01", "to": "2026-06-30", "entries": 4, "minutes": 135,
         "affective": 0, "cognitive": 2, "identity": 1, "social": 1},
    ]  # fmt: skip


def test_every_month_is_present_even_without_entries(pln: Run, school_year: Path) -> None:
    periods = report_json(pln, "growth")["periods"]
    assert [(p["period"], p["entries"], p["minutes"], p["cognitive"]) for p in periods] == [
        ("2025-06", 1, 30, 1), ("2025-07", 2, 80, 1), ("2025-08", 0, 0, 0), ("2025-09", 2, 55, 1)
    ]  # fmt: skip


def test_school_year_start_from_pln_yaml(pln: Run, school_year: Path) -> None:
    config = school_year / "pln.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "school_year_start: 08-15\n", encoding="utf-8")
    config.write_text(config.read_text(encoding="utf-8").replace("school_year_start: 07-01\n", ""))
    periods = report_json(pln, "growth", "--by", "school-year")["periods"]
    assert [(p["period"], p["from"], p["to"], p["entries"]) for p in periods] == [
        ("2024-25", "2024-08-15", "2025-08-14", 3), ("2025-26", "2025-08-15", "2026-08-14", 2)
    ]  # fmt: skip


def test_a_leap_day_by_week_and_by_month(pln: Run, journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLN_TODAY", "2028-06-01")  # a range with no --to stops at today
    entry(journal, "2028-02-27-sunday", "date: 2028-02-27\ngrowth: [social]\nminutes: 10\n")
    entry(journal, "2028-02-29-leap-day", "date: 2028-02-29\ngrowth: [cognitive]\nminutes: 29\n")
    entry(journal, "2028-03-06-monday", "date: 2028-03-06\ngrowth: [cognitive]\nminutes: 5\n")
    weeks = report_json(pln, "growth", "--by", "week")["periods"]
    # 2028-02-27 is the Sunday of ISO week 8; week 9 runs Monday 28 February to Sunday 5 March
    assert [(p["period"], p["from"], p["to"], p["entries"], p["minutes"]) for p in weeks] == [
        ("2028-W08", "2028-02-21", "2028-02-27", 1, 10),
        ("2028-W09", "2028-02-28", "2028-03-05", 1, 29),
        ("2028-W10", "2028-03-06", "2028-03-12", 1, 5),
    ]
    months = report_json(pln, "growth", "--by", "month")["periods"]
    assert [(p["period"], p["to"], p["entries"], p["cognitive"]) for p in months] == [
        ("2028-02", "2028-02-29", 2, 1), ("2028-03", "2028-03-31", 1, 1)
    ]  # fmt: skip


def test_a_range_and_filters_choose_the_entries(pln: Run, school_year: Path) -> None:
    july = report_json(pln, "growth", "--from", "2025-07-01", "--to", "2025-07-31")
    assert (july["from"], july["to"], july["entries"], july["minutes"]) == ("2025-07-01", "2025-07-31", 2, 80)
    chat = report_json(pln, "growth", "--space", "#sschat")  # June chat, QFT chat, rubrics
    assert (chat["entries"], chat["minutes"], chat["without_growth"]) == (3, 90, 0)
    with_sam = report_json(pln, "growth", "--with", "Sam Lee")
    assert (with_sam["entries"], with_sam["dimensions"]["identity"]["share"]) == (1, 1.0)


def test_words_naming_a_period(pln: Run, school_year: Path) -> None:
    env = {"PLN_TODAY": "2025-08-20"}
    result = pln("report", "--growth", "-f", "json", "--from", "last month", "--to", "last month", env=env)
    data = json.loads(result.stdout)
    assert (data["from"], data["to"], data["entries"]) == ("2025-07-01", "2025-07-31", 2)
    later = {"PLN_TODAY": "2025-09-20"}  # after the last entry: a range with no --to stops at today
    result = pln("report", "--growth", "-f", "json", "--from", "this school year", env=later)
    data = json.loads(result.stdout)  # from the first day of the school year to the last entry
    assert (data["from"], data["to"], data["entries"]) == ("2025-07-01", "2025-09-10", 4)


def test_a_range_that_excludes_everything(pln: Run, school_year: Path) -> None:
    result = pln("report", "--growth", "-f", "json", "--from", "2030-01-01", "--to", "2030-02-15")
    assert result.exit_code == 0
    assert "no entries from 2030-01-01 to 2030-02-15; the growth report is empty" in result.stderr
    data = json.loads(result.stdout)
    assert (data["entries"], data["minutes"], data["without_growth"]) == (0, 0, 0)
    assert data["dimensions"]["social"]["share"] == 0.0
    assert [(p["period"], p["entries"]) for p in data["periods"]] == [("2030-01", 0), ("2030-02", 0)]
    for fmt in ("table", "csv", "markdown"):
        assert pln("report", "--growth", "-f", fmt, "--from", "2030-01-01").exit_code == 0
    filtered = pln("report", "--growth", "--space", "sschat", "--from", "2025-09-03", "--to", "2025-09-09")
    assert "no entries from 2025-09-03 to 2025-09-09 matching the filters" in filtered.stderr


def test_an_empty_journal(pln: Run) -> None:
    result = pln("report", "--growth", "-f", "json")
    assert result.exit_code == 0
    assert "no entries in this journal" in result.stderr
    data = json.loads(result.stdout)
    assert (data["from"], data["to"], data["entries"], data["periods"]) == (None, None, 0, [])
    table = pln("report", "--growth")
    assert table.exit_code == 0
    assert table.stdout.startswith("Growth, no entries: 0 entries, 0 minutes")


def test_a_reversed_range_is_bad_usage(pln: Run, school_year: Path) -> None:
    result = pln("report", "--growth", "--from", "2025-09-01", "--to", "2025-08-01")
    assert result.exit_code == 2
    assert "--from 2025-09-01 is after --to 2025-08-01" in result.stderr


def test_table_when_piped(pln: Run, school_year: Path) -> None:
    result = pln("report", "--growth")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Growth, 2025-06-30 to 2025-09-10: 5 entries, 165 minutes\n")
    assert "\x1b[" not in out  # plain text in a pipe
    lines = out.splitlines()
    cognitive = next(line for line in lines if line.startswith("cognitive"))
    assert cognitive.split()[:4] == ["cognitive", "3", "60%", "90"]
    assert "2025-08  0" in out  # the empty month is shown
    assert "2025-09-10  Rubrics click  (2025-09-10-rubrics)" in out
    assert "- Identity growth appears in 1 of 5 entries, all of them at unconferences such as Edcamps." in out
    assert "- No entry shows affective growth yet" in out
    assert "- 1 of 5 entries record no growth" in out


def test_observations_without_a_missing_dimension(pln: Run, school_year: Path) -> None:
    entry(school_year, "2025-09-12-calm", "date: 2025-09-12\nspace: sschat\ngrowth: [affective, social]\n")
    out = pln("report", "--growth").stdout
    # 6 entries: affective 1 (a chat), identity 1 (the Edcamp); the rarest is the first in order
    assert "- Affective growth appears in 1 of 6 entries, all of them at chats." in out
    assert "- Cognitive growth is the most common: 3 of 6 entries (50%)." in out
    assert "No entry shows" not in out


def test_csv_is_the_periods_table(pln: Run, school_year: Path) -> None:
    result = pln("report", "--growth", "-f", "csv", "--by", "quarter")
    assert result.stdout == (
        "period,from,to,entries,minutes,affective,cognitive,identity,social\n"
        "2025-Q2,2025-04-01,2025-06-30,1,30,0,1,0,1\n"
        "2025-Q3,2025-07-01,2025-09-30,4,135,0,2,1,1\n"
    )


def test_markdown_is_a_post_to_share(pln: Run, school_year: Path) -> None:
    write(school_year / "entries" / "2025" / "2025-09-11-pipe.md", "---\ndate: 2025-09-11\n"
          "growth: {affective: 'calm | focused'}\n---\n")  # fmt: skip
    out = pln("report", "--growth", "-f", "markdown").stdout
    assert out.startswith("# How my learning network made me grow, 2025-06-30 to 2025-09-11\n")
    assert "| Cognitive | 3 | 50% | 90 | sschat | jane-doe |" in out  # 3 of 6 entries
    assert "## What I noticed" in out
    assert "- 2025-09-11: calm \\| focused" in out
    assert "| 2025-08 | 0 | 0 | 0 | 0 | 0 | 0 |" in out


def test_html_is_a_page(pln: Run, school_year: Path) -> None:
    page = pln("report", "--growth", "-f", "html")
    assert page.exit_code == 0, page.stderr
    assert page.stdout.startswith("<!DOCTYPE html>")  # the page itself is tested in test_html.py


def test_a_typo_in_the_future_does_not_stretch_the_report(pln: Run) -> None:
    """Issue 15, item 6: one entry dated 2062 made the growth report list 433 empty months. A range
    with no --to stops at today, names what it left out, and --to counts it."""
    today = {"PLN_TODAY": "2026-11-25"}
    for title, day in (("Chat", "2026-10-05"), ("Typo", "2062-11-23")):
        assert (
            pln("log", title, "--date", day, "--cognitive", "x", "--minutes", "30", "-m", "").exit_code == 0
        )
    result = pln("report", "--growth", "--format", "json", env=today)
    data = json.loads(result.stdout)
    assert (data["from"], data["to"], data["entries"], len(data["periods"])) == (
        "2026-10-05",
        "2026-10-05",
        1,
        1,
    )
    assert result.stderr == (
        "pln: warning: left out entries/2062/2062-11-23-typo.md:2: dated 2062-11-23, after today "
        "(give --to 2062-11-23 to count it; see 'pln check')\n"
    )
    counted = json.loads(
        pln("report", "--growth", "--to", "2062-12-31", "--format", "json", env=today).stdout
    )
    assert counted["entries"] == 2
