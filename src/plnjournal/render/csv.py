"""CSV: a header row, then one row per record; lists joined with '; '."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(k if v is None else f"{k}: {v}" for k, v in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue()
