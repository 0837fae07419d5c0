"""Keep in touch, look back, who widens the network and weighing sources (issue 18), through the
commands a teacher runs, on small journals whose figures are worked out by hand here."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import Run
from tests.helpers.network_journal import entry, person, space, tool

TODAY = {"PLN_TODAY": "2026-06-30"}


def as_json(pln: Run, *args: str) -> dict:
    result = pln(*args, "--format", "json", env=TODAY)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def cadence_journal(root: Path) -> None:
    settings = root / "pln.yaml"
    settings.write_text(settings.read_text() + "cadence:\n  role:mentor: 30d\n  tag:edcamp: 3m\n")
    person(root, "mia", "Mia", roles=["mentor"])  # by the role rule: every 30 days
    person(root, "ben", "Ben", cadence="2w")  # his own cadence
    person(root, "cy", "Cy", tags=["edcamp"], met="2026-01-10")  # by the tag rule, met but never logged
    person(root, "dee", "Dee", roles=["mentor"], cadence="1y")  # her own cadence wins over the rule
    person(root, "eve", "Eve")  # no cadence: never listed
    person(root, "fay", "Fay", cadence="2w")  # never seen at all
    entry(root, "2026-06-10", "mia-chat", people=["mia"])  # due 07-10: not yet
    entry(root, "2026-05-01", "mia-old", people=["mia"])
    entry(root, "2026-06-01", "ben-chat", people=["Ben"])  # by name; due 06-15, overdue from 06-29
    entry(root, "2026-02-01", "dee-chat", people=["dee"])


def test_keep_in_touch_in_status_next_and_the_network_report(pln: Run, journal: Path) -> None:
    cadence_journal(journal)
    network = as_json(pln, "report", "--network")
    assert [(r["id"], r["state"], r["due_on"], r["days_overdue"]) for r in network["keep_in_touch"]] == [
        ("fay", "overdue", None, 0),  # never seen: listed first
        ("cy", "due", "2026-04-10", 81),  # met 01-10 + 3 months; overdue only from 07-10
        ("ben", "overdue", "2026-06-15", 15),  # 06-01 + 2 weeks; twice that passed on 06-29
    ]
    assert network["keep_in_touch"][1]["cadence"] == "3m"
    assert "3 people are due for a word from you" in network["warnings"]
    status = as_json(pln, "status")
    assert [row["id"] for row in status["keep_in_touch"]] == ["fay", "cy", "ben"]
    text = pln("status", env=TODAY).stdout
    assert "Keep in touch: Ben (overdue, every 2w, last 2026-06-01)" in text
    listed = pln("next", env=TODAY).stdout
    assert "Keep in touch" in listed and "Cy" in listed and "Mia" not in listed


def test_any_entry_naming_the_person_resets_the_clock(pln: Run, journal: Path) -> None:
    cadence_journal(journal)
    entry(journal, "2026-06-25", "ben-again", people=["ben"])
    ids = [row["id"] for row in as_json(pln, "report", "--network")["keep_in_touch"]]
    assert "ben" not in ids


def test_an_unreadable_cadence_is_a_warning_everywhere(pln: Run, journal: Path) -> None:
    person(journal, "gus", "Gus", cadence="often")
    for args in (("status",), ("next",), ("report", "--network")):
        result = pln(*args, env=TODAY)
        assert result.exit_code == 0
        assert "people/gus.md:3: cadence: 'often' is not a cadence" in result.stderr, args
    assert "people/gus.md:3: warning: cadence:" in pln("check").stdout
    refused = pln("add", "person", "Hal", "--cadence", "often")
    assert refused.exit_code == 2 and "--cadence: 'often' is not a cadence" in refused.stderr


def test_a_year_ago_in_status_and_reflect(pln: Run, journal: Path) -> None:
    space(journal, "ncss", "NCSS conference")
    entry(journal, "2025-06-27", "ncss-day", space="ncss", next='"Try a gallery walk of maps"')
    entry(journal, "2025-06-20", "too-early", next="x")  # 10 days before a year ago: outside the window
    entry(journal, "2025-07-03", "applied", next="y", applied='"Did y"')
    status = as_json(pln, "status")
    assert [m["sentence"] for m in status["a_year_ago"]] == [
        "A year ago at NCSS conference you intended: Try a gallery walk of maps — applied?",
        "A year ago at applied you intended: y — and you applied it: Did y",
    ]
    assert (
        "A year ago at NCSS conference you intended: Try a gallery walk of maps — applied?"
        in pln("status", env=TODAY).stdout
    )
    assert pln("reflect", env=TODAY).exit_code == 0
    text = next((journal / "reflections").glob("*.md")).read_text()
    assert "- A year ago at NCSS conference you intended: Try a gallery walk of maps — applied?" in text
    assert "### Intentions open for more than 90 days" in text
    assert "- 2025-06-20 (375 days): x: do it, change it or drop it?" in text


def test_who_widens_the_network(pln: Run, journal: Path) -> None:
    space(journal, "edcamp", "Edcamp Tulsa")
    space(journal, "sschat", "#sschat")
    assert pln("add", "person", "Ana Lee", "--met-via", "Edcamp Tulsa").exit_code == 0
    result = pln("add", "person", "Bo Diaz", "--met-via", "edcamp", "--introduced-by", "ana lee")
    assert result.exit_code == 0, result.stderr
    assert "met_via: edcamp\nintroduced_by: ana-lee\n" in (journal / "people" / "bo-diaz.md").read_text()
    person(journal, "cy", "Cy", met_at="sschat")  # met_at counts when there is no met_via
    brought = as_json(pln, "report", "--network")["brought_in"]
    assert brought == {
        "spaces": [
            {"id": "edcamp", "name": "Edcamp Tulsa", "people": ["ana-lee", "bo-diaz"]},
            {"id": "sschat", "name": "#sschat", "people": ["cy"]},
        ],
        "people": [{"id": "ana-lee", "name": "Ana Lee", "people": ["bo-diaz"]}],
    }
    graph = pln("graph", "--introductions").stdout
    assert graph.count("-.->|brought in|") == 4
    dot = pln("graph", "--introductions", "--format", "dot").stdout
    assert dot.count('style=dashed, dir=forward, label="brought in"') == 4
    assert "brought in" not in pln("graph").stdout
    renamed = pln("rename", "ana-lee", "ana-lee-diaz")
    assert renamed.exit_code == 0, renamed.stderr
    assert "introduced_by: ana-lee-diaz" in (journal / "people" / "bo-diaz.md").read_text()
    unknown = pln("add", "person", "Di", "--introduced-by", "Nobody")
    assert unknown.exit_code == 1


def test_each_space_from_taking_in_to_giving_back(pln: Run, journal: Path) -> None:
    space(journal, "sschat", "#sschat")
    entry(journal, "2026-01-05", "lurk", space="sschat", engagement="read")
    entry(journal, "2026-01-19", "reply", space="sschat", engagement="contributed")
    entry(journal, "2026-02-02", "ask", space="sschat", engagement="asked")
    entry(journal, "2026-03-02", "host", space="sschat", engagement="led")
    data = as_json(pln, "report", "--engagement")
    assert data["spaces"] == [
        {
            "id": "sschat",
            "name": "#sschat",
            "entries": 4,
            "first": "read",
            "latest": "led",
            "periods": [
                {"period": "2026-01", "highest": "contributed"},
                {"period": "2026-02", "highest": "asked"},
                {"period": "2026-03", "highest": "led"},
            ],
        }
    ]
    table = pln("report", "--engagement", env=TODAY).stdout
    assert "contributed -> asked -> led" in table
    assert "contributed -> asked -> led" in pln("report", "--engagement", "--format", "markdown").stdout


def test_the_five_influences_for_spaces_where_i_read_and_where_i_lead(pln: Run, journal: Path) -> None:
    space(journal, "pod", "The Podcast")
    space(journal, "chat", "#chat")
    entry(journal, "2026-06-01", "listen", space="pod", engagement="read")
    entry(journal, "2026-06-02", "moderate", space="chat", engagement="led")
    assert pln("reflect", env=TODAY).exit_code == 0
    text = next((journal / "reflections").glob("*.md")).read_text()
    assert "### Where I only read: The Podcast" in text
    assert (
        "- **Confidence**: What would make me comfortable asking or answering a question in The Podcast?"
        in text
    )
    assert "### Where I lead: #chat" in text
    assert "- **Relationships**: Who in #chat could lead with me, or after me?" in text


def test_weighing_sources(pln: Run, journal: Path) -> None:
    space(journal, "forum", "A Forum", vetted="no")
    space(journal, "course", "A Course", vetted="yes")
    tool(journal, "blog", "A Blog", vetted="true")  # read as yes
    person(journal, "sam", "Sam", vetted="maybe")
    entry(journal, "2026-06-01", "tip", space="forum", applied='"Used the tip"')
    entry(journal, "2026-06-02", "tip2", space="forum", applied='"Used it again"')
    entry(journal, "2026-06-03", "course-idea", space="course", applied='"Used the course idea"')
    entry(journal, "2026-06-04", "mixed", space="forum", tools=["blog"], applied='"Checked on the blog"')
    entry(journal, "2026-06-05", "nothing-applied", space="forum")
    network = as_json(pln, "report", "--network")
    assert network["applied_from_unvetted"] == ["2026-06-01-tip", "2026-06-02-tip2"]
    assert network["most_used_unvetted"] == {
        "kind": "space",
        "id": "forum",
        "name": "A Forum",
        "entries": 4,
        "vetted": "no",
    }
    assert "2 ideas you applied in class came only from sources you have not vetted" in network["warnings"]
    assert "people/sam.md:3: error: vetted: 'maybe' is not one of" in pln("check").stdout.replace(
        "\u2019", "'"
    )
    assert pln("reflect", env=TODAY).exit_code == 0
    text = next((journal / "reflections").glob("*.md")).read_text()
    assert "Your most-used source not vetted `yes`: **A Forum** (4 entries, vetted no)." in text
    assert "- **Investigate the source**: Who is behind A Forum" in text
    assert "`pln set forum vetted=yes`" in text


def test_the_example_journal_shows_each_feature(example_journal: Path) -> None:
    from tests.helpers import invoke

    def run(*args: str) -> str:
        result = invoke("--journal", str(example_journal), *args, env=TODAY)
        assert result.exit_code == 0, result.stderr
        return result.stdout

    assert "Keep in touch: Fatima Noor (overdue, every 30d, last 2026-04-29)" in run("status")
    assert "Next session: #ditchbook, 2026-07-02 20:00 America/Chicago" in run("status")
    assert "Edcamp Tulsa" in run("upcoming", "--days", "120")
    assert "-.->|brought in|" in run("graph", "--introductions")
    assert "Weigh your sources" in run("report", "--network")
