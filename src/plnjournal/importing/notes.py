"""One Markdown note -> its front-matter and body, whichever of the three front-matters it has:
YAML between `---` lines (Obsidian, Jekyll, zk), TOML between `+++` lines (Hugo) or a JSON object
(Hugo). python-frontmatter's handlers detect which; YAML is then read with pln's own dialect (the
same as the journal's files: `no` stays text, aliases refused, each key's line known, the body byte
for byte), TOML with the standard library's `tomllib` (python-frontmatter's own TOML handler needs
the old `toml` package), JSON with `json`."""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path
from typing import Any

from plnjournal.errors import FormatError
from plnjournal.frozen import frozen
from plnjournal.journal.fileformat import decode, parse_front_matter, split

NOTE_SUFFIXES = (".md", ".markdown")
_TOML_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=", re.MULTILINE)
_JSON_KEY = re.compile(r'^\s*"([^"]+)"\s*:', re.MULTILINE)


@frozen
class Note:
    """A note as read: its path in the folder, its front-matter, the line of each key, its body."""

    relative: str
    text: str
    data: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    problem: str | None = None

    @property
    def newline(self) -> str:
        return "\r\n" if "\r\n" in self.text[: self.text.find("\n") + 1] else "\n"


def note_paths(folder: Path) -> list[Path]:
    """The notes of a folder and its subfolders, by path; hidden folders (.obsidian, .git,
    .trash) left out."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in NOTE_SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def read_note(folder: Path, path: Path) -> Note:
    """The note at `path`; a Note with its `problem` when it cannot be read."""
    relative = path.relative_to(folder).as_posix()
    try:
        text = decode(path.read_bytes()).removeprefix("\ufeff")
    except (OSError, FormatError) as problem:
        return Note(relative, "", problem=getattr(problem, "message", None) or str(problem))
    try:
        data, lines, body = _front_matter(text)
    except FormatError as problem:
        where = f"line {problem.line}: " if problem.line else ""
        return Note(relative, text, problem=f"{where}{problem.message}")
    except ValueError as problem:  # tomllib's and json's errors are ValueErrors
        return Note(relative, text, problem=f"front-matter: {problem}")
    if not isinstance(data, dict):
        return Note(relative, text, problem="front-matter is not a mapping of keys to values")
    return Note(relative, text, data, lines, body)


def _front_matter(text: str) -> tuple[Any, dict[str, int], str]:
    handler = _detect(text)
    if handler is None:
        return {}, {}, text
    if type(handler).__name__ == "YAMLHandler":
        parts = split(text)
        if parts.front_matter is None:
            return {}, {}, parts.body
        data, lines = parse_front_matter(parts.front_matter, parts.first_line)
        return data, lines, parts.body
    front, content = handler.split(text)
    data = handler.load(front)
    pattern = _TOML_KEY if handler.START_DELIMITER == "+++" else _JSON_KEY
    lines = {match[1]: text[: text.find(match[0])].count("\n") + 1 for match in pattern.finditer(front)}
    return data, lines, content.lstrip("\r\n")


def _detect(text: str) -> Any:
    import frontmatter

    return frontmatter.detect_format(text, _handlers())


_HANDLERS: list[Any] = []


def _handlers() -> list[Any]:
    """YAML, JSON and TOML handlers, made once (python-frontmatter is imported only when notes
    are read: it is no part of pln's start-up)."""
    if not _HANDLERS:
        import tomllib

        from frontmatter.default_handlers import BaseHandler, JSONHandler, YAMLHandler

        class TomllibHandler(BaseHandler):
            FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)
            START_DELIMITER = END_DELIMITER = "+++"

            def load(self, fm: str, **kwargs: object) -> Any:
                return tomllib.loads(fm)

        _HANDLERS.extend([YAMLHandler(), JSONHandler(), TomllibHandler()])
    return _HANDLERS
