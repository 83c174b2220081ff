"""Shared helpers for the benchmarks: the synthetic corpus, timing statistics, tables, results."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def corpus(n_docs: int, seed: int, folder: Path) -> Path:
    """The synthetic corpus of ``n_docs`` articles in ``folder``, generated once and reused."""
    from graph_loader.synth import generate

    manifest = folder / "manifest.json"
    if manifest.exists():
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data.get("docs") == n_docs and data.get("seed") == seed:
            return folder
    generate(n_docs, seed, folder, gold=False)
    return folder


def percentiles(samples_ms: Sequence[float]) -> dict[str, float]:
    """p50, p99 and mean of latencies in milliseconds."""
    if not samples_ms:
        return {"n": 0, "p50_ms": float("nan"), "p99_ms": float("nan"), "mean_ms": float("nan")}
    s = sorted(samples_ms)
    p99 = s[min(len(s) - 1, int(round(0.99 * (len(s) - 1))))]
    return {
        "n": len(s),
        "p50_ms": round(statistics.median(s), 3),
        "p99_ms": round(p99, 3),
        "mean_ms": round(statistics.fmean(s), 3),
    }


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its waited-for children), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def proc_memory_mb(pid: int) -> dict[str, float]:
    """Current and peak resident memory of another process (Linux /proc), in MB."""
    out: dict[str, float] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = round(int(value.split()[0]) / 1024, 1)
    except OSError:
        pass
    return out


def machine() -> str:
    """One line saying where the figures came from."""
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def table(rows: Sequence[Sequence[object]], header: Sequence[str]) -> str:
    """A plain fixed-width table."""
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def save(name: str, result: dict[str, object], out: Path | None = None) -> Path:
    """Write a result as JSON under bench/results/ (or ``out``)."""
    path = out or RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    result = {**result, "machine": machine()}
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
