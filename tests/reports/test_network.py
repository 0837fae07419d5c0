"""`pln report --network` on hand-built journals, with figures worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plnjournal.reports.network import evenness
from tests.helpers import Run
from tests.helpers.network_journal import entry, person, space, tool


def network(pln: Run, *args: str, env: dict[str, str] | None = None) -> dict:
    result = pln("report", "--network", "--format", "json", *args, env=env)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([2, 2], 1.0),
        ([3, 1], 0.811),  # -(.75 ln .75 + .25 ln .25) / ln 2 = 0.5623 / 0.6931
        ([1, 1, 1], 1.0),
        ([5], 0.0),
        ([], 0.0),
    ],
)
def test_evenness_of_known_distributions(counts: list[int], expected: float) -> None:
    assert evenness(counts) == expected


def test_people_spread_diversity_and_dominance(pln: Run, journal: Path) -> None:
    person(journal, "a", "A", roles=["teacher"], subjects=["math"])
    person(journal, "b", "B", roles=["teacher"], subjects=["math"])
    person(journal, "c", "C", roles=["teacher"], subjects=["science"])
    person(journal, "d", "D", roles=["coach"], subjects=["science"])
    person(journal, "e", "E")  # no role, no subject: ignored by the spreads
    data = network(pln)
    people = data["people"]
    assert people["total"] == 5
    assert people["by_role"] == {"teacher": 3, "coach": 1}
    assert people["by_subject"] == {"math": 2, "science": 2}
    assert people["by_location"] == {}
    assert people["diversity"] == {
        "role": 0.811,
        "subject": 1.0,
        "level": 0.0,
        "organization": 0.0,
        "location": 0.0,
    }
    # teacher: 3 of the 4 people with a role (75% >= 60%, and 4 people)
    assert "3 of 4 people have the role teacher" in data["warnings"]
    assert not any("teach math" in w or "teach science" in w for w in data["warnings"])


def test_no_dominance_warning_below_four_people(pln: Run, journal: Path) -> None:
    for pid in ("a", "b", "c"):
        person(journal, pid, pid.upper(), subjects=["social studies"])
    assert not any("social studies" in w for w in network(pln)["warnings"])


def test_new_and_active_people_in_range(pln: Run, journal: Path) -> None:
    person(journal, "old", "Old Friend", met="2025-01-10")
    person(journal, "new", "New Friend", met="2026-05-02")
    person(journal, "unmet", "Unmet")
    entry(journal, "2026-05-03", "chat", people=["Old Friend"])  # by name: still counted
    entry(journal, "2026-04-01", "before", people=["new"])
    people = network(pln, "--from", "2026-05-01", "--to", "2026-05-31")["people"]
    assert (people["new"], people["active"]) == (1, 1)


def test_dormancy_boundary_day(pln: Run, journal: Path) -> None:
    """--to 2026-06-30, dormant_after_days 90: seen 2026-04-01 is exactly 90 days before."""
    person(journal, "p89", "Seen 89 days ago")
    person(journal, "p90", "Seen 90 days ago")
    person(journal, "p91", "Seen 91 days ago")
    person(journal, "never", "Never Seen")
    person(journal, "newbie", "Met Last Month", met="2026-06-01")
    person(journal, "metold", "Met In January", met="2026-01-01")
    person(journal, "later", "Seen After The Range")
    entry(journal, "2026-04-02", "a", people=["p89"])
    entry(journal, "2026-04-01", "b", people=["p90"])
    entry(journal, "2026-03-31", "c", people=["p91"])
    entry(journal, "2026-03-01", "d", people=["later"])
    entry(journal, "2026-07-10", "e", people=["later", "p91"])  # after --to: does not count
    expected = [
        {"id": "never", "name": "Never Seen", "last_seen": None, "days": None, "added": None},
        {
            "id": "metold",
            "name": "Met In January",
            "last_seen": "2026-01-01",
            "days": 180,
            "added": "2026-01-01",
        },
        {
            "id": "later",
            "name": "Seen After The Range",
            "last_seen": "2026-03-01",
            "days": 121,
            "added": None,
        },
        {"id": "p91", "name": "Seen 91 days ago", "last_seen": "2026-03-31", "days": 91, "added": None},
        {"id": "p90", "name": "Seen 90 days ago", "last_seen": "2026-04-01", "days": 90, "added": None},
    ]
    data = network(pln, "--to", "2026-06-30")
    assert data["dormant"] == expected
    assert "5 people you have not seen in 90 days or more" in data["warnings"]
    assert network(pln, "--from", "2026-06-01", "--to", "2026-06-30")["dormant"] == expected


def test_dormancy_ends_today_without_to(pln: Run, journal: Path) -> None:
    person(journal, "p", "P")
    entry(journal, "2026-04-01", "a", people=["p"])
    assert network(pln, env={"PLN_TODAY": "2026-06-29"})["dormant"] == []
    assert [row["days"] for row in network(pln, env={"PLN_TODAY": "2026-06-30"})["dormant"]] == [90]


def platform_journal(root: Path) -> None:
    space(root, "bsky", "Bluesky Chat", kind="chat", mode="digital", platform="Bluesky")
    space(root, "bsky-club", "Book Club", kind="chat", mode="digital", platform="Bluesky")
    space(root, "plc", "Our PLC", kind="plc", mode="physical")
    space(root, "x", "X Chat", kind="chat", mode="digital", platform="X")
    for day in ("01", "02", "03"):
        entry(root, f"2026-03-{day}", "bsky", space="bsky", minutes=60)
    entry(root, "2026-03-04", "club", space="Book Club", minutes=30)
    for day in ("05", "06", "07", "08"):
        entry(root, f"2026-03-{day}", "plc", space="plc", minutes=45)
    entry(root, "2026-03-09", "x", space="x", minutes=20)
    entry(root, "2026-03-10", "alone", minutes=15)
    entry(root, "2026-03-11", "alone-again")


def test_platform_dependence_and_concentration(pln: Run, journal: Path) -> None:
    """11 entries: Bluesky 3 + 1 (two spaces) = 4, the PLC 4 (no platform), X 1, no space 2."""
    platform_journal(journal)
    data = network(pln)
    assert data["platform_dependence"] == {"platform": "Bluesky", "share": 0.364}
    # the PLC (4 entries) is the top space; Bluesky's 4 are split over two spaces
    assert data["concentration"] == {"id": "plc", "share": 0.364}
    assert [(row["id"], row["entries"], row["minutes"]) for row in data["spaces"]] == [
        ("plc", 4, 180),
        ("bsky", 3, 180),
        ("bsky-club", 1, 30),
        ("x", 1, 20),
    ]
    assert data["by_mode"] == {
        "digital": {"spaces": 3, "entries": 5, "minutes": 230},
        "physical": {"spaces": 1, "entries": 4, "minutes": 180},
    }
    assert data["by_kind"]["chat"] == {"spaces": 3, "entries": 5, "minutes": 230}
    assert "36% of your entries depend on Bluesky" in data["warnings"]
    assert "Our PLC holds 36% of your entries" in data["warnings"]


def test_platform_warns_from_a_third(pln: Run, journal: Path) -> None:
    """03-03..03-08: 6 entries, Bluesky 1 + 1 = 2, a third exactly; from 03-02: 3 of 10."""
    platform_journal(journal)
    third = network(pln, "--from", "2026-03-03", "--to", "2026-03-08")
    assert third["platform_dependence"] == {"platform": "Bluesky", "share": 0.333}
    assert "33% of your entries depend on Bluesky" in third["warnings"]
    data = network(pln, "--from", "2026-03-02")
    assert data["platform_dependence"] == {"platform": "Bluesky", "share": 0.3}
    assert not any("depend on" in w for w in data["warnings"])


def test_without_platforms_or_entries(pln: Run, journal: Path) -> None:
    space(journal, "plc", "Our PLC", kind="plc", mode="physical")
    data = network(pln)
    assert data["platform_dependence"] == {"platform": None, "share": 0.0}
    assert data["concentration"] == {"id": None, "share": 0.0}


def test_support_tools_and_their_warnings(pln: Run, journal: Path) -> None:
    person(journal, "a", "A", provides=["feedback", "ideas"])
    person(journal, "b", "B", provides=["ideas", "advice"])
    tool(journal, "wakelet", "Wakelet", kind="digital", category="curation")
    tool(journal, "diigo", "Diigo", kind="digital", category="bookmarking")
    tool(journal, "book", "A Book", kind="physical", category="book")
    entry(journal, "2026-01-05", "one", tools=["wakelet", "book"])
    entry(journal, "2026-02-05", "two", tools=["Wakelet"])
    data = network(pln)
    assert data["support"] == {
        "feedback": ["a"],
        "advice": ["b"],
        "ideas": ["a", "b"],
        "emotional-support": [],
        "mentoring": [],
    }
    assert data["missing_support"] == ["emotional-support", "mentoring"]
    assert data["tools"] == {
        "by_tool": [
            {"id": "wakelet", "name": "Wakelet", "category": "curation", "entries": 2},
            {"id": "book", "name": "A Book", "category": "book", "entries": 1},
            {"id": "diigo", "name": "Diigo", "category": "bookmarking", "entries": 0},
        ],
        "by_category": {"curation": 2, "book": 1, "bookmarking": 0},
    }
    assert data["unused_tools"] == ["diigo"]
    assert data["warnings"] == [  # a and b, written today, are not dormant yet
        "Nobody in your network provides emotional support or mentoring",
        "Diigo is listed but never used",
    ]
    in_february = network(pln, "--from", "2026-02-01")
    assert in_february["unused_tools"] == ["book", "diigo"]
    assert "A Book is listed but not used in this period" in in_february["warnings"]


def test_json_keys_are_the_issues(pln: Run, journal: Path) -> None:
    data = network(pln, "--from", "2026-01-01", "--to", "2026-06-30")
    assert list(data) == [
        "report",
        "from",
        "to",
        "people",
        "dormant",
        "support",
        "missing_support",
        "spaces",
        "by_mode",
        "by_kind",
        "concentration",
        "platform_dependence",
        "tools",
        "unused_tools",
        "keep_in_touch",
        "brought_in",
        "applied_from_unvetted",
        "most_used_unvetted",
        "warnings",
        "graph",  # issue 20: the graph the page draws (reports/graph.py as_data)
    ]
    assert (data["report"], data["from"], data["to"]) == ("network", "2026-01-01", "2026-06-30")
    assert list(data["people"]) == [
        "total",
        "new",
        "active",
        "by_role",
        "by_subject",
        "by_level",
        "by_organization",
        "by_location",
        "diversity",
    ]


def test_csv_is_the_spaces_table(pln: Run, journal: Path) -> None:
    platform_journal(journal)
    result = pln("report", "--network", "--format", "csv")
    assert result.stdout.splitlines()[:3] == [
        "id,name,kind,mode,platform,entries,minutes",
        "plc,Our PLC,plc,physical,,4,180",
        "bsky,Bluesky Chat,chat,digital,Bluesky,3,180",
    ]


def test_table_and_markdown_show_sections_and_warnings(pln: Run, journal: Path) -> None:
    platform_journal(journal)
    space(journal, "odd", "Pipe | [x](y) *bold*")
    table = pln("report", "--network").stdout
    assert table.startswith("Network: all entries\n")
    assert table.endswith("\n36% of your entries depend on Bluesky\nOur PLC holds 36% of your entries\n")
    assert "\nWarnings\nwarning\nNobody in your network provides" in table
    markdown = pln("report", "--network", "--format", "markdown").stdout
    assert markdown.startswith("# Network: all entries\n")
    assert "| plc | Our PLC | plc | physical |  | 4 | 180 |" in markdown
    assert "| odd | Pipe \\| \\[x\\](y) \\*bold\\* |" in markdown


def test_example_journal_warnings(example_journal: Path) -> None:
    from tests.helpers import invoke

    result = invoke(
        "--journal",
        str(example_journal),
        "report",
        "--network",
        "-f",
        "json",
        env={"PLN_TODAY": "2026-06-30"},
    )
    data = json.loads(result.stdout)
    assert data["warnings"] == [
        "11 of 17 people teach social studies",
        "Nobody in your network provides mentoring",
        "38% of your entries depend on Bluesky",
        "#sschat holds 38% of your entries",
        "7 people you have not seen in 90 days or more",
        "4 people are due for a word from you",
        "10 ideas you applied in class came only from sources you have not vetted",
        "Diigo is listed but never used",
    ]
