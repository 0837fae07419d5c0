"""The closed vocabularies of DESIGN §2-3, checked where a user types a value."""

from __future__ import annotations

import difflib
from typing import Any

from plnjournal.errors import UsageError
from plnjournal.model import (
    VOCABULARIES,
)


def check_vocabulary(kind: str, key: str, values: Any) -> None:
    """A UsageError naming the closest valid value when a value is outside DESIGN's vocabulary."""
    choices = VOCABULARIES.get((kind, key))
    if choices is None or values is None:
        return
    for value in (values,) if isinstance(values, str) else values:
        if value not in choices:
            raise UsageError(bad_choice_message(f"--{key}", value, choices))


def bad_choice_message(option: str, value: str, choices: tuple[str, ...]) -> str:
    message = f"{option}: {value!r} is not one of {', '.join(choices)}"
    close = difflib.get_close_matches(value, choices, n=1)
    return message + (f"; did you mean {close[0]!r}?" if close else "")
