"""`pln reflect`: a dated reflection, pre-filled from the journal, for the PLN Enrichment Framework
(Krutka, Carpenter & Trust 2017): *identification* (who, where and what is in my PLN),
*reflection* (how each supports me, what is missing or dominant), *intention* (what I will add,
change or drop).

The front-matter `next:` list starts with intentions suggested by the network report (support
nobody gives, a platform holding a third of the entries, dormant ties, unused tools); the
educator keeps, rewrites or deletes them, and `pln next` shows what remains.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from plnjournal.model import DIMENSIONS, Reflection
from plnjournal.reports import Scope, network
from plnjournal.reports.reflection_questions import influences, looking_back, weigh_sources
from plnjournal.text import one_line

TITLE = "PLN enrichment reflection"
QUESTIONS = (
    "Who challenges my thinking, and not only confirms it?",
    "Which sources do I trust, and how do I check what they share?",
    "How does what I learn here reach my students?",
)


def enrichment(scope: Scope) -> Reflection:
    data = network.build(scope)
    return Reflection(
        id=f"{scope.today.isoformat()}-enrichment",
        date=scope.today,
        title=TITLE,
        next=suggested_intentions(data, scope),
        tags=("enrichment",),
        body=body(data, scope),
    )


def suggested_intentions(data: dict[str, Any], scope: Scope) -> tuple[str, ...]:
    found = [f"Find someone who offers {kind.replace('-', ' ')}" for kind in data["missing_support"]]
    platform = data["platform_dependence"]
    if platform["platform"] and platform["share"] >= network.SHARE_WARNING:
        found.append(f"Try a space that does not depend on {platform['platform']}")
    found += [f"Get back in touch with {row['name']}" for row in data["dormant"][:3]]
    due = [
        row for row in data["keep_in_touch"] if row["name"] not in {d["name"] for d in data["dormant"][:3]}
    ]
    found += [f"Get in touch with {row['name']} (due every {row['cadence']})" for row in due[:3]]
    tools = scope.index.by_id["tool"]
    found += [f"Use {tools[tool_id].name} or drop it" for tool_id in data["unused_tools"]]  # type: ignore[attr-defined]
    return tuple(found)


def body(data: dict[str, Any], scope: Scope) -> str:
    parts = [
        f"# {TITLE}, {scope.today.isoformat()}\n",
        "Following the PLN Enrichment Framework (Krutka, Carpenter & Trust 2017): identify who,\n"
        "where and what is in your PLN, reflect on how each supports you, then set intentions.\n"
        f"Covers {coverage(scope)}.\n",
        identification(data, scope),
        reflection(data, scope),
        looking_back(scope),
        influences(scope),
        weigh_sources(data["most_used_unvetted"]),
        intention(),
    ]
    return "\n".join(parts)


def coverage(scope: Scope) -> str:
    count = len(scope.entries)
    if not scope.entries:
        return "no entries yet"
    return f"{count} entries, {scope.entries[0].date.isoformat()} to {scope.entries[-1].date.isoformat()}"


def identification(data: dict[str, Any], scope: Scope) -> str:
    people_entries = Counter(pid for entry in scope.entries for pid in network.entry_people(scope, entry))
    people = sorted(scope.index.by_id["person"].values(), key=lambda p: (-people_entries[p.id], p.id))
    lines = ["## 1. Identification: who, where and what is in my PLN\n", f"### People ({len(people)})\n"]
    lines += [f"- {one_line(p.name)}: {entries(people_entries[p.id])}{about(p)}" for p in people]  # type: ignore[attr-defined]
    lines += ["", f"### Spaces ({len(data['spaces'])})\n"]
    lines += [
        f"- {one_line(row['name'])}: {entries(row['entries'])}, {row['minutes']} minutes"
        f"{described(row['kind'], row['mode'], row['platform'])}"
        for row in data["spaces"]
    ]
    tools = data["tools"]["by_tool"]
    lines += ["", f"### Tools ({len(tools)})\n"]
    lines += [
        f"- {one_line(row['name'])}: {entries(row['entries'])}{described(row['category'])}" for row in tools
    ]
    return "\n".join(lines) + "\n"


def about(person: Any) -> str:
    return described(
        *person.roles, *person.subjects, *(f"gives {kind.replace('-', ' ')}" for kind in person.provides)
    )


def described(*facts: str | None) -> str:
    shown = [one_line(fact) for fact in facts if fact]
    return f" ({', '.join(shown)})" if shown else ""


def reflection(data: dict[str, Any], scope: Scope) -> str:
    lines = ["## 2. Reflection: how does my PLN support me?\n", "### Which kinds of growth, and from whom?\n"]
    for dimension in DIMENSIONS:
        lines.append(f"- **{dimension.capitalize()}**: {growth_sources(dimension, scope)}")
    lines += ["", "### What is missing or dominant?\n"]
    lines += [f"- {one_line(warning)}" for warning in data["warnings"]] or [
        "- The report found nothing alarming."
    ]
    diversity = ", ".join(f"{key} {score:.2f}" for key, score in data["people"]["diversity"].items())
    lines.append(f"- Diversity of people (0 = all alike, 1 = even): {diversity}")
    lines += ["", "### Questions\n"]
    lines += [f"- {question}" for question in QUESTIONS]
    return "\n".join(lines) + "\n"


def growth_sources(dimension: str, scope: Scope) -> str:
    chosen = [entry for entry in scope.entries if dimension in entry.growth]
    if not chosen:
        return "no entries. What would help you grow this way?"
    people = Counter(pid for entry in chosen for pid in network.entry_people(scope, entry))
    spaces = Counter(scope.index.canonical("space", entry.space) for entry in chosen if entry.space)
    return (
        f"{entries(len(chosen))}; people: {top(people, 'person', scope)}; "
        f"spaces: {top(spaces, 'space', scope)}"
    )


def top(counts: Counter[str], kind: str, scope: Scope, limit: int = 3) -> str:
    records = scope.index.by_id[kind]
    known = [(rid, count) for rid, count in counts.most_common() if rid in records][:limit]
    return ", ".join(f"{one_line(records[rid].name)} ({count})" for rid, count in known) or "none"  # type: ignore[attr-defined]


def intention() -> str:
    lines = [
        "## 3. Intention: what will I add, change or drop?\n",
        "- Add: which person, space or tool would bring what is missing?",
        "- Change: where will I give back rather than only take in?",
        "- Drop: what costs more time than it gives?",
        "",
        "The `next:` list at the top holds intentions suggested by the warnings above: keep,",
        "rewrite or delete them, and add your own. `pln next` lists them until they are done.",
    ]
    return "\n".join(lines) + "\n"


def entries(count: int) -> str:
    return "1 entry" if count == 1 else f"{count} entries"
