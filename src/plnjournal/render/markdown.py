"""Markdown for reports a teacher pastes into a blog post or a portfolio: tables and inline text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from plnjournal.text import clean_cell

_TABLE_SPECIAL = re.compile(r"([|\\])")


def inline(value: Any) -> str:
    """Text on one line, its pipes and backslashes escaped so it cannot break a table."""
    return _TABLE_SPECIAL.sub(r"\\\1", clean_cell(value))


def no_html(value: Any) -> str:
    """Text with `<` written `&lt;`, so text from a file turns no HTML loose where it is pasted
    (for table cells: `table` makes them inline)."""
    return "" if value is None else str(value).replace("<", "&lt;")


def plain(value: Any) -> str:
    """One line of text, safe in Markdown: `inline` and `no_html`."""
    return inline(no_html(value))


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[bool] = ()) -> str:
    """A pipe table; columns flagged in `numeric` are right-aligned."""
    aligns = [("--:" if index < len(numeric) and numeric[index] else "---") for index in range(len(columns))]
    lines = ["| " + " | ".join(map(inline, columns)) + " |", "| " + " | ".join(aligns) + " |"]
    lines += ["| " + " | ".join(inline(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
