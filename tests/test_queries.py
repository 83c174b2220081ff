"""Chain answers on a hand-built graph: long lists are cut to their first items with their totals,
every hop quotes its first evidence in document order, and says when there is more."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_loader.graph import Edge, GraphBatch, Label, Node, Rel
from graph_loader.models import DocumentFacts, Evidence
from graph_loader.queries import HOP_EVIDENCE, MAX_HEADS, MAX_OTHER_POSTS, Graph
from graph_loader.store.embedded import EmbeddedStore

SENTENCE = "会议由县委书记甲主持。"
HEADS = MAX_HEADS + 3  # more holders of the group's 组长 post than an answer lists
OTHER_POSTS = MAX_OTHER_POSTS + 2


def ev(doc: str) -> Evidence:
    return Evidence(
        doc_id=doc,
        sentence=SENTENCE,
        sentence_start=0,
        sentence_end=len(SENTENCE),
        start=7,
        end=8,
        quote="甲",
        rule="test",
        confidence=0.9,
    )


def build() -> tuple[GraphBatch, list[DocumentFacts]]:
    docs = [f"d{i:02d}" for i in range(HOP_EVIDENCE + 3)]
    facts = [DocumentFacts(doc=f"{d}.txt", doc_id=d, text=SENTENCE) for d in docs]
    nodes = [
        Node(id="loc:430000", label=Label.LOCALITY, name="湖南省", evidence=[ev(docs[0])]),
        Node(
            id="b:group",
            label=Label.BODY,
            name="领导小组",
            props={"kind": "leading_group"},
            evidence=[ev(docs[0])],
        ),
        Node(
            id="p:head", label=Label.POST, name="领导小组组长", props={"head": True}, evidence=[ev(docs[0])]
        ),
    ]
    edges = [
        Edge(source="p:head", type=Rel.OF, target="b:group", evidence=[ev(d) for d in reversed(docs)]),
        Edge(source="b:group", type=Rel.LOCATED_IN, target="loc:430000", evidence=[ev(docs[0])]),
    ]
    for i in range(HEADS):
        person = f"person:{i:02d}"
        nodes.append(Node(id=person, label=Label.PERSON, name=f"官员{i:02d}", evidence=[ev(docs[0])]))
        edges.append(Edge(source=person, type=Rel.HOLDS, target="p:head", evidence=[ev(docs[1])]))
        for j in range(OTHER_POSTS):
            post = f"post:{i:02d}-{j}"
            nodes.append(Node(id=post, label=Label.POST, name=f"职务{i:02d}-{j}", evidence=[ev(docs[0])]))
            edges.append(Edge(source=person, type=Rel.HOLDS, target=post, evidence=[ev(docs[2])]))
    return GraphBatch(documents=docs, nodes=nodes, edges=edges), facts


@pytest.fixture()
def graph(tmp_path: Path) -> Graph:
    store = EmbeddedStore(tmp_path / "g.sqlite")
    batch, facts = build()
    store.write(batch, facts)
    return Graph(store)


def test_heads_and_their_posts_are_cut_with_totals(graph: Graph) -> None:
    chain = graph.body_chain("b:group")
    step = chain.steps[0]
    assert step.heads_total == HEADS
    assert [h.person.name for h in step.heads] == [f"官员{i:02d}" for i in range(MAX_HEADS)]
    for head in step.heads:
        assert head.other_posts_total == OTHER_POSTS
        assert len(head.other_posts) == MAX_OTHER_POSTS
    assert [h.target.name for h in chain.localities] == ["湖南省"]


def test_hops_quote_the_first_evidence_in_document_order_and_say_there_is_more(graph: Graph) -> None:
    head = graph.body_chain("b:group").steps[0].heads[0]
    # written newest document first; quoted in document order whatever the load order
    assert [e.doc_id for e in head.of.evidence] == [f"d{i:02d}" for i in range(HOP_EVIDENCE)]
    assert head.of.more_evidence
    assert len(head.holds.evidence) == 1 and not head.holds.more_evidence
    for hop in (head.of, head.holds, *head.other_posts):
        for e in hop.evidence:
            assert (
                e.sentence == SENTENCE
                and e.sentence[e.start - e.sentence_start : e.end - e.sentence_start] == e.quote
            )


def test_every_piece_of_evidence_stays_reachable(graph: Graph) -> None:
    key = ("p:head", Rel.OF.value, "b:group")
    everything = graph.store.evidence([key])[key]
    assert [e.doc_id for e in everything] == [f"d{i:02d}" for i in range(HOP_EVIDENCE + 3)]
    assert graph.store.evidence([key], 1)[key] == everything[:1]
    assert graph.store.evidence([("p:head", Rel.OF.value, "nowhere")]) == {("p:head", "OF", "nowhere"): []}


def test_person_chain_lists_posts_with_the_head_post_first(graph: Graph) -> None:
    chain = graph.person_chain("person:03")
    assert chain.posts_total == OTHER_POSTS + 1
    assert chain.posts[0].holds.target.name == "领导小组组长"
    assert chain.posts[0].chain is not None and chain.posts[0].chain.steps[0].heads_total == HEADS
