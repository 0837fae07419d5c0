"""Records of a journal: frozen dataclasses, one per kind, and the vocabularies of DESIGN §2-3.

A record keeps where it came from (`path`, the 1-based `lines` of its top-level keys, the file's
`newline` and `bom`), its Markdown `body` byte for byte, and every key it does not know in `extra`,
so that nothing the user wrote is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field, fields
from typing import Any, Literal, get_args

from plnjournal.frozen import frozen

Dimension = Literal["affective", "cognitive", "identity", "social"]
Engagement = Literal["read", "asked", "connected", "shared", "contributed", "created", "led"]
Support = Literal["feedback", "advice", "ideas", "emotional-support", "mentoring"]
SpaceKind = Literal[
    "chat",
    "social-media",
    "forum",
    "conference",
    "workshop",
    "webinar",
    "unconference",
    "course",
    "plc",
    "podcast",
    "blog",
    "newsletter",
    "meetup",
    "video",
    "other",
]
Mode = Literal["physical", "digital", "hybrid"]
ToolKind = Literal["physical", "digital"]
ToolCategory = Literal[
    "book",
    "curriculum",
    "search",
    "curation",
    "bookmarking",
    "feed-reader",
    "blog",
    "video",
    "app",
    "other",
]
GoalStatus = Literal["active", "done", "dropped"]
Vetted = Literal["yes", "no", "mixed"]

DIMENSIONS: tuple[str, ...] = get_args(Dimension)
ENGAGEMENT_LEVELS: tuple[str, ...] = get_args(Engagement)
TAKING_IN: tuple[str, ...] = ("read",)
GIVING_BACK: tuple[str, ...] = ("shared", "contributed", "created", "led")
SUPPORT_KINDS: tuple[str, ...] = get_args(Support)
SPACE_KINDS: tuple[str, ...] = get_args(SpaceKind)
MODES: tuple[str, ...] = get_args(Mode)
TOOL_KINDS: tuple[str, ...] = get_args(ToolKind)
TOOL_CATEGORIES: tuple[str, ...] = get_args(ToolCategory)
GOAL_STATUSES: tuple[str, ...] = get_args(GoalStatus)
VETTED: tuple[str, ...] = get_args(Vetted)

Growth = dict[str, "str | None"]


@frozen(kw_only=True)
class Record:
    """What every record has: its id, where it lives, its body and what pln does not know."""

    id: str
    path: str = ""
    body: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict, compare=False)
    newline: str = field(default="\n", compare=False)
    bom: bool = field(default=False, compare=False)

    kind = "record"


@frozen(kw_only=True)
class Person(Record):
    """Someone in the PLN (DESIGN §2)."""

    name: str
    roles: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    organization: str | None = None
    location: str | None = None
    handles: dict[str, str] = field(default_factory=dict)
    provides: tuple[str, ...] = ()
    met: dt.date | None = None
    met_at: str | None = None
    met_via: str | None = None  # the space that brought them into the network
    introduced_by: str | None = None  # the person who did
    cadence: str | None = None  # keep in touch every "30d", "2w", "3m"
    vetted: str | None = None  # yes | no | mixed: weighed as a source (SIFT)
    vetted_note: str | None = None
    tags: tuple[str, ...] = ()

    kind = "person"


@frozen(kw_only=True)
class Space(Record):
    """Where learning happens: a chat, a conference, a forum, a podcast..."""

    name: str
    kind_: str | None = None  # the `kind:` key; `kind` names the record kind
    mode: str | None = None
    platform: str | None = None
    hashtag: str | None = None
    schedule: str | None = None
    sessions: tuple[dt.date, ...] = ()  # dated sessions, beside or instead of a schedule
    url: str | None = None
    template: str | None = None
    vetted: str | None = None
    vetted_note: str | None = None
    tags: tuple[str, ...] = ()

    kind = "space"


@frozen(kw_only=True)
class Tool(Record):
    """A book, an app, a feed reader: what the teacher learns with."""

    name: str
    kind_: str | None = None
    category: str | None = None
    url: str | None = None
    vetted: str | None = None
    vetted_note: str | None = None
    tags: tuple[str, ...] = ()

    kind = "tool"


@frozen(kw_only=True)
class Goal(Record):
    """A professional learning goal that entries work toward."""

    name: str
    status: str | None = None
    started: dt.date | None = None
    tags: tuple[str, ...] = ()

    kind = "goal"


@frozen(kw_only=True)
class Entry(Record):
    """One learning moment: when, where, with whom, and what came of it."""

    date: dt.date
    time: str | None = None
    title: str | None = None
    topic: str | None = None  # what was presented, when the title says more (credit counts it once)
    space: str | None = None
    people: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    growth: dict[str, str | None] = field(default_factory=dict)
    engagement: str | None = None
    minutes: int | None = None
    goal: str | None = None
    tags: tuple[str, ...] = ()
    next: str | None = None
    applied: str | None = None
    applied_on: dt.date | None = None
    dropped: str | None = None  # why the intention was let go: it leaves `pln next`
    impact: str | None = None
    evidence: tuple[str, ...] = ()
    verified_by: str | None = None
    credit: dict[str, Any] = field(default_factory=dict)  # {category, units?}: see journal/schema.py
    sponsor: str | None = None
    sponsor_id: str | None = None
    approved: dict[str, str] = field(default_factory=dict)  # {by?, on?}, `on` as ISO text
    private: bool = False
    source: str | None = None

    kind = "entry"

    @property
    def credit_category(self) -> str | None:
        """The pack category this entry claims with `credit:`, if it names one."""
        return self.credit.get("category")

    @property
    def is_open_intention(self) -> bool:
        return bool(self.next) and not self.applied and not self.dropped


@frozen(kw_only=True)
class Reflection(Record):
    """A look back over a period, with the intentions it sets."""

    date: dt.date
    title: str | None = None
    next: tuple[str, ...] = ()
    # closed intentions, by their text in `next`: what was done and when, or why it was dropped
    applied: dict[str, str] = field(default_factory=dict)
    applied_on: dict[str, dt.date] = field(default_factory=dict)
    dropped: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()

    kind = "reflection"

    @property
    def open_next(self) -> tuple[tuple[int, str], ...]:
        """(position from 1, text) of each intention neither applied nor dropped."""
        closed = self.applied.keys() | self.dropped.keys()
        return tuple((n, text) for n, text in enumerate(self.next, 1) if text not in closed)


RECORD_TYPES: dict[str, type[Record]] = {
    cls.kind: cls for cls in (Person, Space, Tool, Goal, Entry, Reflection)
}
FOLDERS: dict[str, str] = {
    "person": "people",
    "space": "spaces",
    "tool": "tools",
    "goal": "goals",
    "entry": "entries",
    "reflection": "reflections",
}
KIND_OF_FOLDER: dict[str, str] = {folder: kind for kind, folder in FOLDERS.items()}
PLURALS: dict[str, str] = FOLDERS  # a kind's folder is named by its plural: one table
KIND_OF_PLURAL: dict[str, str] = {plural: kind for kind, plural in PLURALS.items()}
NAMED_KINDS: tuple[str, ...] = ("person", "space", "tool", "goal")


def field_key(attribute: str) -> str:
    """The front-matter key of a dataclass attribute (`kind_` is written `kind`)."""
    return attribute.rstrip("_")


BASE_ATTRIBUTES = frozenset(f.name for f in fields(Record))


def record_keys(cls: type[Record]) -> tuple[str, ...]:
    """The front-matter keys of a record type, in the order DESIGN writes them."""
    return tuple(field_key(f.name) for f in fields(cls) if f.name not in BASE_ATTRIBUTES)


# Keys pln writes or reads without a field of their own: kept in `extra`, as the user wrote them,
# and known to `pln check` (a CSV import writes an entry's `location`; the portfolio reads it, and
# a space's; credits read an entry's `url`).
EXTRA_KEYS: dict[str, tuple[str, ...]] = {"entry": ("location", "url"), "space": ("location",)}


def known_keys(cls: type[Record]) -> frozenset[str]:
    """Every key pln knows on a record type: its fields' keys and its EXTRA_KEYS."""
    return frozenset((*record_keys(cls), *EXTRA_KEYS.get(cls.kind, ())))


def display_name(record: Record) -> str:
    """A human name for any record: its name, an entry's title, or its id."""
    return getattr(record, "name", None) or getattr(record, "title", None) or record.id


VOCABULARIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("person", "provides"): SUPPORT_KINDS,
    ("space", "kind"): SPACE_KINDS,
    ("space", "mode"): MODES,
    ("tool", "kind"): TOOL_KINDS,
    ("tool", "category"): TOOL_CATEGORIES,
    ("goal", "status"): GOAL_STATUSES,
    ("person", "vetted"): VETTED,
    ("space", "vetted"): VETTED,
    ("tool", "vetted"): VETTED,
    ("entry", "engagement"): ENGAGEMENT_LEVELS,
    ("entry", "growth"): DIMENSIONS,
}
