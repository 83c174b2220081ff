"""Query benchmark: chains, paths and search on the embedded store and on a Bolt server, same run.

Usage: python bench/query_bench.py --db bench.sqlite [--bolt] [--bolt-docs 5000] [--queries 300]
The embedded store is measured on the whole graph in --db (built by load_bench.py); the Bolt server
(ArcadeDB started from scripts/bolt_server.py, through the official neo4j driver) gets the first
--bolt-docs documents of it, re-resolved from their stored facts. Target: embedded chain p50 ≤ 1 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, percentiles, save, table  # noqa: E402

from graph_loader.graph import Label, Rel  # noqa: E402
from graph_loader.loader import Namesakes, write_facts  # noqa: E402
from graph_loader.models import DocumentFacts  # noqa: E402
from graph_loader.queries import Graph, search  # noqa: E402
from graph_loader.settings import Settings, get_settings  # noqa: E402
from graph_loader.store import open_store  # noqa: E402
from graph_loader.store.base import GraphStore  # noqa: E402
from graph_loader.store.embedded import EmbeddedStore  # noqa: E402


def sample_ids(store: GraphStore, n: int, seed: int) -> dict[str, list[str]]:
    """Bodies with a parent, persons with posts, localities with bodies, person pairs, search names."""
    rng = random.Random(seed)
    nodes = list(store.iter_nodes()) if not isinstance(store, EmbeddedStore) else None
    if isinstance(store, EmbeddedStore):
        g = store.graph
        by_label: dict[str, list[str]] = {}
        for nid in g.ids():
            by_label.setdefault(g.label(nid), []).append(nid)
        names = {nid: g.name(nid) for nid in by_label.get("Person", [])}
    else:
        assert nodes is not None
        by_label = {}
        for node in nodes:
            by_label.setdefault(node.label.value, []).append(node.id)
        names = {node.id: node.name for node in nodes if node.label is Label.PERSON}

    def pick(label: str, rel: Rel, direction: str) -> list[str]:
        pool = sorted(by_label.get(label, []))
        rng.shuffle(pool)
        out = []
        for nid in pool:
            if store.edges([nid], direction, [rel]):  # type: ignore[arg-type]
                out.append(nid)
            if len(out) >= n:
                break
        return out

    persons = pick("Person", Rel.HOLDS, "out")
    return {
        "body": pick("Body", Rel.REPORTS_TO, "out"),
        "person": persons,
        "locality": pick("Locality", Rel.LOCATED_IN, "in"),
        "pairs": [f"{a}|{b}" for a, b in zip(persons, reversed(persons), strict=False) if a != b],
        "search": [names[p] for p in persons],
    }


def measure(store: GraphStore, ids: dict[str, list[str]], repeat: int) -> dict[str, dict[str, float]]:
    """p50/p99 of every query kind over the sampled ids."""
    kinds: dict[str, tuple[list[str], Callable[[str], object]]] = {
        "chain_body": (ids["body"], lambda i: Graph(store).body_chain(i)),
        "chain_person": (ids["person"], lambda i: Graph(store).person_chain(i)),
        "chain_locality": (ids["locality"], lambda i: Graph(store).locality_view(i)),
        "shortest_path": (
            ids["pairs"],
            lambda p: Graph(store).paths(p.split("|")[0], p.split("|")[1], max_hops=4, limit=5),
        ),
        "search": (ids["search"], lambda q: search(store, q, limit=20)),
    }
    out = {}
    for kind, (items, fn) in kinds.items():
        samples = []
        for _ in range(repeat):
            for item in items:
                t = time.perf_counter()
                fn(item)
                samples.append((time.perf_counter() - t) * 1000)
        out[kind] = percentiles(samples)
        # the first pass alone: every id asked once, the store's caches holding only what earlier
        # kinds and shared links put there
        first = percentiles(samples[: len(items)])
        out[kind]["first_pass_p50_ms"] = first["p50_ms"]
        out[kind]["first_pass_p99_ms"] = first["p99_ms"]
    return out


BOLT_BATCH = 500  # documents per write: fewer, larger transactions rewrite the hubs' evidence less often
BOLT_HEAP = "2g"  # the server's Java heap (its default, 1g, is tight for 500-document transactions)


def start_bolt(folder: Path) -> tuple[dict[str, str], str]:
    """Start a throwaway ArcadeDB Bolt server with its data in ``folder``; its environment and pid."""
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "bolt_server.py"),
            "start",
            "--data",
            str(folder),
            "--port",
            "0",
            "--heap",
            BOLT_HEAP,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    env = {}
    for token in proc.stdout.replace("export ", " ").split():
        key, _, value = token.partition("=")
        if key.isupper() and value:
            env[key] = value.strip("'\"")
    return env, env["BOLT_SERVER_PID"]


def stop_bolt(pid: str, env: dict[str, str], folder: Path | None) -> None:
    """Stop a server :func:`start_bolt` started, and remove its data."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bolt_server.py"), "stop", "--pid", pid],
        timeout=120,
        check=False,
        env={**os.environ, **env},
    )
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def load_bolt(neo: GraphStore, emb: EmbeddedStore, n_docs: int) -> int:
    """Load the first ``n_docs`` documents of the embedded store, re-resolved from their stored facts,
    in batches of :data:`BOLT_BATCH` with one :class:`Namesakes` for the whole load (as ``load`` does)."""
    namesakes = Namesakes(neo)
    docs = emb.document_ids()[:n_docs]
    batch: list[DocumentFacts] = []
    for i, doc_id in enumerate(docs, 1):
        facts = emb.document(doc_id)
        if facts is not None:
            batch.append(facts)
        if len(batch) >= BOLT_BATCH or (i == len(docs) and batch):
            write_facts(neo, batch, get_settings(), namesakes)
            batch = []
    return len(docs)


def measure_bolt(args: argparse.Namespace, emb: EmbeddedStore, result: dict[str, object]) -> None:
    """Load the subset into a Bolt server (started here unless --bolt-uri) and measure it, timing each phase."""
    from graph_loader.store.neo4j import Neo4jStore

    folder: Path | None = None
    if args.bolt_uri:
        env = {
            "NEO4J_URI": args.bolt_uri,
            "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
            "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", ""),
        }
        pid = ""
    else:
        folder = Path(tempfile.mkdtemp(prefix="og-bolt-"))
        env, pid = start_bolt(folder / "data")
    try:
        neo = Neo4jStore(env["NEO4J_URI"], env.get("NEO4J_USER", "root"), env["NEO4J_PASSWORD"])
        try:
            neo.clear()
            t = time.perf_counter()
            result["bolt_docs"] = load_bolt(neo, emb, args.bolt_docs)
            result["bolt_load_s"] = round(time.perf_counter() - t, 1)
            print(f"Bolt: {result['bolt_docs']:,} documents loaded in {result['bolt_load_s']} s", flush=True)
            t = time.perf_counter()
            bolt_ids = sample_ids(neo, min(args.queries, 100), args.seed)
            result["bolt_sample_s"] = round(time.perf_counter() - t, 1)
            t = time.perf_counter()
            result["bolt"] = measure(neo, bolt_ids, 1)
            result["bolt_measure_s"] = round(time.perf_counter() - t, 1)
            print(
                f"Bolt: ids sampled in {result['bolt_sample_s']} s, queries measured in "
                f"{result['bolt_measure_s']} s",
                flush=True,
            )
        finally:
            neo.close()
        result["embedded_same_ids"] = measure(emb, bolt_ids, args.repeat)
    finally:
        if pid:
            stop_bolt(pid, env, folder)


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True, help="embedded store built by load_bench.py")
    ap.add_argument("--queries", type=int, default=300, help="ids sampled per query kind")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--bolt", action="store_true", help="also measure a Bolt server (ArcadeDB)")
    ap.add_argument("--bolt-docs", type=int, default=5000)
    ap.add_argument(
        "--bolt-uri",
        default=None,
        help="use this running server (NEO4J_USER/NEO4J_PASSWORD) instead of starting one",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    # opened as the CLI and the API open it (settings, then the collector told to leave the
    # long-lived graph alone)
    emb = open_store("embedded", Settings(db_path=args.db))
    assert isinstance(emb, EmbeddedStore)
    t = time.perf_counter()
    ids = sample_ids(emb, args.queries, args.seed)
    result: dict[str, object] = {
        "docs": len(emb.document_ids()),
        "sample_s": round(time.perf_counter() - t, 1),
    }
    result["embedded"] = measure(emb, ids, args.repeat)

    if args.bolt or args.bolt_uri:
        measure_bolt(args, emb, result)

    rows = []
    for kind in ("chain_body", "chain_person", "chain_locality", "shortest_path", "search"):
        row = [kind]
        for store_name in ("embedded", "embedded_same_ids", "bolt"):
            stats = result.get(store_name)
            if isinstance(stats, dict):
                row += [stats[kind]["p50_ms"], stats[kind]["p99_ms"]]
                if store_name == "embedded":
                    row += [stats[kind]["first_pass_p50_ms"]]
        rows.append(row)
    header = ["query", "embedded p50 ms", "p99 ms", "first pass p50"]
    if "bolt" in result:
        header += ["embedded, Bolt ids p50", "p99", f"Bolt ({result['bolt_docs']} docs) p50", "p99"]
    print(f"embedded store: {result['docs']:,} documents; target embedded chain p50 <= 1 ms")
    print(table(rows, header))
    save("queries", result, args.json)
    emb.close()
    return result


if __name__ == "__main__":
    main()
