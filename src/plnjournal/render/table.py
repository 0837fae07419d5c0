"""Tables: a rich table on a terminal, aligned plain columns when piped. Cells are always made
safe (no markup or control sequence from a file is ever interpreted)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plnjournal.text import clean_cell


def render_plain(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Columns separated by two spaces, padded to the widest cell; no colour, no box."""
    cells = [list(columns)] + [[clean_cell(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [
        "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    return "\n".join(lines) + "\n"


# Never wrapped nor cut on a narrow terminal: what a user copies into the next command.
WHOLE = frozenset({"#", "id", "handle", "entry", "date", "age"})
SHORTENED = frozenset({"title", "name", "next"})  # cut with an ellipsis, to leave room for the ids
FOLDED_SHARE = 20  # what a folding column is counted as when the shortened ones are measured
GAP = 2  # rich's padding between two columns (none at the edges)


def render_rich(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None, width: int | None = None
) -> Any:
    """A rich Table (for a terminal console), cells as Text so markup is never parsed. Ids and
    dates keep their whole width; titles are shortened with an ellipsis to fit `width`; other
    cells fold."""
    from rich.table import Table
    from rich.text import Text

    cells = [[clean_cell(value) for value in row] for row in rows]
    widths = [max([len(column), *(len(row[i]) for row in cells)]) for i, column in enumerate(columns)]
    cut = shortened_widths(columns, widths, width)
    table = Table(title=Text(title) if title else None, header_style="bold", box=None, pad_edge=False)
    for i, column in enumerate(columns):
        if column in WHOLE:
            table.add_column(column, no_wrap=True, min_width=widths[i])
        elif column in SHORTENED:
            table.add_column(column, no_wrap=True, overflow="ellipsis", max_width=cut.get(i))
        else:
            table.add_column(column, overflow="fold")
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    return table


def shortened_widths(columns: Sequence[str], widths: list[int], width: int | None) -> dict[int, int]:
    """{column index: width} for the shortened columns, sharing what the others leave of `width`."""
    short = [i for i, column in enumerate(columns) if column in SHORTENED]
    if width is None or not short:
        return {}
    others = sum(
        w if column in WHOLE else min(w, FOLDED_SHARE)
        for column, w in zip(columns, widths, strict=True)
        if column not in SHORTENED
    )
    room = width - others - GAP * (len(columns) - 1)
    if sum(widths[i] for i in short) <= room:
        return {}
    each = max(8, room // len(short))
    return {i: min(widths[i], each) for i in short}
