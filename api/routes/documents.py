"""``/documents``: a document's metadata, normalized text and the spans of every fact it attests."""

from __future__ import annotations

import json

from fastapi import APIRouter, Response

from api.deps import RunDep, StoreDep
from api.schemas import DocumentPublic, Span, json_response
from graph_loader.errors import NotFound

router = APIRouter(prefix="/documents", tags=["documents"])


def _spans(data: object, kind: str, out: list[Span], value: str = "") -> None:
    if isinstance(data, dict):
        if "quote" in data and "rule" in data and "start" in data:
            out.append(
                Span(
                    kind=kind,
                    value=value or data["quote"],
                    start=data["start"],
                    end=data["end"],
                    rule=data["rule"],
                )
            )
            return
        label = data.get("name") or data.get("role") or data.get("value") or value
        for v in data.values():
            _spans(v, kind, out, str(label) if label else "")
    elif isinstance(data, list):
        for v in data:
            _spans(v, kind, out, value)


@router.get("/{doc_id}", response_model=DocumentPublic)
async def get_document(doc_id: str, store: StoreDep, run: RunDep) -> Response:
    """Metadata and normalized text, with the span of every fact (``doc:<id>`` or the bare content id)."""
    facts = await run(lambda: store.document(doc_id.removeprefix("doc:")))
    if facts is None:
        raise NotFound(f"no document with id {doc_id!r}")
    data = json.loads(facts.model_dump_json(by_alias=True))
    spans: list[Span] = []
    for kind in ("localities", "persons", "bodies", "events", "assignments", "metadata"):
        _spans(data[kind], kind, spans)
    spans.sort(key=lambda s: (s.start, s.end, s.kind))
    return json_response(
        DocumentPublic(
            id=f"doc:{facts.doc_id}",
            doc=facts.doc,
            title=facts.title,
            date=facts.date,
            source=facts.source,
            bylines=facts.bylines,
            text=facts.text,
            spans=spans,
        )
    )
