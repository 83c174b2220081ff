"""Townships (镇, 乡, 街道), which the gazetteer does not list, found from the text and their county.

A township is accepted only with its county known: the county named right before it
(``永兴县马田镇``), the county the article is about, or the only county it names. Its id is the
county's code and its name, so two 城关镇 in different counties stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph_loader.extract.localities import PlaceContext, PlaceMention, match_place_prefix
from graph_loader.gazetteer import Division

_SUFFIX = re.compile(r"街道|镇|乡")
# what may stand right before a township's name
_ANCHORS = (
    "会同",
    "对",
    "在",
    "到",
    "赴",
    "和",
    "与",
    "及",
    "的",
    "是",
    "由",
    "向",
    "从",
    "为",
    "于",
    "将",
    "以",
)
_BAD_START = set("对在到赴和与及的是由向从为于将以同各全我本该其此某个每所乡镇村城县市区省经报请")
_NOT_IN_NAME = set("镇乡的了是在和与及经对为")
# words ending like a township that are none
_GENERIC = (
    "乡镇", "城镇", "集镇", "村镇", "小城镇", "重点镇", "建制镇", "特色小镇", "中心镇", "城乡", "老乡", "家乡",
    "故乡", "下乡", "返乡", "回乡", "同乡", "水乡", "他乡", "异乡", "梦乡", "农乡",
)  # fmt: skip
_GOV_AFTER = re.compile(r"党委|人民政府|政府|镇长|副镇长|乡长|副乡长|党政|纪委|人大|办事处|党工委|主任")
_NOT_AFTER = set("压守静定痛住江")


@dataclass(frozen=True)
class TownMention:
    """A township named in the text."""

    start: int
    end: int
    division: Division
    rule: str
    confidence: float


@dataclass
class Places(PlaceContext):
    """The places of one text, townships included."""

    towns: list[TownMention] = field(default_factory=list)

    def resolve_level(self, level: str) -> Division | None:
        """Like :meth:`PlaceContext.resolve_level`; ``镇/乡/街道`` resolve to the only township named."""
        if level in ("镇", "乡", "街道"):
            found = {t.division.code: t.division for t in self.towns if t.division.name.endswith(level)}
            return next(iter(found.values())) if len(found) == 1 else None
        return super().resolve_level(level)


def _county_of(ctx: PlaceContext, text: str, start: int) -> Division | None:
    for m in ctx.mentions:
        if m.end == start and m.division.level == "county":
            return m.division
    if ctx.focal is not None and ctx.focal.level == "county":
        return ctx.focal
    counties = {d.code: d for d, _ in ctx.localities() if d.level == "county"}
    if not counties:
        # only the site's own name gives the county (婺源县人民政府网): still the township's county
        counties = {m.division.code: m.division for m in ctx.mentions if m.division.level == "county"}
    return next(iter(counties.values())) if len(counties) == 1 else None


def _anchored(text: str, i: int, ctx: PlaceContext) -> bool:
    if i == 0 or not ("\u4e00" <= text[i - 1] <= "\u9fff"):
        return True
    if any(m.end == i for m in ctx.mentions):
        return True
    return any(text.endswith(a, 0, i) for a in _ANCHORS)


def find_towns(text: str, ctx: PlaceContext) -> list[TownMention]:
    """Find township mentions whose county is known."""
    out: list[TownMention] = []
    for m in _SUFFIX.finditer(text):
        suffix_start, end = m.start(), m.end()
        after = text[end : end + 3]
        if (
            after[:1] in _NOT_AFTER
            or text[suffix_start : suffix_start + 2] == "乡镇"
            or text[suffix_start - 1 : suffix_start + 1] == "乡镇"
        ):
            continue
        if any(t.start <= suffix_start < t.end for t in out):
            continue
        strong_after = bool(_GOV_AFTER.match(after))
        for size in (4, 3, 2):
            i = suffix_start - size
            if i < 0:
                continue
            name = text[i:suffix_start]
            if (
                not all("\u4e00" <= c <= "\u9fff" and c not in _NOT_IN_NAME for c in name)
                or name[0] in _BAD_START
            ):
                continue
            full = name + m.group()
            if full.endswith(_GENERIC) or any(mm.start <= i < mm.end for mm in ctx.mentions):
                continue
            if not _anchored(text, i, ctx):
                continue
            after_county = any(mm.end == i and mm.division.level == "county" for mm in ctx.mentions)
            if m.group() == "乡" and not (strong_after or after_county):
                break
            county = _county_of(ctx, text, i)
            if county is None:
                break
            div = Division(
                code=f"{county.code}:{full}",
                name=full,
                level="township",
                parent=county.code,
                short=(),
                historical=False,
                risky_short=(),
            )
            conf = 0.85 if (strong_after or after_county) else 0.6
            out.append(TownMention(i, end, div, "locality.township", conf))
            break
    return out


def places(text: str, ctx: PlaceContext) -> Places:
    """Wrap a place context with the township mentions of the same text."""
    return Places(
        mentions=ctx.mentions, focal=ctx.focal, gazetteer=ctx.gazetteer, towns=find_towns(text, ctx)
    )


def place_prefix(s: str, ctx: PlaceContext) -> PlaceMention | None:
    """A place (division or known township) at the start of ``s`` (after an optional 中共)."""
    found = match_place_prefix(s, ctx)
    if isinstance(ctx, Places):
        off = 2 if s.startswith("中共") else 0
        if found is not None:
            off = found.end
        for t in ctx.towns:
            name = t.division.name
            if s.startswith(name, off):
                return PlaceMention(off, off + len(name), name, t.division, t.rule, t.confidence)
    return found
