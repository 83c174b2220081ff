"""Extraction throughput: our full read → normalize → extract pipeline vs jieba's POS tagger.

Both run over the same corpus in the same process, taking turns pass by pass, so the ratio holds
even on a busy machine.
Usage: python bench/extract_throughput.py [--repeat N] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from graph_loader.normalize import normalize
from graph_loader.pipeline import process_source
from graph_loader.read import Source, iter_sources, read_source
from graph_loader.settings import get_settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "data" / "samples", ROOT / "tests" / "corpus" / "articles", ROOT.parent / "shared" / "seeds"]


def main(argv: list[str] | None = None) -> dict[str, object]:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20, help="passes over the corpus for each contender")
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "extract_throughput.json")
    args = ap.parse_args(argv)
    settings = get_settings()
    sources = [s for s in iter_sources(str(p) for p in CORPUS if p.exists()) if isinstance(s, Source)]
    texts = [read_source(s, max_bytes=settings.max_file_bytes).text for s in sources]
    chars = sum(len(t) for t in texts)
    # jieba gets the normalized text, its best case (on raw Traditional text with ruby it is far slower)
    clean = [normalize(t).text for t in texts]
    clean_chars = sum(len(t) for t in clean)

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    list(pseg.cut(clean[0]))
    for s in sources:  # warm-up: lexicons, automata, OpenCC
        process_source(s, settings)
    # the contenders take turns, one pass each, so a slow spell of a shared machine falls on both
    ours = theirs = 0.0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for s in sources:
            process_source(s, settings)
        t1 = time.perf_counter()
        for t in clean:
            for _pair in pseg.cut(t):
                pass
        ours += t1 - t0
        theirs += time.perf_counter() - t1

    ours_rate = chars * args.repeat / ours
    theirs_rate = clean_chars * args.repeat / theirs
    result = {
        "documents": len(sources),
        "chars_per_pass": chars,
        "normalized_chars_per_pass": clean_chars,
        "passes": args.repeat,
        "pipeline_chars_per_s": round(ours_rate),
        "jieba_posseg_chars_per_s": round(theirs_rate),
        "ratio": round(ours_rate / theirs_rate, 2),
        "target_ratio": 10,
        "machine": f"{platform.machine()} {platform.processor() or ''} python {platform.python_version()}".strip(),
    }
    print(f"{'contender':<34}{'chars/s':>14}")
    print(f"{'read→normalize→extract (ours)':<34}{result['pipeline_chars_per_s']:>14,}")
    print(f"{'jieba.posseg.cut (normalized text)':<34}{result['jieba_posseg_chars_per_s']:>14,}")
    print(
        f"ratio {result['ratio']}x (target >= 10x) over {len(sources)} documents, {chars:,} chars x {args.repeat}"
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
