"""Obsidian's `[[wikilinks]]`: how pln writes a reference in a vault (`[[people/jane-doe|Jane Doe]]`,
the folder so that a person and a space of the same id never clash) and reads one back, from its
own vault or from anybody's notes (`[[Jane Doe]]`, `[[Jane Doe#Notes|Jane]]`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

LINK = re.compile(r"\[\[([^\[\]|#^]+)(?:[#^][^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")
MARKER = "pln"  # the property that says which kind of pln record a note of pln's own vault is
GROWTH_NOTE = "growth_"  # growth: [cognitive] + growth_cognitive: note (properties hold no maps)


def wikilink(folder: str, record_id: str, name: str) -> str:
    """`[[folder/id|name]]`, or `[[folder/id]]` when the name is the id."""
    alias = name.replace("|", "-").replace("]", ")").replace("[", "(")
    return f"[[{folder}/{record_id}]]" if alias == record_id else f"[[{folder}/{record_id}|{alias}]]"


def targets(text: str) -> Iterator[str]:
    """The note each wikilink in `text` points at, as written (`people/jane-doe`, `Jane Doe`)."""
    for match in LINK.finditer(text):
        yield match[1].strip()


def unlinked(value: str) -> str:
    """A reference from a property: `[[people/jane-doe|Jane]]` -> `jane-doe`, `[[Jane Doe]]` ->
    `Jane Doe`; text without brackets as it is."""
    match = LINK.fullmatch(value.strip())
    if match is None:
        return value
    target = PurePosixPath(match[1].strip())
    return target.stem if len(target.parts) > 1 else match[1].strip()


def folder_of(target: str) -> str | None:
    """The folder a link names (`people` for `people/jane-doe`), if any."""
    parts = PurePosixPath(target).parts
    return parts[-2] if len(parts) > 1 else None
