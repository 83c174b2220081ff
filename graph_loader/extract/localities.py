"""Find administrative divisions named in a text, and the place the text is about.

Precision comes first: a wrong place is worse than a missing one. The rules:

* Full names (``遂宁市``, ``安居区``, aliases such as ``凉山州``) match anywhere; matches are taken
  longest first, left to right, without overlaps, so ``遂宁市安居区`` gives two mentions.
* Province short forms (``四川``) match anywhere; prefecture short forms (``攀枝花``) too, unless they are
  ordinary words (``risky_short``: 大同, 长治), which then need their full name elsewhere in the text or
  their parent's name right before them.
* County short forms (``安居``) need their parent's name right before them (``遂宁安居``) or, when not an
  ordinary word, their full name elsewhere in the text.
* A short form followed by a word of ``lexicons/place_blockers.txt`` (成都平原) or inside one of its
  phrases (长治久安, 公安局) is no place.
* A name shared by several divisions (朝阳区) keeps the division whose ancestor or descendant is also
  mentioned (a sibling, for counties, as a last resort); otherwise it is dropped.
* Historical divisions (莱芜市) match only names that no current division has.
* Mentions in site furniture (navigation bars, 来源/编辑 lines, copyright notices) and news datelines
  (``中新网四川新闻6月11日电``) are kept with a confidence below :data:`MIN_CONFIDENCE`;
  :func:`place_context` ignores them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources

import ahocorasick

from graph_loader.gazetteer import LEVEL_RANK, Division, Gazetteer

MIN_CONFIDENCE = 0.5
"""Mentions below this confidence (site furniture, datelines) are ignored by :func:`place_context`."""

FURNITURE_FACTOR = 0.4
RESOLVED_FACTOR = 0.9
SIBLING_FACTOR = 0.8

# Level words of post titles (市委书记 → 市) and the division-name endings they stand for.
LEVEL_WORDS = ("省", "市", "县", "区", "州", "自治区", "自治州", "旗", "盟")

# A full name ending in 市/区 followed by this character is more likely "short form + word" (东方市场 is
# 东方 + 市场, 江南区域 is 江南 + 区域).
_FULL_NAME_SPLITS = {"市": "场", "区": "域间"}
# Before a two-character full name (成县, 城区, 任县) a Han character usually means the name is the tail
# of another word (完成县委, 责任县); these characters are the exceptions.
_BEFORE_SHORT_FULL_OK = set("在到赴于至和与及往从对由向驻、")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Every alternative starts with a literal character (no `[|｜]`, no optional `(?:信息)?`): the regex
# engine then jumps between the possible first characters instead of trying each alternative everywhere.
_FURNITURE_LINE = re.compile(
    r"\||｜|首页\s*[>＞]|>\s*正文|＞\s*正文|欢迎(?:进入|访问|光临|您)|官方网站|联系我们|联系方式|"
    r"信息来源[:：]|来源[:：]|发布(?:时间|日期)[:：]|点击(?:次数|数|量)?[:：]|责任编辑[:：]|编辑[:：]|分享到|"
    r"上一(?:篇|页)|下一(?:篇|页)|友情链接|版权|免责声明|ICP|记者[:：]|通讯员[:：]"
)
_DATELINE = re.compile(r"^[^，,。；;！？\n]{0,24}?\d{1,2}月\d{1,2}日(?:电|讯)")
_SELF_MARKER = re.compile(r"[我全本](省|市|县|区|州|旗|盟)")
_LEAD_LINES = 3
_LEAD_CHARS = 300
_LEAD_WEIGHT = 2.0
_MARKER_CAP = 3.0
_CLEAR_LEAD = 2.0  # the focal place needs at least twice the score of any competitor at its level
_ANCESTOR_SHARE = 0.5  # … and at least half the score of its mentioned ancestors


@dataclass(frozen=True)
class PlaceMention:
    """A division named in a text.

    Attributes
    ----------
    start, end : int
        Half-open character offsets of ``surface`` in the text.
    surface : str
        The matched text (``遂宁``, ``安居区``).
    division : Division
        The division it names.
    rule : str
        Why it matched: ``locality.full``, ``locality.alias``, ``locality.short.province``,
        ``locality.short.prefecture``, ``locality.short.after_parent``, ``locality.short.full_elsewhere``.
    confidence : float
        In (0, 1); below :data:`MIN_CONFIDENCE` for site furniture and datelines.
    """

    start: int
    end: int
    surface: str
    division: Division
    rule: str
    confidence: float


# ------------------------------------------------------------------------------------------- blockers


@dataclass(frozen=True)
class _Blockers:
    after: re.Pattern[str] | None
    phrases: ahocorasick.Automaton | None


@functools.cache
def _blockers() -> _Blockers:
    text = resources.files("graph_loader").joinpath("lexicons/place_blockers.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {"after": [], "phrase": []}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1].strip(), [])
            continue
        if current is not None:
            current.append(line)
    after = None
    if sections["after"]:
        words = sorted(set(sections["after"]), key=len, reverse=True)
        after = re.compile("|".join(map(re.escape, words)))
    phrases = None
    if sections["phrase"]:
        phrases = ahocorasick.Automaton()
        for p in set(sections["phrase"]):
            phrases.add_word(p, len(p))
        phrases.make_automaton()
    return _Blockers(after, phrases)


def _phrase_spans(text: str) -> _SpanSet:
    auto = _blockers().phrases
    if auto is None:
        return _SpanSet(())
    return _SpanSet((end + 1 - n, end + 1) for end, n in auto.iter(text))


def _blocked_after(text: str, end: int) -> bool:
    pattern = _blockers().after
    return pattern is not None and pattern.match(text, end) is not None


# ------------------------------------------------------------------------------------- text structure


def _line_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    pos = 0
    for line in text.splitlines(keepends=True):
        bounds.append((pos, pos + len(line)))
        pos += len(line)
    return bounds


@functools.lru_cache(maxsize=1)  # find_places and place_context both need it, for the same text
def _furniture_spans(text: str) -> _SpanSet:
    """Spans of site furniture lines and of news datelines."""
    spans = []
    for start, end in _line_bounds(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        if _FURNITURE_LINE.search(stripped) and (len(stripped) < 120 or re.search("版权|免责", stripped)):
            spans.append((start, end))
            continue
        m = _DATELINE.match(line.lstrip())
        if m:
            offset = start + len(line) - len(line.lstrip())
            spans.append((offset, offset + m.end()))
    return _SpanSet(spans)


def _lead_end(text: str, furniture: _SpanSet) -> int:
    """End offset of the title and first lines of the article (site furniture skipped)."""
    seen = 0
    end = 0
    for start, stop in _line_bounds(text):
        if start >= _LEAD_CHARS:
            break
        if not text[start:stop].strip() or furniture.covers(start, stop):
            continue
        seen += 1
        end = stop
        if seen >= _LEAD_LINES:
            break
    return min(end, _LEAD_CHARS) if seen else 0


class _SpanSet:
    """Union of character spans, for fast containment tests."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def covers(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` lies inside one of the spans."""
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._ends[i]


# --------------------------------------------------------------------------------------------- finding


@dataclass
class _Cand:
    division: Division
    kind: str
    rule: str = ""
    confidence: float = 0.0


@dataclass
class _Span:
    start: int
    end: int
    form: str
    cands: list[_Cand]
    accepted: list[_Cand] = field(default_factory=list)


def _candidates(
    gaz: Gazetteer, text: str, start: int, end: int, form: str, phrases: _SpanSet
) -> _Span | None:
    entries = gaz.matchable(form)
    if not entries or phrases.covers(start, end):
        return None
    cands = [_Cand(e.division, e.kind) for e in entries]
    nxt = text[end : end + 1]
    if nxt and nxt in _FULL_NAME_SPLITS.get(form[-1], ""):
        # 东方市场: leave the field to the short form 东方, found separately.
        cands = [c for c in cands if c.kind != "full"]
    if any(c.kind == "short" for c in cands) and _blocked_after(text, end):
        cands = [c for c in cands if c.kind != "short"]
    return _Span(start, end, form, cands) if cands else None


def _accept(gaz: Gazetteer, text: str, sp: _Span, before: list[_Cand], full_named: set[str]) -> None:
    """Set ``sp.accepted``: the candidates the rules allow, given the place right before (if any)."""
    sp.accepted = []
    for c in sp.cands:
        d = c.division
        after_parent = any(p.division.code == d.parent for p in before)
        after_ancestor = after_parent or any(gaz.is_ancestor(p.division.code, d.code) for p in before)
        risky = d.is_risky(sp.form)
        hist = 0.1 if d.historical else 0.0
        if c.kind == "full":
            if risky and not after_ancestor:
                continue
            if len(sp.form) <= 2 and not after_ancestor:
                ch = text[sp.start - 1] if sp.start > 0 else ""
                if ch and _HAN.match(ch) and ch not in _BEFORE_SHORT_FULL_OK:
                    continue
            c.rule, c.confidence = "locality.full", 0.95 - hist
        elif c.kind == "alias":
            c.rule, c.confidence = "locality.alias", 0.9 - hist
        elif d.level == "province":
            c.rule, c.confidence = "locality.short.province", 0.9
        elif after_parent:
            c.rule, c.confidence = "locality.short.after_parent", 0.9 - hist
        elif d.level == "prefecture" and not risky:
            c.rule, c.confidence = "locality.short.prefecture", 0.85 - hist
        elif d.code in full_named and (d.level == "prefecture" or not risky):
            c.rule, c.confidence = "locality.short.full_elsewhere", 0.8 - hist
        else:
            continue
        sp.accepted.append(c)
    if len(sp.accepted) > 1 and any(c.rule == "locality.short.after_parent" for c in sp.accepted):
        sp.accepted = [c for c in sp.accepted if c.rule == "locality.short.after_parent"]
    elif len(sp.accepted) > 1 and before:
        # 长春市朝阳区: a full name right after one of its candidates' ancestors.
        chained = [
            c for c in sp.accepted if any(gaz.is_ancestor(p.division.code, c.division.code) for p in before)
        ]
        if chained:
            sp.accepted = chained


def _related(gaz: Gazetteer, a: Division, b: Division) -> bool:
    return a.code == b.code or gaz.is_ancestor(a.code, b.code) or gaz.is_ancestor(b.code, a.code)


def _disambiguate(gaz: Gazetteer, spans: list[_Span]) -> None:
    """Resolve spans with several accepted candidates by the other places of the text, or empty them."""
    changed = True
    while changed:
        changed = False
        known = [sp.accepted[0].division for sp in spans if len(sp.accepted) == 1]
        for sp in spans:
            if len(sp.accepted) <= 1:
                continue
            keep = [c for c in sp.accepted if any(_related(gaz, c.division, k) for k in known)]
            factor = RESOLVED_FACTOR
            if not keep:
                keep = [
                    c
                    for c in sp.accepted
                    if c.division.level == "county"
                    and any(k.level == "county" and k.parent == c.division.parent for k in known)
                ]
                factor = SIBLING_FACTOR
            if len(keep) == 1:
                keep[0].confidence *= factor
                sp.accepted = keep
                changed = True
    for sp in spans:
        if len(sp.accepted) > 1:
            sp.accepted = []


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Find the administrative divisions named in ``text``.

    Parameters
    ----------
    text : str
        Normalized (simplified) text.
    gazetteer : Gazetteer, optional
        Defaults to :meth:`Gazetteer.load`.

    Returns
    -------
    list of PlaceMention
        Non-overlapping mentions in text order. Mentions in site furniture and datelines have a
        confidence below :data:`MIN_CONFIDENCE`.

    Examples
    --------
    >>> [m.division.name for m in find_places("遂宁安居召开推进会，遂宁市安居区委书记吴军主持")]
    ['遂宁市', '安居区', '遂宁市', '安居区']
    """
    gaz = gazetteer or Gazetteer.load()
    phrases = _phrase_spans(text)
    hits = gaz.scan(text)
    full_named: set[str] = set()
    for _, _, form in hits:
        full_named |= gaz.full_name_codes(form)

    # Longest match first, left to right, no overlaps; a match the rules reject leaves its place to the
    # next one (a shorter match at the same start, or a later one).
    chosen: list[_Span] = []
    pos = 0
    for start, end, form in hits:
        if start < pos:
            continue
        sp = _candidates(gaz, text, start, end, form, phrases)
        if sp is None:
            continue
        before = chosen[-1].accepted if chosen and chosen[-1].end == start else []
        _accept(gaz, text, sp, before, full_named)
        if sp.accepted:
            chosen.append(sp)
            pos = end
    _disambiguate(gaz, chosen)

    furniture = _furniture_spans(text)
    mentions = []
    for sp in chosen:
        if not sp.accepted:
            continue
        c = sp.accepted[0]
        conf = c.confidence * (FURNITURE_FACTOR if furniture.covers(sp.start, sp.end) else 1.0)
        mentions.append(
            PlaceMention(sp.start, sp.end, text[sp.start : sp.end], c.division, c.rule, round(conf, 3))
        )
    return mentions


# --------------------------------------------------------------------------------------------- context


def _level_word_matches(division: Division, level: str) -> bool:
    return division.name.endswith(level)


@dataclass
class PlaceContext:
    """The places of one text.

    Attributes
    ----------
    mentions : list of PlaceMention
        All mentions (furniture included, see :data:`MIN_CONFIDENCE`).
    focal : Division or None
        The place the text is about, when the text makes it clear.
    """

    mentions: list[PlaceMention]
    focal: Division | None
    gazetteer: Gazetteer = field(default_factory=Gazetteer.load, repr=False, compare=False)

    def confident_mentions(self) -> list[PlaceMention]:
        """Mentions at or above :data:`MIN_CONFIDENCE` (site furniture and datelines left out)."""
        return [m for m in self.mentions if m.confidence >= MIN_CONFIDENCE]

    def resolve_level(self, level: str) -> Division | None:
        """Turn the bare level word of a post (市 in 市委书记) into a division.

        Parameters
        ----------
        level : str
            One of ``省 市 县 区 州 自治区 自治州 旗 盟``.

        Returns
        -------
        Division or None
            The first of the focal place and its ancestors whose name ends with ``level`` (``市`` also
            covers 北京市 and county-level cities, ``区`` also 自治区). Without a focal place, the one
            division with that ending among the mentions and their ancestors, if there is exactly one.
            None otherwise: never a guess.
        """
        if level not in LEVEL_WORDS:
            return None
        if self.focal is not None:
            for d in [self.focal, *self.gazetteer.ancestors(self.focal.code)]:
                if _level_word_matches(d, level):
                    return d
            return None
        found = {d.code: d for d, _ in self.localities() if _level_word_matches(d, level)}
        return next(iter(found.values())) if len(found) == 1 else None

    def localities(self) -> list[tuple[Division, bool]]:
        """Return the mentioned divisions and their ancestors.

        Returns
        -------
        list of (Division, bool)
            Each division once, in order of first mention, each followed by its not yet listed
            ancestors; the flag is True when the division itself is mentioned. Furniture mentions are
            left out.
        """
        order: dict[str, tuple[Division, bool]] = {}
        for m in self.confident_mentions():
            d = m.division
            order[d.code] = (d, True)  # keeps the position of an earlier ancestor-only entry
            for a in self.gazetteer.ancestors(d.code):
                order.setdefault(a.code, (a, False))
        return list(order.values())


def _scores(text: str, mentions: list[PlaceMention]) -> tuple[dict[str, float], dict[str, float]]:
    """Return (score per division code, weight per self-reference level word such as 市 in 我市)."""
    furniture = _furniture_spans(text)
    lead = _lead_end(text, furniture)
    scores: dict[str, float] = {}
    for m in mentions:
        weight = _LEAD_WEIGHT if m.start < lead else 1.0
        scores[m.division.code] = scores.get(m.division.code, 0.0) + weight
    markers: dict[str, float] = {}
    for mk in _SELF_MARKER.finditer(text):
        if furniture.covers(mk.start(), mk.end()):
            continue
        weight = _LEAD_WEIGHT if mk.start() < lead else 1.0
        markers[mk.group(1)] = markers.get(mk.group(1), 0.0) + weight
    return scores, markers


def _choose_focal(
    gaz: Gazetteer, divisions: dict[str, Division], scores: dict[str, float], markers: dict[str, float]
) -> Division | None:
    def total(d: Division) -> float:
        bonus = sum(v for word, v in markers.items() if d.name.endswith(word))
        return scores[d.code] + min(bonus, _MARKER_CAP)

    totals = {code: total(d) for code, d in divisions.items()}
    for level in ("county", "prefecture", "province"):
        ranked = sorted((d for d in divisions.values() if d.level == level), key=lambda d: -totals[d.code])
        if not ranked:
            continue
        top = ranked[0]
        best = totals[top.code]
        if len(ranked) > 1 and best < _CLEAR_LEAD * totals[ranked[1].code]:
            continue
        ok = True
        for other in divisions.values():
            if other.code == top.code or LEVEL_RANK[other.level] >= LEVEL_RANK[level]:
                continue
            if gaz.is_ancestor(other.code, top.code):
                ok = best >= _ANCESTOR_SHARE * totals[other.code]
            else:
                ok = best >= _CLEAR_LEAD * totals[other.code]
            if not ok:
                break
        if ok:
            return top
    return None


def place_context(text: str, mentions: list[PlaceMention] | None = None) -> PlaceContext:
    """Collect the places of a text and decide which one it is about.

    Parameters
    ----------
    text : str
        Normalized (simplified) text.
    mentions : list of PlaceMention, optional
        Output of :func:`find_places` for ``text``; computed when omitted.

    Returns
    -------
    PlaceContext
        ``focal`` is the most specific mentioned division that leads clearly: mentions in the title and
        first lines count double, ``我市/全县/本区…`` support divisions whose name ends with that level
        word, and the winner needs twice the score of any other division at its level or above (half the
        score of its own ancestors suffices). Otherwise ``focal`` is None.
    """
    gaz = Gazetteer.load()
    if mentions is None:
        mentions = find_places(text, gaz)
    confident = [m for m in mentions if m.confidence >= MIN_CONFIDENCE]
    scores, markers = _scores(text, confident)
    divisions = {m.division.code: m.division for m in confident}
    focal = _choose_focal(gaz, divisions, scores, markers) if divisions else None
    return PlaceContext(mentions=list(mentions), focal=focal, gazetteer=gaz)


# ---------------------------------------------------------------------------------------------- prefix

_PARTY_PREFIX = ("中共",)


def match_place_prefix(s: str, ctx: PlaceContext | None = None) -> PlaceMention | None:
    """Match the place chain at the start of a post or body name (``遂宁市安居区委书记``).

    Parameters
    ----------
    s : str
        A post or body name; a leading ``中共`` is skipped.
    ctx : PlaceContext, optional
        The text's places: lets county short forms (and ordinary-word prefecture short forms) match when
        the text mentions that division, and resolves shared names (朝阳区).

    Returns
    -------
    PlaceMention or None
        The most specific division of the chain; ``start``/``end`` span the whole chain (after any
        ``中共``), so ``s[end:]`` is the rest of the post. None when ``s`` does not start with a place.

    Examples
    --------
    >>> m = match_place_prefix("遂宁市安居区委书记")
    >>> m.division.name, m.end
    ('安居区', 6)
    """
    gaz = ctx.gazetteer if ctx is not None else Gazetteer.load()
    start = 0
    for p in _PARTY_PREFIX:
        if s.startswith(p):
            start = len(p)
    known: dict[str, Division] | None = None  # built on first need: most strings start with no place

    pos = start
    chain: list[tuple[Division, str, float]] = []
    while pos < len(s):
        forms = gaz.forms_at(s, pos)
        if not forms:
            break
        if known is None:
            known = _known_divisions(ctx)
        parent = chain[-1][0] if chain else None
        picked: tuple[Division, str, float] | None = None
        for form in forms:
            options = _prefix_options(gaz, s, pos, form, parent, known)
            if options:
                # Several readings of the longest acceptable form (朝阳区 without context): no guess,
                # and no falling back to a shorter form (朝阳 → 朝阳市) either.
                picked = options[0] if len(options) == 1 else None
                break
        if picked is None or (parent is not None and not gaz.is_ancestor(parent.code, picked[0].code)):
            break
        chain.append(picked)
        pos += len(form)
    if not chain:
        return None
    division, rule, conf = chain[-1]
    return PlaceMention(start, pos, s[start:pos], division, rule, conf)


def _known_divisions(ctx: PlaceContext | None) -> dict[str, Division]:
    """The divisions the text mentions (site furniture left out) and its focal place."""
    if ctx is None:
        return {}
    known = {m.division.code: m.division for m in ctx.confident_mentions()}
    if ctx.focal is not None:
        known.setdefault(ctx.focal.code, ctx.focal)
    return known


def _prefix_options(
    gaz: Gazetteer, s: str, pos: int, form: str, parent: Division | None, known: dict[str, Division]
) -> list[tuple[Division, str, float]]:
    """The readings of ``form`` at ``s[pos]`` that the rules allow, narrowed by the chain and context."""
    end = pos + len(form)
    picked: list[tuple[Division, str, float]] = []
    for e in gaz.matchable(form):
        d = e.division
        under_parent = parent is not None and gaz.is_ancestor(parent.code, d.code)
        risky = d.is_risky(form)
        if e.kind == "full":
            if risky and not under_parent:
                continue
            picked.append((d, "locality.full", 0.95))
        elif e.kind == "alias":
            picked.append((d, "locality.alias", 0.9))
        elif _blocked_after(s, end):
            continue
        elif d.level == "province":
            picked.append((d, "locality.short.province", 0.9))
        elif parent is not None and d.parent == parent.code:
            picked.append((d, "locality.short.after_parent", 0.9))
        elif d.level == "prefecture" and not risky:
            picked.append((d, "locality.short.prefecture", 0.85))
        elif d.code in known and (d.level == "prefecture" or not risky):
            picked.append((d, "locality.short.full_elsewhere", 0.8))
    if len(picked) > 1 and parent is not None:
        picked = [p for p in picked if gaz.is_ancestor(parent.code, p[0].code)] or picked
    if len(picked) > 1 and known:
        related = [p for p in picked if any(_related(gaz, p[0], k) for k in known.values())]
        picked = related or picked
    return picked
