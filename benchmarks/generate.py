"""Write a realistic pln journal of N entries, fast and reproducibly (same seed, same bytes).

    python benchmarks/generate.py DIR --entries 10000 [--seed 1]

One file per entry under entries/YYYY/, each with about ten front-matter keys like
examples/journal and a few body lines; people (about N/50, capped), spaces, tools and goals the
entries refer to; and pln.yaml (autocommit off) and .gitignore. Files are written directly, not
through pln, so a 50k-entry journal takes seconds. `jrnl_text` gives the same entries in jrnl's
plain-text format, for the side-by-side runner.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

FIRST = ["Ana", "Beth", "Carlos", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kim", "Liam"]
LAST = ["Ruiz", "Larsen", "Okafor", "Nguyen", "Silva", "Khan", "Meyer", "Tanaka", "Rossi", "Boateng"]
SPACES = [
    ("sschat", "#sschat", "chat", "digital"),
    ("edcamp-twin-cities", "Edcamp Twin Cities", "unconference", "physical"),
    ("chms-plc", "CHMS Social Studies PLC", "plc", "physical"),
    ("ncss-conference", "NCSS Annual Conference", "conference", "hybrid"),
    ("cult-of-pedagogy", "Cult of Pedagogy", "podcast", "digital"),
    ("bluesky-teachers", "Bluesky teachers", "social-media", "digital"),
    ("ditch-summit", "Ditch Summit", "webinar", "digital"),
    ("mn-council-forum", "Minnesota Council forum", "forum", "digital"),
    ("reading-group", "Reading group", "meetup", "physical"),
    ("coursera-assessment", "Assessment course", "course", "digital"),
    ("history-blog", "Teaching History blog", "blog", "digital"),
    ("edweek-newsletter", "EdWeek newsletter", "newsletter", "digital"),
]
TOOLS = [
    ("wakelet", "Wakelet", "digital", "curation"),
    ("feedly", "Feedly", "digital", "feed-reader"),
    ("diigo", "Diigo", "digital", "bookmarking"),
    ("grading-for-equity", "Grading for Equity", "physical", "book"),
    ("padlet", "Padlet", "digital", "app"),
    ("youtube", "YouTube", "digital", "video"),
    ("google-scholar", "Google Scholar", "digital", "search"),
    ("notebook", "Paper notebook", "physical", "other"),
]
GOALS = ["inquiry-based-grading", "student-voice", "primary-sources", "feedback-loops", "civic-action"]
TOPICS = ["grading", "retakes", "primary sources", "discussion", "feedback", "inquiry", "SEL", "debate"]
VERBS = ["Talked about", "Read about", "Shared my notes on", "Asked about", "Led a session on"]
DIMENSIONS = ["affective", "cognitive", "identity", "social"]
ENGAGEMENT = ["read", "asked", "connected", "shared", "contributed", "created", "led"]
TAGS = ["back-to-school", "assessment", "equity", "literacy", "tech", "wellbeing", "research"]
BODY = [
    "The best idea tonight came from a first-year teacher, not from the moderators.",
    "- A two-minute object story to open the unit",
    "- Single-point rubrics with a column for what went beyond",
    "Worth trying with 3rd period before the break; they need more structure than 5th.",
    "Someone linked a study on retakes; saved it to read properly this weekend.",
    "Felt less alone about the grading change after hearing how others handled parents.",
]


@dataclass(frozen=True)
class GeneratedEntry:
    day: dt.date
    time: str
    title: str
    body: str


def generate(root: Path, entries: int, seed: int = 1) -> list[GeneratedEntry]:
    """Write the journal under `root`; the entries, for writing the same journal in other formats."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "pln.yaml").write_text(
        "owner: Ana Ruiz\ndaily_minutes_goal: 20\nschool_year_start: 07-01\n"
        "dormant_after_days: 90\ngit:\n  autocommit: false\n"
    )
    (root / ".gitignore").write_text(
        "# pln's caches: rebuilt from the Markdown files whenever needed\n.pln/\n"
    )
    people = _write_people(root, rng, max(5, min(entries // 50, 2000)))
    _write_named(root, "spaces", [_space_text(*space) for space in SPACES], [s[0] for s in SPACES])
    _write_named(root, "tools", [_tool_text(*tool) for tool in TOOLS], [t[0] for t in TOOLS])
    _write_named(root, "goals", [_goal_text(goal) for goal in GOALS], GOALS)
    (root / "reflections").mkdir(exist_ok=True)
    return _write_entries(root, rng, entries, people)


def _write_named(root: Path, folder: str, texts: list[str], ids: list[str]) -> None:
    (root / folder).mkdir(exist_ok=True)
    for record_id, text in zip(ids, texts, strict=True):
        (root / folder / f"{record_id}.md").write_text(text)


def _write_people(root: Path, rng: random.Random, count: int) -> list[str]:
    (root / "people").mkdir(exist_ok=True)
    ids = []
    for number in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        person_id = f"{first}-{last}-{number}".lower()
        ids.append(person_id)
        text = (
            f"---\nname: {first} {last}\nroles: [teacher]\nsubjects: [social studies]\nlevels: [9-12]\n"
            f"organization: School {number % 40}\nhandles:\n  bluesky: '@{person_id}.bsky.social'\n"
            f"provides: [{rng.choice(['ideas', 'feedback', 'mentoring'])}]\n"
            f"met: 20{rng.randint(10, 25):02d}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n"
            f"met_at: {rng.choice(SPACES)[0]}\n---\nMet at a session on {rng.choice(TOPICS)}.\n"
        )
        (root / "people" / f"{person_id}.md").write_text(text)
    return ids


def _space_text(space_id: str, name: str, kind: str, mode: str) -> str:
    return (
        f"---\nname: '{name}'\nkind: {kind}\nmode: {mode}\ntags: [pln]\n---\nWhere I learn about teaching.\n"
    )


def _tool_text(tool_id: str, name: str, kind: str, category: str) -> str:
    return f"---\nname: {name}\nkind: {kind}\ncategory: {category}\n---\nHow I keep what I find.\n"


def _goal_text(goal_id: str) -> str:
    name = goal_id.replace("-", " ").capitalize()
    return f"---\nname: {name}\nstatus: active\nstarted: 2020-09-01\n---\nWhat I am working towards.\n"


def _write_entries(root: Path, rng: random.Random, count: int, people: list[str]) -> list[GeneratedEntry]:
    years = max(1, min(count // 400, 40))
    start = dt.date(2026 - years, 7, 1)
    span = (dt.date(2026, 6, 30) - start).days
    made: list[GeneratedEntry] = []
    for number in range(count):
        day = start + dt.timedelta(days=span * number // count)
        time = f"{rng.randint(6, 21):02d}:{rng.choice(['00', '15', '30', '45'])}"
        topic = rng.choice(TOPICS)
        title = f"{rng.choice(VERBS)} {topic}"
        body = "\n".join(rng.sample(BODY, rng.randint(2, 4))) + "\n"
        made.append(GeneratedEntry(day, time, title, body))
        folder = root / "entries" / str(day.year)
        if number == 0 or made[-2].day.year != day.year:
            folder.mkdir(parents=True, exist_ok=True)
        slug = title.lower().replace(" ", "-")
        (folder / f"{day.isoformat()}-{slug}-{number}.md").write_text(_entry_text(rng, made[-1], people))
    return made


def _entry_text(rng: random.Random, entry: GeneratedEntry, people: list[str]) -> str:
    who = ", ".join(rng.sample(people, rng.randint(0, 3)))
    dims = rng.sample(DIMENSIONS, rng.randint(1, 2))
    growth = "".join(f"\n  {dim}: A note on {rng.choice(TOPICS)}" for dim in dims)
    lines = [
        f"date: {entry.day.isoformat()}",
        f"time: '{entry.time}'",
        f"title: {entry.title}",
        f"space: {rng.choice(SPACES)[0]}",
        f"people: [{who}]",
        f"tools: [{rng.choice(TOOLS)[0]}]",
        f"growth:{growth}",
        f"engagement: {rng.choice(ENGAGEMENT)}",
        f"minutes: {rng.choice([15, 20, 30, 45, 60, 90])}",
        f"goal: {rng.choice(GOALS)}",
        f"tags: [{rng.choice(TAGS)}]",
    ]
    if rng.random() < 0.3:
        lines.append(f"next: Try {rng.choice(TOPICS)} with 3rd period")
    return "---\n" + "\n".join(lines) + "\n---\n" + entry.body


def jrnl_text(entries: list[GeneratedEntry]) -> str:
    """The same entries as one jrnl journal file (`[YYYY-MM-DD HH:MM] Title` then the body)."""
    return "".join(f"[{e.day.isoformat()} {e.time}] {e.title}.\n{e.body}\n" for e in entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--entries", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jrnl", type=Path, help="Also write the entries as a jrnl journal file here.")
    args = parser.parse_args()
    made = generate(args.folder, args.entries, args.seed)
    if args.jrnl:
        args.jrnl.write_text(jrnl_text(made))
    print(f"wrote {len(made)} entries to {args.folder}")


if __name__ == "__main__":
    main()
