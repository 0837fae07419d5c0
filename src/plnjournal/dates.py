"""Dates a user types: ISO dates at once, everyday words ("yesterday", "last friday", "3 days ago")
through dateparser, which is imported only when the text is not ISO."""

from __future__ import annotations

import datetime as dt
import os
import re

from plnjournal.errors import UsageError

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def today() -> dt.date:
    """Today, or `$PLN_TODAY` (an ISO date) so that tests and demos can pin the clock."""
    pinned = os.environ.get("PLN_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def parse_date(text: str, *, option: str = "--date", prefer: str = "past") -> dt.date:
    """An ISO date or everyday words, relative to today; a UsageError naming `option` otherwise.

    Words without a year ("March 14") mean the nearest such day in the past, or with
    `prefer="future"` (a session to come) the nearest one ahead."""
    text = text.strip()
    if _ISO.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise UsageError(f"{option}: {text!r} is not a real date") from None
    return _parse_words(text, option, prefer)


def _parse_words(text: str, option: str, prefer: str = "past") -> dt.date:
    import dateparser

    base = today()
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": prefer,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "RELATIVE_BASE": dt.datetime.combine(base, dt.time(12)),
        },
    )
    if parsed is None:
        raise UsageError(f"{option}: cannot read {text!r} as a date (try 2026-11-22 or 'yesterday')")
    return parsed.date()


def future_note(day: dt.date, today: dt.date) -> str | None:
    """'2062-11-23 is after today (2026-12-01): a typo?' for a date after today, else None.

    A date in the future is allowed (an event planned ahead) but is usually a slip of the keys,
    so `pln log` and `pln check` (code `future-date`) say so, in these words."""
    if day <= today:
        return None
    return f"{day.isoformat()} is after today ({today.isoformat()}): a typo?"
