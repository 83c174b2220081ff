"""Random draws used across the generator, written so that they consume ``Random`` in a fixed way."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any


def sample(rng: random.Random, seq: Sequence[Any], k: int) -> list[Any]:
    """``k`` distinct items of ``seq`` in random order (a partial shuffle; cheaper than ``Random.sample``)."""
    pool = list(seq)
    n = len(pool)
    for i in range(min(k, n)):
        j = i + int(rng.random() * (n - i))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]


def weighted(rng: random.Random, items: Sequence[str], weights: Sequence[int]) -> str:
    """One of ``items`` with probability proportional to its weight (one draw)."""
    r = rng.random() * sum(weights)
    for item, w in zip(items, weights, strict=True):
        r -= w
        if r < 0:
            return item
    return items[-1]
