"""The impact report on a terminal, in CSV (per goal and per space) and in Markdown."""

from __future__ import annotations

from typing import Any

from plnjournal.render import csv as csv_format
from plnjournal.render import markdown as md
from plnjournal.render.charts import bar
from plnjournal.render.views.text import Lines, Table, report_view, span
from plnjournal.text import count, percent

OPEN_SHOWN = 5
STAGES = [
    ("logged", "logged"),
    ("intended", "set an intention"),
    ("applied", "applied in practice"),
    ("dropped", "dropped (let go)"),
    ("student_impact", "seen in students"),
]
COUNTS = ["logged", "intended", "applied", "student_impact"]
NONE_NAMES = {"goal": "(no goal)", "space": "(no space)"}


def table(data: dict[str, Any], *, terminal: bool) -> Any:
    return report_view(
        f"Impact, {span(data)}: {count(data['logged'], 'entry', 'entries')}",
        [
            Table(
                "From learning to practice to students", ["stage", "entries", "share", ""], _stage_rows(data)
            ),
            Table("By goal", ["goal", *_count_headers()], _group_rows(data["by_goal"], "goal")),
            Table("By space", ["space", *_count_headers()], _group_rows(data["by_space"], "space")),
            Lines(_open_title(data), [_open_line(item) for item in data["open"][:OPEN_SHOWN]]),
        ],
        terminal=terminal,
    )


def _stage_rows(data: dict[str, Any]) -> list[list[Any]]:
    logged = data["logged"]
    if not logged:
        return []
    return [[label, data[key], percent(data[key] / logged), bar(data[key], logged)] for key, label in STAGES]


def _count_headers() -> list[str]:
    return ["logged", "intended", "applied", "students"]


def _group_rows(groups: list[dict[str, Any]], kind: str) -> list[list[Any]]:
    return [[group["name"] or NONE_NAMES[kind], *(group[key] for key in COUNTS)] for group in groups]


def _open_title(data: dict[str, Any]) -> str:
    total = len(data["open"])
    shown = f"the oldest {OPEN_SHOWN} of " if total > OPEN_SHOWN else ""
    return f"Open intentions ({shown}{total}; see 'pln next')"


def _open_line(item: dict[str, Any]) -> str:
    return f"{item['date']}  {item['next']}  ({item['entry']})"


def csv(data: dict[str, Any]) -> str:
    rows = [
        [kind, group["id"], group["name"], *(group[key] for key in COUNTS)]
        for kind in ("goal", "space")
        for group in data[f"by_{kind}"]
    ]
    return csv_format.render(["by", "id", "name", *COUNTS], rows)


def markdown(data: dict[str, Any]) -> str:
    parts = [f"# From learning to practice to students, {span(data, '(no entries yet)')}\n"]
    if data["logged"]:
        parts.append(
            md.table(
                ["Stage", "Entries", "Share"], [row[:3] for row in _stage_rows(data)], [False, True, True]
            )
        )
    for kind in ("goal", "space"):
        if data[f"by_{kind}"]:
            headers = [kind.capitalize(), "Logged", "Intended", "Applied", "Seen in students"]
            rows = _group_rows(data[f"by_{kind}"], kind)
            parts.append(f"## By {kind}\n\n" + md.table(headers, rows, [False, True, True, True, True]))
    if data["open"]:
        lines = "".join(f"- {item['date']}: {md.plain(item['next'])}\n" for item in data["open"])
        parts.append(f"## Still to try ({len(data['open'])})\n\n{lines}")
    return "\n".join(parts)


def html(data: dict[str, Any]) -> str:
    """A page: the funnel from logged to seen in students, by goal and by space, what is still to try."""
    from plnjournal.render import html as h

    stages = [(label, data[key]) for key, label in STAGES]
    rows = [row[:3] for row in _stage_rows(data)]
    headers = ["Logged", "Intended", "Applied", "Seen in students"]
    numeric = frozenset({1, 2, 3, 4})
    sections = [
        h.section(
            "From learning to practice to students",
            h.bar_chart("Entries at each stage", stages, colours=h.PALETTE) if data["logged"] else "",
            h.table(["Stage", "Entries", "Share"], rows, numeric=frozenset({1, 2})) if rows else "",
        ),
        *(
            h.section(
                f"By {kind}",
                h.table(
                    [kind.capitalize(), *headers], _group_rows(data[f"by_{kind}"], kind), numeric=numeric
                ),
            )
            for kind in ("goal", "space")
            if data[f"by_{kind}"]
        ),
    ]
    if data["open"]:
        items = [f"{h.esc(item['next'])} {h.aside(item['date'], item['entry'])}" for item in data["open"]]
        sections.append(h.section(f"Still to try ({len(data['open'])})", h.bullets(items)))
    subtitle = f"{span(data)} · {count(data['logged'], 'entry', 'entries')}"
    return h.page("From learning to practice to students", subtitle, sections)
