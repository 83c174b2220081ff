"""``/viz/{id}``: an interactive page of an entity's neighbourhood; assets served locally, no CDN."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI, Query
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

import graph_loader
from api.deps import RunDep, StoreDep
from graph_loader.viz import neighbourhood, render_html

STATIC = Path(graph_loader.__file__).resolve().parent / "static"
router = APIRouter(prefix="/viz", tags=["viz"])


@router.get("/{node_id}", response_class=HTMLResponse)
async def viz_page(
    node_id: str,
    store: StoreDep,
    run: RunDep,
    depth: Annotated[int, Query(ge=1, le=3, description="Relationships away from the entity (≤ 3).")] = 1,
    hierarchical: Annotated[bool, Query(description="Top-down layout, for chains.")] = False,
    documents: Annotated[bool, Query(description="Show the documents attesting each node.")] = False,
) -> HTMLResponse:
    """The entity's neighbourhood as an interactive graph; click a node to open its own page."""
    nodes, edges = await run(lambda: neighbourhood(store, node_id, depth=depth, include_documents=documents))
    html = render_html(
        nodes, edges, node_id, hierarchical=hierarchical, link_base="/viz/", asset_base="/static/"
    )
    return HTMLResponse(html)


def install(app: FastAPI) -> None:
    """Add the viz pages and the local static assets they load."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
