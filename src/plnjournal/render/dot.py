"""A graph in Graphviz DOT (`pln graph --format dot | dot -Tsvg > pln.svg`).

Labels are double-quoted strings with backslashes and quotes escaped, so a name can neither end
the string nor use DOT's `\\N`-style escapes (graph.py has already put each label on one line).
"""

from __future__ import annotations

from plnjournal.reports.graph import Graph

SHAPES = {"person": "ellipse", "space": "box", "tool": "hexagon"}
COLOURS = {"person": "#fde2e4", "space": "#e2ecfd", "tool": "#e4f8e1"}


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(graph: Graph, *, for_page: bool = False) -> str:
    """The DOT text; `for_page` (an SVG on a page) lays it out left to right, people first, and
    shows an edge's weight by its thickness rather than a number on it."""
    lines = ["graph pln {", "  graph [overlap=false];", '  node [style=filled, fontname="Helvetica"];']
    if for_page:
        lines[1] = "  graph [overlap=false, rankdir=LR, nodesep=0.12, ranksep=1.6];"
    for node in graph.nodes:
        lines.append(
            f"  {node.id} [label={quoted(node.label)}, shape={SHAPES[node.kind]}, "
            f'fillcolor="{COLOURS[node.kind]}"];'
        )
    for edge in graph.edges:
        if edge.kind == "brought-in":
            shown = ', color="#52606d"' if for_page else ', label="brought in"'
            lines.append(f"  {edge.source} -- {edge.target} [style=dashed, dir=forward{shown}];")
        else:
            width = min(1 + edge.weight / 2, 5)
            shown = f', penwidth={width:g}, color="#52606d80"' if for_page else f', label="{edge.weight}"'
            lines.append(f"  {edge.source} -- {edge.target} [weight={edge.weight}{shown}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
