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


def render(graph: Graph) -> str:
    lines = ["graph pln {", "  graph [overlap=false];", '  node [style=filled, fontname="Helvetica"];']
    for node in graph.nodes:
        lines.append(
            f"  {node.id} [label={quoted(node.label)}, shape={SHAPES[node.kind]}, "
            f'fillcolor="{COLOURS[node.kind]}"];'
        )
    for edge in graph.edges:
        if edge.kind == "brought-in":
            lines.append(f'  {edge.source} -- {edge.target} [style=dashed, dir=forward, label="brought in"];')
        else:
            lines.append(f'  {edge.source} -- {edge.target} [weight={edge.weight}, label="{edge.weight}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
