"""Ids: slugs of names, lowercase ASCII words joined by hyphens, never a path trick."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 80
MAX_ENTRY_SLUG = 60
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-_])")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slugify(text: str, *, fallback: str, limit: int = MAX_SLUG) -> str:
    """An id from a name: lowercase ASCII words joined by hyphens, never a path trick."""
    text = _ESCAPE_SEQUENCE.sub("", text)  # `\x1b[2J` would otherwise leave `2j` in the id
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1].rfind("-")
        slug = slug[: cut if cut > limit // 2 else limit].strip("-")
    if not slug:
        import hashlib

        slug = f"{fallback}-{hashlib.sha1(text.encode('utf-8', 'surrogatepass')).hexdigest()[:6]}"
    if slug in _RESERVED:
        slug = f"{slug}-{fallback}"
    return slug


def is_valid_id(text: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text)) and len(text) <= 120
