"""Hand-built journals for the network tests: each helper writes one file as a user would."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import write


def listed(values: list[str] | tuple[str, ...]) -> str:
    return "[" + ", ".join(json.dumps(value) for value in values) + "]"


def person(root: Path, pid: str, name: str, **keys: object) -> None:
    write(root / "people" / f"{pid}.md", front(name=json.dumps(name), **keys))


def space(root: Path, sid: str, name: str, **keys: object) -> None:
    write(root / "spaces" / f"{sid}.md", front(name=json.dumps(name), **keys))


def tool(root: Path, tid: str, name: str, **keys: object) -> None:
    write(root / "tools" / f"{tid}.md", front(name=json.dumps(name), **keys))


def entry(root: Path, date: str, slug: str, **keys: object) -> None:
    write(root / "entries" / date[:4] / f"{date}-{slug}.md", front(date=date, title=slug, **keys))


def front(**keys: object) -> str:
    """Front-matter from keyword values: lists as YAML flow lists, text as it is."""
    lines = [
        f"{key}: {listed(value) if isinstance(value, (list, tuple)) else value}"
        for key, value in keys.items()
    ]
    return "---\n" + "\n".join(lines) + "\n---\n"
