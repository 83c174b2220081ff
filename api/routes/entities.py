"""``/persons``, ``/bodies``, ``/events``, ``/localities``: one entity with its relationships."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import GraphDep, RunDep
from api.schemas import (
    BodyPublic,
    EntityPublic,
    EventPublic,
    HolderPublic,
    LocalityPublic,
    PersonPublic,
    json_response,
)
from graph_loader.graph import Label, Rel
from graph_loader.queries import ref

persons = APIRouter(prefix="/persons", tags=["persons"])
bodies = APIRouter(prefix="/bodies", tags=["bodies"])
events = APIRouter(prefix="/events", tags=["events"])
localities = APIRouter(prefix="/localities", tags=["localities"])


@persons.get("/{person_id}", response_model=PersonPublic)
async def get_person(person_id: str, g: GraphDep, run: RunDep) -> Response:
    """A person's posts (with body, locality and dates), events chaired/attended/spoken at, namesakes."""

    def answer() -> Response:
        person = g.node(person_id, Label.PERSON, evidence=True)
        holds = g.out(person.id, Rel.HOLDS)
        of = g.store.edges([e.target for e in holds], "out", [Rel.OF], 0)
        return json_response(
            g.ready(
                PersonPublic(
                    person=EntityPublic.of(person),
                    posts=[g.hop(e) for e in holds],
                    bodies=[g.hop(e) for e in of],
                    events=[g.hop(e) for e in g.out(person.id, Rel.CHAIRED, Rel.ATTENDED, Rel.SPOKE_AT)],
                    possible_duplicates=[
                        g.hop(e) for e in g.store.edges([person.id], "both", [Rel.POSSIBLY_SAME], 0)
                    ],
                )
            )
        )

    return await run(answer)


@bodies.get("/{body_id}", response_model=BodyPublic)
async def get_body(body_id: str, g: GraphDep, run: RunDep) -> Response:
    """A body's kind, locality, parent, sub-bodies, posts with their holders, and heads."""

    def answer() -> Response:
        body = g.node(body_id, Label.BODY, evidence=True)
        posts = []
        for of in g.into(body.id, Rel.OF):
            post = g.node(of.source)
            posts.append(
                HolderPublic(
                    post=ref(post),
                    head=bool(post.props.get("head")),
                    holders=[g.hop(h) for h in g.into(post.id, Rel.HOLDS)],
                )
            )
        heads = [h.holds for h in g.heads(body.id, with_other_posts=False)]
        return json_response(
            g.ready(
                BodyPublic(
                    body=EntityPublic.of(body),
                    kind=body.props.get("kind"),
                    locality=[g.hop(e) for e in g.out(body.id, Rel.LOCATED_IN)],
                    parent=[g.hop(e) for e in g.out(body.id, Rel.REPORTS_TO)],
                    sub_bodies=[g.hop(e) for e in g.into(body.id, Rel.REPORTS_TO)],
                    posts=posts,
                    heads=heads,
                    assignments=[g.hop(e) for e in g.store.edges([body.id], "both", [Rel.ASSIGNED_TO], 0)],
                )
            )
        )

    return await run(answer)


@events.get("/{event_id}", response_model=EventPublic)
async def get_event(event_id: str, g: GraphDep, run: RunDep) -> Response:
    """An event's date, place, chair, speakers, attendees, organizer, and the inspection it responds to."""

    def answer() -> Response:
        event = g.node(event_id, Label.EVENT, evidence=True)
        people = g.into(event.id, Rel.CHAIRED, Rel.SPOKE_AT, Rel.ATTENDED)
        # the inspection a meeting responds to: inspections reported by the same documents
        docs = [e.source for e in g.into(event.id, Rel.ATTESTS)]
        related = g.store.edges(docs, "out", [Rel.ATTESTS], evidence_limit=0)
        g.prefetch([e.target for e in related])
        responds = sorted(
            {
                e.target
                for e in related
                if e.target != event.id
                and g.node(e.target).label is Label.EVENT
                and g.node(e.target).props.get("kind") in ("inspection", "campaign")
            }
        )
        return json_response(
            g.ready(
                EventPublic(
                    event=EntityPublic.of(event),
                    date=event.props.get("date"),
                    place=[g.hop(e) for e in g.out(event.id, Rel.HELD_IN)],
                    chair=[g.hop(e) for e in people if e.type is Rel.CHAIRED],
                    speakers=[g.hop(e) for e in people if e.type is Rel.SPOKE_AT],
                    attendees=[g.hop(e) for e in people if e.type is Rel.ATTENDED],
                    organizer=[g.hop(e) for e in g.into(event.id, Rel.ORGANIZED)],
                    responds_to=[ref(g.node(i)) for i in responds],
                )
            )
        )

    return await run(answer)


@localities.get("/{locality_id}", response_model=LocalityPublic)
async def get_locality(locality_id: str, g: GraphDep, run: RunDep) -> Response:
    """A locality's parent chain, child units, bodies located there, events held there, teams assigned."""

    def answer() -> Response:
        loc = g.node(locality_id, Label.LOCALITY, evidence=True)
        children = [e.source for e in g.into(loc.id, Rel.PART_OF)]
        g.prefetch(children)
        return json_response(
            g.ready(
                LocalityPublic(
                    locality=EntityPublic.of(loc),
                    parents=g.locality_chain(loc.id, Rel.PART_OF),
                    children=[ref(g.node(c)) for c in children],
                    bodies=[g.hop(e) for e in g.into(loc.id, Rel.LOCATED_IN)],
                    events=[g.hop(e) for e in g.into(loc.id, Rel.HELD_IN)],
                    inspection_teams=[
                        g.hop(e)
                        for e in g.into(loc.id, Rel.ASSIGNED_TO)
                        if g.node(e.source).props.get("kind") == "inspection_team"
                    ],
                )
            )
        )

    return await run(answer)
