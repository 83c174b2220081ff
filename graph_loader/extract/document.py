"""Assemble every rule's findings for one document into :class:`DocumentFacts` with evidence.

The facts are built with :func:`~graph_loader.trusted.trusted` from values the rules computed, without
pydantic's validation, which used to be a good part of the extraction time.
"""

from __future__ import annotations

import hashlib
from typing import cast

from graph_loader.extract.bodies import BodyMention, find_bodies, identity, is_listed
from graph_loader.extract.events import (
    EventMention,
    assign_roles,
    find_feedback_meetings,
    find_inspections,
    find_meetings,
    find_notice,
    find_tasks,
)
from graph_loader.extract.localities import PlaceMention, find_places, place_context
from graph_loader.extract.meta import Meta, extract_meta
from graph_loader.extract.persons import PersonMention, find_persons
from graph_loader.extract.text import Document
from graph_loader.extract.townships import Places, places
from graph_loader.gazetteer import Division, Gazetteer
from graph_loader.graph import evidence_key
from graph_loader.lexicon import lexicon
from graph_loader.models import (
    Assignment,
    Body,
    BodyKind,
    DocumentFacts,
    Event,
    EventKind,
    Evidence,
    Locality,
    MetaFact,
    MetaField,
    Participant,
    ParticipantRole,
    Person,
    Post,
    Removal,
)
from graph_loader.trusted import trusted


def content_id(text: str) -> str:
    """Stable document id from normalized content: the same article saved twice gets one id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def extract(name: str, text: str, removed: list[Removal] | None = None) -> DocumentFacts:
    """Extract all facts from one normalized document.

    Parameters
    ----------
    name
        The document's file name, kept as ``doc``.
    text
        Normalized text (see :func:`graph_loader.normalize.normalize`); every offset points into it.
    removed
        What normalization dropped, kept for debugging.

    Returns
    -------
    DocumentFacts
        Facts in the shared format, each with its evidence.
    """
    doc = Document(content_id(text), text)
    mentions = find_places(text)
    ctx = places(text, place_context(text, mentions))
    meta = extract_meta(doc)
    bodies = find_bodies(doc, ctx)
    persons = find_persons(doc, ctx, bodies)
    meetings = find_meetings(doc, ctx, meta)
    for fb in find_feedback_meetings(doc, ctx, meta):
        if not any(fb.start <= m.start < fb.end or m.start <= fb.start < m.end for m in meetings):
            meetings.append(fb)
    meetings.sort(key=lambda e: e.start)
    assign_roles(doc, persons, meetings)
    inspections, assigns = find_inspections(doc, ctx, meta, bodies)
    assigns += find_tasks(doc, ctx, bodies)
    notice = find_notice(doc, ctx, meta, bodies)
    events = meetings + inspections + ([notice] if notice else [])
    byline_names = {b[0] for b in meta.bylines or []}

    facts = DocumentFacts(doc=name, doc_id=doc.doc_id, text=text, removed=removed or [])
    facts.localities = _localities(doc, ctx)
    facts.persons = _persons(doc, persons, byline_names)
    facts.bodies = _bodies(doc, bodies, persons, ctx)
    facts.events = [_event(doc, e) for e in events]
    facts.assignments = [
        Assignment.model_validate(
            {
                "from": a.source,
                "to": a.target,
                "what": a.what,
                "evidence": [doc.evidence(a.start, a.end, a.rule, a.confidence)],
            }
        )
        for a in assigns
    ]
    _meta(doc, meta, facts)
    return facts


def _localities(doc: Document, ctx: Places) -> list[Locality]:
    out: list[Locality] = []
    localities = ctx.localities()
    listed = {d.code for d, _ in localities}
    first_mention: dict[str, PlaceMention] = {}
    for m in ctx.mentions:
        first_mention.setdefault(m.division.code, m)
    mention_ancestors: list[tuple[PlaceMention, set[str]]] | None = None
    for div, mentioned in localities:
        parent = ctx_parent_name(div)
        if mentioned:
            m = first_mention[div.code]
            ev = [doc.evidence(m.start, m.end, m.rule, m.confidence)]
        else:
            # an ancestor not named in the text: the evidence is its descendant's mention
            if mention_ancestors is None:
                mention_ancestors = [(m, {a.code for a in _ancestors(m.division)}) for m in ctx.mentions]
            child = next((m for m, codes in mention_ancestors if div.code in codes), None)
            if child is None:
                continue
            ev = [doc.evidence(child.start, child.end, "locality.ancestor", 0.95)]
        out.append(
            trusted(
                Locality,
                {
                    "name": div.name,
                    "parent": parent,
                    "code": div.code,
                    "level": div.level,
                    "mentioned": mentioned,
                    "evidence": ev,
                },
            )
        )
    seen: dict[str, Locality] = {}
    for t in ctx.towns:
        ev = [doc.evidence(t.start, t.end, t.rule, t.confidence)]
        if t.division.code in seen:
            continue
        county = ctx.gazetteer.get(t.division.parent or "")
        town = Locality(
            name=t.division.name, parent=county.name, code=t.division.code, level="township", evidence=ev
        )
        seen[t.division.code] = town
        out.append(town)
        for div in (county, *_ancestors(county)):  # the county and its parents, once each
            if div.code not in listed:
                listed.add(div.code)
                out.append(
                    trusted(
                        Locality,
                        {
                            "name": div.name,
                            "parent": ctx_parent_name(div),
                            "code": div.code,
                            "level": div.level,
                            "mentioned": False,
                            "evidence": list(ev),  # its own list, as validation used to copy it
                        },
                    )
                )
    return out


def _ancestors(div: Division) -> list[Division]:
    return Gazetteer.load().ancestors(div.code)


def ctx_parent_name(div: Division) -> str | None:
    anc = _ancestors(div)
    return anc[0].name if anc else None


def _persons(doc: Document, persons: list[PersonMention], bylines: set[str]) -> list[Person]:
    merged: dict[str, Person] = {}
    for p in persons:
        if p.name in bylines:
            continue
        person = merged.get(p.name)
        ev = doc.evidence(p.start, p.end, p.rule, p.confidence)
        if person is None:
            person = trusted(Person, {"name": p.name, "posts": [], "evidence": [ev]})
            merged[p.name] = person
        else:
            person.evidence.append(ev)
        for q in p.posts:
            if any(x.role == q.role and x.locality == q.locality for x in person.posts):
                continue
            person.posts.append(
                trusted(
                    Post,
                    {
                        "role": q.role,
                        "locality": q.locality,
                        "body": q.body,
                        "title": q.title,
                        "evidence": [
                            doc.evidence(q.start, p.end, q.rule, 0.85 if q.locality or not q.level else 0.7)
                        ],
                    },
                )
            )
    return list(merged.values())


def _bodies(
    doc: Document, bodies: list[BodyMention], persons: list[PersonMention], ctx: Places
) -> list[Body]:
    out: dict[tuple[str, str | None], Body] = {}
    # one body per identity and locality: 迎接…领导小组 and 江湾镇迎接…领导小组 in a 江湾镇 article
    longest: dict[tuple[str, str | None], str] = {}
    identities = {name: identity(name, ctx) for name in {b.name for b in bodies}}
    for b in bodies:
        k = (identities[b.name], b.locality)
        if len(b.name) > len(longest.get(k, "")):
            longest[k] = b.name
    renamed: dict[str, str] = {}
    for b in bodies:
        full = longest[(identities[b.name], b.locality)]
        if full != b.name:
            renamed[b.name] = full
            b.aliases.append(b.name)
            b.name = full
    for b in bodies:
        if b.parent in renamed:
            b.parent = renamed[b.parent]
    for b in bodies:
        key = (b.name, b.locality)
        ev = doc.evidence(b.start, b.end, b.rule, b.confidence)
        if key in out:
            out[key].evidence.append(ev)
            if out[key].parent is None and b.parent:
                out[key].parent = b.parent
            out[key].aliases += [a for a in b.aliases if a not in out[key].aliases]
            continue
        out[key] = trusted(
            Body,
            {
                "name": b.name,
                "kind": cast(BodyKind, b.kind),
                "locality": b.locality,
                "parent": b.parent,
                "aliases": list(b.aliases),
                "evidence": [ev],
            },
        )
    lex = lexicon()
    # inspection-related bodies named only in posts (市环委会副主任 → 市环委会)
    for p in persons:
        for q in p.posts:
            if not q.body:
                continue
            kind = lex.body_kind(q.body) or "other"
            if q.rule in ("post.roster", "post.group_leader", "post.appointed") and _same_body(
                out, q.body, q.locality
            ):
                continue
            if not is_listed(kind, q.body) or _same_body(out, q.body, q.locality):
                continue
            ev = doc.evidence(q.start, q.end, "body.from_post", 0.8)
            out[(q.body, q.locality)] = Body(
                name=q.body, kind=cast(BodyKind, kind), locality=q.locality, evidence=[ev]
            )
    return list(out.values())


def _same_body(out: dict[tuple[str, str | None], Body], name: str, locality: str | None) -> bool:
    """A post's 区生态环境保护委员会 is the 安居区生态环境保护委员会 named elsewhere."""
    bare = name.lstrip("省市县区州旗盟镇乡")
    for (other, loc), body in out.items():
        if loc == locality and (other == name or other.endswith(bare)):
            if name != other and name not in body.aliases:
                body.aliases.append(name)
            return True
    return False


def _event(doc: Document, e: EventMention) -> Event:
    participants: list[Participant] = []
    for name, role, s, t, rule in e.roles:
        ev = doc.evidence(s, t, rule, 0.85)
        existing = next((p for p in participants if p.name == name and p.role == role), None)
        if existing is not None and any(evidence_key(x) == evidence_key(ev) for x in existing.evidence):
            continue  # two cues on one mention (作了讲话, 讲话): one piece of evidence
        if existing is None:
            participants.append(
                trusted(Participant, {"name": name, "role": cast(ParticipantRole, role), "evidence": [ev]})
            )
        else:
            existing.evidence.append(ev)

    def who(role: str) -> list[str]:
        return [p.name for p in participants if p.role == role]

    return trusted(
        Event,
        {
            "name": e.name,
            "kind": cast(EventKind, e.kind),
            "date": e.date,
            "locality": e.locality,
            "organizer": e.organizer,
            "chair": who("chair"),
            "attendees": who("attendee"),
            "speakers": who("speaker"),
            "participants": participants,
            "evidence": [doc.evidence(e.start, e.end, e.rule, e.confidence)],
        },
    )


def _meta(doc: Document, meta: Meta, facts: DocumentFacts) -> None:
    def add(field: str, value: str, start: int, end: int, rule: str, conf: float) -> Evidence:
        ev = doc.evidence(start, end, rule, conf)
        facts.metadata.append(
            trusted(MetaFact, {"field": cast(MetaField, field), "value": value, "evidence": [ev]})
        )
        return ev

    if meta.date and meta.date_span:
        facts.date = meta.date
        add("date", meta.date, meta.date_span[0], meta.date_span[1], meta.date_span[2], 0.9)
    if meta.title and meta.title_span:
        facts.title = meta.title
        add("title", meta.title, meta.title_span[0], meta.title_span[1], "meta.title", 0.7)
    if meta.source and meta.source_span:
        facts.source = meta.source
        add("source", meta.source, meta.source_span[0], meta.source_span[1], "meta.source", 0.9)
    for name, s, e, rule in meta.bylines or []:
        facts.bylines.append(name)
        add("byline", name, s, e, rule, 0.85)
