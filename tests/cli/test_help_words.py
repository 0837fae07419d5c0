"""Help names each option's value in words (`--with TEXT`), never by Python's types (`<list[str]>`)."""

from __future__ import annotations

import re

import pytest

from plnjournal.cli.typenames import plain
from tests.helpers import invoke

PYTHON_TYPES = re.compile(r"<(str|int|float|path|list\[[^\]]*\])>")


@pytest.mark.parametrize(
    "args", [("log",), ("search",), ("report",), ("list",), ("portfolio",), ("add", "person"), ()]
)
def test_help_names_values_in_words(args: tuple[str, ...]) -> None:
    result = invoke(*args, "--help")
    assert result.exit_code == 0, result.stderr
    assert PYTHON_TYPES.findall(result.stdout) == []
    assert " TEXT " in result.stdout or " PATH " in result.stdout  # named in words


def test_each_python_type_has_its_word_and_choices_stay_listed() -> None:
    assert [plain(label) for label in ("<str>", "<list[str]>", "<int>", "<int range>", "<path>")] == [
        "TEXT",
        "TEXT",
        "INTEGER",
        "INTEGER",
        "PATH",
    ]
    assert plain("<table|json>") == "<table|json>"
    assert plain("<list[read|asked]>") == "<read|asked>"
