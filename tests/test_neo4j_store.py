"""The Neo4j store: its Cypher files (no server needed), then writes and reads on a real Bolt server.

The server tests use the server named by NEO4J_URI (``scripts/bolt_server.py start`` runs one; CI
does) and skip without one.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, facts_of

pytest.importorskip("neo4j", reason="the neo4j driver is not installed (pip install -e '.[neo4j]')")

from graph_loader.errors import StoreError  # noqa: E402
from graph_loader.graph import Edge, GraphBatch, Label, Node, Rel, evidence_json  # noqa: E402
from graph_loader.models import Evidence  # noqa: E402
from graph_loader.store import neo4j as store_module  # noqa: E402
from graph_loader.store.neo4j import Neo4jStore, cypher_file, cypher_statements, fill, union_all  # noqa: E402

CYPHER = ROOT / "cypher"
STORE_SOURCE = Path(store_module.__file__).read_text(encoding="utf-8")
TEMPLATES = {
    "all_nodes",
    "read_nodes",
    "read_edges",
    "read_relationships",
    "read_named",
    "find",
    "counts",
    "write_nodes",
    "write_edges",
}
NO_INPUT = {"schema", "document_ids", "counts", "all_nodes", "read_sources"}  # files that take no parameter


def ev(
    doc: str = "d1", start: int = 0, rule: str = "test.rule", sentence: str = "张三主持会议。"
) -> Evidence:
    return Evidence(
        doc_id=doc,
        sentence=sentence,
        sentence_start=0,
        sentence_end=len(sentence),
        start=start,
        end=start + 2,
        quote=sentence[start : start + 2],
        rule=rule,
        confidence=0.9,
    )


def small_batch() -> GraphBatch:
    return GraphBatch(
        documents=["d1"],
        nodes=[
            Node(
                id="person:a",
                label=Label.PERSON,
                name="张三",
                props={"aliases": ["张三同志"], "province": None},
                evidence=[ev()],
            ),
            Node(
                id="event:m",
                label=Label.EVENT,
                name="动员会",
                props={"kind": "meeting", "date": "2017-04-26"},
                evidence=[ev(start=2)],
            ),
            Node(id="loc:430000", label=Label.LOCALITY, name="湖南省", props={"level": "province"}),
        ],
        edges=[
            Edge(source="person:a", type=Rel.CHAIRED, target="event:m", evidence=[ev(), ev(start=2)]),
            Edge(
                source="event:m", type=Rel.HELD_IN, target="loc:430000", props={"note": ""}, evidence=[ev()]
            ),
        ],
    )


# -- the Cypher files, without a server ------------------------------------------------------------
def cypher_names() -> list[str]:
    return sorted(p.stem for p in CYPHER.glob("*.cypher"))


@pytest.mark.parametrize("name", cypher_names())
def test_every_cypher_file_loads_and_takes_its_input_as_parameters(name: str) -> None:
    text = cypher_file(name)
    assert text and "//" not in text.split("\n")[0]
    raw = (CYPHER / f"{name}.cypher").read_text(encoding="utf-8")
    assert raw.lstrip().startswith("//"), f"{name}.cypher should open with a comment saying what it does"
    if name not in NO_INPUT:
        assert re.search(r"\$[a-z_]+", text), f"{name}.cypher takes input but has no $parameter"
    # no value is spliced in: no string literal but the template's own label/type slot
    literals = re.findall(r"'([^']*)'", text)
    assert set(literals) <= {"__LABEL__", "__TYPE__"}, literals
    slots = set(re.findall(r"__([A-Z]+)__", text))
    assert (name in TEMPLATES) == bool(slots), f"{name}: slots {slots}"
    assert slots <= {"LABEL", "SOURCE", "TARGET", "TYPE"}


def test_every_cypher_file_is_used_by_the_store_and_every_one_used_exists() -> None:
    used = set(re.findall(r'(?:cypher_file|cypher_statements|union_all)\("([a-z_]+)"', STORE_SOURCE))
    assert used == set(cypher_names())


def test_templates_take_enum_members_only() -> None:
    template = cypher_file("write_edges")
    text = fill(template, SOURCE=Label.PERSON, TYPE=Rel.CHAIRED, TARGET=Label.EVENT)
    assert (
        "(a:Person {id: r.source})" in text and "[x:CHAIRED]" in text and "(b:Event {id: r.target})" in text
    )
    with pytest.raises(TypeError):
        fill(template, SOURCE="Person", TYPE=Rel.CHAIRED, TARGET=Label.EVENT)  # a string, even a valid one
    with pytest.raises(TypeError):
        fill(template, SOURCE=Label.PERSON, TYPE=Label.EVENT, TARGET=Label.EVENT)  # a label as a type
    with pytest.raises(ValueError):
        fill(template, SOURCE=Label.PERSON, TYPE=Rel.CHAIRED)  # TARGET left unfilled
    with pytest.raises(ValueError):
        fill(template, WHERE=Label.PERSON)
    union = union_all("read_nodes", "LABEL", Label)
    assert union.count("UNION ALL") == len(Label) - 1 and "__" not in union


def test_relationship_writes_match_endpoints_in_separate_clauses() -> None:
    text = cypher_file("write_edges")
    assert re.search(r"^MATCH \(a:__SOURCE__ \{id: r\.source\}\)$", text, re.M)
    assert re.search(r"^MATCH \(b:__TARGET__ \{id: r\.target\}\)$", text, re.M)
    assert "MERGE (a)-[x:__TYPE__]->(b)" in text
    assert "reduce(l = old, i IN r.evidence |" in text and "STARTS WITH i.k" in text
    assert "UNWIND $rows AS r" in text and "MERGE (n:__LABEL__ {id: r.id})" in cypher_file("write_nodes")


def test_schema_is_neo4j_5_and_idempotent() -> None:
    statements = cypher_statements("schema")
    assert statements and all("IF NOT EXISTS" in s for s in statements)
    text = " ".join(statements)
    assert "ASSERT" not in text and " ON (n:" not in text.replace("FOR (n:", "")  # Neo4j 4 syntax
    for label in Label:
        assert f"FOR (n:{label.value}) REQUIRE n.id IS UNIQUE" in text
    for label in ("Person", "Body", "Locality", "Event"):
        assert re.search(rf"CREATE INDEX \w+ IF NOT EXISTS FOR \(n:{label}\) ON \(n\.name\)", text)
    names = [re.match(r"CREATE (?:CONSTRAINT|INDEX) (\w+)", s) for s in statements]
    assert all(names) and len({m.group(1) for m in names if m}) == len(statements)


class RecordingTx:
    """Stands in for a driver transaction: records what is sent, answers with no rows."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, dict[str, Any]]] = []

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any) -> RecordingTx:
        self.sent.append((query, {**(parameters or {}), **kwargs}))
        return self

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def consume(self) -> None:
        return None


def test_user_text_only_ever_travels_as_parameters() -> None:
    nasty = "x'}) DETACH DELETE n //"
    batch = GraphBatch(
        nodes=[
            Node(id=nasty, label=Label.BODY, name=nasty, props={nasty.replace(" ", "_"): nasty}),
            Node(id="b2", label=Label.BODY, name="`Body`", props={"aliases": [nasty]}),
        ],
        edges=[Edge(source=nasty, type=Rel.REPORTS_TO, target="b2", props={"task": [nasty]})],
    )
    store = Neo4jStore.__new__(Neo4jStore)  # no connection: only the statement building is exercised
    store.batch_size = 1
    store._labels = {}
    tx = RecordingTx()
    facts = facts_of("5月6日,永兴县召开会议。", nasty)
    summary = store._write_tx(tx, batch.nodes, batch.edges, [facts], [])  # type: ignore[arg-type]
    assert summary.nodes == {"Body": 2} and summary.relationships == {"REPORTS_TO": 1}
    queries = [q for q, _ in tx.sent]
    assert any("MERGE (a)-[x:REPORTS_TO]->(b)" in q for q in queries)
    for q in queries:
        assert nasty not in q and "`Body`" not in q and "永兴" not in q
        assert (
            q in {cypher_file(n) for n in cypher_names()}
            or "UNION ALL" in q
            or re.search(
                r"\((?:n|a|b):(?:Person|Post|Body|Locality|Event|Document) \{id: (?:[rk]\.\w+|id)\}\)", q
            )
        )
    assert any(nasty in str(p) for _, p in tx.sent)


def test_properties_neo4j_cannot_store_are_refused_before_any_write() -> None:
    store = Neo4jStore.__new__(Neo4jStore)
    for props in ({"m": {"a": 1}}, {"l": [1, "a"]}, {"n": [[1]]}, {"big": 2**70}, {"name": "x"}):
        with pytest.raises(StoreError):
            store.write(GraphBatch(nodes=[Node(id="p", label=Label.PERSON, name="p", props=props)]), [])


# -- on a real Bolt server --------------------------------------------------------------------------
@pytest.fixture
def neo4j_store() -> Iterator[Neo4jStore]:
    from neo4j_support import neo4j_store_or_skip

    store = neo4j_store_or_skip()
    yield store
    store.clear()
    store.close()


@pytest.mark.server
def test_writing_a_batch_twice_adds_nothing_the_second_time(neo4j_store: Neo4jStore) -> None:
    first = neo4j_store.write(small_batch(), [])
    assert first.nodes == {"Person": 1, "Event": 1, "Locality": 1}
    assert first.relationships == {"CHAIRED": 1, "HELD_IN": 1}
    before = (list(neo4j_store.iter_nodes()), list(neo4j_store.iter_edges()))
    second = neo4j_store.write(small_batch(), [])
    assert second.documents == 0 and not second.nodes and not second.relationships
    assert (list(neo4j_store.iter_nodes()), list(neo4j_store.iter_edges())) == before
    [chaired] = neo4j_store.edges(["person:a"], "out", [Rel.CHAIRED])
    assert chaired.evidence == [ev(), ev(start=2)]  # not duplicated
    assert neo4j_store.counts() == {
        "nodes": {"Event": 1, "Locality": 1, "Person": 1},
        "relationships": {"CHAIRED": 1, "HELD_IN": 1},
    }


@pytest.mark.server
def test_a_second_batch_merges_properties_and_evidence(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(small_batch(), [])
    later = GraphBatch(
        nodes=[
            Node(
                id="person:a",
                label=Label.PERSON,
                name="张三(另写)",
                props={"aliases": ["张三同志", "老张"], "province": "430000"},
                evidence=[ev(), ev(doc="d2")],
            )
        ],
        edges=[
            Edge(
                source="event:m",
                type=Rel.HELD_IN,
                target="loc:430000",
                props={"note": "县城"},
                evidence=[ev(doc="d2")],
            )
        ],
    )
    summary = neo4j_store.write(later, [])
    assert not summary.nodes and not summary.relationships
    [person] = neo4j_store.nodes(["person:a"])
    assert person.name == "张三"  # a stored node keeps its name
    assert person.props == {"aliases": ["张三同志", "老张"], "province": "430000"}
    assert [e.doc_id for e in person.evidence] == ["d1", "d2"]
    [held] = neo4j_store.edges(["loc:430000"], "in")
    assert held.props == {"note": "县城"} and [e.doc_id for e in held.evidence] == ["d1", "d2"]
    [event] = neo4j_store.nodes(["event:m"])
    assert event.props == {"kind": "meeting", "date": "2017-04-26"}
    # an empty value never overwrites, a null stays a null
    neo4j_store.write(
        GraphBatch(nodes=[Node(id="event:m", label=Label.EVENT, name="x", props={"date": None})]), []
    )
    assert neo4j_store.nodes(["event:m"])[0].props == {"kind": "meeting", "date": "2017-04-26"}
    assert neo4j_store.nodes(["nope", "person:a", "person:a"])[0].props["province"] == "430000"


@pytest.mark.server
def test_null_properties_come_back_as_null(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(small_batch(), [])
    [person] = neo4j_store.nodes(["person:a"])
    assert person.props == {"aliases": ["张三同志"], "province": None}
    assert neo4j_store.edges(["event:m"], "out")[0].props == {"note": ""}


@pytest.mark.server
def test_a_batch_failing_mid_transaction_leaves_the_store_unchanged(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    neo4j_store.write(small_batch(), [])
    before = (neo4j_store.counts(), list(neo4j_store.iter_nodes()), list(neo4j_store.iter_edges()))
    facts = facts_of("5月6日,永兴县召开会议。县委书记张建国出席会议。", "fail.txt")
    batch = GraphBatch(
        documents=[facts.doc_id],
        nodes=[
            Node(id="person:b", label=Label.PERSON, name="李四", evidence=[ev()]),
            Node(
                id="person:a",
                label=Label.PERSON,
                name="张三",
                props={"aliases": ["阿三"]},
                evidence=[ev(doc="d3")],
            ),
        ],
        edges=[Edge(source="person:b", type=Rel.ATTENDED, target="event:m", evidence=[ev()])],
    )
    real = store_module.cypher_file

    def failing(name: str) -> str:
        # the relationships are written last: documents and nodes are already written when this fails
        return "UNWIND $rows AS r RETURN size(r.source) / 0 AS boom" if name == "write_edges" else real(name)

    monkeypatch.setattr(store_module, "cypher_file", failing)
    with pytest.raises(StoreError):
        neo4j_store.write(batch, [facts])
    monkeypatch.undo()
    assert (neo4j_store.counts(), list(neo4j_store.iter_nodes()), list(neo4j_store.iter_edges())) == before
    assert not neo4j_store.has_document(facts.doc_id)
    # and the same batch goes through once the failure is gone
    assert neo4j_store.write(batch, [facts]).nodes == {"Person": 1}
    assert neo4j_store.has_document(facts.doc_id)


@pytest.mark.server
def test_documents_round_trip(neo4j_store: Neo4jStore) -> None:
    a = facts_of("5月6日,永兴县召开会议。县委书记张建国出席会议。", "a.txt")
    b = facts_of("5月7日,婺源县召开会议。县委书记李建国主持会议。", "b.txt")
    summary = neo4j_store.write(GraphBatch(documents=[a.doc_id, b.doc_id]), [a, b, a])
    assert summary.documents == 2
    assert neo4j_store.document(a.doc_id) == a and neo4j_store.document(b.doc_id) == b
    assert neo4j_store.has_document(a.doc_id) and not neo4j_store.has_document("0" * 16)
    assert neo4j_store.document("0" * 16) is None
    assert neo4j_store.document_ids() == sorted([a.doc_id, b.doc_id])
    assert neo4j_store.write(GraphBatch(), [b]).documents == 0
    assert neo4j_store.counts() == {"nodes": {}, "relationships": {}}  # facts are not graph nodes
    assert list(neo4j_store.iter_nodes()) == []


@pytest.mark.server
def test_find_orders_exact_names_then_shorter_names(neo4j_store: Neo4jStore) -> None:
    names = {"body:1": "永兴县委", "body:2": "永兴县", "body:3": "永兴县环境保护委员会", "loc:1": "永兴县"}
    nodes = [
        Node(id=i, label=Label.LOCALITY if i.startswith("loc") else Label.BODY, name=n)
        for i, n in names.items()
    ]
    nodes.append(Node(id="body:4", label=Label.BODY, name="县环委会", props={"aliases": ["永兴县"]}))
    neo4j_store.write(GraphBatch(nodes=nodes), [])
    assert [n.id for n in neo4j_store.find(["永兴县"])] == ["body:2", "loc:1", "body:4", "body:1", "body:3"]
    assert [n.id for n in neo4j_store.find(["永兴县"], [Label.BODY], limit=2)] == ["body:2", "body:4"]
    assert neo4j_store.find(["", "不存在"]) == [] and neo4j_store.find([]) == []


@pytest.mark.server
def test_edges_by_direction_and_type(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(small_batch(), [])
    keys = [e.key for e in neo4j_store.edges(["event:m"])]
    assert keys == [("event:m", "HELD_IN", "loc:430000"), ("person:a", "CHAIRED", "event:m")]
    assert [e.key for e in neo4j_store.edges(["event:m"], "in")] == [("person:a", "CHAIRED", "event:m")]
    assert [e.key for e in neo4j_store.edges(["event:m"], "out")] == [("event:m", "HELD_IN", "loc:430000")]
    assert neo4j_store.edges(["event:m"], "both", [Rel.HOLDS]) == []
    assert [e.key for e in neo4j_store.edges(["event:m", "person:a"], "both", [Rel.CHAIRED])] == [
        ("person:a", "CHAIRED", "event:m")
    ]


@pytest.mark.server
def test_a_relationship_to_an_unknown_node_is_skipped(neo4j_store: Neo4jStore) -> None:
    batch = small_batch()
    batch.edges.append(Edge(source="person:a", type=Rel.ATTENDED, target="event:unknown"))
    summary = neo4j_store.write(batch, [])
    assert summary.relationships == {"CHAIRED": 1, "HELD_IN": 1}
    assert [e.key for e in neo4j_store.iter_edges()] == [
        ("event:m", "HELD_IN", "loc:430000"),
        ("person:a", "CHAIRED", "event:m"),
    ]


@pytest.mark.server
def test_schema_can_be_applied_again_and_clear_empties(neo4j_store: Neo4jStore) -> None:
    neo4j_store.ensure_schema()
    neo4j_store.write(small_batch(), [facts_of("5月6日,永兴县召开会议。", "c.txt")])
    neo4j_store.clear()
    assert neo4j_store.counts() == {"nodes": {}, "relationships": {}}
    assert neo4j_store.document_ids() == []


@pytest.mark.server
def test_evidence_comes_in_key_order_and_limits_are_cut_on_the_server(neo4j_store: Neo4jStore) -> None:
    def batch(*docs: str) -> GraphBatch:
        return GraphBatch(
            nodes=[
                Node(id="person:a", label=Label.PERSON, name="张三", evidence=[ev(doc=d) for d in docs]),
                Node(id="event:m", label=Label.EVENT, name="动员会"),
            ],
            edges=[
                Edge(
                    source="person:a", type=Rel.CHAIRED, target="event:m", evidence=[ev(doc=d) for d in docs]
                )
            ],
        )

    neo4j_store.write(batch("d3", "d1"), [])
    neo4j_store.write(batch("d2", "d0"), [])  # interleaves with what is stored
    order = ["d0", "d1", "d2", "d3"]
    key = ("person:a", "CHAIRED", "event:m")
    [person] = neo4j_store.nodes(["person:a"])
    assert [e.doc_id for e in person.evidence] == order
    assert [e.doc_id for e in neo4j_store.nodes(["person:a"], evidence_limit=2)[0].evidence] == order[:2]
    assert neo4j_store.nodes(["person:a"], evidence=False)[0].evidence == []
    [chaired] = neo4j_store.edges(["event:m"], "in", evidence_limit=3)
    assert [e.doc_id for e in chaired.evidence] == order[:3]
    assert neo4j_store.edges(["event:m"], "in", evidence_limit=0)[0].evidence == []
    found = neo4j_store.evidence([key, ("person:a", "CHAIRED", "nope"), key], 1)
    assert [e.doc_id for e in found[key]] == ["d0"] and found[("person:a", "CHAIRED", "nope")] == []
    assert [e.doc_id for e in neo4j_store.evidence([key])[key]] == order

    # on the server the list is in key order (so the first pieces are cut there), one string per key
    with neo4j_store._session() as session:
        stored = session.run("MATCH (n:Person {id: 'person:a'}) RETURN n.evidence AS e").single()["e"]
    assert stored == sorted(stored) and len(stored) == 4
    neo4j_store.write(batch("d1", "d0"), [])  # already stored: nothing added
    assert len(neo4j_store.nodes(["person:a"])[0].evidence) == 4

    # a list written before lists were kept in order (plain JSON, no marker) is still read in order
    legacy = evidence_json([ev(doc="c0"), ev(doc="a0")])
    with neo4j_store._session() as session:
        session.execute_write(
            lambda tx: tx.run(
                "MATCH (n:Person {id: 'person:a'}) SET n.evidence = $e REMOVE n._evidence_sorted", e=legacy
            ).consume()
        )
    assert [e.doc_id for e in neo4j_store.nodes(["person:a"], evidence_limit=1)[0].evidence] == ["a0"]
    neo4j_store.write(batch("b0"), [])
    [person] = neo4j_store.nodes(["person:a"])
    assert [e.doc_id for e in person.evidence] == ["a0", "b0", "c0"]
    assert [e.doc_id for e in neo4j_store.nodes(["person:a"], evidence_limit=2)[0].evidence] == ["a0", "b0"]


@pytest.mark.server
def test_reads_find_nodes_whatever_label_they_were_expected_under(neo4j_store: Neo4jStore) -> None:
    batch = small_batch()
    batch.nodes.append(Node(id="b2", label=Label.BODY, name="无前缀"))  # an id without a label prefix
    batch.edges.append(Edge(source="b2", type=Rel.LOCATED_IN, target="loc:430000"))
    neo4j_store.write(batch, [])
    fresh = Neo4jStore.__new__(Neo4jStore)  # the same connection, nothing learned yet
    fresh.__dict__.update(neo4j_store.__dict__, _labels={})
    assert [n.id for n in fresh.nodes(["b2", "person:a", "nope"])] == ["b2", "person:a"]
    fresh._labels.update({"person:a": Label.BODY, "event:m": Label.PERSON})  # wrong guesses
    assert [n.label for n in fresh.nodes(["person:a", "event:m"])] == [Label.PERSON, Label.EVENT]
    fresh._labels.update({"person:a": Label.BODY, "event:m": Label.PERSON})
    keys = [e.key for e in fresh.edges(["person:a", "event:m", "b2"])]
    assert keys == [
        ("b2", "LOCATED_IN", "loc:430000"),
        ("event:m", "HELD_IN", "loc:430000"),
        ("person:a", "CHAIRED", "event:m"),
    ]
    assert fresh._labels["person:a"] is Label.PERSON and fresh._labels["loc:430000"] is Label.LOCALITY
    assert list(fresh.evidence([("person:a", "CHAIRED", "event:m")], 1).values()) == [[ev()]]


@pytest.mark.server
def test_a_read_of_many_ids_is_one_statement(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    neo4j_store.write(small_batch(), [])
    statements: list[str] = []
    real = neo4j_store._run_labels

    def counting(tx: Any, templates: Any, groups: Any, *rest: Any) -> set[str]:
        statements.append(",".join(sorted(groups)))
        return real(tx, templates, groups, *rest)

    monkeypatch.setattr(neo4j_store, "_run_labels", counting)
    ids = ["person:a", "event:m", "loc:430000"]
    assert len(neo4j_store.edges(ids, "both", None, 0)) == 2
    assert len(neo4j_store.nodes(ids, evidence=False)) == 3
    assert statements == ["Event,Locality,Person"] * 2


@pytest.mark.server
def test_named_and_find(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(small_batch(), [])
    neo4j_store.write(
        GraphBatch(
            nodes=[
                Node(id="person:b", label=Label.PERSON, name="张三", evidence=[ev(doc="d0"), ev(doc="d9")]),
                Node(id="body:z", label=Label.BODY, name="张三"),
            ]
        ),
        [],
    )
    named = neo4j_store.named(["张三", "李四"], Label.PERSON)
    assert [(n.id, [e.doc_id for e in n.evidence]) for n in named] == [
        ("person:a", ["d1"]),
        ("person:b", ["d0"]),
    ]
    assert named[0].props == {"aliases": ["张三同志"], "province": None}
    assert neo4j_store.named([], Label.PERSON) == [] and neo4j_store.named(["张"], Label.PERSON) == []
    [person] = neo4j_store.find(["张三同"], [Label.PERSON])
    assert person.id == "person:a" and person.evidence == [] and person.props == {"province": None}


@pytest.mark.server
def test_reads_are_retried_on_transient_failures_only(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from neo4j.exceptions import CypherSyntaxError, SessionExpired

    neo4j_store.write(small_batch(), [])
    real = neo4j_store._nodes_tx
    failures = [SessionExpired("connection lost")]

    def flaky(*args: Any, **kwargs: Any) -> Any:
        if failures:
            raise failures.pop()
        return real(*args, **kwargs)

    monkeypatch.setattr(neo4j_store, "_nodes_tx", flaky)
    assert [n.id for n in neo4j_store.nodes(["person:a"])] == ["person:a"]  # retried once
    failures.append(CypherSyntaxError("bad statement"))
    with pytest.raises(StoreError):
        neo4j_store.nodes(["person:a"])
    assert not failures


def test_evidence_is_stored_as_json_strings() -> None:
    # the form the Cypher's de-duplication compares: one canonical JSON string per piece of evidence
    assert evidence_json([ev()]) == evidence_json([ev()])
    assert evidence_json([ev()])[0].startswith('{"confidence": 0.9, "doc_id": "d1"')


@pytest.mark.server
def test_a_schema_statement_the_server_refuses_is_reported_once_and_skipped(
    neo4j_store: Neo4jStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    bogus = "CREATE SOMETHING NOBODY SUPPORTS IF NOT EXISTS"
    real = store_module.cypher_statements
    monkeypatch.setattr(store_module, "cypher_statements", lambda name: [bogus, *real(name)])
    with caplog.at_level("WARNING", logger=store_module.__name__):
        assert neo4j_store.ensure_schema() == [bogus]
        assert neo4j_store.ensure_schema() == [bogus]
    assert sum(bogus in r.getMessage() for r in caplog.records) == 1
    assert neo4j_store.write(small_batch(), []).nodes  # the store goes on working


def bolt_server_script() -> Any:
    spec = importlib.util.spec_from_file_location("bolt_server", ROOT / "scripts" / "bolt_server.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bolt_server_script_refuses_what_it_must_not_touch(tmp_path: Path) -> None:
    script = bolt_server_script()
    assert script.main(["stop", "--pid", str(os.getpid())]) == 2  # not a server it started: left alone
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "file").write_text("x")
    if importlib.util.find_spec("arcadedb_embedded") is not None:
        assert script.main(["start", "--data", str(tmp_path / "old")]) == 2  # not a throwaway folder
