"""Accountability-chain queries, written once over the store's few reads, so every store agrees.

Every hop of every answer carries the evidence of the relationship it follows: the quote, its
sentence, the document and the rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TypeVar

from opencc import OpenCC
from pydantic import BaseModel, Field

from graph_loader.errors import NotFound
from graph_loader.graph import Edge, Label, Node, Rel
from graph_loader.models import Evidence
from graph_loader.store.base import GraphStore
from graph_loader.trusted import trusted

MAX_CHAIN_DEPTH = 8
MAX_HOPS = 6
MAX_VISITED = 20_000
HOP_EVIDENCE = 2  # pieces of evidence quoted per hop (a link may have thousands; GET /evidence pages them)
NODE_EVIDENCE = 5  # mentions quoted with an entity (GET /evidence pages them all)
# answers list the first few of each kind and give the total, so a chain stays readable and fast
MAX_HEADS = 5  # heads per body
MAX_OTHER_POSTS = 3  # other posts per head
MAX_POSTS = 20  # posts of a person, each with its body's chain
MAX_ITEMS = 20  # events, inspections, bodies of a place
T = TypeVar("T")
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
    evidence: list[Evidence] = Field(default_factory=list)
    more_evidence: bool = Field(
        False,
        description="More documents attest this relationship than are quoted (GET /evidence lists them all).",
    )


class Head(BaseModel):
    """A person holding a head post of a body, and that person's other posts."""

    person: Ref
    post: Ref
    holds: Hop
    of: Hop
    other_posts: list[Hop] = Field(default_factory=list)
    other_posts_total: int = 0


class BodyStep(BaseModel):
    """A body on a chain: how it was reached, and who heads it."""

    body: Ref
    reached_by: Hop | None = None
    heads: list[Head] = Field(default_factory=list)
    heads_total: int = 0


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
    posts_total: int
    events: list[EventRole]
    events_total: int
    inspections: list[Hop]
    inspections_total: int
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
    inspections_total: int
    bodies: list[BodyStep]
    bodies_total: int
    events: list[EventView]
    events_total: int


class Path(BaseModel):
    """A shortest connection between two entities; ``reversed`` marks hops walked against their direction."""

    hops: list[Hop]
    reversed: list[bool]


def ref(node: Node) -> Ref:
    """The public view of a node (without its evidence list)."""
    props = {k: v for k, v in node.props.items() if k != "aliases"}
    return trusted(Ref, {"id": node.id, "label": node.label, "name": node.name, "props": props})


class Graph:
    """Queries over a store, with a small per-query node cache.

    Answers are built in two passes: the walk reads relationships without evidence, then
    :meth:`ready` reads the first :data:`HOP_EVIDENCE` pieces of evidence of every hop of the
    answer in one store read.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._nodes: dict[str, Node] = {}
        self._with_evidence: set[str] = set()
        self._pending: dict[tuple[str, str, str], list[Hop]] = {}
        self._refs: dict[str, Ref] = {}
        self._places: dict[tuple[str, Rel], list[Hop]] = {}

    def node(self, node_id: str, label: Label | None = None, evidence: bool = False) -> Node:
        """A node by id (with its evidence if asked); :class:`NotFound` when missing or of another label."""
        if node_id not in self._nodes or (evidence and node_id not in self._with_evidence):
            found = self.store.nodes([node_id], evidence=evidence, evidence_limit=NODE_EVIDENCE)
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
        """Read the nodes not yet cached, in one store read."""
        missing = [i for i in dict.fromkeys(ids) if i not in self._nodes]
        if missing:
            for n in self.store.nodes(missing, evidence=False):
                self._nodes[n.id] = n

    def ref(self, node_id: str) -> Ref:
        """The public view of a cached node, built once per query (answers are serialized, never mutated)."""
        found = self._refs.get(node_id)
        if found is None:
            found = self._refs[node_id] = ref(self.node(node_id))
        return found

    def hop(self, edge: Edge) -> Hop:
        """The answer view of a relationship; its evidence is filled in by :meth:`ready`."""
        if edge.source not in self._nodes or edge.target not in self._nodes:
            self.prefetch([edge.source, edge.target])
        hop = trusted(
            Hop,
            {
                "source": self.ref(edge.source),
                "type": edge.type,
                "target": self.ref(edge.target),
                "props": edge.props,
                "evidence": [],
                "more_evidence": False,
            },
        )
        self._pending.setdefault(edge.key, []).append(hop)
        return hop

    def ready(self, answer: T) -> T:
        """Fill in the evidence of every hop built so far (one store read) and return ``answer``."""
        if self._pending:
            pending, self._pending = self._pending, {}
            found = self.store.evidence(list(pending), HOP_EVIDENCE + 1)
            for key, hops in pending.items():
                evidence = found.get(key, [])
                shown, more = evidence[:HOP_EVIDENCE], len(evidence) > HOP_EVIDENCE
                for h in hops:  # hops are built by this class and never validated again
                    h.__dict__["evidence"] = shown
                    h.__dict__["more_evidence"] = more
        return answer

    def out(self, node_id: str, *types: Rel) -> list[Edge]:
        """Outgoing relationships of these types (without evidence)."""
        return self.store.edges([node_id], "out", list(types), 0)

    def into(self, node_id: str, *types: Rel) -> list[Edge]:
        """Incoming relationships of these types (without evidence)."""
        return self.store.edges([node_id], "in", list(types), 0)

    # -- bodies --------------------------------------------------------------------------------
    def heads(self, body_id: str, with_other_posts: bool = True) -> list[Head]:
        """Persons holding the body's head posts (组长, 主任, 书记…), the first :data:`MAX_HEADS`."""
        return self.heads_of([body_id], with_other_posts)[body_id][0]

    def heads_of(
        self, body_ids: Sequence[str], with_other_posts: bool = True
    ) -> dict[str, tuple[list[Head], int]]:
        """Heads of several bodies (the first :data:`MAX_HEADS` of each, and their number), in three
        store reads whatever the number of bodies."""
        out: dict[str, tuple[list[Head], int]] = {b: ([], 0) for b in body_ids}
        if not body_ids:
            return out
        of_edges = self.store.edges(list(body_ids), "in", [Rel.OF], 0)
        self.prefetch([e.source for e in of_edges])
        head_of = {e.source: e for e in of_edges if self.node(e.source).props.get("head")}
        holds = self.store.edges(list(head_of), "in", [Rel.HOLDS], 0)
        self.prefetch([h.source for h in holds])
        candidates: dict[str, list[tuple[Edge, Edge]]] = {}
        for h in holds:
            of = head_of[h.target]
            candidates.setdefault(of.target, []).append((of, h))
        chosen: dict[str, list[tuple[Edge, Edge]]] = {}
        for body, pairs in candidates.items():
            pairs.sort(key=lambda p: (self.node(p[0].source).name, self.node(p[1].source).name, p[1].key))
            chosen[body] = pairs[:MAX_HEADS]
        others: dict[str, list[Edge]] = {}
        if with_other_posts:
            persons = sorted({h.source for pairs in chosen.values() for _, h in pairs})
            for e in self.store.edges(persons, "out", [Rel.HOLDS], 0):
                others.setdefault(e.source, []).append(e)
            self.prefetch([e.target for es in others.values() for e in es])
        for body, pairs in chosen.items():
            heads = []
            for of, h in pairs:
                rest = sorted(
                    (e for e in others.get(h.source, []) if e.target != of.source),
                    key=lambda e: (self.node(e.target).name, e.target),
                )
                heads.append(
                    Head(
                        person=self.ref(h.source),
                        post=self.ref(of.source),
                        holds=self.hop(h),
                        of=self.hop(of),
                        other_posts=[self.hop(e) for e in rest[:MAX_OTHER_POSTS]],
                        other_posts_total=len(rest),
                    )
                )
            out[body] = (heads, len(candidates[body]))
        return out

    def locality_chain(self, node_id: str, first: Rel = Rel.LOCATED_IN) -> list[Hop]:
        """From a body (LOCATED_IN) or a locality (PART_OF) up to the province."""
        known = self._places.get((node_id, first))
        if known is not None:
            return known
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
        self._places[(node_id, first)] = hops
        return hops

    def body_chain(self, body_id: str, depth: int = MAX_CHAIN_DEPTH, other_posts: bool = True) -> BodyChain:
        """A body up the REPORTS_TO chain (each step with its heads), then the locality chain.

        Examples
        --------
        A working group → its leading group → the leading group's 组长 (and that person's post as
        县长) → 永兴县 → 郴州市 → 湖南省.
        """
        self.node(body_id, Label.BODY)
        return self.ready(self._body_chains([body_id], depth, other_posts)[body_id])

    def _body_chains(self, body_ids: Sequence[str], depth: int, other_posts: bool) -> dict[str, BodyChain]:
        """The chains of several bodies, their heads read together (posts of one person often
        belong to the same few bodies, and chains meet at the same leading groups)."""
        depth = max(1, min(depth, MAX_CHAIN_DEPTH))
        climbs: dict[str, list[tuple[str, Hop | None]]] = {}
        for body_id in dict.fromkeys(body_ids):
            steps: list[tuple[str, Hop | None]] = [(body_id, None)]
            seen = {body_id}
            current = body_id
            while len(steps) < depth:
                up = [e for e in self.out(current, Rel.REPORTS_TO) if e.target not in seen]
                if not up:
                    break
                edge = up[0]
                seen.add(edge.target)
                steps.append((edge.target, self.hop(edge)))
                current = edge.target
            climbs[body_id] = steps
        heads = self.heads_of(
            list(dict.fromkeys(b for steps in climbs.values() for b, _ in steps)), other_posts
        )
        chains: dict[str, BodyChain] = {}
        for body_id, steps in climbs.items():
            localities: list[Hop] = []
            for b, _ in reversed(steps):
                localities = self.locality_chain(b)
                if localities:
                    break
            chains[body_id] = BodyChain(
                start=self.ref(body_id),
                steps=[
                    BodyStep(body=self.ref(b), reached_by=by, heads=heads[b][0], heads_total=heads[b][1])
                    for b, by in steps
                ],
                localities=localities,
            )
        return chains

    # -- persons -------------------------------------------------------------------------------
    def person_chain(self, person_id: str, depth: int = MAX_CHAIN_DEPTH) -> PersonChain:
        """Every post a person holds, each up its body's chain; their events; inspections of their places.

        Lists give their first items (the latest events) and their totals.
        """
        person = self.node(person_id, Label.PERSON)
        held = self.out(person.id, Rel.HOLDS)
        self.prefetch([e.target for e in held])
        held.sort(
            key=lambda e: (not self.node(e.target).props.get("head"), self.node(e.target).name, e.target)
        )
        places = sorted({f"loc:{p}" for e in held if (p := self.node(e.target).props.get("locality"))})
        of_by_post: dict[str, Edge] = {}
        for e in self.store.edges([e.target for e in held[:MAX_POSTS]], "out", [Rel.OF], 0):
            of_by_post.setdefault(e.source, e)
        # the heads along each chain, without their own other posts (the person's chain would
        # otherwise carry the whole career of every colleague)
        chains = self._body_chains([e.target for e in of_by_post.values()], depth, other_posts=False)
        posts: list[PostChain] = []
        for holds in held[:MAX_POSTS]:
            of = of_by_post.get(holds.target)
            if of is None:
                posts.append(PostChain(holds=self.hop(holds)))
            else:
                posts.append(PostChain(holds=self.hop(holds), of=self.hop(of), chain=chains[of.target]))
        roles = self.out(person.id, Rel.CHAIRED, Rel.ATTENDED, Rel.SPOKE_AT)
        self.prefetch([e.target for e in roles])

        def when(e: Edge) -> tuple[str, str, str]:
            return (str(self.node(e.target).props.get("date") or ""), e.target, e.type.value)

        roles.sort(key=when)
        latest = roles[-MAX_ITEMS:]
        events = [
            EventRole(
                role=e.type,
                event=self.ref(e.target),
                date=self.node(e.target).props.get("date"),
                hop=self.hop(e),
            )
            for e in latest
        ]
        sent = self.store.edges(places, "in", [Rel.ASSIGNED_TO], 0)
        self.prefetch([e.source for e in sent])
        teams = [e for e in sent if self.node(e.source).props.get("kind") == "inspection_team"]
        dups = [self.hop(e) for e in self.store.edges([person.id], "both", [Rel.POSSIBLY_SAME], 0)]
        return self.ready(
            PersonChain(
                person=ref(person),
                posts=posts,
                posts_total=len(held),
                events=events,
                events_total=len(roles),
                inspections=[self.hop(e) for e in teams[:MAX_ITEMS]],
                inspections_total=len(teams),
                possible_duplicates=dups,
            )
        )

    # -- localities ----------------------------------------------------------------------------
    def locality_view(self, locality_id: str) -> LocalityChain:
        """Who was responsible in a place: inspection teams, local groups with heads, meetings and chairs.

        Lists give their first items (the latest meetings) and their totals.
        """
        loc = self.node(locality_id, Label.LOCALITY)
        assigned = self.into(loc.id, Rel.ASSIGNED_TO)
        located = self.into(loc.id, Rel.LOCATED_IN)
        self.prefetch([e.source for e in located + assigned])
        order = {"leading_group": 0, "working_group": 1, "office": 2, "committee": 3}

        def rank(e: Edge) -> tuple[int, str, str]:
            body = self.node(e.source)
            return (order.get(str(body.props.get("kind")), 9), body.name, body.id)

        located.sort(key=rank)
        shown = located[:MAX_ITEMS]
        heads = self.heads_of([e.source for e in shown], with_other_posts=False)
        bodies = []
        for e in shown:
            step_heads, total = heads[e.source]
            bodies.append(
                BodyStep(body=self.ref(e.source), reached_by=self.hop(e), heads=step_heads, heads_total=total)
            )
        held = self.into(loc.id, Rel.HELD_IN)
        self.prefetch([e.source for e in held])
        held.sort(key=lambda e: (str(self.node(e.source).props.get("date") or ""), e.source))
        latest = held[-MAX_ITEMS:]
        chaired: dict[str, list[Edge]] = {}
        for c in self.store.edges([e.source for e in latest], "in", [Rel.CHAIRED], 0):
            chaired.setdefault(c.target, []).append(c)
        events = [
            EventView(
                event=self.ref(e.source),
                held_in=self.hop(e),
                chairs=[self.hop(c) for c in chaired.get(e.source, [])],
            )
            for e in latest
        ]
        return self.ready(
            LocalityChain(
                locality=ref(loc),
                parents=self.locality_chain(loc.id, Rel.PART_OF),
                inspections=[self.hop(e) for e in assigned[:MAX_ITEMS]],
                inspections_total=len(assigned),
                bodies=bodies,
                bodies_total=len(located),
                events=events,
                events_total=len(held),
            )
        )

    # -- paths ---------------------------------------------------------------------------------
    def paths(self, a: str, b: str, max_hops: int = 4, limit: int = 10) -> list[Path]:
        """The shortest connections between two entities (documents and ATTESTS links left out).

        Breadth-first from both ends at once over relationships in both directions, always
        widening the smaller side, at most ``max_hops`` (capped at :data:`MAX_HOPS`) and
        :data:`MAX_VISITED` nodes, so time stays bounded.
        """
        self.node(a)
        self.node(b)
        if a == b:
            return []
        max_hops = max(1, min(max_hops, MAX_HOPS))
        types = [r for r in Rel if r is not Rel.ATTESTS]
        # per side: node -> (distance from that side's end, edges to the previous level)
        sides: list[dict[str, tuple[int, list[Edge]]]] = [{a: (0, [])}, {b: (0, [])}]
        frontiers: list[list[str]] = [[a], [b]]
        depth = [0, 0]
        meet: list[str] = []
        while not meet and depth[0] + depth[1] < max_hops:
            side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
            frontier, seen = frontiers[side], sides[side]
            if not frontier or len(sides[0]) + len(sides[1]) > MAX_VISITED:
                break
            here_set = set(frontier)
            depth[side] += 1
            nxt: dict[str, list[Edge]] = {}
            for edge in self.store.edges(frontier, "both", types, 0):
                for here, there in ((edge.source, edge.target), (edge.target, edge.source)):
                    if here in here_set and there not in seen:
                        nxt.setdefault(there, []).append(edge)
            for node, edges in nxt.items():
                seen[node] = (depth[side], edges)
            frontiers[side] = sorted(nxt)
            other = sides[1 - side]
            found = [n for n in frontiers[side] if n in other]
            if found:
                best = min(depth[side] + other[n][0] for n in found)
                meet = [n for n in found if depth[side] + other[n][0] == best]
        out: list[Path] = []
        for m in meet:
            for left in self._walks(sides[0], m, limit):
                for right in self._walks(sides[1], m, limit):
                    if len(out) >= limit:
                        return self.ready(out)
                    out.append(self._path(a, [*reversed(left), *right]))
        return self.ready(out)

    @staticmethod
    def _walks(preds: dict[str, tuple[int, list[Edge]]], node: str, limit: int) -> list[list[Edge]]:
        """Up to ``limit`` edge lists from ``node`` back to the end the ``preds`` side started from."""
        walks: list[list[Edge]] = []

        def walk(here: str, acc: list[Edge]) -> None:
            if len(walks) >= limit:
                return
            if not preds[here][1]:
                walks.append(acc)
                return
            for edge in preds[here][1]:
                walk(edge.source if edge.target == here else edge.target, [*acc, edge])

        walk(node, [])
        return walks

    def _path(self, start: str, edges: list[Edge]) -> Path:
        hops, rev = [], []
        here = start
        for e in edges:
            hops.append(self.hop(e))
            rev.append(e.source != here)
            here = e.target if e.source == here else e.source
        return Path(hops=hops, reversed=rev)


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
