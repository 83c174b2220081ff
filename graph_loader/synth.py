"""Deterministic synthetic corpus of environmental-inspection articles, with ground-truth facts.

**What it is for.** A *sanity check* of the extractor at scale: thousands of articles whose facts are
known exactly, so that a change in the extractor (or in this generator) that breaks a whole pattern shows
up as a drop in the shared scorer's numbers. **It is not a substitute for real articles**: the wording
comes from a few dozen templates written for this module, the world is invented, and an extractor tuned
on it learns these templates, not the genre. Quality is measured on the real seeds and on the hand-written
corpus in ``tests/corpus``; this corpus only catches drift.

**The world.** :func:`generate` and :func:`iter_articles` build, once per seed, a small consistent world:
ten real provinces (from ``lexicons/divisions.tsv``), three real prefectures in each, two real counties
(districts, county-level cities, banners) under each prefecture (four districts for a municipality), and
two invented townships (镇/乡/街道, with plausible names that are not division names) in each county: about
200 places and 6,000 officials. Every locality has a set of posts
(县委书记, 县委副书记、县长, 县委常委、常务副县长, 县委常委、政法委书记, 县生态环境局局长, 镇党委书记, …),
each held by a chain of invented officials for spans of three to seven years up to 2025, with the
reforms of the period (纪委书记 gains 监委主任 in 2018, 环保局 becomes 生态环境局 or a city bureau's 分局 in
2019, 农业局 becomes 农业农村局) and some promotions (常务副县长 → 县长 → 县委书记). Names are Han names
(surnames from ``lexicons/surnames.txt``, compound surnames included) and a few minority names (Uyghur
names with ``·``, Mongolian names); no name contains a division name. Central inspection teams follow a
calendar of rounds and batches loosely modelled on the public one (试点, 第一轮 four batches, “回头看”,
第二轮, 第三轮); batch membership after 2021 is illustrative only. Each team has an invented 组长 and 副组长.
All persons are fictional; places are real divisions with their real hierarchy.

**Articles.** Article ``i`` of seed ``s`` depends on ``random.Random(s * 1_000_003 + i)`` and the world
only, so it can be produced without the articles before it, and memory stays flat for any corpus size.
Genres (several templates each, with random choices inside): mobilization / advance / dispatch meetings
(``meeting``), leading-group notices with rosters, offices and working groups (``leading_group``), a team's
mobilization meeting at the province (``arrival``), 下沉督察 with 交办信访件 and a dispatch meeting
(``sinking``), the team's feedback meeting (``feedback``), rectification meetings after the feedback
(``remediation``), discipline-commission accountability notices (``accountability``) and batch launch
reports (``campaign``). Dates run from 2016 to 2024 and are printed in the ways real pages print them:
publication stamps, datelines (``天山网5月10日电``), bare ``X月X日`` with the year stated elsewhere or not at
all, notice signing dates.

**Noise** (each with a probability per article, recorded in the gold's ``synth.noise``): traditional
characters (OpenCC ``s2tw``) with tone-marked pinyin (pypinyin) after a stable subset of characters, the
body pasted twice, site navigation and breadcrumbs, a site date line with its weekday, share bars, font
controls, previous/next links, related-links lists with other dates, copyright and ICP blocks, a spam line,
a crawl stamp, UTF-8-read-as-GBK mojibake, ``?`` runs, ``&nbsp;`` leftovers, names padded with spaces,
bylines (记者, 通讯员, 编辑, 审核), and a few files encoded in GB18030. Every article ends with the line
``（本文为虚构示例，文中人物均为虚构）`` like the rest of the invented corpus.

**Ground truth** is written in the shared document-facts format (``shared/eval/README.md``) and follows
its annotation rules and the corpus conventions of ``tests/corpus/README.md``: bylines are not persons;
stacked titles are split with the shared prefix carried over (alternatives given as role lists);
``市/县/区`` in a post is the article's place, while posts of other places are written with that place's
name; names under 县领导/市领导 have no posts; chair/attendees/speakers per rule 6; localities with their
parents from the gazetteer (townships under their county); bodies and ``parent`` only as the text states;
assignments for 进驻/下沉/交办/反馈 and for tasks given to named groups; the article date by the seed rule.
Extra keys (``date_note``, ``synth``) are ignored by the scorer. Popular places publish more, so the
same officials recur across articles with the same posts, which exercises cross-document resolution.

**Speed.** About 2,800 articles/s in memory on one core (``iter_articles``); :func:`generate` writes two
files per article and is bound by file creation (about 1,900/s on tmpfs, 100,000 articles in under a
minute).

**Layout** written by :func:`generate`::

    OUT/articles/<file>          one article per file (UTF-8; ``*.gb18030.txt`` in GB18030)
    OUT/gold/<file stem>.json    its facts (``python shared/eval/score.py --gold OUT/gold --pred …``)
    OUT/manifest.json            the :class:`SynthReport` counts

Example
-------
>>> from graph_loader.synth import iter_articles
>>> name, text, gold = next(iter_articles(1, seed=7))
>>> gold["doc"] == name and text.endswith("（本文为虚构示例，文中人物均为虚构）\\n")
True
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import os
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, cast

from graph_loader.gazetteer import Division, Gazetteer

__all__ = ["GENRES", "SynthReport", "generate", "iter_articles", "world_size"]

GENRES: tuple[str, ...] = (
    "meeting",
    "leading_group",
    "arrival",
    "sinking",
    "feedback",
    "remediation",
    "accountability",
    "campaign",
)
_GENRE_WEIGHTS = (26, 16, 7, 12, 7, 12, 13, 7)
_GENRE_LEVELS: dict[str, tuple[tuple[str, int], ...]] = {
    "meeting": (("county", 60), ("prefecture", 28), ("township", 12)),
    "leading_group": (("county", 60), ("township", 25), ("prefecture", 15)),
    "arrival": (("province", 1),),
    "sinking": (("prefecture", 55), ("county", 45)),
    "feedback": (("province", 1),),
    "remediation": (("county", 55), ("prefecture", 45)),
    "accountability": (("county", 80), ("prefecture", 20)),
    "campaign": (("province", 1),),
}
DISCLAIMER = "（本文为虚构示例，文中人物均为虚构）"
_FIRST_DAY = dt.date(2016, 1, 2)
_LAST_DAY = dt.date(2024, 12, 28)

# ------------------------------------------------------------------------------------------- lexicon


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_GIVEN = (
    "建国华明军伟平志强海文东林晓丽红玉春秀英敏静芳燕霞涛斌波辉宇航峰刚杰磊鹏超勇毅俊荣庆祥福德振宏光"
    "远成云飞龙永学昌胜金宝忠诚良卫民梅兰萍洁琳婷雪颖慧佳欣娟莉艳凤桂珍玲青亮晨冬立思仁天元泽清源泰"
    "辰凯嘉睿博武彬滨鑫瑞露菲倩蕾晶莹璐琪瑶丹彤蓉霖松柏涵轩浩怡梓跃锋耀琦鸿坤鹤岚巍峻崇焕炜烨煜炳"
    "坚勤朝晖旭升继向银春秋海洋兵益增顺达钦铭锦豪"
)
_GIVEN_CHARS: tuple[str, ...] = tuple(dict.fromkeys(_GIVEN))
_UYGHUR_FIRST = _words(
    "阿不来提 艾尔肯 买买提 热合曼 努尔兰 库尔班 帕尔哈提 依明 阿依古丽 玛依拉 古丽娜尔 迪丽拜尔 热依拉 努尔古丽 阿迪力 麦麦提"
)
_UYGHUR_SECOND = _words("吐尔洪 吐尔逊 艾买提 阿布都 肉孜 司马义 托乎提 卡德尔 热西提 玉素甫")
_MONGOL = _words("巴特尔 额尔敦 朝鲁 乌力吉 苏和 敖登 那顺 其其格 格日勒 孟和 宝音 满都拉 图雅 斯琴")
_COMPOUND_OK = _words("欧阳 司马 上官 诸葛 东方 皇甫 公孙 慕容 司徒 夏侯 令狐 呼延 端木 申屠 南宫 尉迟")
_TOWN_A = "东西南北大小上新老石龙马青白黄高柳桃杨云凤金双花枫梅竹松塔沙罗官"
_TOWN_B = "田门泉山坪桥溪塘口岭岗湾庙铺堡集坝林园店寨峪洼庄营头滩"
_NUM = "〇一二三四五六七八九十"
_WEEKDAYS = "一二三四五六日"
_PROVINCE_ABBR = {
    x[:2]: x[2:]
    for x in _words(
        "11京 12津 13冀 14晋 15蒙 21辽 22吉 23黑 31沪 32苏 33浙 34皖 35闽 36赣 37鲁 41豫 "
        "42鄂 43湘 44粤 45桂 46琼 50渝 51蜀 52黔 53滇 54藏 61陕 62陇 63青 64宁 65新"
    )
}

_WORKING_GROUPS: tuple[tuple[str, str], ...] = (
    ("综合协调组", "负责迎检工作的综合协调、材料汇总和信息报送，做好与督察组的日常对接"),
    ("案件办理组", "负责督察组交办信访件的接收、转办、督办和办结情况汇总"),
    ("督查督办组", "负责对各单位迎检工作和问题整改情况开展督查，对工作不力的提出问责建议"),
    ("宣传舆情组", "负责督察期间信息公开、舆情监测处置和整改成效宣传报道"),
    ("后勤保障组", "负责督察期间的车辆、通讯、办公等后勤保障工作"),
    ("信访处理组", "负责督察组转办信访件的接收、核查、处理和回复，做到件件有记录、件件有结果"),
    ("问题整改组", "负责对历次督察反馈问题和自查发现问题建立台账，督促限期整改销号"),
    ("资料档案组", "负责迎检资料的收集、整理、归档和调阅服务"),
    ("现场督导组", "负责对重点区域、重点企业开展现场督导和明察暗访"),
    ("执法检查组", "负责组织开展环境执法检查，依法查处环境违法行为"),
    ("纪律监督组", "负责对迎检工作中的履职情况进行监督，严肃追责问责"),
    ("联络服务组", "负责与督察组的联络对接和服务保障"),
)

_CLAUSES = (
    "要切实提高政治站位，把迎检工作作为当前的头等大事来抓",
    "要聚焦问题抓整改，对已排查出的问题逐一建立台账，能立即整改的立行立改，不能立即整改的明确时限和措施",
    "要做好信访件办理，坚持件件有回音、事事有着落",
    "要严格责任追究，对工作不力、弄虚作假的单位和个人一律从严问责",
    "要坚持问题导向、目标导向、结果导向，以督察促整改、以整改促提升",
    "要压紧压实工作责任，严格落实“党政同责、一岗双责”",
    "要加大执法检查力度，严厉打击各类环境违法行为",
    "要加强信息公开和舆论引导，及时回应群众关切",
    "要建立问题、任务、责任三张清单，实行清单化管理、销号式推进",
    "要坚决防止“一刀切”和敷衍整改、表面整改、假装整改",
    "要统筹推进污染防治攻坚，持续改善生态环境质量",
    "要强化协调联动，确保督察期间联络畅通、调度有力",
    "要加快补齐污水收集处理设施短板，抓好畜禽养殖污染治理",
    "要认真梳理历次督察反馈问题整改情况，坚决防止问题反弹回潮",
)
_OPENERS = (
    "迎接督察既是一次全面“体检”，也是推动绿色发展的重大契机",
    "中央生态环境保护督察是党中央、国务院推进生态文明建设的一项重大制度安排",
    "做好迎检工作是一项严肃的政治任务",
    "生态环境问题是“国之大者”，各级各部门必须坚决扛起政治责任",
)
_PROBLEMS = (
    "木材加工企业违规露天焚烧废料问题监管不力",
    "畜禽养殖粪污直排问题整改推进不力",
    "督察组交办信访件办理不及时、回复不规范",
    "辖区企业超标排放问题查处不力",
    "河道非法采砂问题巡查不到位",
    "建筑垃圾乱堆乱放问题整治不力",
    "污水处理设施长期未正常运行问题督促不力",
    "砂石料场扬尘污染问题整改不到位",
)
_PUNISH = _words(
    "给予党内警告处分 对其进行诫勉谈话 给予党内严重警告处分 给予政务警告处分 责令其作出书面检查 给予政务记过处分"
)
_VENUES = ("委大会议室", "行政中心三楼会议室", "委常委会议室", "政府第一会议室")
_RELATED = (
    "{s}召开一季度经济形势分析会",
    "我{w}全面开展秸秆禁烧专项整治",
    "{s}开展河道“清四乱”专项行动",
    "{s}召开安全生产工作会议",
    "{s}部署冬春季森林防火工作",
    "我{w}启动农村人居环境整治提升行动",
    "{s}召开重点项目建设推进会",
    "{s}举办生态环境保护专题培训班",
)
_SPAM = (
    "代开各类发票 增值税专用发票 联系电话：13912345678 诚信经营",
    "福彩3D今日推荐号码 稳赚不赔 加QQ：2875641103",
    "【推广】正规发票代开 全国通用 微信：fp8866",
    "时时彩 高返点 注册送彩金 www.cp-8899.com",
)
_RUBY_CHARS = (
    "环会县区进驻开动组问题务项导领责报关护办强调员协检决实时确视级统华书记议东阳晓国涛乡镇轮划间广党"
    "们与从请讲话达习学闻页专栏体电访讯号贯彻质污资处门对这将还发经结现单标态监"
)


def _sample(rng: random.Random, seq: Sequence[Any], k: int) -> list[Any]:
    """``k`` distinct items of ``seq`` in random order (a partial shuffle; cheaper than ``Random.sample``)."""
    pool = list(seq)
    n = len(pool)
    for i in range(min(k, n)):
        j = i + int(rng.random() * (n - i))
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:k]


def _weighted(rng: random.Random, items: Sequence[str], weights: Sequence[int]) -> str:
    r = rng.random() * sum(weights)
    for item, w in zip(items, weights, strict=True):
        r -= w
        if r < 0:
            return item
    return items[-1]


def _cn_num(n: int) -> str:
    """Chinese numeral for 1..99 (第十二)."""
    if n <= 10:
        return _NUM[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUM[tens]) + "十" + (_NUM[ones] if ones else "")


# ------------------------------------------------------------------------------------------- world


class RolePart(NamedTuple):
    """One post in a stacked title, as written at its own place (``县委常委``, ``宣传部部长``, ``县长``).

    ``alts`` are the gold role forms (first is canonical); ``head`` marks government-head titles that keep
    their level word in a stack (县长, 副县长); ``fixed`` marks posts written in full with no locality
    (``湖州市生态环境局安吉分局局长``).
    """

    text: str
    alts: tuple[str, ...]
    head: bool = False
    fixed: bool = False


@dataclass(frozen=True)
class Place:
    """A locality of the world: a real division, or an invented township under a real county."""

    key: str
    name: str
    level: str
    word: str
    prefix: str
    short: str
    parent: str | None
    province: str
    code: str

    @property
    def party(self) -> str:
        """The party committee as a post prefix: 县委, 自治区党委, 镇党委, 街道党工委."""
        if self.word in ("镇", "乡"):
            return self.word + "党委"
        if self.word == "街道":
            return "街道党工委"
        if self.word == "自治区":
            return "自治区党委"
        return self.word + "委"


class Tenure(NamedTuple):
    """One official holding one slot's posts from ``start`` to ``end`` (months since year 0)."""

    person: int
    start: int
    end: int
    roles: tuple[RolePart, ...]


@dataclass(frozen=True)
class Campaign:
    """One batch of central inspection: its provinces, start date and teams."""

    round: str
    batch: str
    start: dt.date
    provinces: tuple[str, ...]
    leaders: tuple[tuple[int, int], ...]

    @property
    def eco(self) -> str:
        return "生态环境保护" if self.start.year >= 2019 else "环境保护"

    def team(self, province: str) -> str:
        if self.round == "试点":
            return "中央环境保护督察组"
        return f"中央第{_cn_num(self.provinces.index(province) + 1)}{self.eco}督察组"

    def insp(self) -> tuple[str, ...]:
        """Names of the inspection itself, longest first-used form first."""
        if self.round == "试点":
            return ("中央环境保护督察试点", "环境保护督察试点", "中央环境保护督察")
        if self.round == "回头看":
            return (
                "中央环境保护督察“回头看”",
                "中央环境保护督察回头看",
                f"{self.batch}中央环境保护督察“回头看”",
            )
        if self.round == "第一轮":
            return ("中央环境保护督察", f"{self.batch}中央环境保护督察")
        return (
            f"{self.round}{self.batch}中央生态环境保护督察",
            f"{self.round}中央生态环境保护督察",
            "中央生态环境保护督察",
        )

    def short_insp(self) -> str:
        """The form used inside meeting and group names."""
        if self.round in ("第二轮", "第三轮"):
            return f"{self.round}中央生态环境保护督察"
        if self.round == "回头看":
            return "中央环境保护督察“回头看”"
        return "中央环境保护督察"


# round, batch, start, provinces (short forms), in team order
_CALENDAR: tuple[tuple[str, str, tuple[int, int, int], str], ...] = (
    ("试点", "", (2016, 1, 4), "河北"),
    ("第一轮", "第一批", (2016, 7, 14), "内蒙古 黑龙江 江苏 江西 河南 广西 云南 宁夏"),
    ("第一轮", "第二批", (2016, 11, 24), "北京 上海 湖北 广东 重庆 陕西 甘肃"),
    ("第一轮", "第三批", (2017, 4, 24), "天津 山西 辽宁 安徽 福建 湖南 贵州"),
    ("第一轮", "第四批", (2017, 8, 7), "吉林 浙江 山东 海南 四川 西藏 青海 新疆"),
    ("回头看", "第一批", (2018, 6, 1), "河北 内蒙古 黑龙江 江苏 江西 河南 广东 广西 云南 宁夏"),
    ("回头看", "第二批", (2018, 10, 30), "山西 辽宁 吉林 安徽 山东 湖北 湖南 四川 贵州 陕西"),
    ("第二轮", "第一批", (2019, 7, 10), "上海 福建 海南 重庆 甘肃 青海"),
    ("第二轮", "第二批", (2020, 8, 30), "北京 天津 浙江"),
    ("第二轮", "第三批", (2021, 4, 6), "山西 辽宁 安徽 江西 河南 湖南 广西 云南"),
    ("第二轮", "第四批", (2021, 8, 25), "吉林 山东 湖北 广东 四川"),
    ("第二轮", "第五批", (2021, 12, 5), "黑龙江 贵州 陕西 宁夏 新疆"),
    ("第二轮", "第六批", (2022, 3, 30), "河北 江苏 内蒙古 西藏"),
    ("第三轮", "第一批", (2023, 11, 21), "福建 河南 海南 甘肃 青海"),
    ("第三轮", "第二批", (2024, 5, 21), "天津 内蒙古 黑龙江 湖北 广西"),
    ("第三轮", "第三批", (2024, 9, 3), "上海 江苏 江西 贵州 四川"),
)

_PROVINCE_SLOTS = ("secretary", "head", "deputy_sec", "exec_deputy", "vice_head", "congress", "cppcc", "env")
_PREFECTURE_SLOTS = (
    "secretary",
    "head",
    "deputy_sec",
    "exec_deputy",
    "discipline",
    "propaganda",
    "politics_law",
    "secretary_general",
    "vice_head",
    "vice_head2",
    "congress",
    "cppcc",
    "env",
)
_COUNTY_SLOTS = (
    "secretary",
    "head",
    "deputy_sec",
    "exec_deputy",
    "discipline",
    "propaganda",
    "organization",
    "politics_law",
    "party_office",
    "vice_head",
    "vice_head2",
    "congress",
    "congress_vice",
    "cppcc",
    "env",
    "env_deputy",
    "housing",
    "agri",
    "land",
    "gov_office",
)
_TOWNSHIP_SLOTS = ("secretary", "head", "vice_head", "discipline", "office", "congress")
_YM0 = 2015 * 12 + 6
_YM1 = 2025 * 12
_YM_SUPERVISION = 2018 * 12 + 2  # 监委 from March 2018
_YM_REFORM = 2019 * 12  # 生态环境局, 农业农村局, 自然资源局


def _ym(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _head_titles(p: Place) -> tuple[str, str, str]:
    """(head, deputy head, executive deputy head) titles of a place."""
    w = p.word
    if w == "自治区":
        return "自治区主席", "自治区副主席", "自治区常务副主席"
    if w == "街道":
        return "街道办事处主任", "街道办事处副主任", "街道办事处常务副主任"
    return w + "长", "副" + w + "长", "常务副" + w + "长"


def _part(text: str, *alts: str) -> RolePart:
    return RolePart(text, (text, *alts))


def _slot_roles(p: Place, slot: str, ym: int, branch: str | None) -> tuple[RolePart, ...]:
    """The stacked posts of a slot at a place, as they stand at month ``ym``."""
    w, party = p.word, p.party
    head, deputy, executive = _head_titles(p)
    if p.level == "township":
        discipline = "纪工委书记" if w == "街道" else "纪委书记"
        table: dict[str, tuple[RolePart, ...]] = {
            "secretary": (_part(party + "书记"),),
            "head": (_part(party + "副书记"), RolePart(head, (head, head.removeprefix("街道")), head=True)),
            "deputy_sec": (_part(party + "副书记"),),
            "vice_head": (
                _part(party + "委员"),
                RolePart(deputy, (deputy, deputy.removeprefix("街道")), head=True),
            ),
            "discipline": (_part(party + "委员"), _part(w + discipline, discipline)),
            "office": (_part(w + "党政办主任", "党政办主任", w + "党政办公室主任"),),
            "congress": (_part(w + ("人大工委主任" if w == "街道" else "人大主席")),),
        }
        return table[slot]
    reform = ym >= _YM_REFORM
    if slot == "secretary":
        return (_part(party + "书记"),)
    if slot == "head":
        return (_part(party + "副书记"), RolePart(head, (head,), head=True))
    if slot == "deputy_sec":
        return (_part(party + "副书记"),)
    if slot == "exec_deputy":
        return (_part(party + "常委"), RolePart(executive, (executive,), head=True))
    if slot in ("vice_head", "vice_head2"):
        return (RolePart(deputy, (deputy,), head=True),)
    if slot == "discipline":
        parts = [_part(party + "常委"), _part(w + "纪委书记", "纪委书记")]
        if ym >= _YM_SUPERVISION:
            parts.append(_part(w + "监委主任", "监委主任"))
        return tuple(parts)
    if slot in ("propaganda", "organization", "politics_law"):
        post = {
            "propaganda": "宣传部部长",
            "organization": "组织部部长",
            "politics_law": "政法委书记",
        }[slot]
        return (_part(party + "常委"), _part(post, party + post))
    if slot == "secretary_general":
        return (_part(party + "常委"), _part("秘书长", party + "秘书长"))
    if slot == "party_office":
        return (_part(party + "常委"), _part("办公室主任", party + "办公室主任", party + "办主任"))
    if slot == "congress":
        return (_part(w + "人大常委会主任"),)
    if slot == "congress_vice":
        return (_part(w + "人大常委会副主任"),)
    if slot == "cppcc":
        return (_part(w + "政协主席"),)
    if slot in ("env", "env_deputy"):
        chief = "局长" if slot == "env" else "副局长"
        if p.level == "province" and w != "市":
            dept = w + ("生态环境厅" if reform else "环境保护厅")
            return (_part(dept + chief.replace("局", "厅"), dept[len(w) :] + chief.replace("局", "厅")),)
        if reform and branch:
            return (RolePart(branch + chief, (branch + chief,), fixed=True),)
        if reform:
            bureau = w + "生态环境局"
            alts: tuple[str, ...] = (bureau[len(w) :] + chief,)
        else:
            bureau = w + "环保局"
            alts = (w + "环境保护局" + chief, "环保局" + chief)
        if slot == "env":
            return (_part(bureau + chief, *alts),)
        return (
            _part(bureau + "党组成员", bureau[len(w) :] + "党组成员"),
            _part("副局长", bureau + "副局长", *alts),
        )
    if slot == "housing":
        return (_part(w + "住房和城乡建设局局长", w + "住建局局长"),)
    if slot == "agri":
        return (_part(w + ("农业农村局局长" if reform else "农业局局长")),)
    if slot == "land":
        return (_part(w + ("自然资源局局长" if reform else "国土资源局局长")),)
    if slot == "gov_office":
        return (_part(w + "政府办公室主任", w + "政府办主任"),)
    raise KeyError(slot)


_ERA_SPLITS = {
    "discipline": (_YM_SUPERVISION,),
    "env": (_YM_REFORM,),
    "env_deputy": (_YM_REFORM,),
    "agri": (_YM_REFORM,),
    "land": (_YM_REFORM,),
}


class World:
    """The invented world of one seed: places, officials with their tenures, campaigns, journalists.

    Built by :func:`_world` (cached); everything is derived from the seed and the gazetteer.
    """

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.gaz = Gazetteer.load()
        rng = random.Random(seed * 7_919 + 104_729)
        self.places: list[Place] = []
        self.index: dict[str, int] = {}
        self.children: dict[int, list[int]] = {}
        self.branch: dict[int, str] = {}
        self._extra: dict[str, Place] = {}
        self.names: list[str] = []
        self._taken: set[str] = set()
        self._surnames, self._surname_cum = _surnames()
        self.tenures: dict[tuple[int, str], list[Tenure]] = {}
        self._starts: dict[tuple[int, str], list[int]] = {}
        self._build_places(rng)
        self._build_tenures(rng)
        self._build_campaigns(rng)
        self.journalists: dict[str, list[str]] = {
            p: [self._new_name(rng, p, minority=False) for _ in range(14)]
            for p in sorted({pl.province for pl in self.places})
        }
        self.by_level: dict[str, list[int]] = {}
        for i, pl in enumerate(self.places):
            self.by_level.setdefault(pl.level, []).append(i)
        self.level_cum: dict[str, list[float]] = {}
        for level, idx in self.by_level.items():
            rng.shuffle(idx)  # popularity rank: some places publish far more than others
            weights = [1.0 / (rank + 2) ** 0.8 for rank in range(len(idx))]
            cum, total = [], 0.0
            for wt in weights:
                total += wt
                cum.append(total)
            self.level_cum[level] = cum

    # ------------------------------------------------------------------------------------ places

    def place_of(self, d: Division) -> Place:
        """A :class:`Place` for any division (world places are returned as they are)."""
        i = self.index.get(d.code)
        if i is not None:
            return self.places[i]
        if d.code not in self._extra:
            self._extra[d.code] = _division_place(d, self.gaz)
        return self._extra[d.code]

    def _add(self, p: Place) -> int:
        self.index[p.key] = len(self.places)
        self.places.append(p)
        if p.parent is not None and p.parent in self.index:
            self.children.setdefault(self.index[p.parent], []).append(len(self.places) - 1)
        return len(self.places) - 1

    def _build_places(self, rng: random.Random) -> None:
        gaz = self.gaz
        camp_provinces = {s for *_, provs in _CALENDAR for s in provs.split()}
        provinces = [
            d
            for d in gaz
            if d.level == "province" and not d.historical and any(s in camp_provinces for s in d.short)
        ]
        provinces.sort(key=lambda d: d.code)
        for prov in sorted(rng.sample(provinces, 10), key=lambda d: d.code):
            self._add(_division_place(prov, gaz))
            prefs = [c for c in gaz.children(prov.code) if c.level == "prefecture" and _ok_prefecture(c)]
            if prefs:
                for pref in sorted(rng.sample(prefs, min(3, len(prefs))), key=lambda d: d.code):
                    pi = self._add(_division_place(pref, gaz))
                    counties = [c for c in gaz.children(pref.code) if _ok_county(c)]
                    for county in sorted(rng.sample(counties, min(2, len(counties))), key=lambda d: d.code):
                        self._add_county(rng, county, self.places[pi])
            else:
                counties = [c for c in gaz.children(prov.code) if _ok_county(c)]
                for county in sorted(rng.sample(counties, min(4, len(counties))), key=lambda d: d.code):
                    self._add_county(rng, county, None)

    def _add_county(self, rng: random.Random, county: Division, pref: Place | None) -> None:
        ci = self._add(_division_place(county, self.gaz))
        if pref is not None and pref.word == "市" and rng.random() < 0.5:
            stem = county.name if county.name.endswith("区") or len(county.name) <= 2 else county.name[:-1]
            self.branch[ci] = f"{pref.name}生态环境局{stem}分局"
        used: set[str] = set()
        for _ in range(2):
            while True:
                a, b = rng.choice(_TOWN_A), rng.choice(_TOWN_B)
                stem = a + b
                if a == b or stem in used or self.gaz.lookup(stem) or stem in county.name:
                    continue
                if any(self.gaz.forms_at(stem + "镇", k) for k in range(2)):
                    continue
                break
            used.add(stem)
            r = rng.random()
            word = "镇" if r < 0.72 else ("乡" if r < 0.9 else "街道")
            name = stem + word
            self._add(
                Place(
                    key=f"{county.code}:{name}",
                    name=name,
                    level="township",
                    word=word,
                    prefix=name,
                    short=stem,
                    parent=county.code,
                    province=self.places[ci].province,
                    code=county.code,
                )
            )

    # ------------------------------------------------------------------------------------- names

    def _new_name(self, rng: random.Random, province: str, minority: bool = True) -> str:
        while True:
            name = self._draw_name(rng, province if minority else "")
            if name in self._taken:
                continue
            if "·" not in name and any(self.gaz.forms_at(name, k) for k in range(len(name) - 1)):
                continue
            self._taken.add(name)
            return name

    def _draw_name(self, rng: random.Random, province: str) -> str:
        r = rng.random()
        if province == "650000" and r < 0.35 or province and r < 0.006:
            return rng.choice(_UYGHUR_FIRST) + "·" + rng.choice(_UYGHUR_SECOND)
        if province == "150000" and r < 0.12:
            return rng.choice(_MONGOL)
        if rng.random() < 0.04:
            surname = rng.choice(_COMPOUND_OK)
        else:
            surname = rng.choices(self._surnames, cum_weights=self._surname_cum)[0]
        if rng.random() < 0.18 and len(surname) == 1:
            return surname + rng.choice(_GIVEN_CHARS)
        a, b = rng.choice(_GIVEN_CHARS), rng.choice(_GIVEN_CHARS)
        return surname + a + (b if b != a or rng.random() < 0.3 else rng.choice(_GIVEN_CHARS))

    # ----------------------------------------------------------------------------------- tenures

    def _build_tenures(self, rng: random.Random) -> None:
        home: dict[int, str] = {}
        counter = [0]
        for pi, place in enumerate(self.places):
            slots = {
                "province": _PROVINCE_SLOTS,
                "prefecture": _PREFECTURE_SLOTS,
                "county": _COUNTY_SLOTS,
                "township": _TOWNSHIP_SLOTS,
            }[place.level]
            if place.word == "街道":
                slots = tuple(s for s in slots if s != "congress")
            chains: dict[str, list[list[Any]]] = {}
            for slot in slots:
                chains[slot] = _chain(rng, _ERA_SPLITS.get(slot, ()))
            for lower, upper in (("head", "secretary"), ("exec_deputy", "head")):
                if lower not in chains or upper not in chains:
                    continue
                for seg in chains[upper][1:]:
                    if seg[2] and rng.random() < 0.3:
                        low = chains[lower]
                        j = max((k for k, s in enumerate(low) if s[0] <= seg[0]), default=-1)
                        if j < 0:
                            continue
                        src = low[j]
                        if src[0] < seg[0] < src[1]:
                            low.insert(j + 1, [seg[0], src[1], True, None])
                            src[1] = seg[0]
                            seg[3] = src
            order = ["exec_deputy", "head", "secretary"] + [
                s for s in slots if s not in ("exec_deputy", "head", "secretary")
            ]
            for slot in order:
                if slot not in chains:
                    continue
                tenures: list[Tenure] = []
                prev: list[Any] | None = None
                for seg in chains[slot]:
                    if isinstance(seg[3], list):
                        pid = seg[3][4]
                    elif not seg[2] and prev is not None:
                        pid = prev[4]
                    else:
                        pid = counter[0]
                        counter[0] += 1
                        home[pid] = place.province
                    seg.append(pid)
                    prev = seg
                    roles = _slot_roles(place, slot, seg[0], self.branch.get(pi))
                    tenures.append(Tenure(pid, seg[0], seg[1], roles))
                self.tenures[(pi, slot)] = tenures
                self._starts[(pi, slot)] = [t.start for t in tenures]
        self.names = [self._new_name(rng, home[pid]) for pid in range(counter[0])]

    def holder(self, place: int, slot: str, ym: int) -> Tenure:
        """The tenure of ``slot`` at ``place`` in month ``ym``."""
        key = (place, slot)
        j = bisect.bisect_right(self._starts[key], ym) - 1
        return self.tenures[key][max(j, 0)]

    # --------------------------------------------------------------------------------- campaigns

    def _build_campaigns(self, rng: random.Random) -> None:
        central = []
        for _ in range(36):
            pid = len(self.names)
            self.names.append(self._new_name(rng, "", minority=False))
            central.append(pid)
        self.campaigns: list[Campaign] = []
        for rnd, batch, (y, m, d), provs in _CALENDAR:
            codes = []
            for s in provs.split():
                codes.append(next(x.code for x in self.gaz.lookup(s) if x.level == "province"))
            pairs = [rng.sample(central, 2) for _ in codes]
            leaders = tuple((a, b) for a, b in pairs)
            self.campaigns.append(Campaign(rnd, batch, dt.date(y, m, d), tuple(codes), leaders))
        self.camps_of: dict[str, list[int]] = {}
        for ci, camp in enumerate(self.campaigns):
            for code in camp.provinces:
                self.camps_of.setdefault(code, []).append(ci)

    def pick(self, level: str, rng: random.Random) -> int:
        """A place of ``level``, popular places more often."""
        cum = self.level_cum[level]
        return self.by_level[level][bisect.bisect_left(cum, rng.random() * cum[-1])]


def _chain(rng: random.Random, splits: tuple[int, ...]) -> list[list[Any]]:
    """Consecutive tenure segments ``[start, end, new_person, promoted_from]`` from 2011–2015 to 2025."""
    segs: list[list[Any]] = []
    t = _YM0 - rng.randrange(0, 48)
    while t < _YM1:
        end = t + rng.randint(40, 90)
        segs.append([t, end, True, None])
        t = end
    for s in splits:
        for k, seg in enumerate(segs):
            if seg[0] < s < seg[1]:
                segs.insert(k + 1, [s, seg[1], rng.random() >= 0.6, None])
                seg[1] = s
                break
    return segs


def _ok_prefecture(d: Division) -> bool:
    return not d.historical and d.name.endswith(("市", "自治州", "盟"))


def _ok_county(d: Division) -> bool:
    return (
        d.level == "county"
        and not d.historical
        and d.name.endswith(("县", "区", "市", "旗"))
        and not d.name.endswith(("林区", "特区", "矿区"))
        and len(d.name) >= 3
    )


def _division_place(d: Division, gaz: Gazetteer) -> Place:
    name = d.name
    if d.level == "province":
        word = "自治区" if name.endswith("自治区") else name[-1]
    elif d.level == "prefecture":
        word = "州" if name.endswith("自治州") else ("地区" if name.endswith("地区") else name[-1])
    else:
        word = name[-1]
    aliases = d.aliases
    prefix = aliases[0] if aliases and name.endswith(("自治州", "自治县", "自治旗")) else name
    shorts = [s for s in d.short if s not in aliases and not d.is_risky(s) and len(s) >= 2]
    if aliases and name.endswith("自治州"):
        short = aliases[0]
    elif shorts and d.level in ("province", "county"):
        short = shorts[0]
    else:
        short = name
    province = d.code[:2] + "0000"
    return Place(
        key=d.code,
        name=name,
        level=d.level,
        word=word,
        prefix=prefix,
        short=short,
        parent=d.parent,
        province=province,
        code=d.code,
    )


@functools.cache
def _surnames() -> tuple[list[str], list[float]]:
    text = resources.files("graph_loader").joinpath("lexicons/surnames.txt").read_text(encoding="utf-8")
    names: list[str] = []
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line
            continue
        if section == "[single]":
            names.extend(line.split())
    cum, total = [], 0.0
    for rank in range(len(names)):
        total += 1.0 / (rank + 8)
        cum.append(total)
    return names, cum


@functools.lru_cache(maxsize=4)
def _world(seed: int) -> World:
    return World(seed)


def world_size(seed: int) -> dict[str, int]:
    """Count the places and officials of the world that ``seed`` builds.

    Parameters
    ----------
    seed : int
        The corpus seed.

    Returns
    -------
    dict
        ``places`` by level, ``officials`` (local officials and central inspectors) and ``tenures``.

    Examples
    --------
    >>> world_size(7)["officials"] > 1000
    True
    """
    w = _world(seed)
    out: dict[str, int] = dict(Counter(p.level for p in w.places))
    out["officials"] = len(w.names)
    out["tenures"] = sum(len(t) for t in w.tenures.values())
    return out


# ------------------------------------------------------------------------------------- ruby & text


@functools.cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("s2tw")


@functools.cache
def _ruby_table() -> tuple[tuple[str, ...], dict[str, str], frozenset[str], re.Pattern[str]]:
    """Ruby candidates (simplified chars whose Taiwan form differs), their reading, and the heteronyms."""
    from pypinyin import Style, pinyin

    conv = _converter()
    chars = tuple(c for c in dict.fromkeys(_RUBY_CHARS) if conv.convert(c) != c)
    reading: dict[str, str] = {}
    hetero: set[str] = set()
    for c in chars:
        readings = pinyin(c, style=Style.TONE, heteronym=True)[0]
        reading[c] = readings[0]
        if len(readings) > 1:
            hetero.add(c)
    return chars, reading, frozenset(hetero), re.compile("[" + "".join(chars) + "]")


@functools.lru_cache(maxsize=20_000)
def _reading_in_context(window: str, offset: int) -> str:
    from pypinyin import Style, lazy_pinyin

    return str(lazy_pinyin(window, style=Style.TONE, errors=cast(Any, list))[offset])


def _traditional_ruby(text: str, rng: random.Random) -> str:
    """Taiwan-standard characters with tone-marked pinyin after a stable subset of them (``環(huán)``)."""
    conv = _converter()
    trad = conv.convert(text)
    if len(trad) != len(text):  # OpenCC maps characters one to one; convert char by char otherwise
        trad = "".join(conv.convert(c) for c in text)
    chars, reading, hetero, pattern = _ruby_table()
    share = rng.uniform(0.35, 0.9)
    chosen = frozenset(c for c in chars if rng.random() < share)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        c = m.group()
        if c not in chosen:
            continue
        k = m.start()
        if c in hetero:
            lo = max(0, k - 1)
            py = _reading_in_context(text[lo : k + 2], k - lo)
        else:
            py = reading[c]
        out.append(trad[last : k + 1])
        out.append(f"({py})")
        last = k + 1
    out.append(trad[last:])
    return "".join(out)


def _mojibake(s: str) -> str:
    return s.encode("utf-8").decode("gbk", errors="replace")


# ---------------------------------------------------------------------------------------- the gold


def _one(alts: Sequence[str]) -> str | list[str]:
    alts = list(dict.fromkeys(alts))
    return alts[0] if len(alts) == 1 else alts


@dataclass
class _Event:
    names: list[str]
    kind: str
    date: dt.date | None
    precision: str  # day, month, year, none
    locality: str | None
    chair: list[str] = field(default_factory=list)
    attendees: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)

    def add(self, role: str, name: str) -> None:
        lst = {"chair": self.chair, "attend": self.attendees, "speak": self.speakers}[role]
        if name not in lst:
            lst.append(name)


class _Off(NamedTuple):
    """An official as one article sees them."""

    pid: int
    name: str
    place: Place
    roles: tuple[RolePart, ...]


# ------------------------------------------------------------------------------------ the article


class _Article:
    """Writes one article and its gold facts."""

    def __init__(self, world: World, seed: int, i: int) -> None:
        self.w = world
        self.seed = seed
        self.i = i
        self.rng = random.Random(seed * 1_000_003 + i)
        rng = self.rng
        self.genre = _weighted(rng, GENRES, _GENRE_WEIGHTS)
        levels, weights = zip(*_GENRE_LEVELS[self.genre], strict=True)
        self.level = _weighted(rng, levels, weights)
        self.fi = world.pick(self.level, rng)
        self.focal = world.places[self.fi]
        self.noise: list[str] = []
        self.localities: dict[str, tuple[str, str | None]] = {}
        self.persons: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
        self.bodies: dict[str, dict[str, Any]] = {}
        self.events: list[_Event] = []
        self.assignments: dict[tuple[str, str], list[str]] = {}
        self.bylines: list[str] = []
        self.used: set[int] = set()
        self.date: dt.date = _FIRST_DAY  # the main event's date (sets who is in office)
        self.day_known = True  # False when the main event is 日前/近日
        self.notice_date: dt.date | None = None
        self.needs_pub = False
        self.loc(self.focal)

    # ------------------------------------------------------------------------------ world access

    @property
    def ym(self) -> int:
        return _ym(self.date)

    def off(self, place: Place | int, slot: str) -> _Off:
        pi = place if isinstance(place, int) else self.w.index[place.key]
        t = self.w.holder(pi, slot, self.ym)
        return _Off(t.person, self.w.names[t.person], self.w.places[pi], t.roles)

    def fresh(self, place: Place | int, slots: Sequence[str], k: int) -> list[_Off]:
        """Up to ``k`` officials of these slots not yet used in the article, in random order."""
        pi = place if isinstance(place, int) else self.w.index[place.key]
        cands = [s for s in slots if (pi, s) in self.w.tenures]
        self.rng.shuffle(cands)
        out: list[_Off] = []
        for s in cands:
            o = self.off(pi, s)
            if o.pid in self.used or any(o.pid == x.pid for x in out):
                continue
            out.append(o)
            if len(out) == k:
                break
        return out

    def province(self) -> Place:
        return self.w.places[self.w.index[self.focal.province]]

    def ancestor(self, level: str) -> Place | None:
        p: Place | None = self.focal
        while p is not None and p.level != level:
            p = self.parent_place(p)
        return p

    def parent_place(self, p: Place) -> Place | None:
        if p.parent is None:
            return None
        i = self.w.index.get(p.parent)
        if i is not None:
            return self.w.places[i]
        return self.w.place_of(self.w.gaz.get(p.parent))

    # ------------------------------------------------------------------------------------ gold

    def loc(self, p: Place) -> str:
        """Record a mentioned locality with its ancestors; return its full name."""
        q: Place | None = p
        while q is not None and q.key not in self.localities:
            parent = self.parent_place(q)
            self.localities[q.key] = (q.name, parent.name if parent else None)
            q = parent
        return p.name

    def person(self, name: str, posts: Sequence[tuple[tuple[str, ...], str | None]] = ()) -> None:
        lst = self.persons.setdefault(name, [])
        for post in posts:
            if post not in lst:
                lst.append(post)

    def body(self, alts: Sequence[str], kind: str, locality: str | None, parent: str | None = None) -> str:
        key = alts[0]
        if key not in self.bodies:
            self.bodies[key] = {
                "name": list(dict.fromkeys(alts)),
                "kind": kind,
                "locality": locality,
                "parent": parent,
            }
        else:
            names = self.bodies[key]["name"]
            names.extend(a for a in alts if a not in names)
        return key

    def assign(self, frm: str, to: str, what: str) -> None:
        whats = self.assignments.setdefault((frm, to), [])
        if what not in whats:
            whats.append(what)

    def event(
        self, names: Sequence[str], kind: str, date: dt.date | None, precision: str, locality: str | None
    ) -> _Event:
        ev = _Event(list(dict.fromkeys(names)), kind, date, precision, locality)
        self.events.append(ev)
        return ev

    # ------------------------------------------------------------------------------ mentions

    def title(self, o: _Off, *, local: bool | None = None, sep: str = "、") -> str:
        """The stacked title of an official, recording the posts."""
        local = (o.place.key == self.focal.key) if local is None else local
        texts: list[str] = []
        posts: list[tuple[tuple[str, ...], str | None]] = []
        for k, part in enumerate(o.roles):
            locality = None if part.fixed else o.place.name
            posts.append((part.alts, locality))
            if local or part.fixed:
                texts.append(part.text)
            elif k == 0:
                texts.append(_prefixed(o.place, part))
            elif (
                not part.head
                and part.text.startswith(o.place.word)
                and len(part.text) > len(o.place.word) + 2
            ):
                texts.append(part.text[len(o.place.word) :])
            else:
                texts.append(part.text)
        self.loc(o.place)
        self.used.add(o.pid)
        self.person(o.name, posts)
        return sep.join(texts)

    def full(self, o: _Off, *, local: bool | None = None) -> str:
        """Title and name: ``县委副书记、县长戴国栋``."""
        return self.title(o, local=local) + self.spaced(o.name)

    def nm(self, o: _Off) -> str:
        """The bare name (recorded as a person with no new posts)."""
        self.used.add(o.pid)
        self.person(o.name)
        return o.name

    def spaced(self, name: str) -> str:
        if len(name) == 2 and self.rng.random() < 0.03:
            self.note("name_padding")
            return name[0] + "  " + name[1]
        return name

    def note(self, feature: str) -> None:
        if feature not in self.noise:
            self.noise.append(feature)

    # ------------------------------------------------------------------------------- phrases

    def md(self, d: dt.date) -> str:
        return f"{d.month}月{d.day}日"

    def scope(self) -> str:
        return "全" + ("区" if self.focal.word == "自治区" else self.focal.word)

    def we(self) -> str:
        return "我" + ("区" if self.focal.word == "自治区" else self.focal.word)

    def units(self) -> str:
        w = self.focal.word
        return {
            "province": f"各市（州）、{w}直各部门",
            "prefecture": f"各县（市、区）、{w}直各部门",
            "county": f"各乡镇（街道）、{w}直各单位",
            "township": f"各村（社区）、{w}直各单位",
        }[self.focal.level]

    def leaders_word(self) -> str:
        return self.focal.word + "领导"

    def speech(self, who: str, verb: str | None = None, n: int = 2) -> str:
        rng = self.rng
        verb = verb or rng.choice(("强调", "指出", "要求"))
        clauses = _sample(rng, _CLAUSES, n)
        if rng.random() < 0.5:
            return f"{who}{verb}，{rng.choice(_OPENERS)}。{self.scope()}上下{'；'.join(clauses)}。"
        return f"{who}{verb}，{'；'.join(clauses)}。"

    def clamp(self, d: dt.date) -> dt.date:
        return min(max(d, _FIRST_DAY), _LAST_DAY)

    def pick_campaign(
        self, *, latest: dt.date = _LAST_DAY, earliest: dt.date = dt.date(2015, 1, 1)
    ) -> Campaign:
        camps = [self.w.campaigns[c] for c in self.w.camps_of[self.focal.province]]
        ok = [c for c in camps if earliest <= c.start <= latest]
        return self.rng.choice(ok or camps)

    def team_body(self, camp: Campaign, province: str | None = None, *aliases: str) -> str:
        team = camp.team(province or self.focal.province)
        return self.body([team, *aliases], "inspection_team", None)

    def inspection_event(
        self, camp: Campaign, precision: str, extra: Sequence[str] = (), locality: str | None = None
    ) -> _Event:
        loc = locality if locality is not None else self.province().name
        return self.event([*camp.insp(), *extra], "inspection", camp.start, precision, loc)

    def leaders_off(self, camp: Campaign, province: str) -> tuple[_Off, _Off]:
        lead, dep = camp.leaders[camp.provinces.index(province)]
        prov = self.w.place_of(self.w.gaz.get(province))
        return (_Off(lead, self.w.names[lead], prov, ()), _Off(dep, self.w.names[dep], prov, ()))

    def team_post(self, o: _Off, team: str, pos: str) -> str:
        self.used.add(o.pid)
        self.person(o.name, [(("督察组" + pos, team + pos, pos), None)])
        return o.name

    def lg_names(self, core: str) -> list[str]:
        """Alternatives for a leading group of the focal place: as written first."""
        f = self.focal
        forms = [f.name + core, f.word + core, core]
        if f.prefix != f.name:
            forms.insert(1, f.prefix + core)
        return forms

    def town_of(self, county: Place | None = None) -> Place | None:
        c = county or (self.focal if self.focal.level == "county" else None)
        if c is None or c.key not in self.w.index:
            return None
        towns = self.w.children.get(self.w.index[c.key], [])
        return self.w.places[self.rng.choice(towns)] if towns else None

    def sub_counties(self) -> list[int]:
        return list(self.w.children.get(self.fi, []))

    # ------------------------------------------------------------------------------ genres

    def write(self) -> tuple[str, list[str], str | None]:
        """Title, body paragraphs and signature of the article (gold recorded on the way)."""
        return getattr(self, "_" + self.genre)()

    def _participants(self, ev: _Event, *, mobilize: bool) -> list[str]:
        """The sentences naming who chaired, attended and spoke at a meeting of the focal place."""
        rng = self.rng
        f = self.focal
        sec = self.off(f, "secretary")
        head = self.off(f, "head")
        out: list[str] = []
        pattern = rng.randrange(5)
        chair = head
        talk = "作动员讲话" if mobilize else rng.choice(("讲话", "作讲话"))
        if pattern == 0:
            out.append(f"{self.full(sec)}出席会议并{talk}，{self.full(head)}主持会议。")
            ev.add("attend", sec.name)
            ev.add("speak", sec.name)
            ev.add("chair", head.name)
        elif pattern == 1:
            out.append(f"{self.full(sec)}{talk}，{self.full(head)}主持会议。")
            ev.add("speak", sec.name)
            ev.add("chair", head.name)
        elif pattern == 2:
            out.append(f"会议由{self.full(head)}主持，{self.full(sec)}出席并{talk}。")
            ev.add("chair", head.name)
            ev.add("attend", sec.name)
            ev.add("speak", sec.name)
        elif pattern == 3:
            out.append(f"{self.full(sec)}主持会议并讲话。{self.full(head)}出席会议。")
            ev.add("chair", sec.name)
            ev.add("speak", sec.name)
            ev.add("attend", head.name)
            chair = sec
        else:
            out.append(f"{self.full(sec)}出席会议并讲话。")
            ev.add("attend", sec.name)
            ev.add("speak", sec.name)
            chair = sec
        slots = (
            "deputy_sec",
            "exec_deputy",
            "congress",
            "cppcc",
            "discipline",
            "propaganda",
            "secretary_general",
            "politics_law",
        )
        att = self.fresh(f, slots, rng.randint(1, 4))
        if att:
            names = "，".join(self.full(o) for o in att)
            tail = "同志" if rng.random() < 0.2 else ""
            out.append(f"{names}{tail}{rng.choice(('出席会议', '出席', '参加会议'))}。")
            for o in att:
                ev.add("attend", o.name)
        if f.level != "township" and rng.random() < 0.5:
            lead = self.fresh(
                f,
                (
                    "vice_head",
                    "vice_head2",
                    "organization",
                    "congress_vice",
                    "party_office",
                ),
                rng.randint(2, 4),
            )
            if len(lead) >= 2:
                out.append(
                    f"{self.leaders_word()}{'、'.join(self.nm(o) for o in lead)}{rng.choice(('参加会议', '出席会议'))}。"
                )
                for o in lead:
                    ev.add("attend", o.name)
        sup = self.parent_place(f)
        if (
            sup is not None
            and sup.key in self.w.index
            and f.level in ("county", "township")
            and rng.random() < 0.3
        ):
            slots2 = (
                ("exec_deputy", "vice_head", "vice_head2", "politics_law") if sup.level != "township" else ()
            )
            guest = self.fresh(sup, slots2 or ("vice_head", "exec_deputy"), 1)
            if guest:
                verb = rng.choice(("到会指导", "出席会议并讲话", "出席会议"))
                out.append(f"{self.full(guest[0])}{verb}。")
                ev.add("attend", guest[0].name)
                if "讲话" in verb:
                    ev.add("speak", guest[0].name)
        out.append(f"{self.units()}主要负责人参加会议。")
        self._chair_off = chair
        self._sec_off = sec
        return out

    def _inspection_context(self, camp: Campaign, *, before: bool) -> str:
        """A sentence about the team entering the province; records team, inspection and assignment."""
        rng = self.rng
        prov = self.province()
        team = self.team_body(camp)
        pname = prov.short if rng.random() < 0.6 else prov.name
        self.loc(prov)
        if before:
            d = camp.start
            if rng.random() < 0.5 and (camp.start - self.date).days < 20:
                s = f"据悉，{team}将于近日进驻{pname}，开展为期一个月的{camp.eco}督察。"
                self.inspection_event(
                    camp, "month" if self.date.month == d.month else "none", [f"{team}进驻{prov.short}"]
                )
            else:
                s = (
                    f"根据中央{camp.eco}督察工作安排，{team}将于{d.month}月{_xun(d)}"
                    f"进驻{pname}开展{camp.insp()[0]}。"
                )
                self.inspection_event(camp, "month", [f"{team}进驻{prov.short}"])
            if rng.random() < 0.5:
                s += "督察期间，督察组将根据工作需要下沉到部分市县开展督察。"
        else:
            s = f"{self.md(camp.start)}，{team}进驻{pname}，开展{camp.insp()[0]}。"
            self.inspection_event(camp, "day", [f"{team}进驻{prov.short}"])
        self.assign(team, prov.name, "进驻督察")
        return s

    def _leading_group_sentence(self, camp: Campaign) -> tuple[str, str]:
        """`下设办公室及…N个专项工作组` at a meeting; returns the sentence and the group's gold name."""
        rng = self.rng
        core = f"迎接{camp.short_insp()}工作领导小组"
        names = self.lg_names(core)
        written = names[1] if rng.random() < 0.6 else names[0]
        lg = self.body([written, *names], "leading_group", self.focal.name)
        groups = _sample(rng, _WORKING_GROUPS, rng.randint(3, 5))
        style = rng.randrange(3)
        if style == 0:
            listed = "、".join(g[0][:-1] for g in groups)
            s = f"{written}下设办公室及{listed}{len(groups)}个专项工作组，各组要立即集中办公，实行24小时值班值守。"
            office = [written + "办公室", "领导小组办公室", "办公室"]
            self.body(office, "office", self.focal.name, lg)
            for g in groups:
                self.body([g[0], g[0][:-1] + "专项工作组"], "working_group", self.focal.name, lg)
        elif style == 1:
            listed = "、".join(g[0] for g in groups)
            s = f"会议明确，{written}下设{listed}{len(groups)}个工作组，各组要立即进入工作状态。"
            for g in groups:
                self.body([g[0]], "working_group", self.focal.name, lg)
        else:
            n = len(groups) + rng.randint(2, 4)
            s = f"{self.we()}已成立{written}，下设{groups[0][0]}等{n}个工作组，全力做好迎检各项工作。"
            self.body([groups[0][0]], "working_group", self.focal.name, lg)
        return s, lg

    def _meeting(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        kind = rng.choice(("mobilize", "advance", "dispatch"))
        camp = self.pick_campaign(earliest=dt.date(2016, 2, 1) if kind == "mobilize" else dt.date(2015, 1, 1))
        if kind == "mobilize":
            self.date = self.clamp(camp.start - dt.timedelta(days=rng.randint(2, 35)))
        elif kind == "advance":
            self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(-12, -1)))
        else:
            self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(6, 26)))
        insp = camp.short_insp() if rng.random() < 0.8 else "中央环保督察"
        if kind == "mobilize":
            mname = rng.choice(
                (f"迎接{insp}工作动员部署会", f"迎接{insp}工作动员会", f"保障{insp}工作动员会议")
            )
        elif kind == "advance":
            mname = rng.choice((f"{insp}迎检工作推进会", f"迎接{insp}工作推进会"))
        else:
            n = rng.randint(2, 6)
            mname = rng.choice((f"迎接{insp}第{_cn_num(n)}次调度会", f"{insp}交办件办理工作调度会"))
        tod = rng.choice(("", "", "上午", "下午"))
        when = self.md(self.date) + tod
        if rng.random() < 0.12:
            when = rng.choice(("日前", "近日"))
            self.day_known = False
            self.needs_pub = True
        party_gov = f"{f.party if f.level != 'township' else f.word + '党委'}、{f.word}政府"
        opening = 1 if f.level == "township" else rng.randrange(3)
        ev = self.event(
            [mname, f.name + mname, self.scope() + mname, f.short + mname],
            "meeting",
            self.date,
            "day" if self.day_known else "month",
            f.name,
        )
        if opening == 0:
            venue = f.word + rng.choice(_VENUES) if f.level != "township" else f.word + "政府会议室"
            first = f"{when}，{self.scope()}{mname}在{venue}召开。"
        elif opening == 1:
            first = f"{when}，{f.name}召开{mname}，{rng.choice(('安排部署迎检工作', '对迎检工作进行再动员、再部署、再落实', '听取迎检工作进展情况'))}。"
        else:
            first = f"{when}，{party_gov}召开{mname}，{rng.choice(('安排部署下一阶段工作', '全面动员部署迎检工作'))}。"
            ev.names.append(party_gov.replace("、", "") + mname)
        if f.level == "township":
            first = first.replace(f"{when}，{f.name}", f"{when}，{self.parent_place(f).name}{f.name}", 1)  # type: ignore[union-attr]
        paras = [first + "".join(self._participants(ev, mobilize=kind == "mobilize"))]
        paras.append(self._inspection_context(camp, before=kind != "dispatch"))
        if kind == "dispatch":
            paras[-1] += self._petitions(camp)
        if rng.random() < 0.6 and f.level != "township":
            env = self.off(f, "env")
            paras.append(f"会上，{self.full(env)}通报了{self.scope()}生态环境问题排查整改情况。")
            ev.add("speak", env.name)
            self._bureau_body(env)
        if rng.random() < 0.25:
            sup = self.parent_place(f)
            if sup is not None and sup.key in self.w.index:
                boss = self.off(sup, "secretary")
                paras.append(
                    f"会议传达学习了{self.full(boss)}在全{sup.word if sup.word != '自治区' else '区'}"
                    f"生态环境保护工作会议上的讲话精神。"
                )
        if rng.random() < 0.55:
            year = self.date.year
            town = self.town_of() if f.level == "county" else None
            s = f"{year}年以来，{self.scope()}共排查各类环境问题{rng.randint(60, 400)}个，已完成整改{rng.randint(30, 59)}个"
            if town is not None and rng.random() < 0.7:
                s += f"，{self.loc(town)}等地{rng.choice(('非法采砂', '畜禽养殖污染', '尾砂乱堆乱放', '小散乱污企业'))}等问题仍较为突出"
            paras.append(s + "。")
        else:
            paras.append(f"会上，宣读了《{f.name}迎接{camp.short_insp()}工作方案》。")
        if f.level == "prefecture" and rng.random() < 0.5:
            heads = []
            for ci in self.sub_counties()[:2]:
                o = self.off(ci, "secretary")
                if o.pid not in self.used:
                    heads.append(o)
            if heads:
                paras.append("、".join(self.full(o) for o in heads) + "在分会场参加会议并作表态发言。")
                for o in heads:
                    ev.add("attend", o.name)
                    ev.add("speak", o.name)
        sec = self._sec_off
        paras.append(self.speech(sec.name, n=rng.randint(2, 3)))
        chair = self._chair_off
        if chair.pid != sec.pid and rng.random() < 0.55:
            paras.append(self.speech(f"{chair.name}在主持时", rng.choice(("强调", "指出", "要求")), n=2))
            ev.add("speak", chair.name)
        if rng.random() < 0.5:
            s, lg = self._leading_group_sentence(camp)
            paras.append(s)
            if rng.random() < 0.4 and lg + "办公室" not in self.bodies:
                office = self.body([lg + "办公室", "领导小组办公室"], "office", f.name, lg)
                paras.append(f"{lg}办公室要每日汇总交办件办理进展，实行清单化管理、销号式推进。")
                self.assign(office, f.name, "每日汇总交办件办理进展")
        title = rng.choice((f"{self.we()}召开{mname}", f"{f.short}召开{mname}", f"{f.name}召开{mname}"))
        return title, paras, None

    def _petitions(self, camp: Campaign) -> str:
        """下沉督察 and 交办信访件 sentences for a place after the team's arrival."""
        rng = self.rng
        f = self.focal
        team = camp.team(f.province)
        pref = self.ancestor("prefecture")
        s = ""
        sink = camp.start + dt.timedelta(days=rng.randint(3, 6))
        if pref is not None and sink < self.date and rng.random() < 0.8:
            pname = pref.prefix if rng.random() < 0.5 else pref.name
            s += f"{self.md(sink)}起，督察组下沉{pname}开展督察。"
            self.loc(pref)
            self.assign(team, pref.name, "下沉督察")
        n = rng.randint(12, 140)
        s += f"截至{self.md(self.date - dt.timedelta(days=1))}，督察组累计向{self.we()}交办信访件{n}件，已办结{rng.randint(1, n)}件"
        self.assign(team, f.name, f"交办信访件{n}件")
        if f.level == "prefecture":
            subs = self.sub_counties()
            if subs:
                c = self.w.places[rng.choice(subs)]
                s += f"，其中涉及{self.loc(c)}的{rng.randint(1, n)}件"
        return s + "。"

    def _bureau_body(self, o: _Off) -> str | None:
        """Record the bureau an official heads (as a department of its place); return its name."""
        part = o.roles[0]
        bureau = _bureau_of(part.text)
        if bureau is None:
            return None
        if part.fixed:
            return self.body([bureau], "department", o.place.name)
        return self.body([bureau, o.place.prefix + bureau[len(o.place.word) :]], "department", o.place.name)

    def _leading_group(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(earliest=dt.date(2016, 3, 1))
        self.date = self.clamp(camp.start - dt.timedelta(days=rng.randint(3, 50)))
        self.notice_date = self.date
        core = (
            f"迎接{camp.short_insp()}工作领导小组"
            if rng.random() < 0.7
            else (f"迎接中央{camp.eco}督察工作领导小组")
        )
        lg_forms = self.lg_names(core)
        lg = self.body(lg_forms, "leading_group", f.name)
        if f.level == "township":
            issuers = [
                (
                    f"中共{f.name}委员会",
                    [f"中共{f.name}委员会", f"{f.name}党委", f"{f.word}党委"],
                    "party_committee",
                ),
                (f"{f.name}人民政府", [f"{f.name}人民政府", f"{f.word}政府"], "government"),
            ]
            number = f"{f.short}党字〔{self.date.year}〕{rng.randint(3, 60)}号"
            addressees = f"各村（居）委会，{f.word}直各单位："
        else:
            issuers = [
                (
                    f"中共{f.prefix}委办公室",
                    [f"中共{f.prefix}委办公室", f"{f.party}办公室", f"{f.prefix}委办公室"],
                    "office",
                ),
                (f"{f.name}人民政府办公室", [f"{f.name}人民政府办公室", f"{f.word}政府办公室"], "office"),
            ]
            number = f"{f.word}委办发〔{self.date.year}〕{rng.randint(3, 90)}号"
            addressees = (
                f"{self.units().replace('、', '，')}："
                if rng.random() < 0.5
                else f"各乡镇党委、人民政府，{f.word}委各部门，{f.word}级国家机关各部门："
            )
            if f.level == "prefecture":
                addressees = f"各县（市、区）党委和人民政府，{f.word}直各部门："
        for _text, alts, kind in issuers:
            self.body(alts, kind, f.name)
        issuer_text = " ".join(x[0] for x in issuers)
        base = f"关于成立{lg_forms[0]}的通知"
        title = rng.choice((f"{issuer_text}{base}", base, f"{f.name}{base}"))
        ev = self.event(
            [title, base, f"{f.name}{base}", f"{issuer_text}{base}"], "notice", self.date, "day", f.name
        )
        del ev
        prov = self.province()
        team = self.team_body(camp)
        self.loc(prov)
        p1 = (
            f"根据中央{camp.eco}督察工作安排，{team}将于近期对{self.we()[:1]}省开展{camp.insp()[0]}。"
            if prov.word == "省"
            else f"根据中央{camp.eco}督察工作安排，{team}将于近期进驻{prov.short}开展{camp.insp()[0]}。"
        )
        if prov.word != "省":
            self.assign(team, prov.name, "进驻督察")
        else:
            self.assign(team, prov.name, f"开展{camp.insp()[0]}")
        self.inspection_event(camp, "year", [f"{team}进驻{prov.short}"])
        decider = f"{f.word}党委、{f.word}政府" if f.level == "township" else f"{f.word}委、{f.word}政府"
        p1 += f"为切实加强对迎检工作的组织领导，经{decider}研究，决定成立{lg_forms[0]}。现将组成人员名单通知如下："
        paras = [number, addressees, p1]
        # roster

        def lg_post(pos: str) -> tuple[str, ...]:
            return (f"领导小组{pos}", pos, f"{lg_forms[0]}{pos}")

        leader = self.off(f, "secretary")
        co = self.off(f, "head")
        lines: list[str] = []

        def roster(label: str, offs: list[_Off], pos: str | None) -> None:
            for k, o in enumerate(offs):
                title = self.title(o)
                if pos:
                    self.person(o.name, [(lg_post(pos), f.name)])
                lab = label if k == 0 else "　" * 5
                lines.append(f"{lab}{self.pad(o.name)}　{title}")

        roster("组　　长：", [leader, co] if rng.random() < 0.4 else [leader], "组长")
        if co.pid not in self.used:
            roster("常务副组长：", [co], "常务副组长")
        vice_slots = ("exec_deputy", "discipline", "vice_head", "vice_head2", "deputy_sec")
        vices = self.fresh(f, vice_slots, rng.randint(2, 3))
        roster("副 组 长：", vices, "副组长")
        member_slots = (
            "env",
            "party_office",
            "gov_office",
            "housing",
            "agri",
            "land",
            "propaganda",
            "office",
            "congress",
        )
        members = self.fresh(f, member_slots, rng.randint(3, 6))
        if f.level == "county" and rng.random() < 0.6:
            for ti in self.w.children.get(self.fi, []):
                o = self.off(ti, "head")
                if o.pid not in self.used:
                    members.append(_Off(o.pid, o.name, o.place, o.roles[1:]))
        roster("成　　员：", members, None)
        paras.extend(lines)
        # office
        host = next(
            (o for o in members if o.roles and "环" in o.roles[0].text and _bureau_of(o.roles[0].text)), None
        )
        office_alts = [lg_forms[0] + "办公室", "领导小组办公室", "办公室"]
        office = self.body(office_alts, "office", f.name, lg)
        director = host or (vices[0] if vices else leader)
        s = "领导小组下设办公室"
        if host is not None:
            s += f"，办公室设在{self._bureau_body(host)}"
        s += f"，{director.name}同志兼任办公室主任"
        self.person(
            director.name, [(("领导小组办公室主任", "办公室主任", f"{lg_forms[0]}办公室主任"), f.name)]
        )
        deputy = next((o for o in members if o is not host and o.pid != director.pid), None)
        if deputy is not None and rng.random() < 0.6:
            s += f"，{deputy.name}同志任办公室副主任"
            self.person(
                deputy.name,
                [(("领导小组办公室副主任", "办公室副主任", f"{lg_forms[0]}办公室副主任"), f.name)],
            )
        paras.append(s + "，负责领导小组日常工作。")
        # working groups
        groups = _sample(rng, _WORKING_GROUPS, rng.randint(3, 5))
        parent_name, parent = ("领导小组办公室", office) if rng.random() < 0.35 else ("领导小组", lg)
        if rng.random() < 0.25:
            n = len(groups) + rng.randint(1, 3)
            paras.append(
                f"{parent_name}下设{groups[0][0]}、{groups[1][0]}等{n}个工作组，具体负责迎检日常事务。"
            )
            for g in groups[:2]:
                self.body([g[0]], "working_group", f.name, parent)
        else:
            paras.append(
                f"{parent_name}下设{'、'.join(g[0] for g in groups)}{len(groups)}个工作组，各组职责如下："
            )
            pool = [o for o in [*vices, *members] if o.pid != leader.pid]
            for k, (g, duty) in enumerate(groups):
                self.body([g], "working_group", f.name, parent)
                if pool and rng.random() < 0.7:
                    o = pool.pop(0)
                    head_s = f"组长{o.name}。"
                    self.person(o.name, [((g + "组长", "组长"), f.name)])
                else:
                    head_s = ""
                paras.append(f"（{_cn_num(k + 1)}）{g}：{head_s}{duty}。")
                self.assign(g, f.name, duty.removeprefix("负责"))
        paras.append(
            f"{self.units()}要高度重视，明确专人负责，确保督察期间通讯畅通、随叫随到。"
            "领导小组成员如有变动，由所在单位接任者自然递补，不再另行发文。"
        )
        sign = (
            "　　".join(x[0] for x in issuers)
            + "\n"
            + "　" * 8
            + f"{self.date.year}年{self.date.month}月{self.date.day}日"
        )
        return title, paras, sign

    def pad(self, name: str) -> str:
        if len(name) == 2 and self.rng.random() < 0.6:
            self.note("name_padding")
            return name[0] + "　" + name[1]
        return name

    def _arrival(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(earliest=dt.date(2016, 1, 1))
        self.date = camp.start
        team = self.team_body(camp)
        lead, dep = self.leaders_off(camp, f.province)
        capital = self._capital()
        sec, head = self.off(f, "secretary"), self.off(f, "head")
        mname = f"{team}督察{f.name}工作动员会"
        ev = self.event(
            [mname, f"督察{f.name}工作动员会", f"督察{f.short}工作动员会"],
            "meeting",
            self.date,
            "day",
            f.name,
        )
        where = f"在{self.loc(capital)}召开" if capital is not None else "召开"
        p1 = f"{self.md(self.date)}，{mname}{where}。"
        p1 += f"督察组组长{self.team_post(lead, team, '组长')}作动员讲话"
        ev.add("speak", lead.name)
        if rng.random() < 0.5:
            p1 += f"，{self.full(sec)}作表态讲话，{self.full(head)}主持会议。"
            ev.add("speak", sec.name)
            ev.add("chair", head.name)
        else:
            p1 += f"，{self.full(sec)}主持会议并讲话。{self.full(head)}出席会议。"
            ev.add("chair", sec.name)
            ev.add("speak", sec.name)
            ev.add("attend", head.name)
        p1 += f"督察组副组长{self.team_post(dep, team, '副组长')}出席会议。"
        ev.add("attend", dep.name)
        lead_list = self.fresh(
            f, ("deputy_sec", "exec_deputy", "vice_head", "congress", "cppcc"), rng.randint(2, 4)
        )
        if lead_list:
            p1 += f"{self.leaders_word()}{'、'.join(self.nm(o) for o in lead_list)}出席会议。"
            for o in lead_list:
                ev.add("attend", o.name)
        paras = [p1]
        p2 = f"经党中央、国务院批准，{camp.insp()[0]}近日全面启动"
        if len(camp.provinces) > 1 and rng.random() < 0.6:
            shorts = [self.w.place_of(self.w.gaz.get(c)).short for c in camp.provinces]
            for c in camp.provinces:
                self.loc(self.w.place_of(self.w.gaz.get(c)))
            p2 += f"，对{'、'.join(shorts)}等{len(shorts)}省（区、市）开展督察"
        end = self.date + dt.timedelta(days=30)
        p2 += (
            f"。{team}进驻{f.short}后，督察进驻时间约为1个月。督察进驻期间（{self.md(self.date)}至{self.md(end)}）"
            f"设立专门值班电话和专门邮政信箱，受理被督察对象生态环境保护方面的来电来信举报。"
        )
        paras.append(p2)
        self.inspection_event(camp, "day", [f"{team}进驻{f.short}"], locality=f.name)
        self.assign(team, f.name, "进驻督察")
        paras.append(self.speech(lead.name, "指出", 2).replace(self.scope() + "上下", "被督察地方"))
        paras.append(
            f"{sec.name}表示，{f.short}坚决拥护党中央、国务院的决策部署，坚决支持、主动配合督察组工作，"
            "对督察组交办的问题立行立改、边督边改，对督察发现的问题照单全收、全面整改。"
        )
        if head.pid != sec.pid and ev.chair == [head.name] and rng.random() < 0.6:
            paras.append(
                f"{head.name}在主持会议时指出，{self.scope()}各级各部门要严格按照督察组要求做好各项配合保障工作。"
            )
            ev.add("speak", head.name)
        paras.append("督察组有关同志，" + self.units() + "主要负责同志参加会议。")
        title = rng.choice(
            (mname + where, f"{team}进驻{f.short}开展{camp.eco}督察", f"{camp.insp()[0]}{team}进驻{f.short}")
        )
        return title, paras, None

    def _capital(self) -> Place | None:
        f = self.focal
        prefs = [c for c in self.w.gaz.children(f.code) if c.level == "prefecture" and not c.historical]
        if not prefs:
            return None
        return self.w.place_of(prefs[0])

    def _feedback(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(latest=dt.date(2024, 7, 1))
        self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(85, 130)))
        team = self.team_body(camp)
        lead, dep = self.leaders_off(camp, f.province)
        sec, head = self.off(f, "secretary"), self.off(f, "head")
        capital = self._capital()
        mname = f"{team}督察{f.name}情况反馈会"
        ev = self.event(
            [mname, f"督察{f.name}情况反馈会", "督察情况反馈会", f"{team}向{f.name}反馈督察情况"],
            "meeting",
            self.date,
            "day",
            f.name,
        )
        end = camp.start + dt.timedelta(days=30)
        p1 = f"{self.md(self.date)}，{team}向{f.name}反馈督察情况。"
        if capital is not None and rng.random() < 0.5:
            p1 += f"反馈会在{self.loc(capital)}召开。"
        p1 += f"督察组组长{self.team_post(lead, team, '组长')}通报督察意见，"
        ev.add("speak", lead.name)
        if rng.random() < 0.5:
            p1 += f"{self.full(sec)}主持会议并作表态讲话。督察组副组长{self.team_post(dep, team, '副组长')}，{self.full(head)}出席会议。"
            ev.add("chair", sec.name)
            ev.add("speak", sec.name)
            ev.add("attend", dep.name)
            ev.add("attend", head.name)
        else:
            p1 += f"督察组副组长{self.team_post(dep, team, '副组长')}出席会议。{self.full(sec)}作表态发言，{self.full(head)}主持会议。"
            ev.add("attend", dep.name)
            ev.add("speak", sec.name)
            ev.add("chair", head.name)
        others = self.fresh(
            f, ("deputy_sec", "exec_deputy", "vice_head", "congress", "cppcc"), rng.randint(2, 3)
        )
        if others:
            p1 += f"{self.leaders_word()}{'、'.join(self.nm(o) for o in others)}参加会议。"
            for o in others:
                ev.add("attend", o.name)
        paras = [p1]
        until = f"{end.year}年" if end.year != camp.start.year else ""
        paras.append(
            f"{camp.start.year}年{camp.start.month}月{camp.start.day}日至{until}{end.month}月{end.day}日，{team}"
            f"对{f.name}开展了{camp.insp()[0]}。督察组认为，{f.short}生态环境保护工作取得积极进展，"
            "但与党中央要求和人民群众期待相比仍有差距。"
        )
        self.inspection_event(camp, "day", [f"{team}督察{f.short}"], locality=f.name)
        paras.append(
            "督察组指出，一些地方和部门对生态环境保护工作重视不够，"
            "部分历次督察反馈问题整改不到位，污水收集处理设施建设滞后，群众身边的突出环境问题仍然较多。"
        )
        what = ["反馈督察情况"]
        if rng.random() < 0.6:
            paras.append(
                f"督察组还梳理了一批生态环境损害责任追究问题，已移交{f.short}，要求依纪依法调查处理，严肃问责。"
            )
            what.append("移交责任追究问题")
        self.assign(team, f.name, "、".join(what))
        paras.append(
            f"督察组要求，{f.short}应根据督察报告，抓紧研究制定整改方案，在30个工作日内报送党中央、国务院。"
        )
        paras.append(f"{sec.name}表示，{f.short}将坚决扛起整改主体责任，对督察反馈问题照单全收、逐一整改。")
        title = rng.choice(
            (
                f"{team}向{f.name}反馈督察情况",
                f"{f.short}召开中央{camp.eco}督察反馈会",
                f"中央{camp.eco}督察组向{f.short}反馈督察情况",
            )
        )
        if title.startswith("中央" + camp.eco):
            self.team_body(camp, None, f"中央{camp.eco}督察组")
        return title, paras, None

    def _sinking(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(earliest=dt.date(2016, 1, 1))
        self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(8, 26)))
        insp = camp.short_insp()
        n = rng.randint(2, 6)
        mname = rng.choice(
            (
                f"迎接{insp}第{_cn_num(n)}次调度会",
                f"{insp}交办信访件办理工作调度会",
                f"{insp}交办件办理工作专题会议",
            )
        )
        ev = self.event([mname, f.name + mname, f.short + mname], "meeting", self.date, "day", f.name)
        party_gov = f"{f.word}委、{f.word}政府" if f.level != "township" else f"{f.word}党委、{f.word}政府"
        p1 = (
            f"{self.md(self.date)}，{party_gov}召开{mname}，听取督察进驻以来信访件办理和问题整改进展情况，"
            "安排部署下一阶段工作。"
        )
        p1 += "".join(self._participants(ev, mobilize=False))
        paras = [p1]
        paras.append(self._inspection_context(camp, before=False) + self._petitions(camp))
        if f.level == "prefecture":
            heads = [self.off(ci, "secretary") for ci in self.sub_counties()[:2]]
            heads = [o for o in heads if o.pid not in self.used]
            if heads:
                paras.append("会上，" + "、".join(self.full(o) for o in heads) + "作表态发言。")
                for o in heads:
                    ev.add("speak", o.name)
        else:
            if rng.random() < 0.5:
                town = self.town_of()
                if town is not None:
                    o = self.off(town, "secretary")
                    if o.pid not in self.used:
                        paras.append(f"会上，{self.full(o)}汇报了交办件办理情况。")
                        ev.add("speak", o.name)
        sec = self._sec_off
        paras.append(self.speech(sec.name, n=rng.randint(2, 3)))
        if rng.random() < 0.5:
            s, lg = self._leading_group_sentence(camp)
            paras.append(s)
        title = rng.choice((f"{self.we()}召开{mname}", f"{f.short}召开{mname}", f"{f.name}召开{mname}"))
        return title, paras, None

    def _remediation(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(latest=dt.date(2024, 5, 1))
        feedback = camp.start + dt.timedelta(days=rng.randint(85, 125))
        self.date = self.clamp(feedback + dt.timedelta(days=rng.randint(8, 70)))
        prov = self.province()
        team = self.team_body(camp)
        mname = rng.choice(
            (
                f"中央{camp.eco}督察反馈意见整改工作推进会",
                f"中央{camp.eco}督察反馈问题整改工作专题会议",
                f"落实{team}反馈问题整改工作会议",
            )
        )
        ev = self.event([mname, f.name + mname, self.scope() + mname], "meeting", self.date, "day", f.name)
        when = self.md(self.date) + rng.choice(("", "上午", "下午"))
        if rng.random() < 0.1:
            when = "近日"
            self.day_known = False
            self.needs_pub = True
            ev.precision = "month"
        p1 = f"{when}，{f.name}召开{mname}，{rng.choice(('安排部署督察反馈问题整改工作', '推动反馈问题整改落实'))}。"
        p1 += "".join(self._participants(ev, mobilize=False))
        paras = [p1]
        fb_names = [
            f"{team}向{prov.name}反馈督察情况",
            f"{team}向{prov.short}反馈督察情况",
            "反馈督察情况",
            "反馈督察意见",
        ]
        if rng.random() < 0.5:
            s = f"{feedback.year}年{feedback.month}月{feedback.day}日，{team}向{prov.short}反馈督察情况，"
            fb = self.event(fb_names, "other", feedback, "day", prov.name)
        else:
            s = f"{feedback.year}年{feedback.month}月，{team}向{prov.short}反馈了{camp.insp()[0]}情况，"
            fb = self.event(fb_names, "other", feedback, "month", prov.name)
        del fb
        self.loc(prov)
        self.assign(team, prov.name, "反馈督察情况")
        s += f"其中涉及{self.we()}的问题{rng.randint(5, 40)}个。"
        paras.append(s)
        sec = self._sec_off
        paras.append(self.speech(sec.name, n=2))
        core = f"中央{camp.eco}督察反馈意见整改工作领导小组"
        if rng.random() < 0.6:
            forms = self.lg_names(core)
            short_forms = [f"{f.word}整改工作领导小组", f"{f.name}整改工作领导小组", "整改工作领导小组"]
            if rng.random() < 0.5:
                lg = self.body([forms[0], *forms[1:]], "leading_group", f.name)
                office_forms = [forms[0] + "办公室", forms[1] + "办公室", "领导小组办公室"]
                written = office_forms[1]
            else:
                lg = self.body(short_forms, "leading_group", f.name)
                office_forms = [
                    short_forms[0] + "办公室",
                    short_forms[1] + "办公室",
                    "整改工作领导小组办公室",
                    f"{f.word}整改办",
                ]
                written = office_forms[0]
            office = self.body(office_forms, "office", f.name, lg)
            paras.append(
                f"会议要求，{written}要加强统筹调度，每半月通报一次整改进展，确保{self.date.year}年底前完成阶段性整改任务。"
            )
            self.assign(office, f.name, "每半月通报一次整改进展")
        if self.date.year >= 2018 and rng.random() < 0.4:
            dis = self.body([f"{f.word}纪委监委", f"{f.name}纪委监委", f"{f.word}纪委"], "other", f.name)
            paras.append(f"{f.word}纪委监委要全程跟进监督，对敷衍整改、虚假整改的严肃追责问责。")
            self.assign(dis, f.name, "整改全程跟进监督")
        title = rng.choice((f"{self.we()}召开{mname}", f"{f.short}召开{mname}", f"{f.name}召开{mname}"))
        return title, paras, None

    def _accountability(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(latest=dt.date(2024, 6, 1))
        self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(20, 120)))
        prov = self.province()
        team = self.team_body(camp)
        if self.date.year >= 2018:
            issuer = f"{f.name}纪委监委"
            alts = [issuer, f"中共{f.name}纪律检查委员会", f"{f.word}纪委监委", f"{f.name}纪委"]
        else:
            issuer = f"中共{f.name}纪律检查委员会"
            alts = [issuer, f"{f.name}纪委", f"{f.word}纪委"]
        self.body(alts, "other", f.name)
        news_style = rng.random() < 0.3
        base = f"关于{team}交办环境问题责任追究情况的通报"
        title = f"{issuer}{base}"
        paras: list[str] = []
        year = f"{camp.start.year}年" if camp.start.year != self.date.year else ""
        p1 = (
            f"{year}{camp.start.month}月{_xun(camp.start)}，{team}进驻{prov.name}开展{camp.insp()[0]}。"
            f"督察期间，督察组先后向{self.we()}交办群众信访举报件{rng.randint(15, 120)}件。"
        )
        self.loc(prov)
        self.inspection_event(camp, "month", [f"{team}进驻{prov.name}"])
        self.assign(team, prov.name, "进驻督察")
        self.assign(team, f.name, "交办群众信访举报件")
        punished: list[tuple[str, str]] = []
        pool: list[_Off] = []
        if f.level == "county":
            for ti in self.w.children.get(self.fi, []):
                pool.extend(self.fresh(ti, ("head", "vice_head", "secretary", "discipline"), 1))
            pool.extend(self.fresh(f, ("env_deputy", "env", "housing", "agri", "land"), 3))
        else:
            for ci in self.sub_counties():
                pool.extend(self.fresh(ci, ("vice_head", "vice_head2", "env"), 1))
            pool.extend(self.fresh(f, ("env", "vice_head2"), 1))
        rng.shuffle(pool)
        pool = pool[: rng.randint(3, 5)]
        for o in pool:
            punished.append((self.full(o), rng.choice(_PUNISH)))
            if o.place.level != "township":
                self._bureau_body(o)
        if news_style:
            self.needs_pub = True
            self.day_known = False
            n = len(punished)
            title = f"{f.short}{'纪委监委' if self.date.year >= 2018 else '纪委'}通报{n}起生态环境保护领域失职失责典型问题"
            self.event(
                [title, f"{f.name}{title[len(f.short) :]}", "生态环境保护领域失职失责典型问题通报"],
                "notice",
                self.date,
                "month",
                f.name,
            )
            paras.append(f"近日，{issuer}通报{_cn_num(n)}起生态环境保护领域失职失责典型问题。{p1}")
            for k, (who, pun) in enumerate(punished):
                name = pool[k].name
                paras.append(
                    f"{_cn_num(k + 1)}、{who}{rng.choice(('履职不到位', '监管不力', '失职失责'))}问题。"
                    f"{name}对{rng.choice(_PROBLEMS)}，经研究，{pun.replace('对其', '对' + name)}。"
                )
            paras.append(f"{issuer}指出，各级党组织和广大党员干部要引以为戒，切实扛起生态环境保护政治责任。")
            return title, paras, None
        self.notice_date = self.date
        self.event([title, base, issuer + base], "notice", self.date, "day", f.name)
        paras.append(
            f"各乡镇党委、政府，{f.word}直各部门："
            if f.level == "county"
            else f"各县（市、区）纪委监委，{f.word}直各部门："
        )
        paras.append(
            p1 + f"{f.word}委、{f.word}政府高度重视，逐件明确责任领导、责任单位，限期查处整改。"
            f"经{f.word}纪委常委会研究，并报{f.word}委同意，决定对以下人员进行责任追究："
        )
        for k, (who, pun) in enumerate(punished):
            paras.append(f"{_cn_num(k + 1)}、{who}，对{rng.choice(_PROBLEMS)}，{pun}。")
        paras.append(
            f"全{f.word}各级党组织和广大党员干部要引以为戒，严格落实“党政同责、一岗双责”。"
            "对督察组交办问题整改中敷衍塞责、弄虚作假的，发现一起、查处一起，绝不姑息。"
        )
        sign = (
            "　" * 12 + issuer + "\n" + "　" * 14 + f"{self.date.year}年{self.date.month}月{self.date.day}日"
        )
        return title, paras, sign

    def _campaign(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        camp = self.pick_campaign(earliest=dt.date(2016, 6, 1))
        self.date = camp.start + dt.timedelta(days=rng.randint(0, 2))
        n = len(camp.provinces)
        provs = [self.w.place_of(self.w.gaz.get(c)) for c in camp.provinces]
        for p in provs:
            self.loc(p)
        title = rng.choice(
            (
                f"{camp.insp()[0]}全面启动",
                f"{n}个中央{camp.eco}督察组完成督察进驻",
                f"{camp.insp()[0]}{n}个督察组全部完成进驻",
            )
        )
        paras = [
            f"经党中央、国务院批准，{camp.insp()[0]}近日全面启动。{_cn_num(n)}个督察组将分别对"
            f"{'、'.join(p.short for p in provs)}等{n}省（区、市）开展督察。"
        ]
        self.event(list(camp.insp()), "inspection", camp.start, "month", None)
        k = min(n, rng.randint(2, 5))
        chosen = sorted(_sample(rng, range(n), k))
        lines = []
        for j in chosen:
            code = camp.provinces[j]
            team = self.team_body(camp, code)
            lead, dep = self.leaders_off(camp, code)
            if lead.pid in self.used or dep.pid in self.used:
                lines.append(f"{team}进驻{provs[j].short}。")
            else:
                lines.append(
                    f"{team}组长{self.team_post(lead, team, '组长')}、副组长{self.team_post(dep, team, '副组长')}，"
                    f"进驻{provs[j].short}。"
                )
            self.assign(team, provs[j].name, "进驻督察")
        paras.append(f"{self.md(camp.start)}，各督察组陆续完成进驻。其中，" + "".join(lines))
        paras.append(
            "督察进驻时间约为1个月。进驻期间，各督察组分别设立专门值班电话和邮政信箱，"
            "受理被督察对象生态环境保护方面的来电来信举报。"
        )
        paras.append(
            "本轮督察将坚持问题导向，重点督察习近平生态文明思想贯彻落实情况、"
            "历次督察反馈问题整改情况，以及人民群众身边的突出生态环境问题。"
        )
        return title, paras, None

    # ---------------------------------------------------------------------------------- page

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
        if pub.year != self.date.year or pub > _LAST_DAY + dt.timedelta(days=3):
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
        reporters = _sample(rng, journalists, rng.randint(1, 3))
        editor, checker = _sample(rng, [j for j in journalists if j not in reporters], 2)
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
                        *_sample(
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
            wd = _WEEKDAYS[later.weekday()]
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
            tail.append(_mojibake(rng.choice(("　　（完）", "【字体：大 中 小】", "分享到："))))
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
            text = _traditional_ruby(text, rng)
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
            out.append(f"上一篇：{rng.choice(_RELATED).format(s=f.short, w=f.word)}")
            out.append(f"下一篇：{rng.choice(_RELATED).format(s=f.short, w=f.word)}")
            self.note("prev_next")
        if rng.random() < 0.25:
            out.append("相关文章：")
            for t in _sample(rng, _RELATED, 3):
                d = self.date - dt.timedelta(days=rng.randint(5, 700))
                out.append(f"· {t.format(s=f.short, w=f.word)}　{d.isoformat()}")
            self.note("related_links")
        if rng.random() < 0.4:
            abbr = _PROVINCE_ABBR.get(f.province[:2], "京")
            out.append(f"版权所有：{self._source_name()}　{abbr}ICP备{rng.randint(10_000_000, 99_999_999)}号")
            self.note("copyright")
        if rng.random() < 0.06:
            out.append(rng.choice(_SPAM))
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

    def _gold(self, date: str, note: str, year_known: bool) -> dict[str, Any]:
        persons = []
        for name, posts in self.persons.items():
            persons.append(
                {"name": name, "posts": [{"role": _one(alts), "locality": loc} for alts, loc in posts]}
            )
        events = []
        for ev in self.events:
            events.append(
                {
                    "name": _one(ev.names),
                    "kind": ev.kind,
                    "date": _event_date(ev.date, ev.precision, year_known),
                    "locality": ev.locality,
                    "chair": ev.chair,
                    "attendees": ev.attendees,
                    "speakers": ev.speakers,
                }
            )
        bodies = [
            {"name": _one(b["name"]), "kind": b["kind"], "locality": b["locality"], "parent": b["parent"]}
            for b in self.bodies.values()
        ]
        return {
            "doc": "",
            "date": date,
            "date_note": note,
            "localities": [{"name": n, "parent": p} for n, p in self.localities.values()],
            "persons": persons,
            "bodies": bodies,
            "events": events,
            "assignments": [
                {"from": a, "to": b, "what": "、".join(w)} for (a, b), w in self.assignments.items()
            ],
            "bylines": self.bylines,
            "synth": {
                "seed": self.seed,
                "index": self.i,
                "genre": self.genre,
                "level": self.level,
                "place": self.focal.name,
                "noise": sorted(self.noise),
            },
        }


def _xun(d: dt.date) -> str:
    return "上旬" if d.day <= 10 else ("中旬" if d.day <= 20 else "下旬")


def _bureau_of(text: str) -> str | None:
    """The bureau in a bureau head's title: 县生态环境局局长 → 县生态环境局."""
    for tail in ("党组成员", "副局长", "局长", "副厅长", "厅长"):
        if text.endswith(tail) and text[: -len(tail)].endswith(("局", "厅")):
            return text[: -len(tail)]
    return None


def _is_header_line(text: str) -> bool:
    return text.endswith("号") and "〔" in text or text.endswith("：") and len(text) < 80


def _prefixed(p: Place, part: RolePart) -> str:
    """A post of another place, written with the place's name: 永兴县委常委, 永兴县县长, 马田镇党委书记."""
    w, text = p.word, part.text
    if part.head:
        if w in ("自治区", "街道") and text.startswith(w):
            return p.prefix + text[len(w) :]
        return p.prefix + text
    if text.startswith(w):
        return p.prefix + text[len(w) :]
    return p.prefix + text


def _event_date(d: dt.date | None, precision: str, year_known: bool) -> str | None:
    if d is None or precision == "none":
        return None
    if precision == "day":
        return d.isoformat() if year_known else d.strftime("--%m-%d")
    if not year_known:
        return None
    if precision == "month":
        return d.strftime("%Y-%m")
    return str(d.year)


@functools.lru_cache(maxsize=4096)
def _slug(text: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text)).replace("·", "")


# ------------------------------------------------------------------------------------- public API


def iter_articles(n_docs: int, seed: int) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield synthetic articles one at a time, with their gold facts.

    Parameters
    ----------
    n_docs : int
        How many articles (indices ``0 … n_docs-1``).
    seed : int
        Seed of the world and of every article; article ``i`` depends only on ``seed`` and ``i``.

    Yields
    ------
    (str, str, dict)
        File name (``000042_yongxing_meeting.txt``; ``.gb18030.txt`` for the few GB18030 files), the
        article text, and its gold facts in the shared format (``doc`` is the file name; extra keys
        ``date_note`` and ``synth`` describe the date rule used and the genre and noise).

    Examples
    --------
    >>> [name for name, _, _ in iter_articles(2, seed=1)][0].startswith("000000_")
    True
    """
    world = _world(seed)
    for i in range(n_docs):
        art = _Article(world, seed, i)
        text, gold, encoding = art.page()
        suffix = ".gb18030.txt" if encoding == "gb18030" else ".txt"
        name = f"{i:06d}_{_slug(art.focal.short)}_{art.genre}{suffix}"
        gold["doc"] = name
        gold["synth"]["encoding"] = encoding
        yield name, text, gold


def _write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


@dataclass
class SynthReport:
    """What :func:`generate` wrote.

    Attributes
    ----------
    seed, docs, chars, bytes : int
        The seed, the number of articles, their characters and their bytes on disk.
    officials : int
        Officials in the world (local officials and central inspectors).
    officials_mentioned : int
        Distinct officials named in the gold of the written articles.
    genres, levels, noise, encodings : dict
        Article counts per genre, per level of the focal place, per noise feature and per encoding.
    seconds : float
        Wall time (not written to ``manifest.json``, which is deterministic).
    """

    seed: int
    docs: int = 0
    chars: int = 0
    bytes: int = 0
    officials: int = 0
    officials_mentioned: int = 0
    genres: dict[str, int] = field(default_factory=dict)
    levels: dict[str, int] = field(default_factory=dict)
    noise: dict[str, int] = field(default_factory=dict)
    encodings: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The manifest: every count, without the wall time."""
        return {
            "generator": "graph_loader.synth",
            "note": "synthetic articles with invented officials in real places; a sanity check of the "
            "extractor, not a substitute for real articles",
            "seed": self.seed,
            "docs": self.docs,
            "chars": self.chars,
            "bytes": self.bytes,
            "officials": self.officials,
            "officials_mentioned": self.officials_mentioned,
            "genres": dict(sorted(self.genres.items())),
            "levels": dict(sorted(self.levels.items())),
            "noise": dict(sorted(self.noise.items())),
            "encodings": dict(sorted(self.encodings.items())),
        }


def generate(
    n_docs: int, seed: int, out_dir: Path, *, gold: bool = True, progress: Callable[[int], None] | None = None
) -> SynthReport:
    """Write ``n_docs`` synthetic articles, their gold facts and a manifest.

    Parameters
    ----------
    n_docs : int
        Number of articles.
    seed : int
        Corpus seed; the same seed writes byte-identical files.
    out_dir : Path
        Output folder; ``articles/``, ``gold/`` and ``manifest.json`` are written inside it (existing
        files with the same names are overwritten).
    gold : bool, default True
        Write ``gold/<file stem>.json`` for every article.
    progress : callable, optional
        Called with the number of articles written, every 1,000 articles.

    Returns
    -------
    SynthReport
        The counts, also written to ``out_dir/manifest.json``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     generate(3, seed=5, out_dir=Path(d)).docs
    3
    """
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    art_dir = out_dir / "articles"
    gold_dir = out_dir / "gold"
    art_dir.mkdir(parents=True, exist_ok=True)
    if gold:
        gold_dir.mkdir(parents=True, exist_ok=True)
    report = SynthReport(seed=seed)
    genres: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    noise: Counter[str] = Counter()
    encodings: Counter[str] = Counter()
    mentioned: set[str] = set()
    for name, text, facts in iter_articles(n_docs, seed):
        meta = facts["synth"]
        data = text.encode(meta["encoding"])
        _write(art_dir / name, data)
        if gold:
            stem = name.rsplit(".", 1)[0]
            _write(gold_dir / f"{stem}.json", json.dumps(facts, ensure_ascii=False).encode("utf-8"))
        report.docs += 1
        report.chars += len(text)
        report.bytes += len(data)
        genres[meta["genre"]] += 1
        levels[meta["level"]] += 1
        encodings[meta["encoding"]] += 1
        noise.update(meta["noise"])
        mentioned.update(p["name"] for p in facts["persons"])
        if progress is not None and report.docs % 1000 == 0:
            progress(report.docs)
    report.officials = len(_world(seed).names)
    report.officials_mentioned = len(mentioned)
    report.genres, report.levels = dict(genres), dict(levels)
    report.noise, report.encodings = dict(noise), dict(encodings)
    (out_dir / "manifest.json").write_text(
        json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    report.seconds = time.perf_counter() - t0
    return report
