"""A record file's text: front-matter between `---` lines, then a Markdown body kept byte for byte.

The common simple front matter is read and written without YAML (`simple_yaml`); the rest goes
through YAML (`yaml_dialect`, imported only then: PyYAML takes some 12 ms to import). The
dialect reads like YAML 1.2's core schema and never surprises: `10:00`, `no`, `on`,
`012345` and `2026-11-22` stay strings (the model turns dates into dates), duplicate keys are an
error, and oversized or too deeply nested front-matter is refused before the parser sees it.
Writing quotes every string that any YAML 1.1 reader (Obsidian, PyYAML, GitHub) could misread.
"""

from __future__ import annotations

import re
from typing import Any

from plnjournal.errors import FormatError
from plnjournal.frozen import frozen
from plnjournal.journal import simple_yaml

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_FRONT_MATTER_CHARS = 64 * 1024
BOM = "\ufeff"
# `=======` alone is also a Markdown heading underline, so only the outer markers count.
CONFLICT_MARKER = re.compile(r"^(?:<{7}|>{7})(?: |\r?$)", re.MULTILINE)
_FENCE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


@frozen
class SplitFile:
    """A file cut in two: the front-matter text, the body, and where the front-matter starts."""

    front_matter: str | None
    body: str
    first_line: int  # 1-based line of the first front-matter line
    newline: str
    bom: bool


def decode(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise FormatError(
            f"file is {len(data) // 1024} KiB, over the {MAX_FILE_BYTES // 1024 // 1024} MiB limit",
            code="too-large",
        )
    if b"\0" in data:
        raise FormatError("not a text file (it holds NUL bytes)", code="not-utf8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FormatError("not valid UTF-8", line=line, code="not-utf8") from None


def conflict_marker_line(text: str) -> int | None:
    """The 1-based line of the first git conflict marker (`<<<<<<<` or `>>>>>>>`), if any."""
    marker = CONFLICT_MARKER.search(text)
    return None if marker is None else text.count("\n", 0, marker.start()) + 1


def split(text: str) -> SplitFile:
    """Cut a file's text into front-matter and body; a file without `---` is all body."""
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1 or len(text)] else "\n"
    line = conflict_marker_line(text)
    if line is not None:
        raise FormatError("git conflict marker: resolve the merge first", line=line, code="conflict-marker")
    opening = _FENCE.match(text)
    if not opening:
        return SplitFile(None, text, 1, newline, bom)
    closing = _FENCE.search(text, opening.end())
    if not closing:
        raise FormatError("front-matter has no closing '---' line", line=1, code="yaml-syntax")
    front = text[opening.end() + 1 : closing.start()]
    body_start = closing.end() + (1 if text[closing.end() : closing.end() + 1] == "\n" else 0)
    return SplitFile(front, text[body_start:], 2, newline, bom)


def parse_front_matter(front: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse front-matter YAML into a mapping and the 1-based line of each top-level key: the
    common simple shape without YAML (`simple_yaml`: the same result, several times sooner)."""
    if len(front) > MAX_FRONT_MATTER_CHARS:
        raise FormatError(
            f"front-matter is over {MAX_FRONT_MATTER_CHARS // 1024} KiB", line=first_line, code="too-large"
        )
    return simple_yaml.read(front, first_line) or read_yaml(front, first_line)


def read_yaml(front: str, first_line: int) -> tuple[dict[str, Any], dict[str, int]]:
    """`parse_front_matter` by the YAML parser, whatever the front-matter's shape."""
    from plnjournal.journal.yaml_dialect import read_yaml

    return read_yaml(front, first_line)


def dump_front_matter(data: dict[str, Any]) -> str:
    """Front-matter's YAML text: the common simple shape without YAML (`simple_yaml.write`: the
    very text PyYAML writes), the rest by the YAML writer."""
    written = simple_yaml.write(data)
    if written is not None:
        return written
    from plnjournal.journal.yaml_dialect import dump_front_matter

    return dump_front_matter(data)


def swallowed_by_comments(
    front: str, first_line: int, data: dict[str, Any], lines: dict[str, int]
) -> dict[str, str]:
    """{key: what followed it} for each top-level key left empty because its value began with '#'
    (`tags: #edchat`: YAML reads `#edchat` as a comment), from the raw lines of the front-matter."""
    rows = front.split("\n")
    found: dict[str, str] = {}
    for key, value in data.items():
        line = lines.get(str(key))
        if value is not None or line is None or not 0 <= line - first_line < len(rows):
            continue
        _, colon, rest = rows[line - first_line].partition(":")
        if colon and rest[:1].isspace() and rest.strip().startswith("#"):
            found[str(key)] = rest.strip()
    return found


def join(data: dict[str, Any], body: str, newline: str = "\n", bom: bool = False) -> str:
    """The text of a record file: stable front-matter, then the body exactly as given."""
    front = dump_front_matter(data) if data else ""
    text = f"---\n{front}---\n"
    if newline != "\n":
        text = text.replace("\n", newline)
    return (BOM if bom else "") + text + body
