"""The FastAPI application: ``create_app()`` opens the configured store unless one is given."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors
from api.cache import ResponseCache
from api.routes import chains, documents, entities, evidence, search, viz
from graph_loader import __version__
from graph_loader.settings import Settings, get_settings
from graph_loader.store import open_store
from graph_loader.store.base import GraphStore
from graph_loader.store.embedded import EmbeddedStore


def create_app(store: GraphStore | None = None, settings: Settings | None = None) -> FastAPI:
    """Build the read-only API over ``store`` (or the store the settings name).

    Limits: page size ≤ 100, chain depth ≤ 8, ``max_hops`` ≤ 6, path search visits at most 20,000
    nodes, so every query's time is bounded. Over the embedded store (a snapshot read at start-up)
    the last ``OFFICIALS_GRAPH_API_CACHE_SIZE`` JSON answers are kept (0 turns this off).
    """
    settings = settings or get_settings()
    owned = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = store if store is not None else open_store(settings.store, settings)
        try:
            yield
        finally:
            if owned:
                app.state.store.close()

    app = FastAPI(
        title="officials-graph",
        version=__version__,
        description="Accountability chains over officials, bodies, localities and events from Chinese "
        "environmental-inspection articles. Read-only; every hop carries its evidence.",
        lifespan=lifespan,
    )
    if store is not None:
        app.state.store = store
    errors.install(app)
    for router in (
        search.router,
        entities.persons,
        entities.bodies,
        entities.events,
        entities.localities,
        documents.router,
        evidence.router,
        chains.router,
    ):
        app.include_router(router)
    viz.install(app)
    if settings.api_cache_size and (
        store is None and settings.store == "embedded" or isinstance(store, EmbeddedStore)
    ):
        app.add_middleware(ResponseCache, size=settings.api_cache_size)
    return app
