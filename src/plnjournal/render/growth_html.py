"""The growth report as a page (`pln report --growth --format html`): entries per dimension, the
dimensions per period as columns, the notes behind them; engagement levels and network by mode
when the data carries them. Reads only the growth report's JSON contract."""

from __future__ import annotations

from typing import Any

from . import html as h

NOTES_SHOWN = 8


def html(data: dict[str, Any]) -> str:
    dimensions: dict[str, dict[str, Any]] = data["dimensions"]
    sections = [
        h.section("Growth by dimension", _dimension_chart(dimensions), _dimension_table(dimensions)),
        h.section("Over time", _period_chart(data), *h.vocabulary_charts(data)),
        h.section("In your own words", *(_notes(name, item) for name, item in dimensions.items())),
    ]
    return h.page("Growth report", _summary(data), sections)


def _summary(data: dict[str, Any]) -> str:
    span = f"{data.get('from') or '…'} to {data.get('to') or '…'}"
    without = data.get("without_growth", 0)
    return (
        f"{span} · {data['entries']} entries · {data['minutes']} minutes · "
        f"{without} without growth noted (a prompt to reflect)"
    )


def _dimension_chart(dimensions: dict[str, dict[str, Any]]) -> str:
    bars = [(name, item["entries"]) for name, item in dimensions.items()]
    colours = [h.DIMENSION_COLOURS.get(name, h.PALETTE[0]) for name in dimensions]
    return h.bar_chart("Entries showing each dimension", bars, colours=colours)


def _dimension_table(dimensions: dict[str, dict[str, Any]]) -> str:
    rows = [
        [
            name,
            item["entries"],
            item["minutes"],
            f"{item['share'] * 100:.1f}%",
            _top(item.get("top_spaces", [])),
            _top(item.get("top_people", [])),
        ]
        for name, item in dimensions.items()
    ]
    columns = ("Dimension", "Entries", "Minutes", "Share", "Most often in", "Most often with")
    return h.table(columns, rows, numeric=frozenset({1, 2, 3}))


def _top(items: list[dict[str, Any]]) -> str:
    return ", ".join(f"{item['id']} ({item['entries']})" for item in items)


def _period_chart(data: dict[str, Any]) -> str:
    periods = data.get("periods", [])
    names = list(data["dimensions"])
    series = [
        (name, [period.get(name, 0) for period in periods], h.DIMENSION_COLOURS.get(name, h.PALETTE[0]))
        for name in names
    ]
    caption = f"Entries showing each dimension, by {data.get('by', 'period')}"
    return h.column_chart(caption, [period["period"] for period in periods], series)


def _notes(name: str, item: dict[str, Any]) -> str:
    notes = item.get("notes", [])[:NOTES_SHOWN]
    if not notes:
        return ""
    lines = "".join(f"<li>{h.esc(note['note'])} {_source(note)}</li>" for note in notes)
    return f'<h3>{h.esc(name)}</h3><ul class="plain">{lines}</ul>'


def _source(note: dict[str, Any]) -> str:
    return f'<span class="meta">({h.esc(note["date"])}, {h.esc(note["entry"])})</span>'
