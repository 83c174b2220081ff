"""The embedded store on disk: reopening, a kill mid-load, rebuilding from stored facts."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from graph_loader import pipeline
from graph_loader.loader import load, rebuild
from graph_loader.store.embedded import EmbeddedStore


def dump(path: Path) -> tuple[list[dict], list[dict]]:
    store = EmbeddedStore(path)
    try:
        return [n.model_dump() for n in store.iter_nodes()], [e.model_dump() for e in store.iter_edges()]
    finally:
        store.close()


def make_corpus(folder: Path, copies: int) -> int:
    """Distinct documents from the bundled articles (each copy numbered, so its content differs)."""
    folder.mkdir()
    sources = sorted((ROOT / "data" / "samples").glob("sample_0[13-8]*.txt")) + sorted(
        (ROOT / "tests" / "corpus" / "articles").glob("t0*.txt")
    )
    n = 0
    for i in range(copies):
        for src in sources:
            text = src.read_bytes().decode("utf-8", errors="strict") if ".big5" not in src.name else None
            if text is None:
                continue
            numbered = text.replace("。", f"。本文第{i + 1}次转载。", 1)
            (folder / f"{i:03d}_{src.name}").write_text(numbered, encoding="utf-8")
            n += 1
    return n


def stored_documents(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_reopening_the_file_gives_the_same_graph(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite"
    store = EmbeddedStore(db)
    load([str(ROOT / "data" / "samples")], store)
    before = ([n.model_dump() for n in store.iter_nodes()], [e.model_dump() for e in store.iter_edges()])
    store.close()
    assert dump(db) == before


def test_kill_during_load_then_rerun_equals_an_uninterrupted_load(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    total = make_corpus(corpus, copies=6)
    killed, clean = tmp_path / "killed.sqlite", tmp_path / "clean.sqlite"
    cmd = [sys.executable, "-m", "graph_loader", "load", str(corpus), "--batch-size", "3"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [*cmd, "--db", str(killed)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while stored_documents(killed) < 6 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = stored_documents(killed)
    assert 0 < partial < total, f"the kill did not land mid-load ({partial} of {total} stored)"
    rerun = subprocess.run([*cmd, "--db", str(killed)], env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"already stored: {partial}" in rerun.stdout
    subprocess.run([*cmd, "--db", str(clean)], env=env, capture_output=True, timeout=300, check=True)
    assert stored_documents(killed) == stored_documents(clean) == total
    assert dump(killed) == dump(clean)


def test_rebuild_from_stored_facts_reproduces_the_graph(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.sqlite")
    load([str(ROOT / "data" / "samples")], store, batch_size=4)
    before = ([n.model_dump() for n in store.iter_nodes()], [e.model_dump() for e in store.iter_edges()])
    report = rebuild(store, batch_size=4)
    assert report.loaded == 8
    assert (
        [n.model_dump() for n in store.iter_nodes()],
        [e.model_dump() for e in store.iter_edges()],
    ) == before
    store.close()


def test_parallel_extraction_gives_the_same_graph(tmp_path: Path) -> None:
    paths = [str(ROOT / "data" / "samples"), str(ROOT / "tests" / "corpus" / "articles")]
    one, two = EmbeddedStore(tmp_path / "one.sqlite"), EmbeddedStore(tmp_path / "two.sqlite")
    load(paths, one, batch_size=5)
    report = load(paths, two, batch_size=5, workers=2)
    assert report.loaded == 22 and not report.skipped
    assert [n.model_dump() for n in one.iter_nodes()] == [n.model_dump() for n in two.iter_nodes()]
    assert [e.model_dump() for e in one.iter_edges()] == [e.model_dump() for e in two.iter_edges()]


def test_reload_skips_unchanged_files_without_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    total = make_corpus(corpus, copies=2)
    store = EmbeddedStore(tmp_path / "g.sqlite")
    first = load([str(corpus)], store, batch_size=4)
    assert first.loaded == total and len(store.sources()) == total
    before = ([n.model_dump() for n in store.iter_nodes()], [e.model_dump() for e in store.iter_edges()])

    read: list[str] = []
    real = pipeline.read_source

    def counting(src, **kw):  # type: ignore[no-untyped-def]
        read.append(src.name)
        return real(src, **kw)

    monkeypatch.setattr(pipeline, "read_source", counting)
    again = load([str(corpus)], store, batch_size=4)
    assert read == [] and again.already_stored == total and again.loaded == 0

    files = sorted(corpus.iterdir())
    touched, edited = files[0], files[1]
    os.utime(touched, ns=(time.time_ns(), time.time_ns() + 10**9))  # same bytes, new time
    edited.write_text(edited.read_text(encoding="utf-8") + "\n县委书记刘某某主持会议。\n", encoding="utf-8")
    third = load([str(corpus)], store, batch_size=4)
    assert sorted(read) == sorted([touched.name, edited.name])
    assert third.loaded == 1 and third.already_stored == total - 1
    # old stamps stay, harmless: they match only a file with those exact size and time again
    assert len(store.sources()) == total + 2

    read.clear()
    fourth = load([str(corpus)], store, batch_size=4, workers=2)
    assert fourth.already_stored == total and fourth.loaded == 0 and not fourth.skipped
    assert read == []
    store.close()
    assert before[0] != dump(tmp_path / "g.sqlite")[0]  # the edit did add to the graph
