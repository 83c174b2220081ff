"""Build graph_loader/lexicons/name_followers.txt: frequent words that can follow a person's name.

Source: jieba's dict.txt (MIT licence), build-time only. Two-character words tagged as verbs,
adverbs, prepositions or conjunctions (v, vd, vn, d, p, c) with frequency >= 3000, minus words whose
first character often ends a given name. A name read after a title ends where one of these begins
(刘志勇负有领导责任, 耿晓军履行…).

Run: python scripts/build_name_followers.py  (needs `pip install jieba`)
"""

from __future__ import annotations

import os
from pathlib import Path

import jieba

OUT = Path(__file__).resolve().parents[1] / "graph_loader" / "lexicons" / "name_followers.txt"
POS = {"v", "vd", "vn", "d", "p", "c"}
MIN_FREQ = 3000
# first characters that are common last characters of given names: a word starting with one of them
# would cut 王建华 into 王建 + 华…, so such words are left out
NAME_ENDINGS = set("华明军平伟强林刚勇杰涛斌峰亮辉龙东海波新生成文国建志忠民安红英兰芳丽敏静燕霞玲春荣")


def main() -> None:
    dict_path = Path(os.path.dirname(jieba.__file__)) / "dict.txt"
    words = []
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        word, freq, pos = line.split()
        if len(word) == 2 and pos in POS and int(freq) >= MIN_FREQ and word[0] not in NAME_ENDINGS:
            words.append(word)
    header = [
        "# Words that can directly follow a person's name (负有, 履行, 未能…), bounding the name.",
        f"# source: jieba {jieba.__version__} dict.txt (MIT licence): two-character words tagged {sorted(POS)}",
        f"# with frequency >= {MIN_FREQ}, minus words starting with a common last character of given names.",
        "# built by scripts/build_name_followers.py; do not edit by hand.",
    ]
    OUT.write_text("\n".join(header + sorted(set(words))) + "\n", encoding="utf-8")
    print(f"{len(set(words))} words -> {OUT}")


if __name__ == "__main__":
    main()
