"""Issue 20, item 3: a page for every report (engagement, impact, network with its graph, status),
self-contained and escaped, private entries left out; the graph laid out by dot or by columns."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from plnjournal.render.graph_svg import _clean, columns_svg, network_svg, order_columns
from plnjournal.reports.graph import Edge, Graph, Node
from tests.helpers import Run, invoke
from tests.helpers.pages import HOSTILE, assert_nothing_ran, assert_self_contained_and_escaped

PAGES = {
    "engagement": ("How I take part in my learning network", "Entries by engagement level"),
    "impact": ("From learning to practice to students", "Entries at each stage"),
    "network": ("Network: all entries", "Who and where you learn with"),
}


@pytest.fixture
def hostile_network(pln: Run, journal: Path) -> Run:
    """A space, a person and a tool named with markup, an entry linking them, and a private one."""
    for args in (
        ("add", "space", HOSTILE, "--kind", "chat"),
        ("add", "person", f"Jane {HOSTILE}"),
        ("add", "tool", f"Tool {HOSTILE}"),
    ):
        assert pln(*args, "--no-commit").exit_code == 0
    ids = {kind: next((journal / folder).glob("*.md")).stem for kind, folder in FOLDERS.items()}
    shared = ("log", HOSTILE, "--date", "2025-09-08", "--space", ids["space"], "--with", ids["person"],
              "--tool", ids["tool"], "--minutes", "60", "--engagement", "contributed",
              "--next", HOSTILE, "-m", "")  # fmt: skip
    secret = ("log", "Private vent", "--date", "2025-09-09", "--private", "--space", ids["space"],
              "--next", "Ask for a transfer", "--minutes", "30", "-m", "")  # fmt: skip
    for args in (shared, secret):
        result = pln(*args, "--no-commit")
        assert result.exit_code == 0, result.stderr
    return pln


FOLDERS = {"space": "spaces", "person": "people", "tool": "tools"}


@pytest.mark.parametrize("name", list(PAGES))
def test_every_report_is_a_page(hostile_network: Run, name: str) -> None:
    result = hostile_network("report", f"--{name}", "--format", "html")
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert_self_contained_and_escaped(page)
    title, chart = PAGES[name]
    assert f"<title>{title}</title>" in page
    assert chart in page and "<svg" in page
    assert "Private vent" not in page and "Ask for a transfer" not in page
    assert "left out 1 private entry" in result.stderr


def test_the_network_page_draws_the_graph(hostile_network: Run) -> None:
    page = hostile_network("report", "--network", "--format", "html").stdout
    figure = page[page.index("<h2>The network</h2>") :]
    figure = figure[: figure.index("</figure>")]
    for name in (f"Jane {HOSTILE}", HOSTILE, f"Tool {HOSTILE}"):
        shown = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        assert shown.replace("'", "&#x27;") in figure or shown in figure  # dot writes ' as it is
    assert figure.count('class="node"') == 3


def test_the_status_page(hostile_network: Run) -> None:
    today = {"PLN_TODAY": "2025-09-10"}
    result = hostile_network("status", "--format", "html", env=today)
    assert result.exit_code == 0, result.stderr
    assert_self_contained_and_escaped(result.stdout)
    assert "<title>Where my learning network stands</title>" in result.stdout
    assert "2025-09-08 (2 days ago)" in result.stdout  # the private entry of the 9th left out
    assert "Private vent" not in result.stdout
    assert "left out 1 private entry" in result.stderr
    everything = hostile_network("status", "--format", "html", "--include-private", env=today)
    assert "2025-09-09 (yesterday), Private vent" in everything.stdout


def test_report_pages_in_a_browser(browser, hostile_network: Run, tmp_path: Path) -> None:
    for name in PAGES:
        page = tmp_path / f"{name}.html"
        page.write_text(hostile_network("report", f"--{name}", "-f", "html").stdout, encoding="utf-8")
        dom = browser(page, "--dump-dom")
        assert_nothing_ran(dom)
        assert dom.count("<svg") >= 1


def test_examples_network_page_screenshot(browser, example_journal: Path, tmp_path: Path) -> None:
    out = invoke("--journal", str(example_journal), "report", "--network", "-f", "html")
    assert out.exit_code == 0, out.stderr
    page = tmp_path / "network.html"
    page.write_text(out.stdout, encoding="utf-8")
    dot = invoke("--journal", str(example_journal), "graph", "--format", "dot", "--introductions").stdout
    assert page.read_text().count('class="node"') == dot.count("[label=")  # every node of `pln graph`
    shot = tmp_path / "network.png"
    browser(page, f"--screenshot={shot}", "--window-size=1200,1400", "--hide-scrollbars")
    assert shot.stat().st_size > 20_000


def small_graph(label: str = "Ann") -> Graph:
    nodes = (
        Node("n1", "person", "ann", label),
        Node("n2", "person", "bo", "Bo"),
        Node("n3", "space", "a", "Alpha"),
        Node("n4", "space", "b", "Beta"),
        Node("n5", "tool", "t", "Tool"),
    )
    edges = (Edge("n1", "n4", 3), Edge("n2", "n3", 1), Edge("n4", "n5", 1), Edge("n3", "n1", 1, "brought-in"))
    return Graph(nodes, edges)


def test_the_columns_put_people_beside_their_spaces() -> None:
    """Ann (with Beta) and Bo (with Alpha): by name, Ann, Bo facing Alpha, Beta cross; ordered by
    their neighbours, each person sits level with their space."""
    people, spaces, tools = order_columns(small_graph())
    assert people.index("n1") == spaces.index("n4") and people.index("n2") == spaces.index("n3")
    assert tools == ["n5"]
    assert columns_svg(small_graph()) == columns_svg(small_graph())  # the same graph, the same bytes


def test_the_columns_escape_every_label_and_link_nodes() -> None:
    drawn = columns_svg(small_graph(HOSTILE), link=lambda kind, rid: f"../{kind}/{rid}.html")
    assert "<script" not in drawn and "<img" not in drawn
    assert "&lt;script&gt;" in drawn
    assert drawn.count("<a href=") == 5 and '<a href="../person/ann.html">' in drawn
    assert 'stroke-dasharray="5 4"' in drawn  # brought in: dashed


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_dot_lays_it_out_and_its_svg_is_written_again_safely() -> None:
    drawn = network_svg(small_graph(HOSTILE), engine="dot", link=lambda kind, rid: f"{kind}s/{rid}.html")
    assert drawn.startswith('<svg xmlns="http://www.w3.org/2000/svg" role="img"')
    assert "<script" not in drawn and "<img" not in drawn and "&lt;script&gt;" in drawn
    assert drawn.count('class="node"') == 5 and drawn.count("<a href=") == 5
    assert "<title>n1</title>" not in drawn  # dot's node ids give way to the names


def test_what_dot_might_write_is_cleaned() -> None:
    from xml.etree import ElementTree

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="x()">'
        '<script>alert(1)</script><g class="node" onclick="y()"><title>n1</title>'
        '<a xlink:href="javascript:alert(1)"><text x="1">hi &lt;b&gt;</text></a>'
        '<foreignObject><div>html</div></foreignObject><image href="http://example.org/x.png"/></g></svg>'
    )
    written = _clean(ElementTree.fromstring(svg), {"n1": "Ann <i>"}, {}, top=True)
    assert re.findall(r"<(\w+)", written) == ["svg", "g", "title"]  # the link's text goes with it
    assert "onload" not in written and "onclick" not in written and "javascript" not in written
    assert "<title>Ann &lt;i&gt;</title>" in written


def test_no_graph_without_nodes() -> None:
    assert network_svg(Graph((), ())) == ""
