"""A folder of Markdown notes -> Rows: `pln import --from markdown DIR` (Obsidian, zk, Hugo, Jekyll).

A note of pln's own vault (`pln export --format obsidian`, its kind in the `pln` property) comes
back as the record it was, id and every key kept. Any other note becomes an entry:

- `date` or `created` (or the key `--map KEY=date` names), else a date in the file name
  (`2026-03-02 PLC.md`, zk's `202603021230`); a note with none is skipped, with the reason;
- `title`, else the first heading, else the file name; `tags` (a list, or `a, b`) plus the
  inline `#tags` of the body (not in code, not in headings);
- people, spaces, tools and goals: the journal's records that the note's `[[wikilinks]]` name,
  any key whose values all name records (`speaker: "[[Priya Raman]]"`), and the entry keys
  themselves (`people`, `space`...);
- any other key pln does not know is kept as it is; the body is kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any

from plnjournal.errors import PlnError
from plnjournal.frozen import frozen
from plnjournal.importing import Row, parse_map, source_key
from plnjournal.importing.notes import Note, note_paths, read_note
from plnjournal.importing.sniff import looks_like
from plnjournal.journal.refs import REFERRING_KEYS, Index
from plnjournal.journal.schema import build_record
from plnjournal.model import BASE_ATTRIBUTES, NAMED_KINDS, RECORD_TYPES, Entry, Record, record_keys
from plnjournal.wikilinks import GROWTH_NOTE, MARKER, targets, unlinked

ENTRY_KEYS: tuple[str, ...] = tuple(key for key in record_keys(Entry) if key != "source")
KEYS: tuple[str, ...] = (*ENTRY_KEYS, "ignore")
DEFAULT_KEYS: dict[str, str] = {"created": "date", "tag": "tags"}
REFERENCE_KINDS = {"people": "person", "space": "space", "tools": "tool", "goal": "goal"}
_FILE_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d{3})")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_FENCED = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
TITLE_LIMIT = 80
_INLINE_TAG = re.compile(r"(?<![\w&/#\[(])#([A-Za-z][\w/-]*)")


@frozen
class Notes:
    """The rows read from a folder of notes, and what could not be used."""

    rows: list[Row]
    warnings: list[str]


def parse_keys(pairs: Iterable[str]) -> dict[str, str]:
    """`--map KEY=key` options -> {note key, case-folded: pln key}; a UsageError for a bad one."""
    return parse_map(pairs, KEYS, str.casefold, "KEY")


def read_notes(folder: Path, mapping: dict[str, str], index: Index) -> Notes:
    """Every note under `folder` as a row: pln's own records first, then the other notes."""
    if not folder.is_dir():
        found = "no such folder" if not folder.exists() else f"it looks like {looks_like(folder)}"
        raise PlnError(f"{folder}: not a folder of Markdown notes; {found}")
    notes = [read_note(folder, path) for path in note_paths(folder)]
    if not notes:
        raise PlnError(f"{folder}: no Markdown notes (.md) in it or its subfolders")
    own = [note for note in notes if note.problem is None and MARKER in note.data]
    whole = sorted((_with_evidence(folder, _whole(note)) for note in own), key=_named_first)
    index = Index(_with(index, [row.record for row in whole if row.record is not None]))
    warnings: list[str] = []
    others = [_row(folder, note, mapping, index, warnings) for note in notes if note not in own]
    return Notes([*whole, *others], warnings)


def _with_evidence(folder: Path, row: Row) -> Row:
    """A vault entry with the evidence files the vault holds beside it (the export copied them)."""
    evidence = getattr(row.record, "evidence", ())
    files = tuple(
        (item, (folder / item).read_bytes())
        for item in evidence
        if "://" not in item and ".." not in Path(item).parts and (folder / item).is_file()
    )
    return dataclasses.replace(row, files=files) if files else row


def _named_first(row: Row) -> int:
    kind = row.record.kind if row.record else "entry"
    return 0 if kind in NAMED_KINDS else 1


def _with(index: Index, records: list[Record]) -> dict[str, list[Record]]:
    merged: dict[str, list[Record]] = {kind: list(index.by_id[kind].values()) for kind in NAMED_KINDS}
    for record in records:
        if record.kind in merged and record.id not in index.by_id[record.kind]:
            merged[record.kind].append(record)
    return merged


def _whole(note: Note) -> Row:
    """A note of pln's own vault -> the record it was exported from."""
    data = dict(note.data)
    kind = str(data.pop(MARKER))
    cls = RECORD_TYPES.get(kind)
    if cls is None:
        return Row(note.relative, "", problem=f"{MARKER}: {kind!r} is not a kind of pln record")
    for key in REFERRING_KEYS.get(cls, {}):
        if isinstance(data.get(key), list):
            data[key] = [unlinked(str(item)) for item in data[key]]
        elif isinstance(data.get(key), str):
            data[key] = unlinked(data[key])
    if cls is Entry:
        data = _growth_from_properties(data)
    stem = Path(note.relative).stem
    record, problems = build_record(
        cls, data, record_id=stem, path=note.relative, body=note.body, lines=note.lines, newline=note.newline
    )
    found = "; ".join(f"line {p.line}: {p.message}" for p in problems)
    if record is None:
        return Row(note.relative, "", problem=found)
    return Row(note.relative, "", record=record, hint=f"kept as written: {found}" if found else None)


def _growth_from_properties(data: dict[str, Any]) -> dict[str, Any]:
    """`growth: [cognitive]` + `growth_cognitive: note` -> `growth: {cognitive: note}`."""
    notes = {key[len(GROWTH_NOTE) :]: data.pop(key) for key in list(data) if key.startswith(GROWTH_NOTE)}
    if notes and isinstance(data.get("growth"), list):
        data["growth"] = {str(dim): notes.pop(str(dim), None) for dim in data["growth"]}
    return {**data, **{f"{GROWTH_NOTE}{dim}": note for dim, note in notes.items()}}


def _row(folder: Path, note: Note, mapping: dict[str, str], index: Index, warnings: list[str]) -> Row:
    """Any other note -> an entry to be, or the reason it is skipped."""
    if note.problem is not None:
        return Row(note.relative, "", problem=note.problem)
    front, extra, lines = _sort_keys(note, mapping, index)
    date, time = _when(front.pop("date", None), note.relative)
    if date is None:
        return Row(note.relative, "", skipped=time or _NO_DATE)
    front["date"] = date
    if time and "time" not in front:
        front["time"] = time
    front.setdefault("title", _first_heading(note.body) or _title_from_name(note))
    front["tags"] = [*_tags(front.get("tags")), *inline_tags(note.body)]
    _add_links(front, [*targets(note.body), *_link_texts(extra)], index)
    entry, problems = build_record(
        Entry, front, record_id="note", path=note.relative, body=note.body, lines=lines
    )
    warnings += [f"{folder / note.relative}:{p.line}: {p.message} (kept as written)" for p in problems]
    assert isinstance(entry, Entry)
    return Row(
        note.relative,
        source_key(f"markdown:{note.relative}", note.text),
        _values(entry),
        note.body,
        {**extra, **entry.extra},
    )


_NO_DATE = (
    "no date: no 'date' or 'created' key and no date in the file name (--map KEY=date names another key)"
)


def _sort_keys(
    note: Note, mapping: dict[str, str], index: Index
) -> tuple[dict[str, Any], dict[str, Any], dict[str, int]]:
    """Front-matter -> (pln's keys, the keys kept as they are, the line of each pln key).
    A key `--map` names wins over a key of the same name, which wins over `created`."""
    front: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    lines: dict[str, int] = {}
    ranked = sorted(note.data.items(), key=lambda item: _rank(item[0], mapping))
    for key, value in ranked:
        target = _target(key, mapping)
        if target == "ignore":
            continue
        if target is None and (kind := _all_name(index, value)):
            target = next(name for name, of in REFERENCE_KINDS.items() if of == kind)
            if target in front:
                front[target] = [*_listed(front[target]), *_listed(value)]
                continue
        if target is None or target in front:
            extra[key] = _plain(value)
        else:
            front[target] = _unlink(target, value)
            lines[target] = note.lines.get(key, 1)
    return front, {key: extra[key] for key in note.data if key in extra}, lines


def _rank(key: str, mapping: dict[str, str]) -> int:
    if key.casefold() in mapping:
        return 0
    return 1 if key in ENTRY_KEYS else 2


def _target(key: str, mapping: dict[str, str]) -> str | None:
    folded = key.casefold()
    return mapping.get(folded) or (folded if folded in ENTRY_KEYS else DEFAULT_KEYS.get(folded))


def _all_name(index: Index, value: Any) -> str | None:
    """The kind of record every value names (`speaker: Priya Raman`), if they all name one kind."""
    names = [unlinked(str(item)) for item in _listed(value)]
    for kind in ("person", "space", "tool", "goal"):
        if names and all(index.resolve(kind, name) for name in names):
            return kind
    return None


def _listed(value: Any) -> list[Any]:
    """A value as a flat list: `people: [[Jane Doe]]` unquoted is YAML for a list in a list."""
    items = value if isinstance(value, list) else [value]
    return [inner for item in items for inner in (item if isinstance(item, list) else [item])]


def _unlink(key: str, value: Any) -> Any:
    if key not in REFERENCE_KINDS:
        return value
    if isinstance(value, list):
        return [unlinked(str(item)) for item in _listed(value)]
    return unlinked(str(value)) if value is not None else None


def _plain(value: Any) -> Any:
    """A value kept as the note had it, in a form pln writes back as YAML (dates as ISO text)."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _when(value: Any, relative: str) -> tuple[dt.date | None, str | None]:
    """(date, time) from a date key, else from the file name; (None, reason) when there is none."""
    if isinstance(value, dt.datetime):
        return value.date(), (value.strftime("%H:%M") if value.time() != dt.time() else None)
    if isinstance(value, dt.date):
        return value, None
    if value is not None:
        text = str(value).strip()
        match = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?", text)
        try:
            return dt.date.fromisoformat(match[1]), match[2] if match and match[2] != "00:00" else None
        except (TypeError, ValueError):
            return None, f"date: {text!r} is not a date (YYYY-MM-DD)"
    match = _FILE_DATE.search(Path(relative).stem)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])), None
        except ValueError:
            pass
    return None, None


def _title_from_name(note: Note) -> str:
    """The file name without its date (`2026-03-02 PLC` -> `PLC`); for a daily note named by its
    date alone, the first line of its text."""
    stem = Path(note.relative).stem
    rest = _FILE_DATE.sub("", stem).strip(" -_")
    first = next(
        (line.strip().lstrip("#-*> ").strip() for line in note.body.splitlines() if line.strip()), ""
    )
    return rest or first[:TITLE_LIMIT] or stem


def _first_heading(body: str) -> str | None:
    match = _HEADING.search(_FENCED.sub("", body))
    return match[1].strip() if match else None


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",") if "," in value else value.split()
    return [str(tag).strip().lstrip("#") for tag in _listed(value) if str(tag).strip().lstrip("#")]


def inline_tags(body: str) -> list[str]:
    """The `#tags` written in a note's text, outside code and headings."""
    text = _INLINE_CODE.sub("", _FENCED.sub("", body))
    text = _HEADING.sub("", text)
    return [match[1].rstrip("/-") for match in _INLINE_TAG.finditer(text)]


def _link_texts(extra: dict[str, Any]) -> list[str]:
    """Wikilinks written in the keys kept as they are (`related: "[[Priya Raman]]"`)."""
    texts = [str(item) for value in extra.values() for item in _listed(value) if isinstance(item, str)]
    return [target for text in texts for target in targets(text)]


def _add_links(front: dict[str, Any], links: list[str], index: Index) -> None:
    """The people, space, tools and goal that the note's wikilinks name, added to its keys."""
    for link in links:
        name = unlinked(f"[[{link}]]")
        for key, kind in REFERENCE_KINDS.items():
            if index.resolve(kind, name) is None:
                continue
            if key in ("space", "goal"):
                front.setdefault(key, name)
            else:
                front[key] = list(dict.fromkeys([*_listed(front.get(key) or []), name]))
            break


def _values(entry: Entry) -> dict[str, Any]:
    """An entry's values, as `ops.imports` takes them (references by name, resolved there)."""
    values = {}
    for attribute in (f.name for f in fields(Entry)):
        value = getattr(entry, attribute)
        if attribute not in BASE_ATTRIBUTES and attribute != "source" and value not in (None, (), {}, False):
            values[attribute] = value
    return values
