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
  properties; a property whose value is null is listed in ``_null_props`` (Neo4j cannot store a
  null);
- a relationship is ``(a)-[:TYPE {evidence, …props}]->(b)``, one per (source, type, target);
- evidence is a list of strings, each a sort key (:func:`~graph_loader.graph.evidence_key` written
  so that strings compare as keys do) then the JSON of the piece
  (:func:`~graph_loader.graph.evidence_json`). The writes keep every list in key order
  (``_evidence_sorted``), inserting each new piece where it belongs on the server, so a read that
  wants the first few pieces of a relationship attested by thousands of documents gets those few
  only, and a write never reads or resends a whole list;
- the facts of a document are a ``(:DocumentFacts {doc_id, name, title, date, source, text,
  facts})`` node, apart from the graph's ``Document`` nodes so that reading the graph never drags
  article text along, and so that storing facts adds no node the embedded store would not have.

Reads are few round trips whatever their size: a read of many ids is one statement, with one
``UNION ALL`` branch per label the ids are expected to carry (the label is learned from earlier
answers, or guessed from the id's prefix), each id found by a seek on its label's id constraint;
an id not found where expected is looked for under every other label, so a wrong guess costs a
second statement, never a wrong answer.

A :meth:`Neo4jStore.write` runs in one transaction: it reads what is stored of the batch's nodes
and relationships (their labels and properties), merges properties in Python exactly as the
embedded store does (:func:`~graph_loader.graph.merge_props`), and writes batched
``UNWIND $rows … MERGE`` statements that add the pieces of evidence not stored yet; new nodes and
relationships are those that were not stored, so loading the same batch twice reports zero the
second time. A relationship's endpoints are matched by label and id (their labels are known from
the batch or from what is stored), each an index seek rather than a scan of every node; one whose
endpoint is neither in the batch nor stored is skipped with a warning. Writes never run in
auto-commit mode (see ``scripts/bolt_server.py`` for a server that is not atomic there).
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from neo4j import READ_ACCESS, GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph_loader.errors import ConfigError, StoreError
from graph_loader.graph import (
    Edge,
    GraphBatch,
    Label,
    Node,
    Rel,
    evidence_json,
    evidence_key,
    merge_evidence,
    merge_props,
    node_id,
)
from graph_loader.models import DocumentFacts, Evidence
from graph_loader.store.base import Direction, WriteSummary
from graph_loader.trusted import trusted

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction, Session

    from graph_loader.settings import Settings

log = logging.getLogger(__name__)


class _Runner(Protocol):
    """What the reads run their statements on: a session (auto-commit) or a write's transaction."""

    def run(self, query: Any, parameters: dict[str, Any] | None = None, **kwargs: Any) -> Any: ...


_T = TypeVar("_T", Node, Edge)

NULL_PROPS = "_null_props"  # names of the properties whose value is null
SORTED = "_evidence_sorted"  # true while the evidence list is in graph.evidence_key order
_NODE_FIELDS = frozenset({"id", "name", "evidence", NULL_PROPS, SORTED})  # properties that are not ``props``
_EDGE_FIELDS = frozenset({"evidence", NULL_PROPS, SORTED})
_SLOTS: dict[str, type[Label] | type[Rel]] = {"LABEL": Label, "SOURCE": Label, "TARGET": Label, "TYPE": Rel}
_SLOT_RE = re.compile(r"__(LABEL|SOURCE|TARGET|TYPE)__")
_INT_RANGE = (-(2**63), 2**63 - 1)  # what a Neo4j integer holds
_INT_OFFSET = 2**63  # makes an offset non-negative, for a fixed-width sort key
_CLEAR_CHUNK = 10_000
_READ_RETRY_S = 15.0  # how long a read is retried on transient failures (as managed transactions are)
_PAGE = 2_000  # nodes per read of an export
_READ_CHUNK = 5_000  # ids per read statement: a read of many ids is one round trip, not one per id
_HINTS_MAX = 2_000_000  # id → label hints kept by a store before they are forgotten and relearned
# The label an id is first looked for under, from the id's prefix (graph.node_id: ``person:…``,
# ``loc:…``); only a first guess, checked by the read itself.
_LABEL_NAMES = frozenset(label.value for label in Label)
_PREFIX_LABEL: dict[str, Label] = {node_id(label, "0").partition(":")[0]: label for label in Label}
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


def _sort_key(ev: Evidence) -> str:
    """:func:`~graph_loader.graph.evidence_key` as a string that compares as the key does (as Java,
    the server, compares strings too): text as hex of its UTF-8 bytes, offsets as fixed-width
    numbers, each part ended by a character below every hex digit, the whole by a tab."""
    return (
        f"{ev.doc_id.encode().hex()}.{ev.start + _INT_OFFSET:020d}."
        f"{ev.end + _INT_OFFSET:020d}.{ev.rule.encode().hex()}\t"
    )


def _stored_evidence(evidence: list[Evidence]) -> list[dict[str, str]]:
    """What write_nodes/write_edges.cypher take: ``{k, e}``, the sort key and the stored string
    (the key, then the JSON), one per key (the first, as :func:`~graph_loader.graph.merge_evidence`
    keeps), in key order."""
    found: dict[str, str] = {}
    for ev, text in zip(evidence, evidence_json(evidence), strict=True):
        key = _sort_key(ev)
        found.setdefault(key, key + text)
    return [{"k": k, "e": found[k]} for k in sorted(found)]


def _evidence(items: list[str] | None, limit: int | None = None) -> list[Evidence]:
    """Stored evidence in :func:`~graph_loader.graph.evidence_key` order, the first ``limit`` pieces.

    A stored string is a sort key, a tab and the JSON; one written before the keys were stored is
    the JSON alone.
    """
    if not items or limit == 0:
        return []
    found = [Evidence.model_validate_json(s if s[:1] == "{" else s.partition("\t")[2]) for s in items]
    if len(found) > 1:  # in order already, unless written before lists were kept in order
        by_key: dict[tuple[str, int, int, str], Evidence] = {}
        for ev in found:
            by_key.setdefault(evidence_key(ev), ev)
        found = [by_key[k] for k in sorted(by_key)]
    return found if limit is None else found[:limit]


def _node(label: str, raw: dict[str, Any], limit: int | None = None, light: bool = False) -> Node | None:
    """A node from its stored properties; ``light``: without its search aliases, like the embedded
    store's evidence-less nodes."""
    try:
        lab = Label(label)
    except ValueError:
        return None
    props = _props_of(raw, _NODE_FIELDS)
    if light:
        props.pop("aliases", None)
    return trusted(
        Node,
        {
            "id": raw["id"],
            "label": lab,
            "name": raw.get("name") or "",
            "props": props,
            "evidence": _evidence(raw.get("evidence"), limit),
        },
    )


def _edge(source: str, typ: str, target: str, raw: dict[str, Any], limit: int | None = None) -> Edge | None:
    try:
        rel = Rel(typ)
    except ValueError:
        return None
    return trusted(
        Edge,
        {
            "source": source,
            "type": rel,
            "target": target,
            "props": _props_of(raw, _EDGE_FIELDS),
            "evidence": _evidence(raw.get("evidence"), limit),
        },
    )


def _limit(limit: int | None) -> int | None:
    """An evidence limit as the embedded store reads it: none, or a negative one, is no limit."""
    return None if limit is None or limit < 0 else limit


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _row(props: dict[str, Any], evidence: list[Evidence]) -> dict[str, Any]:
    """Properties and evidence as write_nodes/write_edges.cypher take them."""
    values, nulls = _split_props(props)
    return {"props": values, "null_props": nulls, "evidence": _stored_evidence(evidence)}


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
        # id → label, learned from the server's answers: where a read looks for an id first (it is
        # looked for under every other label when not found there, so a stale hint costs time only)
        self._labels: dict[str, Label] = {}
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

    def _read_tx(self, work: Callable[[_Runner], Any]) -> Any:
        """Run ``work``'s read statements in auto-commit mode, in one session; retried while the
        driver deems the failure transient, as a managed transaction would be.

        A read is a statement or two (:meth:`_routed`), atomic enough alone; auto-commit spares the
        BEGIN and COMMIT exchanges of a transaction, a third of a small read's time.
        """
        deadline = time.monotonic() + _READ_RETRY_S
        delay = 0.1
        while True:
            try:
                with self._driver.session(database=self.database, default_access_mode=READ_ACCESS) as session:
                    return work(session)
            except (Neo4jError, DriverError) as exc:
                if not exc.is_retryable() or time.monotonic() + delay > deadline:
                    raise StoreError(f"Neo4j read failed: {exc}") from exc
                log.debug("Neo4j read failed, retrying in %.1f s: %s", delay, exc)
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
            except OSError as exc:
                raise StoreError(f"Neo4j read failed: {exc}") from exc

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """The rows of a read statement."""
        rows: list[dict[str, Any]] = self._read_tx(lambda tx: [r.data() for r in tx.run(query, params)])
        return rows

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
        written: dict[str, Label] = {}
        try:
            with self._session() as session:
                summary = session.execute_write(
                    self._write_tx, nodes, edges, list(docs.values()), dropped, written
                )
        except (Neo4jError, DriverError, OSError) as exc:
            raise StoreError(f"Neo4j write failed, nothing of the batch was kept: {exc}") from exc
        for nid, label in written.items():  # committed: where later reads look for these ids first
            self._learn(nid, label)
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
        written: dict[str, Label] | None = None,
    ) -> WriteSummary:
        # Runs again from the start if the driver retries the transaction: keep it free of side effects
        # outside the transaction but ``dropped`` and ``written``, which are reset here.
        dropped.clear()
        written = {} if written is None else written
        written.clear()
        summary = WriteSummary()

        # documents: new ones only, like INSERT OR IGNORE
        stored_docs: set[str] = set()
        for chunk in _chunks([f.doc_id for f in docs], _READ_CHUNK):
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

        # what is stored of the batch's nodes (their properties, to merge; evidence is merged by the
        # write itself), and which of the other endpoints of the edges exist (their labels only)
        batch_labels = {n.id: n.label for n in nodes}
        stored = self._nodes_tx(tx, list(batch_labels), evidence=True, limit=0, hints=batch_labels)
        label_of = {i: n.label for i, n in stored.items()}
        others = [i for e in edges for i in (e.source, e.target) if i not in batch_labels]
        if others:
            label_of.update((i, n.label) for i, n in self._nodes_tx(tx, others, evidence=False).items())
        existed = set(label_of)

        node_rows: dict[Label, list[dict[str, Any]]] = {}
        for n in nodes:
            old = stored.get(n.id)
            if old is None:
                summary.nodes[n.label.value] = summary.nodes.get(n.label.value, 0) + 1
                label, props = n.label, n.props
            else:
                label, props = old.label, merge_props(old.props, n.props)
                if props == old.props and not n.evidence:
                    continue
            label_of[n.id] = label
            written[n.id] = label
            node_rows.setdefault(label, []).append({"id": n.id, "name": n.name, **_row(props, n.evidence)})

        # which of the batch's edges are stored (their properties, to merge), asked for by key
        keyed = [e.key for e in edges if e.source in existed and e.target in existed]
        stored_edges = {e.key: e for e in self._keyed_edges_tx(tx, keyed, 0, label_of)}

        edge_rows: dict[tuple[Label, Rel, Label], list[dict[str, Any]]] = {}
        for e in edges:
            src, dst = label_of.get(e.source), label_of.get(e.target)
            if src is None or dst is None:
                dropped.append(e.key)
                continue
            prev = stored_edges.get(e.key)
            if prev is None:
                summary.relationships[e.type.value] = summary.relationships.get(e.type.value, 0) + 1
                props = e.props
            else:
                props = merge_props(prev.props, e.props)
                if props == prev.props and not e.evidence:
                    continue
            edge_rows.setdefault((src, e.type, dst), []).append(
                {"source": e.source, "target": e.target, **_row(props, e.evidence)}
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
    def _hint(self, nid: str) -> Label | None:
        """The label ``nid`` is first looked for under: learned, else guessed from its prefix."""
        label = self._labels.get(nid)
        if label is None:
            prefix, colon, _ = nid.partition(":")
            label = _PREFIX_LABEL.get(prefix) if colon else None
        return label

    def _learn(self, nid: str, label: Label) -> None:
        if len(self._labels) >= _HINTS_MAX and nid not in self._labels:
            self._labels.clear()
        self._labels[nid] = label

    def _routed(
        self,
        tx: _Runner,
        templates: Sequence[str],
        items: Sequence[tuple[str, Any]],
        hints: Mapping[str, Label] | None = None,
        param: str = "ids",
        **params: Any,
    ) -> list[Any]:
        """Rows of label templates (a branch per label, with ``id`` and ``label`` columns) for ``items``.

        ``items`` are ``(node id, value)``: the value goes to the branch of the label the node is
        expected to carry (``hints``, else :meth:`_hint`; a node without a guess goes to every label),
        in the map parameter ``param`` keyed by label. A read of any number of nodes is thus one
        statement with one branch per label asked for. The nodes not found where expected are then
        asked of every other label: a second statement, only when a guess was wrong or a node is
        not stored.
        """
        hints = hints or {}
        rows: list[Any] = []
        for chunk in _chunks(items, _READ_CHUNK):
            guess = {i: hints.get(i) or self._hint(i) for i, _ in chunk}
            first: dict[str, list[Any]] = {}
            for i, value in chunk:
                expected = guess[i]
                for label in [expected] if expected is not None else list(Label):
                    first.setdefault(label.value, []).append(value)
            found = self._run_labels(tx, templates, first, rows, param, params)
            second: dict[str, list[Any]] = {}
            for i, value in chunk:
                if guess[i] is not None and i not in found:
                    for label in Label:
                        if label is not guess[i]:
                            second.setdefault(label.value, []).append(value)
            if second:
                self._run_labels(tx, templates, second, rows, param, params)
        return rows

    def _run_labels(
        self,
        tx: _Runner,
        templates: Sequence[str],
        groups: dict[str, list[Any]],
        rows: list[Any],
        param: str,
        params: dict[str, Any],
    ) -> set[str]:
        """Run the branches of the labels in ``groups``; append the rows; return the ids found."""
        labels = [label for label in Label if groups.get(label.value)]
        if not labels:
            return set()
        query = "\nUNION ALL\n".join(fill(t, LABEL=label) for label in labels for t in templates)
        found: set[str] = set()
        for r in tx.run(query, {param: groups, **params}):
            rows.append(r)
            if r["id"] not in found:
                found.add(r["id"])
                self._learn(r["id"], Label(r["label"]))
        return found

    def _nodes_tx(
        self,
        tx: _Runner,
        ids: Sequence[str],
        evidence: bool = True,
        limit: int | None = None,
        hints: Mapping[str, Label] | None = None,
    ) -> dict[str, Node]:
        out: dict[str, Node] = {}
        items = [(i, i) for i in dict.fromkeys(ids)]
        for r in self._routed(tx, [cypher_file("read_nodes")], items, hints, evidence=evidence, limit=limit):
            node = _node(r["label"], r["props"], limit, light=not evidence)
            if node is not None:
                out.setdefault(node.id, node)
        return out

    def _edge_rows(self, rows: Iterable[Any], limit: int | None) -> list[Edge]:
        """Edges of read_edges/read_relationships rows, once each, sorted by (source, type, target)."""
        found: dict[tuple[str, str, str], Edge] = {}
        for r in rows:
            if r["type"] is None:  # the node exists, without such relationships
                continue
            other = r["target"] if r["source"] == r["id"] else r["source"]
            label = next((lab for lab in r["labels"] or [] if lab in _LABEL_NAMES), None)
            if label is not None:
                self._learn(other, Label(label))
            key = (r["source"], r["type"], r["target"])
            if key not in found:
                edge = _edge(r["source"], r["type"], r["target"], r["props"] or {}, limit)
                if edge is not None:
                    found[key] = edge
        return [found[k] for k in sorted(found)]

    def _edges_tx(
        self,
        tx: _Runner,
        ids: Sequence[str],
        direction: Direction,
        types: Sequence[Rel] | None,
        limit: int | None = None,
        hints: Mapping[str, Label] | None = None,
    ) -> list[Edge]:
        """Edges touching ``ids``, sorted by (source, type, target), with at most ``limit`` pieces of evidence."""
        leaving, arriving = cypher_statements("read_edges")
        templates = {"out": [leaving], "in": [arriving], "both": [leaving, arriving]}[direction]
        type_names = [Rel(t).value for t in types] if types else None
        items = [(i, i) for i in dict.fromkeys(ids)]
        rows = self._routed(tx, templates, items, hints, types=type_names, limit=limit)
        return self._edge_rows(rows, limit)

    def _keyed_edges_tx(
        self,
        tx: _Runner,
        keys: Sequence[tuple[str, str, str]],
        limit: int | None,
        hints: Mapping[str, Label] | None = None,
    ) -> list[Edge]:
        """The stored edges among ``keys`` (source, type, target), sorted."""
        items = [(s, {"id": s, "type": t, "target": d}) for s, t, d in dict.fromkeys(keys)]
        if not items:
            return []
        rows = self._routed(tx, [cypher_file("read_relationships")], items, hints, "keys", limit=limit)
        return self._edge_rows(rows, limit)

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

    def sources(self) -> dict[str, str]:
        """Source stamps remembered for stored documents: ``{stamp: content id}``."""
        stored = set(self.document_ids())
        rows = self._read(cypher_file("read_sources"))
        return {r["stamp"]: r["doc_id"] for r in rows if r["doc_id"] in stored}

    def remember_sources(self, stamps: Sequence[tuple[str, str]]) -> None:
        """Remember that the files stamped so hold these stored documents (``(stamp, content id)``),
        in batches of the store's batch size."""
        rows = [{"stamp": s, "doc_id": d} for s, d in stamps]
        query = cypher_file("write_sources")

        def work(tx: ManagedTransaction, chunk: list[dict[str, str]]) -> None:
            tx.run(query, rows=chunk).consume()

        try:
            with self._session() as session:
                for chunk in _chunks(rows, self.batch_size):
                    session.execute_write(work, list(chunk))
        except (Neo4jError, DriverError, OSError) as exc:
            raise StoreError(f"Neo4j write failed: {exc}") from exc

    def nodes(
        self, ids: Sequence[str], evidence: bool = True, evidence_limit: int | None = None
    ) -> list[Node]:
        """The nodes with these ids, in the order asked (unknown ids are left out), in one read.

        Evidence comes in :func:`~graph_loader.graph.evidence_key` order, the first
        ``evidence_limit`` pieces; without ``evidence`` the nodes also leave out their search
        aliases, as the embedded store's do.
        """
        if not ids:
            return []
        limit = _limit(evidence_limit)
        found: dict[str, Node] = self._read_tx(lambda tx: self._nodes_tx(tx, ids, evidence, limit))
        return [found[i] for i in ids if i in found]

    def edges(
        self,
        ids: Sequence[str],
        direction: Direction = "both",
        types: Sequence[Rel] | None = None,
        evidence_limit: int | None = None,
    ) -> list[Edge]:
        """Edges touching any of ``ids``, sorted by (source, type, target), in one read."""
        if direction not in ("out", "in", "both") or not ids:
            return []
        limit = _limit(evidence_limit)
        result: list[Edge] = self._read_tx(lambda tx: self._edges_tx(tx, ids, direction, types, limit))
        return result

    def evidence(
        self, keys: Sequence[tuple[str, str, str]], limit: int | None = None
    ) -> dict[tuple[str, str, str], list[Evidence]]:
        """The evidence of these relationships, ``(source, type, target)``, the first ``limit`` of each
        in :func:`~graph_loader.graph.evidence_key` order (none for a relationship not stored)."""
        wanted = [(s, t, d) for s, t, d in keys]
        if not wanted:
            return {}
        cap = _limit(limit)
        found: list[Edge] = self._read_tx(lambda tx: self._keyed_edges_tx(tx, wanted, cap))
        by_key = {e.key: e.evidence for e in found}
        return {k: by_key.get(k, []) for k in wanted}

    def named(self, names: Sequence[str], label: Label) -> list[Node]:
        """Nodes of ``label`` named exactly one of ``names`` (the name index, one read), each with its
        first piece of evidence; sorted by id."""
        wanted = sorted({n for n in names if n})
        if not wanted:
            return []
        query = fill(cypher_file("read_named"), LABEL=Label(label))
        found: dict[str, Node] = {}
        for chunk in _chunks(wanted, _READ_CHUNK):
            for r in self._read(query, names=list(chunk), limit=1):
                node = _node(r["label"], r["props"], 1)
                if node is not None:
                    self._learn(node.id, node.label)
                    found.setdefault(node.id, node)
        return [found[i] for i in sorted(found)]

    def find(
        self, terms: Sequence[str], labels: Sequence[Label] | None = None, limit: int = 50
    ) -> list[Node]:
        """Nodes whose name or an alias contains any term, without their evidence (nor aliases, as
        :meth:`nodes` without evidence); exact names first, then shorter names, then ids."""
        terms = [t for t in terms if t]
        if not terms or limit <= 0:
            return []
        wanted = list(dict.fromkeys(Label(label) for label in labels)) if labels else list(Label)
        rows = self._read(union_all("find", "LABEL", wanted), terms=terms, limit=limit)
        hits: list[tuple[int, int, str, Node]] = []
        for r in rows:
            node = _node(r["label"], r["props"], 0, light=True)
            if node is None:
                continue
            self._learn(node.id, node.label)
            hits.append((int(r["exact"]), len(node.name), node.id, node))
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

    def _listing(self) -> list[tuple[str, Label]]:
        """Every node's id and label, sorted by id."""
        found: dict[str, Label] = {}
        for r in self._read(union_all("all_nodes", "LABEL", Label)):
            found.setdefault(r["id"], Label(r["label"]))
        return sorted(found.items())

    def iter_nodes(self) -> Iterator[Node]:
        """Every node, sorted by id (read a page of ids at a time)."""
        for page in _chunks(self._listing(), _PAGE):
            hints = dict(page)
            found: dict[str, Node] = self._read_tx(partial(self._nodes_tx, ids=list(hints), hints=hints))
            yield from (found[i] for i in hints if i in found)

    def iter_edges(self) -> Iterator[Edge]:
        """Every edge, sorted by (source, type, target): the edges leaving a page of ids at a time,
        the pages in id order."""
        for page in _chunks(self._listing(), _PAGE):
            hints = dict(page)
            edges: list[Edge] = self._read_tx(
                partial(self._edges_tx, ids=list(hints), direction="out", types=None, hints=hints)
            )
            yield from edges

    def clear(self) -> None:
        """Remove every document, node and relationship (the schema stays)."""
        self._labels.clear()

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
