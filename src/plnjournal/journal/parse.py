"""One file -> one record plus its Problems; never raises."""

from __future__ import annotations

from pathlib import Path

from plnjournal.errors import FormatError
from plnjournal.journal.fileformat import decode, parse_front_matter, split
from plnjournal.journal.schema import build_record
from plnjournal.model import KIND_OF_FOLDER, RECORD_TYPES, Record
from plnjournal.problems import Problem, error


def read_record(root: Path, path: Path, kind: str | None = None) -> tuple[Record | None, list[Problem]]:
    """One file -> its record (or None) and the problems it has."""
    return parse_file(str(path), path.relative_to(root).as_posix(), kind)


def parse_file(full_path: str, relative: str, kind: str | None = None) -> tuple[Record | None, list[Problem]]:
    """`read_record` on plain strings, as the bulk loaders call it (no Path per file)."""
    kind = kind or KIND_OF_FOLDER.get(relative.split("/", 1)[0], "")
    if kind not in RECORD_TYPES:
        return None, [error(relative, 1, "unknown-folder", "not in a folder pln knows")]
    try:
        with open(full_path, "rb") as handle:
            text = decode(handle.read())
        parts = split(text)
        data, lines = (
            ({}, {})
            if parts.front_matter is None
            else parse_front_matter(parts.front_matter, parts.first_line)
        )
    except FormatError as problem:
        return None, [error(relative, problem.line, problem.code, problem.message)]
    except OSError as problem:
        return None, [error(relative, 1, "unreadable", f"cannot read: {problem.strerror or problem}")]
    if parts.front_matter is None:
        return None, [error(relative, 1, "no-front-matter", "no front-matter (a '---' block) at the top")]
    return build_record(
        RECORD_TYPES[kind],
        data,
        record_id=relative.rsplit("/", 1)[-1][:-3],
        path=relative,
        body=parts.body,
        lines=lines,
        newline=parts.newline,
        bom=parts.bom,
    )
