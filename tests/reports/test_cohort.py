"""The cohort view from literal shares: totals, medians, suppression of small cells, one share per
teacher; and a share made from a real journal holds no names, titles or notes."""

from __future__ import annotations

import json
from pathlib import Path

from plnjournal.reports.cohort import aggregate, check_share
from tests.helpers import EXAMPLES, invoke


def literal_share(teacher: str, made: str, entries: int, hours: float, cognitive: int, led: int = 0) -> dict:
    counts = {
        "entries": entries,
        "hours": hours,
        "growth": {"affective": 0, "cognitive": cognitive, "identity": 0, "social": 0},
        "engagement": {"read": entries - led, "led": led},
        "impact": {"logged": entries, "intended": 0, "applied": 0, "student_impact": 0},
        "space_kinds": {"chat": entries},
        "platforms": {},
    }
    return {
        "format": "pln-cohort-share",
        "version": 1,
        "teacher": teacher,
        "made": made,
        "periods": [{"period": "2026-01", **counts}],
        "total": counts,
    }


def test_totals_medians_and_suppression() -> None:
    shares = [
        literal_share(f"t{n}", "2026-06-30", entries=n * 10, hours=n * 5, cognitive=n) for n in range(1, 7)
    ]
    shares[0]["total"]["engagement"]["led"] = 2  # only two teachers ever led: suppressed
    shares[1]["total"]["engagement"]["led"] = 1
    data = aggregate(shares, min_teachers=5, goal_hours=20)
    assert data["teachers"] == 6
    assert data["entries"] == {"total": 210, "teachers": 6, "median": 35, "suppressed": False}
    assert data["hours"] == {"total": 105, "teachers": 6, "median": 17.5, "suppressed": False}
    assert data["growth"]["cognitive"] == {"total": 21, "teachers": 6, "median": 3.5, "suppressed": False}
    assert data["growth"]["identity"] == {"total": None, "teachers": None, "median": None, "suppressed": True}
    assert data["engagement"]["led"]["suppressed"] is True
    # 20 hours: reached by t4, t5, t6 (3 teachers) and not by 3: both groups under 5, so hidden
    assert data["goal"] == {"hours": 20, "reached": None, "suppressed": True}
    assert aggregate(shares, min_teachers=3, goal_hours=20)["goal"] == {
        "hours": 20,
        "reached": 3,
        "suppressed": False,
    }


def test_each_teacher_counts_once_with_their_newest_share() -> None:
    old = literal_share("t1", "2026-01-31", entries=5, hours=1, cognitive=1)
    new = literal_share("t1", "2026-06-30", entries=50, hours=10, cognitive=5)
    data = aggregate([new, old], min_teachers=1)
    assert data["teachers"] == 1
    assert data["entries"]["total"] == 50


def test_a_cohort_smaller_than_the_threshold_shows_nothing() -> None:
    data = aggregate([literal_share(f"t{n}", "2026-06-30", 10, 5, 2) for n in range(4)], min_teachers=5)
    assert data["entries"]["suppressed"] and data["hours"]["suppressed"]
    assert all(cell["suppressed"] for cell in data["growth"].values())
    assert all(period["entries"]["suppressed"] for period in data["periods"])


def test_check_share_names_what_is_wrong() -> None:
    assert check_share({"entries": []}) == "not a cohort share (made by pln export --for-cohort)"
    assert "version 9" in (check_share({"format": "pln-cohort-share", "version": 9}) or "")


def test_a_share_from_a_journal_holds_only_counts(example_journal: Path, tmp_path: Path) -> None:
    out = tmp_path / "share.json"
    result = invoke("--journal", str(example_journal), "export", "--for-cohort", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "left out 2 private entries" in result.stderr
    text = out.read_text(encoding="utf-8")
    share = json.loads(text)
    assert share["format"] == "pln-cohort-share" and share["version"] == 1
    assert share["total"]["entries"] == 94
    assert sum(period["entries"] for period in share["periods"]) == 94  # the months add up
    for record in [*EXAMPLES.glob("people/*.md"), *EXAMPLES.glob("spaces/*.md")]:
        name = next(line for line in record.read_text().splitlines() if line.startswith("name:"))[6:].strip()
        assert name.strip('"') not in text, record.name
    assert "Question Formulation" not in text and "rubric" not in text.lower()
    again = tmp_path / "again.json"
    invoke("--journal", str(example_journal), "export", "--for-cohort", "-o", str(again))
    assert json.loads(again.read_text())["teacher"] == share["teacher"]  # the id is kept in pln.yaml


def test_pln_cohort_reads_a_folder_and_skips_what_is_not_a_share(tmp_path: Path) -> None:
    folder = tmp_path / "shares"
    folder.mkdir()
    for n in range(5):
        share = literal_share(f"t{n}", "2026-06-30", entries=10 + n, hours=2.5, cognitive=1)
        (folder / f"t{n}.json").write_text(json.dumps(share))
    (folder / "notes.json").write_text('{"entries": []}')
    (folder / "broken.json").write_text("{")
    result = invoke("cohort", str(folder), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert "notes.json: skipped: not a cohort share" in result.stderr
    assert "broken.json: skipped: cannot read it as JSON" in result.stderr
    data = json.loads(result.stdout)
    assert data["entries"] == {"total": 60, "teachers": 5, "median": 12, "suppressed": False}
    table = invoke("cohort", str(folder), "--min-teachers", "6").stdout
    assert "5 teachers; cells resting on fewer than 6 are suppressed" in table
    assert "fewer than 6 teachers" in table
    for fmt in ("csv", "markdown", "html"):
        assert invoke("cohort", str(folder), "--format", fmt).exit_code == 0
    html = invoke("cohort", str(folder), "--format", "html").stdout
    assert "<script" not in html and "http" not in html.split("</style>")[-1]
    missing = invoke("cohort", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "no such file or folder" in missing.stderr
