"""The Neo4j store for tests: connected to the Bolt server named by ``NEO4J_URI``, or skipped.

``NEO4J_URI``, ``NEO4J_USER`` (default ``neo4j``), ``NEO4J_PASSWORD`` and optionally
``NEO4J_DATABASE`` name the server; ``scripts/bolt_server.py start`` starts a throwaway one and
prints them. With ``NEO4J_TESTS_REQUIRED=1`` (CI sets it) a missing or unreachable server fails the
test instead of skipping it, so the Neo4j path cannot go untested unnoticed.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from graph_loader.store.neo4j import Neo4jStore

CONNECT_TIMEOUT = 5.0  # seconds
_unreachable: list[str] = []  # the reason, once a connection failed: later tests skip at once


def _skip(reason: str) -> NoReturn:
    if os.environ.get("NEO4J_TESTS_REQUIRED") == "1":
        pytest.fail(f"NEO4J_TESTS_REQUIRED=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def neo4j_store_or_skip() -> Neo4jStore:
    """A connected, emptied :class:`Neo4jStore`, or ``pytest.skip`` with the reason there is none."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        _skip(
            "NEO4J_URI is not set: no Bolt server to test the Neo4j store against "
            "(`python scripts/bolt_server.py start --data DIR` starts one)"
        )
    if _unreachable:
        _skip(_unreachable[0])
    try:
        import neo4j  # noqa: F401  (the driver, an optional dependency)
    except ImportError:
        _skip("the neo4j driver is not installed: pip install -e '.[neo4j]'")

    from graph_loader.errors import StoreError
    from graph_loader.store.neo4j import Neo4jStore

    try:
        store = Neo4jStore(
            uri,
            os.environ.get("NEO4J_USER") or "neo4j",
            os.environ.get("NEO4J_PASSWORD") or "",
            database=os.environ.get("NEO4J_DATABASE") or None,
            connection_timeout=CONNECT_TIMEOUT,
        )
    except StoreError as exc:
        _unreachable.append(f"the Bolt server at {uri} is unreachable: {exc}")
        _skip(_unreachable[0])
    store.clear()
    return store
