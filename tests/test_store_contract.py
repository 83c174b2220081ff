"""One contract, every store: the same fixture graph, the same answers.

The embedded store always runs; the Neo4j store runs against the Bolt server named by NEO4J_URI
(CI starts one) and skips with the reason when none is reachable.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, facts_of

from graph_loader.graph import Label, Rel, evidence_key
from graph_loader.loader import write_facts
from graph_loader.models import DocumentFacts
from graph_loader.pipeline import run
from graph_loader.settings import get_settings
from graph_loader.store.base import GraphStore
from graph_loader.store.embedded import EmbeddedStore


@cache
def fixture_facts() -> tuple[DocumentFacts, ...]:
    paths = [
        str(ROOT / "data" / "samples"),
        str(ROOT / "tests" / "corpus" / "articles" / "t02_jiangwan_lingdaoxiaozu.txt"),
    ]
    return tuple(o.facts for o in run(paths) if o.facts is not None)


def load_fixture(store: GraphStore) -> None:
    facts = list(fixture_facts())
    for i in range(0, len(facts), 3):  # several batches, as a real load
        write_facts(store, facts[i : i + 3], get_settings())


@pytest.fixture(params=["embedded", "neo4j"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    if request.param == "embedded":
        s: GraphStore = EmbeddedStore(tmp_path / "graph.sqlite")
    else:
        neo4j_support = pytest.importorskip("neo4j_support", reason="Neo4j support module unavailable")
        s = neo4j_support.neo4j_store_or_skip()
    yield s
    s.close()


def snapshot(store: GraphStore) -> dict[str, Any]:
    """Everything the queries can see, in a canonical form."""
    nodes = [n.model_dump() for n in store.iter_nodes()]
    edges = [e.model_dump() for e in store.iter_edges()]
    some = [n["id"] for n in nodes[:: max(1, len(nodes) // 25)]]
    return {
        "counts": store.counts(),
        "documents": store.document_ids(),
        "nodes": nodes,
        "edges": edges,
        "edges_of": [e.model_dump() for e in store.edges(some)],
        "out_holds": [e.model_dump() for e in store.edges(some, "out", [Rel.HOLDS, Rel.OF])],
        "find": [n.id for n in store.find(["组长", "永兴", "xie", "领导小组"], limit=30)],
        "find_persons": [n.id for n in store.find(["王", "李"], [Label.PERSON], limit=10)],
        "first_mentions": [n.model_dump() for n in store.nodes(some, evidence_limit=2)],
        "first_evidence": {
            "|".join(k): [e.model_dump() for e in v]
            for k, v in store.evidence([e.key for e in store.edges(some)], 2).items()
        },
    }


def test_loading_twice_changes_nothing(store: GraphStore) -> None:
    load_fixture(store)
    before = snapshot(store)
    again = write_facts(store, list(fixture_facts()), get_settings())
    assert again.documents == 0 and not again.nodes and not again.relationships
    assert snapshot(store) == before


def test_every_relationship_has_evidence_from_a_stored_sentence(store: GraphStore) -> None:
    load_fixture(store)
    texts = {d: store.document(d) for d in store.document_ids()}
    n = 0
    for edge in store.iter_edges():
        assert edge.evidence, edge
        for ev in edge.evidence:
            doc = texts[ev.doc_id]
            assert doc is not None
            assert doc.text[ev.sentence_start : ev.sentence_end] == ev.sentence
            assert doc.text[ev.start : ev.end] == ev.quote
            n += 1
        assert edge.evidence == sorted(edge.evidence, key=evidence_key)  # the same order on every store
        assert store.evidence([edge.key], 1)[edge.key] == edge.evidence[:1]
    assert n > 300


@pytest.fixture(params=["neo4j"])
def other_store(request: pytest.FixtureRequest) -> Iterator[GraphStore]:
    """Every store but the embedded one, which is the reference."""
    neo4j_support = pytest.importorskip("neo4j_support", reason="Neo4j support module unavailable")
    s: GraphStore = neo4j_support.neo4j_store_or_skip()
    yield s
    s.close()


def test_same_answers_as_the_embedded_store(other_store: GraphStore, tmp_path: Path) -> None:
    store = other_store
    reference = EmbeddedStore(tmp_path / "ref.sqlite")
    load_fixture(reference)
    load_fixture(store)
    assert snapshot(store) == snapshot(reference)
    reference.close()


def test_posts_bodies_and_chains_are_joined(store: GraphStore) -> None:
    load_fixture(store)
    [person] = [n for n in store.find(["刘春林"], [Label.PERSON]) if n.name == "刘春林"]
    posts = store.edges([person.id], "out", [Rel.HOLDS])
    post_nodes = store.nodes([e.target for e in posts])
    assert "永兴县委书记" in {p.name for p in post_nodes}
    bodies = store.edges([p.id for p in post_nodes], "out", [Rel.OF])
    assert "永兴县委" in {b.name for b in store.nodes([e.target for e in bodies])}
    groups = [n for n in store.find(["综合协调组"], [Label.BODY]) if n.name == "综合协调组"]
    parents = {
        store.nodes([e.target])[0].name for g in groups for e in store.edges([g.id], "out", [Rel.REPORTS_TO])
    }
    # the 综合协调组 of 永兴县 and the one of 江湾镇 are two bodies with their own parents
    assert len(groups) >= 2 and len(parents) >= 2


def test_namesakes_in_two_provinces_are_two_persons_linked(store: GraphStore) -> None:
    a = facts_of("5月6日,永兴县召开会议。县委书记张建国出席会议。", "a.txt")
    b = facts_of("5月7日,婺源县召开会议。县委书记张建国出席会议。", "b.txt")
    write_facts(store, [a], get_settings())
    write_facts(store, [b], get_settings())
    people = [n for n in store.find(["张建国"], [Label.PERSON]) if n.name == "张建国"]
    assert len(people) == 2
    links = store.edges([people[0].id], "both", [Rel.POSSIBLY_SAME])
    assert len(links) == 1 and "湖南省" in links[0].props["reason"] and "江西省" in links[0].props["reason"]
    assert links[0].evidence


def test_documents_round_trip(store: GraphStore) -> None:
    load_fixture(store)
    first = fixture_facts()[0]
    assert store.has_document(first.doc_id)
    assert store.document(first.doc_id) == first
    assert not store.has_document("0" * 16)


def test_aliases_added_by_a_later_batch_are_found_at_once(store: GraphStore) -> None:
    from graph_loader.graph import GraphBatch, Node
    from graph_loader.models import Evidence

    def batch(doc: str, aliases: list[str]) -> tuple[GraphBatch, list[DocumentFacts]]:
        text = "县委书记张三主持会议。"
        ev = Evidence(
            doc_id=doc, sentence=text, sentence_start=0, sentence_end=len(text), start=4, end=6,
            quote="张三", rule="test", confidence=0.9,
        )  # fmt: skip
        node = Node(
            id="person:alias-test", label=Label.PERSON, name="张三", props={"aliases": aliases}, evidence=[ev]
        )
        return GraphBatch(documents=[doc], nodes=[node]), [
            DocumentFacts(doc=f"{doc}.txt", doc_id=doc, text=text)
        ]

    store.write(*batch("alias1", ["zhangsan"]))
    store.write(*batch("alias2", ["張三"]))
    for term in ("zhangsan", "張三"):
        assert [n.id for n in store.find([term], [Label.PERSON])] == ["person:alias-test"], term


def test_source_stamps_point_only_at_stored_documents(store: GraphStore) -> None:
    load_fixture(store)
    first, second = store.document_ids()[:2]
    store.remember_sources([("/a.txt\t10\t1", first), ("/b.txt\t20\t2", "0" * 16)])
    assert store.sources() == {"/a.txt\t10\t1": first}  # no stamp for a document not stored
    store.remember_sources([("/a.txt\t10\t1", second)])  # the same file now holds another document
    assert store.sources() == {"/a.txt\t10\t1": second}
    store.clear()
    assert store.sources() == {}


def test_first_evidence_follows_later_writes(store: GraphStore) -> None:
    """A link quoted once, then attested by a document that sorts first: the next read quotes it."""
    from graph_loader.graph import Edge, GraphBatch, Node
    from graph_loader.models import Evidence

    text = "县委书记张三主持会议。"

    def batch(doc: str) -> tuple[GraphBatch, list[DocumentFacts]]:
        ev = Evidence(
            doc_id=doc, sentence=text, sentence_start=0, sentence_end=len(text), start=4, end=6,
            quote="张三", rule="test", confidence=0.9,
        )  # fmt: skip
        nodes = [
            Node(id="person:ev-test", label=Label.PERSON, name="张三", evidence=[ev]),
            Node(id="post:ev-test", label=Label.POST, name="县委书记", evidence=[ev]),
        ]
        edge = Edge(source="person:ev-test", type=Rel.HOLDS, target="post:ev-test", evidence=[ev])
        return GraphBatch(documents=[doc], nodes=nodes, edges=[edge]), [
            DocumentFacts(doc=f"{doc}.txt", doc_id=doc, text=text)
        ]

    key = ("person:ev-test", "HOLDS", "post:ev-test")
    for doc in ("dddd", "cccc", "bbbb"):
        store.write(*batch(doc))
    assert [e.doc_id for e in store.evidence([key], 2)[key]] == ["bbbb", "cccc"]
    assert [e.doc_id for e in store.nodes(["person:ev-test"], evidence_limit=2)[0].evidence] == [
        "bbbb",
        "cccc",
    ]
    store.write(*batch("aaaa"))
    assert [e.doc_id for e in store.evidence([key], 2)[key]] == ["aaaa", "bbbb"]
    assert [e.doc_id for e in store.evidence([key], 1)[key]] == ["aaaa"]
    assert [e.doc_id for e in store.evidence([key], 9)[key]] == ["aaaa", "bbbb", "cccc", "dddd"]
    assert [e.doc_id for e in store.nodes(["person:ev-test"], evidence_limit=2)[0].evidence] == [
        "aaaa",
        "bbbb",
    ]
    assert store.evidence([key], 1)[key][0].sentence == text
