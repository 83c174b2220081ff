"""Build graph_loader/lexicons/not_names.txt: common words that look like a surname + given name.

Source: jieba's dict.txt (MIT licence), build-time only. A word is listed when it has two or three
characters, starts with a surname from surnames.txt, is frequent (>= 100), and jieba does not tag it
as a person name (nr*). The extractor refuses these as names (相关, 高度, 安全, 文件…).

Run: python scripts/build_not_names.py  (needs `pip install jieba`)
"""

from __future__ import annotations

import os
from pathlib import Path

import jieba

from graph_loader.lexicon import lexicon

OUT = Path(__file__).resolve().parents[1] / "graph_loader" / "lexicons" / "not_names.txt"
MIN_FREQ = 100


def main() -> None:
    lex = lexicon()
    dict_path = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    words = []
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split()
        if len(word) not in (2, 3) or int(freq) < MIN_FREQ or pos.startswith("nr"):
            continue
        if word[0] in lex.surnames or word[:2] in lex.compound_surnames:
            words.append(word)
    header = [
        "# Common words that start with a surname but are not person names (相关, 高度, 文件…).",
        f"# source: jieba {jieba.__version__} dict.txt (MIT licence); words of 2-3 characters with frequency >= {MIN_FREQ}",
        "# whose part of speech is not nr*, starting with a surname from surnames.txt.",
        "# built by scripts/build_not_names.py; do not edit by hand.",
    ]
    OUT.write_text("\n".join(header + sorted(set(words))) + "\n", encoding="utf-8")
    print(f"{len(set(words))} words -> {OUT}")


if __name__ == "__main__":
    main()
