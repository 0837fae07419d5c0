"""The errors pln raises on purpose; anything else reaching the top is a bug to report."""

from __future__ import annotations


class PlnError(Exception):
    """A problem with the journal or the request, shown to the user as one line (exit 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(PlnError):
    """A bad argument or option value (exit 2)."""


class FormatError(PlnError):
    """A file that cannot be read as a record; `line` is 1-based when it is known."""

    def __init__(self, message: str, *, line: int | None = None, code: str = "bad-file") -> None:
        super().__init__(message)
        self.line = line
        self.code = code
