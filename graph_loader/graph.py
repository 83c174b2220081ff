"""The graph model, named once: node labels, relationship types, and the records every store holds.

Both stores and the Cypher files in ``cypher/`` follow these names. Node ids are deterministic
(derived from canonical keys), so loading the same documents twice writes nothing new and ids agree
across machines.
"""

from __future__ import annotations

import hashlib
import json
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph_loader.models import Evidence
from graph_loader.trusted import Picklable


class Label(StrEnum):
    """Node labels."""

    DOCUMENT = "Document"
    PERSON = "Person"
    POST = "Post"
    BODY = "Body"
    LOCALITY = "Locality"
    EVENT = "Event"


class Rel(StrEnum):
    """Relationship types, each documented with its endpoints."""

    HOLDS = "HOLDS"  # (:Person)-[:HOLDS]->(:Post)
    OF = "OF"  # (:Post)-[:OF]->(:Body)
    REPORTS_TO = "REPORTS_TO"  # (:Body)-[:REPORTS_TO]->(:Body)
    LOCATED_IN = "LOCATED_IN"  # (:Body)-[:LOCATED_IN]->(:Locality)
    PART_OF = "PART_OF"  # (:Locality)-[:PART_OF]->(:Locality)
    HELD_IN = "HELD_IN"  # (:Event)-[:HELD_IN]->(:Locality)
    CHAIRED = "CHAIRED"  # (:Person)-[:CHAIRED]->(:Event)
    ATTENDED = "ATTENDED"  # (:Person)-[:ATTENDED]->(:Event)
    SPOKE_AT = "SPOKE_AT"  # (:Person)-[:SPOKE_AT]->(:Event)
    ORGANIZED = "ORGANIZED"  # (:Body)-[:ORGANIZED]->(:Event)
    ASSIGNED_TO = "ASSIGNED_TO"  # (:Body)-[:ASSIGNED_TO {task}]->(:Locality|:Body)
    POSSIBLY_SAME = "POSSIBLY_SAME"  # (:Person)-[:POSSIBLY_SAME {reason}]->(:Person)
    ATTESTS = "ATTESTS"  # (:Document)-[:ATTESTS]->(any node it names)


# Relationships whose evidence lists are what journalists quote; ATTESTS and PART_OF carry evidence too.
HEAD_TITLES = frozenset(
    {
        "组长",
        "主任",
        "书记",
        "局长",
        "厅长",
        "部长",
        "县长",
        "市长",
        "区长",
        "省长",
        "州长",
        "旗长",
        "盟长",
        "镇长",
        "乡长",
        "主席",
        "第一书记",
        "党组书记",
        "党委书记",
        "党工委书记",
        "指挥长",
        "总指挥",
        "秘书长",
        "督察长",
    }
)


def node_id(label: Label, *key: str | None) -> str:
    """Deterministic id for a node from its canonical key, e.g. ``body:3f2a…``.

    Examples
    --------
    >>> node_id(Label.LOCALITY, "510400")
    'loc:510400'
    """
    if label is Label.LOCALITY:
        return f"loc:{key[0]}"
    if label is Label.DOCUMENT:
        return f"doc:{key[0]}"
    digest = hashlib.sha1("\x1f".join(k or "" for k in key).encode("utf-8")).hexdigest()[:16]
    return f"{label.value.lower()}:{digest}"


def evidence_key(ev: Evidence) -> tuple[str, int, int, str]:
    """What makes two pieces of evidence the same (so a reload adds no duplicates)."""
    return (ev.doc_id, ev.start, ev.end, ev.rule)


class Node(Picklable):
    """A node: id, label, display name, and properties (lists and scalars only)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: Label
    name: str
    props: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)


class Edge(Picklable):
    """A relationship with the evidence of every document that attests it."""

    model_config = ConfigDict(extra="forbid")

    source: str
    type: Rel
    target: str
    props: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the relationship: one per (source, type, target)."""
        return (
            self.source,
            self.type._value_,
            self.target,
        )  # `_value_`: no descriptor lookup, loads call this a lot


class GraphBatch(BaseModel):
    """Nodes and edges resolved from a batch of documents, written atomically."""

    model_config = ConfigDict(extra="forbid")

    documents: list[str] = Field(default_factory=list)  # doc ids in this batch
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)


def first_mention(evidence: list[Evidence]) -> list[Evidence]:
    """The first piece of evidence in :func:`evidence_key` order (empty when there is none)."""
    return [min(evidence, key=evidence_key)] if evidence else []


def merge_evidence(old: list[Evidence], new: list[Evidence]) -> list[Evidence]:
    """Union of two evidence lists, keeping order and dropping repeats."""
    seen = {evidence_key(e) for e in old}
    out = list(old)
    for e in new:
        if evidence_key(e) not in seen:
            seen.add(evidence_key(e))
            out.append(e)
    return out


def merge_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Merge node properties: lists are unioned, empty values never overwrite."""
    out = dict(old)
    for k, v in new.items():
        if isinstance(v, list):
            cur = out.get(k) or []
            out[k] = cur + [x for x in v if x not in cur]
        elif v not in (None, "") and out.get(k) in (None, ""):
            out[k] = v
    return out


def evidence_json(evidence: list[Evidence]) -> list[str]:
    """Evidence as a list of JSON strings (how Neo4j properties hold it)."""
    return [json.dumps(e.model_dump(), ensure_ascii=False, sort_keys=True) for e in evidence]


def evidence_from_json(items: list[str]) -> list[Evidence]:
    """Inverse of :func:`evidence_json`."""
    return [Evidence.model_validate_json(s) for s in items]
