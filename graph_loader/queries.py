"""Accountability-chain queries, written once over the store's few reads, so every store agrees.

Every hop of every answer carries the evidence of the relationship it follows: the quote, its
sentence, the document and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from opencc import OpenCC
from pydantic import BaseModel, Field

from graph_loader.errors import NotFound
from graph_loader.graph import Edge, Label, Node, Rel
from graph_loader.models import Evidence
from graph_loader.store.base import GraphStore

MAX_CHAIN_DEPTH = 8
MAX_HOPS = 6
MAX_VISITED = 20_000
HOP_EVIDENCE = 5  # pieces of evidence quoted per hop (the first ones; a link may have thousands)
HEAD_RULE = "holders of head posts (组长, 主任, 书记, 局长, 县长/市长…)"


class Ref(BaseModel):
    """A node as answers show it."""

    id: str
    label: Label
    name: str
    props: dict[str, object] = Field(default_factory=dict)


class Hop(BaseModel):
    """One relationship followed by an answer, with its evidence."""

    source: Ref
    type: Rel
    target: Ref
    props: dict[str, object] = Field(default_factory=dict)
    evidence: list[Evidence]


class Head(BaseModel):
    """A person holding a head post of a body, and that person's other posts."""

    person: Ref
    post: Ref
    holds: Hop
    of: Hop
    other_posts: list[Hop] = Field(default_factory=list)


class BodyStep(BaseModel):
    """A body on a chain: how it was reached, and who heads it."""

    body: Ref
    reached_by: Hop | None = None
    heads: list[Head] = Field(default_factory=list)


class BodyChain(BaseModel):
    """A body up its REPORTS_TO chain to the top, then its locality chain."""

    start: Ref
    steps: list[BodyStep]
    localities: list[Hop]


class PostChain(BaseModel):
    """A post a person holds, the body it belongs to, and that body's chain."""

    holds: Hop
    of: Hop | None = None
    chain: BodyChain | None = None


class EventRole(BaseModel):
    """A person's part in an event."""

    role: Rel
    event: Ref
    date: str | None = None
    hop: Hop


class PersonChain(BaseModel):
    """Everything a person is accountable for, hop by hop."""

    person: Ref
    posts: list[PostChain]
    events: list[EventRole]
    inspections: list[Hop]
    possible_duplicates: list[Hop]


class EventView(BaseModel):
    """An event held in a place and who chaired it."""

    event: Ref
    held_in: Hop
    chairs: list[Hop]


class LocalityChain(BaseModel):
    """Who was responsible in a place for inspection work."""

    locality: Ref
    parents: list[Hop]
    inspections: list[Hop]
    bodies: list[BodyStep]
    events: list[EventView]


class Path(BaseModel):
    """A shortest connection between two entities; ``reversed`` marks hops walked against their direction."""

    hops: list[Hop]
    reversed: list[bool]


def ref(node: Node) -> Ref:
    """The public view of a node (without its evidence list)."""
    props = {k: v for k, v in node.props.items() if k != "aliases"}
    return Ref(id=node.id, label=node.label, name=node.name, props=props)


class Graph:
    """Queries over a store, with a small per-query node cache."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._nodes: dict[str, Node] = {}
        self._with_evidence: set[str] = set()

    def node(self, node_id: str, label: Label | None = None, evidence: bool = False) -> Node:
        """A node by id (with its evidence if asked); :class:`NotFound` when missing or of another label."""
        if node_id not in self._nodes or (evidence and node_id not in self._with_evidence):
            found = self.store.nodes([node_id], evidence=evidence)
            if not found:
                raise NotFound(f"no node with id {node_id!r}")
            self._nodes[node_id] = found[0]
            if evidence:
                self._with_evidence.add(node_id)
        node = self._nodes[node_id]
        if label is not None and node.label is not label:
            raise NotFound(f"{node_id!r} is a {node.label.value}, not a {label.value}")
        return node

    def prefetch(self, ids: Sequence[str]) -> None:
        missing = [i for i in dict.fromkeys(ids) if i not in self._nodes]
        if missing:
            for n in self.store.nodes(missing, evidence=False):
                self._nodes[n.id] = n

    def hop(self, edge: Edge) -> Hop:
        if edge.source not in self._nodes or edge.target not in self._nodes:
            self.prefetch([edge.source, edge.target])
        return Hop(
            source=ref(self.node(edge.source)),
            type=edge.type,
            target=ref(self.node(edge.target)),
            props=edge.props,
            evidence=edge.evidence,
        )

    def out(self, node_id: str, *types: Rel) -> list[Edge]:
        return self.store.edges([node_id], "out", list(types), HOP_EVIDENCE)

    def into(self, node_id: str, *types: Rel) -> list[Edge]:
        return self.store.edges([node_id], "in", list(types), HOP_EVIDENCE)

    # -- bodies --------------------------------------------------------------------------------
    def heads(self, body_id: str, with_other_posts: bool = True) -> list[Head]:
        """Persons holding the body's head posts (组长, 主任, 书记…)."""
        return self.heads_of([body_id], with_other_posts)[body_id]

    def heads_of(self, body_ids: Sequence[str], with_other_posts: bool = True) -> dict[str, list[Head]]:
        """Heads of several bodies, read with three store calls whatever their number."""
        out: dict[str, list[Head]] = {b: [] for b in body_ids}
        if not body_ids:
            return out
        of_edges = self.store.edges(list(body_ids), "in", [Rel.OF], HOP_EVIDENCE)
        self.prefetch([e.source for e in of_edges])
        heads = [e for e in of_edges if self.node(e.source).props.get("head")]
        holds = self.store.edges([e.source for e in heads], "in", [Rel.HOLDS], HOP_EVIDENCE)
        by_post: dict[str, list[Edge]] = {}
        for h in holds:
            by_post.setdefault(h.target, []).append(h)
        others: dict[str, list[Edge]] = {}
        if with_other_posts:
            for e in self.store.edges(list({h.source for h in holds}), "out", [Rel.HOLDS], HOP_EVIDENCE):
                others.setdefault(e.source, []).append(e)
        self.prefetch([h.source for h in holds] + [e.target for es in others.values() for e in es])
        for of in heads:
            post = self.node(of.source)
            for h in by_post.get(post.id, []):
                out[of.target].append(
                    Head(
                        person=ref(self.node(h.source)),
                        post=ref(post),
                        holds=self.hop(h),
                        of=self.hop(of),
                        other_posts=[self.hop(e) for e in others.get(h.source, []) if e.target != post.id],
                    )
                )
        return out

    def locality_chain(self, node_id: str, first: Rel = Rel.LOCATED_IN) -> list[Hop]:
        """From a body (LOCATED_IN) or a locality (PART_OF) up to the province."""
        hops: list[Hop] = []
        edges = self.out(node_id, first)
        seen = {node_id}
        while edges and len(hops) < MAX_CHAIN_DEPTH:
            edge = edges[0]
            if edge.target in seen:
                break
            seen.add(edge.target)
            hops.append(self.hop(edge))
            edges = self.out(edge.target, Rel.PART_OF)
        return hops

    def body_chain(self, body_id: str, depth: int = MAX_CHAIN_DEPTH, other_posts: bool = True) -> BodyChain:
        """A body up the REPORTS_TO chain (each step with its heads), then the locality chain.

        Examples
        --------
        A working group → its leading group → the leading group's 组长 (and that person's post as
        县长) → 永兴县 → 郴州市 → 湖南省.
        """
        depth = max(1, min(depth, MAX_CHAIN_DEPTH))
        start = self.node(body_id, Label.BODY)
        steps = [BodyStep(body=ref(start), heads=self.heads(start.id, other_posts))]
        seen = {start.id}
        current = start.id
        while len(steps) < depth:
            up = [e for e in self.out(current, Rel.REPORTS_TO) if e.target not in seen]
            if not up:
                break
            edge = up[0]
            seen.add(edge.target)
            parent = self.node(edge.target)
            steps.append(
                BodyStep(
                    body=ref(parent), reached_by=self.hop(edge), heads=self.heads(parent.id, other_posts)
                )
            )
            current = parent.id
        localities: list[Hop] = []
        for step in reversed(steps):
            localities = self.locality_chain(step.body.id)
            if localities:
                break
        return BodyChain(start=ref(start), steps=steps, localities=localities)

    # -- persons -------------------------------------------------------------------------------
    def person_chain(self, person_id: str, depth: int = MAX_CHAIN_DEPTH) -> PersonChain:
        """Every post a person holds, each up its body's chain; their events; inspections of their places."""
        person = self.node(person_id, Label.PERSON)
        posts: list[PostChain] = []
        places: set[str] = set()
        for holds in self.out(person.id, Rel.HOLDS):
            post = self.node(holds.target)
            if post.props.get("locality"):
                places.add(f"loc:{post.props['locality']}")
            of_edges = self.out(post.id, Rel.OF)
            if of_edges:
                # the heads along the chain, without their own other posts (the person's chain would
                # otherwise carry the whole career of every colleague)
                chain = self.body_chain(of_edges[0].target, depth, other_posts=False)
                posts.append(PostChain(holds=self.hop(holds), of=self.hop(of_edges[0]), chain=chain))
            else:
                posts.append(PostChain(holds=self.hop(holds)))
        events = []
        for e in self.out(person.id, Rel.CHAIRED, Rel.ATTENDED, Rel.SPOKE_AT):
            ev = self.node(e.target)
            events.append(EventRole(role=e.type, event=ref(ev), date=ev.props.get("date"), hop=self.hop(e)))
        events.sort(key=lambda r: (str(r.date or ""), r.event.id, r.role.value))
        inspections = []
        for place in sorted(places):
            for e in self.into(place, Rel.ASSIGNED_TO):
                if self.node(e.source).props.get("kind") == "inspection_team":
                    inspections.append(self.hop(e))
        dups = [self.hop(e) for e in self.store.edges([person.id], "both", [Rel.POSSIBLY_SAME], HOP_EVIDENCE)]
        return PersonChain(
            person=ref(person), posts=posts, events=events, inspections=inspections, possible_duplicates=dups
        )

    # -- localities ----------------------------------------------------------------------------
    def locality_view(self, locality_id: str) -> LocalityChain:
        """Who was responsible in a place: inspection teams, local groups with heads, meetings and chairs."""
        loc = self.node(locality_id, Label.LOCALITY)
        inspections = [self.hop(e) for e in self.into(loc.id, Rel.ASSIGNED_TO)]
        located = self.into(loc.id, Rel.LOCATED_IN)
        self.prefetch([e.source for e in located])
        heads = self.heads_of([e.source for e in located], with_other_posts=False)
        bodies = [
            BodyStep(body=ref(self.node(e.source)), reached_by=self.hop(e), heads=heads[e.source])
            for e in located
        ]
        order = {"leading_group": 0, "working_group": 1, "office": 2, "committee": 3}
        bodies.sort(key=lambda s: (order.get(str(s.body.props.get("kind")), 9), s.body.name, s.body.id))
        held = self.into(loc.id, Rel.HELD_IN)
        self.prefetch([e.source for e in held])
        chaired: dict[str, list[Edge]] = {}
        for c in self.store.edges([e.source for e in held], "in", [Rel.CHAIRED], HOP_EVIDENCE):
            chaired.setdefault(c.target, []).append(c)
        events = [
            EventView(
                event=ref(self.node(e.source)),
                held_in=self.hop(e),
                chairs=[self.hop(c) for c in chaired.get(e.source, [])],
            )
            for e in held
        ]
        events.sort(key=lambda v: (str(v.event.props.get("date") or ""), v.event.id))
        return LocalityChain(
            locality=ref(loc),
            parents=self.locality_chain(loc.id, Rel.PART_OF),
            inspections=inspections,
            bodies=bodies,
            events=events,
        )

    # -- paths ---------------------------------------------------------------------------------
    def paths(self, a: str, b: str, max_hops: int = 4, limit: int = 10) -> list[Path]:
        """The shortest connections between two entities (documents and ATTESTS links left out).

        Breadth-first from ``a`` over relationships in both directions, at most ``max_hops``
        (capped at :data:`MAX_HOPS`) and :data:`MAX_VISITED` nodes, so time stays bounded.
        """
        self.node(a)
        self.node(b)
        max_hops = max(1, min(max_hops, MAX_HOPS))
        types = [r for r in Rel if r is not Rel.ATTESTS]
        preds: dict[str, list[Edge]] = {a: []}
        frontier = [a]
        found = a == b
        for _ in range(max_hops):
            if found or not frontier or len(preds) > MAX_VISITED:
                break
            nxt: dict[str, list[Edge]] = {}
            for edge in self.store.edges(frontier, "both", types, evidence_limit=0):
                for here, there in ((edge.source, edge.target), (edge.target, edge.source)):
                    if here in frontier_set(frontier) and there not in preds:
                        nxt.setdefault(there, []).append(edge)
            preds.update(nxt)
            frontier = sorted(nxt)
            found = b in nxt
        if not found or a == b:
            return []
        out: list[Path] = []

        def walk(node: str, acc: list[Edge]) -> None:
            if len(out) >= limit:
                return
            if node == a:
                out.append(self._path(a, list(reversed(acc))))
                return
            for edge in preds[node]:
                prev = edge.source if edge.target == node else edge.target
                walk(prev, [*acc, edge])

        walk(b, [])
        return out

    def _path(self, start: str, edges: list[Edge]) -> Path:
        hops, rev = [], []
        here = start
        # the walk read no evidence: read it now for the few edges of the answer
        full = {
            e.key: e for e in self.store.edges(list({e.source for e in edges}), "out", None, HOP_EVIDENCE)
        }
        edges = [full.get(e.key, e) for e in edges]
        for e in edges:
            hops.append(self.hop(e))
            rev.append(e.source != here)
            here = e.target if e.source == here else e.source
        return Path(hops=hops, reversed=rev)


@cache
def _frontier_cache() -> dict[int, set[str]]:
    return {}


def frontier_set(frontier: list[str]) -> set[str]:
    """A set view of the BFS frontier, built once per frontier list."""
    cache_ = _frontier_cache()
    key = id(frontier)
    if key not in cache_ or len(cache_[key]) != len(frontier):
        cache_.clear()
        cache_[key] = set(frontier)
    return cache_[key]


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def search_terms(q: str) -> list[str]:
    """Terms to look for: Simplified form of Chinese input; pinyin with spaces removed, lower case.

    Examples
    --------
    >>> search_terms("謝忠華"), search_terms("Xie Zhonghua")
    (['谢忠华'], ['xiezhonghua'])
    """
    q = q.strip()
    if not q:
        return []
    if re.search(r"[\u4e00-\u9fff]", q):
        return [_t2s().convert(re.sub(r"\s+", "", q))]
    return [re.sub(r"[\s'’-]+", "", q).lower()]


def search(store: GraphStore, q: str, labels: Sequence[Label] | None = None, limit: int = 20) -> list[Node]:
    """Persons, bodies, localities and events by name, traditional form or pinyin; exact names first."""
    terms = search_terms(q)
    if not terms:
        return []
    kinds = list(labels) if labels else [Label.PERSON, Label.BODY, Label.LOCALITY, Label.EVENT]
    return store.find(terms, kinds, limit)
