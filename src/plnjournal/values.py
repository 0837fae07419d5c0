"""How two values a teacher typed compare: one rule for platforms, roles, subjects, levels,
organizations, locations, tags and the filters that match them; and how a tag is read.

"Bluesky", "bluesky" and " BlueSky " are one value: values compare case-insensitively (Unicode
case folding, so "STRASSE" is "straße") with their spacing collapsed, and are shown with the first
spelling met. Ids and closed vocabularies (engagement, growth, mode...) have rules of their own.
"""

from __future__ import annotations

from collections.abc import Iterable


def fold(value: str) -> str:
    """The form two values are compared in: 'Social  Studies' and 'social studies' are one."""
    return " ".join(value.casefold().split())


def same(first: str, second: str) -> bool:
    return fold(first) == fold(second)


def distinct(values: Iterable[str]) -> tuple[str, ...]:
    """Each value once, in its first spelling, in the order met; blank values left out."""
    first: dict[str, str] = {}
    for value in values:
        if value and value.strip():
            first.setdefault(fold(value), value.strip())
    return tuple(first.values())


def tally(values: Iterable[str]) -> dict[str, int]:
    """{first spelling: how many times the value is met}, in the order first met."""
    spelling: dict[str, str] = {}
    counts: dict[str, int] = {}
    for value in values:
        key = fold(value)
        shown = spelling.setdefault(key, value.strip())
        counts[shown] = counts.get(shown, 0) + 1
    return counts


def any_in_common(first: Iterable[str], second: Iterable[str]) -> bool:
    """Whether the two share a value (a `--tag` filter against an entry's tags)."""
    return not {fold(value) for value in first}.isdisjoint(fold(value) for value in second)


def tag(text: str) -> str:
    """A tag without the '#' a teacher may type before it: `#edchat` is the tag `edchat`."""
    return text.strip().lstrip("#").strip()


def tags(texts: Iterable[str]) -> tuple[str, ...]:
    """Tags as `--tag`, the importers and a hand-written file give them: a list, or texts of
    comma-separated tags (`edchat, grading` is two), each without its '#', each once."""
    return distinct(tag(part) for text in texts for part in text.split(","))
