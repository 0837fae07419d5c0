"""The engagement report on a terminal, in CSV (the periods) and in Markdown."""

from __future__ import annotations

from typing import Any

from plnjournal.model import ENGAGEMENT_LEVELS
from plnjournal.render import markdown as md
from plnjournal.render.charts import bar, sparkline
from plnjournal.render.views.text import (
    Lines,
    Table,
    count,
    heading,
    markdown_opening,
    markdown_periods,
    periods_csv,
    report_view,
)

IDS_SHOWN = 3
PERIOD_COLUMNS = ["period", "entries", "minutes", *ENGAGEMENT_LEVELS, "taking_in", "giving_back"]


def table(data: dict[str, Any], *, terminal: bool) -> Any:
    return report_view(
        heading("Engagement", data),
        [
            Table("From taking in to giving back", *_level_table(data)),
            Table(f"By {data['by']}", *_period_table(data)),
            Table("Each space, from taking in to giving back", *_space_table(data)),
            Lines("Time and boundaries", [f"- {line}" for line in signals(data)]),
        ],
        terminal=terminal,
    )


def _level_rows(data: dict[str, Any]) -> list[tuple[str, dict[str, int]]]:
    rows = list(data["levels"].items())
    return [*rows, ("taking in", data["taking_in"]), ("giving back", data["giving_back"])]


def _level_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    most = max((usage["entries"] for usage in data["levels"].values()), default=0)
    columns = ["level", "entries", "minutes", "", f"by {data['by']}"]
    rows = [
        [
            name,
            usage["entries"],
            usage["minutes"],
            bar(usage["entries"], most) if name in data["levels"] else "",
            sparkline([p[name.replace(" ", "_")] for p in data["periods"]]),
        ]
        for name, usage in _level_rows(data)
    ]
    return columns, rows if data["entries"] else []


def _period_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    columns = ["period", "entries", "minutes", "taking in", "giving back", ""]
    most = max((p["minutes"] for p in data["periods"]), default=0)
    rows = [
        [
            p["period"],
            p["entries"],
            p["minutes"],
            p["taking_in"],
            p["giving_back"],
            bar(p["minutes"], most, 12),
        ]
        for p in data["periods"]
    ]
    return columns, rows


def trajectory(row: dict[str, Any]) -> str:
    """The highest level of each period, repeats collapsed: 'read -> contributed -> led'."""
    steps: list[str] = []
    for period in row["periods"]:
        if not steps or steps[-1] != period["highest"]:
            steps.append(period["highest"])
    return " -> ".join(steps)


def _space_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    columns = ["space", "entries", "first", "latest", f"highest by {data['by']}"]
    rows = [[r["name"], r["entries"], r["first"], r["latest"], trajectory(r)] for r in data.get("spaces", [])]
    return columns, rows


def signals(data: dict[str, Any]) -> list[str]:
    """Time against the goal and the boundary signals, in plain sentences."""
    if not data["entries"]:
        return []
    goal = data["goal_minutes_per_week"]
    found = [f"{data['minutes_per_week']} minutes a week on average; your goal is {goal}."]
    taking_in, giving_back = data["taking_in"]["entries"], data["giving_back"]["entries"]
    if taking_in or giving_back:
        taken, given = count(taking_in, "entry", "entries"), count(giving_back, "entry", "entries")
        found.append(f"Taking in: {taken}; giving back: {given}.")
    found.append(
        _with_ids(
            f"{count(data['late_entries'], 'entry', 'entries')} late at night (after 21:00 or before 05:00)",
            data["late_entry_ids"],
        )
    )
    found.append(
        _with_ids(
            f"{count(data['weekend_entries'], 'entry', 'entries')} on weekends", data["weekend_entry_ids"]
        )
    )
    heavy = data["heavy_weeks"]
    if heavy:
        weeks = ", ".join(f"{week['week']} ({week['minutes']} min)" for week in heavy[:IDS_SHOWN])
        more = f" and {len(heavy) - IDS_SHOWN} more" if len(heavy) > IDS_SHOWN else ""
        found.append(
            f"{count(len(heavy), 'week')} above twice your goal ({2 * goal} minutes): {weeks}{more}."
        )
    return found


def _with_ids(sentence: str, ids: list[str]) -> str:
    if not ids:
        return sentence + "."
    more = f", and {len(ids) - IDS_SHOWN} more" if len(ids) > IDS_SHOWN else ""
    return f"{sentence}: {', '.join(ids[:IDS_SHOWN])}{more}."


def csv(data: dict[str, Any]) -> str:
    return periods_csv(data, PERIOD_COLUMNS[1:])


def markdown(data: dict[str, Any]) -> str:
    parts = [
        markdown_opening("How I take part in my learning network", data),
        md.table(
            ["Level", "Entries", "Minutes"],
            [[name.capitalize(), usage["entries"], usage["minutes"]] for name, usage in _level_rows(data)],
            numeric=[False, True, True],
        ),
    ]
    if found := signals(data):
        parts.append("## Time and boundaries\n\n" + "".join(f"- {md.plain(line)}\n" for line in found))
    if data.get("spaces"):
        columns, rows = _space_table(data)
        parts.append(
            "## Each space, from taking in to giving back\n\n"
            + md.table([c.capitalize() for c in columns], rows, numeric=[False, True, False, False, False])
        )
    parts.append(markdown_periods(data, PERIOD_COLUMNS))
    return "\n".join(filter(None, parts))


def html(data: dict[str, Any]) -> str:
    """A page: entries per level, taking in against giving back per period, time and boundaries,
    each space's highest level per period."""
    from plnjournal.render import html as h

    rows = [[name, usage["entries"], usage["minutes"]] for name, usage in _level_rows(data)]
    levels = h.table(["Level", "Entries", "Minutes"], rows, numeric=frozenset({1, 2}))
    periods = data["periods"]
    series = [
        (label, [period[key] for period in periods], colour)
        for key, label, colour in (
            ("taking_in", "taking in", h.PALETTE[0]),
            ("giving_back", "giving back", h.PALETTE[1]),
        )
    ]
    caption = f"Entries taking in and giving back, by {data['by']}"
    found = h.bullets([h.esc(line) for line in signals(data)])
    columns, space_rows = _space_table(data)
    sections = [
        h.section("From taking in to giving back", *h.vocabulary_charts({"levels": data["levels"]}), levels),
        h.section("Over time", h.column_chart(caption, [p["period"] for p in periods], series))
        if periods
        else "",
        h.section("Time and boundaries", found) if found else "",
        h.section(
            "Each space, from taking in to giving back",
            h.table([c.capitalize() for c in columns], space_rows, numeric=frozenset({1})),
        )
        if space_rows
        else "",
    ]
    return h.page(
        "How I take part in my learning network", heading("Engagement", data), [s for s in sections if s]
    )
