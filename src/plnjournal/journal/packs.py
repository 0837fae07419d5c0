"""Recertification rule packs: YAML files that say how a state (or a district) counts credit.

pln ships packs as package data (`plnjournal/packs/*.yaml`: va, ny-ctle, tx-cpe, oh, ma); a
journal's own `credits/NAME.yaml` (made by `pln credits init NAME`) wins over a shipped pack of the
same name. A pack is data, never code: its cycle, its unit, the units required, and its categories,
each with the ways an entry earns units in it (per clock hour, per day, per item), how entries map
to it (`when:` space kind, space mode, engagement, tags, goal; or `credit:` on the entry), caps and
minimums (units, or a share of the units required), the fields its log needs, and whether credit
must be approved first. A bad pack is one `PackError` naming `file:line`.
"""

from __future__ import annotations

import datetime as dt

from plnjournal.errors import PlnError
from plnjournal.frozen import frozen

FOLDER = "credits"
PERS = {"hour": "hour", "clock-hour": "hour", "day": "day", "item": "item"}
MATCH_KEYS = ("space_kind", "space_mode", "engagement", "tags", "goal")
# what a pack's `requires:` may name; reports/credits.py says how each is tested on an entry
FIELDS = (
    "date",
    "time",
    "title",
    "minutes",
    "space",
    "sponsor",
    "sponsor_id",
    "location",
    "verified_by",
    "evidence",
    "url",
    "summary",
    "approved",
)
LOG_COLUMNS = (
    "date",
    "title",
    "category",
    "provider",
    "sponsor",
    "sponsor_id",
    "location",
    "hours",
    "units",
    "verified_by",
    "approved_by",
    "approved_on",
    "evidence",
    "summary",
)
DEFAULT_LOG = ("date", "title", "category", "provider", "location", "hours", "units", "verified_by")


class PackError(PlnError):
    """A pack that cannot be used: the message starts with `file:line:`."""


@frozen
class Amount:
    """A cap or a minimum: a number of units, or a share of the units required (`20%`)."""

    units: float | None = None
    share: float | None = None

    def of(self, required: float) -> float:
        return self.units if self.units is not None else round((self.share or 0) * required, 2)


@frozen
class Way:
    """One way of earning units in a category: `units` per clock hour, per day, or per item."""

    name: str
    per: str
    units: float
    when: dict[str, frozenset[str]] | None  # None: only entries that claim the category
    min_minutes: int | None = None
    once_per_topic: bool = False


@frozen
class Category:
    """One credit category of a pack: its ways of earning, its cap and minimum."""

    id: str
    name: str
    ways: tuple[Way, ...]
    cap: Amount | None = None
    minimum: Amount | None = None
    counts_from: float | None = None  # fewer units than this in the category count for nothing
    activity_minimum: float | None = None  # an entry earning fewer units than this counts nothing
    requires: tuple[str, ...] = ()
    approval: bool = False


@frozen
class Pack:
    """A state's or district's credit rules, as read from its YAML file."""

    id: str
    path: str  # where it was read: `credits/va.yaml` or `built-in va`
    name: str
    unit: str
    required: float
    years: int | None
    starts: tuple[int, int] | None  # (month, day) a cycle starts on
    first: dt.date | None  # fixed dates, when the pack (or --cycle) gives them
    last: dt.date | None
    approval: bool
    categories: tuple[Category, ...]
    log: tuple[str, ...] = DEFAULT_LOG
    requires: tuple[str, ...] = ()

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)


def cycle_of(pack: Pack, first_entry: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The cycle a pack covers: its fixed dates; else `years` from its `starts` month-day on or
    before the journal's first entry (or today), ending the day before the next one."""
    if pack.first and pack.last:
        return pack.first, pack.last
    start = pack.first or _last_month_day(pack.starts or (1, 1), first_entry or today)
    return start, pack.last or add_years(start, pack.years or 1) - dt.timedelta(days=1)


def _last_month_day(month_day: tuple[int, int], on_or_before: dt.date) -> dt.date:
    month, day = month_day
    this_year = _safe_date(on_or_before.year, month, day)
    return this_year if this_year <= on_or_before else _safe_date(on_or_before.year - 1, month, day)


def add_years(day: dt.date, years: int) -> dt.date:
    return _safe_date(day.year + years, day.month, day.day)


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, 28) if month == 2 and day == 29 else day)
