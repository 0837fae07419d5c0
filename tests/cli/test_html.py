"""HTML pages: self-contained, escaped, with SVG charts; checked in headless Chromium when one is
installed (Debian's `chromium`; `.ci/run` installs it when it can)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from plnjournal.render.views.growth import html as growth_html
from tests.helpers import Run, invoke
from tests.helpers.pages import HOSTILE, assert_nothing_ran, assert_self_contained_and_escaped


def growth_data() -> dict:
    """A growth report as issue 4's JSON contract spells it (and `space_kinds`, which the report
    adds), with hostile text where users write."""

    def dimension(entries: int, minutes: int, share: float, notes: list[dict]) -> dict:
        return {
            "entries": entries,
            "minutes": minutes,
            "share": share,
            "notes": notes,
            "top_spaces": [{"id": "sschat", "entries": entries}],
            "top_people": [{"id": "jane-doe", "entries": 1}],
            "space_kinds": [{"kind": "chat", "entries": entries}],
        }

    note = {"entry": "2025-09-08-chat", "date": "2025-09-08", "note": HOSTILE}
    return {
        "report": "growth",
        "from": "2025-09-01",
        "to": "2025-10-31",
        "by": "month",
        "entries": 3,
        "minutes": 150,
        "without_growth": 1,
        "dimensions": {
            "affective": dimension(0, 0, 0.0, []),
            "cognitive": dimension(2, 120, 0.667, [note]),
            "identity": dimension(0, 0, 0.0, []),
            "social": dimension(1, 60, 0.333, []),
        },
        "periods": [
            {"period": "2025-09", "from": "2025-09-01", "to": "2025-09-30", "entries": 2, "minutes": 120,
             "affective": 0, "cognitive": 2, "identity": 0, "social": 1},
            {"period": "2025-10", "from": "2025-10-01", "to": "2025-10-31", "entries": 1, "minutes": 30,
             "affective": 0, "cognitive": 0, "identity": 0, "social": 0},
        ],
    }  # fmt: skip


def test_growth_page_without_a_browser() -> None:
    page = growth_html(growth_data())
    assert_self_contained_and_escaped(page)
    assert page.count("<svg") == 2
    # the per-period chart: 2 periods x 4 dimensions, each a column
    assert len(re.findall(r"<rect [^>]*><title>", page)) == 8
    assert "67%" in page and "33%" in page  # shares 0.667 and 0.333
    assert "1 without growth noted" in page


def test_growth_page_draws_engagement_and_modes_when_present() -> None:
    data = growth_data()
    data["levels"] = {"read": {"entries": 2, "minutes": 90}, "led": {"entries": 1, "minutes": 60}}
    data["modes"] = {"digital": {"entries": 3, "minutes": 150}}
    page = growth_html(data)
    assert page.count("<svg") == 4
    assert "Entries by engagement level" in page and "Entries by mode of space" in page


@pytest.fixture
def hostile(pln: Run) -> Run:
    result = pln("log", HOSTILE, "--date", "2025-09-08", "--minutes", "90", "--cognitive", HOSTILE, "-m", "")
    assert result.exit_code == 0, result.stderr
    return pln


def test_portfolio_page_without_a_browser(hostile: Run) -> None:
    result = hostile("portfolio", "--format", "html", env={"PLN_TODAY": "2026-03-01"})
    assert result.exit_code == 0, result.stderr
    assert_self_contained_and_escaped(result.stdout)
    assert "<title>Professional learning portfolio: Ana Ruiz</title>" in result.stdout
    assert "1.50 h" in result.stdout  # 90 minutes on the chart of hours by dimension


def test_growth_page_in_a_browser(browser, tmp_path: Path) -> None:
    page = tmp_path / "growth.html"
    page.write_text(growth_html(growth_data()), encoding="utf-8")
    dom = browser(page, "--dump-dom")
    assert dom.count("<svg") == 2
    assert len(re.findall("<rect", dom)) >= 12  # 4 dimension bars + 8 period columns (+ legend)
    assert_nothing_ran(dom)
    assert "<title>How my learning network made me grow</title>" in dom


def test_portfolio_page_in_a_browser(browser, hostile: Run, tmp_path: Path) -> None:
    page = tmp_path / "portfolio.html"
    assert hostile("portfolio", "-f", "html", "-o", str(page), env={"PLN_TODAY": "2026-03-01"}).exit_code == 0
    dom = browser(page, "--dump-dom")
    assert dom.count("<svg") >= 1
    assert_nothing_ran(dom)
    assert "<title>Professional learning portfolio: Ana Ruiz</title>" in dom


def test_examples_portfolio_screenshot(browser, example_journal: Path, tmp_path: Path) -> None:
    page = tmp_path / "portfolio.html"
    out = invoke(
        "--journal",
        str(example_journal),
        "portfolio",
        "-f",
        "html",
        "-o",
        str(page),
        env={"PLN_TODAY": "2026-06-30"},
    )
    assert out.exit_code == 0, out.stderr
    shot = tmp_path / "portfolio.png"
    browser(page, f"--screenshot={shot}", "--window-size=1200,1600", "--hide-scrollbars")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a drawn page, not a blank one


def test_growth_report_page_from_the_cli(hostile: Run) -> None:
    secret = hostile(
        "log", "Private vent", "--date", "2025-09-09", "--private", "--affective", "Tired", "-m", ""
    )
    assert secret.exit_code == 0, secret.stderr
    result = hostile("report", "--growth", "--format", "html")
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert_self_contained_and_escaped(page)
    assert page.count("<svg") == 2
    assert "2025-09-08 to 2025-09-08 · 1 entries · 90 minutes" in page  # the private entry left out
    assert "Tired" not in page and "Private vent" not in page
    shown = json.loads(hostile("report", "--growth", "--format", "json").stdout)
    assert shown["entries"] == 2  # the JSON on this machine still counts it


def test_examples_growth_page(browser, example_journal: Path, tmp_path: Path) -> None:
    page = tmp_path / "growth.html"
    out = invoke(
        "--journal", str(example_journal), "report", "--growth", "-f", "html", env={"PLN_TODAY": "2026-06-30"}
    )
    assert out.exit_code == 0, out.stderr
    page.write_text(out.stdout, encoding="utf-8")
    dom = browser(page, "--dump-dom")
    assert dom.count("<svg") == 2
    assert "94 entries" in dom  # 96 less the 2 private ones
    shot = tmp_path / "growth.png"
    browser(page, f"--screenshot={shot}", "--window-size=1200,1600", "--hide-scrollbars")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
