"""`pln credits` on real files: the report in each format, `init`, `packs`, a bad pack, privacy."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Run, write
from tests.helpers.gitrepo import git
from tests.helpers.reports import entry

TODAY = {"PLN_TODAY": "2026-06-30"}


def conference_year(journal: Path) -> None:
    write(
        journal / "spaces" / "ocss.md",
        "---\nname: OCSS State Conference\nkind: conference\nmode: physical\n---\n",
    )
    entry(journal, "2025-11-14-ocss", "date: 2025-11-14\ntitle: OCSS day one\nspace: ocss\nminutes: 420\n")
    entry(
        journal,
        "2026-04-25-ocss-talk",
        "date: 2026-04-25\ntitle: My QFT talk\ntopic: QFT\nspace: ocss\nengagement: led\nminutes: 60\n",
    )
    entry(
        journal,
        "2026-05-01-ocss-talk-again",
        "date: 2026-05-01\ntitle: QFT once more\ntopic: qft\nspace: ocss\nengagement: led\nminutes: 60\n",
    )
    entry(
        journal,
        "2026-05-02-secret",
        "date: 2026-05-02\ntitle: Private therapy notes\nminutes: 600\nprivate: true\n",
    )


def test_credits_table_shows_the_total_the_pace_and_each_category(pln: Run, journal: Path) -> None:
    conference_year(journal)
    result = pln("credits", "--pack", "va", "--cycle", "2025-07-01", env=TODAY)
    assert result.exit_code == 0, result.stderr
    # conference: 5 (a day) + 15 (QFT presented; once) = 20; PD: 600 min of the private entry = 10
    assert "30 of 270 points counted; 240 points to go" in result.stdout
    assert "Professional conference              3        20" in result.stdout
    assert "cycle 2025-07-01 to 2035-06-30" in result.stderr
    listed = pln("credits", "--pack", "va", "--cycle", "2025-07-01", "--entries", env=TODAY).stdout
    assert "topic already counted this cycle (2026-04-25-ocss-talk)" in listed


def test_credits_json_csv_and_the_private_rule(pln: Run, journal: Path) -> None:
    conference_year(journal)
    data = json.loads(
        pln("credits", "-p", "va", "--cycle", "2025-07-01..2035-06-30", "-f", "json", env=TODAY).stdout
    )
    assert (data["pack"], data["counted"], data["required"], data["unit"]) == ("va", 30, 270, "points")
    assert {row["entry"] for row in data["entries"]} >= {"2026-05-02-secret"}  # json stays on the machine
    csv = pln("credits", "-p", "va", "--cycle", "2025-07-01", "-f", "csv", env=TODAY).stdout
    assert csv.splitlines()[0].startswith("category,name,entries,earned,held,spilled")
    page = pln(
        "credits", "-p", "va", "--cycle", "2025-07-01", "-f", "markdown", "--entries", env=TODAY
    ).stdout
    assert "Private therapy notes" not in page and "20 of 270 points counted" in page
    shared = pln(
        "credits", "-p", "va", "--cycle", "2025-07-01", "-f", "markdown", "--entries", "--include-private"
    )
    assert "Private therapy notes" in shared.stdout
    html = pln("credits", "-p", "va", "--cycle", "2025-07-01", "-f", "html", env=TODAY).stdout
    assert html.startswith("<!DOCTYPE html>") and "Private therapy notes" not in html


def test_credits_init_copies_a_pack_to_edit_and_commits_it(pln: Run, journal: Path) -> None:
    result = pln("credits", "init", "va", "--as", "albemarle")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "credits/albemarle.yaml\n"
    assert (
        "CHECK THESE AGAINST THE STATE'S CURRENT RULES"
        in (journal / "credits" / "albemarle.yaml").read_text()
    )
    assert "credits/albemarle.yaml" in git(journal, "show", "--name-only", "HEAD")
    again = pln("credits", "init", "va", "--as", "albemarle")
    assert again.exit_code == 1 and "credits/albemarle.yaml already exists" in again.stderr
    # the journal's only own pack is the default, and `pln check` leaves credits/ alone
    assert "Virginia" in pln("credits", env=TODAY).stderr
    assert "credits" not in pln("check").stdout
    packs = json.loads(pln("credits", "packs", "--format", "json").stdout)
    assert [p["pack"] for p in packs] == ["albemarle", "ma", "ny-ctle", "oh", "tx-cpe", "va"]


def test_a_bad_pack_is_one_line_naming_file_and_line(pln: Run, journal: Path) -> None:
    pln("credits", "init", "tx-cpe", "--no-commit")
    path = journal / "credits" / "tx-cpe.yaml"
    lines = path.read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if "cap: 20%" in line)
    lines[number] = lines[number].replace("20%", "lots")
    path.write_text("\n".join(lines) + "\n")
    result = pln("credits", "--pack", "tx-cpe")
    assert result.exit_code == 1
    message = "cap: expected units or a share such as 20%, found 'lots'"
    assert result.stderr.strip() == f"pln: error: credits/tx-cpe.yaml:{number + 1}: {message}"


def test_unknown_pack_and_bad_cycle(pln: Run) -> None:
    result = pln("credits", "--pack", "nj")
    assert (
        result.exit_code == 1
        and "no rule pack named 'nj'; the packs are: ma, ny-ctle, oh, tx-cpe, va" in result.stderr
    )
    assert "which rule pack? give --pack NAME" in pln("credits").stderr
    bad = pln("credits", "--pack", "va", "--cycle", "2030-01-01..2020-01-01")
    assert bad.exit_code == 2 and "--cycle: 2020-01-01 is before 2030-01-01" in bad.stderr


def test_hostile_titles_stay_text_and_out_writes_a_file(pln: Run, journal: Path, tmp_path: Path) -> None:
    entry(
        journal, "2025-09-01-x", "date: 2025-09-01\ntitle: '<script>alert(1)</script> | pipe'\nminutes: 60\n"
    )
    page = pln(
        "credits", "-p", "va", "--cycle", "2025-07-01", "-f", "markdown", "--entries", env=TODAY
    ).stdout
    assert "<script>" not in page and "&lt;script>alert(1)&lt;/script> \\| pipe" in page
    html = pln("credits", "-p", "va", "--cycle", "2025-07-01", "-f", "html", "--entries", env=TODAY).stdout
    assert "<script>" not in html and "&lt;script&gt;" in html
    target = tmp_path / "va.json"
    result = pln("credits", "-p", "va", "--cycle", "2025-07-01", "-f", "json", "-o", str(target), env=TODAY)
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text())["counted"] == 1


def test_an_empty_cycle_says_so(pln: Run) -> None:
    result = pln("credits", "--pack", "ma", "--cycle", "2025-07-01", env=TODAY)
    assert result.exit_code == 0
    assert "no entries from 2025-07-01 to 2030-06-30; nothing counts yet" in result.stderr
    assert "0 of 150 PDPs counted; 150 PDPs to go" in result.stdout
    assert "Minimum missing: 15 PDPs more in Content knowledge (0 of 15)" in result.stdout


def test_log_warns_of_a_category_no_pack_has(pln: Run, journal: Path) -> None:
    result = pln("log", "Conference day", "--credit", "conferense", "--no-commit", "-m", "")
    assert result.exit_code == 0
    assert (
        "warning: --credit: 'conferense' is not a category of any rule pack; did you mean 'conference'?"
        in (result.stderr)
    )
    assert "credit: conferense\n" in (journal / result.stdout.strip()).read_text()
    assert (
        "warning" not in pln("log", "Mentor hour", "--credit", "mentorship", "--no-commit", "-m", "").stderr
    )


def test_a_divisions_own_pack_with_an_activity_minimum(pln: Run, journal: Path) -> None:
    """One Virginia division asks for at least 5 points per activity: its copy of the pack says so."""
    pln("credits", "init", "va", "--as", "division", "--no-commit")
    path = journal / "credits" / "division.yaml"
    path.write_text(path.read_text().replace("    when: any\n", "    when: any\n    activity_minimum: 5\n"))
    entry(journal, "2025-09-01-short", "date: 2025-09-01\ntitle: Short webinar\nminutes: 120\n")
    entry(journal, "2025-09-02-long", "date: 2025-09-02\ntitle: Summer academy\nminutes: 360\n")
    data = json.loads(pln("credits", "--cycle", "2025-07-01", "-f", "json", env=TODAY).stdout)
    rows = {row["entry"]: row for row in data["entries"]}
    # 2 h earn 2 points, under the 5 an activity needs: nothing; 6 h earn 6
    assert rows["2025-09-01-short"]["units"] == 0
    assert rows["2025-09-01-short"]["why"].endswith("under the 5 an activity needs")
    assert (rows["2025-09-02-long"]["units"], data["counted"], data["pack_path"]) == (
        6,
        6,
        "credits/division.yaml",
    )


def test_packs_lists_a_broken_pack_as_a_warning(pln: Run, journal: Path) -> None:
    write(journal / "credits" / "mine.yaml", "name: Mine\nunit: hours\nrequired: ten\n")
    result = pln("credits", "packs")
    assert result.exit_code == 1
    assert "pln: warning: credits/mine.yaml:1: a pack needs 'categories'" in result.stderr
    assert (
        "va       Virginia license renewal (10-year license)             270 points  built-in pack va"
        in result.stdout
    )


def test_the_readme_shows_what_credits_prints_for_the_example_journal(example_journal: Path) -> None:
    from tests.helpers import EXAMPLES, invoke

    readme = (EXAMPLES.parents[1] / "README.md").read_text(encoding="utf-8")
    shown = invoke("--journal", str(example_journal), "credits", "--pack", "va", env=TODAY).stdout
    assert shown in readme, "README's `pln credits --pack va` block is out of date"
