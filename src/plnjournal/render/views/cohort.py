"""How the cohort view looks: one table of sections (figure, total, teachers, median per teacher),
suppressed cells shown as "fewer than N teachers", in plain text, CSV, Markdown and an HTML page."""

from __future__ import annotations

from typing import Any

from plnjournal.render import csv as csv_render
from plnjournal.render import html as h
from plnjournal.render import markdown as md
from plnjournal.render import table as table_render

COLUMNS = ("section", "figure", "total", "teachers", "median per teacher")
SECTION_TITLES = {
    "growth": "growth",
    "engagement": "engagement",
    "impact": "impact",
    "space_kinds": "space kind",
    "platforms": "platform",
}


def rows(data: dict[str, Any]) -> list[list[Any]]:
    hidden = f"fewer than {data['min_teachers']} teachers"
    found = [row("all", "entries", data["entries"], hidden), row("all", "hours", data["hours"], hidden)]
    for section, title in SECTION_TITLES.items():
        found += [row(title, key, value, hidden) for key, value in data[section].items()]
    for period in data["periods"]:
        found.append(row("month", f"{period['period']} entries", period["entries"], hidden))
        found.append(row("month", f"{period['period']} hours", period["hours"], hidden))
    return found


def row(section: str, figure: str, value: dict[str, Any], hidden: str) -> list[Any]:
    if value["suppressed"]:
        return [section, figure, hidden, "", ""]
    return [section, figure, value["total"], value["teachers"], value["median"]]


def summary(data: dict[str, Any]) -> str:
    line = f"{data['teachers']} teachers; cells resting on fewer than {data['min_teachers']} are suppressed"
    goal = data.get("goal")
    if goal:
        reached = "suppressed (too few)" if goal["suppressed"] else f"{goal['reached']} of {data['teachers']}"
        line += f". Reached {goal['hours']} hours: {reached}"
    return line


def table(data: dict[str, Any]) -> str:
    return f"Cohort: {summary(data)}\n\n" + table_render.render_plain(COLUMNS, rows(data))


def csv(data: dict[str, Any]) -> str:
    return csv_render.render(COLUMNS, rows(data))


def markdown(data: dict[str, Any]) -> str:
    return f"# Our cohort's learning networks\n\n{md.plain(summary(data))}.\n\n" + md.table(
        list(COLUMNS), rows(data), numeric=[False, False, True, True, True]
    )


def html(data: dict[str, Any]) -> str:
    body = h.table(COLUMNS, rows(data), numeric=frozenset({2, 3, 4}))
    return h.page("Our cohort's learning networks", summary(data), [h.section("Figures", body)])
