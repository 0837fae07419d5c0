"""The network as a graph: people, spaces and tools as nodes, linked when they share entries.

Edges are weighted by the number of entries in range they share: a person and the space of an
entry, a person and a tool, a space and a tool, and, when asked (`pairs`), two people in one
entry. Only records that take part in an entry in range become nodes; a reference that names no
record is left out (`pln check` reports it). Node ids are generated (n1, n2...) so no id or name
reaches the graph syntax unescaped; renderers escape the labels (render/mermaid.py, render/dot.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from plnjournal.model import Entry
from plnjournal.reports import Scope
from plnjournal.text import one_line

NODE_KINDS: tuple[str, ...] = ("person", "space", "tool")


@dataclass(frozen=True, slots=True)
class Node:
    id: str  # generated: n1, n2...
    kind: str
    record_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    weight: int


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def build_graph(scope: Scope, *, pairs: bool = False) -> Graph:
    """Nodes in kind order (people, spaces, tools), each by id; edges heaviest first."""
    weights: Counter[tuple[tuple[str, str], tuple[str, str]]] = Counter()
    for entry in scope.entries:
        for link in entry_links(scope, entry, pairs):
            weights[link] += 1
    present = sorted(
        {end for link in weights for end in link}, key=lambda end: (NODE_KINDS.index(end[0]), end[1])
    )
    node_of = {end: f"n{number}" for number, end in enumerate(present, start=1)}
    nodes = tuple(
        Node(node_of[(kind, rid)], kind, rid, one_line(scope.index.by_id[kind][rid].name))  # type: ignore[attr-defined]
        for kind, rid in present
    )
    edges = [Edge(node_of[a], node_of[b], weight) for (a, b), weight in weights.items()]
    edges.sort(key=lambda edge: (-edge.weight, int(edge.source[1:]), int(edge.target[1:])))
    return Graph(nodes, tuple(edges))


def entry_links(scope: Scope, entry: Entry, pairs: bool) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """The pairs of (kind, id) one entry links, each pair in node order."""
    people = known(scope, "person", entry.people)
    spaces = known(scope, "space", (entry.space,) if entry.space else ())
    tools = known(scope, "tool", entry.tools)
    links = {(p, s) for p in people for s in spaces}
    links |= {(p, t) for p in people for t in tools}
    links |= {(s, t) for s in spaces for t in tools}
    if pairs:
        links |= set(combinations(people, 2))
    return links


def known(scope: Scope, kind: str, refs: tuple[str, ...]) -> list[tuple[str, str]]:
    ids = {scope.index.resolve(kind, ref) for ref in refs} - {None}
    return [(kind, rid) for rid in sorted(ids)]  # type: ignore[type-var]
