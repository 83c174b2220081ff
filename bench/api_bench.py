"""API under load: 32 concurrent clients on loopback over the chain endpoints of a served graph.

Usage: python bench/api_bench.py --db bench.sqlite --requests 5000 --concurrency 32
Starts `officials-graph serve` on 127.0.0.1 (a free port) over --db, sends a fixed number of
requests from a bounded asyncio client, and reports p50/p99, errors and the server's memory.
Targets: p99 ≤ 50 ms, 0 errors, server resident memory ≤ 1.5 GB on the 100k-article graph.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
from common import percentiles, proc_memory_mb, save, table  # noqa: E402
from query_bench import sample_ids  # noqa: E402

from graph_loader.store.embedded import EmbeddedStore  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def run_load(base: str, urls: list[str], total: int, concurrency: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker() -> None:
            nonlocal errors
            for i in counter:
                t = time.perf_counter()
                try:
                    r = await client.get(urls[i % len(urls)])
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - t) * 1000)
                errors += not ok

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, errors


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--ids", type=int, default=200)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    store = EmbeddedStore(args.db)
    ids = sample_ids(store, args.ids, 3)
    store.close()
    urls = (
        [f"/chains/body/{quote(i, safe='')}" for i in ids["body"]]
        + [f"/chains/person/{quote(i, safe='')}" for i in ids["person"]]
        + [f"/chains/locality/{quote(i, safe='')}" for i in ids["locality"]]
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "graph_loader", "serve", "--db", str(args.db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        t = time.perf_counter()
        while time.perf_counter() - t < 600:
            try:
                if httpx.get(f"{base}/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        start_s = time.perf_counter() - t
        asyncio.run(run_load(base, urls, min(200, args.requests), args.concurrency))  # warm-up
        t = time.perf_counter()
        latencies, errors = asyncio.run(run_load(base, urls, args.requests, args.concurrency))
        wall = time.perf_counter() - t
        memory = proc_memory_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    stats = percentiles(latencies)
    result: dict[str, object] = {
        "requests": args.requests,
        "concurrency": args.concurrency,
        "urls": len(urls),
        "server_start_s": round(start_s, 1),
        "wall_s": round(wall, 2),
        "requests_per_s": round(args.requests / wall, 1),
        "errors": errors,
        **stats,
        "server_rss_mb": memory.get("VmRSS"),
        "server_peak_rss_mb": memory.get("VmHWM"),
        "targets": {"p99_ms": 50, "errors": 0, "server_rss_mb": 1536},
    }
    print(f"{args.requests} requests, {args.concurrency} concurrent clients, {len(urls)} chain URLs")
    print(
        table(
            [
                [
                    stats["p50_ms"],
                    stats["p99_ms"],
                    result["requests_per_s"],
                    errors,
                    result["server_peak_rss_mb"],
                ]
            ],
            ["p50 ms", "p99 ms", "req/s", "errors", "server peak RSS MB"],
        )
    )
    save("api", result, args.json)
    return result


if __name__ == "__main__":
    main()
