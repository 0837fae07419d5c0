"""The line above a record's entries in `pln show`: how many, how long, first and last seen."""

from __future__ import annotations

from typing import Any


def summary(seen: dict[str, Any]) -> str:
    """'3 entries, 150 minutes, first seen 2025-09-08, last seen 2026-03-30' (or 'No entries yet')."""
    count = seen["count"]
    if not count:
        return "No entries name it yet."
    entries = "1 entry" if count == 1 else f"{count} entries"
    seen_on = f"first seen {seen['first_seen']}, last seen {seen['last_seen']}"
    return f"{entries}, {seen['minutes']} minutes, {seen_on}"
