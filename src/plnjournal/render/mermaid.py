"""A graph as a Mermaid flowchart (renders on GitHub and in Obsidian).

Labels are quoted and every character that is not a letter, a digit or a space is written as a
Mermaid entity code (`#35;`), so no name can close a label, start an edge (`-->`) or inject
markup (`<script>`).
"""

from __future__ import annotations

from plnjournal.reports.graph import Graph

SHAPES = {"person": ('("', '")'), "space": ('["', '"]'), "tool": ('{{"', '"}}')}
STYLES = {
    "person": "fill:#fde2e4,stroke:#c9184a",
    "space": "fill:#e2ecfd,stroke:#1d4ed8",
    "tool": "fill:#e4f8e1,stroke:#15803d",
}


def label(text: str) -> str:
    return "".join(char if char.isalnum() or char == " " else f"#{ord(char)};" for char in text)


def render(graph: Graph) -> str:
    lines = ["graph LR"]
    for node in graph.nodes:
        start, end = SHAPES[node.kind]
        lines.append(f"  {node.id}{start}{label(node.label)}{end}")
    lines += [
        f"  {edge.source} -.->|brought in| {edge.target}"
        if edge.kind == "brought-in"
        else f"  {edge.source} ---|{edge.weight}| {edge.target}"
        for edge in graph.edges
    ]
    for kind, style in STYLES.items():
        members = [node.id for node in graph.nodes if node.kind == kind]
        if members:
            lines.append(f"  classDef {kind} {style}")
            lines.append(f"  class {','.join(members)} {kind}")
    return "\n".join(lines) + "\n"
