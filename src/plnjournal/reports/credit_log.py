"""`pln portfolio --pack P`: the portfolio as a state's log asks for it, grouped by the pack's
categories, each activity with its units, in the columns the pack's `log:` names.

Pure: a Pack, entries and an Index in, plain data out. Private entries are never in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from plnjournal.journal.packs import Pack
from plnjournal.journal.refs import Index
from plnjournal.model import Entry, display_name
from plnjournal.reports import credits
from plnjournal.reports.credits import Claim
from plnjournal.reports.portfolio import hours, location, provider

Column = Callable[[Claim, Index], Any]


def _summary(claim: Claim, index: Index) -> str:
    """What was learned: the first growth note, else the body's first line."""
    note = next((note for note in claim.entry.growth.values() if note), None)
    return note or next(
        (line.strip("# ").strip() for line in claim.entry.body.splitlines() if line.strip()), ""
    )


COLUMNS: dict[str, Column] = {
    "date": lambda claim, index: claim.entry.date.isoformat(),
    "title": lambda claim, index: claim.entry.title or display_name(claim.entry),
    "category": lambda claim, index: claim.category.name if claim.category else "",
    "provider": lambda claim, index: provider(claim.entry, index),
    "sponsor": lambda claim, index: claim.entry.sponsor or "",
    "sponsor_id": lambda claim, index: claim.entry.sponsor_id or "",
    "location": lambda claim, index: location(claim.entry, index),
    "hours": lambda claim, index: None if claim.entry.minutes is None else hours(claim.entry.minutes),
    "units": lambda claim, index: credits.shown(claim.units),
    "verified_by": lambda claim, index: claim.entry.verified_by or "",
    "approved_by": lambda claim, index: claim.entry.approved.get("by", ""),
    "approved_on": lambda claim, index: claim.entry.approved.get("on", ""),
    "evidence": lambda claim, index: list(claim.entry.evidence),
    "summary": _summary,
}


def build(
    pack: Pack,
    entries: Iterable[Entry],
    index: Index,
    *,
    start: dt.date,
    end: dt.date,
    today: dt.date,
    owner: str | None,
) -> dict[str, Any]:
    shared = [entry for entry in entries if not entry.private]
    totals = credits.build(pack, shared, index, start=start, end=end, today=today)
    claims = credits.claims_of(pack, credits.in_cycle(shared, start, end), index)
    columns = [name for name in pack.log if name != "category"]
    groups = [
        {
            **{key: total[key] for key in ("category", "name", "earned", "counted", "spilled", "held")},
            "activities": [
                {name: COLUMNS[name](claim, index) for name in columns}
                | {"entry": claim.entry.id, "held": claim.held}
                for claim in claims
                if claim.category is not None and claim.category.id == total["category"]
            ],
        }
        for total in totals["categories"]
    ]
    return {
        "report": "portfolio",
        "owner": owner,
        "pack": pack.id,
        "pack_name": pack.name,
        "unit": pack.unit,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "columns": columns,
        "categories": [group for group in groups if group["activities"]],
        "counted": totals["counted"],
        "required": totals["required"],
        "totals": totals,
    }
