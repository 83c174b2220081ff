"""The public generator: articles one at a time with their gold (:func:`iter_articles`), and a corpus
written to disk with its manifest (:func:`generate`, :class:`SynthReport`)."""

from __future__ import annotations

import functools
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph_loader.synth.article import Article
from graph_loader.synth.world import world_of


@functools.lru_cache(maxsize=4096)
def _slug(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).replace("·", "")


def iter_articles(n_docs: int, seed: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield synthetic articles one at a time, with their gold facts.

    Parameters
    ----------
    n_docs : int
        How many articles (indices ``0 … n_docs-1``).
    seed : int
        Seed of the world and of every article; article ``i`` depends only on ``seed`` and ``i``.

    Yields
    ------
    (str, str, dict)
        File name (``000042_yongxing_meeting.txt``; ``.gb18030.txt`` for the few GB18030 files), the
        article text, and its gold facts in the shared format (``doc`` is the file name; extra keys
        ``date_note`` and ``synth`` describe the date rule used and the genre and noise).

    Examples
    --------
    >>> [name for name, _, _ in iter_articles(2, seed=1)][0].startswith("000000_")
    True
    """
    world = world_of(seed)
    for i in range(n_docs):
        art = Article(world, seed, i)
        text, gold, encoding = art.page()
        suffix = ".gb18030.txt" if encoding == "gb18030" else ".txt"
        name = f"{i:06d}_{_slug(art.focal.short)}_{art.genre}{suffix}"
        gold["doc"] = name
        gold["synth"]["encoding"] = encoding
        yield name, text, gold


def _write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


@dataclass
class SynthReport:
    """What :func:`generate` wrote.

    Attributes
    ----------
    seed, docs, chars, bytes : int
        The seed, the number of articles, their characters and their bytes on disk.
    officials : int
        Officials in the world (local officials and central inspectors).
    officials_mentioned : int
        Distinct officials named in the gold of the written articles.
    genres, levels, noise, encodings : dict
        Article counts per genre, per level of the focal place, per noise feature and per encoding.
    seconds : float
        Wall time (not written to ``manifest.json``, which is deterministic).
    """

    seed: int
    docs: int = 0
    chars: int = 0
    bytes: int = 0
    officials: int = 0
    officials_mentioned: int = 0
    genres: dict[str, int] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    noise: dict[str, int] = field(default_factory=dict)
    encodings: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The manifest: every count, without the wall time."""
        return {
            "generator": "graph_loader.synth",
            "note": "synthetic articles with invented officials in real places; a sanity check of the "
            "extractor, not a substitute for real articles",
            "seed": self.seed,
            "docs": self.docs,
            "chars": self.chars,
            "bytes": self.bytes,
            "officials": self.officials,
            "officials_mentioned": self.officials_mentioned,
            "genres": dict(sorted(self.genres.items())),
            "levels": dict(sorted(self.levels.items())),
            "noise": dict(sorted(self.noise.items())),
            "encodings": dict(sorted(self.encodings.items())),
        }


def generate(
    n_docs: int, seed: int, out_dir: Path, *, gold: bool = True, progress: Callable[[int], None] | None = None
) -> SynthReport:
    """Write ``n_docs`` synthetic articles, their gold facts and a manifest.

    Parameters
    ----------
    n_docs : int
        Number of articles.
    seed : int
        Corpus seed; the same seed writes byte-identical files.
    out_dir : Path
        Output folder; ``articles/``, ``gold/`` and ``manifest.json`` are written inside it (existing
        files with the same names are overwritten).
    gold : bool, default True
        Write ``gold/<file stem>.json`` for every article.
    progress : callable, optional
        Called with the number of articles written, every 1,000 articles.

    Returns
    -------
    SynthReport
        The counts, also written to ``out_dir/manifest.json``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     generate(3, seed=5, out_dir=Path(d)).docs
    3
    """
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    art_dir = out_dir / "articles"
    gold_dir = out_dir / "gold"
    art_dir.mkdir(parents=True, exist_ok=True)
    if gold:
        gold_dir.mkdir(parents=True, exist_ok=True)
    report = SynthReport(seed=seed)
    genres: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    noise: Counter[str] = Counter()
    encodings: Counter[str] = Counter()
    mentioned: set[str] = set()
    for name, text, facts in iter_articles(n_docs, seed):
        meta = facts["synth"]
        data = text.encode(meta["encoding"])
        _write(art_dir / name, data)
        if gold:
            stem = name.rsplit(".", 1)[0]
            _write(gold_dir / f"{stem}.json", json.dumps(facts, ensure_ascii=False).encode("utf-8"))
        report.docs += 1
        report.chars += len(text)
        report.bytes += len(data)
        genres[meta["genre"]] += 1
        levels[meta["level"]] += 1
        encodings[meta["encoding"]] += 1
        noise.update(meta["noise"])
        mentioned.update(p["name"] for p in facts["persons"])
        if progress is not None and report.docs % 1000 == 0:
            progress(report.docs)
    report.officials = len(world_of(seed).names)
    report.officials_mentioned = len(mentioned)
    report.genres, report.levels = dict(genres), dict(levels)
    report.noise, report.encodings = dict(noise), dict(encodings)
    (out_dir / "manifest.json").write_text(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    report.seconds = time.perf_counter() - t0
    return report
