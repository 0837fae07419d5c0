"""JSON: stable keys in the order the data gives them, ISO dates, UTF-8 as is."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, set, frozenset)):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def render(data: Any, *, indent: int | None = 2) -> str:
    """JSON text; `indent=None` writes one line through the C encoder, several times faster."""
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_default) + "\n"


def render_lines(rows: list[Any]) -> str:
    """JSON Lines: one compact object a line."""
    return "".join(json.dumps(row, ensure_ascii=False, default=_default) + "\n" for row in rows)
