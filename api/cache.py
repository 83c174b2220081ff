"""A bounded cache of JSON answers, for stores whose content cannot change under the server.

The embedded store is read into the server's memory when it starts, so every answer is fixed for
the life of the process: caching them is exact, not approximate. A Neo4j store can change while
the server runs, so the app does not cache over it.
"""

from __future__ import annotations

from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIXES = ("/chains/", "/persons/", "/bodies/", "/events/", "/localities/", "/paths", "/search")


class ResponseCache:
    """ASGI middleware keeping the last ``size`` successful JSON answers to GET requests."""

    def __init__(self, app: ASGIApp, size: int) -> None:
        self.app = app
        self.size = size
        self.entries: OrderedDict[bytes, tuple[list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self.hits = self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(CACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        key = scope["path"].encode() + b"?" + scope.get("query_string", b"")
        hit = self.entries.get(key)
        if hit is not None:
            self.hits += 1
            self.entries.move_to_end(key)
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: dict[str, object] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(status=message["status"], headers=list(message.get("headers", [])))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    self.entries[key] = (start["headers"], b"".join(chunks))  # type: ignore[assignment]
                    if len(self.entries) > self.size:
                        self.entries.popitem(last=False)
            await send(message)

        await self.app(scope, receive, capture)
