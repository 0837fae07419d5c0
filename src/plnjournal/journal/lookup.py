"""Finding one record by id without reading the whole journal when the id says where it lives."""

from __future__ import annotations

import re

from plnjournal.errors import PlnError
from plnjournal.journal.files import record_files
from plnjournal.journal.load import Loaded, load
from plnjournal.journal.parse import read_record
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Journal
from plnjournal.model import (
    NAMED_KINDS,
    RECORD_TYPES,
    Record,
)

_DATED = re.compile(r"^(\d{4})-\d{2}-\d{2}-")


def find_in(loaded: Loaded, ref: str) -> Record:
    """The one record whose id is `ref` (or `kind:id`), else a PlnError that says why."""
    kind, _, wanted = ref.rpartition(":")
    if kind and kind not in RECORD_TYPES:
        raise PlnError(f"{kind!r} is not a kind of record ({', '.join(RECORD_TYPES)})")
    matches = [
        record
        for records in loaded.records.values()
        for record in records
        if record.id == wanted and (not kind or record.kind == kind)
    ]
    if not matches:
        raise PlnError(f"no record with the id {wanted!r}")
    if len(matches) > 1:
        kinds = " or ".join(f"{m.kind}:{m.id}" for m in matches)
        raise PlnError(f"{wanted!r} names more than one record: say {kinds}")
    return matches[0]


def find_record(journal: Journal, ref: str) -> Record:
    """Like `find_in`, reading only the files the id can be in, then everything as a last resort."""
    kind, _, wanted = ref.rpartition(":")
    dated = _DATED.match(wanted)
    if dated and kind in ("", "entry"):
        path = journal.folder("entry") / dated[1] / f"{wanted}.md"
        if path.is_file():
            record, problems = read_record(journal.root, path, "entry")
            if record is None:
                raise PlnError(f"{problems[0]} (see 'pln check')")
            return record
    kinds = (kind,) if kind in RECORD_TYPES else NAMED_KINDS if not dated else ("reflection",)
    try:
        return find_in(load(journal.root, kinds), ref)
    except PlnError:
        return find_in(load(journal.root), ref)


def find_file(journal: Journal, ref: str) -> str:
    """The journal-relative file of the record `ref` names, whether it reads or not: `pln edit`
    must open a file that does not parse, since every warning about it says to fix it there."""
    try:
        return find_record(journal, ref).path
    except PlnError as not_found:
        kind, _, wanted = ref.rpartition(":")
        kinds = (kind,) if kind in RECORD_TYPES else RECORD_TYPES
        found = [
            journal.relative(path) for each in kinds for path in record_files(journal.root, each)
            if path.stem == wanted
        ]  # fmt: skip
        if len(found) != 1:
            raise not_found from None
        return found[0]


def named_index(journal: Journal) -> Index:
    """People, spaces, tools and goals: all `pln log` reads, so it costs the same on any journal."""
    return Index(load(journal.root, NAMED_KINDS).records)
