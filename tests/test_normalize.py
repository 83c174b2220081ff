"""Tests for graph_loader.normalize: each normalization step, noise kind and never-remove rule."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_loader.normalize import Normalized, normalize, strip_ruby, to_simplified

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def kinds(result: Normalized) -> list[str]:
    return [r.kind for r in result.removed]


def body(text: str) -> str:
    """A stand-in article paragraph long enough not to look like a link or a caption."""
    return f"{text}会议强调,要进一步压实工作责任,全力抓好中央环保督察反馈问题整改,确保整改落实到位。"


# ----------------------------------------------------------------------------------- step 1: characters


def test_line_endings_nfkc_and_invisible_characters() -> None:
    text = "第一行\r\n第二行\r第三行\u2028第四（一）\u3000全角，ＡＢＣ１２\u200b\ufeff\x07\t尾"
    assert normalize(text).text == "第一行\n第二行\n第三行\n第四(一) 全角,ABC12 尾"


# ----------------------------------------------------------------------------------------- step 2: ruby


def test_ruby_removed() -> None:
    result = normalize("市環(huán)督辦暨迎接中央環(huán)保督察專項(xiàng)工作組")
    assert result.text == "市环督办暨迎接中央环保督察专项工作组"
    assert [(r.kind, r.text) for r in result.removed] == [("ruby", "(huán)(huán)(xiàng)")]


def test_ruby_inside_real_parentheses() -> None:
    assert normalize("開展三輪縣(區(qū))交叉檢查").text == "开展三轮县(区)交叉检查"
    assert normalize("專項(xiàng)工作組(擴(kuò)大)第一次會議").text == "专项工作组(扩大)第一次会议"


@pytest.mark.parametrize(
    "text", ["(完)", "各镇(街道)", "见附件(a)", "工作组(扩大)", "(记者 张三)", "(2017)", "公司(SI)"]
)
def test_real_parentheses_kept(text: str) -> None:
    assert normalize(text).text == text
    assert strip_ruby(text) == (text, [])


@pytest.mark.parametrize("ruby", ["(lǜ)", "(lü)", "(lv)", "(lu:)", "(lu4)"])
def test_ruby_u_umlaut_forms(ruby: str) -> None:
    assert strip_ruby(f"綠{ruby}水") == ("綠水", [ruby])


def test_ruby_without_tone_marks_and_nu() -> None:
    assert strip_ruby("環(huan)保 女(nǚ)士 女(nv) 居(jū)民") == (
        "環保 女士 女 居民",
        ["(huan)", "(nǚ)", "(nv)", "(jū)"],
    )


# ------------------------------------------------------------------------------------ step 3: simplified


def test_traditional_to_simplified() -> None:
    assert to_simplified("中央環境保護督察組反饋問題整改") == "中央环境保护督察组反馈问题整改"


def test_zhe_in_verb_use_becomes_zhe() -> None:
    assert to_simplified("看著 隨著 著力推進 抱著 帶著") == "看着 随着 着力推进 抱着 带着"


def test_zhe_kept_where_correct() -> None:
    assert to_simplified("顯著 著名 著作 卓著 名著 土著 編著") == "显著 著名 著作 卓著 名著 土著 编著"


# ------------------------------------------------------------------------------------ step 4: whitespace


def test_whitespace_single_spaces_kept_runs_collapsed() -> None:
    text = "  (邹立杨 余坤洋 查静文)日前   召开  \n\n\n\n第二段  "
    assert normalize(text).text == "(邹立杨 余坤洋 查静文)日前 召开\n\n第二段"


# ---------------------------------------------------------------------------------------- step 5: noise


@pytest.mark.parametrize(
    "line",
    [
        "首页 > bwbd > 中新网四川",
        "当前位置:首页 > 新闻中心 > 工作动态",
        "您的位置:网站首页",
        "你好,欢迎进入成都博尔美环保科技有限公司官方网站! 成都废水处理 | 成都废气处理 | 联系我们",
        "欢迎访问四川省生态环境厅网站",
        "设为首页 加入收藏",
        "网站地图",
        "新闻中心 | 政务公开 | 办事服务 | 互动交流",
    ],
)
def test_navigation_removed(line: str) -> None:
    result = normalize(f"{line}\n{body('')}")
    assert result.text == body("")
    assert kinds(result) == ["navigation"]


def test_navigation_clutter_removed_from_source_line() -> None:
    result = normalize("来源:博尔美环保科技 发布时间:2017-10-30 点击次数:101 【字体:\u00a0\u00a0大 中 小】")
    assert result.text == "来源:博尔美环保科技 发布时间:2017-10-30"
    assert kinds(result) == ["navigation", "navigation"]


@pytest.mark.parametrize(
    "line", ["分享到:", "分享到: 微信 微博 QQ空间", "扫一扫在手机打开当前页", "微信 微博 QQ空间"]
)
def test_share_removed(line: str) -> None:
    result = normalize(f"{body('')}\n{line}")
    assert result.text == body("")
    assert kinds(result) == ["share"]


@pytest.mark.parametrize(
    "line",
    [
        "版权所有:四川省生态环境厅",
        "Copyright © 2017 www.example.com All Rights Reserved",
        "© 中国新闻网",
        "蜀ICP备12345678号-1",
        "未经本网书面授权不得转载、摘编",
    ],
)
def test_copyright_removed(line: str) -> None:
    result = normalize(f"{body('')}\n{line}")
    assert result.text == body("")
    assert kinds(result) == ["copyright"]


def test_copyright_footer_block_removed() -> None:
    text = "\n".join(
        [
            body("甲"),
            "中国新闻网·四川新闻版权与免责声明:",
            "① 凡本网注明“来源:本网”的所有作品,版权均属于中新社。",
            "联系方式:采编部 电话:+86-28-62938795",
        ]
    )
    result = normalize(text)
    assert result.text == body("甲")
    assert kinds(result) == ["copyright"] * 3


def test_copyright_heading_early_in_document_does_not_swallow_the_body() -> None:
    text = "\n".join(["版权所有:某某网", body("甲"), body("乙"), body("丙")])
    assert normalize(text).text == "\n".join([body("甲"), body("乙"), body("丙")])


@pytest.mark.parametrize(
    "line",
    ["相关链接", "相关阅读:安居区召开推进会", "上一页:没有了下一页:没有了", "上一篇:关于做好督察工作的通知"],
)
def test_related_links_removed(line: str) -> None:
    result = normalize(f"{body('')}\n{line}")
    assert result.text == body("")
    assert kinds(result) == ["related_links"]


def test_related_links_block_removes_link_lines() -> None:
    text = "\n".join([body(""), "相关新闻", "遂宁召开环保督察推进会", "攀枝花迎接中央环保督察"])
    result = normalize(text)
    assert result.text == body("")
    assert kinds(result) == ["related_links"] * 3


@pytest.mark.parametrize(
    "line",
    [
        "澳门葡京赌场注册送100元",
        "真人视讯 百家乐 在线投注",
        "代开增值税发票 联系电话13800000000",
        "www.abc123.com http://x.cn",
    ],
)
def test_spam_removed(line: str) -> None:
    result = normalize(f"{body('')}\n{line}")
    assert result.text == body("")
    assert kinds(result) == ["spam"]


def test_question_mark_lines_removed() -> None:
    result = normalize(f"{body('')}\n?\n??? !\n……")
    assert result.text == body("")
    assert kinds(result) == ["question_marks"] * 3


def test_stray_question_marks_inside_text_removed() -> None:
    result = normalize("完成好交办的各项任务?! 。下一步?继续推进")
    assert result.text == "完成好交办的各项任务。下一步继续推进"
    assert kinds(result) == ["question_marks", "question_marks"]


def test_mojibake_byline_keeps_the_name() -> None:
    result = normalize("完成好省委、省政府交辦的各項任務(wù)?! 。ㄓ浾?譚建紅)")
    assert result.text == "完成好省委、省政府交办的各项任务。谭建红)"
    assert ("mojibake", "ㄓ浾?") in [(r.kind, r.text) for r in result.removed]


@pytest.mark.parametrize("garbled", ["\ufffd\ufffd", "\ue000\ue001", "Ã©Ã¨", "\x81\x9f"])
def test_mojibake_signals_removed(garbled: str) -> None:
    result = normalize(f"会议召开{garbled}谢忠华出席")
    assert result.text == "会议召开谢忠华出席"
    assert kinds(result) == ["mojibake"]


# ---------------------------------------------------------------------------------------- never remove


@pytest.mark.parametrize(
    "line",
    [
        "遂宁安居召开2021年第二轮中央生态环境保护督察迎检工作推进会",
        "安居区召开迎检工作推进会 | 中新网四川",
        "2024年09月03日 星期二",
        "发布日期:2017-08-22",
        "2017-10-30",
        "信息来源:济南日报",
        "来源:博尔美环保科技 发布时间:2017-10-30",
        "2021年06月11日 15:18 来源:中新网四川 编辑:祝欢",
        "编辑:高昊",
        "记者 张三 通讯员 李四",
        "审核:王五",
        "中新网四川新闻6月11日电 (邹立杨 余坤洋 查静文)日前,吴军主持召开会议。",
        "中共四川省委办公厅",
        "四川省人民政府办公厅",
        "(完)",
        "(记者 谭建红)",
    ],
)
def test_never_removed(line: str) -> None:
    result = normalize(f"{body('')}\n{line}")
    assert result.text == f"{body('')}\n{line}"
    assert result.removed == []


def test_keep_lines_survive_inside_a_footer() -> None:
    text = "\n".join([body("甲"), body("乙"), "版权所有:某某网", "编辑:高昊", "地址:成都市"])
    assert normalize(text).text == "\n".join([body("甲"), body("乙"), "编辑:高昊"])


# ------------------------------------------------------------------------------------ step 6: duplicates


def test_repeated_paragraph_removed() -> None:
    result = normalize("\n".join([body("甲"), body("乙"), body("甲")]))
    assert result.text == "\n".join([body("甲"), body("乙")])
    assert kinds(result) == ["duplicate"]


def test_body_pasted_twice_removed() -> None:
    article = "\n".join(["市委常委、政法委书记谢忠华出席会议。", body("甲"), body("乙")])
    result = normalize(f"标题\n{article}\n{article}")
    assert result.text == f"标题\n{article}"
    assert kinds(result) == ["duplicate"] * 3


def test_line_made_of_the_same_text_twice_is_halved() -> None:
    assert normalize(body("甲") + body("甲")).text == body("甲")


def test_short_repeated_caption_removed() -> None:
    assert normalize(f"{body('甲')}\n\n会议现场。\n会议现场。\n\n{body('乙')}").text == (
        f"{body('甲')}\n\n会议现场。\n\n{body('乙')}"
    )


def test_short_lines_repeated_apart_kept() -> None:
    text = f"一、\n{body('甲')}\n一、\n{body('乙')}"
    assert normalize(text).text == text


# ---------------------------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "環", "(huán)", "(hu", "án)", "?", "?!", " ", "\n", "\n\n", "。", "著", "(", ")", "區", "(qū)", "ㄓ",
        "浾", "\ufffd", "分享到:", "版权所有", "首页 > 新闻 > 正文", "会议现场。", "谭建红", "(完)", "2017-08-22",
        "来源:", "相关新闻", "|", "\u0301", "e", "\u200b", "\x85", "\r", "綠", "(lǜ)", "(lv)", "Ã©", "\ue000",
        "编辑:", "\u3000", ",", "?", "http://x.cn", "赌场", "上一页:", "我市召开会议", "a", "1", "\t",
    ]
)  # fmt: skip
_MIXED = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join)
_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_MIXED, _ANY_TEXT))
def test_normalize_never_raises_and_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert isinstance(once, str)
    assert normalize(once).text == once


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=100))
def test_normalize_survives_lone_surrogates(text: str) -> None:
    once = normalize(text + "\ud800").text
    assert normalize(once).text == once


# ---------------------------------------------------------------------------------------------- speed


def test_normalize_speed() -> None:
    para = "中央環(huán)保督察組將於近期進駐四川開展督察工作,已經確定到攀枝花開展下沉督察。"
    text = "\n".join(["首頁 > 新聞", "2017-08-22", *(f"{para}{i}" for i in range(48)), "版權所有"])
    assert len(text.encode()) > 5000
    normalize(text)  # warm the caches
    start = time.perf_counter()
    for _ in range(20):
        normalize(text)
    assert (time.perf_counter() - start) / 20 < 0.005


@pytest.mark.parametrize(
    "line",
    [
        "相关新闻" + ">" * 3000 + "x",
        "首页" + " > 栏目" * 800 + ",",
        "QQ空间" * 1000 + "x",
        "环" + "?" * 5000 + "x",
        "环" + "(huán)" * 1000 + "。",
        "欢迎访问" + "网站" * 2000 + "。x",
        "环ㄓ" + "浾?" * 2000,
    ],
)
def test_no_catastrophic_backtracking(line: str) -> None:
    normalize("warm up 環(huán)")
    start = time.perf_counter()
    normalize(line)
    assert time.perf_counter() - start < 0.5


# ----------------------------------------------------------------------------------------------- seeds


def _seed_texts() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} not found")
    return {p.name[:3]: normalize(p.read_text(encoding="utf-8")).text for p in sorted(SEEDS.glob("*.txt"))}


def test_seeds_normalized() -> None:
    seeds = _seed_texts()
    everything = "\n".join(seeds.values())
    for pinyin in ("(huán)", "(qū)", "(wù)", "(kuò)"):
        assert pinyin not in everything
    for noise in ("首页 >", "分享到", "版权", "免责声明", "欢迎进入", "上一页", "友情链接", "点击次数", "ㄓ"):
        assert noise not in everything, noise
    assert "谢忠华" in seeds["000"]
    assert "迎接中央环保督察工作领导小组" in seeds["000"]
    assert "开展三轮县(区)交叉检查" in seeds["000"]
    assert seeds["000"].endswith("各项任务。谭建红)")
    assert seeds["000"].count("谢忠华出席会议") == 1
    assert seeds["000"].count("谭建红)") == 1
    assert "\n?\n" not in everything
    assert "来源:博尔美环保科技 发布时间:2017-10-30" in seeds["003"].split("\n")
    assert "中共四川省委办公厅" in seeds["003"].split("\n")
    assert "发布日期:2017-08-22" in seeds["004"].split("\n")
    assert seeds["004"].split("\n")[0] == "2024年09月03日 星期二"
    assert "2021年06月11日 15:18 来源:中新网四川 编辑:祝欢" in seeds["002"].split("\n")
    assert "(邹立杨 余坤洋 查静文)" in seeds["002"]
    assert seeds["002"].count("会议现场。") == 1
    assert seeds["002"].endswith("让安居更安逸。(完)")
    assert seeds["004"].endswith("编辑:高昊")
