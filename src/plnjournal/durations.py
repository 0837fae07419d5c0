"""Durations the way teachers write them -> whole minutes: the one reader for files, options and imports.

`90`, `90 min`, `20 mins`, `1h30`, `1 h 30 min`, `1 hour 30 minutes`, `1.5 hours`, `1,5 h`, `1:30`,
`2h`, `1 hour`. A bare number is in the unit of the place it is written: minutes for `minutes:` and
`--minutes`, hours for `--hours` and a CSV `hours` column. A bare number of minutes must be whole
(`minutes: 1.5` is more likely 1.5 hours than 90 seconds, so pln asks rather than guesses).
"""

from __future__ import annotations

import math
import re
from typing import Literal

Unit = Literal["minutes", "hours"]

FORMATS: dict[str, str] = {
    "minutes": "90, 90 min, 1h30, 1.5 hours or 1:30",
    "hours": "1.5, 1h30, 90 min or 1:30",
}
_NUMBER = r"\d+(?:[.,]\d+)?|[.,]\d+"
_HOURS_WORD = r"h|hr|hrs|hour|hours"
_MINUTES_WORD = r"m|min|mins|minute|minutes"
_CLOCK = re.compile(r"(\d+):([0-5]\d)")
_WORDS = re.compile(
    rf"(?:(?P<hours>{_NUMBER})\s*(?:{_HOURS_WORD})\.?)?"
    rf"\s*(?:(?P<minutes>{_NUMBER})\s*(?:(?:{_MINUTES_WORD})\.?)?)?"
)


class DurationError(ValueError):
    """A value that is not a duration; the message says what to write instead."""


def parse_duration(value: object, unit: Unit = "minutes") -> int:
    """Whole minutes from a number or a text; raises DurationError naming the formats pln reads."""
    if isinstance(value, bool) or value is None:
        raise DurationError(_not_a_duration(value, unit))
    if isinstance(value, (int, float)):
        return _from_number(float(value), unit, value)
    text = str(value).strip().lower()
    if text.startswith("-"):
        raise DurationError(f"a duration cannot be negative ({value!r})")
    if _is_number(text):
        return _from_number(_number(text), unit, value)
    return _from_text(text, value, unit)


def _from_text(text: str, original: object, unit: Unit) -> int:
    clock = _CLOCK.fullmatch(text)
    if clock:
        return int(clock[1]) * 60 + int(clock[2])
    words = _WORDS.fullmatch(text)
    if not text or words is None or not (words["hours"] or words["minutes"]):
        raise DurationError(_not_a_duration(original, unit))
    hours = _number(words["hours"]) if words["hours"] else 0.0
    minutes = _number(words["minutes"]) if words["minutes"] else 0.0
    return round(hours * 60 + minutes)


def _from_number(amount: float, unit: Unit, original: object) -> int:
    if math.isnan(amount) or math.isinf(amount):
        raise DurationError(_not_a_duration(original, unit))
    if amount < 0:
        raise DurationError(f"a duration cannot be negative ({original!r})")
    if unit == "hours":
        return round(amount * 60)
    if amount != int(amount):
        hint = f"for hours, write '{original} hours'"
        raise DurationError(f"{original!r} is not a whole number of minutes ({hint})")
    return int(amount)


def _is_number(text: str) -> bool:
    return re.fullmatch(_NUMBER, text) is not None


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _not_a_duration(value: object, unit: Unit) -> str:
    return f"{value!r} is not a duration (write {FORMATS[unit]})"
