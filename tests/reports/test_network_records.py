"""The network report as a pure function: literal records in, plain data out (no files, no CLI)."""

from __future__ import annotations

import datetime as dt
import math

from plnjournal.journal.settings import Settings
from plnjournal.model import SUPPORT_KINDS, Person, Space, Tool
from plnjournal.reports import network
from tests.helpers.reports import dated, scope_of

TODAY = dt.date(2025, 12, 1)
PEOPLE = (
    Person(id="ana", name="Ana", subjects=("Social Studies",), provides=("feedback",)),
    Person(id="ben", name="Ben", subjects=("social studies",), provides=("ideas", "feedback")),
    Person(id="cat", name="Cat", subjects=("Social Studies", "math")),
    Person(id="dev", name="Dev", subjects=("science",)),
    Person(id="eve", name="Eve"),  # no subject: not counted in the subject spread
)
SPACES = (
    Space(id="sschat", name="#sschat", kind_="chat", mode="digital", platform="Bluesky"),
    Space(id="bsky-feed", name="Feed", kind_="social-media", mode="digital", platform="bluesky"),
    Space(id="plc", name="PLC", kind_="plc", mode="physical"),
)
TOOLS = (
    Tool(id="padlet", name="Padlet", category="app"),
    Tool(id="feedly", name="Feedly", category="feed-reader"),
)
ENTRIES = (
    dated("2025-11-01", "a", space="sschat", people=("ana", "Ben"), tools=("padlet",), minutes=30),
    dated("2025-11-02", "b", space="#sschat", people=("ana",), minutes=20),
    dated("2025-11-03", "c", space="bsky-feed", minutes=10),
    dated("2025-11-04", "d", space="plc", people=("cat",), tools=("Padlet",), minutes=45),
    dated("2025-11-05", "e", minutes=5),
)


def report(*records: object, today: dt.date = TODAY, **choices: object) -> dict:
    every = (*PEOPLE, *SPACES, *TOOLS, *ENTRIES)
    return network.build(scope_of(*(records or every), today=today, **choices))  # type: ignore[arg-type]


def test_the_space_tool_and_mode_totals_add_up() -> None:
    data = report()
    spaces = data["spaces"]
    assert [(row["id"], row["entries"], row["minutes"]) for row in spaces] == [
        ("sschat", 2, 50),
        ("plc", 1, 45),
        ("bsky-feed", 1, 10),
    ]
    without_a_space = 1
    assert sum(row["entries"] for row in spaces) + without_a_space == len(ENTRIES)
    assert sum(bucket["entries"] for bucket in data["by_mode"].values()) == 4
    assert sum(bucket["spaces"] for bucket in data["by_kind"].values()) == len(SPACES)
    assert data["tools"]["by_tool"][0] == {"id": "padlet", "name": "Padlet", "category": "app", "entries": 2}
    assert data["unused_tools"] == ["feedly"]
    assert sum(data["tools"]["by_category"].values()) == 2


def test_shares_are_of_all_entries_in_range_and_platforms_fold_their_spelling() -> None:
    data = report()
    assert data["concentration"] == {"id": "sschat", "share": round(2 / 5, 3)}
    assert data["platform_dependence"] == {"platform": "Bluesky", "share": round(3 / 5, 3)}
    assert "60% of your entries depend on Bluesky" in data["warnings"]
    assert "#sschat holds 40% of your entries" in data["warnings"]


def test_people_spreads_and_evenness() -> None:
    people = report()["people"]
    assert (people["total"], people["active"]) == (5, 3)
    assert people["by_subject"] == {"Social Studies": 3, "math": 1, "science": 1}
    k, counts = 3, (3, 1, 1)
    evenness = -sum(c / 5 * math.log(c / 5) for c in counts) / math.log(k)
    assert people["diversity"]["subject"] == round(evenness, 3)
    assert people["diversity"]["role"] == 0.0  # nobody has a role: no spread


def test_a_value_dominates_from_sixty_percent_of_four_people() -> None:
    assert "3 of 4 people teach Social Studies" in report()["warnings"]  # 75% of those with a subject
    even = (
        *PEOPLE[:2],
        Person(id="x", name="X", subjects=("math",)),
        Person(id="y", name="Y", subjects=("art",)),
    )
    assert not any("teach" in warning for warning in report(*even)["warnings"])  # 50%


def test_support_nobody_gives_is_named() -> None:
    data = report()
    assert data["support"]["feedback"] == ["ana", "ben"]
    assert data["missing_support"] == [kind for kind in SUPPORT_KINDS if kind not in ("feedback", "ideas")]


def test_dormant_from_exactly_the_dormant_days_on() -> None:
    end = dt.date(2025, 12, 31)
    settings = Settings(dormant_after_days=30)
    people = (Person(id="old", name="Old"), Person(id="edge", name="Edge"), Person(id="near", name="Near"))
    entries = (
        dated("2025-01-01", "long-ago", people=("old",)),
        dated("2025-12-01", "thirty-days", people=("edge",)),  # 30 days before the end: dormant
        dated("2025-12-02", "twenty-nine", people=("near",)),
    )
    data = report(*people, *entries, settings=settings, end=end, today=end)
    assert [(row["id"], row["days"]) for row in data["dormant"]] == [("old", 364), ("edge", 30)]
    added = {"old": dt.date(2025, 12, 20)}  # added ten days before the end: not dormant yet
    recent = report(*people, *entries, settings=settings, end=end, today=end, added=added)
    assert [row["id"] for row in recent["dormant"]] == ["edge"]


def test_an_empty_journal_makes_an_empty_report() -> None:
    data = network.build(scope_of(today=TODAY))
    assert (data["people"]["total"], data["people"]["active"], data["spaces"]) == (0, 0, [])
    assert data["concentration"] == {"id": None, "share": 0.0}
    assert data["platform_dependence"] == {"platform": None, "share": 0.0}
    assert data["dormant"] == [] and data["missing_support"] == list(SUPPORT_KINDS)
