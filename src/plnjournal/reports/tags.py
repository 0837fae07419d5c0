"""`pln list tags`: every tag in the journal with how many records carry it, and the spellings
of one tag side by side (`Grading`, `grading`, `grade-ing`), so `pln tag merge` can join them.

Spellings are one tag when they are the same in any case and punctuation, or close enough to be a
slip of the keyboard (difflib ratio 0.88: `assesment` beside `assessment`, never `grade-9` beside
`grade-8`).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable

from plnjournal.model import Record

SIMILAR = 0.88


def tag_counts(records: Iterable[Record]) -> Counter[str]:
    """How many records carry each spelling of a tag (a record counts once per spelling)."""
    counts: Counter[str] = Counter()
    for record in records:
        counts.update(dict.fromkeys(getattr(record, "tags", ()) or (), 1))
    return counts


def folded(tag: str) -> str:
    return re.sub(r"[\W_]+", "", tag.casefold())


def tag_groups(counts: Counter[str]) -> list[list[str]]:
    """The spellings that are one tag, each group most used (then lowercase) first."""
    groups: list[list[str]] = []
    for tag in sorted(counts, key=lambda t: (-counts[t], t != t.lower(), t)):  # lowercase first on a tie
        for group in groups:
            if any(_same_tag(tag, other) for other in group):
                group.append(tag)
                break
        else:
            groups.append([tag])
    return groups


def _same_tag(one: str, other: str) -> bool:
    a, b = folded(one), folded(other)
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


def build(records: Iterable[Record]) -> list[dict[str, object]]:
    """One row a tag: its most used spelling, the records carrying any spelling, and every spelling
    with its own count when there are several; most used first."""
    counts = tag_counts(records)
    rows = [
        {
            "tag": group[0],
            "count": sum(counts[tag] for tag in group),
            "variants": [{"tag": tag, "count": counts[tag]} for tag in group] if len(group) > 1 else [],
        }
        for group in tag_groups(counts)
    ]
    return sorted(rows, key=lambda row: (-int(row["count"]), str(row["tag"]).casefold()))  # type: ignore[call-overload]
