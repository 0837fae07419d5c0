"""The top-level net: a bug shows one line and a hint, never a traceback (unless PLN_DEBUG)."""

from __future__ import annotations

import pytest

from tests.helpers import Run


def explode(*args: object, **kwargs: object) -> None:
    raise RuntimeError("kaboom")


def test_an_unexpected_error_is_one_line_and_a_hint(pln: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("plnjournal.ops.create.log_entry", explode)
    result = pln("log", "Anything")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "pln: error: internal error: RuntimeError: kaboom",
        "pln: this is a bug in pln; please report it (PLN_DEBUG=1 shows the traceback)",
    ]


def test_pln_debug_shows_the_traceback(pln: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("plnjournal.ops.create.log_entry", explode)
    monkeypatch.setenv("PLN_DEBUG", "1")
    with pytest.raises(RuntimeError, match="kaboom"):
        pln("log", "Anything")


def test_unknown_command_is_a_usage_error(pln: Run) -> None:
    result = pln("lgo")
    assert result.exit_code == 2
    assert result.stderr.startswith("pln: error: No such command 'lgo'")
