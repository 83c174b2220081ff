"""Characters a regular expression cannot match without: a cheap test before running it.

Most lines of an article match none of the page-noise patterns; checking that a line holds none of
the characters every match of a pattern needs (``frozenset.isdisjoint``, one pass in C) skips the
pattern without changing any result.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser behind `re`; its layout is stable since Python 3.11 but it is not public API
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: no hints, patterns run as they are
    _parser = None

_MAX_CLASS = 64  # a character class wider than this is no use as a hint


def required_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Characters of which every match of ``pattern`` (or its lookaheads) contains at least one.

    ``None`` when no such small set is known (the pattern must then always be run).

    Examples
    --------
    >>> sorted(required_chars(re.compile(r"点击(次数|数)?\\s*:\\s*\\d*")))
    ['点']
    >>> sorted(required_chars(re.compile(r"^(首页|主页)\\s*>")))
    ['>']
    >>> required_chars(re.compile(r"^\\w+$")) is None
    True
    """
    if _parser is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - any surprise in the private parser: no hint
        return None
    return _sequence(list(parsed))


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """Every element of a sequence must match, so the smallest required set of any one will do."""
    best: frozenset[str] | None = None
    for op, av in items:
        found = _item(op, av)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _item(op: Any, av: Any) -> frozenset[str] | None:
    if op is _c.LITERAL:
        return frozenset(chr(av))
    if op is _c.IN:
        return _char_class(av)
    if op is _c.BRANCH:
        sets = [_sequence(list(branch)) for branch in av[1]]
        if any(s is None for s in sets):
            return None
        union = frozenset().union(*[s for s in sets if s is not None])
        return union or None
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return None
        return _sequence(list(sub))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _c.ASSERT:  # a positive lookaround: its characters are in the line too
        return _sequence(list(av[1]))
    return None


def _char_class(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # negation, categories (\d, \s), wide ranges
            return None
    return frozenset(chars) if 0 < len(chars) <= _MAX_CLASS else None
