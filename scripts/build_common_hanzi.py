"""Build ``graph_loader/lexicons/common_hanzi.txt``: the most frequent Chinese characters.

Build-time only (needs ``pip install jieba``); the runtime reads the text file and never imports jieba.

Method
------
1. Read jieba's ``dict.txt`` (word, frequency, part of speech; jieba is MIT-licensed) and give every Han
   character the sum of the frequencies of the words containing it.
2. Keep the ``--top`` (default 6000) most frequent characters, most frequent first.
3. Add the traditional forms of each kept character: OpenCC's ``s2t``, ``s2tw`` and ``s2hk`` conversions
   of the character alone, plus every traditional form that OpenCC's ``s2t`` gives it inside dictionary
   words (so both 發 and 髮 come with 发), when that form carries at least 2% of the character's
   word frequency.

Output: a comment header, then one line per simplified character in frequency order, the character
followed by its traditional forms, separated by spaces (``发 發 髮``). The line number is the rank.

Usage::

    python scripts/build_common_hanzi.py [--top 6000] [--out graph_loader/lexicons/common_hanzi.txt]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "graph_loader" / "lexicons" / "common_hanzi.txt"
MIN_VARIANT_SHARE = 0.02

HEADER = """\
# common_hanzi.txt - the {top} most frequent Chinese characters, most frequent first, each followed by
# its traditional forms. One line per character: SIMPLIFIED [TRADITIONAL ...], space-separated; the line
# number among the non-comment lines is the frequency rank.
#
# Source: jieba {jieba_version} dict.txt word frequencies (jieba: MIT License, Copyright (c) 2013 Sun Junyi,
# https://github.com/fxsjy/jieba). Traditional forms: OpenCC {opencc_version} s2t/s2tw/s2hk (Apache-2.0).
# Built by scripts/build_common_hanzi.py: per-character sums of the frequencies of the words containing
# the character; the top {top} kept; traditional forms from OpenCC applied to each character and to each
# dictionary word (a contextual form kept when it carries >= {share:.0%} of the character's frequency).
# This derived list is distributed under the MIT License of its source data.
"""


def jieba_dict_path() -> Path:
    """Locate jieba's bundled ``dict.txt``."""
    import jieba  # build-time only

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def read_word_freqs(path: Path) -> list[tuple[str, int]]:
    """Return (word, frequency) pairs from a jieba dictionary file."""
    pairs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                pairs.append((parts[0], int(parts[1])))
    return pairs


def build(top: int) -> tuple[list[tuple[str, list[str]]], str, str]:
    """Compute the ranked characters with their traditional forms."""
    import jieba
    import opencc

    words = read_word_freqs(jieba_dict_path())
    char_freq: collections.Counter[str] = collections.Counter()
    for word, freq in words:
        for ch in word:
            if HAN.match(ch):
                char_freq[ch] += freq
    ranked = [ch for ch, _ in char_freq.most_common(top)]
    keep = set(ranked)

    s2t = opencc.OpenCC("s2t")
    variant_freq: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for word, freq in words:
        if not any(ch in keep for ch in word):
            continue
        trad = s2t.convert(word)
        if len(trad) != len(word):
            continue
        for s, t in zip(word, trad, strict=True):
            if s in keep:
                variant_freq[s][t] += freq

    converters = [opencc.OpenCC(cfg) for cfg in ("s2t", "s2tw", "s2hk")]
    rows = []
    for ch in ranked:
        forms: list[str] = []
        for conv in converters:
            t = conv.convert(ch)
            if len(t) == 1 and t != ch and t not in forms:
                forms.append(t)
        total = sum(variant_freq[ch].values()) or 1
        for t, f in variant_freq[ch].most_common():
            if t != ch and t not in forms and HAN.match(t) and f / total >= MIN_VARIANT_SHARE:
                forms.append(t)
        rows.append((ch, forms))
    opencc_version = getattr(opencc, "__version__", "1.x")
    return rows, jieba.__version__, opencc_version


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=6000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    rows, jieba_version, opencc_version = build(args.top)
    header = HEADER.format(
        top=args.top, jieba_version=jieba_version, opencc_version=opencc_version, share=MIN_VARIANT_SHARE
    )
    body = "".join(" ".join([ch, *forms]) + "\n" for ch, forms in rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(header + body, encoding="utf-8")
    n_forms = sum(1 + len(forms) for _, forms in rows)
    print(f"wrote {args.out}: {len(rows)} characters, {n_forms} forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
