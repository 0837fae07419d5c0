"""Driving the installed `pln` through a real pseudo-terminal, the way a person at a keyboard does."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

PLN = str(Path(sys.executable).with_name("pln"))  # the installed `pln` of this venv


def spawn(journal: Path, *args: str, **env: str) -> pexpect.spawn:
    variables = {**os.environ, "PLN_TODAY": "2026-11-23", "TERM": "dumb", "NO_COLOR": "1", **env}
    return pexpect.spawn(PLN, ["--journal", str(journal), *args], env=variables, encoding="utf-8", timeout=20)


def converse(child: pexpect.spawn, *steps: tuple[str, str | None]) -> int:
    """For each (text pln shows, answer typed; None types nothing): wait, then answer.
    Then wait for pln to end; its exit status."""
    for shown, answer in steps:
        child.expect_exact(shown)
        if answer is not None:
            child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus
