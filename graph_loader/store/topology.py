"""The in-memory part of the embedded store: nodes and typed adjacency, without evidence.

A chain query asks for "the posts of this body" or "the bodies this one reports to"; keeping the
adjacency grouped by relationship type answers that without scanning a node's other links (a
person may have attended hundreds of meetings).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any, Literal

EdgeKey = tuple[str, str, str]  # (source, type, target)
_NO_PROPS: dict[str, Any] = {}


class Topology:
    """Node labels, names and light properties, and relationships grouped by node and type."""

    def __init__(self) -> None:
        self._nodes: dict[str, tuple[str, str, dict[str, Any]]] = {}
        self._out: dict[str, dict[str, list[str]]] = {}
        self._in: dict[str, dict[str, list[str]]] = {}
        self._keys: set[EdgeKey] = set()
        self._props: dict[EdgeKey, dict[str, Any]] = {}
        self._by_name: dict[str, list[str]] = {}

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def __len__(self) -> int:
        return len(self._nodes)

    def ids(self) -> Iterator[str]:
        """Every node id."""
        return iter(self._nodes)

    def add_node(self, node_id: str, label: str, name: str, props: dict[str, Any] | None = None) -> None:
        """Add a node, or replace its label, name and properties."""
        old = self._nodes.get(node_id)
        if old is None or old[1] != name:
            if old is not None:
                self._by_name[old[1]].remove(node_id)
            self._by_name.setdefault(name, []).append(node_id)
        self._nodes[node_id] = (sys.intern(label), name, props or _NO_PROPS)

    def named(self, name: str) -> list[str]:
        """Ids of the nodes with exactly this name."""
        return self._by_name.get(name, [])

    def set_props(self, node_id: str, props: dict[str, Any]) -> None:
        """Replace a stored node's properties."""
        label, name, _ = self._nodes[node_id]
        self._nodes[node_id] = (label, name, props)

    def label(self, node_id: str) -> str:
        """The label of a stored node."""
        return self._nodes[node_id][0]

    def name(self, node_id: str) -> str:
        """The name of a stored node."""
        return self._nodes[node_id][1]

    def props(self, node_id: str) -> dict[str, Any]:
        """The in-memory properties of a stored node."""
        return self._nodes[node_id][2]

    def has_edge(self, key: EdgeKey) -> bool:
        """Whether the relationship ``(source, type, target)`` is stored."""
        return key in self._keys

    def edge_props(self, key: EdgeKey) -> dict[str, Any]:
        """Properties of a stored relationship (most have none)."""
        return self._props.get(key, _NO_PROPS)

    def add_edge(self, source: str, typ: str, target: str, props: dict[str, Any] | None = None) -> None:
        """Add a relationship once, or replace its properties."""
        key = (source, sys.intern(typ), target)
        if key not in self._keys:
            self._keys.add(key)
            self._out.setdefault(source, {}).setdefault(key[1], []).append(target)
            self._in.setdefault(target, {}).setdefault(key[1], []).append(source)
        if props:
            self._props[key] = props
        else:
            self._props.pop(key, None)

    def keys(
        self, ids: Iterable[str], direction: Literal["out", "in", "both"], types: set[str] | None
    ) -> set[EdgeKey]:
        """Relationships touching ``ids`` in that direction, of those types (all when None)."""
        found: set[EdgeKey] = set()
        for i in ids:
            if direction != "in":
                for typ, targets in self._out.get(i, {}).items():
                    if types is None or typ in types:
                        found.update((i, typ, t) for t in targets)
            if direction != "out":
                for typ, sources in self._in.get(i, {}).items():
                    if types is None or typ in types:
                        found.update((s, typ, i) for s in sources)
        return found
