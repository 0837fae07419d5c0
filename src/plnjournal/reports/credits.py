"""Credit toward recertification (`pln credits`): a rule pack applied to the entries of one cycle.

Each entry in the cycle goes to one category of the pack: the one it names with `credit:`, else
the first whose `when:` it matches (pack order, then the category's ways in order). A way turns
it into units: clock hours (minutes / 60) times `units`, `units` per day (a day counted once per
way), or `units` per item (with `once_per_topic`, the same title or `topic:` earns once per
cycle); `credit: {category, units}` sets the units by hand. Units are *held* while a field the
pack requires, or an approval it wants first, is missing. Per category, `earned` = `counted` +
`spilled` (over the cap) + `below_floor` (a category short of `counts_from` counts nothing) +
`held`. The total counted is set against `required`, minimums against what each category counts.

Pure: a Pack, entries and an Index in, plain data out.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from typing import Any

from plnjournal.frozen import frozen
from plnjournal.journal.packs import FIELDS, Category, Pack, Way
from plnjournal.journal.refs import Index
from plnjournal.model import Entry, Space, display_name
from plnjournal.reports.portfolio import location


@frozen
class Claim:
    """One entry's place in a pack: its category and way (None: it claims nothing), its units,
    why it landed there, and what holds its units back."""

    entry: Entry
    category: Category | None
    way: Way | None
    units: float
    why: str
    held: str | None = None


def build(
    pack: Pack, entries: Iterable[Entry], index: Index, *, start: dt.date, end: dt.date, today: dt.date
) -> dict[str, Any]:
    """The credits report of one cycle, from `start` to `end`, with the pace as of `today`."""
    claims = claims_of(pack, in_cycle(entries, start, end), index)
    categories = [category_totals(pack, category, claims) for category in pack.categories]
    counted = round(sum(total["counted"] for total in categories), 2)
    missing = [total for total in categories if total["missing"]]
    remaining = round(max(0.0, pack.required - counted), 2)
    as_of = min(max(today, start - dt.timedelta(days=1)), end)
    return {
        "report": "credits",
        "pack": pack.id,
        "pack_name": pack.name,
        "pack_path": pack.path,
        "unit": pack.unit,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "as_of": as_of.isoformat(),
        "required": shown(pack.required),
        "counted": shown(counted),
        "remaining": shown(remaining),
        "met": remaining == 0 and not missing,
        "minimums_missing": [
            {key: total[key] for key in ("category", "name", "minimum", "counted", "missing")}
            for total in missing
        ],
        "pace": pace(counted, remaining, start, end, as_of),
        "categories": categories,
        "entries": [claim_row(claim) for claim in claims],
        "unclaimed": sum(1 for claim in claims if claim.category is None),
    }


def in_cycle(
    entries: Iterable[Entry], start: dt.date | None = None, end: dt.date | None = None
) -> list[Entry]:
    """The entries from `start` to `end`, in the order credit is counted: by date, time, id."""
    chosen = (e for e in entries if (start is None or start <= e.date) and (end is None or e.date <= end))
    return sorted(chosen, key=lambda entry: (entry.date, entry.time or "", entry.id))


def claims_of(pack: Pack, entries: Iterable[Entry], index: Index) -> list[Claim]:
    """Every entry's claim, in date order (a day or a topic counts for the first entry that has it)."""
    seen: dict[tuple[str, ...], str] = {}
    return [_units(pack, _place(pack, entry, index), seen, index) for entry in entries]


def _place(pack: Pack, entry: Entry, index: Index) -> Claim:
    named = entry.credit_category
    if named:
        category = pack.category(named)
        if category is None:
            choices = ", ".join(c.id for c in pack.categories)
            return Claim(
                entry, None, None, 0, f"credit: {named!r} is not a category of {pack.id} ({choices})"
            )
        way = next((w for w in category.ways if accepts(w, entry, index)), category.ways[0])
        return Claim(entry, category, way, 0, f"credit: {named}")
    for category in pack.categories:
        for way in category.ways:
            if way.when is not None and accepts(way, entry, index):
                return Claim(entry, category, way, 0, describe(way))
    return Claim(entry, None, None, 0, "matches no category (claim one with credit:)")


def accepts(way: Way, entry: Entry, index: Index) -> bool:
    """True when the entry matches the way's `when:` and is long enough for it."""
    if way.min_minutes is not None and (entry.minutes or 0) < way.min_minutes:
        return False
    return all(_facts(key, entry, index) & wanted for key, wanted in (way.when or {}).items())


def _facts(key: str, entry: Entry, index: Index) -> set[str]:
    """The entry's values for a `when:` key, casefolded; a space kind of `none` means no space."""
    space = index.get("space", entry.space) if entry.space else None
    space = space if isinstance(space, Space) else None
    if key == "space_kind":
        return {(space.kind_ or "other").casefold()} if space else {"none"}
    if key == "space_mode":
        return {space.mode.casefold()} if space and space.mode else set()
    if key == "engagement":
        return {entry.engagement.casefold()} if entry.engagement else set()
    if key == "tags":
        return {tag.casefold() for tag in entry.tags}
    goal = index.canonical("goal", entry.goal) if entry.goal else None
    return {goal.casefold()} if goal else set()


def describe(way: Way) -> str:
    """Why an entry matched a way: `space kind conference, engagement led`, or `any activity`."""
    parts = [
        f"{key.replace('_', ' ')} {'/'.join(sorted(values))}" for key, values in (way.when or {}).items()
    ]
    reason = ", ".join(parts) or "any activity"
    return reason + (f", {way.min_minutes} minutes or more" if way.min_minutes else "")


def _units(pack: Pack, claim: Claim, seen: dict[tuple[str, ...], str], index: Index) -> Claim:
    if claim.category is None or claim.way is None:
        return claim
    entry, way = claim.entry, claim.way
    units, why = _converted(claim.category, way, entry, seen)
    least = claim.category.activity_minimum
    if least and 0 < units < least:
        units, why = 0.0, f"{why}: under the {shown(least)} an activity needs"
    held = held_because(pack, claim.category, entry, index) if units else None
    return Claim(entry, claim.category, way, units, f"{claim.why}; {why}", held)  # rounded when shown


def _converted(
    category: Category, way: Way, entry: Entry, seen: dict[tuple[str, ...], str]
) -> tuple[float, str]:
    """Units for one entry by its way, and how they were reckoned."""
    if "units" in entry.credit:
        return float(entry.credit["units"]), f"{shown(entry.credit['units'])} set by hand"
    if way.per == "hour":
        if entry.minutes is None:
            return 0.0, "no minutes recorded"
        return entry.minutes / 60 * way.units, f"{entry.minutes} min × {shown(way.units)} per hour"
    if way.per == "day":
        key = (category.id, way.name, entry.date.isoformat())
        if key in seen:
            return 0.0, f"{way.name}: this day already counted ({seen[key]})"
        seen[key] = entry.id
        return way.units, f"{way.name}: {shown(way.units)} per day"
    if way.once_per_topic:
        topic = (entry.topic or entry.title or entry.id).strip().casefold()
        key = (category.id, "topic", topic)
        if key in seen:
            return 0.0, f"{way.name}: this topic already counted this cycle ({seen[key]})"
        seen[key] = entry.id
    return way.units, f"{way.name}: {shown(way.units)} each"


def held_because(pack: Pack, category: Category, entry: Entry, index: Index) -> str | None:
    """Why the entry's units cannot count yet: a missing required field, or no approval first."""
    missing = missing_fields(pack, category, entry, index)
    if missing:
        return "missing " + ", ".join(missing)
    return approval_problem(pack, category, entry)


def missing_fields(pack: Pack, category: Category, entry: Entry, index: Index) -> list[str]:
    wanted = dict.fromkeys((*pack.requires, *category.requires))
    return [name for name in wanted if not FIELD_TESTS[name](entry, index)]


def approval_problem(pack: Pack, category: Category, entry: Entry) -> str | None:
    if not (pack.approval or category.approval):
        return None
    approved_on = entry.approved.get("on")
    if not approved_on:
        return "needs approval first (approved: {by, on})"
    if approved_on > entry.date.isoformat():
        return f"approved on {approved_on}, after the activity"
    return None


def _has_url(entry: Entry, index: Index) -> bool:
    space = index.get("space", entry.space) if entry.space else None
    links = [*entry.evidence, str(entry.extra.get("url") or ""), str(getattr(space, "url", None) or "")]
    return any(link.startswith(("https://", "http://")) for link in links)


FIELD_TESTS: dict[str, Callable[[Entry, Index], bool]] = {
    "date": lambda entry, index: True,
    "time": lambda entry, index: bool(entry.time),
    "title": lambda entry, index: bool(entry.title),
    "minutes": lambda entry, index: entry.minutes is not None,
    "space": lambda entry, index: bool(entry.space),
    "sponsor": lambda entry, index: bool(entry.sponsor),
    "sponsor_id": lambda entry, index: bool(entry.sponsor_id),
    "location": lambda entry, index: bool(location(entry, index)),
    "verified_by": lambda entry, index: bool(entry.verified_by),
    "evidence": lambda entry, index: bool(entry.evidence),
    "url": _has_url,
    "summary": lambda entry, index: bool(entry.body.strip() or any(entry.growth.values())),
    "approved": lambda entry, index: bool(entry.approved),
}
assert set(FIELD_TESTS) == set(FIELDS), "every field a pack may require has a test"


def category_totals(pack: Pack, category: Category, claims: list[Claim]) -> dict[str, Any]:
    mine = [claim for claim in claims if claim.category is category]
    earned = round(sum(claim.units for claim in mine), 2)  # sums of unrounded units, then rounded
    held = round(sum(claim.units for claim in mine if claim.held), 2)
    eligible = round(earned - held, 2)
    below_floor = eligible if category.counts_from and eligible < category.counts_from else 0.0
    cap = category.cap.of(pack.required) if category.cap else None
    counted = eligible - below_floor if cap is None else min(eligible - below_floor, cap)
    minimum = category.minimum.of(pack.required) if category.minimum else None
    return {
        "category": category.id,
        "name": category.name,
        "entries": len(mine),
        "earned": shown(earned),
        "held": shown(held),
        "below_floor": shown(below_floor),
        "spilled": shown(round(eligible - below_floor - counted, 2)),
        "counted": shown(round(counted, 2)),
        "cap": None if cap is None else shown(cap),
        "minimum": None if minimum is None else shown(minimum),
        "missing": shown(round(max(0.0, (minimum or 0) - counted), 2)),
    }


def pace(counted: float, remaining: float, start: dt.date, end: dt.date, as_of: dt.date) -> dict[str, Any]:
    """Units a year so far, and the day the total would reach what is required at that pace."""
    days = (as_of - start).days + 1
    per_day = counted / days if days > 0 else 0.0
    projected = None
    if remaining > 0 and per_day > 0:
        projected = as_of + dt.timedelta(days=math.ceil(remaining / per_day))
    return {
        "days": max(days, 0),
        "per_year": shown(round(per_day * 365.25, 2)),
        "projected": projected.isoformat() if projected else None,
        "in_cycle": None if projected is None else projected <= end,
    }


def claim_row(claim: Claim) -> dict[str, Any]:
    entry = claim.entry
    return {
        "entry": entry.id,
        "date": entry.date.isoformat(),
        "title": entry.title or display_name(entry),
        "category": claim.category.id if claim.category else None,
        "way": claim.way.name if claim.way else None,
        "units": shown(claim.units),
        "held": claim.held,
        "why": claim.why,
    }


def shown(value: float) -> int | float:
    """A figure as JSON shows it: 45, not 45.0."""
    return int(value) if float(value).is_integer() else round(float(value), 2)
