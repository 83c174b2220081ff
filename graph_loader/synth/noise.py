"""Text noise applied to a finished page: Taiwan-standard characters with tone-marked pinyin after a
stable subset of them, and UTF-8 read as GBK (mojibake)."""

from __future__ import annotations

import functools
import random
import re
from typing import Any, cast

from graph_loader.synth.lexicon import RUBY_CHARS


@functools.cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("s2tw")


@functools.cache
def _ruby_table() -> tuple[tuple[str, ...], dict[str, str], frozenset[str], re.Pattern[str]]:
    """Ruby candidates (simplified chars whose Taiwan form differs), their reading, and the heteronyms."""
    from pypinyin import Style, pinyin

    conv = _converter()
    chars = tuple(c for c in dict.fromkeys(RUBY_CHARS) if conv.convert(c) != c)
    reading: dict[str, str] = {}
    hetero: set[str] = set()
    for c in chars:
        readings = pinyin(c, style=Style.TONE, heteronym=True)[0]
        reading[c] = readings[0]
        if len(readings) > 1:
            hetero.add(c)
    return chars, reading, frozenset(hetero), re.compile("[" + "".join(chars) + "]")


@functools.lru_cache(maxsize=20_000)
def _reading_in_context(window: str, offset: int) -> str:
    from pypinyin import Style, lazy_pinyin

    return str(lazy_pinyin(window, style=Style.TONE, errors=cast(Any, list))[offset])


def traditional_ruby(text: str, rng: random.Random) -> str:
    """Taiwan-standard characters with tone-marked pinyin after a stable subset of them (``環(huán)``)."""
    conv = _converter()
    trad = conv.convert(text)
    if len(trad) != len(text):  # OpenCC maps characters one to one; convert char by char otherwise
        trad = "".join(conv.convert(c) for c in text)
    chars, reading, hetero, pattern = _ruby_table()
    share = rng.uniform(0.35, 0.9)
    chosen = frozenset(c for c in chars if rng.random() < share)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        c = m.group()
        if c not in chosen:
            continue
        k = m.start()
        if c in hetero:
            lo = max(0, k - 1)
            py = _reading_in_context(text[lo : k + 2], k - lo)
        else:
            py = reading[c]
        out.append(trad[last : k + 1])
        out.append(f"({py})")
        last = k + 1
    out.append(trad[last:])
    return "".join(out)


def mojibake(s: str) -> str:
    return s.encode("utf-8").decode("gbk", errors="replace")
