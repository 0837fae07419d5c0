"""What the global options set for the command that runs, and the journal they point at."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plnjournal.journal.settings import Journal


@dataclass
class State:
    journal_option: Path | None = None

    def journal(self) -> Journal:
        from plnjournal.journal.settings import find_journal

        return find_journal(self.journal_option)


state = State()
