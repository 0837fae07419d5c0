"""What a file looks like, in a teacher's words, so an importer that refuses a file can say what
it found ("not a Day One JSON export; it looks like a jrnl JSON export") and which `--from` reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PEEK_BYTES = 64 * 1024
PLN_EXPORT = "a pln JSON export (--from pln)"
DAYONE_EXPORT = "a Day One JSON export (--from dayone)"
JRNL_EXPORT = "a jrnl JSON export (--from jrnl)"
BADGE_ASSERTION = "an Open Badges 2.0 assertion (--from badge)"
CSV_FILE = "a CSV file (--from csv)"
PLAIN_TEXT = "plain text"
NOT_UTF8 = "text that is not UTF-8"
EMPTY = "an empty file"


def read_json(path: Path, what: str, kind: str) -> Any:
    """The JSON data of a file of `kind` (one of the constants above), read as `what`; a PlnError
    naming what the file looks like when it is another."""
    from plnjournal.errors import PlnError

    if path.is_dir():
        raise PlnError(f"{path}: a folder, not {what} (--from markdown reads a folder of notes)")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise PlnError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise PlnError(f"{path}: not {what}; it looks like {looks_like(path)}") from None
    if (found := json_kind(data)) != kind:
        raise PlnError(f"{path}: not {what}; it looks like {found}")
    return data


def looks_like(path: Path) -> str:
    """A few words on what `path` holds: one of the formats pln imports, or plain words for others."""
    if path.is_dir():
        return "a folder"
    try:
        with path.open("rb") as handle:
            head = handle.read(PEEK_BYTES)
    except OSError:
        return "a file pln cannot open"
    if not head.strip():
        return EMPTY
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "a binary file (an image, a PDF, a zip...)" if b"\0" in head else NOT_UTF8
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        return _text_kind(text)
    return json_kind(data)


def json_kind(data: Any) -> str:
    """What JSON data is: pln's export, jrnl's, Day One's, an Open Badge, or its plain shape."""
    if isinstance(data, list):
        return "a JSON list (pln reads a JSON object)"
    if not isinstance(data, dict):
        return "a single JSON value"
    entries = data.get("entries")
    types = data.get("type")
    types = types if isinstance(types, list) else [types]
    if isinstance(entries, list) and any(key in data for key in ("people", "spaces", "tools", "goals")):
        return PLN_EXPORT
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        if "creationDate" in entries[0] or "uuid" in entries[0]:
            return DAYONE_EXPORT
        if "date" in entries[0] and "body" in entries[0]:
            return JRNL_EXPORT
    if entries == [] and isinstance(data.get("tags"), dict):
        return JRNL_EXPORT  # a jrnl journal with no entries yet
    if isinstance(entries, list):
        return "a JSON export with entries pln does not recognize"
    if "Assertion" in types:
        return BADGE_ASSERTION
    if "OpenBadgeCredential" in types or "VerifiableCredential" in types:
        return "an Open Badges 3.0 credential (pln reads Open Badges 2.0 assertions)"
    if "BadgeClass" in types:
        return "an Open Badges badge class (the badge, not the assertion that you earned it)"
    if "uid" in data and "verify" in data:
        return "an Open Badges 1.0 assertion (pln reads Open Badges 2.0)"
    keys = ", ".join(list(data)[:5])
    return f"a JSON object with the keys {keys}" if keys else "an empty JSON object"


def refuse_unless_table(path: Path, what: str) -> None:
    """A PlnError when `path` is clearly not a table (JSON, a Markdown note, a binary file, a
    folder): say what it looks like. Text that may be a table is left to the CSV reader."""
    from plnjournal.errors import PlnError

    found = looks_like(path)
    if found not in (CSV_FILE, PLAIN_TEXT, NOT_UTF8, EMPTY):
        raise PlnError(f"{path}: not {what}; it looks like {found}")


def _text_kind(text: str) -> str:
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    if first.strip() in ("---", "+++") or first.startswith("#"):
        return "a Markdown note (--from markdown reads a folder of them)"
    if first.startswith(("{", "[")):
        return "JSON that does not parse"
    if "," in first and "\n" in text:
        return CSV_FILE
    return PLAIN_TEXT
