"""Persons and their posts: stacked titles before a name, leader lists, ``同志``.

A post is read as ``[place][level][body][title]``: ``清水县委书记`` is place 清水县, level 县, body 委,
title 书记. Titles stacked with ``、`` before a name are all that person's posts; a part that names a
body of the previous part's committee (``市委常委、政法委书记``) carries the shared prefix over.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from graph_loader.extract.localities import PlaceContext
from graph_loader.extract.text import Document
from graph_loader.extract.townships import place_prefix
from graph_loader.lexicon import Lexicon, lexicon

LEVELS = "省市县区州旗盟镇乡"
# characters that end a name or a post region when scanning
_BOUNDARY = set(" ,，。;；:：!！?？()（）“”\"'《》【】[]、\n\t·•")
# characters that never appear in the given name of an official in these texts
_NOT_GIVEN = set(
    "的了在是与及等对为要将把被就都也还又并而从向于以这那其各该本们之所会年有无不没说讲到委组局部办市县区省镇乡党府员记副室"
)
# verbs that end a name rather than finish it (李明作表态发言, 王军在会上)
_VERB_CHARS = set("作在就对从向被把将到说讲要等是与")
# one-character words that may follow a name (未按时, 被诫勉)
_FOLLOW_CHARS = set("未被在对和与及等是已将也还都就又并再曾正均先后要应须因由向从为于把给让说讲称")
# a post region stops after these words (scanning backwards from the name)
_REGION_STOP = set("由在是为的了请经对向被把将有到以和与及等同即并据从给让")
# 和 inside a department name: 住房和城乡建设局, 发展和改革委员会, 工业和信息化局 …
_HE_COMPOUND = ("改革", "城乡", "信息", "社会", "规划", "旅游", "宗教", "应急")
_MAX_REGION = 64
# "委" alone after a level word is a party committee (市委); these start other bodies after a level
_TOP_BODIES = ("人大常委会", "人大常委", "人民政府", "政府", "政协", "人大", "纪委监委", "纪委", "监委")


@dataclass
class PostMention:
    """A post as read from the text, before it becomes a :class:`graph_loader.models.Post`."""

    role: str
    title: str
    body: str | None
    locality: str | None
    level: str
    start: int
    end: int
    rule: str


@dataclass
class PersonMention:
    """A person found in the text, with the posts stated next to the name."""

    name: str
    start: int
    end: int
    rule: str
    confidence: float
    posts: list[PostMention] = field(default_factory=list)


def _surname_at(text: str, i: int, lex: Lexicon) -> int:
    """Length of the surname starting at ``i`` (2 for compound surnames), 0 when none."""
    if text[i : i + 2] in lex.compound_surnames:
        return 2
    if i < len(text) and text[i] in lex.surnames:
        return 1
    return 0


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def follows_name(text: str, j: int, lex: Lexicon | None = None) -> bool:
    """True when position ``j`` can follow a person's name (punctuation, end, or a cue word)."""
    lex = lex or lexicon()
    if j >= len(text) or text[j] in _BOUNDARY or not _is_han(text[j]):
        return True
    if text[j] in _FOLLOW_CHARS or text[j : j + 2] in lex.name_followers:
        return True
    return bool(_follow_re(lex).match(text, j)) or _title_at(text, j, lex)


_FOLLOW: dict[int, re.Pattern[str]] = {}


def _follow_re(lex: Lexicon) -> re.Pattern[str]:
    if id(lex) not in _FOLLOW:
        _FOLLOW[id(lex)] = re.compile("|".join(re.escape(w) for w in lex.cues["follow"]))
    return _FOLLOW[id(lex)]


def _title_at(text: str, j: int, lex: Lexicon) -> bool:
    m = lex.title_re.match(text, j)
    return bool(m)


def read_name(text: str, i: int, lex: Lexicon | None = None) -> tuple[str, int] | None:
    """Read a person's name starting at ``i``; return ``(name, end)`` or None.

    A name is a surname (compound ones too) and one or two given-name characters, followed by
    punctuation or a word that can follow a name. A space padding a two-character name
    (``王 军``) is dropped from the name.

    Examples
    --------
    >>> read_name("谢忠华出席会议", 0)
    ('谢忠华', 3)
    >>> read_name("吴军主持召开", 0)
    ('吴军', 2)
    """
    lex = lex or lexicon()
    dotted = _DOTTED.match(text, i)
    if dotted:
        # 艾尔肯·吐尔逊, 阿不都热合曼·买买提: the last part ends where a name follower starts; an end
        # before punctuation or a word (进行, 出席) beats one before a single character (都, 在)
        last = dotted.group().rfind("·") + 1
        weak = None
        for end in range(i + last + 1, dotted.end() + 1):
            if follows_name(text, end, lex):
                if end >= len(text) or not _is_han(text[end]) or text[end] not in _FOLLOW_CHARS:
                    return text[i:end], end
                weak = weak or end
        if weak is not None:
            return text[i:weak], weak
    n = _surname_at(text, i, lex)
    if not n:
        return None
    g = i + n
    if g < len(text) and text[g] == " ":
        # padded two-character name: 王 军
        padded = g + 1 < len(text) and _given_ok(text[g + 1]) and follows_name(text, g + 2, lex)
        if padded and not _title_at(text, g + 1, lex):
            return text[i:g] + text[g + 1], g + 2
        return None
    sizes = (2, 1)
    if text[g + 1 : g + 2] in _VERB_CHARS and follows_name(text, g + 1, lex) and _given_ok(text[g : g + 1]):
        sizes = (1, 2)  # 李明作表态发言: 李明, not 李明作
    for size in sizes:
        given = text[g : g + size]
        if len(given) < size or not all(_given_ok(c) for c in given):
            continue
        if _title_at(text, g, lex) or (size == 2 and _title_at(text, g + 1, lex)):
            continue
        if text[i : g + size] in lex.not_names or text[g + size : g + size + 1] == "·":
            continue
        if follows_name(text, g + size, lex):
            return text[i : g + size], g + size
    return None


_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,7}(?:·[\u4e00-\u9fff]{1,7}){1,3}")


def _translit_name(text: str, i: int, lex: Lexicon) -> tuple[str, int] | None:
    """A transliterated name without a Han surname (苏和巴特尔), 4 to 7 characters, after a title."""
    for size in range(7, 3, -1):
        chunk = text[i : i + size]
        ok = len(chunk) == size and all(c in lex.translit for c in chunk)
        if ok and follows_name(text, i + size, lex) and not _title_at(text, i + size - 1, lex):
            return chunk, i + size
    return None


def _given_ok(ch: str) -> bool:
    return _is_han(ch) and ch not in _NOT_GIVEN


def _region_start(text: str, end: int) -> int:
    """Start of the post region that ends at ``end`` (scanning back to a boundary)."""
    i = end
    limit = max(0, end - _MAX_REGION)
    while i > limit:
        ch = text[i - 1]
        if ch == "、":
            i -= 1
            continue
        if ch in _BOUNDARY or not _is_han(ch):
            break
        inside_name = (ch == "和" and text[i : i + 2] in _HE_COMPOUND) or (
            ch == "经" and text[i : i + 1] == "济"
        )
        if ch in _REGION_STOP and not inside_name:
            break
        i -= 1
    return i


@dataclass
class _Parsed:
    role: str
    title: str
    body: str | None
    level: str
    locality: str | None
    prefix: str  # level + top body, carried to the next part (市委, 县政府)


def parse_post(
    part: str, prev: _Parsed | None, ctx: PlaceContext, lex: Lexicon | None = None
) -> _Parsed | None:
    """Parse one post (one ``、``-separated part of a title stack).

    Returns None when the part is not a post. ``prev`` is the part before it in the same stack,
    whose prefix carries over (``市委常委、政法委书记`` → 市委政法委书记).
    """
    lex = lex or lexicon()
    s = part[2:] if part.startswith("中共") else part
    if not s:
        return None
    locality: str | None = None
    level = ""
    place = place_prefix(s, ctx)
    if place is not None and place.start == 0:
        locality = place.division.name
        rest = s[place.end :]
        if not rest:
            return None
        level = place.surface[-1] if place.surface[-1] in LEVELS else ""
        if rest[0] in LEVELS:  # 济南市市长 (doubled level)
            level, rest = rest[0], rest[1:]
        own = lex.titles.get(rest)
        # 楚雄州副州长: a title carrying its own level (州) is kept as it is
        s = rest if (own is not None and own.level) or rest.startswith(level) else level + rest
    elif s[0] in LEVELS:
        level = s[0]
    title = lex.title_suffix(s)
    head = s[: len(s) - len(title)]
    org = head[len(level) :] if level and head.startswith(level) else head
    if not level and prev is not None and prev.level and org.startswith(_TOP_BODIES):
        level, locality = prev.level, prev.locality  # 镇党委委员、纪委书记 → 镇纪委书记
        s = level + s
    if not level and prev is not None:
        if title and not org and not lex.titles[title].level:
            return _carry(prev, "", title)  # 市委常委、秘书长 → 市委秘书长
        if org and _carries(org):
            return _carry(prev, org, title)  # 市委常委、政法委书记 → 市委政法委书记
    if not level and title and not org:
        level = lex.titles[title].level  # 常务副市长 carries its own level
    if not title and not (org and org[-1] in "部局办室厅委"):
        return None
    if org and not _org_ok(org):
        return None
    if org:
        body: str | None = (level + org) if level and not org.startswith(level) else org
    else:
        implied = lex.titles[title].implied_body
        body = level + implied if implied and level else None
    if locality is None and level:
        div = ctx.resolve_level(level)
        locality = div.name if div is not None else None
    prefix = level + _top_body(org) if level else ""
    return _Parsed(s, title, body, level, locality, prefix)


def _carries(org: str) -> bool:
    """An organ of a committee or government (政法委, 统战部, 办公室) takes the previous prefix."""
    return not org.startswith(_TOP_BODIES) and len(org) <= 8


def _carry(prev: _Parsed, org: str, title: str) -> _Parsed | None:
    if not prev.prefix or (org and not _org_ok(org)):
        return None
    prefix = prev.prefix if org else (prev.body or prev.prefix)
    return _Parsed(
        prefix + org + title,
        title,
        prefix + org if org else prev.body,
        prev.level,
        prev.locality,
        prev.prefix,
    )


def _top_body(org: str) -> str:
    for top in _TOP_BODIES:
        if org.startswith(top):
            return top
    return "委" if org.startswith("委") else ""


def _org_ok(org: str) -> bool:
    return (
        len(org) <= 24
        and all(_is_han(c) or c in "()" for c in org)
        and not any(c in "的了是在将要" for c in org)
    )


def _posts_before(doc: Document, name_start: int, ctx: PlaceContext, lex: Lexicon) -> list[PostMention]:
    text = doc.text
    end = name_start
    if end > 0 and text[end - 1] == " ":
        end -= 1
    start = _region_start(text, end)
    if start >= end:
        return []
    region = text[start:end]
    lead = region.split("、")[0]
    if lead and lead[0] not in LEVELS and not lead.startswith("中共") and place_prefix(lead, ctx) is None:
        # a verb before the post (约谈市环保局局长): start at the first level word when the rest parses
        k = next((i for i, c in enumerate(lead[:6]) if c in LEVELS and i > 0), -1)
        if k > 0 and parse_post(lead[k:], None, ctx, lex) is not None:
            start += k
            region = region[k:]
    parts = region.split("、")
    offsets = []
    pos = start
    for p in parts:
        offsets.append((pos, pos + len(p)))
        pos += len(p) + 1
    # keep the longest run of trailing parts that all parse as posts
    for first in range(len(parts)):
        parsed: list[_Parsed] = []
        prev: _Parsed | None = None
        ok = True
        for p in parts[first:]:
            got = parse_post(p, prev, ctx, lex) if p else None
            if got is None:
                ok = False
                break
            parsed.append(got)
            prev = got
        if ok and parsed:
            if not parsed[-1].title and len(parsed) < 2:
                return []  # a bare body (统战部) before a name only counts inside a stack
            return [
                PostMention(
                    role=q.role,
                    title=q.title,
                    body=q.body,
                    locality=q.locality,
                    level=q.level,
                    start=offsets[first + k][0],
                    end=offsets[first + k][1],
                    rule="post.title_stack",
                )
                for k, q in enumerate(parsed)
            ]
    return []


def find_persons(doc: Document, ctx: PlaceContext, bodies: Sequence[BodyLike] = ()) -> list[PersonMention]:
    """Find persons with their posts: titles before a name, rosters, appointments, lists, ``同志``.

    Parameters
    ----------
    doc
        The normalized document.
    ctx
        Its places, to resolve the 市/县 of a post.
    bodies
        Bodies already found; a roster (``组 长:沈立新 县委书记``) or an appointment
        (``蒋建明同志兼任办公室主任``) gives posts in the body it follows.
    """
    lex = lexicon()
    text = doc.text
    found: list[PersonMention] = []
    taken: set[int] = set()
    found += _group_leaders(doc, ctx, bodies, lex, taken)
    found += _rosters(doc, ctx, bodies, lex, taken)
    for m in _trigger_re(lex).finditer(text):
        i = m.end()
        j = i + 1 if text[i : i + 1] == " " else i
        got = read_name(text, j, lex) or _translit_name(text, j, lex)
        if got is None or j in taken:
            continue
        name, end = got
        posts = _posts_before(doc, i, ctx, lex)
        if not posts:
            continue
        taken.add(j)
        found.append(PersonMention(name, j, end, "person.after_title", 0.9, posts))
    found += _leader_lists(doc, lex, taken)
    found += _tongzhi(doc, lex, taken)
    _appointments(doc, ctx, bodies, lex, found)
    found.sort(key=lambda p: p.start)
    return found


class BodyLike(Protocol):
    """What the person rules need of a body found in the text."""

    name: str
    kind: str
    start: int
    end: int
    locality: str | None


_ROSTER_ROLES = (
    "第一组长",
    "常务副组长",
    "副组长",
    "组长",
    "常务副主任",
    "副主任",
    "主任",
    "成员",
    "总指挥",
    "副总指挥",
    "指挥长",
    "副指挥长",
    "召集人",
    "副召集人",
)
_ROSTER_ROLE = re.compile(r"^\s*(" + "|".join(r"\s*".join(r) for r in _ROSTER_ROLES) + r")\s*[:：]\s*")
_ENUMERATOR = re.compile(r"^\s*(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、])\s*")
_SPACES = re.compile(r"\s+")
_GROUP_LEADER = re.compile(r"\s*[:：。,，]\s*(副组长|组长)\s*")
_POST_TEXT = re.compile(r"[^,，。;；、\s]{2,30}")
_OFFICE_POST = re.compile(r"(领导小组办公室|办公室|领导小组)(.+)$")
_LIST_END = re.compile(r"\s*(?:等|同志|出席|参加|列席|陪同|一同|分别)")
_TONGZHI = re.compile("同志|总书记")


def role_label(body: BodyLike) -> str:
    """How a post in a body is written: 领导小组组长, 领导小组办公室主任, 综合协调组组长."""
    for ending in ("领导小组办公室", "领导小组"):
        if body.name.endswith(ending):
            return ending
    return body.name


def _body_before(
    bodies: Sequence[BodyLike], pos: int, kinds: tuple[str, ...], window: int = 600
) -> BodyLike | None:
    best = None
    for b in bodies:
        if b.kind in kinds and pos - window <= b.end <= pos and (best is None or b.end > best.end):
            best = b
    return best


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _rosters(
    doc: Document, ctx: PlaceContext, bodies: Sequence[BodyLike], lex: Lexicon, taken: set[int]
) -> list[PersonMention]:
    """Roster lines of a group's notice: ``组 长:沈立新 县委书记`` and the lines that follow it.

    The role (组长, 副组长…) is a post in the group set up just before the roster; 成员 is not a post.
    The posts after the name are read like stacked titles.
    """
    text = doc.text
    out: list[PersonMention] = []
    role = ""
    body: BodyLike | None = None
    for start, line in _lines(text):
        m = _ROSTER_ROLE.match(line)
        if m:
            role = _SPACES.sub("", m.group(1))
            body = _body_before(bodies, start, ("leading_group", "working_group", "committee", "office"))
            i = start + m.end()
        elif role:
            i = start + len(line) - len(line.lstrip())
        else:
            continue
        got = read_name(text, i, lex)
        tail = text[got[1] : start + len(line)] if got else ""
        if got is None or not tail[:1].isspace() and tail[:1] not in "(（":
            if not m:
                role = ""  # the roster ended
            continue
        name, end = got
        posts_text = tail.strip().strip("()（）")
        offset = text.find(posts_text, end)
        posts = _parse_stack(posts_text, offset, ctx, lex)
        if not posts and not m:
            role = ""
            continue
        person = PersonMention(name, i, end, "person.roster", 0.85, posts)
        if body is not None and role != "成员":
            label = role_label(body)
            person.posts.insert(
                0,
                PostMention(
                    label + role, role, body.name, body.locality, "", body.start, body.end, "post.roster"
                ),
            )
        taken.add(i)
        out.append(person)
    return out


def _parse_stack(s: str, offset: int, ctx: PlaceContext, lex: Lexicon) -> list[PostMention]:
    """Posts written after a name: ``县委常委、县纪委书记、县监委主任``."""
    out: list[PostMention] = []
    prev: _Parsed | None = None
    pos = offset
    for part in s.split("、"):
        got = parse_post(part, prev, ctx, lex) if part else None
        if got is None:
            return []
        out.append(
            PostMention(
                got.role,
                got.title,
                got.body,
                got.locality,
                got.level,
                pos,
                pos + len(part),
                "post.after_name",
            )
        )
        prev = got
        pos += len(part) + 1
    return out


def _group_leaders(
    doc: Document, ctx: PlaceContext, bodies: Sequence[BodyLike], lex: Lexicon, taken: set[int]
) -> list[PersonMention]:
    """A sub-group's heading names its leader: ``(一)综合协调组:组长江小兵。``"""
    text = doc.text
    out: list[PersonMention] = []
    for b in bodies:
        if b.kind != "working_group":
            continue
        m = _GROUP_LEADER.match(text, b.end)
        if m is None:
            continue
        got = read_name(text, m.end(), lex)
        if got is None:
            continue
        name, end = got
        post = PostMention(
            b.name + m.group(1), m.group(1), b.name, b.locality, "", b.start, m.end(), "post.group_leader"
        )
        taken.add(m.end())
        out.append(PersonMention(name, m.end(), end, "person.group_leader", 0.85, [post]))
    return out


_APPOINT = re.compile(r"(?:同志)?(兼任|担任|任)")


def _appointments(
    doc: Document, ctx: PlaceContext, bodies: Sequence[BodyLike], lex: Lexicon, found: list[PersonMention]
) -> None:
    """``蒋建明同志兼任办公室主任``: a known person takes a post in the body the sentence set up."""
    text = doc.text
    names = {p.name: p for p in found}
    for name, s0, e0 in find_name_mentions(text, list(names)):
        m = _APPOINT.match(text, e0)
        if m is None or (m.group(1) == "任" and not text.startswith("同志", e0)):
            continue
        post_m = _POST_TEXT.match(text[m.end() :])
        if post_m is None:
            continue
        post_text = post_m.group()
        post_start = m.end()
        person = names[name]
        office = _OFFICE_POST.match(post_text)
        if office:
            kinds = ("office",) if "办公室" in office.group(1) else ("leading_group",)
            body = _body_before(bodies, s0, kinds, 400)
            title = lex.title_suffix(office.group(2))
            if body is None or title != office.group(2):
                continue
            role = role_label(body) + title
            post = PostMention(
                role,
                title,
                body.name,
                body.locality,
                "",
                post_start,
                post_start + len(post_text),
                "post.appointed",
            )
        else:
            got = parse_post(post_text, None, ctx, lex)
            if got is None:
                continue
            post = PostMention(
                got.role,
                got.title,
                got.body,
                got.locality,
                got.level,
                post_start,
                post_start + len(post_text),
                "post.appointed",
            )
        if not any(q.role == post.role for q in person.posts):
            person.posts.append(post)


_TRIGGER: dict[int, re.Pattern[str]] = {}


def _trigger_re(lex: Lexicon) -> re.Pattern[str]:
    """Where a post ends and a name may start: a title word or a department ending."""
    key = id(lex)
    if key not in _TRIGGER:
        surnames = "".join(sorted(lex.surnames | {c[0] for c in lex.compound_surnames}))
        # `部|局`, not `[部局]`: with a literal first character in every alternative the regex engine
        # jumps between the possible first characters instead of trying each alternative everywhere
        _TRIGGER[key] = re.compile(
            f"(?:{lex.title_re.pattern}|部|局|办(?!公))(?= ?[{re.escape(surnames + ''.join(sorted(lex.translit)))}])"
        )
    return _TRIGGER[key]


_LEADER_CUE: dict[int, re.Pattern[str]] = {}


def _leader_cue_re(lex: Lexicon) -> re.Pattern[str]:
    """市领导, 领导同志…: words a list of leaders' names follows."""
    if id(lex) not in _LEADER_CUE:
        cue = "|".join(re.escape(w) for w in lex.cues["leader_list"])
        _LEADER_CUE[id(lex)] = re.compile(f"(?:{cue})[:：]?")
    return _LEADER_CUE[id(lex)]


def _leader_lists(doc: Document, lex: Lexicon, taken: set[int]) -> list[PersonMention]:
    """Names listed after 市领导 / 领导同志 with no posts."""
    text = doc.text
    out: list[PersonMention] = []
    for m in _leader_cue_re(lex).finditer(text):
        i = m.end()
        batch: list[PersonMention] = []
        while i < len(text):
            if text[i] == " ":
                i += 1
            got = read_name(text, i, lex)
            if got is None:
                break
            name, end = got
            batch.append(PersonMention(name, i, end, "person.leader_list", 0.85))
            if end < len(text) and text[end] in "、 ":
                i = end + 1
                continue
            break
        # one name alone must be followed by a cue (出席, 等, 同志): 市领导包案 is no list
        if len(batch) == 1 and not _LIST_END.match(text, batch[0].end):
            batch = []
        for p in batch:
            if p.start not in taken:
                taken.add(p.start)
                out.append(p)
    return out


def _tongzhi(doc: Document, lex: Lexicon, taken: set[int]) -> list[PersonMention]:
    """``张三同志`` and ``张三总书记``: a name directly before 同志 or a top leader's title."""
    text = doc.text
    out: list[PersonMention] = []
    for m in _TONGZHI.finditer(text):
        k = m.start()
        sizes = (4, 3, 2) if text[max(0, k - 4) : k - 2] in lex.compound_surnames else (3, 2)
        for size in sizes:
            i = k - size
            if i < 0:
                continue
            if size == 3 and text[i] in _REGION_STOP and _surname_at(text, i + 1, lex):
                continue  # 对于张三同志: 于 is a preposition here
            got = read_name(text, i, lex)
            if got is None or got[1] != k or i in taken:
                continue
            taken.add(i)
            person = PersonMention(got[0], i, k, "person.tongzhi", 0.8)
            if m.group() == "总书记":
                person.rule = "person.name_title"
                person.posts.append(
                    PostMention("总书记", "总书记", None, None, "", k, m.end(), "post.name_title")
                )
            out.append(person)
            break
    return out


class NameFinder:
    """Finds any of a document's known names in a text, a padding space allowed between characters
    (``李 勇``); at each place the longest name first, matches never overlapping — what the regular
    expression ``李 ?勇|王 ?五|…`` would find, without compiling one for every document."""

    def __init__(self, names: Sequence[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(set(names), key=len, reverse=True):
            self.by_first.setdefault(name[0], []).append(name)

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """``(name, start, end)`` of every occurrence, left to right."""
        starts: list[int] = []
        for first in self.by_first:
            at = text.find(first)
            while at >= 0:
                starts.append(at)
                at = text.find(first, at + 1)
        starts.sort()
        out: list[tuple[str, int, int]] = []
        done = 0
        for at in starts:
            if at < done:
                continue
            for name in self.by_first[text[at]]:
                end = _match_name(text, at, name)
                if end >= 0:
                    out.append((name, at, end))
                    done = end
                    break
        return out


def _match_name(text: str, at: int, name: str) -> int:
    """Where ``name`` ends when it starts at ``at`` (one space allowed before each later character), or -1."""
    j = at + 1
    n = len(text)
    for ch in name[1:]:
        if j + 1 < n and text[j] == " " and text[j + 1] == ch:
            j += 2
        elif j < n and text[j] == ch:
            j += 1
        else:
            return -1
    return j


def name_pattern(names: Sequence[str]) -> NameFinder | None:
    """A finder of any of ``names`` (a padding space allowed inside: 李 勇), longest first."""
    return NameFinder(names) if names else None


def find_name_mentions(text: str, names: Sequence[str] | NameFinder | None) -> list[tuple[str, int, int]]:
    """Every occurrence of the known ``names`` (or a :func:`name_pattern`) in ``text``."""
    finder = names if isinstance(names, NameFinder) or names is None else name_pattern(names)
    if finder is None:
        return []
    return finder.find(text)
