"""The growth report on a terminal, in CSV (the periods), in Markdown (a post to share) and as an
HTML page to show a mentor."""

from __future__ import annotations

from typing import Any

from plnjournal.model import DIMENSIONS
from plnjournal.render import html as h
from plnjournal.render import markdown as md
from plnjournal.render.charts import bar, sparkline
from plnjournal.render.views.text import (
    Lines,
    Table,
    heading,
    markdown_opening,
    markdown_periods,
    periods_csv,
    report_view,
    span,
)
from plnjournal.text import percent

NOTES_SHOWN = 2  # newest notes per dimension on a terminal
HTML_NOTES_SHOWN = 8  # and on the page
KIND_PLURALS = {
    "chat": "chats",
    "social-media": "social media",
    "forum": "forums",
    "conference": "conferences",
    "workshop": "workshops",
    "webinar": "webinars",
    "unconference": "unconferences such as Edcamps",
    "course": "courses",
    "plc": "PLC meetings",
    "podcast": "podcasts",
    "blog": "blogs",
    "newsletter": "newsletters",
    "meetup": "meetups",
    "video": "videos",
}
WHERE_IT_GROWS = {
    "affective": "encouragement and new energy often come from people who share your work",
    "cognitive": "a chat, a book or a webinar on one question is a start",
    "identity": "presenting, writing or leading a session often brings it",
    "social": "connecting with people beyond your school often brings it",
}


def table(data: dict[str, Any], *, terminal: bool) -> Any:
    return report_view(
        heading("Growth", data),
        [
            Table("Dimensions", *_dimension_table(data)),
            Table(f"By {data['by']}", *_period_table(data)),
            Lines("Newest notes", _newest_notes(data)),
            Lines("What the data says", [f"- {line}" for line in observations(data)]),
        ],
        terminal=terminal,
    )


def _dimension_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    dimensions = data["dimensions"]
    most = max((dimensions[d]["entries"] for d in DIMENSIONS), default=0)
    columns = ["dimension", "entries", "share", "minutes", "", f"by {data['by']}"]
    rows = [
        [
            name,
            dimension["entries"],
            percent(dimension["share"]),
            dimension["minutes"],
            bar(dimension["entries"], most),
            sparkline([period[name] for period in data["periods"]]),
        ]
        for name, dimension in dimensions.items()
    ]
    rows.append(
        ["(none)", data["without_growth"], _share(data["without_growth"], data["entries"]), "", "", ""]
    )
    return columns, rows if data["entries"] else []


def _period_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    busiest = max((period["entries"] for period in data["periods"]), default=0)
    columns = ["period", "entries", "minutes", *DIMENSIONS, ""]
    rows = [
        [p["period"], p["entries"], p["minutes"], *(p[d] for d in DIMENSIONS), bar(p["entries"], busiest, 12)]
        for p in data["periods"]
    ]
    return columns, rows


def _newest_notes(data: dict[str, Any]) -> list[str]:
    return [
        f"{name:<9}  {note['date']}  {note['note']}  ({note['entry']})"
        for name, dimension in data["dimensions"].items()
        for note in dimension["notes"][:NOTES_SHOWN]
    ]


def _share(count: int, total: int) -> str:
    return percent(count / total) if total else ""


def observations(data: dict[str, Any]) -> list[str]:
    """Two plain sentences drawn from the figures (where the rarest growth happens; a dimension
    missing, else the most common one), then the entries without growth as a prompt."""
    total = data["entries"]
    if not total:
        return []
    dimensions = data["dimensions"]
    present = [d for d in DIMENSIONS if dimensions[d]["entries"]]
    missing = [d for d in DIMENSIONS if not dimensions[d]["entries"]]
    found = []
    if present:
        rarest = min(present, key=lambda d: dimensions[d]["entries"])
        found.append(_rarest_sentence(rarest, dimensions[rarest], total))
    if missing:
        found.append(f"No entry shows {missing[0]} growth yet; {WHERE_IT_GROWS[missing[0]]}.")
    elif len(present) > 1:
        strongest = max(present, key=lambda d: dimensions[d]["entries"])
        top = dimensions[strongest]
        found.append(
            f"{strongest.capitalize()} growth is the most common: {top['entries']} of {total} entries "
            f"({percent(top['share'])})."
        )
    if data["without_growth"]:
        found.append(
            f"{data['without_growth']} of {total} entries record no growth: "
            "a prompt to reflect on what they gave you, or whether to keep them."
        )
    return found


def _rarest_sentence(name: str, dimension: dict[str, Any], total: int) -> str:
    count = dimension["entries"]
    sentence = f"{name.capitalize()} growth appears in {count} of {total} entries"
    kinds = _main_kinds(dimension["space_kinds"], count)
    if kinds:
        covered = sum(kind["entries"] for kind in kinds)
        places = " or ".join(
            filter(None, [", ".join(_kind_words(k) for k in kinds[:-1]), _kind_words(kinds[-1])])
        )
        sentence += f", {'all' if covered == count else covered} of them at {places}"
    return sentence + "."


def _main_kinds(kinds: list[dict[str, Any]], count: int, most: int = 3) -> list[dict[str, Any]]:
    """The kinds of space behind at least half of `count` entries (ties kept together)."""
    chosen: list[dict[str, Any]] = []
    for kind in kinds[:most]:
        if sum(k["entries"] for k in chosen) * 2 >= count and kind["entries"] < chosen[-1]["entries"]:
            break
        chosen.append(kind)
    return chosen


def _kind_words(kind: dict[str, Any]) -> str:
    return KIND_PLURALS.get(kind["kind"], f"{kind['kind']} spaces")


def csv(data: dict[str, Any]) -> str:
    return periods_csv(data, ["entries", "minutes", *DIMENSIONS])


def markdown(data: dict[str, Any]) -> str:
    parts = [
        markdown_opening("How my learning network made me grow", data),
        md.table(
            ["Dimension", "Entries", "Share", "Minutes", "Most often at", "Most often with"],
            [
                [
                    name.capitalize(),
                    d["entries"],
                    percent(d["share"]),
                    d["minutes"],
                    ", ".join(s["id"] for s in d["top_spaces"][:3]),
                    ", ".join(p["id"] for p in d["top_people"][:3]),
                ]
                for name, d in data["dimensions"].items()
            ],
            numeric=[False, True, True, True],
        ),
    ]
    if noticed := observations(data):
        parts.append("## What I noticed\n\n" + "".join(f"- {md.plain(line)}\n" for line in noticed))
    if notes := _markdown_notes(data):
        parts.append("## In my own words\n\n" + notes)
    parts.append(markdown_periods(data, ["period", "entries", "minutes", *DIMENSIONS]))
    return "\n".join(filter(None, parts))


def _markdown_notes(data: dict[str, Any]) -> str:
    sections = []
    for name, dimension in data["dimensions"].items():
        if dimension["notes"]:
            lines = "".join(f"- {n['date']}: {md.plain(n['note'])}\n" for n in dimension["notes"])
            sections.append(f"**{name.capitalize()}**\n\n{lines}")
    return "\n".join(sections)


def html(data: dict[str, Any]) -> str:
    """A page: entries per dimension, the dimensions per period, what I noticed, the notes behind
    them; engagement levels and network by mode when the data carries them."""
    dimensions: dict[str, dict[str, Any]] = data["dimensions"]
    noticed = "".join(f"<li>{h.esc(line)}</li>" for line in observations(data))
    sections = [
        h.section(
            "Growth by dimension", _html_dimension_chart(dimensions), _html_dimension_table(dimensions)
        ),
        h.section("Over time", _html_period_chart(data), *h.vocabulary_charts(data)),
        h.section("What I noticed", f'<ul class="plain">{noticed}</ul>') if noticed else "",
        h.section("In my own words", *(_html_notes(name, item) for name, item in dimensions.items())),
    ]
    return h.page("How my learning network made me grow", _html_summary(data), [s for s in sections if s])


def _html_summary(data: dict[str, Any]) -> str:
    return (
        f"{span(data)} · {data['entries']} entries · {data['minutes']} minutes · "
        f"{data.get('without_growth', 0)} without growth noted (a prompt to reflect)"
    )


def _html_dimension_chart(dimensions: dict[str, dict[str, Any]]) -> str:
    bars = [(name, item["entries"]) for name, item in dimensions.items()]
    colours = [h.DIMENSION_COLOURS.get(name, h.PALETTE[0]) for name in dimensions]
    return h.bar_chart("Entries showing each dimension", bars, colours=colours)


def _html_dimension_table(dimensions: dict[str, dict[str, Any]]) -> str:
    rows = [
        [
            name,
            item["entries"],
            item["minutes"],
            percent(item["share"]),
            _ranked(item.get("top_spaces", [])),
            _ranked(item.get("top_people", [])),
        ]
        for name, item in dimensions.items()
    ]
    columns = ("Dimension", "Entries", "Minutes", "Share", "Most often at", "Most often with")
    return h.table(columns, rows, numeric=frozenset({1, 2, 3}))


def _ranked(items: list[dict[str, Any]]) -> str:
    return ", ".join(f"{item['id']} ({item['entries']})" for item in items[:3])


def _html_period_chart(data: dict[str, Any]) -> str:
    periods = data.get("periods", [])
    series = [
        (name, [period.get(name, 0) for period in periods], h.DIMENSION_COLOURS.get(name, h.PALETTE[0]))
        for name in data["dimensions"]
    ]
    caption = f"Entries showing each dimension, by {data.get('by', 'period')}"
    return h.column_chart(caption, [period["period"] for period in periods], series)


def _html_notes(name: str, item: dict[str, Any]) -> str:
    notes = item.get("notes", [])[:HTML_NOTES_SHOWN]
    if not notes:
        return ""
    lines = "".join(f"<li>{h.esc(note['note'])} {_html_source(note)}</li>" for note in notes)
    return f'<h3>{h.esc(name)}</h3><ul class="plain">{lines}</ul>'


def _html_source(note: dict[str, Any]) -> str:
    return h.aside(note["date"], note["entry"])
