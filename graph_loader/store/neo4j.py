"""The Neo4j store: the graph in a Neo4j 5 server, through the official ``neo4j`` driver.

Choose it for a corpus shared by several people, or to query the graph in Cypher and Neo4j's
tools. Every Cypher statement lives in a file under ``cypher/`` at the top of the repository
(``OFFICIALS_GRAPH_CYPHER_DIR`` overrides where, for an installed package); every value reaches the
server as a parameter. Labels and relationship types cannot be parameters, so a statement that
needs one is a template whose ``__LABEL__``, ``__SOURCE__``, ``__TARGET__`` or ``__TYPE__`` slots
are filled with a member of :class:`~graph_loader.graph.Label` or :class:`~graph_loader.graph.Rel`
only (:func:`fill` refuses anything else), never with text from a document.

How the graph is kept, so that every read gives back what the embedded store gives back:

- a node is ``(:Label {id, name, evidence, …props})``: its properties are flattened into
  properties, its evidence is a list of JSON strings (:func:`~graph_loader.graph.evidence_json`);
  a property whose value is null is listed in ``_null_props`` (Neo4j cannot store a null);
- a relationship is ``(a)-[:TYPE {evidence, …props}]->(b)``, one per (source, type, target);
- the facts of a document are a ``(:DocumentFacts {doc_id, name, title, date, source, text,
  facts})`` node, apart from the graph's ``Document`` nodes so that reading the graph never drags
  article text along, and so that storing facts adds no node the embedded store would not have.

A :meth:`Neo4jStore.write` runs in one transaction: it reads what is stored of the batch's nodes
and relationships, merges in Python exactly as the embedded store does
(:func:`~graph_loader.graph.merge_props`, :func:`~graph_loader.graph.merge_evidence`), and writes
batched ``UNWIND $rows … MERGE`` statements; new nodes and relationships are those that were not
stored, so loading the same batch twice reports zero the second time. A relationship's endpoints are
matched by label and id (their labels are known from the batch or from what is stored), each an
index seek rather than a scan of every node; one whose endpoint is neither in the batch nor stored
is skipped with a warning. Writes never run in auto-commit mode (see ``scripts/bolt_server.py`` for
a server that is not atomic there).
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph_loader.errors import ConfigError, StoreError
from graph_loader.graph import (
    Edge,
    GraphBatch,
    Label,
    Node,
    Rel,
    evidence_from_json,
    evidence_json,
    merge_evidence,
    merge_props,
)
from graph_loader.models import DocumentFacts
from graph_loader.store.base import Direction, WriteSummary

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction, Session

    from graph_loader.settings import Settings

log = logging.getLogger(__name__)
_T = TypeVar("_T", Node, Edge)

NULL_PROPS = "_null_props"  # names of the properties whose value is null
_NODE_FIELDS = frozenset({"id", "name", "evidence", NULL_PROPS})  # properties that are not ``props``
_EDGE_FIELDS = frozenset({"evidence", NULL_PROPS})
_SLOTS: dict[str, type[Label] | type[Rel]] = {"LABEL": Label, "SOURCE": Label, "TARGET": Label, "TYPE": Rel}
_SLOT_RE = re.compile(r"__(LABEL|SOURCE|TARGET|TYPE)__")
_INT_RANGE = (-(2**63), 2**63 - 1)  # what a Neo4j integer holds
_CLEAR_CHUNK = 10_000
_warned: set[tuple[str, str]] = set()  # (uri, statement) already reported as refused


# -- the Cypher files ---------------------------------------------------------------------------
def cypher_dir() -> Path:
    """The folder of ``.cypher`` files: ``OFFICIALS_GRAPH_CYPHER_DIR``, else ``cypher/`` of the repository."""
    candidates = []
    if os.environ.get("OFFICIALS_GRAPH_CYPHER_DIR"):
        candidates.append(Path(os.environ["OFFICIALS_GRAPH_CYPHER_DIR"]))
    # the package ships the files (graph_loader/cypher links to the repository's cypher/ folder)
    candidates.append(Path(__file__).resolve().parents[1] / "cypher")
    candidates.append(Path(__file__).resolve().parents[2] / "cypher")
    for folder in candidates:
        if (folder / "schema.cypher").is_file():
            return folder
    raise ConfigError(
        f"the Cypher files were not found (looked in {', '.join(map(str, candidates))}); "
        "set OFFICIALS_GRAPH_CYPHER_DIR to the repository's cypher/ folder"
    )


@cache
def cypher_file(name: str) -> str:
    """The text of ``cypher/<name>.cypher`` without its ``//`` comment lines."""
    if not re.fullmatch(r"[a-z][a-z_]*", name):
        raise ValueError(f"not a Cypher file name: {name!r}")
    path = cypher_dir() / f"{name}.cypher"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(lines).strip()


def cypher_statements(name: str) -> list[str]:
    """The statements of a file holding several, each ended by ``;`` at the end of a line."""
    return [s.strip() for s in re.split(r";[ \t]*(?:\n|$)", cypher_file(name)) if s.strip()]


def fill(template: str, **members: Label | Rel) -> str:
    """Fill a template's slots (``LABEL=Label.PERSON`` fills ``__LABEL__``) with enum members only.

    Raises
    ------
    TypeError
        A value is not a member of the slot's enum (a plain string, say, even a valid label).
    ValueError
        An unknown slot, or a slot of the template left unfilled.
    """
    text = template
    for slot, member in members.items():
        kind = _SLOTS.get(slot)
        if kind is None:
            raise ValueError(f"unknown template slot {slot!r}")
        if not isinstance(member, kind) or not member.value.isidentifier():
            raise TypeError(f"slot {slot} takes a member of {kind.__name__}, not {member!r}")
        text = text.replace(f"__{slot}__", member.value)
    left = _SLOT_RE.search(text)
    if left:
        raise ValueError(f"template slot {left.group(0)} left unfilled")
    return text


def union_all(name: str, slot: str, members: Iterable[Label | Rel]) -> str:
    """One branch of template ``name`` per member, joined with ``UNION ALL``."""
    return "\nUNION ALL\n".join(fill(cypher_file(name), **{slot: m}) for m in members)


# -- properties ---------------------------------------------------------------------------------
def _scalar_kind(value: Any) -> str | None:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "number" if _INT_RANGE[0] <= value <= _INT_RANGE[1] else None
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "str"
    return None


def _check_props(props: dict[str, Any], reserved: frozenset[str], owner: str) -> None:
    """Refuse what Neo4j cannot store as a property: maps, nested or mixed lists, huge integers."""
    for key, value in props.items():
        if key in reserved or not isinstance(key, str) or not key:
            raise StoreError(f"{owner}: property name {key!r} is reserved or invalid")
        if value is None or _scalar_kind(value) is not None:
            continue
        if isinstance(value, list | tuple):
            kinds = {_scalar_kind(v) for v in value}
            if None not in kinds and len(kinds) <= 1:
                continue
        raise StoreError(
            f"{owner}: property {key!r} = {value!r} cannot be stored in Neo4j "
            "(scalars and lists of strings, of numbers or of booleans only)"
        )


def _split_props(props: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Properties to set (no nulls, tuples as lists) and the sorted names of the null ones."""
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in props.items() if v is not None}
    return values, sorted(k for k, v in props.items() if v is None)


def _props_of(raw: dict[str, Any], fields: frozenset[str]) -> dict[str, Any]:
    props = {k: v for k, v in raw.items() if k not in fields}
    for k in raw.get(NULL_PROPS) or []:
        props.setdefault(k, None)
    return props


def _node(label: str, raw: dict[str, Any]) -> Node | None:
    try:
        lab = Label(label)
    except ValueError:
        return None
    return Node(
        id=raw["id"],
        label=lab,
        name=raw.get("name") or "",
        props=_props_of(raw, _NODE_FIELDS),
        evidence=evidence_from_json(raw.get("evidence") or []),
    )


def _edge(source: str, typ: str, target: str, raw: dict[str, Any]) -> Edge | None:
    try:
        rel = Rel(typ)
    except ValueError:
        return None
    return Edge(
        source=source,
        type=rel,
        target=target,
        props=_props_of(raw, _EDGE_FIELDS),
        evidence=evidence_from_json(raw.get("evidence") or []),
    )


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _row(props: dict[str, Any], added_evidence: list[Any]) -> dict[str, Any]:
    values, nulls = _split_props(props)
    return {"props": values, "null_props": nulls, "evidence": evidence_json(added_evidence)}


def _dedup(items: Iterable[_T], key: Callable[[_T], Any]) -> list[_T]:
    """One item per key: a repeated key's properties and evidence merge into the first."""
    out: dict[Any, _T] = {}
    for item in items:
        old = out.get(key(item))
        if old is not None:
            item = old.model_copy(
                update={
                    "props": merge_props(old.props, item.props),
                    "evidence": merge_evidence(old.evidence, item.evidence),
                }
            )
        out[key(item)] = item
    return list(out.values())


class Neo4jStore:
    """Graph store in a Neo4j 5 server (or another Bolt server that runs Neo4j 5 Cypher).

    Parameters
    ----------
    uri, user, password
        Where the server is and how to log in (``bolt://host:7687``, ``neo4j://…`` for a cluster).
    database
        The database to use; ``None`` for the server's default.
    batch_size
        Rows per ``UNWIND`` statement; a :meth:`write` is one transaction whatever its size.
    connection_timeout
        Seconds to wait for a connection (the store connects, and applies the schema, when built).

    Raises
    ------
    StoreError
        The server cannot be reached or refuses the credentials.
    """

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str | None = None,
        batch_size: int = 500,
        *,
        connection_timeout: float = 10.0,
    ) -> None:
        if batch_size < 1:
            raise ConfigError("batch_size must be at least 1")
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        try:
            self._driver: Driver = GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=connection_timeout,
                connection_acquisition_timeout=connection_timeout * 3,
                max_transaction_retry_time=15.0,
            )
        except (Neo4jError, DriverError, ValueError) as exc:
            raise StoreError(f"cannot use the Neo4j URI {uri!r}: {exc}") from exc
        try:
            self._driver.verify_connectivity()
        except (Neo4jError, DriverError, OSError) as exc:
            self._driver.close()
            raise StoreError(f"cannot reach the Neo4j server at {uri}: {exc}") from exc
        try:
            self.ensure_schema()
        except BaseException:
            self._driver.close()
            raise

    @classmethod
    def from_settings(cls, settings: Settings) -> Neo4jStore:
        """The store the settings describe (``OFFICIALS_GRAPH_NEO4J_*``)."""
        return cls(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password,
            database=settings.neo4j_database,
            batch_size=settings.neo4j_batch_size,
        )

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    # -- plumbing ----------------------------------------------------------------------------------
    def _session(self) -> Session:
        return self._driver.session(database=self.database)

    def _read_tx(self, work: Callable[[ManagedTransaction], Any]) -> Any:
        """Run ``work`` in a managed read transaction (retried on transient errors)."""
        try:
            with self._session() as session:
                return session.execute_read(work)
        except (Neo4jError, DriverError, OSError) as exc:
            raise StoreError(f"Neo4j read failed: {exc}") from exc

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """The rows of a read statement."""
        rows: list[dict[str, Any]] = self._read_tx(lambda tx: [r.data() for r in tx.run(query, params)])
        return rows

    def _stream(self, query: str, **params: Any) -> Iterator[dict[str, Any]]:
        """Rows of a read, fetched lazily (for exports)."""
        try:
            with self._session() as session:
                for record in session.run(query, params):
                    yield record.data()
        except (Neo4jError, DriverError, OSError) as exc:
            raise StoreError(f"Neo4j read failed: {exc}") from exc

    def ensure_schema(self) -> list[str]:
        """Apply ``cypher/schema.cypher`` one statement at a time; return the statements refused.

        A statement the server answers with an error (a schema feature it lacks) is logged once
        and skipped; losing the connection or the credentials is a :class:`StoreError`.
        """
        refused: list[str] = []
        for statement in cypher_statements("schema"):
            try:
                with self._session() as session:
                    session.run(statement).consume()
            except (AuthError, ServiceUnavailable, SessionExpired) as exc:
                raise StoreError(f"cannot apply the schema on {self.uri}: {exc}") from exc
            except Neo4jError as exc:
                refused.append(statement)
                if (self.uri, statement) not in _warned:
                    _warned.add((self.uri, statement))
                    log.warning(
                        "the server at %s refused a schema statement, skipped: %s (%s)",
                        self.uri,
                        statement,
                        exc.message or exc,
                    )
            except (DriverError, OSError) as exc:
                raise StoreError(f"cannot apply the schema on {self.uri}: {exc}") from exc
        return refused

    # -- writes ------------------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content id is already stored."""
        return bool(self._read(cypher_file("stored_documents"), doc_ids=[doc_id]))

    def write(self, batch: GraphBatch, facts: Sequence[DocumentFacts]) -> WriteSummary:
        """Write one batch in a single transaction, merging with stored nodes and edges.

        Raises
        ------
        StoreError
            A property Neo4j cannot store (nothing is written), or the server failed; the
            transaction is rolled back, so nothing of the batch stays.
        """
        nodes = _dedup(batch.nodes, lambda n: n.id)
        edges = _dedup(batch.edges, lambda e: e.key)
        for n in nodes:
            _check_props(n.props, _NODE_FIELDS, f"node {n.id}")
        for e in edges:
            _check_props(e.props, _EDGE_FIELDS, f"edge {e.key}")
        docs: dict[str, DocumentFacts] = {}
        for f in facts:  # the first of each id wins, like INSERT OR IGNORE
            docs.setdefault(f.doc_id, f)
        dropped: list[tuple[str, str, str]] = []
        try:
            with self._session() as session:
                summary = session.execute_write(self._write_tx, nodes, edges, list(docs.values()), dropped)
        except (Neo4jError, DriverError, OSError) as exc:
            raise StoreError(f"Neo4j write failed, nothing of the batch was kept: {exc}") from exc
        if dropped:
            log.warning(
                "%d relationship(s) skipped: an endpoint is neither in the batch nor stored, e.g. %s",
                len(dropped),
                dropped[0],
            )
        return summary

    def _write_tx(
        self,
        tx: ManagedTransaction,
        nodes: list[Node],
        edges: list[Edge],
        docs: list[DocumentFacts],
        dropped: list[tuple[str, str, str]],
    ) -> WriteSummary:
        # Runs again from the start if the driver retries the transaction: keep it free of side effects
        # outside the transaction but ``dropped``, which is reset here.
        dropped.clear()
        summary = WriteSummary()

        # documents: new ones only, like INSERT OR IGNORE
        stored_docs: set[str] = set()
        for chunk in _chunks([f.doc_id for f in docs], self.batch_size):
            stored_docs.update(
                r["doc_id"] for r in tx.run(cypher_file("stored_documents"), doc_ids=list(chunk))
            )
        new_docs = [
            {
                "doc_id": f.doc_id,
                "name": f.doc,
                "title": f.title,
                "date": f.date,
                "source": f.source,
                "text": f.text,
                "facts": f.to_json(with_text=False),
            }
            for f in docs
            if f.doc_id not in stored_docs
        ]
        for chunk in _chunks(new_docs, self.batch_size):
            tx.run(cypher_file("write_documents"), rows=list(chunk)).consume()
        summary.documents = len(new_docs)

        # what is stored of the batch's nodes and of the edges' endpoints
        wanted = list(dict.fromkeys([n.id for n in nodes] + [i for e in edges for i in (e.source, e.target)]))
        stored = self._nodes_tx(tx, wanted)
        label_of = {i: n.label for i, n in stored.items()}

        node_rows: dict[Label, list[dict[str, Any]]] = {}
        for n in nodes:
            old = stored.get(n.id)
            if old is None:
                summary.nodes[n.label.value] = summary.nodes.get(n.label.value, 0) + 1
                label, name, props, added = n.label, n.name, n.props, n.evidence
            else:
                props = merge_props(old.props, n.props)
                merged = merge_evidence(old.evidence, n.evidence)
                if props == old.props and len(merged) == len(old.evidence):
                    continue
                label, name, added = old.label, old.name, merged[len(old.evidence) :]
            label_of[n.id] = label
            node_rows.setdefault(label, []).append({"id": n.id, "name": name, **_row(props, added)})

        # what is stored of the batch's edges
        stored_edges: dict[tuple[str, str, str], Edge] = {}
        types = sorted({e.type for e in edges})
        sources = list(dict.fromkeys(e.source for e in edges if e.source in stored))
        for chunk in _chunks(sources, self.batch_size):
            for old_e in self._edges_tx(tx, chunk, "out", types):
                stored_edges[old_e.key] = old_e

        edge_rows: dict[tuple[Label, Rel, Label], list[dict[str, Any]]] = {}
        for e in edges:
            src, dst = label_of.get(e.source), label_of.get(e.target)
            if src is None or dst is None:
                dropped.append(e.key)
                continue
            prev = stored_edges.get(e.key)
            if prev is None:
                summary.relationships[e.type.value] = summary.relationships.get(e.type.value, 0) + 1
                props, added = e.props, e.evidence
            else:
                props = merge_props(prev.props, e.props)
                merged = merge_evidence(prev.evidence, e.evidence)
                if props == prev.props and len(merged) == len(prev.evidence):
                    continue
                added = merged[len(prev.evidence) :]
            edge_rows.setdefault((src, e.type, dst), []).append(
                {"source": e.source, "target": e.target, **_row(props, added)}
            )

        for label, rows in node_rows.items():
            statement = fill(cypher_file("write_nodes"), LABEL=label)
            for chunk in _chunks(rows, self.batch_size):
                tx.run(statement, rows=list(chunk)).consume()
        for (src, typ, dst), rows in edge_rows.items():
            statement = fill(cypher_file("write_edges"), SOURCE=src, TYPE=typ, TARGET=dst)
            for chunk in _chunks(rows, self.batch_size):
                tx.run(statement, rows=list(chunk)).consume()
        return summary

    # -- reads -------------------------------------------------------------------------------------
    def _nodes_tx(self, tx: ManagedTransaction, ids: Sequence[str]) -> dict[str, Node]:
        out: dict[str, Node] = {}
        query = union_all("read_nodes", "LABEL", Label)
        for chunk in _chunks(ids, self.batch_size):
            for r in tx.run(query, ids=list(chunk)):
                node = _node(r["label"], r["props"])
                if node is not None:
                    out.setdefault(node.id, node)
        return out

    def _edges_tx(
        self, tx: ManagedTransaction, ids: Sequence[str], direction: Direction, types: Sequence[Rel] | None
    ) -> list[Edge]:
        leaving, arriving = cypher_statements("read_edges")
        templates = {"out": [leaving], "in": [arriving], "both": [leaving, arriving]}[direction]
        query = "\nUNION ALL\n".join(fill(t, LABEL=label) for t in templates for label in Label)
        type_names = [Rel(t).value for t in types] if types else None
        found: dict[tuple[str, str, str], Edge] = {}
        for r in tx.run(query, ids=list(ids), types=type_names):
            edge = _edge(r["source"], r["type"], r["target"], r["props"])
            if edge is not None:
                found.setdefault(edge.key, edge)
        return [found[k] for k in sorted(found)]

    def document(self, doc_id: str) -> DocumentFacts | None:
        """The stored facts (with normalized text) of a document."""
        rows = self._read(cypher_file("read_document"), doc_id=doc_id)
        if not rows:
            return None
        data = json.loads(rows[0]["facts"])
        data["text"] = rows[0]["text"] or ""
        return DocumentFacts.model_validate(data)

    def document_ids(self) -> list[str]:
        """Content ids of every stored document, sorted."""
        return sorted(r["doc_id"] for r in self._read(cypher_file("document_ids")))

    def nodes(self, ids: Sequence[str], evidence: bool = True) -> list[Node]:
        """The nodes with these ids, in the order asked (unknown ids are left out)."""
        unique = list(dict.fromkeys(ids))
        found: dict[str, Node] = self._read_tx(lambda tx: self._nodes_tx(tx, unique))
        if not evidence:
            return [found[i].model_copy(update={"evidence": []}) for i in ids if i in found]
        return [found[i] for i in ids if i in found]

    def edges(
        self,
        ids: Sequence[str],
        direction: Direction = "both",
        types: Sequence[Rel] | None = None,
        evidence_limit: int | None = None,
    ) -> list[Edge]:
        """Edges touching any of ``ids``, sorted by (source, type, target)."""
        if direction not in ("out", "in", "both"):
            return []
        unique = list(dict.fromkeys(ids))

        def work(tx: ManagedTransaction) -> list[Edge]:
            found: dict[tuple[str, str, str], Edge] = {}
            for chunk in _chunks(unique, self.batch_size):
                for e in self._edges_tx(tx, chunk, direction, types):
                    found.setdefault(e.key, e)
            return [found[k] for k in sorted(found)]

        result: list[Edge] = self._read_tx(work)
        if evidence_limit is not None:
            result = [e.model_copy(update={"evidence": e.evidence[:evidence_limit]}) for e in result]
        return result

    def find(
        self, terms: Sequence[str], labels: Sequence[Label] | None = None, limit: int = 50
    ) -> list[Node]:
        """Nodes whose name or an alias contains any term; exact names first, then shorter names."""
        terms = [t for t in terms if t]
        if not terms or limit <= 0:
            return []
        wanted = list(dict.fromkeys(Label(label) for label in labels)) if labels else list(Label)
        rows = self._read(union_all("find", "LABEL", wanted), terms=terms, limit=limit)
        hits: list[tuple[int, int, str, Node]] = []
        for r in rows:
            node = _node(r["label"], r["props"])
            if node is None:
                continue
            names = [node.name, *(node.props.get("aliases") or [])]
            exact = 0 if any(t == n for t in terms for n in names) else 1
            hits.append((exact, len(node.name), node.id, node))
        hits.sort(key=lambda h: h[:3])
        return [h[3] for h in hits[:limit]]

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts by label and relationship counts by type (labels and types with none left out)."""
        by_label, by_type = cypher_statements("counts")
        out: dict[str, dict[str, int]] = {}
        for key, template, slot, members in (
            ("nodes", by_label, "LABEL", list(Label)),
            ("relationships", by_type, "TYPE", list(Rel)),
        ):
            query = "\nUNION ALL\n".join(fill(template, **{slot: m}) for m in members)
            found = {r["key"]: r["n"] for r in self._read(query) if r["n"]}
            out[key] = dict(sorted(found.items()))
        return out

    def iter_nodes(self) -> Iterator[Node]:
        """Every node, sorted by id."""
        names = {label.value for label in Label}
        for r in self._stream(cypher_file("all_nodes"), labels=sorted(names)):
            label = next((x for x in r["labels"] if x in names), None)
            node = _node(label, r["props"]) if label else None
            if node is not None:
                yield node

    def iter_edges(self) -> Iterator[Edge]:
        """Every edge, sorted by (source, type, target)."""
        for r in self._stream(cypher_file("all_edges"), types=[t.value for t in Rel]):
            edge = _edge(r["source"], r["type"], r["target"], r["props"])
            if edge is not None:
                yield edge

    def clear(self) -> None:
        """Remove every document, node and relationship (the schema stays)."""

        def work(tx: ManagedTransaction) -> int:
            rows = [r.data() for r in tx.run(cypher_file("clear"), limit=_CLEAR_CHUNK)]
            return int(rows[0]["deleted"]) if rows else 0

        try:
            with self._session() as session:
                while session.execute_write(work):
                    pass
        except (Neo4jError, DriverError, OSError) as exc:
            raise StoreError(f"Neo4j clear failed: {exc}") from exc

    def close(self) -> None:
        """Close the driver and its connections."""
        self._driver.close()
