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


def render_rich(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None) -> Any:
    """A rich Table (for a terminal console), cells as Text so markup is never parsed."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title) if title else None, header_style="bold", box=None, pad_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(clean_cell(value)) for value in row))
    return table
