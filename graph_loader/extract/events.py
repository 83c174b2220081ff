"""Events (meetings, inspections, notices), who chaired, spoke at or attended them, and assignments."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graph_loader.extract.bodies import BodyMention
from graph_loader.extract.localities import PlaceContext
from graph_loader.extract.meta import Meta, event_date
from graph_loader.extract.persons import PersonMention, find_name_mentions, name_pattern
from graph_loader.extract.text import Document
from graph_loader.lexicon import Lexicon, lexicon

_STOP = r",，。;；:：!?！？\n《》"
_MEETING_END = r"(?:会议|推进会|动员会|部署会|调度会|座谈会|培训会|现场会|视频会|汇报会|见面会|反馈会|专题会|大会|例会|常务会|常委会|会)"
# `主持召开|…|召开`, not `(?:主持)?召开`: a literal first character in every alternative is much faster
_CONVENE = re.compile(
    rf"(?:主持召开|主持举行|主持举办|召开|举行|举办)了?([^{_STOP}]{{2,80}}?{_MEETING_END})(?=[{_STOP}\s]|$|并|上)"
)
_CONVENED = re.compile(
    rf"(?:^|[,，])(?:\d{{1,2}}月\d{{1,2}}日(?:上午|下午|晚上|晚)?[,，]?)?([^{_STOP}]{{4,80}}?{_MEETING_END})(?:在[^{_STOP}]{{1,20}})?(?:召开|举行)"
)
# a sentence without these words holds no meeting (_CONVENE and _CONVENED need one of them)
_CONVENE_WORDS = ("召开", "举行", "举办")
_DATELINE_HEAD = re.compile(r"^.{0,20}?\d{1,2}月\d{1,2}日电\s*(?:\([^)]{0,40}\))?")
_CAMPAIGN = re.compile(
    r"(?=[第中])"  # a prefilter on the first character: the groups before 中央 are optional
    r"(第[一二三四五六七八九十]+轮)?(?:第[一二三四五六七八九十]+批)?"
    r"(中央(?:生态环境保护|环境保护|生态环保|环保)督察)"
)
_NOTICE_TITLE = re.compile(r"关于.{2,60}(?:通知|通报|意见|决定|方案|函)$")
_CROSS_CHECK = re.compile(rf"开展([^{_STOP}]{{0,12}}?(?:交叉检查|交叉督查|交叉暗访督查|专项督查|专项检查))")
_DATED = re.compile(r"\d{1,2}月\d{1,2}日(?:开始|起)")
_ARRIVE = re.compile(r"进驻|开展(?:第[一二三四五六七八九十]+轮)?(?:生态环境保护|环境保护|环保)?督察")
_SINK = re.compile(r"下沉")
_FEEDBACK = re.compile(r"反馈")
_HANDOVER = re.compile(r"移交|交办|转办")
_RECEIVE = re.compile(r"迎接$|迎接中央")
_DIRECTIVE = re.compile(r"要|适时|将|拟|定期|及时|应|可|每月|每季度|每年|继续")
_TASK = re.compile(r"(?:要|应|须|必须|将)?(?:全面|具体|牵头|及时|继续|持续|统一)?(?:负责|牵头|汇总|承担)")
_WE_BEFORE = re.compile(r"(?:我|本|全)([省市县区州旗])[^,，。]{0,6}$")
_WE = re.compile(r"(?:我|本)([省市县区州旗])")
_FEEDBACK_REPORT = re.compile(r"反馈会|反馈会议|主持会议|主持")
_NAME_LEAD = re.compile(r"^(?:了|一次|一场|全[省市县区]|我[省市县区])")
_BARE_MEETING = re.compile(r"[^\u4e00-\u9fff]*(?:会议|会)")
_YEAR_LEAD = re.compile(r"^(?:\d{4}年)")
_AFTER_COMMA = re.compile(r"(?<=[,，:：])")
_COORDINATION = re.compile(r"(?:同志)?[、和及与][^,，。;；:：]{0,30}")
_TO_BEFORE = re.compile(r"(?:到|赴|在)$")
_TASK_CLAUSE = re.compile(r"[^,，。;；]{2,40}")
_TASK_LEAD = re.compile(r"^(?:要|应|须|必须|将)?(?:全面|具体|及时|继续|持续|统一)?")


@dataclass
class EventMention:
    """An event with its participants, before it becomes a model."""

    name: str
    kind: str
    start: int
    end: int
    rule: str
    confidence: float
    date: str | None = None
    locality: str | None = None
    organizer: str | None = None
    roles: list[tuple[str, str, int, int, str]] = field(default_factory=list)  # name, role, start, end, rule
    own_date: bool = False  # the date comes from the event's own sentence, not the article's


@dataclass
class AssignmentMention:
    """An inspection team sent to a place, or a task given to a body."""

    source: str
    target: str
    what: str
    start: int
    end: int
    rule: str
    confidence: float


def _strip_dateline(sentence: str) -> str:
    return _DATELINE_HEAD.sub("", sentence) if "日电" in sentence else sentence


def _meeting_locality(sentence: str, start_in_sent: int, ctx: PlaceContext) -> str | None:
    """The place convening the meeting (``清水县召开``), else the article's own place."""
    before = sentence[:start_in_sent]
    m = _WE_BEFORE.search(before)
    if m:
        div = ctx.resolve_level(m.group(1))
        if div is not None:
            return div.name
    return ctx.focal.name if ctx.focal is not None else None


def find_meetings(doc: Document, ctx: PlaceContext, meta: Meta) -> list[EventMention]:
    """Meetings from ``召开X会议`` and ``X会议召开``; near-identical names (title and body) merge."""
    out: list[EventMention] = []
    for sent in doc.sentences:
        if not any(w in sent.text for w in _CONVENE_WORDS):
            continue
        body = _strip_dateline(sent.text)
        shift = len(sent.text) - len(body)
        for rx, rule in ((_CONVENE, "event.meeting.convene"), (_CONVENED, "event.meeting.convened")):
            for m in rx.finditer(body):
                name = _clean_meeting_name(m.group(1), ctx)
                if name is None:
                    continue
                start = sent.start + shift + m.start(1) + (len(m.group(1)) - len(name))
                own = event_date(body, meta)
                if own is None and (
                    _DIRECTIVE.search(body[max(0, m.start() - 8) : m.start() + 2]) or len(name) <= 5
                ):
                    continue  # 要适时召开新闻发布会: a plan, not an event
                loc = _meeting_locality(body, m.start(1), ctx)
                ev = EventMention(
                    name, "meeting", start, start + len(name), rule, 0.85, own or meta.date, loc
                )
                ev.own_date = own is not None
                _merge_event(out, ev)
    return out


_FEEDBACK_MEETING = re.compile(
    r"((?:中央|国家|省|自治区)[^,，。;；\n]{0,16}?督察组)向([^,，。;；\n]{2,12}?)反馈(?:了)?(?:督察情况|督察意见)"
)


def find_feedback_meetings(doc: Document, ctx: PlaceContext, meta: Meta) -> list[EventMention]:
    """A team feeding back to a place, reported as a meeting (反馈会, 主持) in the next sentences."""
    out: list[EventMention] = []
    for k, sent in enumerate(doc.sentences):
        m = _FEEDBACK_MEETING.search(sent.text) if "反馈" in sent.text else None
        if m is None:
            continue
        following = "".join(x.text for x in doc.sentences[k : k + 4])
        if not _FEEDBACK_REPORT.search(following):
            continue  # a mention of the feedback, not a report of the meeting
        place = next(
            (p for p in ctx.mentions if sent.start + m.start(2) <= p.start < sent.start + m.end(2)), None
        )
        start = sent.start + m.start()
        own = event_date(_strip_dateline(sent.text), meta)
        ev = EventMention(
            m.group(),
            "meeting",
            start,
            start + len(m.group()),
            "event.meeting.feedback",
            0.8,
            own or meta.date,
            place.division.name if place else None,
        )
        ev.own_date = own is not None
        out.append(ev)
    return out


def _clean_meeting_name(raw: str, ctx: PlaceContext) -> str | None:
    name = raw.strip()
    name = _NAME_LEAD.sub("", name)
    if len(name) < 4 or _BARE_MEETING.fullmatch(name):
        return None
    if name in ("会议", "大会", "专题会议", "会") or "的" in name[-4:]:
        return None
    return name


def _norm_name(name: str) -> str:
    return _YEAR_LEAD.sub("", name)


def _merge_event(out: list[EventMention], ev: EventMention) -> None:
    a = _norm_name(ev.name)
    for other in out:
        b = _norm_name(other.name)
        if other.kind == ev.kind and (a in b or b in a or a[-12:] == b[-12:]):
            if len(ev.name) > len(other.name):
                other.name, other.start, other.end = ev.name, ev.start, ev.end
            if ev.own_date and not other.own_date:
                other.date, other.own_date = ev.date, True
            return
    out.append(ev)


def assign_roles(doc: Document, persons: list[PersonMention], meetings: list[EventMention]) -> None:
    """Give each meeting its chair, speakers and attendees, clause by clause.

    Persons named in a clause take the role of the cue word that follows them in the clause;
    names in clauses without a cue wait for the next cue in the same sentence (a list of
    attendees spanning commas). A name after a relay word (传达, 学习) is quoted, not present.
    """
    if not meetings or not persons:
        return
    lex = lexicon()
    names = name_pattern([p.name for p in persons])
    first = min(meetings, key=lambda e: e.start)
    cue_re = _cue_re(lex)
    relay = tuple(lex.cues["relay"])
    for sent in doc.sentences:
        mentions = [(n, s, e) for n, s, e in find_name_mentions(sent.text, names)]
        if not mentions:
            continue
        meeting = _meeting_for(meetings, sent.start) or first
        pending: list[tuple[str, int, int]] = []
        pos = 0
        for clause in _AFTER_COMMA.split(sent.text):
            c_start = pos
            pos += len(clause)
            in_clause = [(n, s, e) for n, s, e in mentions if c_start <= s < pos]
            if any(
                clause.find(r) >= 0 and clause.find(r) < (in_clause[0][1] - c_start if in_clause else 0)
                for r in relay
            ):
                in_clause = []
            pending += in_clause
            cues = [
                (m.lastgroup, m.start() + c_start)
                for m in cue_re.finditer(clause)
                if m.lastgroup and not clause[m.end() :].startswith(("精神", "人", "单位"))
            ]
            if not cues or not pending:
                continue
            for kind, cpos in cues:
                who = [p for p in pending if p[2] <= cpos]
                if not who:
                    continue
                role = {"chair": "chair", "attend": "attendee", "speak": "speaker"}[kind or ""]
                if role == "speaker":
                    who = _coordinated(sent.text, who)  # the subject just before the cue (A、B作表态发言)
                if role == "speaker" and cpos - who[0][2] > 40:
                    continue
                for n, s, e in who:
                    rule = f"event.{role}.cue"
                    meeting.roles.append((n, role, sent.start + s, sent.start + e, rule))
            pending = []


_CUES: dict[int, re.Pattern[str]] = {}


def _cue_re(lex: Lexicon) -> re.Pattern[str]:
    """The chair, attend and speak cue words, each kind a named group."""
    if id(lex) not in _CUES:
        _CUES[id(lex)] = re.compile(
            "|".join(
                f"(?P<{k}>{'|'.join(re.escape(w) for w in lex.cues[k])})"
                for k in ("chair", "attend", "speak")
            )
        )
    return _CUES[id(lex)]


def _coordinated(sentence: str, who: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The last name before a cue, with the names joined to it by 、/和/及 and nothing else."""
    out = [who[-1]]
    for prev in reversed(who[:-1]):
        between = sentence[prev[2] : out[0][1]]
        # 、 or 和 and at most the next person's posts (牟定县委书记胡菲坚、武定县委书记蔡云作表态发言)
        if _COORDINATION.fullmatch(between):
            out.insert(0, prev)
        else:
            break
    return out


def _meeting_for(meetings: list[EventMention], pos: int) -> EventMention | None:
    before = [m for m in meetings if m.start <= pos]
    return max(before, key=lambda m: m.start) if before else None


def find_inspections(
    doc: Document, ctx: PlaceContext, meta: Meta, bodies: list[BodyMention]
) -> tuple[list[EventMention], list[AssignmentMention]]:
    """Inspection-team assignments (进驻, 下沉, 反馈, 移交, 迎接…督察) and the inspections they make."""
    text = doc.text
    events: list[EventMention] = []
    assigns: list[AssignmentMention] = []
    teams = [b for b in bodies if b.kind == "inspection_team"]
    province = ctx.resolve_level("省") or ctx.resolve_level("自治区")
    for sent in doc.sentences:
        here = [t for t in teams if sent.start <= t.start < sent.end]
        if not here:
            continue
        team = here[0]
        after = text[team.end : sent.end]
        for rx, what, conf in (
            (_ARRIVE, "进驻督察", 0.9),
            (_SINK, "下沉督察", 0.85),
            (_FEEDBACK, "反馈", 0.8),
            (_HANDOVER, "移交", 0.8),
        ):
            for m in rx.finditer(after):
                cue = team.end + m.start()
                target = _target_after(text, cue, sent.end, ctx) or _we_target(text[cue : sent.end], ctx)
                if what in ("下沉督察", "反馈") or target is None:
                    # 到攀枝花开展下沉督察, 向河北省反馈, 对我省开展督察: the place comes before the cue
                    target = _target_before(text, cue, team.end, ctx) or target
                if target is None and what in ("反馈", "移交") and ctx.focal is not None:
                    target = ctx.focal.name
                if target is None:
                    continue
                if what == "移交":
                    what = "移交问题"
                _add_assign(
                    assigns,
                    AssignmentMention(
                        team.name, target, what, team.start, team.end + m.end(), f"assign.{what}", conf
                    ),
                )
        before = text[max(sent.start, team.start - 4) : team.start]
        if (
            _RECEIVE.search(before)
            and ctx.focal is not None
            and not any(a.source == team.name for a in assigns)
        ):
            _add_assign(
                assigns,
                AssignmentMention(
                    team.name, ctx.focal.name, "督察", team.start, team.end, "assign.receive", 0.6
                ),
            )
    # the inspection itself: when a team acts on a place, or a named round is mentioned
    acted = [a for a in assigns if a.rule != "assign.receive"]
    campaigns = list(_CAMPAIGN.finditer(text))
    named_round = [m for m in campaigns if m.group(1)]
    if (acted or named_round) and campaigns:
        pick = named_round[0] if named_round else _most_common(campaigns)
        name = (pick.group(1) or "") + pick.group(2)
        loc = None
        arrive = [a for a in acted if a.what == "进驻督察"]
        if arrive:
            loc = arrive[0].target
        elif province is not None:
            loc = province.name
        year = meta.year or (int(meta.date[:4]) if meta.date and meta.date[:1].isdigit() else None)
        events.append(
            EventMention(
                name,
                "inspection",
                pick.start(),
                pick.end(),
                "event.inspection.campaign",
                0.8,
                str(year) if year else None,
                loc,
            )
        )
    for sent in doc.sentences:
        check = _CROSS_CHECK.search(sent.text)
        d = _DATED.search(sent.text) if check else None
        if check and d:
            date = event_date(sent.text[d.start() :], meta)
            loc = ctx.focal.name if ctx.focal is not None else None
            events.append(
                EventMention(
                    check.group(1),
                    "inspection",
                    sent.start + check.start(1),
                    sent.start + check.end(1),
                    "event.inspection.dated_check",
                    0.75,
                    date,
                    loc,
                )
            )
    return events, assigns


def _most_common(matches: list[re.Match[str]]) -> re.Match[str]:
    counts = Counter(m.group(2) for m in matches)
    top = counts.most_common(1)[0][0]
    return next(m for m in matches if m.group(2) == top)


def _target_after(text: str, pos: int, end: int, ctx: PlaceContext) -> str | None:
    """The place named right after 进驻/到/下沉 (within a few characters)."""
    for m in ctx.mentions:
        if pos <= m.start <= min(end, pos + 8):
            return m.division.name
    return None


def _target_before(text: str, pos: int, floor: int, ctx: PlaceContext) -> str | None:
    for m in reversed(ctx.mentions):
        if max(floor, pos - 12) <= m.start < pos and _TO_BEFORE.search(text[max(0, m.start - 1) : m.start]):
            return m.division.name
    return None


def find_tasks(doc: Document, ctx: PlaceContext, bodies: list[BodyMention]) -> list[AssignmentMention]:
    """Tasks given to a named body: ``协调联络小组要全面负责…``, ``省环保督察办及时汇总…``."""
    text = doc.text
    out: list[AssignmentMention] = []
    for b in bodies:
        if b.kind == "inspection_team":
            continue
        m = _TASK.match(text, b.end)
        if m is None:
            continue
        clause = _TASK_CLAUSE.match(text[m.start() :])
        if clause is None:
            continue
        what = _TASK_LEAD.sub("", clause.group())
        target = b.locality or (ctx.focal.name if ctx.focal is not None else None)
        if target is None:
            continue
        _add_assign(
            out,
            AssignmentMention(
                b.name, target, what, b.start, m.start() + len(clause.group()), "assign.task", 0.7
            ),
        )
    return out


def _we_target(chunk: str, ctx: PlaceContext) -> str | None:
    m = _WE.search(chunk[:20])
    if m:
        div = ctx.resolve_level(m.group(1))
        return div.name if div else None
    return None


def _add_assign(out: list[AssignmentMention], a: AssignmentMention) -> None:
    """One assignment per (from, to); further tasks between the same pair join its ``what``."""
    for o in out:
        if o.source == a.source and o.target == a.target:
            if a.what not in o.what.split("、"):
                o.what += "、" + a.what
            return
    out.append(a)


def find_notice(
    doc: Document, ctx: PlaceContext, meta: Meta, bodies: list[BodyMention]
) -> EventMention | None:
    """A notice whose title reads ``关于…的通知``; its issuers are the signatures at the end."""
    if not meta.title or not meta.title_span or not _NOTICE_TITLE.search(meta.title):
        return None
    issuers = [b.name for b in bodies if b.rule == "body.signature"]
    loc = ctx.focal.name if ctx.focal is not None else None
    start, end = meta.title_span
    return EventMention(
        meta.title,
        "notice",
        start,
        end,
        "event.notice.title",
        0.85,
        meta.date,
        loc,
        "、".join(issuers) or None,
    )
