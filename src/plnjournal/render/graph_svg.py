"""The network graph as an inline SVG for a page: laid out by Graphviz's `dot` when it is installed,
else by a small layered layout of our own (people, then spaces, then tools, in three columns, each
column ordered by where its neighbours sit so that fewer lines cross). Both are deterministic.

Nothing from the journal reaches the SVG unescaped: our own layout escapes every label, and dot's
SVG is read as XML and written again keeping only drawing elements and their geometry attributes
(no script, no handler, no link but those we add), every text escaped again. A dot that fails, is
slow (over `DOT_SECONDS`) or writes what does not read as XML falls back to our own layout.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from xml.etree import ElementTree

from plnjournal.render.dot import COLOURS
from plnjournal.render.dot import render as dot_source
from plnjournal.render.html import esc
from plnjournal.reports.graph import NODE_KINDS, Edge, Graph, Node

Link = Callable[[str, str], str | None]  # (kind, record id) -> a relative address, or None
SVG_NS = "http://www.w3.org/2000/svg"
DOT_SECONDS = 20
DOT_MAX_NODES = 400  # past this, dot takes long; the columns stay quick
STROKES = {"person": "#c9184a", "space": "#1d4ed8", "tool": "#15803d"}
KEPT_ELEMENTS = frozenset({"svg", "g", "title", "ellipse", "polygon", "polyline", "path", "text", "rect"})
KEPT_ATTRIBUTES = frozenset(
    {
        "viewBox", "width", "height", "transform", "class", "x", "y", "cx", "cy", "rx", "ry", "points", "d",
        "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "fill-opacity",
        "font-family", "font-size", "font-weight", "font-style", "text-anchor",
    }
)  # fmt: skip
NODE_WIDTH, ROW, GAP, MARGIN, TOP = 170, 34, 130, 20, 40
LEFT = 70  # room for the arcs between two people, left of their column
LABEL_CHARS = 24
LEGEND = {"person": "people", "space": "spaces", "tool": "tools"}


def network_svg(graph: Graph, *, link: Link | None = None, engine: str = "auto") -> str:
    """The graph drawn: `engine` "dot", "columns" or "auto" (dot when on PATH, else columns);
    an empty string for a graph without nodes. `link` makes each node a link to its page."""
    if not graph.nodes:
        return ""
    if engine in ("auto", "dot") and len(graph.nodes) <= DOT_MAX_NODES:
        drawn = laid_out_by_dot(graph, link)
        if drawn is not None or engine == "dot":
            return drawn or ""
    return columns_svg(graph, link)


# --- Graphviz ---------------------------------------------------------------------------------


def laid_out_by_dot(graph: Graph, link: Link | None) -> str | None:
    """dot's SVG, made safe; None when dot is missing or fails."""
    binary = shutil.which("dot")
    if binary is None:
        return None
    try:
        done = subprocess.run(
            [binary, "-Tsvg"],
            input=dot_source(graph, for_page=True),
            capture_output=True,
            text=True,
            timeout=DOT_SECONDS,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0 or "<svg" not in done.stdout:
        return None
    try:
        root = ElementTree.fromstring(done.stdout[done.stdout.index("<svg") :])
    except ElementTree.ParseError:
        return None
    return _clean(root, _titles(graph), _node_links(graph, link), top=True)


def _titles(graph: Graph) -> dict[str, str]:
    """dot titles nodes `n1` and edges `n1--n2`: give them the names instead."""
    labels = {node.id: node.label for node in graph.nodes}
    titles = dict(labels)
    for edge in graph.edges:
        titles[f"{edge.source}--{edge.target}"] = _edge_title(labels[edge.source], labels[edge.target], edge)
    return titles


def _node_links(graph: Graph, link: Link | None) -> dict[str, str]:
    if link is None:
        return {}
    found = {node.id: link(node.kind, node.record_id) for node in graph.nodes}
    return {node_id: href for node_id, href in found.items() if href}


def _clean(
    element: ElementTree.Element, titles: dict[str, str], links: dict[str, str], top: bool = False
) -> str:
    """An element written again: kept elements and attributes only, text escaped; a node's group
    wrapped in a link when it has one."""
    name = element.tag.rpartition("}")[2]
    if name not in KEPT_ELEMENTS:
        return ""
    attributes = "".join(
        f' {key}="{esc(value)}"' for key, value in element.attrib.items() if key in KEPT_ATTRIBUTES
    )
    if top:
        attributes = f' xmlns="{SVG_NS}" role="img"' + attributes
    text = element.text or ""
    if name == "title":
        text = titles.get(text, text)
    inner = esc(text.strip() if name != "text" else text) + "".join(
        _clean(child, titles, links) + esc(child.tail or "").strip() for child in element
    )
    written = f"<{name}{attributes}>{inner}</{name}>"
    node_title = element.find(f"{{{SVG_NS}}}title")
    if name == "g" and element.get("class") == "node" and node_title is not None:
        href = links.get(node_title.text or "")
        if href:
            written = f'<a href="{esc(href)}">{written}</a>'
    return written


# --- our own layout: three columns ------------------------------------------------------------


def columns_svg(graph: Graph, link: Link | None = None) -> str:
    """People, spaces and tools in columns, each ordered to keep lines short; lines under boxes."""
    columns = order_columns(graph)
    place = positions(columns)
    rows = max(len(column) for column in columns)
    width = LEFT + MARGIN + len(columns) * NODE_WIDTH + (len(columns) - 1) * GAP
    height = TOP + rows * ROW + MARGIN
    nodes = {node.id: node for node in graph.nodes}
    labels = {node.id: node.label for node in graph.nodes}
    lines = [_edge_path(edge, place, labels) for edge in graph.edges]
    boxes = [_node_shape(nodes[node_id], place[node_id], link) for column in columns for node_id in column]
    body = _legend() + "".join(lines) + "".join(boxes)
    return (
        f'<svg xmlns="{SVG_NS}" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}"><title>Network graph</title>{body}</svg>'
    )


def order_columns(graph: Graph, sweeps: int = 4) -> list[list[str]]:
    """Node ids per column (kinds present, in NODE_KINDS order), first by name, then by the mean
    place of their neighbours in the other columns (the barycentre heuristic), ties kept."""
    columns = [
        [
            n.id
            for n in sorted(
                (n for n in graph.nodes if n.kind == kind), key=lambda n: (n.label.casefold(), n.id)
            )
        ]
        for kind in NODE_KINDS
    ]
    columns = [column for column in columns if column]
    neighbours: dict[str, list[str]] = {node.id: [] for node in graph.nodes}
    for edge in graph.edges:
        neighbours[edge.source].append(edge.target)
        neighbours[edge.target].append(edge.source)
    for sweep in range(sweeps):
        for index in _sweep_order(len(columns), sweep):
            where = {
                node_id: (row + 0.5) / len(column) for column in columns for row, node_id in enumerate(column)
            }
            mine = set(columns[index])
            columns[index] = sorted(
                columns[index],
                key=lambda node_id: (_barycentre(node_id, neighbours, where, mine), where[node_id]),
            )
    return columns


def _sweep_order(count: int, sweep: int) -> list[int]:
    middle_out = [*range(1, count), 0]
    return middle_out if sweep % 2 == 0 else list(reversed(middle_out))


def _barycentre(
    node_id: str, neighbours: dict[str, list[str]], where: dict[str, float], mine: set[str]
) -> float:
    others = [where[other] for other in neighbours[node_id] if other not in mine]
    return sum(others) / len(others) if others else where[node_id]


def positions(columns: list[list[str]]) -> dict[str, tuple[float, float]]:
    """The centre of each node; shorter columns centred against the longest."""
    rows = max(len(column) for column in columns)
    place = {}
    for c, column in enumerate(columns):
        x = LEFT + c * (NODE_WIDTH + GAP) + NODE_WIDTH / 2
        offset = (rows - len(column)) * ROW / 2
        for r, node_id in enumerate(column):
            place[node_id] = (x, TOP + offset + r * ROW + ROW / 2)
    return place


def _edge_title(source: str, target: str, edge: Edge) -> str:
    if edge.kind == "brought-in":
        return f"{source} brought in {target}"
    weight = edge.weight
    return f"{source} and {target}: {weight} {'entry' if weight == 1 else 'entries'} together"


def _edge_path(edge: Edge, place: dict[str, tuple[float, float]], labels: dict[str, str]) -> str:
    source, target = edge.source, edge.target
    (x1, y1), (x2, y2) = place[source], place[target]
    if x1 == x2:  # two people: an arc out to the left of their column
        bend = x1 - NODE_WIDTH / 2 - 20 - min(abs(y2 - y1) / 6, LEFT - 25)
        x1 = x2 = x1 - NODE_WIDTH / 2
        d = f"M{x1:.1f},{y1:.1f} C{bend:.1f},{y1:.1f} {bend:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    else:
        if x1 > x2:
            (x1, y1), (x2, y2) = (x2, y2), (x1, y1)
        x1, x2 = x1 + NODE_WIDTH / 2, x2 - NODE_WIDTH / 2
        middle = (x1 + x2) / 2
        d = f"M{x1:.1f},{y1:.1f} C{middle:.1f},{y1:.1f} {middle:.1f},{y2:.1f} {x2:.1f},{y2:.1f}"
    dashed = ' stroke-dasharray="5 4"' if edge.kind == "brought-in" else ""
    stroke = 1 + min(edge.weight, 8) * 0.5
    title = _edge_title(labels[source], labels[target], edge)
    return (
        f'<path d="{d}" fill="none" stroke="#52606d" stroke-opacity="0.45" stroke-width="{stroke:g}"{dashed}>'
        f"<title>{esc(title)}</title></path>"
    )


def _node_shape(node: Node, centre: tuple[float, float], link: Link | None) -> str:
    x, y = centre
    half_w, half_h = NODE_WIDTH / 2, ROW / 2 - 4
    fill, stroke = COLOURS[node.kind], STROKES[node.kind]
    if node.kind == "person":
        shape = f'<ellipse cx="{x:g}" cy="{y:g}" rx="{half_w:g}" ry="{half_h:g}"'
    elif node.kind == "space":
        shape = (
            f'<rect x="{x - half_w:g}" y="{y - half_h:g}" width="{NODE_WIDTH}" height="{2 * half_h:g}" rx="3"'
        )
    else:
        left, right = x - half_w, x + half_w
        points = [(left, y), (left + 10, y - half_h), (right - 10, y - half_h), (right, y),
                  (right - 10, y + half_h), (left + 10, y + half_h)]  # fmt: skip
        shape = '<polygon points="' + " ".join(f"{px:g},{py:g}" for px, py in points) + '"'
    shown = node.label if len(node.label) <= LABEL_CHARS else node.label[: LABEL_CHARS - 1] + "…"
    drawn = (
        f'<g class="node"><title>{esc(node.label)} ({esc(node.kind)})</title>'
        f'{shape} fill="{fill}" stroke="{stroke}"/>'
        f'<text x="{x:g}" y="{y + 4:g}" text-anchor="middle">{esc(shown)}</text></g>'
    )
    href = link(node.kind, node.record_id) if link else None
    return f'<a href="{esc(href)}">{drawn}</a>' if href else drawn


def _legend() -> str:
    items = []
    for i, kind in enumerate(NODE_KINDS):
        x = MARGIN + i * 90
        items.append(
            f'<rect x="{x}" y="8" width="14" height="14" rx="3" '
            f'fill="{COLOURS[kind]}" stroke="{STROKES[kind]}"/>'
            f'<text x="{x + 20}" y="20">{LEGEND[kind]}</text>'
        )
    x = MARGIN + len(NODE_KINDS) * 90
    items.append(
        f'<path d="M{x},15 h28" stroke="#52606d" stroke-dasharray="5 4" fill="none"/>'
        f'<text x="{x + 34}" y="20">brought in</text>'
    )
    return "".join(items)
