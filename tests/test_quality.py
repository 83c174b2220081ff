"""Extraction quality, measured with the shared scorer: on the real seeds and on the invented corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from conftest import CORPUS, dicts_with, facts_of

from graph_loader.models import DocumentFacts
from graph_loader.pipeline import run


def _write_predictions(paths: list[str], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for outcome in run(paths):
            assert outcome.facts is not None, outcome.skipped
            fh.write(outcome.facts.to_json(with_text=False) + "\n")


def test_seed_score_meets_the_bar(shared_dir: Path, scorer: ModuleType, tmp_path: Path) -> None:
    pred = tmp_path / "facts.jsonl"
    _write_predictions([str(shared_dir / "seeds")], pred)
    result = scorer.score(shared_dir / "eval" / "gold", pred)
    assert result["missing_docs"] == []
    assert result["macro_f1"] >= 0.90, result
    assert result["persons"]["precision"] >= 0.95, result["persons"]


def test_invented_corpus_score_does_not_regress(scorer: ModuleType, tmp_path: Path) -> None:
    pred = tmp_path / "facts.jsonl"
    articles = sorted(str(p) for p in (CORPUS / "articles").iterdir()) + sorted(
        str(p) for p in (CORPUS.parents[1] / "data" / "samples").iterdir() if p.suffix in (".txt", ".html")
    )
    _write_predictions(articles, pred)
    result = scorer.score(CORPUS / "gold", pred)
    assert result["missing_docs"] == []
    assert result["macro_f1"] >= 0.82, result
    assert result["persons"]["precision"] >= 0.95, result["persons"]


def test_every_fact_has_evidence_that_points_into_the_text(shared_dir: Path) -> None:
    paths = [str(shared_dir / "seeds"), str(CORPUS / "articles")]
    checked = 0
    for outcome in run(paths):
        assert outcome.facts is not None
        facts = outcome.facts
        data = json.loads(facts.to_json())
        # the extractor builds facts without validation (speed): every one must still pass it
        assert DocumentFacts.model_validate_json(facts.to_json()) == facts
        for ev in _evidence(data):
            checked += 1
            assert ev["doc_id"] == facts.doc_id
            assert facts.text[ev["start"] : ev["end"]] == ev["quote"]
            assert facts.text[ev["sentence_start"] : ev["sentence_end"]] == ev["sentence"]
            assert ev["sentence_start"] <= ev["start"] and ev["rule"]
        for key in ("localities", "persons", "bodies", "events", "assignments", "metadata"):
            for item in data[key]:
                assert item["evidence"], (key, item)
                keys = [(e["start"], e["end"], e["rule"]) for e in item["evidence"]]
                assert len(keys) == len(set(keys)), ("repeated evidence", key, item["evidence"])
                for post in item.get("posts", []):
                    assert post["evidence"], post
                for part in item.get("participants", []):
                    assert part["evidence"], part
    assert checked > 200


def _evidence(node: object) -> Iterator[dict]:
    return dicts_with(node, {"rule", "quote"})


def test_same_article_gets_the_same_id_and_facts() -> None:
    a = facts_of("5月6日,石门县召开会议。县委书记李明出席。")
    b = facts_of("5月6日,石门县召开会议。县委书记李明出席。\n")
    assert a.doc_id == b.doc_id
