"""One escaping rule for Markdown: whatever a file holds, a cell stays in its table and turns into
no link, emphasis or HTML where the report is pasted."""

from __future__ import annotations

from plnjournal.render import markdown as md

HOSTILE = "Pipe | [x](y) *bold* _it_ `code` \\ <script>alert(1)</script>\nsecond line"


def test_plain_escapes_markup_and_html_on_one_line() -> None:
    assert md.plain(HOSTILE) == (
        "Pipe \\| \\[x\\](y) \\*bold\\* \\_it\\_ \\`code\\` \\\\ &lt;script>alert(1)&lt;/script> second line"
    )


def test_a_table_escapes_headers_and_cells_by_the_same_rule() -> None:
    text = md.table(["a|b", "n"], [[HOSTILE, 3], [None, 4.5]], numeric=[False, True])
    lines = text.splitlines()
    assert lines[0] == "| a\\|b | n |"
    assert lines[1] == "| --- | --: |"
    assert lines[2] == f"| {md.plain(HOSTILE)} | 3 |"
    assert lines[3] == "|  | 4.5 |"
    assert all(line.count("|") - line.count("\\|") == 3 for line in lines)  # three real pipes a row


def test_a_code_span_shows_a_path_as_it_is() -> None:
    assert md.code("evidence/my_notes `v2`.pdf") == "`evidence/my_notes 'v2'.pdf`"
