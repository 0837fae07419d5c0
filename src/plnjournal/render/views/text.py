"""What the report views print: a heading, then tables and paragraphs, with rich on a terminal and
plain aligned text when piped. Every cell and line is made safe before it is shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..safe import clean
from ..table import render_plain, render_rich


@dataclass(frozen=True)
class Table:
    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


@dataclass(frozen=True)
class Lines:
    title: str
    lines: Sequence[str]


Block = Table | Lines


def print_report(heading: str, blocks: Sequence[Block]) -> None:
    from ...cli import output

    shown = [block for block in blocks if (block.rows if isinstance(block, Table) else block.lines)]
    if output.is_terminal():
        _print_rich(output.console(), heading, shown)
    else:
        output.data(plain_report(heading, shown))


def plain_report(heading: str, blocks: Sequence[Block]) -> str:
    parts = [clean(heading) + "\n"]
    for block in blocks:
        body = (
            render_plain(block.columns, block.rows)
            if isinstance(block, Table)
            else "".join(clean(line) + "\n" for line in block.lines)
        )
        parts.append(f"\n{clean(block.title)}\n{body}")
    return "".join(parts)


def _print_rich(console: Any, heading: str, blocks: Sequence[Block]) -> None:
    from rich.text import Text

    console.print(Text(clean(heading), style="bold"))
    for block in blocks:
        console.print()
        console.print(Text(clean(block.title), style="bold cyan"))
        if isinstance(block, Table):
            console.print(render_rich(block.columns, block.rows))
        else:
            for line in block.lines:
                console.print(Text(clean(line)))
