"""jrnl's JSON export (`jrnl --export json`) -> Rows: `entries` with `date`, `time`, `title`,
`body`, `tags` (written with their symbol, `@work`) and `starred` (kept as the tag `starred`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plnjournal.importing import Row, source_key
from plnjournal.importing.sniff import JRNL_EXPORT, read_json
from plnjournal.journal.schema import BadValue, to_date, to_text, to_texts, to_time
from plnjournal.values import distinct

TAG_SYMBOLS = "@#"


def read_jrnl(path: Path) -> list[Row]:
    """Every entry of a jrnl JSON export; a PlnError naming what the file looks like when it is
    another (a pln export fed to `--from jrnl` would lose its people, space, growth and minutes)."""
    data = read_json(path, "a jrnl JSON export (jrnl --export json)", JRNL_EXPORT)
    return [_row(number, item) for number, item in enumerate(data["entries"], 1)]


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
        "tags": distinct(tags),
    }
    return Row(
        label, source, {key: value for key, value in values.items() if value}, body.replace("\r\n", "\n")
    )
