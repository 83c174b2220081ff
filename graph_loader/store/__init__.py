"""Graph stores: an embedded default (SQLite + networkx) and Neo4j through the official driver."""

from __future__ import annotations

from graph_loader.settings import Settings, get_settings
from graph_loader.store.base import GraphStore, WriteSummary


def open_store(kind: str | None = None, settings: Settings | None = None) -> GraphStore:
    """Open the configured store: ``embedded`` (default) or ``neo4j``."""
    settings = settings or get_settings()
    kind = kind or settings.store
    if kind == "embedded":
        from graph_loader.store.embedded import EmbeddedStore

        return EmbeddedStore(settings.store_path)
    if kind == "neo4j":
        from graph_loader.store.neo4j import Neo4jStore

        return Neo4jStore.from_settings(settings)
    from graph_loader.errors import ConfigError

    raise ConfigError(f"unknown store {kind!r}: use 'embedded' or 'neo4j'")


__all__ = ["GraphStore", "WriteSummary", "open_store"]
