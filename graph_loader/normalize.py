"""Normalize messy article text into the text that facts and evidence offsets refer to.

The steps, in order: unify characters (line endings, NFKC, invisible characters), strip flattened pinyin
ruby, convert traditional to simplified Chinese, tidy whitespace, remove web-page noise (navigation,
share bars, copyright footers, related links, spam, stray question marks, mojibake) and repeated
paragraphs. Every removal is recorded as a :class:`~graph_loader.models.Removal`.

The data files live in ``graph_loader/lexicons``: ``noise.tsv`` (noise patterns and never-remove
patterns), ``zhe_keep.txt`` (words keeping 著) and ``common_hanzi.txt`` (the most frequent characters).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from graph_loader.models import Removal

__all__ = ["Normalized", "common_hanzi_ranks", "normalize", "strip_ruby", "to_simplified"]

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{HAN_RANGES}]")

# Invisible characters dropped in step 1: C0 controls (\t and \n are handled before), format characters
# (category Cf: soft hyphen, zero-width and bidi marks, BOM...), the combining grapheme joiner, variation
# selectors, surrogates and noncharacters.
_DROP_CHARS = (
    "\x00-\x08\x0e-\x1f\x7f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb\ufdd0-\ufdef\ufffe\uffff"
    "\ud800-\udfff\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001-\U000e01ef"
)
_DROP_RE = re.compile(f"[{_DROP_CHARS}]")
# C1 controls only appear in text decoded with the wrong codec: keep them visible as U+FFFD so that the
# mojibake step removes the whole garbled run instead of leaving its remains.
_C1_CHARS = "\x80-\x84\x86-\x9f"
_C1_RE = re.compile(f"[{_C1_CHARS}]")
_NEWLINE_CHARS = "\r\x85\u2028\u2029"
_NEWLINE_RE = re.compile("\r\n?|[\x85\u2028\u2029]")
_SPACE_CHARS = "\t\x0b\x0c\u1680"
_SPACE_CHARS_RE = re.compile(f"[{_SPACE_CHARS}]")
# Whether any of the four patterns above has something to change (most texts, and every second pass,
# have nothing): one scan instead of four.
_UNIFY_RE = re.compile(f"[{_NEWLINE_CHARS}{_SPACE_CHARS}{_C1_CHARS}{_DROP_CHARS}]")
# Common compatibility characters of Chinese web text: full-width ASCII, ideographic and no-break spaces,
# ellipsis, circled numbers, Roman numerals.
_COMPAT_RE = re.compile("[\uff01-\uff5e\u3000\u00a0\u2026\u2460-\u2473\u2160-\u217f]")

_PINYIN_LETTERS = "a-zA-Z\u00c0-\u024f\u0251\u0261\u1e00-\u1eff:"
_RUBY_TAIL = f"[{_PINYIN_LETTERS}]{{1,7}}[1-5]?\\)"  # a ruby group after its `(`
_RUBY_GROUP = f"\\({_RUBY_TAIL}"
# `環(huán)(huán)`: the `(letters)` groups after a Han character (group 1), which both go. The match starts
# with a literal `(`, which the regex engine finds fast, and looks behind it for the Han character.
_RUBY_RE = re.compile(f"\\((?<=([{HAN_RANGES}])\\(){_RUBY_TAIL}(?:{_RUBY_GROUP})*")
_RUBY_GROUP_RE = re.compile(_RUBY_GROUP)

# Written to start with a literal character, or a choice of literal characters, which the regex engine
# scans for much faster than it tries a pattern starting with a repeat (` {2,}`, ` ?\n ?`) at each position.
_MULTISPACE_RE = re.compile(r"  +")
_BLANKS_RE = re.compile(r"\n\n\n+")
_LINE_EDGE_SPACE_RE = re.compile(r"(?: \n|\n) ?")
_CONTENT_RE = re.compile(r"[^\W_]")
_SENTENCE_END = "。!?;"
_MAX_PASSES = 4


@dataclass
class Normalized:
    """The normalized text and what was removed from it.

    Attributes
    ----------
    text : str
        Normalized text; evidence offsets refer to it.
    removed : list of Removal
        Every removal, in the order it was made (ruby annotations aggregated into one entry).
    """

    text: str
    removed: list[Removal] = field(default_factory=list)


# --------------------------------------------------------------------------------------------- data files


def _lexicon_lines(name: str) -> list[str]:
    text = resources.files("graph_loader").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def common_hanzi_ranks() -> Mapping[str, int]:
    """Return the common-character list as a mapping from character to frequency rank (0 = most common).

    Both the simplified character and its traditional forms get the same rank.

    Returns
    -------
    Mapping[str, int]
        About 7,900 characters: the 6,000 most frequent in jieba's dictionary and their traditional forms.
    """
    ranks: dict[str, int] = {}
    for rank, line in enumerate(_lexicon_lines("common_hanzi.txt")):
        for ch in line.split():
            ranks.setdefault(ch, rank)
    return ranks


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    block: bool


@dataclass(frozen=True)
class _NoiseRules:
    keep: tuple[re.Pattern[str], ...]
    line_patterns: tuple[_Pattern, ...]
    mojibake: re.Pattern[str]


@lru_cache(maxsize=1)
def _noise_rules() -> _NoiseRules:
    keep: list[re.Pattern[str]] = []
    line_patterns: list[_Pattern] = []
    mojibake: list[str] = []
    for line in _lexicon_lines("noise.tsv"):
        kind, _, regex = line.partition("\t")
        regex = regex.replace("{HAN}", HAN_RANGES)
        kind, _, flag = kind.strip().partition("+")
        if kind == "keep":
            keep.append(re.compile(regex))
        elif kind == "mojibake":
            mojibake.append(regex)
        else:
            line_patterns.append(_Pattern(kind, re.compile(regex), flag == "block"))
    return _NoiseRules(tuple(keep), tuple(line_patterns), re.compile("|".join(mojibake)))


# ------------------------------------------------------------------------------------ step 1: characters


def _unify_characters(text: str) -> str:
    if _UNIFY_RE.search(text) is not None:
        text = _NEWLINE_RE.sub("\n", text)
        text = _SPACE_CHARS_RE.sub(" ", text)
        text = _C1_RE.sub("\ufffd", text)
        text = _DROP_RE.sub("", text)
    return _nfkc(text)


def _nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, without normalizing the whole text when not needed.

    NFKC starts by replacing every character with its compatibility decomposition, so doing that first
    for some characters leaves the result unchanged; after replacing the usual ones (full-width
    punctuation…) with a few ``str.replace``, most texts are already NFKC, which is quick to check.
    """
    for ch in set(_COMPAT_RE.findall(text)):
        text = text.replace(ch, unicodedata.normalize("NFKD", ch))
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


# ------------------------------------------------------------------------------------------ step 2: ruby


def _plain_syllable(syllable: str) -> str:
    """Lower-case, toneless pinyin with ü written as v (pypinyin's NORMAL style)."""
    s = syllable.lower().replace("ɑ", "a").replace("ɡ", "g").rstrip("12345")
    s = unicodedata.normalize("NFD", s).replace("u\u0308", "v").replace("u:", "v")
    s = "".join(c for c in s if not unicodedata.combining(c))
    if len(s) > 1 and s[0] in "jqxy" and s[1] == "v":
        s = s[0] + "u" + s[2:]
    return s


@lru_cache(maxsize=4096)
def _readings(ch: str) -> frozenset[str]:
    from pypinyin import Style, pinyin  # imported lazily: it takes ~0.3 s and is rarely needed

    readings: set[str] = set()
    # The simplified form's readings count too, so that a later pass over simplified text agrees.
    for c in {ch, _t2s().convert(ch)}:
        for style in (Style.TONE, Style.NORMAL):
            for group in pinyin(c, heteronym=True, style=style):
                readings.update(_plain_syllable(r) for r in group)
    return frozenset(readings)


@lru_cache(maxsize=16384)
def _is_reading(ch: str, syllable: str) -> bool:
    return _plain_syllable(syllable) in _readings(ch)


def strip_ruby(text: str) -> tuple[str, list[str]]:
    """Remove flattened pinyin ruby: ``環(huán)保`` becomes ``環保``.

    An ``X(letters)`` group is removed only when the lower-case letters (with or without tone marks,
    ``ü``/``v``/``u:`` forms, or a tone digit) are a reading of the Han character X according to pypinyin
    (traditional characters included). Real parentheses stay: ``縣(區(qū))`` becomes ``縣(區)``;
    ``(完)``, ``见附件(a)``, ``(2017)``, ``公司(SI)`` are untouched.

    Parameters
    ----------
    text : str
        Text after NFKC (half-width parentheses).

    Returns
    -------
    tuple of (str, list of str)
        The text without ruby, and each removed annotation, e.g. ``["(huán)", "(qū)"]``.
    """
    removed: list[str] = []
    if "(" not in text:
        return text, removed

    def replace(m: re.Match[str]) -> str:
        kept, ruby = _split_ruby(m.group(1), m.group(0))
        removed.extend(ruby)
        return kept

    return _RUBY_RE.sub(replace, text), removed


@lru_cache(maxsize=16384)
def _split_ruby(han: str, groups_text: str) -> tuple[str, tuple[str, ...]]:
    """The ``(letters)`` groups after ``han``: those to keep (joined) and the leading ruby ones to drop."""
    groups = _RUBY_GROUP_RE.findall(groups_text)
    n = 0
    # Ruby is lower-case; `公司(SI)` is an abbreviation even though 司 reads si.
    while n < len(groups) and groups[n][1:-1].islower() and _is_reading(han, groups[n][1:-1]):
        n += 1
    return "".join(groups[n:]), tuple(groups[:n])


# ---------------------------------------------------------------------------- step 3: simplified Chinese


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc  # the C++ OpenCC binding, not opencc-python-reimplemented

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _zhe_re() -> re.Pattern[str]:
    words = sorted({w.strip() for w in _lexicon_lines("zhe_keep.txt")}, key=len, reverse=True)
    return re.compile("|".join([*map(re.escape, words), "著"]))


def _fix_zhe(m: re.Match[str]) -> str:
    return "着" if m.group(0) == "著" else m.group(0)


def to_simplified(text: str) -> str:
    """Convert traditional Chinese to simplified with OpenCC ``t2s``, then fix 著/着.

    OpenCC keeps 著 in verb use (``看著``, ``隨著``, ``著力``); every 著 becomes 着 except inside the words
    of ``lexicons/zhe_keep.txt`` (显著, 著名, 著作, 名著…).

    Parameters
    ----------
    text : str
        Any text; simplified text passes through unchanged (apart from 著).

    Returns
    -------
    str
        The simplified text.
    """
    text = _t2s().convert(text)
    if "著" in text:
        text = _zhe_re().sub(_fix_zhe, text)
    return text


# ------------------------------------------------------------------------------------ step 4: whitespace


def _tidy_whitespace(text: str) -> str:
    # each substitution only when it has something to do: `in` is much faster than a regex scan
    if "  " in text:
        text = _MULTISPACE_RE.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _LINE_EDGE_SPACE_RE.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANKS_RE.sub("\n\n", text)
    return text.strip()


# ------------------------------------------------------------------------------------------ step 5: noise


def _is_rare(ch: str) -> bool:
    """Whether a character may belong to a mojibake run next to a strong signal."""
    if ch == "?" or ch == "\ufffd":
        return True
    if _HAN_RE.match(ch):
        return ch not in common_hanzi_ranks()
    code = ord(ch)
    if code < 0x80 or ch.isspace():
        return False
    if 0x3000 <= code <= 0x303F or 0x2010 <= code <= 0x205E or ch in "·×÷°±":
        return False  # ordinary punctuation
    cat = unicodedata.category(ch)
    return code <= 0xFF or cat in ("Co", "Cn", "So", "Lo") or 0x3100 <= code <= 0x31BF


def _is_rare_at(text: str, i: int) -> bool:
    ch = text[i]
    if ch == " ":
        # NFKC turns Latin-1 accents such as ¨ ´ ¸ into a space and a combining mark.
        return i + 1 < len(text) and unicodedata.combining(text[i + 1]) > 0
    return unicodedata.combining(ch) > 0 or _is_rare(ch)


_MAX_EXTEND = 12


def _remove_mojibake(text: str, removed: list[Removal]) -> str:
    rules = _noise_rules()
    spans: list[tuple[int, int]] = []
    for m in rules.mojibake.finditer(text):
        start, end = m.span()
        if spans and start < spans[-1][1]:
            continue
        code = ord(text[start])
        # Bopomofo is a signal only inside Han text (it is legitimate in phonetic notes of its own).
        if 0x3100 <= code <= 0x31BF and not _HAN_RE.search(text, max(0, start - 3), end + 3):
            continue
        lo = start
        while lo > 0 and start - lo < _MAX_EXTEND and _is_rare_at(text, lo - 1):
            lo -= 1
        hi = end
        while hi < len(text) and hi - end < _MAX_EXTEND and _is_rare_at(text, hi):
            hi += 1
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for lo, hi in spans:
        parts.append(text[pos:lo])
        removed.append(Removal(kind="mojibake", text=text[lo:hi]))
        pos = hi
    parts.append(text[pos:])
    return "".join(parts)


def _keep_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    for regex in _noise_rules().keep:
        for m in regex.finditer(line):
            if m.end() > m.start():
                spans.append(m.span())
    return spans


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < hi and lo < span[1] for lo, hi in spans)


def _clause_span(line: str, start: int, end: int) -> tuple[int, int]:
    lo = start
    while lo > 0 and line[lo - 1] not in _SENTENCE_END:
        lo -= 1
    hi = end
    while hi < len(line) and line[hi] not in _SENTENCE_END:
        hi += 1
    return lo, min(hi + 1, len(line))


_SHORT_SPAM_LINE = 200


@dataclass
class _LineResult:
    text: str
    removals: list[Removal]
    dropped: bool
    heading: str | None


def _clean_line(line: str) -> _LineResult:
    """Apply the noise patterns to one line; matches overlapping a keep span are skipped."""
    removals: list[Removal] = []
    heading: str | None = None
    last_kind = ""
    # Keep spans are looked for only once a noise pattern matches: most lines are clean.
    keep: list[tuple[int, int]] | None = None
    for pattern in _noise_rules().line_patterns:
        if not line:
            break
        if pattern.kind == "spam":
            m = pattern.regex.search(line)
            if m is None:
                continue
            spans = [(0, len(line)) if len(line) <= _SHORT_SPAM_LINE else _clause_span(line, *m.span())]
        else:
            if pattern.regex.search(line) is None:
                continue
            spans = [m.span() for m in pattern.regex.finditer(line) if m.end() > m.start()]
            if not spans:
                continue
        if keep is None:
            keep = _keep_spans(line)
        if keep:
            spans = [s for s in spans if not _overlaps(s, keep)]
            if not spans:
                continue
        if pattern.block and spans[0] == (0, len(line)):
            heading = pattern.kind
        removals.extend(Removal(kind=pattern.kind, text=line[lo:hi]) for lo, hi in spans)
        for lo, hi in reversed(spans):
            line = line[:lo] + line[hi:]
            keep = [(a - (hi - lo), b - (hi - lo)) if a >= hi else (a, b) for a, b in keep]
        last_kind = pattern.kind
    rest = line.strip()
    if _CONTENT_RE.search(rest) or (keep if keep is not None else _keep_spans(line)):
        if "  " in rest:
            rest = _MULTISPACE_RE.sub(" ", rest)
        return _LineResult(rest, removals, False, heading)
    if rest:
        removals.append(Removal(kind=last_kind or "question_marks", text=rest))
    return _LineResult("", removals, True, heading)


_LINK_LINE_MAX = 60
_FOOTER_START = 0.4  # a copyright heading after this share of the text starts the footer
_PARAGRAPH_MIN = 30


def _is_paragraph(line: str) -> bool:
    return len(line) >= _PARAGRAPH_MIN and line.rstrip().endswith(("。", "!", "?", ")", "”"))


def _looks_like_link(line: str) -> bool:
    return len(line) <= _LINK_LINE_MAX and not line.endswith(("。", ";", ":"))


def _remove_noise_lines(text: str, removed: list[Removal], cache: dict[str, _LineResult]) -> str:
    lines = text.split("\n")
    total = len(text)
    # paragraph_after[i]: whether an article-like paragraph follows line i (a footer has none).
    paragraph_after = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, 0, -1):
        paragraph_after[i - 1] = paragraph_after[i] or _is_paragraph(lines[i])
    out: list[str] = []
    offset = 0
    in_footer = in_related = False
    for i, line in enumerate(lines):
        line_start, offset = offset, offset + len(line) + 1
        if not line:
            out.append(line)
            continue
        if in_footer and not _keep_spans(line):
            removed.append(Removal(kind="copyright", text=line))
            continue
        if in_related:
            if _looks_like_link(line) and not _keep_spans(line):
                removed.append(Removal(kind="related_links", text=line))
                continue
            in_related = False
        result = cache.get(line)
        if result is None:
            result = cache[line] = _clean_line(line)
        removed.extend(result.removals)
        if result.heading == "copyright":
            in_footer = line_start >= _FOOTER_START * total or not paragraph_after[i]
        elif result.heading == "related_links":
            in_related = True
        if not result.dropped:
            out.append(result.text)
    return "\n".join(out)


def _remove_noise(text: str, removed: list[Removal], cache: dict[str, _LineResult]) -> str:
    text = _remove_mojibake(text, removed)
    return _remove_noise_lines(text, removed, cache)


# ------------------------------------------------------------------------------------- step 6: duplicates

_MIN_DUPLICATE = 6


def _remove_duplicates(text: str, removed: list[Removal]) -> str:
    seen: set[str] = set()
    previous = ""
    out: list[str] = []
    for line in text.split("\n"):
        if not line:
            out.append(line)
            continue
        half = _doubled_half(line)
        if half is not None:
            removed.append(Removal(kind="duplicate", text=line[len(line) - len(half) :]))
            line = half
        if (len(line) >= _MIN_DUPLICATE and line in seen) or line == previous:
            removed.append(Removal(kind="duplicate", text=line))
            continue
        seen.add(line)
        previous = line
        out.append(line)
    return "\n".join(out)


def _doubled_half(line: str) -> str | None:
    """The first half of a line made of the same text twice (a body pasted twice), else None."""
    n = len(line)
    if n < 2 * _MIN_DUPLICATE:
        return None
    half = n // 2
    if n % 2 == 0 and line[:half] == line[half:]:
        return line[:half]
    if n % 2 == 1 and line[half] == " " and line[:half] == line[half + 1 :]:
        return line[:half]
    return None


# ---------------------------------------------------------------------------------------------- pipeline


def _pipeline(text: str, cache: dict[str, _LineResult]) -> tuple[str, list[Removal]]:
    removed: list[Removal] = []
    text = _unify_characters(text)
    text, ruby = strip_ruby(text)
    if ruby:
        removed.append(Removal(kind="ruby", text="".join(ruby)))
    text = to_simplified(text)
    text = _tidy_whitespace(text)
    text = _remove_noise(text, removed, cache)
    text = _tidy_whitespace(text)
    text = _remove_duplicates(text, removed)
    return _tidy_whitespace(text), removed


def normalize(text: str) -> Normalized:
    """Normalize an article's text and record everything removed.

    Steps: line endings, NFKC and invisible characters; pinyin ruby; traditional to simplified (with the
    著/着 fix); whitespace; noise (navigation, share bars, copyright footers, related links, spam, stray
    ``?``, mojibake); repeated paragraphs. Dates, sources, editors, reporters, datelines, signatures and
    ``(完)`` are never removed.

    Parameters
    ----------
    text : str
        Any string.

    Returns
    -------
    Normalized
        The normalized text and the removals. Never raises; idempotent:
        ``normalize(normalize(x).text).text == normalize(x).text``.
    """
    cache: dict[str, _LineResult] = {}  # the second pass meets mostly the same lines
    result, removed = _pipeline(text, cache)
    # Removing noise can bring characters together that an earlier step treats differently (a combining
    # mark next to a letter, a Han character next to `(pinyin)`); repeat until nothing changes.
    for _ in range(_MAX_PASSES):
        again, more = _pipeline(result, cache)
        if again == result:
            break
        result = again
        removed.extend(more)
    return Normalized(text=result, removed=removed)
