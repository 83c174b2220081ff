"""``/search``: persons, bodies, localities and events by name, traditional form or pinyin."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import RunDep, StoreDep
from api.schemas import MAX_PAGE, EntityPublic, Page, json_response
from graph_loader.graph import Label
from graph_loader.queries import search

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=Page[EntityPublic])
async def search_entities(
    store: StoreDep,
    run: RunDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="谢忠华, 謝忠華, xie zhonghua, xzh…")],
    label: Annotated[Label | None, Query(description="Only this kind of node.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> Response:
    """Find entities by name; exact names rank before partial ones (忠华 finds 谢忠华, lower)."""

    def answer() -> Response:
        hits = search(store, q, [label] if label else None, limit=offset + limit + 1000)
        # the first mention of each entity on the page, read for the page only
        page = store.nodes([n.id for n in hits[offset : offset + limit]], evidence=True, evidence_limit=1)
        return json_response(Page(data=[EntityPublic.of(n, 1) for n in page], count=len(hits)))

    return await run(answer)
