"""Load benchmark: N synthetic articles into the embedded store with parallel extraction, then again.

Usage: python bench/load_bench.py --docs 100000 --workers 2
Targets: ≤ 10 min for 100k articles; the second load (all already stored) ≤ 10% of that.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import corpus, peak_rss_mb, save, table  # noqa: E402

from graph_loader.loader import load  # noqa: E402
from graph_loader.store.embedded import EmbeddedStore  # noqa: E402


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--dir", type=Path, default=None, help="corpus folder (default: a temp folder)")
    ap.add_argument(
        "--db", type=Path, default=None, help="SQLite file to build (default: in the temp folder)"
    )
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="og-bench-"))
    folder = args.dir or work / f"synth-{args.docs}-{args.seed}"
    t = time.perf_counter()
    corpus(args.docs, args.seed, folder)
    gen_s = time.perf_counter() - t
    db = args.db or work / "graph.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    store = EmbeddedStore(db)
    t = time.perf_counter()
    first = load([str(folder)], store, batch_size=args.batch_size, workers=args.workers)
    load_s = time.perf_counter() - t
    store.close()
    rss_main, rss_workers = peak_rss_mb(), peak_rss_mb(children=True)

    store = EmbeddedStore(db)
    t = time.perf_counter()
    second = load([str(folder)], store, batch_size=args.batch_size, workers=args.workers)
    reload_s = time.perf_counter() - t
    counts = store.counts()
    store.close()

    result: dict[str, object] = {
        "docs": args.docs,
        "workers": args.workers,
        "batch_size": args.batch_size,
        "generate_s": round(gen_s, 1),
        "load_s": round(load_s, 1),
        "docs_per_s": round(first.loaded / load_s, 1) if load_s else 0,
        "loaded": first.loaded,
        "skipped": len(first.skipped),
        "reload_s": round(reload_s, 1),
        "reload_share": round(reload_s / load_s, 3) if load_s else 0,
        "reload_already_stored": second.already_stored,
        "peak_rss_main_mb": rss_main,
        "peak_rss_worker_mb": rss_workers,
        "db_mb": round(db.stat().st_size / 2**20, 1),
        "nodes": counts["nodes"],
        "relationships": counts["relationships"],
        "targets": {"load_s_per_100k": 600, "reload_share": 0.10},
        "db": str(db),
    }
    rows = [
        (
            "load",
            f"{load_s:.1f} s",
            f"{result['docs_per_s']} docs/s",
            f"{rss_main} MB (+ workers {rss_workers} MB)",
        ),
        ("re-load (all stored)", f"{reload_s:.1f} s", f"{result['reload_share']:.1%} of load", ""),
    ]
    print(f"{args.docs:,} synthetic articles (generated in {gen_s:.1f} s), {args.workers} workers")
    print(table(rows, ["step", "wall time", "rate", "peak RSS"]))
    print(
        f"graph: {sum(counts['nodes'].values()):,} nodes, {sum(counts['relationships'].values()):,} relationships, "
        f"SQLite {result['db_mb']} MB"
    )
    save("load", result, args.json)
    return result


if __name__ == "__main__":
    main()
