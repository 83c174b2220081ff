"""The page around an article's text: the date rule (printed stamp, dateline or none), site chrome
(site name, navigation, breadcrumbs, share bars, previous/next and related links, copyright, spam, crawl
stamps), bylines, duplicated bodies and the noise of :mod:`~graph_loader.synth.noise`, then the gold."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from graph_loader.synth.base import LAST_DAY, ArticleBase
from graph_loader.synth.draw import sample
from graph_loader.synth.lexicon import PROVINCE_ABBR, RELATED, SPAM, WEEKDAYS
from graph_loader.synth.noise import mojibake, traditional_ruby

DISCLAIMER = "（本文为虚构示例，文中人物均为虚构）"


class PageMixin(ArticleBase):
    """The finished page (:meth:`page`): the genre's text inside site chrome, with noise and the gold."""

    def page(self) -> tuple[str, dict[str, Any], str]:
        """The page text, the gold facts and the encoding."""
        rng = self.rng
        title, paras, sign = self.write()
        f = self.focal
        body_text = "".join(paras) + (sign or "")
        if not any(form in title + body_text for form in (f.name, f.prefix, f.short)):
            # the place must be named somewhere for 我县/县委 to mean it
            we = self.we()
            title = f.name + title.removeprefix(we) if title.startswith(we) else f.name + title
        years = {int(y) for y in re.findall(r"(20\d\d)年", body_text)} | {
            int(y) for y in re.findall(r"〔(20\d\d)〕", body_text)
        }
        if years and years != {self.date.year} and self.notice_date is None:
            self.needs_pub = True
        notice = self.notice_date is not None
        r = rng.random()
        if self.needs_pub or r < 0.62:
            dating = "printed"
        elif r < 0.8 and not notice:
            dating = "dateline"
        else:
            dating = "none"
        pub = self.date + dt.timedelta(days=rng.choice((0, 1, 1, 1, 2, 3)) if self.day_known else 0)
        if pub.year != self.date.year or pub > LAST_DAY + dt.timedelta(days=3):
            pub = self.date
        if not self.day_known:
            pub = self.date + dt.timedelta(days=rng.randint(1, 4))
            if pub.year != self.date.year:
                pub = self.date
        year_known = dating == "printed" or bool(years)
        if dating == "printed":
            gold_date = pub.isoformat()
            note = "printed publication date"
        elif dating == "dateline":
            gold_date = pub.isoformat() if year_known else pub.strftime("--%m-%d")
            note = "dateline date" + ("" if year_known else ", no year in the text")
        else:
            main = self.notice_date or self.date
            gold_date = main.isoformat() if year_known else main.strftime("--%m-%d")
            note = ("notice signing date" if notice else "event date") + (
                "" if year_known else ", no year in the text"
            )
        # -- bylines and outlets
        journalists = self.w.journalists[f.province]
        reporters = sample(rng, journalists, rng.randint(1, 3))
        editor, checker = sample(rng, [j for j in journalists if j not in reporters], 2)
        lines: list[str] = []
        site = self._site_name()
        source = self._source_name()
        top: list[str] = []
        if rng.random() < 0.55:
            top.append(site)
            self.note("site_name")
        if rng.random() < 0.45:
            top.append(
                " | ".join(
                    [
                        "首页",
                        *sample(
                            rng,
                            [
                                "时政要闻",
                                "乡镇动态",
                                "部门动态",
                                "专题专栏",
                                "政务公开",
                                "视听",
                                "通知公告",
                                "图片新闻",
                            ],
                            4,
                        ),
                    ]
                )
            )
            self.note("nav")
        if rng.random() < 0.3:
            later = dt.date(rng.randint(2022, 2025), rng.randint(1, 12), rng.randint(1, 28))
            wd = WEEKDAYS[later.weekday()]
            top.append(
                rng.choice(
                    (
                        f"{later.year}年{later.month:02d}月{later.day:02d}日 星期{wd}",
                        f"今天是：{later.year}年{later.month}月{later.day}日 星期{wd}",
                    )
                )
            )
            self.note("site_date_line")
        if rng.random() < 0.45:
            top.append(
                rng.choice(
                    (
                        "当前位置：首页 > 时政要闻 > 正文",
                        "首页 > 新闻中心 > 本地新闻",
                        "您现在的位置: 首页 > 要闻动态",
                        "首页 > 政务公开 > 通知公告",
                    )
                )
            )
            self.note("breadcrumb")
        lines.extend(top)
        if top:
            lines.append("")
        lines.append(title)
        byline_names: list[str] = []
        meta = ""
        if dating == "printed":
            stamp = rng.randrange(4)
            hm = f"{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}"
            if stamp == 0:
                meta = f"发布时间：{pub.isoformat()} {hm}　来源：{source}"
            elif stamp == 1:
                meta = f"发布日期：{pub.isoformat()}　　信息来源：{source}"
            elif stamp == 2:
                meta = f"{pub.year}年{pub.month:02d}月{pub.day:02d}日 {hm} 来源：{source}"
                if rng.random() < 0.5:
                    meta += f" 编辑：{editor}"
                    byline_names.append(editor)
            else:
                meta = f"{pub.isoformat()} {hm}:{rng.randint(10, 59)}　来源：{source}"
            if rng.random() < 0.4:
                meta += f"　浏览次数：{rng.randint(100, 5000)}"
            lines.append(meta)
        elif rng.random() < 0.3:
            lines.append(f"来源：{source}")
        if rng.random() < 0.3:
            lines.append("【字体：大 中 小】　【打印本页】　【关闭窗口】")
            self.note("font_bar")
        lines.append("")
        indent = rng.choice(("　　", "　　", "  ", ""))
        body_lines: list[str] = []
        lead = ""
        if dating == "dateline":
            outlet = self._dateline_outlet()
            byl = " ".join(reporters)
            if rng.random() < 0.5:
                byl = "记者 " + byl
                if rng.random() < 0.5:
                    extra = rng.choice(
                        [j for j in journalists if j not in reporters and j not in (editor, checker)]
                    )
                    byl += f" 通讯员 {extra}"
                    byline_names.extend(reporters)
                    byline_names.append(extra)
                else:
                    byline_names.extend(reporters)
            else:
                byline_names.extend(reporters)
            lead = f"{outlet}{pub.month}月{pub.day}日电（{byl}）"
            self.note("dateline")
        elif rng.random() < 0.15 and self.genre not in ("leading_group", "accountability"):
            lead = f"本报讯（记者 {reporters[0]}）"
            byline_names.append(reporters[0])
        for k, p in enumerate(paras):
            text = lead + p if k == 0 else p
            body_lines.append(text if _is_header_line(text) else indent + text)
        lines.extend(body_lines)
        last_body = len(lines) - 1
        if sign:
            lines.append("")
            lines.extend(sign.split("\n"))
        tail: list[str] = []
        if rng.random() < 0.2:
            tail.append(mojibake(rng.choice(("　　（完）", "【字体：大 中 小】", "分享到："))))
            self.note("mojibake")
        if self.genre not in ("leading_group",) and not (sign and self.genre == "accountability"):
            style = rng.randrange(4)
            if style == 0 and not byline_names:
                if rng.random() < 0.5:
                    tail.append(f"（通讯员 {' '.join(reporters)}）")
                else:  # at the end of the last paragraph, as on seed 000
                    body_lines[-1] += f"（记者 {' '.join(reporters)}）"
                    lines[last_body] = body_lines[-1]
                byline_names.extend(reporters)
            if style in (1, 2):
                tail.append(f"责任编辑：{editor}　审核：{checker}")
                byline_names.extend(x for x in (editor, checker) if x not in byline_names)
            elif style == 3 and rng.random() < 0.5:
                spaced = editor if len(editor) != 2 else editor[0] + " " + editor[1]
                tail.append(f"(完)\n【编辑：{spaced}】")
                if editor not in byline_names:
                    byline_names.append(editor)
        lines.extend(tail)
        # -- duplicate body (as pasted twice)
        if rng.random() < 0.12 and len(body_lines) > 2:
            start = rng.randint(0, 1)
            lines.extend(body_lines[start:])
            self.note("duplicate_body")
        lines.extend(self._footer())
        text = "\n".join(lines) + "\n"
        if rng.random() < 0.04:
            text = text.replace("。", "。&nbsp;", 1).replace("\n" + indent, "\n&nbsp;&nbsp;", 1)
            self.note("nbsp")
        if rng.random() < 0.18:
            text = traditional_ruby(text, rng)
            self.note("traditional_ruby")
        text += DISCLAIMER + "\n"
        encoding = "utf-8"
        if rng.random() < 0.04:
            encoding = "gb18030"
            self.note("gb18030")
        self.bylines = list(dict.fromkeys(byline_names))
        gold = self._gold(gold_date, note, year_known)
        return text, gold, encoding

    def _footer(self) -> list[str]:
        rng = self.rng
        f = self.focal
        out: list[str] = []
        if rng.random() < 0.3:
            out.append(
                "分享到："
                + rng.choice(("微信 微博 QQ空间", "微信 | 微博 | 复制链接", "微信好友 朋友圈 QQ空间"))
            )
            self.note("share_bar")
        if rng.random() < 0.25:
            out.append(f"上一篇：{rng.choice(RELATED).format(s=f.short, w=f.word)}")
            out.append(f"下一篇：{rng.choice(RELATED).format(s=f.short, w=f.word)}")
            self.note("prev_next")
        if rng.random() < 0.25:
            out.append("相关文章：")
            for t in sample(rng, RELATED, 3):
                d = self.date - dt.timedelta(days=rng.randint(5, 700))
                out.append(f"· {t.format(s=f.short, w=f.word)}　{d.isoformat()}")
            self.note("related_links")
        if rng.random() < 0.4:
            abbr = PROVINCE_ABBR.get(f.province[:2], "京")
            out.append(f"版权所有：{self._source_name()}　{abbr}ICP备{rng.randint(10_000_000, 99_999_999)}号")
            self.note("copyright")
        if rng.random() < 0.06:
            out.append(rng.choice(SPAM))
            self.note("spam")
        if rng.random() < 0.05:
            out.append("?" * rng.randint(4, 16))
            self.note("question_marks")
        if rng.random() < 0.12:
            crawl = self.date + dt.timedelta(days=rng.randint(200, 2000))
            out.append(
                f"抓取时间：{crawl.isoformat()} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
            )
            self.note("crawl_stamp")
        return out

    def _site_name(self) -> str:
        f = self.focal
        if f.level == "township":
            c = self.parent_place(f)
            assert c is not None
            return f"{c.name}人民政府网"
        return self.rng.choice((f"{f.short}新闻网", f"{f.name}人民政府", f"{f.short}发布"))

    def _source_name(self) -> str:
        f = self.focal
        if f.level == "township":
            return f.name
        if f.level == "county":
            return self.rng.choice((f"{f.name}融媒体中心", f"{f.name}人民政府办公室", f"{f.short}新闻网"))
        return self.rng.choice((f"{f.short}日报", f"{f.name}人民政府", f"{f.short}新闻网"))

    def _dateline_outlet(self) -> str:
        prov = self.province()
        if self.focal.level == "province" and self.genre == "campaign":
            return self.rng.choice(("新华社北京", "中国环境网"))
        return self.rng.choice((f"{prov.short}日报讯 ", f"中新网{prov.short}新闻", f"{self.focal.short}融媒"))


def _is_header_line(text: str) -> bool:
    return text.endswith("号") and "〔" in text or text.endswith("：") and len(text) < 80
