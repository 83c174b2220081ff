"""Show, document by document, what the extractor missed or added against gold facts.

Usage: python scripts/diff_gold.py GOLD_DIR PRED.jsonl [DOC_SUBSTRING]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def names(items: list, key: str = "name") -> set[str]:
    out = set()
    for x in items:
        v = x.get(key) if isinstance(x, dict) else x
        out.add(v[0] if isinstance(v, list) else v)
    return out


def main() -> None:
    gold_dir, pred_path = Path(sys.argv[1]), Path(sys.argv[2])
    only = sys.argv[3] if len(sys.argv) > 3 else ""
    preds = {
        json.loads(line)["doc"]: json.loads(line)
        for line in pred_path.read_text().splitlines()
        if line.strip()
    }
    for gf in sorted(gold_dir.glob("*.json")):
        g = json.loads(gf.read_text())
        if only not in g["doc"]:
            continue
        p = preds.get(g["doc"], {})
        print(f"== {g['doc']}  date gold={g.get('date')} pred={p.get('date')}")
        gp = {x["name"]: x for x in g["persons"]}
        pp = {x["name"]: x for x in p.get("persons", [])}
        for n in sorted(set(gp) | set(pp)):
            if n not in pp:
                print(f"  - person {n} {[q['role'] for q in gp[n]['posts']]}")
            elif n not in gp:
                print(f"  + person {n} {[q['role'] for q in pp[n]['posts']]}")
            else:
                groles = [q["role"] if isinstance(q["role"], str) else q["role"][0] for q in gp[n]["posts"]]
                proles = [q["role"] for q in pp[n]["posts"]]
                if sorted(groles) != sorted(proles):
                    print(f"  ~ posts {n}: gold {groles} pred {proles}")
        gb = {(b["name"][0] if isinstance(b["name"], list) else b["name"]): b for b in g["bodies"]}
        pb = {b["name"]: b for b in p.get("bodies", [])}
        for n in sorted(set(gb) - set(pb)):
            print(f"  - body {n} ({gb[n]['kind']}, parent {gb[n].get('parent')})")
        for n in sorted(set(pb) - set(gb)):
            print(f"  + body {n} ({pb[n]['kind']}, parent {pb[n].get('parent')})")
        for n in sorted(set(gb) & set(pb)):
            if gb[n].get("parent") != pb[n].get("parent"):
                print(f"  ~ parent {n}: gold {gb[n].get('parent')} pred {pb[n].get('parent')}")
        gl, pl = names(g["localities"]), names(p.get("localities", []))
        if gl != pl:
            print(f"  localities -{sorted(gl - pl)} +{sorted(pl - gl)}")
        for e in g["events"]:
            nm = e["name"][0] if isinstance(e["name"], list) else e["name"]
            print(
                f"  gold event {nm} [{e['kind']}] chair={e['chair']} att={e['attendees']} spk={e['speakers']}"
            )
        for e in p.get("events", []):
            print(
                f"  pred event {e['name']} [{e['kind']}] chair={e['chair']} att={e['attendees']} spk={e['speakers']}"
            )
        ga = {(a["from"], a["to"]) for a in g["assignments"]}
        pa = {(a["from"], a["to"]) for a in p.get("assignments", [])}
        if ga != pa:
            print(f"  assignments -{sorted(ga - pa)} +{sorted(pa - ga)}")
        gy, py = set(g.get("bylines", [])), set(p.get("bylines", []))
        if gy != py:
            print(f"  bylines -{sorted(gy - py)} +{sorted(py - gy)}")


if __name__ == "__main__":
    main()
