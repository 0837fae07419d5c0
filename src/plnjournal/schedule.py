"""Time in plain words: a space's `schedule` ("Mondays 7pm ET", "first Tuesday of the month 8pm",
"every other Thursday 4pm") and a person's keep-in-touch `cadence` ("30d", "2w", "3m").

Both are read, never trusted: text pln cannot read gives `None` and the reason, which the
commands print as a warning naming the file and line (see `pln check`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from plnjournal.frozen import frozen

WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAY_ABBREVIATIONS = {
    **{name.lower(): number for number, name in enumerate(calendar.day_abbr)},
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": -1,
}
# The zones teachers write after a time, as IANA names (daylight saving follows the zone).
ZONES = {
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "eastern": "America/New_York",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "central": "America/Chicago",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "mountain": "America/Denver",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles",
    "akt": "America/Anchorage",
    "ht": "Pacific/Honolulu",
    "utc": "UTC",
    "gmt": "UTC",
    "uk": "Europe/London",
    "bst": "Europe/London",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
}
_TIME = re.compile(
    r"\b(?:at\s+)?(noon|midnight|(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?)(?=\s|$|,)", re.I
)
_CADENCE = re.compile(r"^\s*(\d+)\s*(d|days?|w|weeks?|m|months?|y|years?)\s*$", re.I)


@frozen
class Schedule:
    """A recurring slot: weekly (every `interval` weeks) on `weekdays`, or monthly on the `nths`
    (1-4, or -1 for the last) of `weekdays[0]`; at `time` in `zone` (an IANA name) when given."""

    text: str
    frequency: str  # "weekly" | "monthly"
    weekdays: tuple[int, ...]  # Monday is 0
    interval: int = 1
    nths: tuple[int, ...] = ()
    time: dt.time | None = None
    zone: str | None = None


def read_schedule(text: str) -> tuple[Schedule | None, str | None]:
    """The schedule a space's `schedule:` describes, or None and why not."""
    words = text.strip().lower().replace(",", " ")
    zone, words = _take_zone(words)
    time, words = _take_time(words)
    if time is False:
        return None, f"cannot read the time in {text!r} (write e.g. 7pm or 19:00)"
    weekdays = _weekdays(words)
    if not weekdays:
        return None, f"no day of the week in {text!r} (write e.g. 'Mondays 7pm ET')"
    nths = _ordinals(words)
    if nths:
        return Schedule(text, "monthly", weekdays[:1], nths=nths, time=time, zone=zone), None
    interval = (
        2
        if re.search(r"\bevery other\b|\bbi-?weekly\b|\bevery (2|two) weeks\b|\bfortnightly\b", words)
        else 1
    )
    return Schedule(text, "weekly", weekdays, interval=interval, time=time, zone=zone), None


def _take_zone(words: str) -> tuple[str | None, str]:
    for token in words.split():
        if token in ZONES:
            return ZONES[token], " ".join(w for w in words.split() if w != token)
        if "/" in token and re.fullmatch(r"[a-z_]+/[a-z_]+(?:/[a-z_]+)?", token):
            return _iana_case(token), " ".join(w for w in words.split() if w != token)
    return None, words


def _iana_case(token: str) -> str:
    return "/".join("_".join(part.capitalize() for part in piece.split("_")) for piece in token.split("/"))


def _take_time(words: str) -> tuple[dt.time | bool | None, str]:
    """The time of day written in `words` (None when there is none, False when it is unreadable)."""
    for match in _TIME.finditer(words):
        word, hour_text, minute_text, half = match.group(1), match.group(2), match.group(3), match.group(4)
        rest = (words[: match.start()] + words[match.end() :]).strip()
        if word in ("noon", "midnight"):
            return dt.time(12 if word == "noon" else 0), rest
        if not half and not minute_text:
            continue  # a bare number ("every 2 weeks") is not a time
        hour, minute = int(hour_text), int(minute_text or 0)
        if half:
            if not 1 <= hour <= 12:
                return False, rest
            hour = hour % 12 + (12 if half.startswith("p") else 0)
        if hour > 23 or minute > 59:
            return False, rest
        return dt.time(hour, minute), rest
    return None, words


def _weekdays(words: str) -> tuple[int, ...]:
    found = []
    for token in re.findall(r"[a-z]+", words):
        name = token[:-1] if token.endswith("s") and token[:-1] in WEEKDAYS else token
        number = WEEKDAYS.get(name, WEEKDAY_ABBREVIATIONS.get(name.rstrip(".")))
        if number is not None and number not in found:
            found.append(number)
    return tuple(found)


def _ordinals(words: str) -> tuple[int, ...]:
    """The weeks of the month named ("first and third Tuesdays" -> (1, 3)); "last" only with a month."""
    found = []
    for token in words.split():
        if token in ORDINALS and ("month" in words or token != "last") and ORDINALS[token] not in found:
            found.append(ORDINALS[token])
    return tuple(found)


def occurrences(
    schedule: Schedule, start: dt.date, end: dt.date, anchor: dt.date | None = None
) -> list[dt.date]:
    """The days from `start` to `end` (inclusive) on which the schedule meets.

    A fortnightly schedule counts its weeks from `anchor` (a day it met); without one, from the
    ISO week parity (even weeks), so that the dates stay the same from one day to the next."""
    days = []
    day = start
    while day <= end:
        if day.weekday() in schedule.weekdays and _meets(schedule, day, anchor):
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _meets(schedule: Schedule, day: dt.date, anchor: dt.date | None) -> bool:
    if schedule.frequency == "monthly":
        return nth_of_month(day) in schedule.nths or (-1 in schedule.nths and is_last_of_month(day))
    if schedule.interval == 1:
        return True
    if anchor is not None:
        weeks = (_monday(day) - _monday(anchor)).days // 7
        return weeks % schedule.interval == 0
    return day.isocalendar().week % schedule.interval == 0


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def nth_of_month(day: dt.date) -> int:
    return (day.day - 1) // 7 + 1


def is_last_of_month(day: dt.date) -> bool:
    return (day + dt.timedelta(days=7)).month != day.month


@frozen
class Cadence:
    """Keep in touch every `count` `unit`s ("30d", "2w", "3m", "1y")."""

    text: str
    count: int
    unit: str  # "d" | "w" | "m" | "y"

    def after(self, day: dt.date, times: int = 1) -> dt.date:
        """The day `times` cadences after `day` (months and years by the calendar)."""
        count = self.count * times
        if self.unit == "d":
            return day + dt.timedelta(days=count)
        if self.unit == "w":
            return day + dt.timedelta(weeks=count)
        months = count * (12 if self.unit == "y" else 1)
        return add_months(day, months)


def read_cadence(text: str) -> tuple[Cadence | None, str | None]:
    match = _CADENCE.match(str(text))
    if not match or int(match[1]) == 0:
        return None, f"{text!r} is not a cadence (write e.g. 30d, 2w, 3m or 1y)"
    return Cadence(str(text).strip(), int(match[1]), match[2][0].lower()), None


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
