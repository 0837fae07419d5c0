"""Problems found in a journal: plain values that carry their `path:line`, never exceptions."""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal

from plnjournal.frozen import frozen

Level = Literal["error", "warning"]


@frozen(order=True)
class Problem:
    """Something wrong or doubtful in a file, at a line: what `pln check` reports."""

    path: str
    line: int
    level: Level
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def error(path: str, line: int | None, code: str, message: str) -> Problem:
    return Problem(path, line or 1, "error", code, message)


def warning(path: str, line: int | None, code: str, message: str) -> Problem:
    return Problem(path, line or 1, "warning", code, message)
