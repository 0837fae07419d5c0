"""What a writing command did, for printing and for git: files written and removed, and why."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Change:
    message: str
    written: tuple[str, ...] = ()  # journal-relative paths
    removed: tuple[str, ...] = ()
    created: tuple[str, ...] = field(default=())  # the new records, printed on stdout
    warnings: tuple[str, ...] = ()  # one line each, said before the change is committed

    @property
    def paths(self) -> tuple[str, ...]:
        return self.written + self.removed
