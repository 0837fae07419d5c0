"""JSON: stable keys in the order the data gives them, ISO dates, UTF-8 as is."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
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


def render_list(chunks: Iterable[list[Any]], *, indent: int | None = 2) -> Iterator[str]:
    """The text `render` gives for one list of every chunk's items, a chunk at a time, so a long
    listing is held neither whole nor as one string (50k entries: 34 MB of text, more as data).

    Each chunk is written as a list by the C encoder; its brackets are cut and the pieces joined
    as the encoder joins a list's items (", " on one line; "," and each item on its own lines)."""
    first = True
    for chunk in chunks:
        if not chunk:
            continue
        text = json.dumps(chunk, ensure_ascii=False, indent=indent, default=_default)
        items = text[1:-1] if indent is None else text[1:-2]  # less "[" and "]" (or "\n]")
        yield ("[" if first else ", " if indent is None else ",") + items
        first = False
    yield ("[]" if first else "]" if indent is None else "\n]") + "\n"


def render_lines(rows: list[Any]) -> str:
    """JSON Lines: one compact object a line."""
    return "".join(json.dumps(row, ensure_ascii=False, default=_default) + "\n" for row in rows)
