"""A report never prints `None` (issue 15, item 14): a range open at one end, or holding nothing,
reads as words in every report and every format."""

from __future__ import annotations

import pytest

from tests.helpers import Run

REPORTS = ("growth", "network", "engagement", "impact")
FORMATS = ("table", "csv", "markdown", "html")
RANGES = (("--from", "2027-01-01"), ("--to", "2020-01-01"), ())


@pytest.fixture
def pln_one_entry(pln: Run) -> Run:
    assert pln("log", "Chat", "--date", "2026-01-05", "--minutes", "30", "-m", "").exit_code == 0
    return pln


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("bounds", RANGES, ids=lambda b: " ".join(b) or "all")
def test_no_report_prints_none(pln_one_entry: Run, name: str, fmt: str, bounds: tuple[str, ...]) -> None:
    result = pln_one_entry("report", f"--{name}", *bounds, "--format", fmt, env={"PLN_TODAY": "2026-03-01"})
    if result.exit_code == 2 and "not available" in result.stderr:
        pytest.skip(f"no {fmt} view for {name}")
    assert result.exit_code == 0, result.stderr
    assert "None" not in result.stdout
    assert "None" not in result.stderr


def test_a_range_open_at_one_end_says_which(pln_one_entry: Run) -> None:
    later = pln_one_entry("report", "--growth", "--from", "2027-01-01")
    assert later.stdout.startswith("Growth, from 2027-01-01: 0 entries, 0 minutes")
    earlier = pln_one_entry("report", "--impact", "--to", "2020-01-01")
    assert earlier.stdout.startswith("Impact, to 2020-01-01: 0 entries")
