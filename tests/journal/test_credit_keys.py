"""An entry's credit keys: `credit`, `sponsor`, `sponsor_id`, `approved`, read, checked, written back."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Run
from tests.helpers.reports import entry


def test_log_claims_credit_with_a_sponsor(pln: Run, journal: Path) -> None:
    result = pln(
        "log",
        "ENL strategies workshop",
        "--date",
        "2026-03-02",
        "--minutes",
        "180",
        "--credit",
        "ELL",
        "--sponsor",
        "Mid-Hudson RBERN",
        "--sponsor-id",
        "012345",
        "-m",
        "Notes.",
    )
    assert result.exit_code == 0, result.stderr
    text = (journal / result.stdout.strip()).read_text()
    assert "credit: ell\nsponsor: Mid-Hudson RBERN\nsponsor_id: '012345'\n" in text
    shown = json.loads(pln("list", "entries", "--format", "json").stdout)[0]
    assert shown["credit"] == {"category": "ell"}
    assert shown["sponsor_id"] == "012345"
    assert shown["approved"] is None


def test_check_knows_the_credit_keys_and_names_a_bad_one(pln: Run, journal: Path) -> None:
    entry(
        journal,
        "2026-03-02-workshop",
        "date: 2026-03-02\ntitle: Workshop\ncredit: {category: pd, units: 2.5}\n"
        "sponsor: RBERN\nsponsor_id: 42\napproved: {by: Dr. Ames, on: 2026-02-20}\n",
    )
    entry(journal, "2026-03-03-other", "date: 2026-03-03\ntitle: Other\ncredit: {kind: pd}\napproved: soon\n")
    result = pln("check")
    assert "2026-03-02-workshop" not in result.stdout  # every key known, every value usable
    other = "entries/2026/2026-03-03-other.md"
    assert f"{other}:4: error: credit: a credit has a category and units, not kind" in result.stdout
    assert f"{other}:5: error: approved: 'soon' is not a date (YYYY-MM-DD)" in result.stdout
    assert result.exit_code == 1
