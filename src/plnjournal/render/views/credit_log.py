"""How `pln portfolio --pack P` looks: per category of the pack, the activities in the columns the
state's log asks for, with the units each earned; Markdown, CSV (one table, a category column) and
a printable HTML page."""

from __future__ import annotations

from typing import Any

from plnjournal.render import csv as csv_format
from plnjournal.render import html as page_html
from plnjournal.render import markdown as md
from plnjournal.render.views.credits import figure

HEADERS = {
    "date": "Date",
    "title": "Activity",
    "provider": "Provider",
    "sponsor": "Sponsor",
    "sponsor_id": "Sponsor number",
    "location": "Location",
    "hours": "Clock hours",
    "units": "Units",
    "verified_by": "Verified by",
    "approved_by": "Approved by",
    "approved_on": "Approved on",
    "evidence": "Evidence",
    "summary": "What I learned",
}
NUMERIC = {"hours", "units"}


def title(data: dict[str, Any]) -> str:
    owner = f": {data['owner']}" if data.get("owner") else ""
    return f"Professional learning portfolio{owner} ({data['pack_name']})"


def summary(data: dict[str, Any]) -> str:
    return (
        f"{data['from']} to {data['to']} · {figure(data['counted'])} of {figure(data['required'])} "
        f"{data['unit']} counted"
    )


def cells(data: dict[str, Any], activity: dict[str, Any]) -> list[str]:
    return [_cell(name, activity[name]) for name in data["columns"]]


def _cell(name: str, value: Any) -> str:
    if name in NUMERIC:
        return "" if value is None else (f"{value:.2f}" if name == "hours" else figure(value))
    return "; ".join(value) if isinstance(value, list) else str(value or "")


def _group_heading(data: dict[str, Any], group: dict[str, Any]) -> str:
    line = f"{group['name']}: {figure(group['counted'])} {data['unit']} counted"
    if group["spilled"]:
        line += f" ({figure(group['spilled'])} over the cap)"
    return line + (f", {figure(group['held'])} held" if group["held"] else "")


def markdown(data: dict[str, Any]) -> str:
    headers = [HEADERS[name] for name in data["columns"]]
    numeric = [name in NUMERIC for name in data["columns"]]
    parts = [f"# {md.plain(title(data))}\n", f"{md.plain(summary(data))}\n"]
    for group in data["categories"]:
        rows = [cells(data, a) for a in group["activities"]]
        parts.append(f"## {md.plain(_group_heading(data, group))}\n\n" + md.table(headers, rows, numeric))
    parts.append("Rules from a pln rule pack: check them against the state's current rules.\n")
    return "\n".join(parts)


def csv(data: dict[str, Any]) -> str:
    header = ["category", *data["columns"]]
    rows = [[group["name"], *cells(data, a)] for group in data["categories"] for a in group["activities"]]
    return csv_format.render(header, rows)


def html(data: dict[str, Any]) -> str:
    h = page_html
    headers = [HEADERS[name] for name in data["columns"]]
    numeric = frozenset(i for i, name in enumerate(data["columns"]) if name in NUMERIC)
    sections = [
        h.section(
            _group_heading(data, group),
            h.table(headers, [cells(data, a) for a in group["activities"]], numeric=numeric),
        )
        for group in data["categories"]
    ]
    note = "Rules from a pln rule pack: check them against the state's current rules."
    return h.page(
        title(data), summary(data), [*sections, h.section("About these figures", h.paragraph(note, "note"))]
    )
