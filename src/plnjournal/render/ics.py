"""iCalendar (RFC 5545) for `pln upcoming --format ics`: a file a teacher imports into a calendar or
subscribes to. Written with the icalendar library (imported only here): each readable schedule is
one recurring event (RRULE) in its time zone, with the VTIMEZONE it needs; each dated session is an
event of its own, a whole day unless its space's schedule gives a time. Times without a zone are
floating (the calendar's own time zone).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

PRODUCT = "-//plnjournal//pln upcoming//EN"


def render(events: list[dict[str, Any]], *, name: str, stamp: dt.date) -> str:
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamped = dt.datetime.combine(stamp, dt.time(0), tzinfo=dt.UTC)
    for item in events:
        event = Event()
        event.add("uid", item["uid"])
        event.add("dtstamp", stamped)
        event.add("summary", item["summary"])
        start, end = _span(item)
        event.add("dtstart", start)
        event.add("dtend", end)
        if item["rule"]:
            event.add("rrule", item["rule"])
        if item["url"]:
            event.add("url", item["url"])
        if item["description"]:
            event.add("description", item["description"])
        calendar.add_component(event)
    calendar.add_missing_timezones(first_date=stamp, last_date=stamp.replace(year=stamp.year + 10))
    return calendar.to_ical().decode("utf-8")


def _span(item: dict[str, Any]) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    day: dt.date = item["date"]
    if item["time"] is None:
        return day, day + dt.timedelta(days=1)
    zone = ZoneInfo(item["zone"]) if item["zone"] else None
    start = dt.datetime.combine(day, item["time"], tzinfo=zone)
    return start, start + dt.timedelta(minutes=item["minutes"])
