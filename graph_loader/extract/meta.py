"""Article metadata: its own date, title, source, and bylines (who wrote it, not officials)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from graph_loader.extract.persons import read_name
from graph_loader.extract.text import Document

_YMD = r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
# a labelled publication date: 发布日期:2017-08-22, 发布时间:, 时间:, 日期:
_LABELLED = re.compile(
    r"(?=[发更刊出成日时])"  # a prefilter on the first character, several times faster
    r"(?<!抓取)(?<!采集)(?<!爬取)(?<!入库)(?<!访问)(?<!下载)(?<!生成)(?:发布|发表|更新|刊发|出版|成文)?(?:日期|时间)\s*[:：]\s*"
    + _YMD
)
# a crawler's stamp, never the article's date
_CRAWL = re.compile(r"(?:抓取|采集|爬取|入库|访问|下载)(?:时间|日期)")
_STAMP = re.compile(_YMD + r"\s+\d{1,2}:\d{2}")
_ANY_YMD = re.compile(_YMD)
_WEEKDAY = re.compile(r"星期[一二三四五六日天]|周[一二三四五六日]")
# `信息来源|来源`, not `(?:信息)?来源`: words to choose from at the start are found much faster
_SOURCE = re.compile(r"(?:信息来源|来源)\s*[:：]\s*([^\s|]{2,30})")
_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日电")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_VAGUE = re.compile(r"^(?:日前|近日|近期|前不久|最近)")
_BYLINE_LABEL = re.compile(
    r"(?:责任编辑|编辑|审核|审校|校对|记者|通讯员|作者|供稿|撰稿|摄影|图/文|文/图)\s*[:：]?\s*"
)
_PAREN_BYLINE = re.compile(
    r"\((?:(?:记者|通讯员)\s*)?([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,5})\)"
)
_TRAILING_BYLINE = re.compile(r"([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,5})\)\s*$")
_DATELINE_END = re.compile(r"\d{1,2}月\d{1,2}日电\s*")
_PAREN_REPORTER = re.compile(r"\((?:记者|通讯员)\s*([\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,5})\)")
_HEADLINE_WORDS = re.compile(r"会议|会|督察|通知|通报|召开|部署|整改|推进|意见|方案|环保|生态|环境")
_SOURCE_END = re.compile(r"(?:发布|时间|日期|作者|编辑|点击|浏览)")
_ISSUER_END = re.compile(r"(?:办公厅|办公室|人民政府|委员会|领导小组|党委|局|厅|镇|乡)$")
_LINE_MONTH_DAY = re.compile(r"\s*(?:(?:19|20)\d\d年)?(\d{1,2})月(\d{1,2})日")
_LINE_YEAR = re.compile(r"\s*((?:19|20)\d\d)年")
_HAN_2_4 = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,5}")
_VAGUE_AFTER_COMMA = re.compile(r"[,，](?:日前|近日)")


@dataclass
class Meta:
    """Metadata values with the span each came from."""

    date: str | None = None
    date_span: tuple[int, int, str] | None = None
    pub_date: tuple[int, int, int] | None = None
    year: int | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    source: str | None = None
    source_span: tuple[int, int] | None = None
    bylines: list[tuple[str, int, int, str]] | None = None


def _iso(y: int | None, m: int, d: int | None) -> str:
    if y is None:
        return f"--{m:02d}-{d:02d}" if d else f"--{m:02d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= 31


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def stated_year(text: str) -> int | None:
    """The year the article itself states most often (``2017年底前`` → 2017), if any."""
    years = [int(y) for y in _YEAR.findall(text) if 1990 <= int(y) <= 2100]
    if not years:
        return None
    counts = Counter(years).most_common()
    return counts[0][0]


def extract_meta(doc: Document) -> Meta:
    """Find the article's date, title, source and bylines.

    The date is the printed publication date when one is labelled (``发布日期:``, a ``来源`` line
    with a date); otherwise the dateline (``6月11日电``) or the date opening the first paragraph,
    completed with the year the article states, else ``--MM-DD``. A bare page date line with a
    weekday (``2024年09月03日 星期二``) is a site's date line, not the article's.
    """
    text = doc.text
    meta = Meta()
    lines = _lines(text)
    header_end = _find_header(meta, lines)
    meta.year = stated_year(text)
    if meta.pub_date:
        meta.year = meta.pub_date[0]
    if meta.date is None:
        _signed_date(meta, lines)
    if meta.date is None:
        _body_date(meta, text, lines)
    _title(meta, lines, header_end)
    meta.bylines = _bylines(text, lines)
    return meta


def _find_header(meta: Meta, lines: list[tuple[int, int, str]]) -> int:
    """Read labelled metadata lines; return the index of the first metadata line (or -1)."""
    first_meta = -1
    for idx, (start, _end, line) in enumerate(lines[:40]):
        src = _SOURCE.search(line)
        if src and meta.source is None:
            value = src.group(1)
            value = _SOURCE_END.split(value)[0]
            meta.source = value
            meta.source_span = (start + src.start(1), start + src.start(1) + len(value))
            first_meta = idx if first_meta < 0 else first_meta
        if meta.date is not None:
            continue
        if _CRAWL.search(line):
            continue
        m = _LABELLED.search(line)
        if m is None and src is not None:
            m = _ANY_YMD.search(line)  # 2021年06月11日 15:18 来源:中新网四川
        if m is None and idx < 6:
            m = _STAMP.search(line)  # 浦江新闻网 2017-08-23 07:50:12
        if m is None:
            continue
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(mo, d):
            meta.pub_date = (y, mo, d)
            meta.date = _iso(y, mo, d)
            meta.date_span = (start + m.start(), start + m.end(), "date.published")
            first_meta = idx if first_meta < 0 else first_meta
    return first_meta


def _signed_date(meta: Meta, lines: list[tuple[int, int, str]]) -> None:
    """A notice signed at its end: the date line under the issuers' names."""
    tail = [(s, e, ln) for s, e, ln in lines if ln.strip()][-6:]
    for k, (start, _end, line) in enumerate(tail):
        m = _ANY_YMD.fullmatch(line.strip())
        if m and k > 0 and _ISSUER_END.search(tail[k - 1][2].strip()):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if _valid(mo, d):
                off = start + line.index(m.group())
                meta.pub_date = (y, mo, d)
                meta.date = _iso(y, mo, d)
                meta.date_span = (off, off + len(m.group()), "date.signed")
                return


def _body_date(meta: Meta, text: str, lines: list[tuple[int, int, str]]) -> None:
    """No labelled date: take the dateline or the date that opens a body paragraph."""
    m = _DATELINE.search(text) if "日电" in text else None
    if m and _valid(int(m.group(1)), int(m.group(2))):
        mo, d = int(m.group(1)), int(m.group(2))
        meta.date = _iso(meta.year, mo, d)
        meta.date_span = (m.start(), m.end(), "date.dateline")
        return
    for start, _end, line in lines:
        if (_WEEKDAY.search(line) and len(line) < 30) or _CRAWL.search(line):
            continue  # a page's date line, a crawler's stamp
        full = _ANY_YMD.match(line)
        if full and len(line) <= 24:
            continue  # a bare date line above the article: not reliably the article's
        m = _LINE_MONTH_DAY.match(line)
        if m and _valid(int(m.group(1)), int(m.group(2))):
            y_m = _LINE_YEAR.match(line)
            year = int(y_m.group(1)) if y_m else meta.year
            meta.date = _iso(year, int(m.group(1)), int(m.group(2)))
            meta.date_span = (start + m.start(), start + m.end(), "date.first_paragraph")
            return


def _title(meta: Meta, lines: list[tuple[int, int, str]], header_end: int) -> None:
    """The headline: a short line without sentence punctuation near the top."""
    limit = header_end if header_end > 0 else min(len(lines), 8)
    window = list(enumerate(lines[:limit]))
    if header_end >= 0:
        window += list(enumerate(lines[header_end + 1 : header_end + 4], start=header_end + 1))
    best: tuple[int, int, int, str] | None = None
    for idx, (start, end, line) in window:
        s = line.strip()
        if not (8 <= len(s) <= 60) or s[-1] in "。,;:" or _ANY_YMD.match(s) or "来源" in s:
            continue
        score = 2 * len(_HEADLINE_WORDS.findall(s)) - abs(idx - max(header_end, 0))
        if best is None or score > best[0]:
            best = (score, start, end, s)
    if best is not None:
        meta.title = best[3]
        meta.title_span = (best[1], best[2])


def _bylines(text: str, lines: list[tuple[int, int, str]]) -> list[tuple[str, int, int, str]]:
    out: list[tuple[str, int, int, str]] = []

    def add_names(chunk: str, offset: int, rule: str) -> None:
        for m in _HAN_2_4.finditer(chunk):
            got = read_name(chunk, m.start())
            if got is not None and got[1] == m.end() and all(n != got[0] for n, *_ in out):
                out.append((got[0], offset + m.start(), offset + m.end(), rule))

    for start, _end, line in lines:
        for m in _BYLINE_LABEL.finditer(line):
            after = line[m.end() :]
            names = _NAME_RUN.match(after)
            if names:
                add_names(names.group(), start + m.end(), "byline.label")
        dl = _DATELINE_END.search(line) if "日电" in line else None
        if dl:
            p = _PAREN_BYLINE.match(line, dl.end())
            if p:
                add_names(p.group(1), start + p.start(1), "byline.dateline")
        # the cheap test first: the pattern is slow, and most lines have no unbalanced `)`
        tail = _TRAILING_BYLINE.search(line) if line.count(")") > line.count("(") else None
        if tail and "(" not in line[max(0, tail.start() - 1) : tail.start()]:
            add_names(tail.group(1), start + tail.start(1), "byline.trailing")
        p2 = _PAREN_REPORTER.search(line)
        if p2:
            add_names(p2.group(1), start + p2.start(1), "byline.paren")
    return out


def event_date(sentence: str, meta: Meta) -> str | None:
    """Date of an event from its sentence: ``8月21日`` completed with the article's year.

    ``日前/近日`` give the publication's year and month without a day.
    """
    m = _MONTH_DAY.search(sentence) if "月" in sentence else None
    if m and _valid(int(m.group(1)), int(m.group(2))):
        y_m = re.search(r"((?:19|20)\d\d)年" + re.escape(m.group()), sentence)
        year = int(y_m.group(1)) if y_m else meta.year
        return _iso(year, int(m.group(1)), int(m.group(2)))
    if (_VAGUE.search(sentence.lstrip()) or _VAGUE_AFTER_COMMA.search(sentence)) and meta.pub_date:
        return _iso(meta.pub_date[0], meta.pub_date[1], None)
    return None
