"""Finding the one record a user names where an id goes (`pln show`, `edit`, `rename`, `rm`, `set`,
`merge`, `attach`, `next --done`), by the rules of `refs.matching`: an exact id (or `KIND:ID`), an
exact name in any case, a unique prefix of an id, or a unique first name. None or several is a
PlnError that lists the candidates. An entry's full id is read straight from its file."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from plnjournal.errors import PlnError
from plnjournal.journal.files import record_files
from plnjournal.journal.load import Loaded, load
from plnjournal.journal.parse import read_record
from plnjournal.journal.refs import Index, ambiguous_message, matching
from plnjournal.journal.settings import Journal
from plnjournal.model import NAMED_KINDS, RECORD_TYPES, Record, display_name

_DATED = re.compile(r"^(\d{4})-\d{2}-\d{2}-")


def find_in(loaded: Loaded, ref: str, kinds: Iterable[str] | None = None) -> Record:
    """The one record `ref` names among `kinds` (default: all), else a PlnError that says why."""
    kind, wanted, records = _candidates(loaded, ref, kinds)
    found = matching(wanted, records)
    if len(found) == 1:
        return found[0]
    if found:
        raise PlnError(ambiguous_message(wanted, found, kind or _one_kind(found)))
    raise PlnError(_unknown(loaded, wanted, records, kind))


def _candidates(loaded: Loaded, ref: str, kinds: Iterable[str] | None) -> tuple[str, str, list[Record]]:
    """The kind `ref` asks for (`person:jane`), the rest of it, and the records to look among."""
    kind, _, wanted = ref.rpartition(":")
    if kind and kind not in RECORD_TYPES:
        raise PlnError(f"{kind!r} is not a kind of record ({', '.join(RECORD_TYPES)})")
    allowed = tuple(kinds) if kinds is not None else tuple(loaded.records)
    if kind and kind not in allowed:
        raise PlnError(f"{ref!r}: a {kind} cannot be used here (only {', '.join(allowed)})")
    chosen = (kind,) if kind else allowed
    return (
        kind or (allowed[0] if len(allowed) == 1 else ""),
        wanted,
        [record for name in chosen for record in loaded.of(name)],
    )


def _one_kind(found: list[Record]) -> str | None:
    kinds = {record.kind for record in found}
    return kinds.pop() if len(kinds) == 1 else None


def _unknown(loaded: Loaded, wanted: str, records: list[Record], kind: str) -> str:
    """Why nothing matched: a file that does not read, or the close matches there are."""
    for problem in loaded.skipped:
        if PurePosixPath(problem.path).stem == wanted:
            return f"{problem} (see 'pln check')"
    labels = {record.id: record for record in records}
    labels.update({display_name(record).casefold(): record for record in records})
    close = difflib.get_close_matches(wanted.casefold(), list(labels), n=3, cutoff=0.8)
    suggestions = list(dict.fromkeys(labels[match].id for match in close))
    message = f"no {kind or 'record'} with the id {wanted!r}"
    if suggestions:
        message += "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
    return message


def find_record(journal: Journal, ref: str, kinds: Iterable[str] | None = None) -> Record:
    """Like `find_in`, reading as little as the ref allows: an entry's own file for its full id,
    else people, spaces, tools and goals, and the whole journal only when they do not match."""
    allowed = tuple(kinds) if kinds is not None else tuple(RECORD_TYPES)
    kind, _, wanted = ref.rpartition(":")
    dated = _DATED.match(wanted)
    if dated and kind in ("", "entry") and "entry" in allowed:
        path = journal.folder("entry") / dated[1] / f"{wanted}.md"
        if path.is_file():
            record, problems = read_record(journal.root, path, "entry")
            if record is None:
                raise PlnError(f"{problems[0]} (see 'pln check')")
            return record
    first = tuple(name for name in NAMED_KINDS if name in allowed)
    if first and not kind and not dated:
        loaded = load(journal, first)
        if matching(wanted, [record for name in first for record in loaded.of(name)]):
            return find_in(loaded, ref, first)
    return find_in(load(journal, (kind,) if kind in allowed else allowed), ref, allowed)


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


def named_index(journal: Journal, told: Callable[[Loaded], None] | None = None) -> Index:
    """People, spaces, tools and goals, each kind read when first asked for: all `pln log` reads,
    so it costs the same on any journal, and reads only the kinds an entry names. `told` is given
    each kind's load as it is read (`pln search` warns of the files it could not read)."""

    def read(kind: str) -> tuple[Record, ...]:
        loaded = load(journal, (kind,))
        if told is not None:
            told(loaded)
        return loaded.of(kind)

    return Index(read=read)
