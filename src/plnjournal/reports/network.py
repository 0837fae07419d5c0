"""The network report: who, where and with what I learn, and the pitfalls the research warns of
(echo chambers, one platform or space holding everything, ties gone dormant, kinds of support
nobody gives, tools listed but unused).

Definitions a reader of the numbers needs:
- *Diversity* of an attribute is Pielou's evenness of its values, H / ln(k), where H is the Shannon
  entropy of the value counts and k the number of distinct values: 0 when all alike (k <= 1), 1 when
  perfectly even. A person with several values (roles: [teacher, coach]) counts once for each;
  people with no value for the attribute are ignored, not counted as a value of their own.
- A value *dominates* when it holds at least 60% of the people who have that attribute and there
  are at least 4 such people ("11 of 14 people teach social studies").
- *Dormant*: nobody's entry with the person in the `dormant_after_days` (pln.yaml) days before the
  end of the range (`--to`, else today): last seen `days` >= dormant_after_days ago. Meeting someone
  (`met`) counts as seeing them; `last_seen` is null when neither is known, and such people come
  first. Dormancy looks at every entry up to the end, whatever `--from` and the other filters say.
  Nobody is dormant before `dormant_after_days` have passed since they were *added* (the commit
  that added their file, else `met`; a file not committed yet counts from when it was written).
- Values compare as `values.py` says: case-insensitively, spacing collapsed, shown as first spelt
  ("Bluesky" and "bluesky" are one platform; "Social Studies" and "social studies" one subject).
- *Concentration* is the top space's share of ALL entries in range (entries without a space count
  in the denominator). *Platform dependence* is the share of all entries in range whose space
  depends on the biggest platform; spaces without a platform, and entries without a space, are
  independent. Either warns from a third of the entries.
- Counts of entries, minutes and tool use cover the entries in range; people, support and the
  attribute spreads cover every person in the journal.
- *Keep in touch* (reports/keep_in_touch.py), *brought in* and *unvetted sources*
  (reports/sources.py) are defined in their modules; keep in touch is as of the end of the range.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from plnjournal.journal.earlier import merge_newest
from plnjournal.model import SUPPORT_KINDS, Entry, Person, Space, Tool
from plnjournal.query import in_range
from plnjournal.reports import Scope
from plnjournal.reports.keep_in_touch import cadence_warnings, keep_in_touch
from plnjournal.reports.sources import applied_from_unvetted, brought_in, most_used_unvetted
from plnjournal.text import percent
from plnjournal.values import distinct, fold, tally

ATTRIBUTES: tuple[tuple[str, str], ...] = (
    # (report key, Person attribute)
    ("role", "roles"),
    ("subject", "subjects"),
    ("level", "levels"),
    ("organization", "organization"),
    ("location", "location"),
)
DOMINANT_SHARE = 0.6
DOMINANT_MIN_PEOPLE = 4
SHARE_WARNING = 0.333  # a third, as the rounded shares show it
DOMINANCE_SENTENCES = {
    "role": "{n} of {m} people have the role {value}",
    "subject": "{n} of {m} people teach {value}",
    "level": "{n} of {m} people teach at the {value} level",
    "organization": "{n} of {m} people work at {value}",
    "location": "{n} of {m} people are in {value}",
}


def build(scope: Scope) -> dict[str, Any]:
    people: list[Person] = sorted(scope.loaded.of("person"), key=lambda p: p.id)  # type: ignore[arg-type]
    spaces: list[Space] = list(scope.loaded.of("space"))  # type: ignore[arg-type]
    tools: list[Tool] = list(scope.loaded.of("tool"))  # type: ignore[arg-type]
    end = scope.end or scope.today
    held = {key: [values_of(person, attribute) for person in people] for key, attribute in ATTRIBUTES}
    spreads = {key: value_counts(values) for key, values in held.items()}
    space_rows = space_use(spaces, scope)
    tool_rows = tool_use(tools, scope)
    support = {kind: [p.id for p in people if kind in p.provides] for kind in SUPPORT_KINDS}
    data: dict[str, Any] = {
        "report": "network",
        "from": scope.start.isoformat() if scope.start else None,
        "to": scope.end.isoformat() if scope.end else None,
        "people": {
            "total": len(people),
            "new": sum(1 for p in people if p.met is not None and in_range(p.met, scope.start, end)),
            "active": len(active_people(scope)),
            **{f"by_{key}": counts for key, counts in spreads.items()},
            "diversity": {key: evenness(counts.values()) for key, counts in spreads.items()},
        },
        "dormant": dormant(people, scope, end),
        "support": support,
        "missing_support": [kind for kind, ids in support.items() if not ids],
        "spaces": space_rows,
        "by_mode": totals_by(space_rows, "mode"),
        "by_kind": totals_by(space_rows, "kind"),
        "concentration": concentration(space_rows, len(scope.entries)),
        "platform_dependence": platform_dependence(space_rows, len(scope.entries)),
        "tools": {"by_tool": tool_rows, "by_category": category_use(tool_rows)},
        "unused_tools": [row["id"] for row in tool_rows if row["entries"] == 0],
        "keep_in_touch": keep_in_touch(scope.loaded, scope.index, scope.settings, end),
        "brought_in": brought_in(scope),
        "applied_from_unvetted": applied_from_unvetted(scope),
        "most_used_unvetted": most_used_unvetted(scope),
    }
    people_with = {key: sum(1 for values in groups if values) for key, groups in held.items()}
    data["warnings"] = network_warnings(data, spreads, people_with, scope)
    return data


def build_with_graph(scope: Scope) -> dict[str, Any]:
    """The report as `pln report --network` gives it: `build`, and under `graph` the people,
    spaces and tools linked by the entries they share and who brought whom in (reports/graph.py),
    for the page to draw. (`pln status` needs only `build`.)"""
    from plnjournal.reports.graph import as_data, build_graph

    return {**build(scope), "graph": as_data(build_graph(scope, introductions=True))}


def unusable_values(scope: Scope) -> list[str]:
    return cadence_warnings(scope.loaded)


def values_of(person: Person, attribute: str) -> tuple[str, ...]:
    """A person's values of an attribute, each once however it is spelt (see values.py)."""
    value = getattr(person, attribute)
    return distinct((value,) if isinstance(value, str) else value or ())


def value_counts(groups: Iterable[Iterable[str]]) -> dict[str, int]:
    """{value: how many hold it}, biggest first, then by value; 'Bluesky' and 'bluesky' are one
    value, shown as first spelt."""
    counts = tally(value for group in groups for value in group)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], fold(item[0]), item[0])))


def evenness(counts: Iterable[int]) -> float:
    """Normalized Shannon evenness H / ln(k) of counts, 0.0 when there are fewer than two values."""
    positive = [count for count in counts if count > 0]
    total = sum(positive)
    if len(positive) <= 1:
        return 0.0
    entropy = -sum(count / total * math.log(count / total) for count in positive)
    return round(entropy / math.log(len(positive)), 3)


def share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def active_people(scope: Scope) -> set[str]:
    known = scope.index.by_id["person"]
    return {pid for entry in scope.entries for pid in entry_people(scope, entry) if pid in known}


def entry_people(scope: Scope, entry: Entry) -> list[str]:
    return [scope.index.canonical("person", ref) for ref in entry.people]


def dormant(people: list[Person], scope: Scope, end: Any) -> list[dict[str, Any]]:
    """People not seen in the `dormant_after_days` days up to `end`, never seen and longest first;
    nobody is dormant before `dormant_after_days` have passed since they were added."""
    last_entry: dict[str, Any] = {}
    for entry in scope.loaded.entries:
        if entry.date <= end and (scope.filters.include_private or not entry.private):
            for pid in entry_people(scope, entry):
                last_entry[pid] = max(entry.date, last_entry.get(pid, entry.date))
    if scope.loaded.earlier is not None:  # entries the load summed up (pln status)
        earlier = scope.loaded.earlier.last_named(scope.index, include_private=scope.filters.include_private)
        merge_newest(last_entry, earlier, end)
    rows = []
    for person in people:
        seen = [d for d in (last_entry.get(person.id), person.met) if d is not None and d <= end]
        joined = joined_on(person, scope, end)
        if joined is not None and joined > end and not seen:
            continue  # not in the network yet at the end of the range
        last_seen = max(seen) if seen else None
        days = (end - last_seen).days if last_seen else None
        recent = joined is not None and (end - joined).days < scope.settings.dormant_after_days
        if not recent and (days is None or days >= scope.settings.dormant_after_days):
            row = {"id": person.id, "name": person.name, "last_seen": last_seen, "days": days}
            rows.append({**row, "added": joined})
    rows.sort(key=lambda row: (row["days"] is not None, -(row["days"] or 0), row["name"].casefold()))
    return [{**row, "last_seen": iso(row["last_seen"]), "added": iso(row["added"])} for row in rows]


def joined_on(person: Person, scope: Scope, end: Any) -> Any:
    """The day the person was added (the commit that added their file), else the day they were
    met; a commit after `end` says nothing of the network at the end (a journal copied in later)."""
    added = scope.added.get(person.id)
    return added if added is not None and added <= end else person.met


def iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def space_use(spaces: list[Space], scope: Scope) -> list[dict[str, Any]]:
    entries: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    for entry in scope.entries:
        if entry.space:
            space_id = scope.index.canonical("space", entry.space)
            entries[space_id] += 1
            minutes[space_id] += entry.minutes or 0
    rows = [
        {
            "id": space.id,
            "name": space.name,
            "kind": space.kind_,
            "mode": space.mode,
            "platform": (space.platform or "").strip() or None,
            "entries": entries[space.id],
            "minutes": minutes[space.id],
        }
        for space in spaces
    ]
    return sorted(rows, key=lambda row: (-row["entries"], -row["minutes"], row["name"].casefold()))


def totals_by(space_rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, int]]:
    """{mode or kind: {spaces, entries, minutes}}, most entries first; a missing value is 'unspecified'."""
    totals: dict[str, dict[str, int]] = {}
    for row in space_rows:
        bucket = totals.setdefault(row[key] or "unspecified", {"spaces": 0, "entries": 0, "minutes": 0})
        bucket["spaces"] += 1
        bucket["entries"] += row["entries"]
        bucket["minutes"] += row["minutes"]
    return dict(sorted(totals.items(), key=lambda item: (-item[1]["entries"], -item[1]["minutes"], item[0])))


def concentration(space_rows: list[dict[str, Any]], total: int) -> dict[str, Any]:
    top = space_rows[0] if space_rows and space_rows[0]["entries"] else None
    return {"id": top["id"] if top else None, "share": share(top["entries"], total) if top else 0.0}


def platform_dependence(space_rows: list[dict[str, Any]], total: int) -> dict[str, Any]:
    spelling: dict[str, str] = {}
    by_platform: Counter[str] = Counter()
    for row in space_rows:
        if row["platform"] and row["entries"]:
            key = fold(row["platform"])
            spelling.setdefault(key, row["platform"])
            by_platform[key] += row["entries"]
    if not by_platform:
        return {"platform": None, "share": 0.0}
    platform, entries = min(by_platform.items(), key=lambda item: (-item[1], item[0]))
    return {"platform": spelling[platform], "share": share(entries, total)}


def tool_use(tools: list[Tool], scope: Scope) -> list[dict[str, Any]]:
    used = Counter(
        tool_id
        for entry in scope.entries
        for tool_id in {scope.index.canonical("tool", t) for t in entry.tools}
    )
    rows = [{"id": t.id, "name": t.name, "category": t.category, "entries": used[t.id]} for t in tools]
    return sorted(rows, key=lambda row: (-row["entries"], row["name"].casefold()))


def category_use(tool_rows: list[dict[str, Any]]) -> dict[str, int]:
    """{category: entries using a tool of it}; an entry with two tools of one category counts twice."""
    totals: Counter[str] = Counter()
    for row in tool_rows:
        totals[row["category"] or "unspecified"] += row["entries"]
    return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


def network_warnings(
    data: dict[str, Any], spreads: dict[str, dict[str, int]], people_with: dict[str, int], scope: Scope
) -> list[str]:
    """Plain sentences, in the order of the report: people, support, platform, space, ties, tools
    (`people_with`: how many people hold any value of each attribute of `spreads`)."""
    found = [sentence for key in spreads if (sentence := dominance(key, spreads[key], people_with[key]))]
    missing = [kind.replace("-", " ") for kind in data["missing_support"]]
    if missing:
        found.append(f"Nobody in your network provides {join_or(missing)}")
    platform = data["platform_dependence"]
    if platform["platform"] and platform["share"] >= SHARE_WARNING:
        found.append(f"{percent(platform['share'])} of your entries depend on {platform['platform']}")
    top = data["concentration"]
    if top["id"] and top["share"] >= SHARE_WARNING:
        name = scope.index.by_id["space"][top["id"]].name  # type: ignore[attr-defined]
        found.append(f"{name} holds {percent(top['share'])} of your entries")
    if data["dormant"]:
        count = len(data["dormant"])
        who = "1 person" if count == 1 else f"{count} people"
        days = scope.settings.dormant_after_days
        found.append(f"{who} you have not seen in {days} days or more")
    if data["keep_in_touch"]:
        count = len(data["keep_in_touch"])
        found.append(f"{'1 person is' if count == 1 else f'{count} people are'} due for a word from you")
    if data["applied_from_unvetted"]:
        count = len(data["applied_from_unvetted"])
        ideas = "1 idea" if count == 1 else f"{count} ideas"
        found.append(f"{ideas} you applied in class came only from sources you have not vetted")
    whole_journal = scope.start is None and scope.end is None
    for tool_id in data["unused_tools"]:
        name = scope.index.by_id["tool"][tool_id].name  # type: ignore[attr-defined]
        found.append(f"{name} is listed but {'never used' if whole_journal else 'not used in this period'}")
    return found


def dominance(key: str, counts: dict[str, int], people_with: int) -> str | None:
    if not counts or people_with < DOMINANT_MIN_PEOPLE:
        return None
    value, count = next(iter(counts.items()))
    if count / people_with < DOMINANT_SHARE:
        return None
    return DOMINANCE_SENTENCES[key].format(n=count, m=people_with, value=value)


def join_or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
