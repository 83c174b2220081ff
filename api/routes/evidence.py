"""``/evidence``: every piece of evidence of one entity or one relationship, a page at a time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import RunDep, StoreDep
from api.schemas import MAX_PAGE, Page, json_response
from graph_loader.errors import BadRequest, NotFound
from graph_loader.graph import Rel
from graph_loader.models import Evidence

router = APIRouter(prefix="/evidence", tags=["evidence"])


@router.get("", response_model=Page[Evidence])
async def evidence(
    store: StoreDep,
    run: RunDep,
    id: Annotated[str | None, Query(description="An entity's id: the sentences that mention it.")] = None,
    source: Annotated[
        str | None, Query(description="A relationship's source id (with type and target).")
    ] = None,
    type: Annotated[Rel | None, Query(description="The relationship's type.")] = None,
    target: Annotated[str | None, Query(description="The relationship's target id.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """The documents and sentences attesting an entity (``id``) or a relationship
    (``source``, ``type``, ``target``), ordered by document and position; chains quote the first few."""
    if id is not None and source is None and type is None and target is None:
        nodes = await run(lambda: store.nodes([id], evidence=True))
        if not nodes:
            raise NotFound(f"no node with id {id!r}")
        found = nodes[0].evidence
    elif id is None and source is not None and type is not None and target is not None:
        key = (source, type.value, target)
        found = (await run(lambda: store.evidence([key]))).get(key, [])
        if not found:
            raise NotFound(f"no relationship {source} -[{type.value}]-> {target}")
    else:
        raise BadRequest("give either id, or source, type and target")
    return json_response(Page(data=found[offset : offset + limit], count=len(found)))
