"""`pln check --pack` and `pln portfolio --pack` on real files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Run, write
from tests.helpers.reports import entry

TODAY = {"PLN_TODAY": "2026-06-30"}


def new_york_year(journal: Path) -> None:
    write(
        journal / "spaces" / "boces.md", "---\nname: BOCES institute\nkind: workshop\nmode: physical\n---\n"
    )
    entry(
        journal,
        "2025-10-01-enl-co-teaching",
        "date: 2025-10-01\ntitle: ENL co-teaching\nspace: boces\nminutes: 600\ntags: [ell]\n"
        "sponsor: RBERN\nsponsor_id: S-200\nverified_by: certificate\n",
    )
    entry(
        journal,
        "2025-10-02-no-number",
        "date: 2025-10-02\ntitle: No number\nspace: boces\nminutes: 300\ncredit: ell\nsponsor: RBERN\n",
    )
    entry(journal, "2025-10-03-typo", "date: 2025-10-03\ntitle: Typo\nminutes: 60\ncredit: eel\n")
    entry(journal, "2025-10-04-private", "date: 2025-10-04\ntitle: Private one\nminutes: 60\nprivate: true\n")


def test_check_pack_names_missing_fields_and_unknown_categories(pln: Run, journal: Path) -> None:
    new_york_year(journal)
    assert pln("check").exit_code == 0  # without a pack, nothing is wrong with these files
    result = pln("check", "--pack", "ny-ctle")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        "entries/2025/2025-10-02-no-number.md:6: error: claimed for Language acquisition for English "
        "language learners (ny-ctle), but the pack's log needs 'sponsor_id', 'verified_by', "
        "which this entry lacks"
    ) in lines
    assert any(
        line.startswith("entries/2025/2025-10-03-typo.md:5: error: credit: 'eel' is not a category")
        for line in lines
    )
    assert not any("2025-10-01-enl-co-teaching" in line for line in lines)
    codes = {
        problem["code"] for problem in json.loads(pln("check", "--pack", "ny-ctle", "-f", "json").stdout)
    }
    assert codes == {"credit-missing-field", "credit-unknown-category"}


def test_check_pack_flags_credit_claimed_before_approval(pln: Run, journal: Path) -> None:
    entry(
        journal,
        "2025-09-01-early",
        "date: 2025-09-01\ntitle: Early\nminutes: 60\napproved: {by: LPDC, on: 2025-09-05}\n",
    )
    entry(
        journal,
        "2025-09-10-fine",
        "date: 2025-09-10\ntitle: Fine\nminutes: 60\napproved: {by: LPDC, on: 2025-09-05}\n",
    )
    result = pln("check", "--pack", "oh")
    assert result.stdout == (
        "entries/2025/2025-09-01-early.md:5: error: claimed for Workshops and equivalent activities (oh): "
        "approved on 2025-09-05, after the activity\n"
    )
    assert result.exit_code == 1


def test_portfolio_pack_groups_by_category_in_the_states_columns(pln: Run, journal: Path) -> None:
    new_york_year(journal)
    page = pln("portfolio", "--pack", "ny-ctle", env=TODAY)
    assert page.exit_code == 0, page.stderr
    text = page.stdout
    assert "## Language acquisition for English language learners: 10 hours counted, 5 held" in text
    assert "| Date | Activity | Sponsor | Sponsor number | Location | Clock hours | Verified by |" in text
    assert "| 2025-10-01 | ENL co-teaching | RBERN | S-200 | in person | 10.00 | certificate |" in text
    assert "Private one" not in text  # a portfolio leaves the machine: private entries stay out
    csv = pln("portfolio", "--pack", "ny-ctle", "--format", "csv", env=TODAY).stdout.splitlines()
    assert csv[0] == "category,date,title,sponsor,sponsor_id,location,hours,verified_by"
    html = pln("portfolio", "--pack", "ny-ctle", "--format", "html", env=TODAY).stdout
    assert "Sponsor number" in html and "Private one" not in html


def test_portfolio_pack_refuses_from_and_to(pln: Run) -> None:
    result = pln("portfolio", "--pack", "va", "--from", "2025-07-01")
    assert result.exit_code == 2
    assert "--from/--to: with --pack the portfolio covers the pack's cycle; use --cycle" in result.stderr
