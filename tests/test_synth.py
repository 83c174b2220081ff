"""The synthetic corpus: determinism, consistency of its world and gold, noise, and extractor drift."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from graph_loader.gazetteer import Gazetteer
from graph_loader.pipeline import run
from graph_loader.synth import GENRES, generate, iter_articles, world_size

SHARED = Path(__file__).resolve().parents[2] / "shared"
RUBY = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# Measured when this test was written: macro F1 0.917 on these 100 articles (seed 11), 0.87-0.92 on 100
# articles of seeds 1-5, 0.90 on 500 articles of seed 11. The floor sits well below that on purpose: the
# test catches a generator or extractor change that breaks a whole pattern, not small changes in quality.
MACRO_F1_FLOOR = 0.80


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str, dict]]:
    return list(iter_articles(400, seed=3))


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_writes_byte_identical_files(tmp_path: Path) -> None:
    a = generate(40, seed=3, out_dir=tmp_path / "a")
    b = generate(40, seed=3, out_dir=tmp_path / "b")
    files_a, files_b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.docs == b.docs == 40
    assert len(files_a) == 81  # 40 articles, 40 gold files, the manifest
    assert files_a == files_b


def test_different_seeds_give_different_articles() -> None:
    one = [text for _, text, _ in iter_articles(10, seed=3)]
    two = [text for _, text, _ in iter_articles(10, seed=4)]
    assert sum(x != y for x, y in zip(one, two, strict=True)) == 10


def test_article_i_does_not_depend_on_the_run_length() -> None:
    short = list(iter_articles(10, seed=4))
    long = list(iter_articles(50, seed=4))
    assert short == long[:10]


def test_the_world_is_small_and_covers_every_level() -> None:
    size = world_size(3)
    assert 1_000 < size["officials"] < 10_000
    assert {"province", "prefecture", "county", "township"} <= set(size)


def test_officials_recur_across_articles_with_the_same_posts(corpus: list[tuple[str, str, dict]]) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for _, _, gold in corpus:
        for person in gold["persons"]:
            if person["posts"]:
                seen[person["name"]].append(json.dumps(person["posts"], ensure_ascii=False, sort_keys=True))
    recurring = [name for name, posts in seen.items() if len(posts) >= 3 and len(set(posts)) == 1]
    assert len(recurring) >= 20, recurring


def test_gold_is_consistent_with_itself_and_the_gazetteer(corpus: list[tuple[str, str, dict]]) -> None:
    gaz = Gazetteer.load()
    date_re = re.compile(r"^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}|\d{4}-\d{2}|\d{4})$")
    genres = set()
    for name, _, gold in corpus:
        gold = json.loads(json.dumps(gold, ensure_ascii=False))
        assert gold["doc"] == name
        assert date_re.match(gold["date"]), gold["date"]
        genres.add(gold["synth"]["genre"])
        persons = {p["name"] for p in gold["persons"]}
        for event in gold["events"]:
            assert event["kind"] in ("meeting", "inspection", "campaign", "notice", "other")
            for key in ("chair", "attendees", "speakers"):
                assert set(event[key]) <= persons, (name, key, event[key])
        assert not set(gold["bylines"]) & persons, name
        body_names = {
            n for b in gold["bodies"] for n in ([b["name"]] if isinstance(b["name"], str) else b["name"])
        }
        for body in gold["bodies"]:
            assert body["parent"] is None or body["parent"] in body_names, (name, body)
        for assignment in gold["assignments"]:
            assert assignment["from"] in body_names, (name, assignment)
        listed = {loc["name"]: loc["parent"] for loc in gold["localities"]}
        for loc, parent in listed.items():
            assert parent is None or parent in listed, (name, loc)
            divisions = [d for d in gaz.lookup(loc) if d.name == loc and not d.historical]
            if divisions:
                parents = {gaz.get(d.parent).name if d.parent else None for d in divisions}
                assert parent in parents, (name, loc, parent)
            else:  # an invented township, under a real county
                assert loc.endswith(("镇", "乡", "街道")), (name, loc)
                assert any(d.level == "county" for d in gaz.lookup(parent or "")), (name, loc, parent)
        for person in gold["persons"]:
            for post in person["posts"]:
                assert post["locality"] is None or post["locality"] in listed, (name, person)
    assert genres == set(GENRES)


def test_noise_actually_appears(corpus: list[tuple[str, str, dict]]) -> None:
    ruby = [name for name, text, _ in corpus if RUBY.search(text)]
    assert len(ruby) >= 30
    duplicated = 0
    for _, text, gold in corpus:
        if "duplicate_body" in gold["synth"]["noise"]:
            lines = [line.strip() for line in text.splitlines() if len(line.strip()) > 30]
            assert len(lines) > len(set(lines)), gold["doc"]
            duplicated += 1
    assert duplicated >= 10
    noise = {f for _, _, gold in corpus for f in gold["synth"]["noise"]}
    assert {
        "nav",
        "copyright",
        "crawl_stamp",
        "site_date_line",
        "related_links",
        "spam",
        "mojibake",
        "question_marks",
        "dateline",
        "gb18030",
        "name_padding",
    } <= noise
    assert sum(bool(gold["bylines"]) for _, _, gold in corpus) >= 100
    assert all(text.endswith("（本文为虚构示例，文中人物均为虚构）\n") for _, text, _ in corpus)


def test_generate_writes_articles_gold_and_manifest(tmp_path: Path) -> None:
    report = generate(60, seed=4, out_dir=tmp_path)
    articles = sorted((tmp_path / "articles").iterdir())
    gold = sorted((tmp_path / "gold").glob("*.json"))
    assert len(articles) == len(gold) == report.docs == 60
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["docs"] == 60 and sum(manifest["genres"].values()) == 60
    assert manifest["officials"] == report.officials > manifest["officials_mentioned"] > 0
    for path in articles:
        facts = json.loads(
            (tmp_path / "gold" / f"{path.name.rsplit('.', 1)[0]}.json").read_text(encoding="utf-8")
        )
        assert facts["doc"] == path.name
        text = path.read_bytes().decode(facts["synth"]["encoding"])
        assert len(text) > 200
    assert sum(manifest["encodings"].values()) == 60


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"the shared scorer is not beside the repository ({path})")
    spec = importlib.util.spec_from_file_location("shared_score_synth", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_extractor_on_synthetic_articles_stays_above_the_floor(scorer: ModuleType, tmp_path: Path) -> None:
    generate(100, seed=11, out_dir=tmp_path)
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for outcome in run([str(tmp_path / "articles")]):
            assert outcome.facts is not None, outcome.skipped
            fh.write(outcome.facts.to_json(with_text=False) + "\n")
    result = scorer.score(tmp_path / "gold", pred)
    assert result["missing_docs"] == []
    assert result["macro_f1"] >= MACRO_F1_FLOOR, result
    assert result["persons"]["precision"] >= 0.9, result["persons"]
