"""Resolve document facts into graph nodes and edges with deterministic ids.

Identity rules (documented in the README, configurable where noted):

- Localities by administrative code; townships by their county's code and name.
- Bodies by canonical name (place prefix and level word removed, short forms expanded: 环委会 →
  环境保护委员会) + locality code; a sub-group also by its parent, so the 综合组 of one county's
  leading group is not the 综合组 of another's.
- Posts by body + title (a post with no body by role + locality).
- Persons by name within a province (``OFFICIALS_GRAPH_PERSON_SCOPE``: ``province`` by default,
  ``country`` or ``document``); one name in two provinces gives two persons, linked by
  ``POSSIBLY_SAME`` with the reason, never merged.
- Events by kind, name, date and locality; documents by content id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from opencc import OpenCC
from pypinyin import Style, lazy_pinyin

from graph_loader.gazetteer import Gazetteer
from graph_loader.graph import (
    HEAD_TITLES,
    Edge,
    GraphBatch,
    Label,
    Node,
    Rel,
    evidence_key,
    first_mention,
    merge_evidence,
    merge_props,
    node_id,
)
from graph_loader.lexicon import data_lines, lexicon
from graph_loader.models import Body, DocumentFacts, Evidence

_LEVELS = "省市县区州旗盟镇乡"


@cache
def _aliases_table() -> tuple[tuple[str, str], ...]:
    rows = [tuple(line.split("\t")[:2]) for line in data_lines("body_aliases.tsv")]
    return tuple(sorted(((a, b) for a, b in rows), key=lambda r: len(r[0]), reverse=True))


@cache
def _s2t() -> OpenCC:
    return OpenCC("s2t")


@cache
def canonical_body(name: str) -> str:
    """Identity form of a body name: no 中共, no place or level prefix, short forms expanded.

    Examples
    --------
    >>> canonical_body("市环委会") == canonical_body("攀枝花市环境保护委员会")
    True
    """
    s = name[2:] if name.startswith("中共") else name
    gaz = Gazetteer.load()
    form = gaz.longest_form_at(s, 0)
    if form and len(s) > len(form) + 1:
        s = s[len(form) :]
    s = s.lstrip(_LEVELS) or s
    out = []
    i = 0
    table = _aliases_table()
    while i < len(s):
        for short, full in table:
            if s.startswith(short, i):
                out.append(full)
                i += len(short)
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


@cache
def _aliases(name: str) -> tuple[str, ...]:
    return tuple(name_aliases_uncached(name))


def name_aliases(name: str) -> list[str]:
    """Search aliases of a name (cached: names recur across documents); see :func:`name_aliases_uncached`."""
    return list(_aliases(name))


def name_aliases_uncached(name: str) -> list[str]:
    """Search aliases of a name: its traditional form, pinyin with and without spaces, initials.

    Examples
    --------
    >>> name_aliases_uncached("谢忠华")
    ['謝忠華', 'xie zhong hua', 'xiezhonghua', 'xzh']
    """
    out: list[str] = []
    trad = _s2t().convert(name)
    if trad != name:
        out.append(trad)
    if re.fullmatch(r"[\u4e00-\u9fff·]+", name) and len(name) <= 8:
        syl = list(lazy_pinyin(name.replace("·", ""), style=Style.NORMAL, v_to_u=False))
        out += [" ".join(syl), "".join(syl), "".join(p[0] for p in syl if p)]
    return out


class DocResolver:
    """Resolves one document's facts; ids depend only on canonical keys, never on load order."""

    def __init__(self, facts: DocumentFacts, person_scope: str = "province") -> None:
        self.facts = facts
        self.scope = person_scope
        self.gaz = Gazetteer.load()
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}
        self.loc_code = {loc.name: loc.code for loc in facts.localities}
        self.doc_node = node_id(Label.DOCUMENT, facts.doc_id)
        self.body_ids: dict[str, str] = {}
        self.province = self._doc_province()

    # -- helpers -------------------------------------------------------------------------------
    def _province_of(self, code: str | None) -> str | None:
        if not code:
            return None
        base = code.split(":")[0]
        if base not in self.gaz:
            return None
        chain = [self.gaz.get(base), *self.gaz.ancestors(base)]
        return chain[-1].code if chain[-1].level == "province" else None

    def _doc_province(self) -> str | None:
        provinces = {p for p in (self._province_of(loc.code) for loc in self.facts.localities) if p}
        return next(iter(provinces)) if len(provinces) == 1 else None

    def node(
        self, label: Label, nid: str, name: str, props: dict[str, object], evidence: list[Evidence]
    ) -> str:
        old = self.nodes.get(nid)
        if old is None:
            self.nodes[nid] = Node(
                id=nid, label=label, name=name, props=props, evidence=merge_evidence([], evidence)
            )
        else:
            old.props = merge_props(old.props, props)
            old.evidence = merge_evidence(old.evidence, evidence)
        if label is not Label.DOCUMENT:
            self.edge(self.doc_node, Rel.ATTESTS, nid, {}, evidence[:1])
        return nid

    def edge(
        self, source: str, rel: Rel, target: str, props: dict[str, object], evidence: list[Evidence]
    ) -> None:
        key = (source, rel.value, target)
        old = self.edges.get(key)
        if old is None:
            self.edges[key] = Edge(
                source=source, type=rel, target=target, props=props, evidence=list(evidence)
            )
        else:
            old.props = merge_props(old.props, props)
            old.evidence = merge_evidence(old.evidence, evidence)

    # -- entities ------------------------------------------------------------------------------
    def locality(self, name: str | None) -> str | None:
        code = self.loc_code.get(name or "")
        return node_id(Label.LOCALITY, code) if code else None

    def body(
        self,
        name: str,
        kind: str,
        locality: str | None,
        parent_id: str | None,
        evidence: list[Evidence],
        aliases: Iterable[str] = (),
    ) -> str:
        code = self.loc_code.get(locality or "")
        key = canonical_body(name)
        bid = node_id(Label.BODY, key, code or "", parent_id or "")
        display = name
        if locality and name[:1] in _LEVELS and locality.endswith(name[0]):
            display = locality + name[1:]  # 县委 in 永兴县 → 永兴县委
        written = [a for a in {name, display, *aliases} if a != display]
        self.node(
            Label.BODY, bid, display, {"kind": kind, "locality": code, "aliases": sorted(written)}, evidence
        )
        if code:
            self.edge(bid, Rel.LOCATED_IN, node_id(Label.LOCALITY, code), {}, evidence[:1])
        if parent_id:
            self.edge(bid, Rel.REPORTS_TO, parent_id, {}, evidence[:1])
        return bid

    def person_id(self, name: str, post_codes: list[str], has_posts: bool) -> tuple[str, str | None]:
        """Id and province of a person; only central posts (总书记) tie a person to no province."""
        provinces = {p for p in (self._province_of(c) for c in post_codes) if p}
        if len(provinces) == 1:
            province: str | None = next(iter(provinces))
        else:
            province = None if has_posts and not post_codes else self.province
        if self.scope == "country":
            return node_id(Label.PERSON, name), province
        if self.scope == "document":
            return node_id(Label.PERSON, name, self.facts.doc_id), province
        return node_id(Label.PERSON, name, province or ""), province

    # -- the document --------------------------------------------------------------------------
    def resolve(self) -> None:
        f = self.facts
        first_ev = f.metadata[0].evidence if f.metadata else []
        self.node(
            Label.DOCUMENT,
            self.doc_node,
            f.title or f.doc,
            {"doc": f.doc, "doc_id": f.doc_id, "title": f.title, "date": f.date, "source": f.source},
            first_ev,
        )
        for loc in f.localities:
            lid = node_id(Label.LOCALITY, loc.code)
            self.node(
                Label.LOCALITY,
                lid,
                loc.name,
                {"level": loc.level, "code": loc.code, "aliases": name_aliases(loc.name)},
                loc.evidence,
            )
            parent = self._parent_code(loc.code)
            if parent:
                pname = self.gaz.get(parent).name if parent in self.gaz else None
                self.node(
                    Label.LOCALITY,
                    node_id(Label.LOCALITY, parent),
                    pname or parent,
                    {"level": self.gaz.get(parent).level if parent in self.gaz else None, "code": parent},
                    loc.evidence[:1],
                )
                self.edge(lid, Rel.PART_OF, node_id(Label.LOCALITY, parent), {}, loc.evidence[:1])
        self._bodies(f.bodies)
        self._persons()
        self._events()
        self._assignments()

    def _parent_code(self, code: str) -> str | None:
        if ":" in code:
            return code.split(":")[0]
        return self.gaz.get(code).parent if code in self.gaz else None

    def _bodies(self, bodies: list[Body]) -> None:
        by_name = {b.name: b for b in bodies}
        done: dict[str, str] = {}

        def resolve_one(b: Body, depth: int = 0) -> str:
            if b.name in done:
                return done[b.name]
            parent_id = None
            if b.parent and depth < 8:
                parent = by_name.get(b.parent)
                parent_id = resolve_one(parent, depth + 1) if parent else None
            bid = self.body(b.name, b.kind, b.locality, parent_id, b.evidence, b.aliases)
            done[b.name] = bid
            for alias in [b.name, *b.aliases]:
                self.body_ids[alias] = bid
            return bid

        for b in bodies:
            resolve_one(b)

    def _persons(self) -> None:
        lex = lexicon()
        for p in self.facts.persons:
            codes = [self.loc_code[q.locality] for q in p.posts if q.locality in self.loc_code]
            pid, province = self.person_id(p.name, codes, bool(p.posts))
            self.node(
                Label.PERSON, pid, p.name, {"province": province, "aliases": name_aliases(p.name)}, p.evidence
            )
            for q in p.posts:
                code = self.loc_code.get(q.locality or "")
                if q.body:
                    kind = lex.body_kind(q.body) or "other"
                    bid = self.body_ids.get(q.body) or self.body(q.body, kind, q.locality, None, q.evidence)
                    post_id = node_id(Label.POST, bid, q.title)
                    body_name = self.nodes[bid].name
                    if lex.titles.get(q.title) and lex.titles[q.title].level and q.locality:
                        post_name = q.locality + q.title  # 县长 of 清水县: 清水县县长
                    else:
                        post_name = body_name + q.title
                else:
                    bid = None
                    post_id = node_id(Label.POST, q.role, code or "")
                    post_name = (
                        (q.locality or "") + q.role if q.locality and q.role[:1] in _LEVELS else q.role
                    )
                head = q.title in HEAD_TITLES
                self.node(
                    Label.POST,
                    post_id,
                    post_name,
                    {"role": q.role, "title": q.title, "head": head, "locality": code},
                    q.evidence,
                )
                if bid:
                    self.edge(post_id, Rel.OF, bid, {}, q.evidence)
                dates = [self.facts.date] if self.facts.date else []
                self.edge(pid, Rel.HOLDS, post_id, {"dates": dates}, q.evidence)

    def _events(self) -> None:
        for e in self.facts.events:
            code = self.loc_code.get(e.locality or "")
            key = re.sub(r"\s+", "", canonical_body(e.name)) if e.kind != "meeting" else e.name
            eid = node_id(Label.EVENT, e.kind, key, e.date or "", code or "")
            self.node(
                Label.EVENT, eid, e.name, {"kind": e.kind, "date": e.date, "locality": code}, e.evidence
            )
            if code:
                self.edge(eid, Rel.HELD_IN, node_id(Label.LOCALITY, code), {}, e.evidence[:1])
            rels = {"chair": Rel.CHAIRED, "attendee": Rel.ATTENDED, "speaker": Rel.SPOKE_AT}
            persons = {p.name: p for p in self.facts.persons}
            for part in e.participants:
                person = persons.get(part.name)
                if person is None:
                    continue
                codes = [self.loc_code[q.locality] for q in person.posts if q.locality in self.loc_code]
                pid, _ = self.person_id(part.name, codes, bool(person.posts))
                self.edge(pid, rels[part.role], eid, {}, part.evidence)
            for org in (e.organizer or "").split("、"):
                if org and org in self.body_ids:
                    self.edge(self.body_ids[org], Rel.ORGANIZED, eid, {}, e.evidence[:1])

    def _assignments(self) -> None:
        for a in self.facts.assignments:
            source = self.body_ids.get(a.from_)
            target = self.locality(a.to) or self.body_ids.get(a.to)
            if source and target:
                self.edge(source, Rel.ASSIGNED_TO, target, {"task": [a.what]}, a.evidence)


def resolve_documents(
    facts: Iterable[DocumentFacts],
    person_scope: str = "province",
    same_name: Callable[[str], list[Node]] | None = None,
) -> GraphBatch:
    """Resolve many documents into one batch; nodes and edges seen in several documents merge.

    Parameters
    ----------
    facts
        Document facts to resolve.
    person_scope
        ``province`` (default), ``country`` or ``document``: where one name means one person.
    same_name
        Looks up stored persons by exact name, to link namesakes in other provinces with
        ``POSSIBLY_SAME``.
    """
    return merge_resolved([(f.doc_id, *resolve_document(f, person_scope)) for f in facts], same_name)


def resolve_document(facts: DocumentFacts, person_scope: str = "province") -> tuple[list[Node], list[Edge]]:
    """Nodes and edges of one document (depends on nothing else, so it can run in a worker)."""
    r = DocResolver(facts, person_scope)
    r.resolve()
    return list(r.nodes.values()), list(r.edges.values())


def merge_resolved(
    parts: Iterable[tuple[str, list[Node], list[Edge]]],
    same_name: Callable[[str], list[Node]] | None = None,
) -> GraphBatch:
    """Merge documents resolved one by one into a batch, and link namesakes across provinces."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    # evidence gathered with a set of the keys seen: a place named by every document of the batch
    # would otherwise be merged pairwise, quadratic in the batch size
    seen: dict[object, set[tuple[str, int, int, str]]] = {}
    docs: list[str] = []

    def gather(item: Node | Edge, into: Node | Edge, key: object) -> None:
        if item.props and item.props != into.props:
            into.props = merge_props(into.props, item.props)
        keys = seen.get(key)
        if keys is None:  # the first repeat: from now on `into` owns its evidence list
            into.evidence = list(into.evidence)
            keys = seen[key] = {evidence_key(ev) for ev in into.evidence}
        for ev in item.evidence:
            k = evidence_key(ev)
            if k not in keys:
                keys.add(k)
                into.evidence.append(ev)

    for doc_id, doc_nodes, doc_edges in parts:
        docs.append(doc_id)
        for n in doc_nodes:
            if n.id in nodes:
                gather(n, nodes[n.id], n.id)
            else:
                nodes[n.id] = n
        for e in doc_edges:
            k = e.key
            if k in edges:
                gather(e, edges[k], k)
            else:
                edges[k] = e
    _link_namesakes(nodes, edges, same_name)
    return GraphBatch(documents=docs, nodes=list(nodes.values()), edges=list(edges.values()))


def _province_name(code: object) -> str:
    gaz = Gazetteer.load()
    return gaz.get(str(code)).name if code and str(code) in gaz else "an unknown province"


def _link_namesakes(
    nodes: dict[str, Node],
    edges: dict[tuple[str, str, str], Edge],
    same_name: Callable[[str], list[Node]] | None,
) -> None:
    """Persons with one name in different provinces: linked as possible duplicates, never merged.

    The link's evidence is each person's first mention (the stored one when the person is already
    stored), so the result does not depend on how documents were split into batches.
    """
    by_name: dict[str, dict[str, Node]] = {}
    for n in nodes.values():
        if n.label is Label.PERSON:
            by_name.setdefault(n.name, {})[n.id] = n
    for name, group in by_name.items():
        # each person's first mention in document order, stored or in this batch, so the link's
        # evidence does not depend on how documents were split into batches
        first = {nid: first_mention(n.evidence) for nid, n in group.items()}
        if same_name is not None:
            for stored in same_name(name):
                first[stored.id] = first_mention(first.get(stored.id, []) + stored.evidence)
        if len(first) < 2:
            continue
        provinces = {nid: group.get(nid) for nid in first}
        ids = sorted(first)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if a not in group and b not in group:
                    continue  # linked when the later of the two was loaded
                where = [_province_name(_province_prop(x, provinces[x], same_name, name)) for x in (a, b)]
                reason = f"same name {name} in {where[0]} and {where[1]}"
                edges[(a, Rel.POSSIBLY_SAME.value, b)] = Edge(
                    source=a,
                    type=Rel.POSSIBLY_SAME,
                    target=b,
                    props={"reason": reason},
                    evidence=first[a] + first[b],
                )


def _province_prop(
    nid: str, node: Node | None, same_name: Callable[[str], list[Node]] | None, name: str
) -> object:
    if node is not None:
        return node.props.get("province")
    for stored in same_name(name) if same_name else []:
        if stored.id == nid:
            return stored.props.get("province")
    return None
