"""`pln goal done|drop ID`: a goal's `status` set to done or dropped, in its own file."""

from __future__ import annotations

import dataclasses

from plnjournal.change import Change
from plnjournal.errors import PlnError
from plnjournal.journal.load import load
from plnjournal.journal.lock import locked
from plnjournal.journal.refs import Index
from plnjournal.journal.settings import Journal
from plnjournal.journal.writer import save
from plnjournal.model import Goal

VERBS = {"done": "done", "dropped": "drop"}


def set_status(journal: Journal, ref: str, status: str) -> Change:
    """Set the goal's status (`ref`: its id or exact name); refused when it already has it."""
    with locked(journal):
        loaded = load(journal.root, ("goal",))
        goal_id = Index(loaded.records).require("goal", ref)
        goal = next(g for g in loaded.of("goal") if g.id == goal_id)
        assert isinstance(goal, Goal)
        if "status" in goal.extra:
            raise PlnError(f"{goal.path}: its status is not one pln can read; see 'pln check'")
        if goal.status == status:
            raise PlnError(f"the goal {goal.id} is already {status}")
        save(journal, dataclasses.replace(goal, status=status))
    return Change(f"goal {VERBS[status]}: {goal.id}", written=(goal.path,))
