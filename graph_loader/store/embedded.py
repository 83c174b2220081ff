"""The embedded store: SQLite on disk for durability, networkx in memory for queries.

Choose it when the corpus fits in memory (hundreds of thousands of articles on a laptop) and no
server is wanted; it is the default. Each batch is written in one SQLite transaction (WAL journal),
so a crash or kill mid-load leaves the previous batches intact and the interrupted one absent; a
re-run skips stored documents and completes the load.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import networkx as nx

from graph_loader.errors import StoreError
from graph_loader.graph import Edge, GraphBatch, Label, Node, Rel, merge_evidence, merge_props
from graph_loader.models import DocumentFacts, Evidence
from graph_loader.store.base import Direction, WriteSummary

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (doc_id TEXT PRIMARY KEY, name TEXT NOT NULL, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (
  id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (
  source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL, props TEXT NOT NULL, evidence TEXT NOT NULL,
  PRIMARY KEY (source, type, target));
CREATE INDEX IF NOT EXISTS edges_target ON edges (target);
"""
_CHUNK = 500


def _ev_dump(evidence: list[Evidence]) -> str:
    return json.dumps([e.model_dump() for e in evidence], ensure_ascii=False)


def _ev_load(text: str) -> list[Evidence]:
    return [Evidence.model_validate(e) for e in json.loads(text)]


class EmbeddedStore:
    """Graph store in one SQLite file, mirrored in a networkx ``MultiDiGraph`` for reads.

    Parameters
    ----------
    path
        The SQLite file (created with its folder when missing); ``":memory:"`` for a throwaway store.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the embedded store at {self.path}: {exc}") from exc
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self._load_graph()

    # -- reading the file into memory ----------------------------------------------------------
    def _load_graph(self) -> None:
        g = nx.MultiDiGraph()
        for nid, label, name, props, ev in self.conn.execute(
            "SELECT id, label, name, props, evidence FROM nodes"
        ):
            g.add_node(
                nid,
                node=Node(
                    id=nid, label=Label(label), name=name, props=json.loads(props), evidence=_ev_load(ev)
                ),
            )
        for source, typ, target, props, ev in self.conn.execute(
            "SELECT source, type, target, props, evidence FROM edges"
        ):
            g.add_edge(
                source,
                target,
                key=typ,
                edge=Edge(
                    source=source,
                    type=Rel(typ),
                    target=target,
                    props=json.loads(props),
                    evidence=_ev_load(ev),
                ),
            )
        self.graph = g

    # -- writes --------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content id is already stored."""
        row = self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None

    def write(self, batch: GraphBatch, facts: Sequence[DocumentFacts]) -> WriteSummary:
        """Write one batch in a single transaction, merging with stored nodes and edges."""
        summary = WriteSummary()
        merged_nodes: list[Node] = []
        merged_edges: list[Edge] = []
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for f in facts:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO documents (doc_id, name, facts) VALUES (?, ?, ?)",
                    (f.doc_id, f.doc, f.model_dump_json(by_alias=True)),
                )
                summary.documents += cur.rowcount
            old_nodes = self._stored_nodes([n.id for n in batch.nodes])
            for n in batch.nodes:
                old = old_nodes.get(n.id)
                if old is None:
                    summary.nodes[n.label.value] = summary.nodes.get(n.label.value, 0) + 1
                    new = n
                else:
                    new = Node(
                        id=n.id,
                        label=old.label,
                        name=old.name,
                        props=merge_props(old.props, n.props),
                        evidence=merge_evidence(old.evidence, n.evidence),
                    )
                    if new == old:
                        continue
                merged_nodes.append(new)
            self.conn.executemany(
                "INSERT OR REPLACE INTO nodes (id, label, name, props, evidence) VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        n.id,
                        n.label.value,
                        n.name,
                        json.dumps(n.props, ensure_ascii=False),
                        _ev_dump(n.evidence),
                    )
                    for n in merged_nodes
                ],
            )
            old_edges = self._stored_edges([e.key for e in batch.edges])
            for e in batch.edges:
                prev = old_edges.get(e.key)
                if prev is None:
                    summary.relationships[e.type.value] = summary.relationships.get(e.type.value, 0) + 1
                    new_e = e
                else:
                    new_e = Edge(
                        source=e.source,
                        type=e.type,
                        target=e.target,
                        props=merge_props(prev.props, e.props),
                        evidence=merge_evidence(prev.evidence, e.evidence),
                    )
                    if new_e == prev:
                        continue
                merged_edges.append(new_e)
            self.conn.executemany(
                "INSERT OR REPLACE INTO edges (source, type, target, props, evidence) VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        e.source,
                        e.type.value,
                        e.target,
                        json.dumps(e.props, ensure_ascii=False),
                        _ev_dump(e.evidence),
                    )
                    for e in merged_edges
                ],
            )
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"write to the embedded store failed: {exc}") from exc
            raise
        for n in merged_nodes:
            self.graph.add_node(n.id, node=n)
        for e in merged_edges:
            self.graph.add_edge(e.source, e.target, key=e.type.value, edge=e)
        return summary

    def _stored_nodes(self, ids: list[str]) -> dict[str, Node]:
        out: dict[str, Node] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for nid, label, name, props, ev in self.conn.execute(
                f"SELECT id, label, name, props, evidence FROM nodes WHERE id IN ({marks})", chunk
            ):
                out[nid] = Node(
                    id=nid, label=Label(label), name=name, props=json.loads(props), evidence=_ev_load(ev)
                )
        return out

    def _stored_edges(self, keys: list[tuple[str, str, str]]) -> dict[tuple[str, str, str], Edge]:
        out: dict[tuple[str, str, str], Edge] = {}
        for key in keys:
            if self.graph.has_edge(key[0], key[2], key=key[1]):
                out[key] = self.graph.edges[key[0], key[2], key[1]]["edge"]
        return out

    # -- reads ---------------------------------------------------------------------------------
    def document(self, doc_id: str) -> DocumentFacts | None:
        """The stored facts (with normalized text) of a document."""
        row = self.conn.execute("SELECT facts FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return DocumentFacts.model_validate_json(row[0]) if row else None

    def document_ids(self) -> list[str]:
        """Content ids of every stored document, sorted."""
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]

    def nodes(self, ids: Sequence[str]) -> list[Node]:
        """The nodes with these ids, in the order asked (unknown ids are left out)."""
        return [self.graph.nodes[i]["node"] for i in ids if i in self.graph]

    def edges(
        self, ids: Sequence[str], direction: Direction = "both", types: Sequence[Rel] | None = None
    ) -> list[Edge]:
        """Edges touching any of ``ids``, sorted by (source, type, target)."""
        wanted = {t.value for t in types} if types else None
        found: dict[tuple[str, str, str], Edge] = {}
        for i in ids:
            if i not in self.graph:
                continue
            views = []
            if direction in ("out", "both"):
                views.append(self.graph.out_edges(i, keys=True, data="edge"))
            if direction in ("in", "both"):
                views.append(self.graph.in_edges(i, keys=True, data="edge"))
            for view in views:
                for _s, _t, key, edge in view:
                    if wanted is None or key in wanted:
                        found[edge.key] = edge
        return [found[k] for k in sorted(found)]

    def find(
        self, terms: Sequence[str], labels: Sequence[Label] | None = None, limit: int = 50
    ) -> list[Node]:
        """Nodes whose name or an alias contains any term; exact names first, then shorter names."""
        wanted = set(labels) if labels else None
        terms = [t for t in terms if t]
        hits: list[tuple[int, int, str, Node]] = []
        for nid, data in self.graph.nodes(data=True):
            node: Node | None = data.get("node")
            if node is None or (wanted is not None and node.label not in wanted):
                continue
            names = [node.name, *node.props.get("aliases", [])]
            if any(t in n for t in terms for n in names):
                exact = 0 if any(t == n for t in terms for n in names) else 1
                hits.append((exact, len(node.name), nid, node))
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits[:limit]]

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts by label and relationship counts by type."""
        nodes: dict[str, int] = {}
        for label, n in self.conn.execute("SELECT label, COUNT(*) FROM nodes GROUP BY label ORDER BY label"):
            nodes[label] = n
        rels: dict[str, int] = {}
        for typ, n in self.conn.execute("SELECT type, COUNT(*) FROM edges GROUP BY type ORDER BY type"):
            rels[typ] = n
        return {"nodes": nodes, "relationships": rels}

    def iter_nodes(self) -> Iterator[Node]:
        """Every node, sorted by id."""
        for nid in sorted(self.graph.nodes):
            yield self.graph.nodes[nid]["node"]

    def iter_edges(self) -> Iterator[Edge]:
        """Every edge, sorted by (source, type, target)."""
        keys = sorted((s, k, t) for s, t, k in self.graph.edges(keys=True))
        for s, k, t in keys:
            yield self.graph.edges[s, t, k]["edge"]

    def clear(self) -> None:
        """Remove every document, node and edge."""
        with self.conn:
            self.conn.execute("BEGIN IMMEDIATE")
            for table in ("documents", "nodes", "edges"):
                self.conn.execute(f"DELETE FROM {table}")
        self.graph = nx.MultiDiGraph()

    def close(self) -> None:
        """Close the SQLite connection."""
        self.conn.close()
