"""Tests for the locality finder (graph_loader/extract/localities.py)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from graph_loader.extract.localities import (
    MIN_CONFIDENCE,
    PlaceContext,
    PlaceMention,
    find_places,
    match_place_prefix,
    place_context,
)

SEEDS = Path("/work/shared/seeds")
_RUBY = re.compile(r"\(([a-zü\u0101-\u01dc]+)\)")


@cache
def seed_text(prefix: str) -> str:
    """The seed article starting with ``prefix``, in simplified characters without pinyin ruby.

    A stand-in for graph_loader/normalize.py, good enough for place names.
    """
    opencc = pytest.importorskip("opencc")
    paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not paths:
        pytest.skip(f"seed {prefix} not available")
    text = opencc.OpenCC("t2s").convert(paths[0].read_text(encoding="utf-8"))
    return _RUBY.sub("", text)


def names(mentions: list[PlaceMention]) -> list[str]:
    return [m.division.name for m in mentions]


def spans(mentions: list[PlaceMention]) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.division.name) for m in mentions]


def ctx_of(text: str) -> PlaceContext:
    return place_context(text)


def focal_name(text: str) -> str | None:
    focal = ctx_of(text).focal
    return focal.name if focal else None


def level_name(ctx: PlaceContext, level: str) -> str | None:
    d = ctx.resolve_level(level)
    return d.name if d else None


# ------------------------------------------------------------------------------------------ find_places


def test_full_name_chains_are_separate_mentions() -> None:
    ms = find_places("遂宁市安居区召开会议")
    assert spans(ms) == [(0, 3, "遂宁市"), (3, 6, "安居区")]
    assert all(m.rule == "locality.full" for m in ms)
    assert names(find_places("甘肃省天水市清水县")) == ["甘肃省", "天水市", "清水县"]


def test_longest_match_wins() -> None:
    assert names(find_places("广西壮族自治区")) == ["广西壮族自治区"]
    assert names(find_places("清水河县")) == ["清水河县"]
    assert names(find_places("凉山彝族自治州西昌市")) == ["凉山彝族自治州", "西昌市"]


def test_province_short_forms() -> None:
    ms = find_places("中央环保督察组进驻四川，广西、内蒙古同步开展")
    assert names(ms) == ["四川省", "广西壮族自治区", "内蒙古自治区"]
    assert {m.rule for m in ms} == {"locality.short.province"}


def test_prefecture_short_forms() -> None:
    ms = find_places("已经确定到攀枝花开展下沉督察")
    assert names(ms) == ["攀枝花市"]
    assert ms[0].rule == "locality.short.prefecture"
    assert names(find_places("凉山州委")) == ["凉山彝族自治州"]
    assert names(find_places("大兴安岭森林")) == ["大兴安岭地区"]


def test_county_short_form_after_parent() -> None:
    ms = find_places("遂宁安居召开推进会")
    assert names(ms) == ["遂宁市", "安居区"]
    assert ms[1].rule == "locality.short.after_parent"
    assert names(find_places("北京朝阳")) == ["北京市", "朝阳区"]


def test_county_short_form_needs_context() -> None:
    assert find_places("全力实现安居生态环境只能变好") == []
    assert names(find_places("都江堰市召开会议，都江堰生态良好")) == ["都江堰市", "都江堰市"]
    assert find_places("都江堰生态良好") == []
    # An ordinary-word county short form needs its parent, not just its full name elsewhere.
    assert names(find_places("安居区召开会议，让安居更安居")) == ["安居区"]


@pytest.mark.parametrize(
    "text",
    [
        "济南市南部山区党工委主要负责同志",
        "县公安局局长",
        "公安、法院、检察等部门",
        "确保长治久安",
        "世界大同",
        "大同小异",
        "把解决成都平原大气污染作为重点",
        "四川盆地",
        "安居乐业",
        "城区环境",
        "老城区改造",
        "东方市场",
        "完成县委部署",
        "孙中山",
        "中山路",
        "黄河南岸",
        "朝阳区召开会议",
        "鼓楼区召开会议",
    ],
)
def test_negatives(text: str) -> None:
    found = [(m.surface, m.division.name) for m in find_places(text)]
    assert not [f for f in found if f[0] not in ("济南市",)], found


def test_risky_prefecture_short_form() -> None:
    assert find_places("到大同调研") == []
    assert names(find_places("山西大同")) == ["山西省", "大同市"]
    assert names(find_places("大同市召开会议，大同要做好整改")) == ["大同市", "大同市"]


def test_ambiguous_names_resolved_by_context() -> None:
    assert [m.division.parent for m in find_places("北京市朝阳区")][1] == "110000"
    assert [m.division.parent for m in find_places("长春市朝阳区")][1] == "220100"
    ms = find_places("北京市召开会议。朝阳区、海淀区参加")
    assert [m.division.code for m in ms] == ["110000", "110105", "110108"]
    ms = find_places("长春市召开会议。朝阳区委书记参加")
    assert [m.division.code for m in ms] == ["220100", "220104"]
    # No context: dropped, never guessed.
    assert find_places("朝阳区委书记参加") == []


def test_historical_divisions() -> None:
    ms = find_places("莱芜市环保局")
    assert names(ms) == ["莱芜市"] and ms[0].division.historical
    # A current division with the same name wins.
    ms = find_places("合肥市巢湖市")
    assert [(m.division.name, m.division.level, m.division.historical) for m in ms][1] == (
        "巢湖市",
        "county",
        False,
    )
    assert names(find_places("济南市莱芜区")) == ["济南市", "莱芜区"]


def test_furniture_has_low_confidence() -> None:
    text = "你好,欢迎进入成都博尔美环保科技有限公司官方网站! 成都废水处理 |  联系我们\n省委省政府通知\n中央督察组进驻四川。"
    ms = find_places(text)
    low = [m for m in ms if m.confidence < MIN_CONFIDENCE]
    assert {m.division.name for m in low} == {"成都市"}
    assert [d.name for d, _ in place_context(text, ms).localities()] == ["四川省"]
    ms = find_places("中新网四川新闻6月11日电 日前,遂宁市安居区召开会议")
    assert ms[0].division.name == "四川省" and ms[0].confidence < MIN_CONFIDENCE


def test_confidence_and_rules_are_sane() -> None:
    for m in find_places("甘肃省天水市清水县，遂宁安居，四川，凉山州"):
        assert 0 < m.confidence <= 1
        assert m.rule.startswith("locality.")


def test_speed() -> None:
    import time

    paragraph = (
        "8月21日上午，济南市召开落实中央环境保护督察组反馈问题整改工作专题会议，进一步统一思想、查找不足，"
        "分析原因、强化措施。省委副书记、市委书记出席会议并讲话，要求以更大的决心、更大的力度坚决抓好中央"
        "环保督察组反馈问题的整改落实。会议通报了中央环保督察组移交问题及我市整改落实情况，听取了移交具体"
        "案件分类情况汇报。各县区、南部山区党工委主要负责同志参加会议，四川、遂宁安居的同志列席。\n"
    )
    text = paragraph * 1500  # about 300,000 characters
    find_places("预热")
    t0 = time.perf_counter()
    find_places(text)
    rate = len(text) / (time.perf_counter() - t0)
    assert rate > 500_000, rate  # characters per second; 1-2 million on a laptop


# --------------------------------------------------------------------------------- focal / resolve_level


def test_focal_county() -> None:
    text = "甘肃省清水县召开会议。\n全县各部门要做好工作。清水县委书记讲话。"
    ctx = ctx_of(text)
    assert ctx.focal is not None and ctx.focal.name == "清水县"
    assert (level_name(ctx, "县"), level_name(ctx, "市"), level_name(ctx, "省")) == (
        "清水县",
        "天水市",
        "甘肃省",
    )
    assert level_name(ctx, "区") is None


def test_focal_district_of_a_municipality() -> None:
    ctx = ctx_of("北京市朝阳区召开中央环保督察迎检会。全区上下要高度重视，朝阳区委书记讲话。")
    assert ctx.focal is not None and ctx.focal.code == "110105"
    assert level_name(ctx, "区") == "朝阳区"
    assert level_name(ctx, "市") == "北京市"
    assert level_name(ctx, "县") is None


def test_focal_autonomous_prefecture() -> None:
    ctx = ctx_of("凉山州召开环保督察整改推进会\n我州要全力以赴，凉山州委书记出席，西昌市作了发言。")
    assert ctx.focal is not None and ctx.focal.name == "凉山彝族自治州"
    assert level_name(ctx, "州") == "凉山彝族自治州"
    assert level_name(ctx, "自治州") == "凉山彝族自治州"
    assert level_name(ctx, "省") == "四川省"
    assert level_name(ctx, "市") is None


def test_focal_county_level_city() -> None:
    ctx = ctx_of("都江堰市召开会议\n全市上下要抓好整改。都江堰市委书记讲话。")
    assert ctx.focal is not None and ctx.focal.name == "都江堰市"
    assert level_name(ctx, "市") == "都江堰市"
    assert level_name(ctx, "省") == "四川省"


def test_focal_banner_and_league() -> None:
    ctx = ctx_of("西乌珠穆沁旗召开会议\n全旗各部门参加，西乌珠穆沁旗旗长讲话。")
    assert ctx.focal is not None and ctx.focal.name == "西乌珠穆沁旗"
    assert level_name(ctx, "旗") == "西乌珠穆沁旗"
    assert level_name(ctx, "盟") == "锡林郭勒盟"
    assert level_name(ctx, "自治区") == "内蒙古自治区"
    assert level_name(ctx, "区") == "内蒙古自治区"


def test_focal_province_notice_naming_several_cities() -> None:
    text = "广西壮族自治区通知\n全区各市：南宁市、柳州市、桂林市要抓好整改，广西各地要落实。"
    ctx = ctx_of(text)
    assert ctx.focal is not None and ctx.focal.name == "广西壮族自治区"
    assert level_name(ctx, "市") is None
    assert level_name(ctx, "区") == "广西壮族自治区"


def test_no_focal_when_unclear() -> None:
    ctx = ctx_of("长春市和吉林市联合召开会议，长春市、吉林市分别发言。")
    assert ctx.focal is None
    assert level_name(ctx, "市") is None  # two cities: never guess
    assert level_name(ctx, "省") == "吉林省"  # one province among mentions and ancestors
    assert ctx_of("会议要求各地抓好落实。").focal is None


def test_resolve_level_rejects_unknown_words() -> None:
    ctx = ctx_of("清水县召开会议")
    assert ctx.resolve_level("乡") is None
    assert ctx.resolve_level("") is None


def test_localities_order_and_flags() -> None:
    ctx = ctx_of("遂宁市安居区召开会议，四川省要求")
    assert [(d.name, m) for d, m in ctx.localities()] == [
        ("遂宁市", True),
        ("四川省", True),
        ("安居区", True),
    ]
    ctx = ctx_of("清水县召开会议")
    assert [(d.name, m) for d, m in ctx.localities()] == [
        ("清水县", True),
        ("天水市", False),
        ("甘肃省", False),
    ]


# ---------------------------------------------------------------------------------------------- seeds


def test_seed_000_panzhihua() -> None:
    text = seed_text("000")
    ctx = place_context(text)
    assert ctx.focal is not None and ctx.focal.name == "攀枝花市"
    assert level_name(ctx, "市") == "攀枝花市"
    assert level_name(ctx, "省") == "四川省"
    assert {d.name for d, _ in ctx.localities()} == {"攀枝花市", "四川省"}


def test_seed_001_qingshui() -> None:
    ctx = place_context(seed_text("001"))
    assert ctx.focal is not None and ctx.focal.name == "清水县"
    assert level_name(ctx, "市") == "天水市"
    assert level_name(ctx, "县") == "清水县"
    assert [d.name for d, _ in ctx.localities()] == ["清水县", "天水市", "甘肃省"]


def test_seed_002_anju() -> None:
    text = seed_text("002")
    ctx = place_context(text)
    assert ctx.focal is not None and ctx.focal.name == "安居区"
    assert level_name(ctx, "区") == "安居区"
    assert level_name(ctx, "市") == "遂宁市"
    assert {d.name for d, _ in ctx.localities()} == {"安居区", "遂宁市", "四川省"}
    title = next(m for m in ctx.mentions if m.surface == "安居")
    assert title.rule == "locality.short.after_parent"


def test_seed_003_sichuan_notice() -> None:
    text = seed_text("003")
    ctx = place_context(text)
    assert ctx.focal is not None and ctx.focal.name == "四川省"
    assert level_name(ctx, "市") is None
    assert level_name(ctx, "省") == "四川省"
    assert [d.name for d, _ in ctx.localities()] == ["四川省"]
    assert all(m.confidence < MIN_CONFIDENCE for m in ctx.mentions if m.division.name == "成都市")


def test_seed_004_jinan() -> None:
    text = seed_text("004")
    ctx = place_context(text)
    assert ctx.focal is not None and ctx.focal.name == "济南市"
    assert level_name(ctx, "省") == "山东省"
    assert level_name(ctx, "市") == "济南市"
    assert {d.name for d, _ in ctx.localities()} == {"济南市", "山东省"}
    assert "南部县" not in names(ctx.mentions)


# --------------------------------------------------------------------------------------- prefix match


@pytest.mark.parametrize(
    ("post", "name", "start", "end"),
    [
        ("清水县委书记", "清水县", 0, 3),
        ("遂宁市安居区委书记", "安居区", 0, 6),
        ("攀枝花市委常委", "攀枝花市", 0, 4),
        ("中共四川省委办公厅", "四川省", 2, 5),
        ("四川省攀枝花市委", "攀枝花市", 0, 7),
        ("凉山州委书记", "凉山彝族自治州", 0, 3),
        ("北京市朝阳区委", "朝阳区", 0, 6),
        ("济南市保障中央环境保护督察工作协调联络组", "济南市", 0, 3),
    ],
)
def test_match_place_prefix(post: str, name: str, start: int, end: int) -> None:
    m = match_place_prefix(post)
    assert m is not None
    assert (m.division.name, m.start, m.end) == (name, start, end)
    assert m.surface == post[start:end]


@pytest.mark.parametrize(
    "post", ["市委常委", "县委书记", "南部山区党工委", "公安局长", "朝阳区委书记", "城区委员会"]
)
def test_match_place_prefix_none(post: str) -> None:
    assert match_place_prefix(post) is None


def test_match_place_prefix_uses_context() -> None:
    ctx = ctx_of("长春市召开会议，朝阳区参加")
    m = match_place_prefix("朝阳区委书记", ctx)
    assert m is not None and m.division.code == "220104"
    ctx = ctx_of("都江堰市召开会议")
    m = match_place_prefix("都江堰市委", ctx)
    assert m is not None and m.division.name == "都江堰市"
    m = match_place_prefix("都江堰环保局", ctx)
    assert m is not None and m.rule == "locality.short.full_elsewhere"
    assert match_place_prefix("都江堰环保局") is None
