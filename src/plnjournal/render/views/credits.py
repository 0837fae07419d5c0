"""How `pln credits` looks: per category what was earned and what counts, the total against what
is required, the minimums still missing, the pace; with `--entries`, each entry's category and why.
Table (terminal or plain), CSV, Markdown and a self-contained HTML page; JSON is the data itself."""

from __future__ import annotations

from typing import Any

from plnjournal.render import csv as csv_format
from plnjournal.render import html as page_html
from plnjournal.render import markdown as md
from plnjournal.render.table import render_plain
from plnjournal.render.views.text import Lines, Table, report_view

COLUMNS = ("category", "entries", "earned", "held", "spilled", "counted", "cap", "minimum", "missing")
ENTRY_COLUMNS = ("date", "activity", "category", "units", "held", "why")


def figure(value: Any) -> str:
    """A number of units as a person reads it: `45`, `12.5`; empty when there is none."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


def title(data: dict[str, Any]) -> str:
    return f"Credits, {data['pack_name']}: {data['from']} to {data['to']}"


def total_line(data: dict[str, Any]) -> str:
    unit = data["unit"]
    line = f"{figure(data['counted'])} of {figure(data['required'])} {unit} counted"
    return line + ("; requirement met" if data["met"] else f"; {figure(data['remaining'])} {unit} to go")


def status_lines(data: dict[str, Any]) -> list[str]:
    """The total, the minimums still missing, and what the pace promises."""
    unit = data["unit"]
    lines = [total_line(data)]
    lines += [
        f"Minimum missing: {figure(item['missing'])} {unit} more in {item['name']} "
        f"({figure(item['counted'])} of {figure(item['minimum'])})"
        for item in data["minimums_missing"]
    ]
    pace = data["pace"]
    if data["met"] or not data["remaining"]:
        return lines
    rate = f"At {figure(pace['per_year'])} {unit} a year so far"
    if pace["projected"]:
        when = "within the cycle" if pace["in_cycle"] else f"after the cycle ends on {data['to']}"
        lines.append(f"{rate}, the total is reached on {pace['projected']} ({when})")
    else:
        lines.append(f"{rate}: nothing counts yet, so no date can be projected")
    held = sum(float(c["held"]) for c in data["categories"])
    if held:
        lines.append(
            f"{figure(held)} {unit} are held until a required field or approval is added (--entries)"
        )
    return lines


def shown_categories(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The categories worth a row: those with entries, and those with a minimum to meet."""
    return [c for c in data["categories"] if c["entries"] or c["minimum"] is not None]


def category_rows(data: dict[str, Any]) -> list[list[Any]]:
    return [
        [
            c["name"],
            c["entries"],
            figure(c["earned"]),
            figure(c["held"]),
            figure(c["spilled"] + c["below_floor"]),
            figure(c["counted"]),
            figure(c["cap"]),
            figure(c["minimum"]),
            figure(c["missing"]),
        ]
        for c in shown_categories(data)
    ]


def entry_rows(data: dict[str, Any]) -> list[list[Any]]:
    return [
        [
            row["date"],
            row["title"],
            row["category"] or "-",
            figure(row["units"]),
            row["held"] or "",
            row["why"],
        ]
        for row in data["entries"]
    ]


def table(data: dict[str, Any], entries: bool = False, *, terminal: bool) -> Any:
    blocks: list[Table | Lines] = [Lines("Where you stand", status_lines(data))]
    blocks.append(Table(f"By category ({data['unit']})", COLUMNS, category_rows(data)))
    if entries:
        blocks.append(Table("Entries", ENTRY_COLUMNS, entry_rows(data)))
    return report_view(title(data), blocks, terminal=terminal)


def csv(data: dict[str, Any], entries: bool = False) -> str:
    if entries:
        keys = ("date", "entry", "title", "category", "way", "units", "held", "why")
        return csv_format.render(keys, [[row[key] for key in keys] for row in data["entries"]])
    keys = (
        "category",
        "name",
        "entries",
        "earned",
        "held",
        "spilled",
        "below_floor",
        "counted",
        "cap",
        "minimum",
        "missing",
    )
    return csv_format.render(keys, [[c[key] for key in keys] for c in data["categories"]])


def markdown(data: dict[str, Any], entries: bool = False) -> str:
    parts = [
        f"# {md.plain(title(data))}\n",
        "".join(f"- {md.plain(line)}\n" for line in status_lines(data)),
    ]
    headers = ["Category", "Entries", "Earned", "Held", "Spilled", "Counted", "Cap", "Minimum", "Missing"]
    rows = category_rows(data)
    parts.append("## By category\n\n" + md.table(headers, rows, [False, *([True] * 8)]))
    if entries:
        headers = ["Date", "Activity", "Category", "Units", "Held", "Why"]
        rows = entry_rows(data)
        parts.append("## Entries\n\n" + md.table(headers, rows, [False, False, False, True]))
    parts.append(f"Rules from {md.plain(data['pack_path'])}: check them against the state's current rules.\n")
    return "\n".join(parts)


def html(data: dict[str, Any], entries: bool = False) -> str:
    h = page_html
    headers = ["Category", "Entries", "Earned", "Held", "Spilled", "Counted", "Cap", "Minimum", "Missing"]
    bars = [(c["name"], float(c["counted"])) for c in shown_categories(data)]
    sections = [
        h.section("Where you stand", *(h.paragraph(line) for line in status_lines(data))),
        h.section(
            "By category",
            h.bar_chart(f"{data['unit']} counted by category", bars, unit=f" {data['unit']}", number=figure),
            h.table(headers, category_rows(data), numeric=frozenset(range(1, 9))),
        ),
    ]
    if entries:
        columns = ["Date", "Activity", "Category", "Units", "Held", "Why"]
        sections.append(h.section("Entries", h.table(columns, entry_rows(data), numeric=frozenset({3}))))
    note = f"Rules from {data['pack_path']}: check them against the state's current rules."
    sections.append(h.section("About these figures", h.paragraph(note, "note")))
    return h.page(title(data), total_line(data), sections)


def packs_table(rows: list[dict[str, Any]]) -> str:
    """`pln credits packs`: each pack's name, what it requires and where it was read."""
    cells = [[r["pack"], r["name"], f"{figure(r['required'])} {r['unit']}", r["path"]] for r in rows]
    return render_plain(["pack", "name", "required", "path"], cells)
