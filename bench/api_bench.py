"""API under load: 32 concurrent clients on loopback over the chain endpoints of a served graph.

Usage: python bench/api_bench.py --db bench.sqlite --requests 5000 --concurrency 32
Starts `officials-graph serve` on 127.0.0.1 (a free port) over --db; asks every chain URL once
(first answers, nothing cached), then sends a fixed number of requests over the same URLs from a
bounded asyncio client (repeats come from the response cache), and reports p50/p99 of both
phases, errors and the server's memory.
Targets: p99 ≤ 50 ms, 0 errors, server resident memory ≤ 1.5 GB on the 100k-article graph.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import socket
import subprocess
import sys
import tempfile
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


_WRK_SCRIPT = """
urls = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", urls[(counter %% #urls) + 1])
end
"""
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number = re.match(r"[\d.]+", text)
    assert number, text
    return float(number.group()) * _UNITS[text[number.end() :]]


def run_wrk(base: str, urls: list[str], seconds: int, concurrency: int) -> dict[str, object]:
    """The load phase with wrk (C, two threads): p50/p99 from its latency distribution."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(_WRK_SCRIPT % ",".join(f'"{u}"' for u in urls))
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(concurrency), "-d", f"{seconds}s", "--latency", "-s", f.name, base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    Path(f.name).unlink()
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.M))
    total = re.search(r"(\d+) requests in", out)
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    assert total and latency, out
    n = int(total.group(1))
    return {
        "n": n,
        "p50_ms": _ms(latency["50"]),
        "p99_ms": _ms(latency["99"]),
        "errors": (int(non_ok.group(1)) if non_ok else 0) + (sum(map(int, socket.groups())) if socket else 0),
        "requests_per_s": round(n / seconds, 1),
    }


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--ids", type=int, default=200)
    ap.add_argument(
        "--client",
        choices=["auto", "asyncio", "wrk"],
        default="auto",
        help="load generator for the load phase: wrk when installed (auto), else the asyncio client",
    )
    ap.add_argument("--seconds", type=int, default=20, help="length of the load phase with wrk")
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
        # first answers: every URL once, nothing cached yet
        t = time.perf_counter()
        cold, cold_errors = asyncio.run(run_load(base, urls, len(urls), args.concurrency))
        cold_wall = time.perf_counter() - t
        # the fixed load: URLs again and again, repeats answered from the response cache
        client = args.client if args.client != "auto" else ("wrk" if shutil.which("wrk") else "asyncio")
        if client == "wrk":
            stats: dict[str, object] = run_wrk(base, urls, args.seconds, args.concurrency)
            errors = int(stats.pop("errors"))  # type: ignore[call-overload]
            requests, wall = int(stats["n"]), float(args.seconds)  # type: ignore[call-overload]
        else:
            t = time.perf_counter()
            latencies, errors = asyncio.run(run_load(base, urls, args.requests, args.concurrency))
            wall = time.perf_counter() - t
            stats, requests = dict(percentiles(latencies)), args.requests
        memory = proc_memory_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    cold_stats = percentiles(cold)
    result: dict[str, object] = {
        "first_answers": {
            **cold_stats,
            "errors": cold_errors,
            "requests_per_s": round(len(urls) / cold_wall, 1),
        },
        "client": client,
        "requests": requests,
        "concurrency": args.concurrency,
        "urls": len(urls),
        "server_start_s": round(start_s, 1),
        "wall_s": round(wall, 2),
        "requests_per_s": round(requests / wall, 1),
        "errors": errors,
        **stats,
        "server_rss_mb": memory.get("VmRSS"),
        "server_peak_rss_mb": memory.get("VmHWM"),
        "targets": {"p99_ms": 50, "errors": 0, "server_rss_mb": 1536},
    }
    print(f"{requests} requests ({client}), {args.concurrency} concurrent clients, {len(urls)} chain URLs")
    print(
        table(
            [
                [
                    f"first answers ({len(urls)})",
                    cold_stats["p50_ms"],
                    cold_stats["p99_ms"],
                    round(len(urls) / cold_wall, 1),
                    cold_errors,
                    "",
                ],
                [
                    f"load ({requests}, {client})",
                    stats["p50_ms"],
                    stats["p99_ms"],
                    result["requests_per_s"],
                    errors,
                    result["server_peak_rss_mb"],
                ],
            ],
            ["phase", "p50 ms", "p99 ms", "req/s", "errors", "server peak RSS MB"],
        )
    )
    save("api", result, args.json)
    return result


if __name__ == "__main__":
    main()
