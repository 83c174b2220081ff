"""Small versions of every benchmark, so the scripts keep working (the real runs are not tests)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, SHARED

BENCH = ROOT / "bench"


def bench_module(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict:
    work = tmp_path_factory.mktemp("bench")
    result = bench_module("load_bench").main(
        [
            "--docs",
            "150",
            "--workers",
            "2",
            "--batch-size",
            "40",
            "--dir",
            str(work / "corpus"),
            "--db",
            str(work / "g.sqlite"),
            "--json",
            str(work / "load.json"),
        ]
    )
    return {"result": result, "db": work / "g.sqlite", "work": work}


def test_load_benchmark_loads_and_reloads(loaded: dict) -> None:
    r = loaded["result"]
    assert r["loaded"] == 150 and r["reload_already_stored"] == 150
    assert r["reload_s"] < r["load_s"]
    saved = json.loads((loaded["work"] / "load.json").read_text())
    assert saved["docs"] == 150 and saved["machine"]


def test_query_benchmark_measures_every_query(loaded: dict) -> None:
    args = [
        "--db",
        str(loaded["db"]),
        "--queries",
        "10",
        "--repeat",
        "1",
        "--json",
        str(loaded["work"] / "q.json"),
    ]
    r = bench_module("query_bench").main(args)
    for kind in ("chain_body", "chain_person", "chain_locality", "shortest_path", "search"):
        assert r["embedded"][kind]["n"] > 0, kind


def test_api_benchmark_has_no_errors(loaded: dict) -> None:
    r = bench_module("api_bench").main(
        [
            "--db",
            str(loaded["db"]),
            "--requests",
            "200",
            "--concurrency",
            "8",
            "--ids",
            "10",
            "--client",
            "asyncio",
            "--json",
            str(loaded["work"] / "api.json"),
        ]
    )
    assert r["errors"] == 0 and r["n"] == 200
    assert r["first_answers"]["errors"] == 0 and r["first_answers"]["n"] > 0


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (apt-get install wrk)")
def test_api_benchmark_with_wrk_has_no_errors(loaded: dict) -> None:
    args = [
        "--db",
        str(loaded["db"]),
        "--ids",
        "10",
        "--client",
        "wrk",
        "--seconds",
        "2",
        "--concurrency",
        "8",
    ]
    r = bench_module("api_bench").main([*args, "--json", str(loaded["work"] / "api_wrk.json")])
    assert r["client"] == "wrk" and r["errors"] == 0 and r["n"] > 0 and r["p99_ms"] >= r["p50_ms"] > 0


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the shared seeds are not beside the repository")
def test_throughput_benchmark_prints_a_ratio(tmp_path: Path) -> None:
    r = bench_module("extract_throughput").main(["--repeat", "1", "--json", str(tmp_path / "t.json")])
    assert r["pipeline_chars_per_s"] > 0 and r["jieba_posseg_chars_per_s"] > 0 and r["ratio"] > 0
