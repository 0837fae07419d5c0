"""Records -> Problems: what no single file can show on its own (like `bean-check` after parsing).

References to records that do not exist, values outside DESIGN's vocabularies, two files claiming
one id or one name, entries filed under the wrong year or date, keys pln does not know, files
where pln does not look for them, and dates after today. Pure: loaded records and a file listing
in, Problems out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from plnjournal.dates import future_note
from plnjournal.journal.atomic import TEMP_MARK
from plnjournal.journal.files import FOLDER_NAMES, is_record_name
from plnjournal.journal.load import Loaded
from plnjournal.journal.refs import REFERRING_KEYS, Index, references, unknown_message
from plnjournal.journal.vocabulary import bad_choice_message
from plnjournal.model import KIND_OF_FOLDER, NAMED_KINDS, VOCABULARIES, Entry, Record, Reflection, known_keys
from plnjournal.problems import Problem, error, warning

FREE_FOLDERS = frozenset(FOLDER_NAMES) - frozenset(KIND_OF_FOLDER)  # evidence/, templates/: anything goes


def validate(
    loaded: Loaded,
    files: Iterable[str],
    fields: Mapping[str, str] | None = None,
    today: dt.date | None = None,
    links: Iterable[tuple[str, str]] = (),
) -> list[Problem]:
    """The problems between records and in the journal's layout; `files` lists every file under it,
    `fields` the types pln.yaml gives your own keys, `links` its symbolic links (path, target).
    `today` (when given) finds dates after it."""
    index = Index(loaded.records)
    problems = [problem for path in files if (problem := stray_file(path))]
    told = {problem.path for problem in loaded.problems}
    problems += [symlink(path, target) for path, target in links if path not in told]
    for records in loaded.records.values():
        for record in records:
            problems.extend(unknown_keys(record, fields or {}))
            problems.extend(typed_fields(record, fields or {}))
            problems.extend(vocabulary_problems(record))
            problems.extend(unknown_references(index, record))
            problems.extend(misfiled(record))
            problems.extend(plain_words_problems(record))
            if today is not None:
                problems.extend(future_dated(record, today))
            problems.extend(intention_problems(record))
        problems.extend(duplicate_ids(records))
        problems.extend(duplicate_names(records))
    return problems


def stray_file(path: str) -> Problem | None:
    """A leftover temp file, or a file in a place where pln will never read it."""
    *folders, name = path.split("/")
    if TEMP_MARK in name and name.startswith("."):
        return warning(path, 1, "temp-file", "left by an interrupted pln write; pln ignores it, delete it")
    if not folders or name.startswith(".") or folders[0] in FREE_FOLDERS:
        return None
    top = folders[0]
    if top not in KIND_OF_FOLDER:
        return warning(path, 1, "unknown-folder", f"pln does not read the folder '{top}/'")
    if not is_record_name(name):
        return warning(path, 1, "unknown-folder", f"not a record: pln reads only .md files in '{top}/'")
    if top != "entries" and len(folders) > 1:
        return warning(path, 1, "unknown-folder", f"pln reads only the files directly in '{top}/'")
    return None


def symlink(path: str, target: str) -> Problem:
    """What pln does with a symbolic link: it reads a linked record or folder but never writes
    through a linked record, and git keeps only the link, not what it points to."""
    if path.endswith(".md"):
        does = "pln reads it but never writes through it (rename, edit and next --done refuse)"
    else:
        does = "pln reads the files in it"
    message = f"a symbolic link to {target}: {does}; git keeps only the link: put the real file here"
    return warning(path, 1, "symlink", message)


def unknown_keys(record: Record, fields: Mapping[str, str]) -> Iterator[Problem]:
    known = known_keys(type(record))
    for key in record.extra:
        if key not in known and key not in fields:
            message = f"unknown key {str(key)!r}: kept as it is, but pln does not use it"
            yield warning(record.path, record.lines.get(str(key)), "unknown-key", message)


def typed_fields(record: Record, fields: Mapping[str, str]) -> Iterator[Problem]:
    """Your own keys hold the type pln.yaml gives them (`fields: {credits: number}`)."""
    for key, kind in fields.items():
        if key in record.extra and not _is_a(record.extra[key], kind):
            value = record.extra[key]
            message = f"{key} should be {_TYPE_WORDS[kind]} (pln.yaml fields), not {value!r}"
            yield error(record.path, record.lines.get(key), "bad-value", message)


_TYPE_WORDS = {"text": "text", "number": "a number", "date": "a date like 2026-03-14"}


def _is_a(value: object, kind: str) -> bool:
    """pln reads `1.5` and `2026-03-14` in your own keys as text, so text that reads as the type is
    the type."""
    if value is None:
        return True  # an empty key: nothing to check
    if isinstance(value, (bool, list, tuple, dict)):
        return False
    if kind == "number":
        return isinstance(value, (int, float)) or _reads(float, str(value))
    if kind == "date":
        return isinstance(value, dt.date) or _reads(dt.date.fromisoformat, str(value))
    return True  # text: `course: 101` is the text 101


def _reads(parse, text: str) -> bool:
    try:
        parse(text.strip())
    except ValueError:
        return False
    return True


def vocabulary_problems(record: Record) -> Iterator[Problem]:
    for (kind, key), choices in VOCABULARIES.items():
        if kind != record.kind or key in record.extra:
            continue
        value = getattr(record, "kind_" if key == "kind" else key)
        for item in (value,) if isinstance(value, str) else value or ():
            if item not in choices:
                message = bad_choice_message(key, item, choices)
                yield error(record.path, record.lines.get(key), "bad-value", message)


def plain_words_problems(record: Record) -> Iterator[Problem]:
    """A person's `cadence` or a space's `schedule` that pln cannot read (so it is left out)."""
    from plnjournal.schedule import read_cadence, read_schedule

    for key, read in (("cadence", read_cadence), ("schedule", read_schedule)):
        text = getattr(record, key, None)
        if text and key not in record.extra:
            found, why = read(text)
            if found is None:
                yield warning(record.path, record.lines.get(key), f"bad-{key}", f"{key}: {why}")


def unknown_references(index: Index, record: Record) -> Iterator[Problem]:
    for key, kind in REFERRING_KEYS.get(type(record), {}).items():
        for ref in references(record, key):
            if index.resolve(kind, ref) is None:
                message = f"{key}: {unknown_message(kind, ref, index.suggestions(kind, ref))}"
                yield error(record.path, record.lines.get(key), "unknown-reference", message)


def misfiled(record: Record) -> Iterator[Problem]:
    """An entry lives in `entries/YEAR/`, and a dated record's file name starts with its date."""
    if not isinstance(record, (Entry, Reflection)):
        return
    line = record.lines.get("date")
    day = record.date.isoformat()
    if not record.id.startswith(day):
        message = f"the file name should start with its date {day} (pln rename {record.id} {day}-...)"
        yield error(record.path, line, "wrong-folder", message)
    if isinstance(record, Entry):
        folder = f"entries/{record.date.year:04d}"
        if record.path.rpartition("/")[0] != folder:
            yield error(record.path, line, "wrong-folder", f"dated {day}, so it belongs in '{folder}/'")


def future_dated(record: Record, today: dt.date) -> Iterator[Problem]:
    """An entry or reflection dated after today: allowed, but usually a typo (2062 for 2026)."""
    if isinstance(record, (Entry, Reflection)) and (note := future_note(record.date, today)):
        yield warning(record.path, record.lines.get("date"), "future-date", f"date: {note}")


def intention_problems(record: Record) -> Iterator[Problem]:
    """`applied_on` and `dropped` that say nothing true: a date without what was done, a day
    before the entry, or a reflection closing an intention its `next:` list does not hold."""
    if isinstance(record, Entry):
        line = record.lines.get("applied_on")
        if record.applied_on and not record.applied:
            yield warning(record.path, line, "intention", "applied_on without applied: what did you do?")
        if record.applied_on and record.applied_on < record.date:
            yield warning(record.path, line, "intention", "applied_on is before the entry's date")
    elif isinstance(record, Reflection):
        for key in ("applied", "applied_on", "dropped"):
            for text in getattr(record, key):
                if text not in record.next:
                    message = f"{key}: {text!r} is not one of this reflection's next: intentions"
                    yield warning(record.path, record.lines.get(key), "intention", message)


def duplicate_ids(records: Iterable[Record]) -> Iterator[Problem]:
    """The same id in two files (an entry file name in two year folders): references are ambiguous."""
    for first, *others in _groups(records, lambda record: record.id):
        for record in others:
            message = f"the {record.kind} id {record.id!r} is also used by {first.path}"
            yield error(record.path, 1, "duplicate-id", message)


def duplicate_names(records: Iterable[Record]) -> Iterator[Problem]:
    """Two people named alike: allowed (`pln add --id`), but a reference by name picks one."""
    named = [record for record in records if record.kind in NAMED_KINDS]
    for first, *others in _groups(named, lambda record: getattr(record, "name", "").casefold()):
        for record in others:
            name = getattr(record, "name", "")
            message = f"another {record.kind} is named {name!r} ({first.path}); refer to them by id"
            yield warning(record.path, record.lines.get("name"), "duplicate-name", message)


def _groups(records: Iterable[Record], key) -> Iterator[list[Record]]:
    """Records sharing a key, in path order, for each key more than one record has."""
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    for group in groups.values():
        if len(group) > 1:
            yield sorted(group, key=lambda record: record.path)
