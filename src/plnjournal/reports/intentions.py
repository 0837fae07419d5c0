"""Intentions: an entry's `next` stays open until its `applied` records what changed in practice, or
its `dropped` why it was let go; a reflection's `next:` list likewise, through its `applied:` and
`dropped:` maps (intention text -> note).

`intention_rows` numbers the open ones (the `n` that `pln next --done N` takes) and gives each a
*handle*: the entry's id, or `REFLECTION-ID:K` for the K-th item of a reflection's `next:` list.
`find_intention` reads what the user typed (N, a handle, a unique prefix of one).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import Any

from plnjournal.errors import PlnError
from plnjournal.journal.load import Loaded
from plnjournal.model import Entry, Reflection
from plnjournal.query import entry_order


def open_intentions(entries: Iterable[Entry]) -> list[Entry]:
    """Entries with a `next` neither applied nor dropped, oldest first."""
    return sorted((entry for entry in entries if entry.is_open_intention), key=entry_order)


def age_in_days(entry: Entry | Reflection, today: dt.date) -> int:
    return (today - entry.date).days


def newest_reflection(loaded: Loaded) -> Reflection | None:
    """The reflection whose `next:` list counts: a newer one supersedes an older one's intentions."""
    reflections = sorted(loaded.of("reflection"), key=lambda r: (r.date, r.id))
    return reflections[-1] if reflections else None  # type: ignore[return-value]


def intention_rows(loaded: Loaded, today: dt.date) -> list[dict[str, Any]]:
    """Every open intention in one order (the impact report's): date, then time, then id; numbered
    from 1. Entries' `next` without `applied` or `dropped`, and the open items of the newest
    reflection's `next:` list."""
    # sorted once, and each row made once, in order: `pln next` lists tens of thousands at 50k entries
    keyed: list[tuple[tuple[Any, ...], Entry | Reflection, str, str, str]] = [
        ((e.date, e.time or "", e.id, 0), e, e.id, e.next or "", "entry")
        for e in loaded.entries
        if e.is_open_intention
    ]
    newest = newest_reflection(loaded)
    if newest is not None:
        keyed += [
            ((newest.date, "", newest.id, k), newest, f"{newest.id}:{k}", text, "reflection")
            for k, text in newest.open_next
        ]
    keyed.sort(key=lambda item: item[0])
    return [
        {"n": n, **row(record, handle, text, today, kind)}
        for n, (_, record, handle, text, kind) in enumerate(keyed, 1)
    ]


def row(record: Entry | Reflection, handle: str, text: str, today: dt.date, kind: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "entry": record.id,
        "date": record.date.isoformat(),
        "age_days": age_in_days(record, today),
        "next": text,
        "handle": handle,
    }


def find_intention(rows: list[dict[str, Any]], typed: str) -> dict[str, Any] | None:
    """The open intention `typed` names: its number, its handle, or a unique prefix of a handle;
    None when no open intention's handle starts with it (the caller says why)."""
    typed = typed.strip()
    starting = [r for r in rows if r["handle"].startswith(typed)]
    if typed.isdigit() and (1 <= int(typed) <= len(rows) or not starting):
        if 1 <= int(typed) <= len(rows):
            return rows[int(typed) - 1]
        span = f"1 to {len(rows)}" if rows else "none"
        raise PlnError(f"there is no open intention {typed}: 'pln next' numbers them {span}")
    exact = [r for r in rows if r["handle"] == typed]
    if exact:
        return exact[0]
    if len(starting) > 1:
        listed = ", ".join(f"{r['n']} {r['handle']}" for r in starting[:8])
        raise PlnError(
            f"{typed!r} could be any of {len(starting)} intentions: {listed}; type more of it or its number"
        )
    return starting[0] if starting else None


def unknown_intention(rows: list[dict[str, Any]], typed: str) -> PlnError:
    close = difflib.get_close_matches(typed, [r["handle"] for r in rows], n=3, cutoff=0.8)
    hint = "; did you mean " + " or ".join(repr(c) for c in close) + "?" if close else ""
    return PlnError(f"no open intention {typed!r}{hint} ('pln next' lists them)")
