"""What a writing command did, for printing and for git: files written and removed, and why."""

from __future__ import annotations

from dataclasses import field

from plnjournal.frozen import frozen


@frozen
class Change:
    """What a write did: the files it wrote and removed, for git to commit exactly those."""

    message: str
    written: tuple[str, ...] = ()  # journal-relative paths
    removed: tuple[str, ...] = ()
    created: tuple[str, ...] = field(default=())  # the new records, printed on stdout
    warnings: tuple[str, ...] = ()  # one line each, said before the change is committed

    @property
    def paths(self) -> tuple[str, ...]:
        return self.written + self.removed
