"""What one run of `pln` works with: the journal the global options point at, whether the cache
is used, and which streams are terminals. Built once by the `pln` callback and handed down on
click's `ctx.obj`, frozen (httpie's Environment): no module state, no `os.environ` toggling."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plnjournal.frozen import frozen

if TYPE_CHECKING:
    from plnjournal.journal.settings import Journal


@frozen(slots=False)
class Context:
    """What every command is given: the --journal option, the cache switch, which streams are terminals."""

    journal_option: Path | None = None
    use_cache: bool = True
    stdin_terminal: bool = False
    stdout_terminal: bool = False
    stderr_terminal: bool = False

    @classmethod
    def detect(cls, journal_option: Path | None = None, *, use_cache: bool = True) -> Context:
        """The context of this process: the options given and the streams as they are now."""
        return cls(
            journal_option,
            use_cache,
            stdin_terminal=_isatty(sys.stdin),
            stdout_terminal=_isatty(sys.stdout),
            stderr_terminal=_isatty(sys.stderr),
        )

    def journal(self) -> Journal:
        from plnjournal.journal.settings import find_journal

        return find_journal(self.journal_option, use_cache=self.use_cache)


def _isatty(stream: Any) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


def current() -> Context:
    """The running command's Context (`ctx.obj`); outside a command (a test calling a function
    directly), one detected from this process."""
    from typer._click.globals import get_current_context

    context = get_current_context(silent=True)
    found = context.find_object(Context) if context is not None else None
    return found if found is not None else Context.detect()
