"""`pln add session SPACE DATE`: a dated session added to a space's `sessions`, one atomic rewrite
of the space's file under the journal's lock (the list kept sorted, a date never listed twice)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.journal.load import load
from plnjournal.journal.lock import locked
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import save
from plnjournal.model import Space


def add_session(journal: Journal, space_ref: str, day: dt.date) -> Change:
    with locked(journal):
        index = Index(load(journal, ("space",)).records)
        space = index.by_id["space"][index.require("space", space_ref)]
        assert isinstance(space, Space)
        if day in space.sessions:
            raise PlnError(f"{space.name} already has a session on {day.isoformat()}")
        save(journal, dataclasses.replace(space, sessions=tuple(sorted((*space.sessions, day)))))
    return Change(f"add session {day.isoformat()} to {space.id}", written=(space.path,))
