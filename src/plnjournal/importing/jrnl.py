"""jrnl's JSON export (`jrnl --export json`) -> Rows: `entries` with `date`, `time`, `title`,
`body`, `tags` (written with their symbol, `@work`) and `starred` (kept as the tag `starred`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from plnjournal.errors import PlnError
from plnjournal.importing import Row, source_key
from plnjournal.journal.schema import BadValue, to_date, to_text, to_texts, to_time

TAG_SYMBOLS = "@#"


def read_jrnl(path: Path) -> list[Row]:
    """Every entry of a jrnl JSON export; a PlnError when the file is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise PlnError(f"{path}: cannot read it as jrnl JSON: {problem}") from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise PlnError(f"{path}: not a jrnl JSON export (no 'entries' list)")
    return [_row(number, item) for number, item in enumerate(entries, 1)]


def _row(number: int, item: Any) -> Row:
    if not isinstance(item, dict):
        return Row(f"entry {number}", "", problem="not an object with date, title and body")
    label = f"entry {number} ({item.get('date')} {str(item.get('title') or '')[:40]})".rstrip()
    try:
        date = to_date(item.get("date"))
        time = to_time(item.get("time"))
        title = (to_text(item.get("title")) or "").strip()
        body = to_text(item.get("body")) or ""
        tags = [tag.lstrip(TAG_SYMBOLS) for tag in to_texts(item.get("tags"))]
    except BadValue as bad:
        return Row(label, "", problem=str(bad))
    if date is None:
        return Row(label, "", problem="no date")
    if item.get("starred") is True:
        tags.append("starred")
    source = source_key("jrnl", date.isoformat(), time or "", title, body)
    values: dict[str, Any] = {
        "date": date,
        "time": time,
        "title": title or None,
        "tags": tuple(dict.fromkeys(tags)),
    }
    return Row(
        label, source, {key: value for key, value in values.items() if value}, body.replace("\r\n", "\n")
    )
