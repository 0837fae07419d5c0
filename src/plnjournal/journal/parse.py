"""One file -> one record plus its Problems; never raises."""

from __future__ import annotations

from pathlib import Path

from plnjournal.errors import FormatError
from plnjournal.journal.fileformat import SplitFile, decode, parse_front_matter, split, swallowed_by_comments
from plnjournal.journal.schema import build_record
from plnjournal.model import KIND_OF_FOLDER, RECORD_TYPES, Record
from plnjournal.problems import Problem, error, warning


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
    record, problems = build_record(
        RECORD_TYPES[kind],
        data,
        record_id=relative.rsplit("/", 1)[-1][:-3],
        path=relative,
        body=parts.body,
        lines=lines,
        newline=parts.newline,
        bom=parts.bom,
    )
    return record, [*problems, *_values_lost_to_comments(relative, parts, data, lines)]


def _values_lost_to_comments(
    relative: str, parts: SplitFile, data: dict, lines: dict[str, int]
) -> list[Problem]:
    """`tags: #edchat` and `hashtag: #sschat` are a key and a YAML comment, so the value is
    empty: say so from the raw line, since the value itself is gone."""
    found = []
    front = parts.front_matter or ""
    for key, written in swallowed_by_comments(front, parts.first_line, data, lines).items():
        fix = f"{key}: [{written.lstrip('#')}]" if key == "tags" else f'{key}: "{written}"'
        message = f"{key}: {written!r} is a YAML comment, so {key} is empty; write {fix}"
        found.append(warning(relative, lines[key], "yaml-comment", message))
    return found
