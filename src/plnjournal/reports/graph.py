"""The network as a graph: people, spaces and tools as nodes, linked when they share entries.

Edges are weighted by the number of entries in range they share: a person and the space of an
entry, a person and a tool, a space and a tool, and, when asked (`pairs`), two people in one
entry. Only records that take part in an entry in range become nodes; a reference that names no
record is left out (`pln check` reports it). Node ids are generated (n1, n2...) so no id or name
reaches the graph syntax unescaped; renderers escape the labels (render/mermaid.py, render/dot.py).

With `introductions`, the graph also draws who widened the network: an arrow from the space a
person was met via (`met_via`, else `met_at`) and from the person who introduced them
(`introduced_by`) to that person — edges of kind "brought-in", drawn dashed, whatever the range.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from plnjournal.frozen import frozen
from plnjournal.model import Entry
from plnjournal.reports import Scope
from plnjournal.text import one_line

NODE_KINDS: tuple[str, ...] = ("person", "space", "tool")


@frozen
class Node:
    """A record in the network graph."""

    id: str  # generated: n1, n2...
    kind: str
    record_id: str
    label: str


@frozen
class Edge:
    """A tie between two nodes, weighed by the entries behind it."""

    source: str
    target: str
    weight: int
    kind: str = "shared"  # "shared": entries in common; "brought-in": source brought target in


@frozen
class Graph:
    """The network as nodes and edges."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def build_graph(scope: Scope, *, pairs: bool = False, introductions: bool = False) -> Graph:
    """Nodes in kind order (people, spaces, tools), each by id; edges heaviest first."""
    weights: Counter[tuple[tuple[str, str], tuple[str, str]]] = Counter()
    for entry in scope.entries:
        for link in entry_links(scope, entry, pairs):
            weights[link] += 1
    brought = brought_in_links(scope) if introductions else []
    present = sorted(
        {end for link in [*weights, *brought] for end in link},
        key=lambda end: (NODE_KINDS.index(end[0]), end[1]),
    )
    node_of = {end: f"n{number}" for number, end in enumerate(present, start=1)}
    nodes = tuple(
        Node(node_of[(kind, rid)], kind, rid, one_line(scope.index.by_id[kind][rid].name))  # type: ignore[attr-defined]
        for kind, rid in present
    )
    edges = [Edge(node_of[a], node_of[b], weight) for (a, b), weight in weights.items()]
    edges.sort(key=lambda edge: (-edge.weight, int(edge.source[1:]), int(edge.target[1:])))
    edges += [Edge(node_of[a], node_of[b], 1, "brought-in") for a, b in brought]
    return Graph(nodes, tuple(edges))


def brought_in_links(scope: Scope) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(space or person that brought someone in, that person), for known records only."""
    links = []
    for person in sorted(scope.loaded.of("person"), key=lambda p: p.id):
        via = person.met_via or person.met_at  # type: ignore[attr-defined]
        for kind, ref in (("space", via), ("person", person.introduced_by)):  # type: ignore[attr-defined]
            source = scope.index.resolve(kind, ref) if ref else None
            if source is not None and source != person.id:
                links.append(((kind, source), ("person", person.id)))
    return links


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


def as_data(graph: Graph) -> dict[str, list[dict[str, object]]]:
    """The graph as JSON data: {"nodes": [{id, kind, record_id, label}], "edges": [{source,
    target, weight, kind}]}, in the graph's own order (the network report carries it)."""
    return {
        "nodes": [
            {"id": n.id, "kind": n.kind, "record_id": n.record_id, "label": n.label} for n in graph.nodes
        ],
        "edges": [
            {"source": e.source, "target": e.target, "weight": e.weight, "kind": e.kind} for e in graph.edges
        ],
    }


def from_data(data: dict[str, list[dict[str, object]]]) -> Graph:
    """`as_data` read back (a page draws the graph from the report's JSON data)."""
    nodes = tuple(Node(**node) for node in data.get("nodes", []))  # type: ignore[arg-type]
    return Graph(nodes, tuple(Edge(**edge) for edge in data.get("edges", [])))  # type: ignore[arg-type]
