"""Table cells (text.clean_cell): whatever a file holds, a cell shows it on one line with every
control, format and bidirectional character made visible, and plain text exactly as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from plnjournal.text import clean, clean_cell

_LINE_BREAKS = ("\r\n", "\r", "\n", "\t")


def one_line(text: str) -> str:
    """What a cell always showed: made safe, each line break or tab a space."""
    safe = clean(text)
    for mark in _LINE_BREAKS:
        safe = safe.replace(mark, " ")
    return safe


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_a_cell_shows_any_text_safe_on_one_line(text: str) -> None:
    assert clean_cell(text) == one_line(text)


def test_a_cell_keeps_plain_text_and_shows_what_could_move_the_screen() -> None:
    assert clean_cell("Try retakes with 3rd period — café") == "Try retakes with 3rd period — café"
    assert clean_cell("two\nlines\tand a tab") == "two lines and a tab"
    assert clean_cell("evil\x1b[2Jname\u202e") == "evil\\x1b[2Jname\\u202e"
    assert clean_cell(["a\nb", None, 3]) == "a b, , 3"
