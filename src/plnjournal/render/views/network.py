"""How the network report looks: sections of small tables on a terminal or as plain text, the
same sections in Markdown and on an HTML page (with the graph drawn), and the spaces table as CSV."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from plnjournal.render import csv as csv_render
from plnjournal.render import markdown as md
from plnjournal.text import percent

if TYPE_CHECKING:
    from plnjournal.render.graph_svg import Link

Section = tuple[str, tuple[str, ...], list[list[Any]]]  # title, columns, rows
NUMERIC_COLUMNS = frozenset({"people", "new", "active", "days", "entries", "minutes", "spaces"})


def sections(data: dict[str, Any]) -> Iterator[Section]:
    people = data["people"]
    yield (
        "People",
        ("people", "new", "active"),
        [[people["total"], people["new"], people["active"]]],
    )
    for key, score in people["diversity"].items():
        counts = people[f"by_{key}"]
        rows = [[value, count] for value, count in counts.items()]
        yield f"By {key} (diversity {score:.2f})", (key, "people"), rows
    yield (
        "Dormant ties",
        ("id", "name", "last seen", "days"),
        [[row["id"], row["name"], row["last_seen"] or "never", row["days"]] for row in data["dormant"]],
    )
    yield (
        "Keep in touch",
        ("id", "name", "cadence", "last contact", "due", "state"),
        [
            [r["id"], r["name"], r["cadence"], r["last_contact"] or "never", r["due_on"] or "now", r["state"]]
            for r in data.get("keep_in_touch", [])
        ],
    )
    brought = data.get("brought_in", {"spaces": [], "people": []})
    yield (
        "Who widens the network",
        ("brought in by", "kind", "people"),
        [
            [row["name"], kind, row["people"]]
            for kind in ("space", "person")
            for row in brought[f"{kind}s" if kind == "space" else "people"]
        ],
    )
    yield "Support", ("kind", "people"), [[kind, ids or "nobody"] for kind, ids in data["support"].items()]
    columns = ("id", "name", "kind", "mode", "platform", "entries", "minutes")
    yield "Spaces", columns, [[row[c] for c in columns] for row in data["spaces"]]
    for key in ("by_mode", "by_kind"):
        rows = [[name, t["spaces"], t["entries"], t["minutes"]] for name, t in data[key].items()]
        yield f"Spaces {key.replace('_', ' ')}", (key[3:], "spaces", "entries", "minutes"), rows
    top, platform = data["concentration"], data["platform_dependence"]
    yield (
        "Concentration",
        ("measure", "of", "share"),
        [
            ["top space", top["id"] or "none", percent(top["share"])],
            ["biggest platform", platform["platform"] or "none", percent(platform["share"])],
        ],
    )
    tool_rows = data["tools"]["by_tool"]
    yield "Tools", ("id", "name", "category", "entries"), [list(row.values()) for row in tool_rows]
    categories = data["tools"]["by_category"]
    yield "Tools by category", ("category", "entries"), [list(item) for item in categories.items()]
    unvetted = data.get("most_used_unvetted")
    if unvetted:
        yield (
            "Weigh your sources",
            ("most-used unvetted source", "kind", "entries", "vetted"),
            [[unvetted["name"], unvetted["kind"], unvetted["entries"], unvetted["vetted"] or "not yet"]],
        )
    yield "Warnings", ("warning",), [[warning] for warning in data["warnings"]]


def title(data: dict[str, Any]) -> str:
    if not data["from"] and not data["to"]:
        return "Network: all entries"
    return f"Network: {data['from'] or 'the start'} to {data['to'] or 'today'}"


def table(data: dict[str, Any], *, terminal: bool) -> Any:
    """The sections for the screen: rich tables on a terminal, plain aligned text otherwise."""
    from plnjournal.render import table as tables
    from plnjournal.text import clean

    if not terminal:
        return (
            clean(title(data))
            + "\n"
            + "".join(
                f"\n{heading}\n" + tables.render_plain(columns, rows)
                for heading, columns, rows in sections(data)
            )
        )
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [Text(clean(title(data)))]
    for heading, columns, rows in sections(data):
        parts += [Text(""), tables.render_rich(columns, rows, title=heading)]
    return Group(*parts)


def markdown(data: dict[str, Any]) -> str:
    parts = [f"# {md.plain(title(data))}\n"]
    for heading, columns, rows in sections(data):
        parts.append(f"\n## {md.plain(heading)}\n\n")
        parts.append(md.table(columns, rows) if rows else "Nothing yet.\n")
    return "".join(parts)


def csv(data: dict[str, Any]) -> str:
    """The spaces table: one row per space."""
    columns = ("id", "name", "kind", "mode", "platform", "entries", "minutes")
    return csv_render.render(columns, [[row[c] for c in columns] for row in data["spaces"]])


def html(data: dict[str, Any], link: Link | None = None) -> str:
    """A page: what to watch, the graph of who and where (when the data carries it), then each
    section as a table. `link` (the site's) makes the graph's people, spaces and tools links."""
    from plnjournal.render import html as h
    from plnjournal.render.graph_svg import network_svg
    from plnjournal.reports.graph import from_data

    warnings = h.bullets([h.esc(warning) for warning in data["warnings"]])
    drawn = network_svg(from_data(data["graph"]), link=link) if data.get("graph") else ""
    parts = [h.section("What to watch", warnings) if warnings else ""]
    if drawn:
        caption = (
            "Who and where you learn with: a line for entries shared, thicker for more; dashed: brought in"
        )
        parts.append(
            h.section("The network", f"<figure><figcaption>{h.esc(caption)}</figcaption>{drawn}</figure>")
        )
    for heading, columns, rows in sections(data):
        if heading != "Warnings":
            numeric = frozenset(i for i, column in enumerate(columns) if column in NUMERIC_COLUMNS)
            body = h.table(columns, rows, numeric=numeric) if rows else h.paragraph("Nothing yet.", "note")
            parts.append(h.section(heading, body))
    people = data["people"]
    summary = f"{people['total']} people, {people['active']} active in range, {people['new']} new"
    return h.page(title(data), summary, [part for part in parts if part])
