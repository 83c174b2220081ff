"""Dependencies: the store the app was started with, and a query helper over it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph_loader.queries import Graph
from graph_loader.store.base import GraphStore


async def get_store(request: Request) -> GraphStore:
    """The app's store (opened at start-up, or given by the caller of ``create_app``)."""
    store: GraphStore = request.app.state.store
    return store


async def get_graph(store: Annotated[GraphStore, Depends(get_store)]) -> Graph:
    """A query helper with a per-request node cache."""
    return Graph(store)


StoreDep = Annotated[GraphStore, Depends(get_store)]
GraphDep = Annotated[Graph, Depends(get_graph)]
