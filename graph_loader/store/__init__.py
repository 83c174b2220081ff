"""Graph stores: an embedded default (SQLite + an in-memory topology) and Neo4j through the official driver."""

from __future__ import annotations

from graph_loader.settings import Settings, get_settings
from graph_loader.store.base import GraphStore, WriteSummary


def open_store(kind: str | None = None, settings: Settings | None = None) -> GraphStore:
    """Open the configured store: ``embedded`` (default) or ``neo4j``."""
    settings = settings or get_settings()
    kind = kind or settings.store
    if kind == "embedded":
        import gc

        from graph_loader.store.embedded import EmbeddedStore

        store = EmbeddedStore(settings.store_path, cache_mb=settings.sqlite_cache_mb)
        # the topology is millions of long-lived objects: keep the cyclic collector from walking
        # them again and again while a load or the API allocates
        gc.freeze()
        return store
    if kind == "neo4j":
        from graph_loader.store.neo4j import Neo4jStore

        return Neo4jStore.from_settings(settings)
    from graph_loader.errors import ConfigError

    raise ConfigError(f"unknown store {kind!r}: use 'embedded' or 'neo4j'")


__all__ = ["GraphStore", "WriteSummary", "open_store"]
