"""The embedded store: SQLite on disk, a compact typed adjacency in memory for queries.

Choose it when no server is wanted (the default); it holds a corpus of hundreds of thousands of
articles on a laptop. What lives where:

- SQLite (one file, WAL journal): documents and their facts, node and edge properties, and every
  piece of evidence in its own table (the quoted sentence is rebuilt from the document's text on
  read, so it is stored once). Each batch is one transaction, so a crash or kill mid-load leaves
  the previous batches intact and the interrupted one absent; a re-run skips stored documents.
- Memory: a :class:`~graph_loader.store.topology.Topology` of ids, labels, names and relationships
  grouped by type — without the ``ATTESTS`` links of documents, which stay on disk — and one string
  holding every node's name and aliases for substring search.
"""

from __future__ import annotations

import bisect
import json
import sqlite3
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph_loader.errors import StoreError
from graph_loader.graph import Edge, GraphBatch, Label, Node, Rel, evidence_key, merge_props
from graph_loader.models import DocumentFacts, Evidence
from graph_loader.store.base import Direction, WriteSummary
from graph_loader.store.topology import Topology
from graph_loader.trusted import trusted

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
CREATE TABLE IF NOT EXISTS sources (stamp TEXT PRIMARY KEY, doc_id TEXT NOT NULL) WITHOUT ROWID;
"""
_VERSION = 2  # layout of the SQLite file
_CHECKPOINT_PAGES = 16_384  # WAL pages (4 KiB) between checkpoints
_CHUNK = 400
_COMPOUND = 200  # SELECTs per UNION ALL (SQLite allows 500)
_EV_ORDER = 'doc_id, start, "end", rule'  # the evidence_key index order
_ON_DISK = Rel.ATTESTS.value  # the one relationship type kept out of memory
_SEP = "\n"
_SEGMENT = 20_000  # search entries per joined string
_TEXT_CACHE = 4_096  # documents whose text is kept to cut quoted sentences from (about 25 MB)
_EVIDENCE_CACHE = 32_768  # nodes and links whose first pieces of evidence are kept (about 40 MB)
_LABELS = {label.value: label for label in Label}  # a dict lookup is several times faster than Label(x)
_RELS = {rel.value: rel for rel in Rel}
_NO_PROPS: dict[str, Any] = {}  # shared by the answers' relationships without properties (never mutated)


def _edge_owner(source: str, typ: str, target: str) -> str:
    return f"{source}\x1f{typ}\x1f{target}"


class EmbeddedStore:
    """Graph store in one SQLite file with a compact in-memory graph for reads.

    Parameters
    ----------
    path
        The SQLite file (created with its folder when missing); ``":memory:"`` for a throwaway store.
    cache_mb
        SQLite's page cache: answers seek the evidence index once per link, and keeping its upper
        pages in memory halves the time of those seeks.
    """

    def __init__(self, path: Path | str, cache_mb: int = 256) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute(f"PRAGMA cache_size = {-1024 * int(cache_mb)}")
            # fewer, larger checkpoints: the index pages a load rewrites batch after batch reach
            # the database file once per checkpoint instead of once per commit or two
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES}")
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
        self._first: OrderedDict[str, tuple[int, list[Evidence]]] = OrderedDict()
        self._load_graph()

    # -- memory ------------------------------------------------------------------------------
    def _load_graph(self) -> None:
        topo = Topology()
        self._search_ids: list[str] = []
        self._search_text: list[str] = []
        self._search_at: dict[str, int] = {}
        self._segments: list[tuple[str, list[int]]] = []
        for nid, label, name, props in self.conn.execute(
            "SELECT id, label, name, props FROM nodes ORDER BY id"
        ):
            data = json.loads(props)
            topo.add_node(nid, label, name, _light(data))
            self._index(nid, name, data.get("aliases", []))
        for source, typ, target, props in self.conn.execute(
            "SELECT source, type, target, props FROM edges WHERE type != ?", (_ON_DISK,)
        ):
            topo.add_edge(source, typ, target, json.loads(props))
        self.graph = topo

    def _index(self, nid: str, name: str, aliases: Iterable[str]) -> None:
        """Add a node's name and aliases to the search index, or replace them."""
        text = "\x1f".join([name, *aliases]).replace(_SEP, " ")
        at = self._search_at.get(nid)
        if at is None:
            at = self._search_at[nid] = len(self._search_ids)
            self._search_ids.append(nid)
            self._search_text.append(text)
        elif self._search_text[at] != text:
            self._search_text[at] = text
        else:
            return
        del self._segments[at // _SEGMENT :]  # joined strings are rebuilt from the changed one on

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
    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction: committed whole, or rolled back on any failure (SQLite's errors
        raised as :class:`StoreError`)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"write to the embedded store failed: {exc}") from exc
            raise

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
        with self._transaction():
            stored = self._stored_docs([f.doc_id for f in facts])
            new_docs = list({f.doc_id: f for f in facts if f.doc_id not in stored}.values())
            self.conn.executemany(
                "INSERT INTO documents (doc_id, name, facts) VALUES (?, ?, ?)",
                [(f.doc_id, f.doc, f.model_dump_json(by_alias=True, exclude={"text"})) for f in new_docs],
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO texts (doc_id, text) VALUES (?, ?)",
                [(f.doc_id, f.text) for f in new_docs],
            )
            summary.documents += len(new_docs)
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
        if self._first:
            for row in ev_rows:  # owners with new evidence: their cached first pieces may have changed
                self._first.pop(row[0], None)
        for n in new_nodes:
            self.graph.add_node(n.id, n.label.value, n.name)
            self._index(n.id, n.name, n.props.get("aliases", []))
        for nid, props in node_props.items():
            self.graph.set_props(nid, _light(props))
            self._index(nid, self.graph.name(nid), props.get("aliases", []))  # aliases merged in
        for key, props in edge_props.items():
            if key[1] != _ON_DISK:
                self.graph.add_edge(*key, props)
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
                label = self.graph.label(n.id) if n.id in self.graph else n.label.value
                name = self.graph.name(n.id) if n.id in self.graph else n.name
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
            key = e.key
            typ = key[1]
            if typ == _ON_DISK:
                attests.append(key)
                continue
            old = merged.get(key)
            if old is None and self.graph.has_edge(key):
                old = self.graph.edge_props(key)
            if old is None:
                summary.relationships[typ] = summary.relationships.get(typ, 0) + 1
                new_edges.append(key)
                props = e.props
            else:
                props = merge_props(old, e.props)
                if props == old and key not in merged:
                    continue
            merged[key] = props
        for key, props in merged.items():
            rows.append((*key, json.dumps(props, ensure_ascii=False)))
        before = self.conn.total_changes
        self.conn.executemany(
            "INSERT OR IGNORE INTO edges (source, type, target, props) VALUES (?, ?, ?, '{}')",
            attests,
        )
        added = self.conn.total_changes - before
        if added:
            summary.relationships[_ON_DISK] = summary.relationships.get(_ON_DISK, 0) + added
        return rows

    def _rows_in(self, sql: str, ids: list[str]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``sql`` (whose ``IN ({})`` takes the ids) for every id, a chunk at a time."""
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            yield from self.conn.execute(sql.format(",".join("?" * len(chunk))), chunk)

    def _stored_docs(self, ids: list[str]) -> set[str]:
        return {r[0] for r in self._rows_in("SELECT doc_id FROM documents WHERE doc_id IN ({})", ids)}

    def _stored_props(self, sql: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        return {nid: json.loads(props) for nid, props in self._rows_in(sql, ids)}

    # -- evidence --------------------------------------------------------------------------------
    def _sentences(self, spans: list[tuple[str, int, int]]) -> list[str]:
        """The text of each ``(document, start, end)`` span, cut from a cache of recently quoted
        documents (the same documents attest most links of an answer, and of the answers after it);
        the others are read a chunk of documents at a time, so a long listing never holds them all."""
        cache = self._texts
        out = [""] * len(spans)
        missing: dict[str, list[int]] = {}
        for k, (doc_id, start, end) in enumerate(spans):
            text = cache.get(doc_id)
            if text is None:
                missing.setdefault(doc_id, []).append(k)
            else:
                out[k] = text[start:end]
        for doc_id in dict.fromkeys(d for d, _, _ in spans):
            if doc_id in cache:
                cache.move_to_end(doc_id)
        docs = list(missing)
        for i in range(0, len(docs), _CHUNK):
            chunk = docs[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for doc_id, text in self.conn.execute(
                f"SELECT doc_id, text FROM texts WHERE doc_id IN ({marks})", chunk
            ):
                cache[doc_id] = text
                for k in missing[doc_id]:
                    out[k] = text[spans[k][1] : spans[k][2]]
            while len(cache) > _TEXT_CACHE:
                cache.popitem(last=False)
        return out

    def _evidence(self, owners: list[str], limit: int | None = None) -> dict[str, list[Evidence]]:
        """The evidence of each owner (node id or edge owner key), the first ``limit`` pieces; those
        of recently quoted owners come from a cache that every write keeps true."""
        if limit is None:
            return self._read_evidence(owners, None)
        cache = self._first
        out: dict[str, list[Evidence]] = {}
        missing = []
        for o in owners:
            hit = cache.get(o)
            # a cached list serves any limit up to the one it was read with, or any limit at all
            # when it holds fewer pieces than that (it is then the owner's whole evidence)
            if hit is not None and (hit[0] >= limit or len(hit[1]) < hit[0]):
                cache.move_to_end(o)
                out[o] = hit[1][:limit]
            else:
                missing.append(o)
        if missing:
            for o, found in self._read_evidence(missing, limit).items():
                cache[o] = (limit, found)
                out[o] = found[:]
            while len(cache) > _EVIDENCE_CACHE:
                cache.popitem(last=False)
        return out

    def _read_evidence(self, owners: list[str], limit: int | None) -> dict[str, list[Evidence]]:
        """Evidence of each owner ordered by (document, offsets, rule), so the first few are the same
        whatever order the documents were loaded in; sentences are cut from the cached texts."""
        out: dict[str, list[Evidence]] = {o: [] for o in owners}
        cols = 'owner, doc_id, start, "end", s_start, s_end, rule, confidence, quote'
        chunk_size = _CHUNK if limit is None else _COMPOUND
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(owners), chunk_size):
            chunk = owners[i : i + chunk_size]
            if limit is None:
                sql = f"SELECT {cols} FROM evidence WHERE owner IN ({','.join('?' * len(chunk))})"
            else:  # one index seek per owner for its first `limit` rows, never the rest
                first = f"SELECT * FROM (SELECT {cols} FROM evidence WHERE owner = ? ORDER BY {_EV_ORDER} LIMIT {int(limit)})"
                sql = " UNION ALL ".join([first] * len(chunk))
            rows += self.conn.execute(sql, chunk).fetchall()
        sentences = self._sentences([(r[1], r[4], r[5]) for r in rows])
        for (owner, doc_id, start, end, s_start, s_end, rule, conf, quote), sentence in zip(
            rows, sentences, strict=True
        ):
            # rows this store wrote from validated evidence: no need to validate again
            out[owner].append(
                trusted(
                    Evidence,
                    {
                        "doc_id": doc_id,
                        "sentence": sentence,
                        "sentence_start": s_start,
                        "sentence_end": s_end,
                        "start": start,
                        "end": end,
                        "quote": quote,
                        "rule": rule,
                        "confidence": conf,
                    },
                )
            )
        for found in out.values():
            if len(found) > 1:
                found.sort(key=evidence_key)
        return out

    def evidence(
        self, keys: Sequence[tuple[str, str, str]], limit: int | None = None
    ) -> dict[tuple[str, str, str], list[Evidence]]:
        """The evidence of these relationships, ``(source, type, target)``, the first ``limit`` of each."""
        owners = [_edge_owner(*k) for k in keys]
        found = self._evidence(list(dict.fromkeys(owners)), limit) if owners else {}
        return {k: found[o] for k, o in zip(keys, owners, strict=True)}

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

    def sources(self) -> dict[str, str]:
        """Source stamps remembered for stored documents: ``{stamp: content id}``."""
        rows = self.conn.execute("SELECT s.stamp, s.doc_id FROM sources s JOIN documents d USING (doc_id)")
        return dict(rows)

    def remember_sources(self, stamps: Sequence[tuple[str, str]]) -> None:
        """Remember that the files stamped so hold these stored documents (``(stamp, content id)``)."""
        if not stamps:
            return
        with self._transaction():
            self.conn.executemany("INSERT OR REPLACE INTO sources (stamp, doc_id) VALUES (?, ?)", stamps)

    def nodes(
        self, ids: Sequence[str], evidence: bool = True, evidence_limit: int | None = None
    ) -> list[Node]:
        """The nodes with these ids, in the order asked (unknown ids are left out)."""
        graph = self.graph
        known = [i for i in ids if i in graph]
        if not evidence:  # the answer-sized view: in-memory properties without search aliases
            return [self._node(i, graph.props(i), []) for i in known]
        if not known:
            return []
        unique = list(dict.fromkeys(known))
        props = self._stored_props("SELECT id, props FROM nodes WHERE id IN ({})", unique)
        found = self._evidence(unique, evidence_limit)
        return [self._node(i, props[i], found[i]) for i in known]

    def _node(self, node_id: str, props: dict[str, Any], evidence: list[Evidence]) -> Node:
        graph = self.graph
        return trusted(
            Node,
            {
                "id": node_id,
                "label": _LABELS[graph.label(node_id)],
                "name": graph.name(node_id),
                "props": props,
                "evidence": evidence,
            },
        )

    def _edge_keys(
        self, ids: Sequence[str], direction: Direction, wanted: set[str] | None
    ) -> set[tuple[str, str, str]]:
        keys = self.graph.keys(ids, direction, wanted)
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
                props[k] = self.graph.edge_props(k)
        for i in range(0, len(on_disk), _CHUNK):
            chunk = on_disk[i : i + _CHUNK]
            cond = " OR ".join(["(source = ? AND type = ? AND target = ?)"] * len(chunk))
            for s, t, d, p in self.conn.execute(
                f"SELECT source, type, target, props FROM edges WHERE {cond}", [x for k in chunk for x in k]
            ):
                props[(s, t, d)] = json.loads(p)
        if evidence_limit == 0:  # the walk of a query: keys and properties only
            return [_edge(k, props.get(k, _NO_PROPS), []) for k in keys]
        owners = [_edge_owner(*k) for k in keys]
        evidence = self._evidence(owners, evidence_limit)
        return [_edge(k, props.get(k, {}), evidence[o]) for k, o in zip(keys, owners, strict=True)]

    def named(self, names: Sequence[str], label: Label) -> list[Node]:
        """Nodes of ``label`` named exactly one of ``names``, with their first evidence, sorted by id."""
        ids = sorted(
            {i for name in names for i in self.graph.named(name) if self.graph.label(i) == label.value}
        )
        return self.nodes(ids, evidence=True, evidence_limit=1)

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
                    if wanted is None or self.graph.label(nid) in wanted:
                        exact = 0 if term in self._search_text[k].split("\x1f") else 1
                        rank = (exact, len(self.graph.name(nid)), nid)
                        if nid not in hits or rank < hits[nid]:
                            hits[nid] = rank
                    pos = blob.find(term, starts[j] + len(self._search_text[k]) + 1)
        best = sorted(hits.values())[:limit]
        return self.nodes([h[2] for h in best], evidence=False)

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
        ids = sorted(self.graph.ids())
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
        """Remove every document, node, edge, piece of evidence and source stamp."""
        with self._transaction():
            for table in ("documents", "texts", "nodes", "edges", "evidence", "sources"):
                self.conn.execute(f"DELETE FROM {table}")
        self._texts.clear()
        self._first.clear()
        self._load_graph()

    def close(self) -> None:
        """Close the SQLite connection."""
        self.conn.close()


def _edge(key: tuple[str, str, str], props: dict[str, Any], evidence: list[Evidence]) -> Edge:
    return trusted(
        Edge,
        {"source": key[0], "type": _RELS[key[1]], "target": key[2], "props": props, "evidence": evidence},
    )


def _light(props: dict[str, Any]) -> dict[str, Any]:
    """Properties kept in memory: all but the search aliases (those live in the search index)."""
    return {k: v for k, v in props.items() if k != "aliases"}


def _ev_row(e: Evidence) -> tuple[str, int, int, int, int, str, float, str]:
    return (e.doc_id, e.start, e.end, e.sentence_start, e.sentence_end, e.rule, e.confidence, e.quote)
