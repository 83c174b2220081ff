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
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, percentiles, save, table  # noqa: E402

from graph_loader.graph import Label, Rel  # noqa: E402
from graph_loader.loader import write_facts  # noqa: E402
from graph_loader.queries import Graph, search  # noqa: E402
from graph_loader.settings import get_settings  # noqa: E402
from graph_loader.store.base import GraphStore  # noqa: E402
from graph_loader.store.embedded import EmbeddedStore  # noqa: E402


def sample_ids(store: GraphStore, n: int, seed: int) -> dict[str, list[str]]:
    """Bodies with a parent, persons with posts, localities with bodies, person pairs, search names."""
    rng = random.Random(seed)
    nodes = list(store.iter_nodes()) if not isinstance(store, EmbeddedStore) else None
    if isinstance(store, EmbeddedStore):
        g = store.graph
        by_label: dict[str, list[str]] = {}
        for nid, data in g.nodes(data=True):
            by_label.setdefault(data["label"], []).append(nid)
        names = {nid: g.nodes[nid]["name"] for nid in by_label.get("Person", [])}
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
        "shortest_path": (ids["pairs"], lambda p: Graph(store).paths(*p.split("|"), max_hops=4, limit=5)),
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
    return out


def start_bolt(folder: Path) -> tuple[dict[str, str], str]:
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "bolt_server.py"),
            "start",
            "--data",
            str(folder),
            "--port",
            "0",
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

    emb = EmbeddedStore(args.db)
    t = time.perf_counter()
    ids = sample_ids(emb, args.queries, args.seed)
    result: dict[str, object] = {
        "docs": len(emb.document_ids()),
        "sample_s": round(time.perf_counter() - t, 1),
    }
    result["embedded"] = measure(emb, ids, args.repeat)

    if args.bolt or args.bolt_uri:
        from graph_loader.store.neo4j import Neo4jStore

        if args.bolt_uri:
            env = {
                "NEO4J_URI": args.bolt_uri,
                "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
                "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", ""),
            }
            pid = ""
        else:
            env, pid = start_bolt(Path(tempfile.mkdtemp(prefix="og-bolt-")) / "data")
        try:
            neo = Neo4jStore(env["NEO4J_URI"], env.get("NEO4J_USER", "root"), env["NEO4J_PASSWORD"])
            neo.clear()
            docs = emb.document_ids()[: args.bolt_docs]
            t = time.perf_counter()
            batch = []
            for doc_id in docs:
                facts = emb.document(doc_id)
                if facts is not None:
                    batch.append(facts)
                if len(batch) >= 200:
                    write_facts(neo, batch, get_settings())
                    batch = []
            if batch:
                write_facts(neo, batch, get_settings())
            result["bolt_docs"] = len(docs)
            result["bolt_load_s"] = round(time.perf_counter() - t, 1)
            bolt_ids = sample_ids(neo, min(args.queries, 100), args.seed)
            result["bolt"] = measure(neo, bolt_ids, 1)
            result["embedded_same_ids"] = measure(emb, bolt_ids, args.repeat)
            neo.close()
        finally:
            subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "bolt_server.py"), "stop", "--pid", pid],
                timeout=120,
                check=False,
                env={**os.environ, **env},
            )

    rows = []
    for kind in ("chain_body", "chain_person", "chain_locality", "shortest_path", "search"):
        row = [kind]
        for store_name in ("embedded", "embedded_same_ids", "bolt"):
            stats = result.get(store_name)
            if isinstance(stats, dict):
                row += [stats[kind]["p50_ms"], stats[kind]["p99_ms"]]
        rows.append(row)
    header = ["query", "embedded p50 ms", "p99 ms"]
    if "bolt" in result:
        header += ["embedded, Bolt ids p50", "p99", f"Bolt ({result['bolt_docs']} docs) p50", "p99"]
    print(f"embedded store: {result['docs']:,} documents; target embedded chain p50 <= 1 ms")
    print(table(rows, header))
    save("queries", result, args.json)
    emb.close()
    return result


if __name__ == "__main__":
    main()
