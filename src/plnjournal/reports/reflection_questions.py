"""The questions `pln reflect` asks beyond the Enrichment Framework's three moves:

- *Looking back*: what was noted and intended a year ago, and intentions open for over 90 days
  (reports/look_back.py).
- *The five influences* on how educators take part (Trust & Prestridge 2021: goals, time,
  confidence, relationships, space dynamics), asked about the spaces where the educator only
  reads (every entry in range `read`) and those where they lead (an entry `led`).
- *Weigh your sources*: the SIFT moves (Caulfield: stop, investigate the source, find better
  coverage, trace claims) about the most-used source not vetted `yes` (reports/sources.py).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from plnjournal.model import TAKING_IN
from plnjournal.reports import Scope
from plnjournal.reports.look_back import OLD_DAYS, a_year_ago, old_intentions
from plnjournal.text import one_line

INFLUENCES_WHERE_I_READ = (
    ("Goals", "What do I want from {space}, and does reading it still serve that?"),
    ("Time", "When in my week could I give {space} ten minutes to reply, not only read?"),
    ("Confidence", "What would make me comfortable asking or answering a question in {space}?"),
    ("Relationships", "Whom in {space} do I know well enough to reply to first?"),
    ("Space dynamics", "What about {space} (its pace, tone, platform) makes taking part hard?"),
)
INFLUENCES_WHERE_I_LEAD = (
    ("Goals", "What is leading in {space} doing for my goals, and for the others there?"),
    ("Time", "Is the time leading {space} takes sustainable this term?"),
    ("Confidence", "What have I learned from leading {space} that I can pass on?"),
    ("Relationships", "Who in {space} could lead with me, or after me?"),
    ("Space dynamics", "Who is quiet in {space}, and what would invite them in?"),
)
SIFT = (
    ("Stop", "Before sharing what {source} says, what do I already know about it?"),
    ("Investigate the source", "Who is behind {source}, what do they sell or stand for, what do others say?"),
    ("Find better coverage", "Where else is this covered: research, a trusted colleague, another space?"),
    ("Trace claims", "Which idea I took from {source} can I trace to its original study or context?"),
)


def looking_back(scope: Scope) -> str:
    memories = a_year_ago(scope.loaded.entries, scope.index, scope.today)
    old = old_intentions(scope.loaded.entries, scope.today)
    lines = ["## Looking back\n", "### A year ago\n"]
    lines += [f"- {one_line(memory['sentence'])}" for memory in memories] or ["- Nothing logged a year ago."]
    lines += ["", f"### Intentions open for more than {OLD_DAYS} days\n"]
    ask = "do it, change it or drop it?"
    lines += [
        f"- {row['date']} ({row['age_days']} days): {one_line(row['next'] or '')}: {ask}" for row in old
    ] or ["- None: every older intention has been applied."]
    return "\n".join(lines) + "\n"


def spaces_by_engagement(scope: Scope) -> tuple[list[str], list[str]]:
    """(names of spaces where I only read, names of spaces where I led), in range."""
    levels: dict[str, set[str]] = defaultdict(set)
    for entry in scope.entries:
        if entry.space and entry.engagement:
            levels[scope.index.canonical("space", entry.space)].add(entry.engagement)
    spaces = scope.index.by_id["space"]
    named = {sid: spaces[sid].name for sid in levels if sid in spaces}  # type: ignore[attr-defined]
    reading = sorted(named[s] for s in named if levels[s] <= set(TAKING_IN))
    leading = sorted(named[s] for s in named if "led" in levels[s])
    return reading, leading


def influences(scope: Scope) -> str:
    reading, leading = spaces_by_engagement(scope)
    lines = [
        "## The five influences on taking part\n",
        "Goals, time, confidence, relationships and space dynamics shape how educators take part",
        "(Trust & Prestridge 2021).\n",
    ]
    for title, names, questions in (
        ("Where I only read", reading, INFLUENCES_WHERE_I_READ),
        ("Where I lead", leading, INFLUENCES_WHERE_I_LEAD),
    ):
        lines.append(f"### {title}: {', '.join(one_line(n) for n in names) or 'none'}\n")
        if names:
            space = one_line(names[0]) if len(names) == 1 else "these spaces"
            lines += [f"- **{name}**: {question.format(space=space)}" for name, question in questions]
        lines.append("")
    return "\n".join(lines)


def weigh_sources(source: dict[str, Any] | None) -> str:
    lines = ["## Weigh your sources (SIFT)\n"]
    if source is None:
        return "\n".join([*lines, "- Every source you used is vetted. Keep checking what they share.", ""])
    name = one_line(source["name"])
    state = "not vetted yet" if source["vetted"] is None else f"vetted {source['vetted']}"
    lines.append(
        f"Your most-used source not vetted `yes`: **{name}** ({source['entries']} entries, {state}).\n"
    )
    lines += [f"- **{move}**: {question.format(source=name)}" for move, question in SIFT]
    lines += ["", f"Record what you find: `pln set {source['id']} vetted=yes` (or `no`, `mixed`).", ""]
    return "\n".join(lines)
