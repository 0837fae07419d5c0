"""Markdown for reports a teacher pastes into a blog post or a portfolio: tables and inline text.

One escaping rule for every text that came from a file (`plain`): on one line, `<` written `&lt;`
so no HTML comes loose where it is pasted, and the characters Markdown reads as markup (`\\ | * _
` [ ]`) escaped with a backslash, so a cell never breaks its table nor turns into a link or
emphasis. `table` applies it to every header and cell."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from plnjournal.text import clean_cell

_MARKUP = re.compile(r"([\\|*_`\[\]])")


def plain(value: Any) -> str:
    """One line of text, safe in Markdown: in a table cell, a heading or a list item."""
    return _MARKUP.sub(r"\\\1", clean_cell(value).replace("<", "&lt;"))


def table(columns: Sequence[str], rows: Sequence[Sequence[Any]], numeric: Sequence[bool] = ()) -> str:
    """A pipe table, every header and cell `plain`; columns flagged in `numeric` are right-aligned."""
    aligns = [("--:" if index < len(numeric) and numeric[index] else "---") for index in range(len(columns))]
    lines = ["| " + " | ".join(map(plain, columns)) + " |", "| " + " | ".join(aligns) + " |"]
    lines += ["| " + " | ".join(plain(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def code(value: Any) -> str:
    """Text in a code span (a file's path): shown as it is, a backtick in it written `'`."""
    return "`" + clean_cell(value).replace("`", "'") + "`"
