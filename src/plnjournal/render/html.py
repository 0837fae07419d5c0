"""HTML pages: one self-contained file (inline CSS, inline SVG charts), no JavaScript and no
request to anywhere (a Content-Security-Policy says so too), readable printed to PDF.

Every string from the journal goes through `esc` (html.escape): a title holding `<script>` shows as
text and runs nothing. The views build their pages from `page`, `section`, `table` and the charts.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

PALETTE = ("#00798c", "#d1495b", "#edae49", "#66a182", "#2e4057", "#8d96a3", "#7b2d8e")
DIMENSION_COLOURS = {
    "affective": "#d1495b",
    "cognitive": "#00798c",
    "identity": "#edae49",
    "social": "#66a182",
}
NUMERIC = ' class="num"'
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --rule: #d9e2ec; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1.2rem 0 .25rem; }
.meta, .note { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 2px solid var(--ink); }
figure { margin: 1rem 0; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
svg { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg text { fill: var(--ink); }
ul.plain { padding-left: 1.2rem; margin: .25rem 0; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .75rem; margin: .5rem 0; }
.card h3 { margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
nav.site { font-size: .85rem; padding: .4rem 0; margin-bottom: 1rem; border-bottom: 1px solid var(--rule); }
.body { white-space: pre-wrap; }
@media print {
  nav.site { display: none; }
  body { max-width: none; margin: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  figure, .card, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); }
}
"""


def esc(value: Any) -> str:
    """Text for HTML: every <, >, &, ' and " escaped; None is empty."""
    return "" if value is None else html.escape(str(value), quote=True)


def page(title: str, subtitle: str, sections: Sequence[str], *, nav: str = "") -> str:
    """A whole HTML document: a bar of links (`nav`, HTML made here: `pln site`'s), the title, a
    line under it, then the sections."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + (f"{nav}\n" if nav else "")
        + f'<header>\n<h1>{esc(title)}</h1>\n<p class="meta">{esc(subtitle)}</p>\n</header>\n'
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


def section(heading: str, *parts: str) -> str:
    return (
        f"<section>\n<h2>{esc(heading)}</h2>\n" + "\n".join(part for part in parts if part) + "\n</section>"
    )


def paragraph(text: str, css: str = "") -> str:
    return f"<p{f' class={chr(34)}{css}{chr(34)}' if css else ''}>{esc(text)}</p>"


def aside(*facts: Any) -> str:
    """Facts in brackets after a line, greyed: ' (2025-09-08, 2025-09-08-sschat)'."""
    return f'<span class="meta">({esc(", ".join(str(fact) for fact in facts))})</span>'


def bullets(items: Sequence[str]) -> str:
    """A plain list of items already made HTML (escape text with `esc`); empty without items."""
    return f'<ul class="plain">{"".join(f"<li>{item}</li>" for item in items)}</ul>' if items else ""


def table(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    numeric: frozenset[int] = frozenset(),
    footer: Sequence[Any] | None = None,
) -> str:
    """A table; cells are escaped text (already built HTML only through `Markup`)."""

    def cells(values: Sequence[Any], tag: str) -> str:
        return "".join(
            f"<{tag}{NUMERIC if i in numeric else ''}>{_cell(value)}</{tag}>"
            for i, value in enumerate(values)
        )

    head = f"<thead><tr>{cells(columns, 'th')}</tr></thead>"
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    foot = f"<tfoot><tr>{cells(footer, 'td')}</tr></tfoot>" if footer else ""
    return f"<table>{head}<tbody>{body}</tbody>{foot}</table>"


class Markup(str):
    """HTML this module built itself (a link, a list): put in a table cell as it is."""


def _cell(value: Any) -> str:
    """Markup as it is; a list as its items joined with commas; anything else escaped text."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(item) for item in value)
    return esc(value)


def link(target: str) -> Markup:
    """A web address as a link; anything else (a file under evidence/) as text."""
    if target.startswith(("https://", "http://")):
        return Markup(f'<a href="{esc(target)}">{esc(target)}</a>')
    return Markup(f"<code>{esc(target)}</code>")


def bar_chart(
    caption: str,
    bars: Sequence[tuple[str, float]],
    *,
    unit: str = "",
    colours: Sequence[str] = (),
    number: Callable[[float], str] | None = None,
) -> str:
    """Horizontal bars, one a row, each with its label and value (an inline SVG)."""
    label_width, bar_width, row_height = 190, 380, 26
    height = row_height * len(bars) + 8
    top = max((value for _, value in bars), default=0) or 1
    shown = number or _number
    rows = []
    for i, (label, value) in enumerate(bars):
        y = 4 + i * row_height
        width = round(bar_width * value / top, 1)
        colour = colours[i % len(colours)] if colours else PALETTE[0]
        rows.append(
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end">{esc(label)}</text>'
            f'<rect x="{label_width}" y="{y + 4}" width="{width}" height="{row_height - 8}" fill="{colour}"/>'
            f'<text x="{label_width + width + 6}" y="{y + 17}">{esc(shown(value))}{esc(unit)}</text>'
        )
    total_width = label_width + bar_width + 90
    return _figure(caption, total_width, height, "".join(rows))


def column_chart(
    caption: str, groups: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]]
) -> str:
    """Grouped columns: for each group (a period) one column per series (a dimension), a legend."""
    plot_height, left, legend_height = 160, 36, 24
    # columns as wide as a 640-pixel plot allows, between 6 and 24 pixels
    column = max(6, min(24, ((640 - left) // max(len(groups), 1) - 10) // max(len(series), 1)))
    group_width = column * len(series) + 10
    width = max(left + group_width * len(groups) + 10, 320)
    top = max((value for _, values, _ in series for value in values), default=0) or 1
    parts = [_legend(series, left)]
    base = legend_height + plot_height
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#52606d"/>')
    parts.append(
        f'<text x="{left - 4}" y="{legend_height + 10}" text-anchor="end">{esc(_number(top))}</text>'
    )
    for g, group in enumerate(groups):
        x0 = left + 5 + g * group_width
        for s, (_, values, colour) in enumerate(series):
            height = round(plot_height * values[g] / top, 1)
            parts.append(
                f'<rect x="{x0 + s * column}" y="{base - height}" width="{column - 1}" height="{height}" '
                f'fill="{colour}"><title>{esc(group)}: {esc(_number(values[g]))}</title></rect>'
            )
        parts.append(
            f'<text x="{x0 + group_width / 2 - 5}" y="{base + 14}" text-anchor="end" '
            f'transform="rotate(-45 {x0 + group_width / 2 - 5} {base + 14})">{esc(group)}</text>'
        )
    return _figure(caption, width, base + 60, "".join(parts))


def _legend(series: Sequence[tuple[str, Sequence[float], str]], left: int) -> str:
    items = []
    for i, (name, _, colour) in enumerate(series):
        x = left + i * 110
        items.append(
            f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="15">{esc(name)}</text>'
        )
    return "".join(items)


def _figure(caption: str, width: float, height: float, inner: str) -> str:
    return (
        f"<figure><figcaption>{esc(caption)}</figcaption>"
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}"><title>{esc(caption)}</title>{inner}</svg></figure>'
    )


def _number(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def vocabulary_charts(data: dict[str, Any]) -> list[str]:
    """Engagement levels and network by mode, when the data carries them (`levels`, `modes`:
    {name: {entries, minutes}}); nothing otherwise."""
    charts = []
    for key, caption in (("levels", "Entries by engagement level"), ("modes", "Entries by mode of space")):
        tally = data.get(key)
        if isinstance(tally, dict) and any(item.get("entries") for item in tally.values()):
            bars = [(name, item["entries"]) for name, item in tally.items()]
            charts.append(bar_chart(caption, bars, colours=PALETTE))
    return charts
