"""How `pln export` writes its data: JSON Lines, CSV and Markdown (JSON is the data itself)."""

from __future__ import annotations

from typing import Any

from plnjournal.render import csv as csv_render
from plnjournal.render import json as json_render

CSV_COLUMNS = (
    "id",
    "date",
    "time",
    "title",
    "space",
    "people",
    "tools",
    "goal",
    "engagement",
    "minutes",
    "growth",
    "tags",
    "next",
    "applied",
    "impact",
    "evidence",
    "verified_by",
    "private",
    "source",
    "body",
)
_SKIPPED = {"path"}


def jsonl(data: dict[str, Any]) -> str:
    """One entry a line."""
    return json_render.render_lines(data["entries"])


def names(value: Any) -> Any:
    """A named reference (or a list of them) as its name(s), for flat formats."""
    if isinstance(value, dict) and set(value) == {"id", "name"}:
        return value["name"]
    if isinstance(value, list):
        return [names(item) for item in value]
    return value


def csv(data: dict[str, Any]) -> str:
    """One row per entry; references by name; keys pln does not know in columns after the rest."""
    entries = data["entries"]
    extra = dict.fromkeys(key for row in entries for key in row if key not in (*CSV_COLUMNS, *_SKIPPED))
    columns = [*CSV_COLUMNS, *extra]
    rows = [[names(row.get(column)) for column in columns] for row in entries]
    return csv_render.render(columns, rows)


def markdown(data: dict[str, Any]) -> str:
    """A readable document: one section per entry, its facts as a list, then its body."""
    owner = data.get("owner")
    lines = [f"# Learning journal{f' of {owner}' if owner else ''}", ""]
    for entry in data["entries"]:
        lines += _entry_section(entry)
    return "\n".join(lines).rstrip("\n") + "\n"


def _entry_section(entry: dict[str, Any]) -> list[str]:
    heading = f"## {entry['date']}" + (f" · {entry['title']}" if entry.get("title") else "")
    facts = [
        ("Time", entry.get("time")),
        ("Space", names(entry.get("space"))),
        ("People", ", ".join(names(entry.get("people") or []))),
        ("Tools", ", ".join(names(entry.get("tools") or []))),
        ("Goal", names(entry.get("goal"))),
        ("Engagement", entry.get("engagement")),
        ("Minutes", entry.get("minutes")),
        ("Tags", ", ".join(entry.get("tags") or [])),
        ("Next", entry.get("next")),
        ("Applied", entry.get("applied")),
        ("Impact", entry.get("impact")),
        ("Evidence", ", ".join(entry.get("evidence") or [])),
        ("Verified by", entry.get("verified_by")),
    ]
    lines = [heading, ""]
    lines += [f"- **{label}:** {value}" for label, value in facts if value not in (None, "")]
    lines += [f"- **Growth ({dim}):** {note or '—'}" for dim, note in (entry.get("growth") or {}).items()]
    body = (entry.get("body") or "").strip("\n")
    return [*lines, "", body, ""] if body else [*lines, ""]
