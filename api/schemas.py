"""Response shapes per use; lists are ``{data, count}``."""

from __future__ import annotations

from typing import Generic, TypeVar

from fastapi import Response
from pydantic import BaseModel, Field

from graph_loader.graph import Label, Node
from graph_loader.models import Evidence
from graph_loader.queries import Hop, Ref

T = TypeVar("T")

MAX_PAGE = 100


class Page(BaseModel, Generic[T]):
    """A page of results and the total number found."""

    data: list[T]
    count: int


class EntityPublic(BaseModel):
    """A node with the evidence of its mentions."""

    id: str
    label: Label
    name: str
    props: dict[str, object] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)

    @classmethod
    def of(cls, node: Node, evidence_limit: int = 5) -> EntityPublic:
        """Public view of a node, with its first few pieces of evidence."""
        return cls(
            id=node.id,
            label=node.label,
            name=node.name,
            props=node.props,
            evidence=node.evidence[:evidence_limit],
        )


class PersonPublic(BaseModel):
    """A person: posts (with body, locality, dates), events, possible duplicates."""

    person: EntityPublic
    posts: list[Hop]
    bodies: list[Hop]
    events: list[Hop]
    possible_duplicates: list[Hop]


class HolderPublic(BaseModel):
    """A post of a body and who holds it."""

    post: Ref
    head: bool
    holders: list[Hop]


class BodyPublic(BaseModel):
    """A body: kind, locality, parent, sub-bodies, posts and their holders, heads."""

    body: EntityPublic
    kind: str | None
    locality: list[Hop]
    parent: list[Hop]
    sub_bodies: list[Hop]
    posts: list[HolderPublic]
    heads: list[Hop]
    assignments: list[Hop]


class EventPublic(BaseModel):
    """An event: date, place, chair, speakers, attendees, organizer, the inspection it responds to."""

    event: EntityPublic
    date: str | None
    place: list[Hop]
    chair: list[Hop]
    speakers: list[Hop]
    attendees: list[Hop]
    organizer: list[Hop]
    responds_to: list[Ref]


class LocalityPublic(BaseModel):
    """A locality: parent chain, child units, bodies, events, inspection teams assigned."""

    locality: EntityPublic
    parents: list[Hop]
    children: list[Ref]
    bodies: list[Hop]
    events: list[Hop]
    inspection_teams: list[Hop]


class Span(BaseModel):
    """Where one fact's evidence sits in a document's text."""

    kind: str
    value: str
    start: int
    end: int
    rule: str


class DocumentPublic(BaseModel):
    """A document: metadata, normalized text, and the spans of every fact it attests."""

    id: str
    doc: str
    title: str | None
    date: str | None
    source: str | None
    bylines: list[str]
    text: str
    spans: list[Span]


def json_response(model: BaseModel) -> Response:
    """Serialize a response model once (FastAPI would validate and convert it again)."""
    return Response(content=model.model_dump_json(), media_type="application/json")
