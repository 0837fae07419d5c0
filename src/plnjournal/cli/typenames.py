"""Help in a teacher's words: typer 0.29 names each option's value by its Python type (`--with
<list[str]>`, `--date <str>`); `install` has it name the kind of value instead, as click always
did (`--with TEXT`, `--limit INTEGER`). A list's help already says "repeat or separate with
commas", and choices are still listed (`<read|asked|...>`). Does nothing on a typer whose help
is made otherwise (typer is pinned below 0.30 in pyproject.toml)."""

from __future__ import annotations

from typing import Any

WORDS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "path": "PATH", "datetime": "DATE"}


def install() -> None:
    try:
        from typer import core
    except ImportError:
        return
    parameter = getattr(core, "_TyperParameter", None)
    typed = getattr(parameter, "display_type", None)
    if typed is None or getattr(typed, "plain", False):
        return

    def display_type(self: Any, ctx: Any) -> str:
        return plain(typed(self, ctx))

    display_type.plain = True  # type: ignore[attr-defined]
    parameter.display_type = display_type  # type: ignore[union-attr]


def plain(label: str) -> str:
    """`<list[str]>` -> TEXT, `<int range>` -> INTEGER; choices as they are (`<a|b>`, a list's too)."""
    inner = label.removeprefix("<").removesuffix(">")
    while inner.startswith("list[") and inner.endswith("]"):
        inner = inner.removeprefix("list[").removesuffix("]")
    inner = inner.removesuffix(" range")
    return WORDS.get(inner, f"<{inner}>" if "|" in inner else inner.upper())
