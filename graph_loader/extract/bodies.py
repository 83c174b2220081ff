"""Bodies: leading groups, working groups and their sub-groups, committees, offices, inspection teams.

A body's name is kept as written (``市环委会``, ``安居区生态环境保护委员会``); its locality comes from
an explicit place, a level word resolved through the article's place context, or its parent.
``parent`` is set only when the text says so (``下设``, ``设…四个分组``, ``领导小组办公室``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from graph_loader.extract.localities import PlaceContext
from graph_loader.extract.text import Document
from graph_loader.extract.townships import place_prefix as match_place_prefix
from graph_loader.lexicon import lexicon

_HAN = r"\u4e00-\u9fff"
# named bodies found by their ending; inspection teams have their own pattern below
_NAMED_ENDINGS = (
    "领导小组办公室",
    "领导小组",
    "专项工作组",
    "协调联络小组",
    "协调联络组",
    "工作组",
    "工作专班",
    "指挥部",
    "环督办",
    "督察办",
    "督查办",
    "环委会",
    "生态环境保护委员会",
    "环境保护委员会",
)
_NAMED_RE = re.compile("|".join(_NAMED_ENDINGS))
# words after which a body's name starts (scanning back from its ending)
_STARTERS = (
    "成立了",
    "成立",
    "设立",
    "组建",
    "组成",
    "调整",
    "下设",
    "召开",
    "主持",
    "各级",
    "担任",
    "作为",
    "同意",
    "印发",
    "负责",
    "协助",
    "配合",
    "参与",
    "参加",
    "牵头",
    "上报",
    "报送",
    "报",
    "请",
    "经",
    "根据",
    "按照",
    "由",
    "为",
    "是",
    "的",
    "了",
    "与",
    "及",
    "对",
    "向",
    "在",
    "将",
    "把",
    "被",
    "暨",
    "兼",
    "和",
    "各",
)
_HE_COMPOUND = ("改革", "城乡", "信息", "社会", "规划", "旅游", "宗教", "应急")
_TEAM_RE = re.compile(
    rf"(?:中央|国家|(?:[{_HAN}]{{2,8}}?(?:省|自治区|市))|省|自治区)"
    r"(?:第[一二三四五六七八九十]+)?(?:生态环境保护|环境保护|生态环保|环保)?督察组"
)
_NUM = r"[\d一二三四五六七八九十两]+"
_ITEM = rf"(?:[{_HAN}()]{{2,14}}?(?:组|专班)|[{_HAN}]{{0,12}}?办公室)"
_SETUP = re.compile(
    rf"(下设|分设|设立|设置|设(?!在|于))({_ITEM}(?:[、和及与]{_ITEM})*)"
    rf"(等?{_NUM}个(?:工作组|专项组|分组|小组|组)|共?{_NUM}个(?:工作组|专项组|分组|小组|组))?"
)
_ENUM = re.compile(
    rf"(?<![{_HAN}])([{_HAN}]{{2,8}}组)((?:[、和及与][{_HAN}]{{2,8}}组)+)(?:等{_NUM}个(?:工作组|小组|组))?"
)
_SIGNATURE = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff]{2,30}(?:办公厅|办公室|人民政府|委员会|领导小组|党委|局|厅)$"
)
_GENERIC = set(_NAMED_ENDINGS) | {"小组", "工作组", "督察组", "专项组", "分组", "组"}
_ENV = re.compile(r"环|生态|督察|督查|督办|信访|整改")
_SELF_LEVEL = re.compile(r"(?:我|本)([省市县区州旗镇乡])")
_SELF_LEVEL_BEFORE = re.compile(r"(?:我|本)([省市县区州旗镇乡])[^。]{0,30}$")
_ITEM_SEP = re.compile("[、和及与]")
_HAN_RUN = re.compile(f"[{_HAN}]*")


@dataclass
class BodyMention:
    """A body as found in the text."""

    name: str
    kind: str
    start: int
    end: int
    rule: str
    confidence: float
    locality: str | None = None
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)


def _trim_start(text: str, start: int, end: int) -> int:
    """Move ``start`` past the last starter word before the body's ending."""
    chunk = text[start:end]
    best = 0
    for w in _STARTERS:
        k = chunk.rfind(w)
        while k >= 0:
            after = k + len(w)
            if w == "和" and chunk[after : after + 2] in _HE_COMPOUND:
                k = chunk.rfind(w, 0, k)
                continue
            if after > best:
                best = after
            break
    return start + best


def _scan_back(text: str, end: int, limit: int = 32) -> int:
    """Start of the run of Han characters before ``end`` (a quoted word inside counts: “回头看”)."""
    i = end
    while i > 0 and end - i < limit:
        ch = text[i - 1]
        if ch == "”":
            open_at = text.rfind("“", max(0, i - 12), i - 1)
            if open_at < 0:
                break
            i = open_at
            continue
        if not ("\u4e00" <= ch <= "\u9fff"):
            break
        i -= 1
    return i


def _generic(name: str, ctx: PlaceContext) -> bool:
    """A name that is only an ending (工作组, 领导小组), or a level word and a group ending (县工作组).

    A place or level before a committee or office makes it specific (市环委会, 区生态环境保护委员会).
    """
    bare = name
    place = match_place_prefix(name, ctx)
    if place is not None and place.start <= 2:
        bare = name[place.end :]
    stripped = bare.lstrip("省市县区州旗盟镇乡")
    if not stripped or len(name) < 3:
        return True
    if stripped == bare or stripped in ("领导小组", "工作组", "小组", "专项工作组", "督察组"):
        return stripped in _GENERIC
    return False


def _locality(name: str, text: str, start: int, ctx: PlaceContext) -> tuple[str | None, float]:
    place = match_place_prefix(name, ctx)
    if place is not None and place.start <= 2:
        return place.division.name, 0.9
    if name[:1] in "省市县区州旗盟镇乡":
        div = ctx.resolve_level(name[0])
        return (div.name, 0.8) if div else (None, 0.0)
    if text[max(0, start - 2) : start].endswith(("各级", "各地", "各")) or name.startswith(("中央", "国家")):
        return None, 0.0
    near = _SELF_LEVEL_BEFORE.search(text[max(0, start - 40) : start])
    if near:
        div = ctx.resolve_level(near.group(1))
        if div is not None:
            return div.name, 0.7
    # the article speaks of its own place (我市, 本县): a body it set up is that place's
    levels = [we.group(1) for we in _SELF_LEVEL.finditer(text)]
    if levels and ctx.focal is not None:
        return ctx.focal.name, 0.6
    for level in levels:
        div = ctx.resolve_level(level)
        if div is not None:
            return div.name, 0.6
    return None, 0.0


def find_bodies(doc: Document, ctx: PlaceContext) -> list[BodyMention]:
    """Find bodies by name endings, set-up enumerations, inspection-team names and signatures."""
    text = doc.text
    lex = lexicon()
    out: list[BodyMention] = []
    for m in _team_matches(text):
        name = m.group()
        start = m.start()
        place = match_place_prefix(name, ctx)
        if not name.startswith(("中央", "国家", "省", "自治区")) and place is None:
            continue
        loc = None
        if not name.startswith(("中央", "国家")):
            if place is not None:
                loc = place.division.name
            else:
                div = ctx.resolve_level("自治区" if name.startswith("自治区") else "省")
                loc = div.name if div else None
        out.append(BodyMention(name, "inspection_team", start, m.end(), "body.inspection_team", 0.9, loc))
    generic: list[tuple[str, int, int]] = []
    for m in _NAMED_RE.finditer(text):
        end = m.end()
        if any(b.start <= m.start() < b.end for b in out):
            continue
        start = _trim_start(text, _scan_back(text, m.start()), m.start())
        name = text[start:end]
        if name.startswith("个"):
            continue
        if _generic(name, ctx):
            generic.append((name, start, end))
            continue
        kind = lex.body_kind(name) or "other"
        loc, conf = _locality(name, text, start, ctx)
        out.append(BodyMention(name, kind, start, end, "body.named", 0.85, loc))
    _implied_groups(out)
    _resolve_generic(out, generic, ctx)
    _subgroups(doc, out, ctx)
    _repeats(text, out)
    _signatures(doc, out, ctx)
    _link_offices(out)
    _canonical_teams(out)
    out.sort(key=lambda b: b.start)
    return out


def _team_matches(text: str) -> Iterator[re.Match[str]]:
    """``_TEAM_RE.finditer(text)``, run only over the stretches of Han characters that hold 督察组.

    The pattern is slow (it tries a place name at every Han character), and a team's name is made of
    Han characters only, so no match crosses any other character.
    """
    end = 0
    at = text.find("督察组")
    while at >= 0:
        lo = at
        while lo > end and "\u4e00" <= text[lo - 1] <= "\u9fff":
            lo -= 1
        run = _HAN_RUN.match(text, at + 3)  # always matches, maybe empty
        end = run.end() if run else at + 3
        yield from _TEAM_RE.finditer(text, lo, end)
        at = text.find("督察组", end)


def _parent_before(out: list[BodyMention], pos: int, sent_start: int) -> BodyMention | None:
    best = None
    for b in out:
        if (
            sent_start <= b.start
            and b.end <= pos
            and b.kind in ("leading_group", "working_group", "committee", "office")
        ) and (best is None or b.end > best.end):
            best = b
    return best


def _subgroups(doc: Document, out: list[BodyMention], ctx: PlaceContext) -> None:
    """Sub-groups named after 下设/设 (parent: the group set up just before) and ``X组和Y组`` lists."""
    text = doc.text
    for sent in doc.sentences:
        for m in _SETUP.finditer(sent.text):
            items = _ITEM_SEP.split(m.group(2))
            parent = _parent_before(out, sent.start + m.start(), sent.start)
            pos = sent.start + m.start(2)
            for item in items:
                start = text.find(item, pos)
                pos = start + len(item)
                if item == "办公室":
                    if parent is None:
                        continue
                    name = parent.name + "办公室"
                    out.append(
                        BodyMention(
                            name,
                            "office",
                            start,
                            pos,
                            "body.setup_office",
                            0.85,
                            parent.locality,
                            parent.name,
                        )
                    )
                    continue
                if item in _GENERIC or len(item) < 3 or any(b.start == start for b in out):
                    continue
                kind = lexicon().body_kind(item) or "working_group"
                out.append(
                    BodyMention(
                        item,
                        kind,
                        start,
                        pos,
                        "body.setup_subgroup",
                        0.85 if parent else 0.7,
                        parent.locality if parent else None,
                        parent.name if parent else None,
                    )
                )
        # a list of groups names 组 twice at least: the pattern (slow) can only match then
        for m in _ENUM.finditer(sent.text) if sent.text.count("组") >= 2 else ():
            items = [m.group(1)] + _ITEM_SEP.split(m.group(2))[1:]
            span = (sent.start + m.start(), sent.start + m.end())
            if any(b.start < span[1] and span[0] < b.end for b in out):
                continue  # already read as a set-up list or named bodies
            pos = span[0]
            for item in items:
                start = text.find(item, pos)
                pos = start + len(item)
                if item in _GENERIC:
                    continue
                loc, _conf = _locality(item, text, start, ctx)
                out.append(BodyMention(item, "working_group", start, pos, "body.group_list", 0.75, loc))


def _repeats(text: str, out: list[BodyMention]) -> None:
    """Later mentions of a sub-group named in a list (``(一)综合协调组:组长江小兵``)."""
    for b in [b for b in out if b.rule in ("body.setup_subgroup", "body.group_list")]:
        for m in re.finditer(re.escape(b.name), text):
            if not any(o.start <= m.start() < o.end for o in out):
                out.append(
                    BodyMention(
                        b.name, b.kind, m.start(), m.end(), "body.repeat", b.confidence, b.locality, b.parent
                    )
                )


def _signatures(doc: Document, out: list[BodyMention], ctx: PlaceContext) -> None:
    """Issuers signing a notice: lines at the end that are only a body's name."""
    lines = doc.text.split("\n")
    pos = len(doc.text)
    tail: list[tuple[int, str]] = []
    for line in reversed(lines):
        pos -= len(line)
        s = line.strip()
        if s:
            if _SIGNATURE.match(s):
                tail.append((pos + line.index(s), s))
            elif len(tail) >= 1 or len(s) > 40:
                break
        pos -= 1
        if len(tail) >= 4:
            break
    for start, name in tail:
        kind = lexicon().body_kind(name) or "other"
        place = match_place_prefix(name, ctx)
        loc = place.division.name if place is not None else None
        out.append(BodyMention(name, kind, start, start + len(name), "body.signature", 0.9, loc))


def _link_offices(out: list[BodyMention]) -> None:
    """``X领导小组办公室`` reports to ``X领导小组``."""
    names = {b.name: b for b in out}
    for b in out:
        if b.parent is None and b.name.endswith("领导小组办公室"):
            parent = names.get(b.name[: -len("办公室")])
            if parent is not None:
                b.parent = parent.name


def _ending_key(name: str) -> str:
    return name.replace("小组", "组")


def _implied_groups(out: list[BodyMention]) -> None:
    """``X领导小组办公室`` implies the leading group ``X领导小组``, which it reports to."""
    names = {b.name for b in out}
    for b in list(out):
        if b.name.endswith("领导小组办公室"):
            group = b.name[: -len("办公室")]
            if group not in names:
                names.add(group)
                out.append(
                    BodyMention(
                        group, "leading_group", b.start, b.end - 3, "body.implied_by_office", 0.8, b.locality
                    )
                )


def identity(name: str, ctx: PlaceContext) -> str:
    """A body's name without its place or level prefix: 江湾镇迎接…领导小组 is 迎接…领导小组."""
    place = match_place_prefix(name, ctx)
    bare = name[place.end :] if place is not None and place.start <= 2 else name
    return bare.lstrip("省市县区州旗盟镇乡") or bare


def _resolve_generic(out: list[BodyMention], generic: list[tuple[str, int, int]], ctx: PlaceContext) -> None:
    """A bare ``协调联络小组`` refers to the one body in the article whose name ends that way.

    A bare ``领导小组办公室`` with no named office is the office of the one leading group named.
    """
    for name, start, end in generic:
        key = _ending_key(name)
        if len(name) < 4:
            continue
        if name == "领导小组办公室" and not any(b.name.endswith(name) for b in out):
            groups = {identity(b.name, ctx): b for b in out if b.kind == "leading_group"}
            if len(groups) == 1:
                g = next(iter(groups.values()))
                out.append(
                    BodyMention(
                        g.name + "办公室",
                        "office",
                        start,
                        end,
                        "body.short_name",
                        0.7,
                        g.locality,
                        g.name,
                        [name],
                    )
                )
            continue
        named = {
            identity(b.name, ctx): b for b in out if _ending_key(b.name).endswith(key) and b.name != name
        }
        if len(named) == 1:
            target = next(iter(named.values()))
            out.append(
                BodyMention(
                    target.name,
                    target.kind,
                    start,
                    end,
                    "body.short_name",
                    0.7,
                    target.locality,
                    target.parent,
                    [name],
                )
            )


def _canonical_teams(out: list[BodyMention]) -> None:
    """All central-team mentions of one article are one team, named by its most specific form.

    ``中央环保督察组`` and ``中央督察组`` in an article about ``中央第五环境保护督察组`` are that
    team; when the article names two numbered teams, the unnumbered mentions stay as written.
    """
    central = [b for b in out if b.kind == "inspection_team" and b.name.startswith(("中央", "国家"))]
    numbered = {b.name for b in central if "第" in b.name}
    if len(numbered) > 1 or not central:
        return
    canonical = next(iter(numbered)) if numbered else max((b.name for b in central), key=len)
    for b in central:
        if b.name != canonical:
            b.aliases.append(b.name)
            b.name = canonical


def is_listed(kind: str, name: str) -> bool:
    """Whether a body found only in a post belongs in the document's body list.

    Party committees, governments, congresses and departments always do (a post is held in them);
    committees, offices and groups only when inspection-related (环委会, 督察办), so that a 县委办
    named in a title does not count as an accountable body of the inspection.
    """
    if kind in ("committee", "office", "leading_group", "working_group", "inspection_team"):
        return bool(_ENV.search(name))
    return True
