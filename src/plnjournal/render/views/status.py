"""How `pln status` looks as a page (the terminal's lines are cli/status.py's): this week against
the goal, the streak, intentions, who is dormant or due a word, the next session, a year ago."""

from __future__ import annotations

from typing import Any

from plnjournal.render import html as h
from plnjournal.text import count, days_ago


def html(data: dict[str, Any]) -> str:
    week = data["week"]
    sections = [
        h.section(
            "At a glance", h.bar_chart("Minutes this week", _week_bars(week), unit=" min"), _facts(data)
        ),
        h.section("Dormant ties", _dormant(data["dormant"])) if data["dormant"] else "",
        h.section("Keep in touch", _keep_in_touch(data["keep_in_touch"]))
        if data.get("keep_in_touch")
        else "",
    ]
    if memories := data.get("a_year_ago"):
        sections.append(
            h.section("A year ago", h.bullets([h.esc(memory["sentence"]) for memory in memories]))
        )
    if data.get("warning"):
        sections.insert(1, h.section("Watch", h.paragraph(data["warning"])))
    subtitle = f"As of {data['today']} · week of {week['start']}"
    return h.page("Where my learning network stands", subtitle, [s for s in sections if s])


def _week_bars(week: dict[str, Any]) -> list[tuple[str, float]]:
    return [("this week", week["minutes"]), ("goal", week["goal_minutes"])]


def _facts(data: dict[str, Any]) -> str:
    last, week = data["last_entry"], data["week"]
    seen = "none yet" if last is None else f"{last['date']} ({days_ago(data['days_since'])}), {last['title']}"
    this_week = (
        f"{count(week['entries'], 'entry', 'entries')}, {week['minutes']} of {week['goal_minutes']} minutes"
    )
    rows = [
        ("Last entry", seen),
        ("This week", this_week),
        ("Streak", f"{count(data['streak_weeks'], 'week')} with an entry"),
        ("Open intentions", str(data["open_intentions"])),
    ]
    if session := data.get("next_session"):
        when = session["date"] + (f" {session['time']}" if session["time"] else "")
        zone = f" {session['zone']}" if session["zone"] and session["time"] else ""
        rows.append(("Next session", f"{session['name']}, {when}{zone}"))
    return "<dl>" + "".join(f"<dt>{h.esc(term)}</dt><dd>{h.esc(text)}</dd>" for term, text in rows) + "</dl>"


def _dormant(rows: list[dict[str, Any]]) -> str:
    cells = [[row["name"], row["last_seen"] or "never seen", row["days"]] for row in rows]
    return h.table(["Person", "Last seen", "Days"], cells, numeric=frozenset({2}))


def _keep_in_touch(rows: list[dict[str, Any]]) -> str:
    cells = [[r["name"], r["state"], f"every {r['cadence']}", r["last_contact"] or "never"] for r in rows]
    return h.table(["Person", "State", "Cadence", "Last contact"], cells)
