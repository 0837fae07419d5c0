"""`pln tag rename OLD NEW` and `pln tag merge A B... --into C`: one tag spelled one way across
every record that has tags (entries, people, spaces, tools, goals, reflections).

A tag named on the command line means every spelling of it that differs only by case or
punctuation (`Grading`, `grading`, `GRADING`), as `pln list tags` counts them; spellings that are
only close (`grade-ing`) are said, not changed: `tag merge` joins them when asked. The kept tag's
own case variants take its spelling too. Every changed file is written, or none (`ops.batch`);
one commit.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections import Counter
from collections.abc import Sequence

from plnjournal.change import Change
from plnjournal.errors import PlnError, UsageError
from plnjournal.frozen import frozen
from plnjournal.journal.load import Loaded, load
from plnjournal.journal.lock import locked
from plnjournal.journal.settings import Journal
from plnjournal.model import Record
from plnjournal.ops.batch import all_or_nothing
from plnjournal.reports.tags import folded, tag_counts, tag_groups
from plnjournal.text import count
from plnjournal.values import tag


@frozen
class Retagged:
    """What a tag rename or merge did: the change, the kept tag, how many records carried each
    spelling that was replaced, the records changed of each kind, and what was left alone."""

    change: Change
    into: str
    replaced: dict[str, int]
    kinds: dict[str, int]
    warnings: tuple[str, ...] = ()

    @property
    def records(self) -> int:
        return sum(self.kinds.values())


def rename_tag(journal: Journal, old: str, new: str) -> Retagged:
    with locked(journal):
        loaded = load(journal)
        return _retag_loaded(journal, loaded, tag_counts(_tagged(loaded)), [old], new, "rename")


def merge_tags(journal: Journal, sources: Sequence[str], into: str | None = None) -> Retagged:
    """Join the tags `sources` name into `into` (default: the most used of them)."""
    if len(sources) + (into is not None) < 2:
        raise UsageError("name two tags or more to merge (or one and --into NEW)")
    with locked(journal):
        loaded = load(journal)
        counts = tag_counts(_tagged(loaded))
        into = into if into is not None else most_used(counts, sources)
        return _retag_loaded(journal, loaded, counts, sources, into, "merge")


def _retag_loaded(
    journal: Journal,
    loaded: Loaded,
    counts: Counter[str],
    sources: Sequence[str],
    into: str,
    verb: str,
) -> Retagged:
    into = checked_tag(into)
    spellings = {spelling for source in sources for spelling in spellings_of(counts, source)}
    spellings |= {spelling for spelling in counts if folded(spelling) == folded(into)}
    spellings.discard(into)
    updated = [
        retagged
        for record in _tagged(loaded)
        if (retagged := with_tag_replaced(record, spellings, into)) is not None
    ]
    with all_or_nothing(journal) as batch:
        kinds: Counter[str] = Counter(record.kind for record in updated if batch.save(record))
    replaced = {spelling: counts[spelling] for spelling in sorted(spellings, key=lambda s: _order(counts, s))}
    warnings = (*close_spellings(counts, spellings | {into}, into), *_left_alone(loaded, spellings | {into}))
    message = f"tag {verb} {', '.join(replaced)} {'->' if verb == 'rename' else 'into'} {into}"
    return Retagged(batch.change(message), into, replaced, dict(kinds), warnings)


def checked_tag(text: str) -> str:
    """A tag as a file will hold it: without its '#', one line, no comma (which splits tags)."""
    value = tag(text)
    if not value:
        raise UsageError(f"{text!r} is not a tag: say the new tag's name")
    if "," in value or "\n" in value:
        raise UsageError(f"{text!r}: a tag cannot hold a comma or a line break (a comma separates tags)")
    return value


def spellings_of(counts: Counter[str], name: str) -> list[str]:
    """The spellings in the journal that are `name` in any case or punctuation; an unknown tag is
    one line naming the close ones."""
    found = [spelling for spelling in counts if folded(spelling) == folded(tag(name))]
    if found:
        return found
    originals: dict[str, str] = {}
    for spelling in sorted(counts, key=lambda s: _order(counts, s)):
        originals.setdefault(spelling.casefold(), spelling)
    close = difflib.get_close_matches(tag(name).casefold(), list(originals), n=5, cutoff=0.6)
    hint = (
        f"; did you mean {', '.join(originals[c] for c in close)}?"
        if close
        else " ('pln list tags' lists them)"
    )
    raise PlnError(f"no record has the tag {tag(name)!r}{hint}")


def most_used(counts: Counter[str], sources: Sequence[str]) -> str:
    """The spelling the most records carry among the named tags (lowercase first on a tie)."""
    named = [spelling for source in sources for spelling in spellings_of(counts, source)]
    return min(named, key=lambda s: _order(counts, s))


def _order(counts: Counter[str], spelling: str) -> tuple[int, bool, str]:
    """Most used first, lowercase first on a tie, as `pln list tags` orders spellings."""
    return (-counts[spelling], spelling != spelling.lower(), spelling)


def with_tag_replaced(record: Record, spellings: set[str], into: str) -> Record | None:
    """The record with each of `spellings` replaced by `into`, each tag once; None if it has none."""
    tags = tuple(record.tags)  # type: ignore[attr-defined]
    if not spellings.intersection(tags):
        return None
    kept: dict[str, str] = {}
    for value in tags:
        value = into if value in spellings else value
        kept.setdefault(folded(value) or value, value)
    return dataclasses.replace(record, tags=tuple(kept.values()))


def close_spellings(counts: Counter[str], taken: set[str], into: str) -> list[str]:
    """A line for each spelling `pln list tags` shows beside the changed ones but left as it is."""
    names = {folded(spelling) for spelling in taken}
    return [
        f"left {spelling!r} ({count(counts[spelling], 'record')}) as it is, though it looks like the "
        f"same tag: 'pln tag merge {spelling} --into {into}' joins it"
        for group in tag_groups(counts)
        if taken.intersection(group)
        for spelling in group
        if folded(spelling) not in names
    ]


def _left_alone(loaded: Loaded, taken: set[str]) -> list[str]:
    """Files the tag may be in that pln could not read, or whose `tags: #x` YAML took as a comment."""
    names = {folded(spelling) for spelling in taken}
    lines = [
        f"{problem.path}:{problem.line}: not changed: {problem.message} (see 'pln check')"
        for problem in loaded.skipped
    ]
    for problem in loaded.ignored:
        if problem.code == "yaml-comment" and problem.message.startswith("tags:"):
            written = problem.message.split("'")[1] if "'" in problem.message else ""
            if any(folded(part) in names for part in written.split()):
                lines.append(f"{problem.path}:{problem.line}: not changed: {problem.message}")
    return lines


def _tagged(loaded: Loaded) -> list[Record]:
    return [
        record for records in loaded.records.values() for record in records if getattr(record, "tags", ())
    ]
