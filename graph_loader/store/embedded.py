"""The embedded store: SQLite on disk, a compact networkx graph in memory for queries.

Choose it when no server is wanted (the default); it holds a corpus of hundreds of thousands of
articles on a laptop. What lives where:

- SQLite (one file, WAL journal): documents and their facts, node and edge properties, and every
  piece of evidence in its own table (the quoted sentence is rebuilt from the document's text on
  read, so it is stored once). Each batch is one transaction, so a crash or kill mid-load leaves
  the previous batches intact and the interrupted one absent; a re-run skips stored documents.
- Memory: a networkx ``DiGraph`` of ids, labels, names and relationship types — without the
  ``ATTESTS`` links of documents, which stay on disk — and one string holding every node's name and
  aliases for substring search.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from graph_loader.errors import StoreError
from graph_loader.graph import Edge, GraphBatch, Label, Node, Rel, merge_props
from graph_loader.models import DocumentFacts, Evidence
from graph_loader.store.base import Direction, WriteSummary

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (doc_id TEXT PRIMARY KEY, name TEXT NOT NULL, facts TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS texts (doc_id TEXT PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (
  source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL, props TEXT NOT NULL,
  PRIMARY KEY (source, type, target)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_target ON edges (target, type);
CREATE TABLE IF NOT EXISTS evidence (
  seq INTEGER PRIMARY KEY, owner TEXT NOT NULL, doc_id TEXT NOT NULL, start INTEGER NOT NULL,
  "end" INTEGER NOT NULL, s_start INTEGER NOT NULL, s_end INTEGER NOT NULL, rule TEXT NOT NULL,
  confidence REAL NOT NULL, quote TEXT NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS evidence_key ON evidence (owner, doc_id, start, "end", rule);
"""
_VERSION = 2  # layout of the SQLite file
_CHUNK = 400
_ON_DISK = Rel.ATTESTS.value  # the one relationship type kept out of memory
_SEP = "\n"
_SEGMENT = 20_000  # search entries per joined string


def _edge_owner(source: str, typ: str, target: str) -> str:
    return f"{source}\x1f{typ}\x1f{target}"


class EmbeddedStore:
    """Graph store in one SQLite file with a compact in-memory graph for reads.

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
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            has_tables = self.conn.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if has_tables and version != _VERSION:
                raise StoreError(
                    f"{self.path} was written by another version of officials-graph (layout {version}, this one "
                    f"reads {_VERSION}); load the documents into a new file"
                )
            self.conn.executescript(_SCHEMA)
            self.conn.execute(f"PRAGMA user_version = {_VERSION}")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the embedded store at {self.path}: {exc}") from exc
        self._texts: OrderedDict[str, str] = OrderedDict()
        self._load_graph()

    # -- memory ------------------------------------------------------------------------------
    def _load_graph(self) -> None:
        g = nx.DiGraph()
        self._search_ids: list[str] = []
        self._search_text: list[str] = []
        self._segments: list[tuple[str, list[int]]] = []
        for nid, label, name, props in self.conn.execute(
            "SELECT id, label, name, props FROM nodes ORDER BY id"
        ):
            data = json.loads(props)
            g.add_node(nid, label=sys_intern(label), name=name, props=_light(data))
            self._index(nid, name, data.get("aliases", []))
        for source, typ, target, props in self.conn.execute(
            "SELECT source, type, target, props FROM edges WHERE type != ?", (_ON_DISK,)
        ):
            self._add_type(g, source, typ, target, json.loads(props))
        self.graph = g

    @staticmethod
    def _add_type(g: nx.DiGraph, source: str, typ: str, target: str, props: dict[str, Any]) -> None:
        if g.has_edge(source, target):
            data = g[source][target]
            if typ not in data["types"]:
                data["types"] = (*data["types"], sys_intern(typ))
        else:
            g.add_edge(source, target, types=(sys_intern(typ),))
            data = g[source][target]
        if props:  # most relationships have none; the few that do (dates, task, reason) stay in memory
            data.setdefault("props", {})[typ] = props

    def _index(self, nid: str, name: str, aliases: Iterable[str]) -> None:
        self._search_ids.append(nid)
        self._search_text.append("\x1f".join([name, *aliases]).replace(_SEP, " "))
        seg = (len(self._search_ids) - 1) // _SEGMENT
        del self._segments[seg:]  # only the last segment is rebuilt after appends

    def _segment(self, k: int) -> tuple[str, list[int]]:
        """Search text of entries ``k*_SEGMENT …`` joined in one string, with each entry's offset."""
        while len(self._segments) <= k:
            first = len(self._segments) * _SEGMENT
            texts = self._search_text[first : first + _SEGMENT]
            starts, pos = [], 0
            for t in texts:
                starts.append(pos)
                pos += len(t) + 1
            self._segments.append((_SEP.join(texts), starts))
        return self._segments[k]

    # -- writes --------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content id is already stored."""
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def write(self, batch: GraphBatch, facts: Sequence[DocumentFacts]) -> WriteSummary:
        """Write one batch in a single transaction, merging with stored nodes and edges."""
        summary = WriteSummary()
        new_nodes: list[Node] = []
        new_edges: list[tuple[str, str, str]] = []
        node_props: dict[str, dict[str, Any]] = {}
        edge_props: dict[tuple[str, str, str], dict[str, Any]] = {}
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for f in facts:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO documents (doc_id, name, facts) VALUES (?, ?, ?)",
                    (f.doc_id, f.doc, f.model_dump_json(by_alias=True, exclude={"text"})),
                )
                if cur.rowcount:
                    summary.documents += 1
                    self.conn.execute(
                        "INSERT OR IGNORE INTO texts (doc_id, text) VALUES (?, ?)", (f.doc_id, f.text)
                    )
            merged = self._merge_nodes(batch.nodes, summary, new_nodes, node_props)
            self.conn.executemany(
                "INSERT OR REPLACE INTO nodes (id, label, name, props) VALUES (?, ?, ?, ?)", merged
            )
            rows = self._merge_edges(batch.edges, summary, new_edges, edge_props)
            self.conn.executemany(
                "INSERT OR REPLACE INTO edges (source, type, target, props) VALUES (?, ?, ?, ?)", rows
            )
            ev_rows = [(n.id, *_ev_row(e)) for n in batch.nodes for e in n.evidence] + [
                (_edge_owner(*e.key), *_ev_row(ev)) for e in batch.edges for ev in e.evidence
            ]
            self.conn.executemany(
                'INSERT OR IGNORE INTO evidence (owner, doc_id, start, "end", s_start, s_end, rule, confidence, quote)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ev_rows,
            )
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"write to the embedded store failed: {exc}") from exc
            raise
        for n in new_nodes:
            self.graph.add_node(n.id, label=sys_intern(n.label.value), name=n.name)
            self._index(n.id, n.name, n.props.get("aliases", []))
        for nid, props in node_props.items():
            self.graph.nodes[nid]["props"] = _light(props)
        for key, props in edge_props.items():
            if key[1] != _ON_DISK:
                self._add_type(self.graph, key[0], key[1], key[2], props)
        return summary

    def _merge_nodes(
        self,
        nodes: list[Node],
        summary: WriteSummary,
        new_nodes: list[Node],
        merged: dict[str, dict[str, Any]],
    ) -> list[tuple[str, str, str, str]]:
        stored = self._stored_props("SELECT id, props FROM nodes WHERE id IN ({})", [n.id for n in nodes])
        rows = []
        for n in nodes:
            old = stored.get(n.id)
            if old is None:
                summary.nodes[n.label.value] = summary.nodes.get(n.label.value, 0) + 1
                new_nodes.append(n)
                props = n.props
                stored[n.id] = props
                label, name = n.label.value, n.name
            else:
                props = merge_props(old, n.props)
                if props == old:
                    continue
                stored[n.id] = props
                label = self.graph.nodes[n.id]["label"] if n.id in self.graph else n.label.value
                name = self.graph.nodes[n.id]["name"] if n.id in self.graph else n.name
            merged[n.id] = props
            rows.append((n.id, label, name, json.dumps(props, ensure_ascii=False)))
        return rows

    def _merge_edges(
        self,
        edges: list[Edge],
        summary: WriteSummary,
        new_edges: list[tuple[str, str, str]],
        merged: dict[tuple[str, str, str], dict[str, Any]],
    ) -> list[tuple[str, str, str, str]]:
        """Rows to write; what is stored comes from memory (ATTESTS links, which carry no properties,
        are inserted and counted by SQLite itself)."""
        rows = []
        attests = []
        for e in edges:
            typ = e.type.value
            if typ == _ON_DISK:
                attests.append(e)
                continue
            data = self.graph.get_edge_data(e.source, e.target)
            old = merged.get(e.key)
            if old is None and data is not None and typ in data["types"]:
                old = data.get("props", {}).get(typ, {})
            if old is None:
                summary.relationships[typ] = summary.relationships.get(typ, 0) + 1
                new_edges.append(e.key)
                props = e.props
            else:
                props = merge_props(old, e.props)
                if props == old and e.key not in merged:
                    continue
            merged[e.key] = props
        for key, props in merged.items():
            rows.append((*key, json.dumps(props, ensure_ascii=False)))
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT OR IGNORE INTO edges (source, type, target, props) VALUES (?, ?, ?, '{}')",
            [e.key for e in attests],
        )
        added = self.conn.total_changes - before
        if added:
            summary.relationships[_ON_DISK] = summary.relationships.get(_ON_DISK, 0) + added
        return rows

    def _stored_props(self, sql: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            for nid, props in self.conn.execute(sql.format(",".join("?" * len(chunk))), chunk):
                out[nid] = json.loads(props)
        return out

    # -- evidence --------------------------------------------------------------------------------
    def _text(self, doc_id: str) -> str:
        text = self._texts.get(doc_id)
        if text is None:
            row = self.conn.execute("SELECT text FROM texts WHERE doc_id = ?", (doc_id,)).fetchone()
            text = row[0] if row else ""
            self._texts[doc_id] = text
            if len(self._texts) > 512:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(doc_id)
        return text

    def _evidence(self, owners: list[str], limit: int | None = None) -> dict[str, list[Evidence]]:
        """Evidence of each owner in insertion order; the sentence is cut from the text by SQLite."""
        out: dict[str, list[Evidence]] = {o: [] for o in owners}
        cols = 'e.owner, e.doc_id, e.start, e."end", e.s_start, e.s_end, e.rule, e.confidence, e.quote'
        sentence = "substr(t.text, e.s_start + 1, e.s_end - e.s_start)"
        for i in range(0, len(owners), _CHUNK):
            chunk = owners[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            if limit is None:
                rows = f"evidence e JOIN texts t USING (doc_id) WHERE e.owner IN ({marks})"
            else:  # the first `limit` of each owner, without reading the rest
                ranked = (
                    "SELECT *, ROW_NUMBER() OVER (PARTITION BY owner ORDER BY seq) AS k FROM evidence"
                    f" WHERE owner IN ({marks})"
                )
                rows = f"({ranked}) e JOIN texts t USING (doc_id) WHERE e.k <= {int(limit)}"
            sql = f"SELECT {cols}, {sentence} FROM {rows} ORDER BY e.seq"
            for owner, doc_id, start, end, s_start, s_end, rule, conf, quote, sent in self.conn.execute(
                sql, chunk
            ):
                # rows this store wrote from validated evidence: no need to validate again
                out[owner].append(
                    Evidence.model_construct(
                        doc_id=doc_id,
                        sentence=sent,
                        sentence_start=s_start,
                        sentence_end=s_end,
                        start=start,
                        end=end,
                        quote=quote,
                        rule=rule,
                        confidence=conf,
                    )
                )
        return out

    # -- reads ---------------------------------------------------------------------------------
    def document(self, doc_id: str) -> DocumentFacts | None:
        """The stored facts (with normalized text) of a document."""
        row = self.conn.execute(
            "SELECT d.facts, t.text FROM documents d JOIN texts t USING (doc_id) WHERE d.doc_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        data["text"] = row[1]
        return DocumentFacts.model_validate(data)

    def document_ids(self) -> list[str]:
        """Content ids of every stored document, sorted."""
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]

    def nodes(self, ids: Sequence[str], evidence: bool = True) -> list[Node]:
        """The nodes with these ids, in the order asked (unknown ids are left out)."""
        known = [i for i in ids if i in self.graph]
        if not known:
            return []
        unique = list(dict.fromkeys(known))
        if evidence:
            props = self._stored_props("SELECT id, props FROM nodes WHERE id IN ({})", unique)
            found = self._evidence(unique)
        else:  # the answer-sized view: properties without the search aliases, no evidence
            props = {i: self.graph.nodes[i].get("props", {}) for i in unique}
            found = {i: [] for i in unique}
        out = []
        for i in known:
            data = self.graph.nodes[i]
            out.append(
                Node(id=i, label=Label(data["label"]), name=data["name"], props=props[i], evidence=found[i])
            )
        return out

    def _edge_keys(
        self, ids: Sequence[str], direction: Direction, wanted: set[str] | None
    ) -> set[tuple[str, str, str]]:
        keys: set[tuple[str, str, str]] = set()
        for i in ids:
            if i not in self.graph:
                continue
            if direction in ("out", "both"):
                for t, data in self.graph.succ[i].items():
                    keys.update((i, typ, t) for typ in data["types"] if wanted is None or typ in wanted)
            if direction in ("in", "both"):
                for s, data in self.graph.pred[i].items():
                    keys.update((s, typ, i) for typ in data["types"] if wanted is None or typ in wanted)
        if wanted is None or _ON_DISK in wanted:
            present = [i for i in ids if i in self.graph]
            for at in range(0, len(present), _CHUNK):
                chunk = present[at : at + _CHUNK]
                marks = ",".join("?" * len(chunk))
                if direction in ("out", "both"):
                    keys.update(
                        self.conn.execute(
                            f"SELECT source, type, target FROM edges WHERE type = ? AND source IN ({marks})",
                            [_ON_DISK, *chunk],
                        )
                    )
                if direction in ("in", "both"):
                    keys.update(
                        self.conn.execute(
                            f"SELECT source, type, target FROM edges WHERE type = ? AND target IN ({marks})",
                            [_ON_DISK, *chunk],
                        )
                    )
        return keys

    def edges(
        self,
        ids: Sequence[str],
        direction: Direction = "both",
        types: Sequence[Rel] | None = None,
        evidence_limit: int | None = None,
    ) -> list[Edge]:
        """Edges touching any of ``ids``, sorted by (source, type, target)."""
        wanted = {t.value for t in types} if types else None
        return self._edges(sorted(self._edge_keys(ids, direction, wanted)), evidence_limit)

    def _edges(self, keys: list[tuple[str, str, str]], evidence_limit: int | None = None) -> list[Edge]:
        if not keys:
            return []
        props: dict[tuple[str, str, str], dict[str, Any]] = {}
        on_disk = []
        for k in keys:
            if k[1] == _ON_DISK:
                on_disk.append(k)
            else:
                props[k] = self.graph[k[0]][k[2]].get("props", {}).get(k[1], {})
        for i in range(0, len(on_disk), _CHUNK):
            chunk = on_disk[i : i + _CHUNK]
            cond = " OR ".join(["(source = ? AND type = ? AND target = ?)"] * len(chunk))
            for s, t, d, p in self.conn.execute(
                f"SELECT source, type, target, props FROM edges WHERE {cond}", [x for k in chunk for x in k]
            ):
                props[(s, t, d)] = json.loads(p)
        owners = [_edge_owner(*k) for k in keys]
        evidence = self._evidence(owners, evidence_limit) if evidence_limit != 0 else {o: [] for o in owners}
        return [
            Edge(
                source=k[0],
                type=Rel(k[1]),
                target=k[2],
                props=props.get(k, {}),
                evidence=evidence[_edge_owner(*k)],
            )
            for k in keys
        ]

    def find(
        self, terms: Sequence[str], labels: Sequence[Label] | None = None, limit: int = 50
    ) -> list[Node]:
        """Nodes whose name or an alias contains any term; exact names first, then shorter names."""
        wanted = {label.value for label in labels} if labels else None
        hits: dict[str, tuple[int, int, str]] = {}
        n_segments = (len(self._search_ids) + _SEGMENT - 1) // _SEGMENT
        for term in (t for t in terms if t and _SEP not in t):
            for seg in range(n_segments):
                blob, starts = self._segment(seg)
                pos = blob.find(term)
                while pos >= 0:
                    j = bisect.bisect_right(starts, pos) - 1
                    k = seg * _SEGMENT + j
                    nid = self._search_ids[k]
                    data = self.graph.nodes[nid]
                    if wanted is None or data["label"] in wanted:
                        exact = 0 if term in self._search_text[k].split("\x1f") else 1
                        rank = (exact, len(data["name"]), nid)
                        if nid not in hits or rank < hits[nid]:
                            hits[nid] = rank
                    pos = blob.find(term, starts[j] + len(self._search_text[k]) + 1)
        best = sorted(hits.values())[:limit]
        return self.nodes([h[2] for h in best])

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts by label and relationship counts by type."""
        nodes = dict(
            self.conn.execute("SELECT label, COUNT(*) FROM nodes GROUP BY label ORDER BY label").fetchall()
        )
        rels = dict(
            self.conn.execute("SELECT type, COUNT(*) FROM edges GROUP BY type ORDER BY type").fetchall()
        )
        return {"nodes": nodes, "relationships": rels}

    def iter_nodes(self) -> Iterator[Node]:
        """Every node, sorted by id, read in chunks."""
        ids = sorted(self.graph.nodes)
        for i in range(0, len(ids), _CHUNK):
            yield from self.nodes(ids[i : i + _CHUNK])

    def iter_edges(self) -> Iterator[Edge]:
        """Every edge, sorted by (source, type, target), read in chunks."""
        keys: list[tuple[str, str, str]] = self.conn.execute(
            "SELECT source, type, target FROM edges ORDER BY source, type, target"
        ).fetchall()
        for i in range(0, len(keys), _CHUNK):
            yield from self._edges(keys[i : i + _CHUNK])

    def clear(self) -> None:
        """Remove every document, node, edge and piece of evidence."""
        self.conn.execute("BEGIN IMMEDIATE")
        for table in ("documents", "texts", "nodes", "edges", "evidence"):
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("COMMIT")
        self._texts.clear()
        self._load_graph()

    def close(self) -> None:
        """Close the SQLite connection."""
        self.conn.close()


def _light(props: dict[str, Any]) -> dict[str, Any]:
    """Properties kept in memory: all but the search aliases (those live in the search index)."""
    return {k: v for k, v in props.items() if k != "aliases"}


def _ev_row(e: Evidence) -> tuple[str, int, int, int, int, str, float, str]:
    return (e.doc_id, e.start, e.end, e.sentence_start, e.sentence_end, e.rule, e.confidence, e.quote)


def sys_intern(s: str) -> str:
    """Share one copy of the few label and type strings across all nodes and edges."""
    import sys

    return sys.intern(s)
