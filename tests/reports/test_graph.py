"""`pln graph`: nodes, weighted edges, and names that try to break Mermaid and DOT."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import Run
from tests.helpers.network_journal import entry, person, space, tool

HOSTILE = 'Evil "quote" [br] (pa) {cu} \\back\\ <script>alert(1)</script> --> ; } #x; |pipe| `tick`'
NEWLINE_NAME = "Two\nLines\tand\x07bell"


def small_journal(root: Path) -> None:
    person(root, "ana", "Ana")
    person(root, "ben", "Ben")
    space(root, "chat", "The Chat")
    tool(root, "slides", "Slides")
    entry(root, "2026-01-05", "one", space="chat", people=["ana", "ben"], tools=["slides"])
    entry(root, "2026-01-12", "two", space="chat", people=["ana"])
    entry(root, "2026-02-02", "three", people=["ben", "nobody-known"], tools=["slides"])


def test_mermaid_nodes_and_weighted_edges(pln: Run, journal: Path) -> None:
    small_journal(journal)
    result = pln("graph")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "graph LR",
        '  n1("Ana")',
        '  n2("Ben")',
        '  n3["The Chat"]',
        '  n4{{"Slides"}}',
        "  n1 ---|2| n3",  # Ana at The Chat twice
        "  n2 ---|2| n4",  # Ben with Slides twice
        "  n1 ---|1| n4",
        "  n2 ---|1| n3",
        "  n3 ---|1| n4",
        "  classDef person fill:#fde2e4,stroke:#c9184a",
        "  class n1,n2 person",
        "  classDef space fill:#e2ecfd,stroke:#1d4ed8",
        "  class n3 space",
        "  classDef tool fill:#e4f8e1,stroke:#15803d",
        "  class n4 tool",
    ]


def test_pairs_and_date_range(pln: Run, journal: Path) -> None:
    small_journal(journal)
    lines = pln("graph", "--pairs", "--to", "2026-01-31").stdout.splitlines()
    assert "  n1 ---|1| n2" in lines  # Ana and Ben shared one entry
    assert "  n2 ---|1| n4" in lines  # Ben with Slides only once before February
    assert "  n1 ---|1| n2" not in pln("graph", "--to", "2026-01-31").stdout.splitlines()
    assert pln("graph", "--from", "2027-01-01").stdout == "graph LR\n"


MERMAID_LINE = re.compile(
    r"graph LR"
    r'|  n\d+(\("[^"]*"\)|\["[^"]*"\]|\{\{"[^"]*"\}\})'
    r"|  n\d+ ---\|\d+\| n\d+"
    r"|  classDef (person|space|tool) [a-z:#0-9,]+"
    r"|  class n\d+(,n\d+)* (person|space|tool)"
)


def hostile_journal(root: Path) -> None:
    person(root, "evil", HOSTILE)
    person(root, "lines", NEWLINE_NAME)
    space(root, "s", 'x"]; n1 --> n2; click n1 "javascript:alert(1)"')
    tool(root, "t", '}} n9{{"')
    entry(root, "2026-01-05", "one", space="s", people=["evil", "lines"], tools=["t"])


def test_hostile_names_in_mermaid(pln: Run, journal: Path) -> None:
    hostile_journal(journal)
    text = pln("graph", "--pairs").stdout
    for line in text.splitlines():
        assert MERMAID_LINE.fullmatch(line), line
    labels = re.findall(r'"([^"]*)"', text)
    assert all(re.fullmatch(r"[\w #;]*", label) for label in labels)
    decoded = [html.unescape(re.sub(r"#(\d+);", r"&#\1;", label)) for label in labels]
    assert decoded == [
        HOSTILE,
        "Two Lines and bell",
        'x"]; n1 --> n2; click n1 "javascript:alert(1)"',
        '}} n9{{"',
    ]


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_hostile_names_in_dot_parse_and_render_as_written(pln: Run, journal: Path) -> None:
    hostile_journal(journal)
    source = pln("graph", "--format", "dot", "--pairs").stdout
    laid_out = subprocess.run(["dot", "-Tjson"], input=source, capture_output=True, text=True, check=True)
    graph = json.loads(laid_out.stdout)
    texts = [op["text"] for node in graph["objects"] for op in node["_ldraw_"] if op["op"] == "T"]
    assert texts == [
        HOSTILE,
        "Two Lines and bell",
        'x"]; n1 --> n2; click n1 "javascript:alert(1)"',
        '}} n9{{"',
    ]
    assert len(graph["edges"]) == 6  # 2 people x (space + tool) + space-tool + the pair


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")
def test_example_journal_dot_parses(example_journal: Path) -> None:
    from tests.helpers import invoke

    source = invoke("--journal", str(example_journal), "graph", "-f", "dot").stdout
    checked = subprocess.run(["dot", "-Tcanon"], input=source, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert source.count(" -- ") > 20


def test_bad_format_is_a_usage_error(pln: Run) -> None:
    result = pln("graph", "--format", "svg")
    assert result.exit_code == 2
    assert "'svg' is not one of" in result.stderr
