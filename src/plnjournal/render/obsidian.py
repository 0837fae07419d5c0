"""The journal as an Obsidian vault: one Markdown file per record, at the path it has in the
journal, with properties Obsidian's Properties view reads as dates, numbers, checkboxes and lists,
and references as `[[people/jane-doe|Jane Doe]]` links (so its graph view draws the network).

Each note says which kind of record it is in the `pln` property, and growth notes go in
`growth_<dimension>` properties (a property holds no map), so that `pln import --from markdown`
reads the vault back into the same records. Pure: records in, {path: text} out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from plnjournal.journal.fileformat import join
from plnjournal.journal.refs import REFERRING_KEYS, Index
from plnjournal.journal.schema import front_matter
from plnjournal.model import FOLDERS, Entry, Record, display_name
from plnjournal.wikilinks import GROWTH_NOTE, MARKER, wikilink


def vault(records: Iterable[Record], index: Index) -> dict[str, str]:
    """{path in the vault (the record's path in the journal): the note's text} for each record."""
    return {
        record.path: join(properties(record, index), record.body, record.newline, record.bom)
        for record in records
    }


def properties(record: Record, index: Index) -> dict[str, Any]:
    """The record's front-matter as Obsidian properties: its kind first, references as links."""
    references = REFERRING_KEYS.get(type(record), {})
    data: dict[str, Any] = {MARKER: record.kind}
    for key, value in front_matter(record).items():
        if key in references and key not in record.extra:
            kind = references[key]
            data[key] = (
                [_link(index, kind, ref) for ref in value]
                if isinstance(value, list)
                else _link(index, kind, value)
            )
        elif key == "growth" and isinstance(record, Entry) and isinstance(value, dict):
            data["growth"] = list(value)
            data.update({f"{GROWTH_NOTE}{dimension}": note for dimension, note in value.items() if note})
        else:
            data[key] = value
    return data


def _link(index: Index, kind: str, ref: str) -> str:
    record = index.get(kind, ref)
    if record is None:
        return f"[[{ref}]]"
    return wikilink(FOLDERS[kind], record.id, display_name(record))
