"""Dependencies: the store the app was started with, and a query helper over it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import anyio
import anyio.to_thread
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


T = TypeVar("T")


class StoreThread:
    """Runs store reads on one worker thread, one at a time.

    The event loop stays free to answer cached requests while an answer is computed, and the
    store is never used by two threads at once.
    """

    def __init__(self) -> None:
        self._limiter: anyio.CapacityLimiter | None = None

    async def __call__(self, fn: Callable[[], T]) -> T:
        if self._limiter is None:  # created in the running loop
            self._limiter = anyio.CapacityLimiter(1)
        return await anyio.to_thread.run_sync(fn, limiter=self._limiter)


async def get_runner(request: Request) -> StoreThread:
    """The app's store thread."""
    runner: StoreThread | None = getattr(request.app.state, "store_thread", None)
    if runner is None:
        runner = request.app.state.store_thread = StoreThread()
    return runner


StoreDep = Annotated[GraphStore, Depends(get_store)]
RunDep = Annotated[StoreThread, Depends(get_runner)]
GraphDep = Annotated[Graph, Depends(get_graph)]
