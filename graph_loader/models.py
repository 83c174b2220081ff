"""The domain model, declared once: document facts and their evidence.

The JSON shape follows the shared document-facts format (``doc``, ``date``, ``localities``,
``persons``, ``bodies``, ``events``, ``assignments``, ``bylines``) and adds evidence to every fact.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from graph_loader.trusted import Picklable

BodyKind = Literal[
    "party_committee",
    "government",
    "congress",
    "cppcc",
    "committee",
    "leading_group",
    "working_group",
    "office",
    "department",
    "inspection_team",
    "other",
]
EventKind = Literal["meeting", "inspection", "campaign", "notice", "other"]
LocalityLevel = Literal["province", "prefecture", "county", "township"]
ParticipantRole = Literal["chair", "speaker", "attendee"]
MetaField = Literal["title", "source", "date", "byline"]

ACCOUNTABLE_KINDS: frozenset[str] = frozenset(
    {"leading_group", "working_group", "committee", "office", "inspection_team"}
)


class _Model(Picklable):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Evidence(_Model):
    """Where a fact comes from: the sentence, the span, and the rule that produced it.

    ``start``/``end`` are character offsets of the supporting span in the document's normalized
    text; ``sentence_start``/``sentence_end`` bound the sentence holding it.
    """

    doc_id: str
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    quote: str
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)


class Locality(_Model):
    """An administrative division named in (or implied by) the document."""

    name: str
    parent: str | None = None
    code: str
    level: LocalityLevel
    mentioned: bool = True
    evidence: list[Evidence]


class Post(_Model):
    """A post held by a person, e.g. role 市委常委 with locality 攀枝花市."""

    role: str
    locality: str | None = None
    body: str | None = None
    title: str
    evidence: list[Evidence]


class Person(_Model):
    """A named official or a person stated as present."""

    name: str
    posts: list[Post] = Field(default_factory=list)
    evidence: list[Evidence]


class Body(_Model):
    """A party committee, government, committee, group, office or inspection team."""

    name: str
    kind: BodyKind
    locality: str | None = None
    parent: str | None = None
    aliases: list[str] = Field(default_factory=list)
    evidence: list[Evidence]


class Participant(_Model):
    """A person's role in an event, with its own evidence."""

    name: str
    role: ParticipantRole
    evidence: list[Evidence]


class Event(_Model):
    """A meeting, inspection, campaign or notice."""

    name: str
    kind: EventKind
    date: str | None = None
    locality: str | None = None
    organizer: str | None = None
    chair: list[str] = Field(default_factory=list)
    attendees: list[str] = Field(default_factory=list)
    speakers: list[str] = Field(default_factory=list)
    participants: list[Participant] = Field(default_factory=list)
    evidence: list[Evidence]


class Assignment(_Model):
    """An inspection team sent to a place, or a task given to a named body."""

    from_: str = Field(alias="from")
    to: str
    what: str
    evidence: list[Evidence]


class MetaFact(_Model):
    """A metadata value (title, source, date, byline) with its evidence."""

    field: MetaField
    value: str
    evidence: list[Evidence]


class Removal(_Model):
    """Text dropped by normalization (navigation, copyright, repeated paragraph, mojibake…)."""

    kind: str
    text: str


class DocumentFacts(_Model):
    """Every fact extracted from one document, in the shared format plus evidence."""

    doc: str
    doc_id: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    localities: list[Locality] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    bodies: list[Body] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    bylines: list[str] = Field(default_factory=list)
    metadata: list[MetaFact] = Field(default_factory=list)
    removed: list[Removal] = Field(default_factory=list)
    text: str

    def to_json(self, *, with_text: bool = True) -> str:
        """Serialize with the shared format's field names (``from`` for assignments)."""
        exclude = None if with_text else {"text"}
        return self.model_dump_json(by_alias=True, exclude=exclude)
