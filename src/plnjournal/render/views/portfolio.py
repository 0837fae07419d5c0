"""How a portfolio looks: Markdown to paste or print, the CSV a state PD log asks for, and an
HTML page (self-contained, printable)."""

from __future__ import annotations

import re
from typing import Any

from plnjournal.render import csv as csv_render
from plnjournal.render import html as page_html
from plnjournal.render import markdown as md

CSV_COLUMNS = ("date", "title", "provider", "location", "hours", "verified_by")
LOG_COLUMNS = ("Date", "Activity", "Provider", "Location or platform", "Hours", "Total", "Verified by")


def clock(value: float | None) -> str:
    """Clock hours as a PD log writes them: two decimals, empty when unknown."""
    return "" if value is None else f"{value:.2f}"


def title(data: dict[str, Any]) -> str:
    owner = data.get("owner")
    return "Professional learning portfolio" + (f": {owner}" if owner else "")


def summary(data: dict[str, Any]) -> str:
    span = f"{data['from'] or 'the first entry'} to {data['to'] or 'the last entry'}"
    return f"{span} · {data['entries']} activities · {clock(data['hours'])} clock hours"


def csv(data: dict[str, Any]) -> str:
    rows = [
        [row["date"], row["title"], row["provider"], row["location"], clock(row["hours"]), row["verified_by"]]
        for row in data["activities"]
    ]
    return csv_render.render(CSV_COLUMNS, rows)


def log_rows(data: dict[str, Any]) -> list[list[Any]]:
    return [
        [
            row["date"],
            row["title"],
            row["provider"],
            row["location"],
            clock(row["hours"]),
            clock(row["running_hours"]),
            row["verified_by"] or "",
        ]
        for row in data["activities"]
    ]


def markdown(data: dict[str, Any]) -> str:
    lines = [f"# {title(data)}", "", summary(data), "", "## Log", ""]
    lines.append(_md_table(LOG_COLUMNS, log_rows(data), numeric={4, 5}))
    lines += ["", f"**Total: {clock(data['hours'])} clock hours**", "", "## Evidence and learning", ""]
    for row in data["activities"]:
        lines += _md_activity(row)
    lines += ["## Hours by growth dimension", ""]
    dims = [[t["dimension"], t["entries"], clock(t["hours"])] for t in data["by_dimension"]]
    lines.append(_md_table(("Dimension", "Activities", "Hours"), dims, numeric={1, 2}))
    lines += [
        "",
        "An activity may show several dimensions, so these hours overlap.",
        "",
        "## Hours by goal",
        "",
    ]
    goals = [[t["name"], t["entries"], clock(t["hours"])] for t in data["by_goal"]]
    lines.append(
        _md_table(("Goal", "Activities", "Hours"), goals, numeric={1, 2}) if goals else "No goals set."
    )
    return "\n".join(lines) + "\n"


def _md_activity(row: dict[str, Any]) -> list[str]:
    lines = [f"### {row['date']} · {md.plain(row['title'])}", ""]
    facts = [
        ("Provider", md.plain(row["provider"])),
        ("Location", md.plain(row["location"])),
        ("Clock hours", clock(row["hours"])),
        ("Verified by", md.plain(row["verified_by"])),
        ("Evidence", ", ".join(_md_link(item) for item in row["evidence"])),
        *((f"Learned ({item['dimension']})", md.plain(item["note"] or "—")) for item in row["learned"]),
        ("Applied", md.plain(row["applied"])),
        ("Impact on students", md.plain(row["impact"])),
    ]
    lines += [f"- {label}: {value}" for label, value in facts if value]
    return [*lines, ""]


def _md_link(target: str) -> str:
    if target.startswith(("https://", "http://")) and not re.search(r"[\s<>]", target):
        return f"<{target}>"
    return md.code(target)


def _md_table(columns: tuple[str, ...], rows: list[list[Any]], numeric: set[int]) -> str:
    return md.table(columns, rows, numeric=[i in numeric for i in range(len(columns))]).rstrip("\n")


def html(data: dict[str, Any]) -> str:
    h = page_html
    total = ["", "Total", "", "", "", clock(data["hours"]), ""]
    log = h.table(LOG_COLUMNS, log_rows(data), numeric=frozenset({4, 5}), footer=total)
    dims = [(t["dimension"], t["hours"]) for t in data["by_dimension"]]
    colours = [h.DIMENSION_COLOURS[t["dimension"]] for t in data["by_dimension"]]
    charts = [h.bar_chart("Clock hours by growth dimension", dims, unit=" h", colours=colours, number=clock)]
    if data["by_goal"]:
        goals = [(t["name"], t["hours"]) for t in data["by_goal"]]
        charts.append(h.bar_chart("Clock hours by goal", goals, unit=" h", number=clock))
    charts += h.vocabulary_charts(data)
    sections = [
        h.section(
            "Totals",
            *charts,
            h.paragraph("An activity may show several dimensions, so hours by dimension overlap.", "note"),
        ),
        h.section("Log", log),
        h.section("Evidence and learning", *(_html_activity(row) for row in data["activities"])),
    ]
    return h.page(title(data), summary(data), sections)


def _html_activity(row: dict[str, Any]) -> str:
    h = page_html
    facts = [
        ("Provider", h.esc(row["provider"])),
        ("Location", h.esc(row["location"])),
        ("Clock hours", h.esc(clock(row["hours"]))),
        ("Verified by", h.esc(row["verified_by"])),
        ("Evidence", ", ".join(h.link(item) for item in row["evidence"])),
        *((f"Learned ({item['dimension']})", h.esc(item["note"] or "—")) for item in row["learned"]),
        ("Applied", h.esc(row["applied"])),
        ("Impact on students", h.esc(row["impact"])),
    ]
    items = "".join(f"<dt>{h.esc(label)}</dt><dd>{value}</dd>" for label, value in facts if value)
    heading = f"{h.esc(row['date'])} · {h.esc(row['title'])}"
    return f'<article class="card"><h3>{heading}</h3><dl>{items}</dl></article>'
