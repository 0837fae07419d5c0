"""Files -> records: read a journal's Markdown files into records plus Problems; never raises.

A file that cannot be read (bad YAML, not UTF-8, a conflict marker, a missing required key) becomes
a Problem with its `path:line` and the rest of the journal loads as usual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plnjournal.model import FOLDERS, Entry, Record

if TYPE_CHECKING:
    from plnjournal.journal.scan import Narrow
    from plnjournal.journal.settings import Journal
    from plnjournal.journal.walk import Walk
from plnjournal.frozen import frozen
from plnjournal.problems import Problem


@frozen
class Loaded:
    """What a load found: the records of each kind, and the problems met on the way."""

    records: dict[str, tuple[Record, ...]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    # journal/earlier.py's Earlier: the totals of the entries a load left out (when it leaves some)
    earlier: Any = None

    def of(self, kind: str) -> tuple[Record, ...]:
        return self.records.get(kind, ())

    @property
    def entries(self) -> tuple[Entry, ...]:
        return self.of("entry")  # type: ignore[return-value]

    @property
    def skipped(self) -> tuple[Problem, ...]:
        """Problems that kept a whole file (or a linked folder) out: other commands warn about them."""
        loaded = self._loaded_paths()
        return tuple(p for p in self.problems if p.path not in loaded)

    @property
    def ignored(self) -> tuple[Problem, ...]:
        """Values left out of records that did load (`minutes: lots`, `tags: #edchat`): kept in
        the file, unused."""
        loaded = self._loaded_paths()
        return tuple(p for p in self.problems if p.path in loaded)

    def without_private(self) -> Loaded:
        """The same records less the entries marked `private: true` (for an output to share)."""
        shared = self.with_entries(entry for entry in self.entries if not entry.private)
        earlier = self.earlier and self.earlier.without_private()  # what was summed up, likewise
        return Loaded(shared.records, shared.problems, earlier)

    def with_entries(self, entries: Iterable[Entry]) -> Loaded:
        """The same records, with these entries instead (those a filter chose)."""
        return Loaded({**self.records, "entry": tuple(entries)}, self.problems)

    def _loaded_paths(self) -> set[str]:
        """The paths of the files that gave a record, of those with problems (which are few: the
        set of 50k paths is not made)."""
        with_problems = {problem.path for problem in self.problems}
        if not with_problems:
            return with_problems
        return {
            record.path
            for records in self.records.values()
            for record in records
            if record.path in with_problems
        }


def load(
    where: Path | Journal,
    kinds: Iterable[str] = tuple(FOLDERS),
    *,
    refresh_cache: bool = True,
    narrow_entries: Narrow | None = None,
    entry_heads: bool = False,
    entry_fields: tuple[str, ...] | None = None,
    walked: Walk | None = None,
) -> Loaded:
    """Every record of the given kinds in a journal (a `Journal`, or its root folder), with the
    problems found.

    Unchanged files come from the cache in `.pln/` (unless the Journal says `use_cache=False`, as
    under `pln --no-cache`, or $PLN_NO_CACHE is set); the others are parsed, in parallel when there
    are many, and the cache is refreshed. The result is the same either way, in path order.
    `narrow_entries` may leave out entries a command does not need (`pln search`: those the index
    shows cannot match). `entry_heads`: entries may come with only the fields the reports read
    (`packed.HEAD_FIELDS`; reading another raises AttributeError), which is several times quicker;
    `entry_fields`, with `entry_heads`: only these of them are read (see journal/columns.py).
    `walked`: the files of each kind as `walk.walk` found them, when the caller walked already.
    """
    from plnjournal.journal.scan import load_kind

    root: Path = where if isinstance(where, Path) else where.root  # a Path has a `.root` too
    use_cache: bool = getattr(where, "use_cache", True)

    records: dict[str, tuple[Record, ...]] = {}
    problems: list[Problem] = []
    with _without_cyclic_gc(lambda: sum(map(len, records.values()))):
        for kind in kinds:
            narrow = narrow_entries if kind == "entry" else None
            found, kind_problems = load_kind(
                root,
                kind,
                refresh_cache,
                narrow,
                use_cache=use_cache,
                heads=entry_heads,
                fields=entry_fields,
                walked=walked[kind] if walked else None,
            )
            records[kind] = tuple(found)
            problems.extend(kind_problems)
    return Loaded(records, tuple(problems))


# A load that makes this many records freezes them (see _without_cyclic_gc); smaller ones need not.
FREEZE_MIN_RECORDS = 5000


@contextlib.contextmanager
def _without_cyclic_gc(made: Callable[[], int]) -> Iterator[None]:
    """Records hold no reference cycles, yet making 50k of them triggers many full collections
    that find nothing: pausing the cyclic collector makes a warm load about a quarter faster.

    When the load `made()` many records, everything is then frozen (`gc.freeze`), or the first
    collection after would walk them all at once (0.1 s at 50k entries) and later ones again.
    The next load unfreezes first, so a process that loads again and again (the tests) can still
    collect what it let go of in between."""
    was_enabled = gc.isenabled()
    gc.disable()
    gc.unfreeze()
    try:
        yield
    finally:
        if made() >= FREEZE_MIN_RECORDS:
            gc.freeze()
        if was_enabled:
            gc.enable()
