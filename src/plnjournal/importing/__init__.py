"""Notes kept elsewhere -> rows: `pln import --from pln|markdown|dayone|badge|jrnl|csv`.

A reader turns a file (or a folder of notes) into `Row`s and writes nothing:

- `plnjson.py`: pln's own `export --format json`, every record whole; `markdown.py`: notes with
  YAML, TOML or JSON front-matter (Obsidian, zk, Hugo, Jekyll), and pln's own Obsidian export;
- `dayone.py`: Day One's JSON export; `badge.py`: an Open Badges 2.0 assertion;
- `jrnl.py`: `jrnl --export json`; `csvlog.py`: a PD-log spreadsheet;
- `sniff.py`: what a file looks like, so a reader that refuses it can say so.

A row is either the values of one entry to be (references by name, a stable `source` key), or a
whole `record` with its id (pln's own data, which comes back as it left), or the reason it cannot
be used. `ops.imports.run_import` writes them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import field
from pathlib import Path
from typing import Any

from plnjournal.frozen import frozen
from plnjournal.model import Record


@frozen
class Row:
    """One record to be: where it came from (`label`, `source`), its values or whole `record`, or
    why it cannot be (`problem`) or is passed over (`skipped`)."""

    label: str
    source: str
    values: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None
    record: Record | None = None
    skipped: str | None = None  # why a note is not an entry (no date): listed, not an error
    attachments: tuple[tuple[str, bytes], ...] = ()  # (file name, content) copied into evidence/
    hint: str | None = None  # what the user should know about this row (what was not brought in)
    files: tuple[tuple[str, bytes], ...] = ()  # (journal path, content): evidence a whole record names


def parse_map(
    pairs: Iterable[str], keys: Sequence[str], normalize: Callable[[str], str], what: str
) -> dict[str, str]:
    """`--map NAME=key` options -> {normalized NAME: pln key}; a UsageError for a bad one. `what`
    says what NAME is (COLUMN of a spreadsheet, KEY of a note's front-matter)."""
    from plnjournal.errors import UsageError

    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not name.strip():
            raise UsageError(f"--map: {pair!r} is not {what}=key")
        if key not in keys:
            raise UsageError(f"--map: {key!r} is not one of {', '.join(keys)}")
        mapping[normalize(name.strip())] = key
    return mapping


def source_key(prefix: str, *parts: str) -> str:
    """A stable key for a row: its origin and the first 12 hex digits of a hash of its content."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{prefix}:{digest}"


_DIGEST = re.compile(r"[0-9a-f]{12}")


def content_key(source: str) -> str:
    """What a row is recognised by: its origin and content, not the file it came in
    ('csv:pd-log-march.csv:1a2b3c4d5e6f' -> 'csv:1a2b3c4d5e6f'), so the same rows downloaded
    again under another name are the same rows. A source without a content digest is itself."""
    kind, _, rest = source.partition(":")
    digest = rest.rsplit(":", 1)[-1]
    return f"{kind}:{digest}" if _DIGEST.fullmatch(digest) else source


def missing_evidence(root: Path, rows: Iterable[Row]) -> list[str]:
    """Evidence files the rows name by a path in the journal that the journal does not hold (an
    export carries the entries, not the files they point at)."""
    named: dict[str, None] = {}
    for row in rows:
        evidence = getattr(row.record, "evidence", None) or row.values.get("evidence") or ()
        brought = {relative for relative, _ in row.files}
        for item in (item for item in evidence if item not in brought):
            if "://" not in item and not item.startswith("mailto:") and not (root / item).exists():
                named[item] = None
    return list(named)
