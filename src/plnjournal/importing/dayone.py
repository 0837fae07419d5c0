"""Day One's JSON export (Journal.json inside the zip Day One makes) -> Rows: `{"metadata":
{"version"}, "entries": [...]}`, each entry with `uuid`, `creationDate` (UTC, `2026-03-02T19:00:00Z`)
and `timeZone` (`America/Chicago`), `text` (Markdown; a first `# heading` is its title), `tags`,
`starred` (kept as the tag `starred`), `location` (`placeName`, `localityName`,
`administrativeArea`, `country`) and `photos`, `audios`, `weather`...

The date and time are the local ones where the entry was written; the `uuid` is the entry's
`source`, so a second import of the same export adds nothing. Photos and audio stay in Day One's
zip: the row says how many."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from plnjournal.importing import Row
from plnjournal.importing.sniff import DAYONE_EXPORT, read_json
from plnjournal.journal.schema import BadValue, to_text, to_texts

WHAT = "a Day One JSON export (Journal.json from Day One's 'Export > JSON')"
LOCATION_PARTS = ("placeName", "localityName", "administrativeArea", "country")
MEDIA = ("photos", "audios", "videos", "pdfAttachments")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
TITLE_LIMIT = 120


def read_dayone(path: Path) -> list[Row]:
    """Every entry of a Day One JSON export; a PlnError when the file is not one."""
    data = read_json(path, WHAT, DAYONE_EXPORT)
    return [_row(number, item) for number, item in enumerate(data["entries"], 1)]


def _row(number: int, item: Any) -> Row:
    if not isinstance(item, dict):
        return Row(f"entry {number}", "", problem="not an object with creationDate and text")
    label = f"entry {number}" + (
        f" ({item['creationDate'][:10]})" if isinstance(item.get("creationDate"), str) else ""
    )
    try:
        when = _local_time(item.get("creationDate"), item.get("timeZone"))
        text = (to_text(item.get("text")) or "").replace("\r\n", "\n")
        tags = list(to_texts(item.get("tags")))
    except BadValue as bad:
        return Row(label, "", problem=str(bad))
    if when is None:
        return Row(label, "", problem="no creationDate")
    if item.get("starred") is True:
        tags.append("starred")
    title, body = title_and_body(text)
    values: dict[str, Any] = {"date": when.date(), "time": when.strftime("%H:%M"), "title": title or None}
    if tags:
        values["tags"] = tuple(dict.fromkeys(tags))
    extra = {"location": place} if (place := _place(item.get("location"))) else {}
    if media := _media(item):
        extra["dayone_media"] = media
    source = f"dayone:{item['uuid']}" if isinstance(item.get("uuid"), str) else ""
    if not source:
        from plnjournal.importing import source_key

        source = source_key("dayone", when.isoformat(), text)
    values = {key: value for key, value in values.items() if value}
    return Row(label, source, values, body, extra, hint=media)


def _local_time(value: Any, zone: Any) -> dt.datetime | None:
    """`creationDate` (UTC) as the wall-clock time in the entry's `timeZone`, when pln knows it."""
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise BadValue(f"creationDate {value!r} is not a date and time") from None
    if moment.tzinfo is None:
        return moment
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo(str(zone))) if zone else moment
    except (KeyError, ValueError, OSError):  # an unknown zone name, or no time-zone data here
        return moment


def title_and_body(text: str) -> tuple[str, str]:
    """Day One's title is the first line (a `# heading` when written as one): a heading leaves the
    body; a plain first line stays in it, the title being a copy."""
    first, _, rest = text.lstrip("\n").partition("\n")
    heading = re.match(r"#{1,6}\s+(.*)", first)
    title = _ESCAPED.sub(r"\1", (heading[1] if heading else first).strip().rstrip("#").strip())
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    return title, (rest.lstrip("\n") if heading else text)


def _place(location: Any) -> str | None:
    if not isinstance(location, dict):
        return None
    parts = [str(location[key]) for key in LOCATION_PARTS if location.get(key)]
    return ", ".join(dict.fromkeys(parts)) or None


def _media(item: dict[str, Any]) -> str | None:
    found = {key: len(item[key]) for key in MEDIA if isinstance(item.get(key), list) and item[key]}
    counts = [f"{count} {key.removesuffix('s') if count == 1 else key}" for key, count in found.items()]
    return ", ".join(counts) + " in Day One's export, not copied" if counts else None
