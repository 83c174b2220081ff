"""Persons and posts: every rule on invented officials in real places."""

from __future__ import annotations

import re

from conftest import facts_of
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_loader.extract.persons import find_name_mentions


def posts(facts, name):  # type: ignore[no-untyped-def]
    person = next(p for p in facts.persons if p.name == name)
    return [(q.role, q.locality) for q in person.posts]


def names(facts):  # type: ignore[no-untyped-def]
    return {p.name for p in facts.persons}


def test_stacked_titles_with_shared_prefix_resolve_to_the_city_of_the_article() -> None:
    f = facts_of(
        "6月3日,我市召开迎接中央生态环境保护督察工作推进会。岳阳是本次督察重点。\n"
        "岳阳市委常委、宣传部部长、市环委会副主任郑海鸥出席会议。"
    )
    assert posts(f, "郑海鸥") == [
        ("市委常委", "岳阳市"),
        ("市委宣传部部长", "岳阳市"),
        ("市环委会副主任", "岳阳市"),
    ]


def test_county_article_resolves_city_posts_to_the_parent_city() -> None:
    f = facts_of(
        "4月2日,永兴县召开环保督察整改推进会。市人大常委会副主任、永兴县委书记周立群,"
        "县委副书记、县长黄一帆出席会议。"
    )
    assert posts(f, "周立群") == [("市人大常委会副主任", "郴州市"), ("县委书记", "永兴县")]
    assert posts(f, "黄一帆") == [("县委副书记", "永兴县"), ("县长", "永兴县")]


def test_level_word_stays_unresolved_when_the_article_names_no_place() -> None:
    f = facts_of("会议强调要抓好整改。市委副书记、市长罗文清主持会议。")
    assert posts(f, "罗文清") == [("市委副书记", None), ("市长", None)]


def test_compound_surname_and_tongzhi() -> None:
    f = facts_of("近日,兴宁区召开会议。区委副书记、区长欧阳振华主持会议,要求向司马远同志学习。")
    assert "欧阳振华" in names(f)
    assert "司马远" in names(f)


def test_padded_names_in_a_leader_list_have_no_posts() -> None:
    f = facts_of("7月1日,思茅区召开迎检推进会。区领导李 勇、张 杰、周德文出席会议。")
    assert {"李勇", "张杰", "周德文"} <= names(f)
    assert posts(f, "李勇") == []


def test_bylines_are_not_persons() -> None:
    f = facts_of(
        "桂林日报讯(记者 莫小林 通讯员 韦一鸣)4月28日,阳朔县召开会议,县委书记覃振宇出席。\n编辑:黎小燕"
    )
    assert "覃振宇" in names(f)
    assert not {"莫小林", "韦一鸣", "黎小燕"} & names(f)
    assert {"黎小燕"} <= set(f.bylines)


def test_ordinary_words_after_titles_are_not_names() -> None:
    f = facts_of("县委书记高度重视环保督察工作,副县长相关同志参加。局长安全意识强。")
    assert not {"高度", "相关", "安全"} & names(f)


def test_roster_of_a_leading_group_notice() -> None:
    f = facts_of(
        "关于成立龙泉市迎接中央生态环境保护督察工作领导小组的通知\n"
        "决定成立龙泉市迎接中央生态环境保护督察工作领导小组。组成人员如下:\n"
        "组 长:叶明达 市委书记\n"
        "副 组 长:季 勇 市委常委、常务副市长\n"
        "成 员:吴晓岚 市生态环境局局长\n"
    )
    assert ("领导小组组长", "龙泉市") in posts(f, "叶明达")
    assert ("市委书记", "龙泉市") in posts(f, "叶明达")
    assert posts(f, "季勇")[0] == ("领导小组副组长", "龙泉市")
    assert [r for r, _ in posts(f, "吴晓岚")] == ["市生态环境局局长"]  # 成员 is not a post


def test_sub_group_leader_and_appointment_to_the_office() -> None:
    f = facts_of(
        "江口县迎接中央生态环境保护督察工作领导小组下设办公室,杨国庆同志兼任办公室主任。\n"
        "领导小组下设综合协调组、督查督办组2个工作组。\n"
        "(一)综合协调组:组长田晓云。负责综合协调和信息报送。"
    )
    roles = {r for r, _ in posts(f, "杨国庆")}
    assert "领导小组办公室主任" in roles
    assert ("综合协调组组长", "江口县") in posts(f, "田晓云") or posts(f, "田晓云")[0][0] == "综合协调组组长"


def test_transliterated_and_dotted_names() -> None:
    f = facts_of(
        "12月3日,达拉特旗召开推进会。旗委书记苏和巴特尔出席会议,对滋泥泉子镇副镇长艾尔肯·吐尔逊进行约谈。"
    )
    assert {"苏和巴特尔", "艾尔肯·吐尔逊"} <= names(f)
    assert "艾尔肯" not in names(f)


def test_verb_before_a_post_is_not_part_of_the_role() -> None:
    f = facts_of("8月20日,阜康市召开会议。会上约谈市环保局局长马建军。")
    assert posts(f, "马建军") == [("市环保局局长", "阜康市")]


def test_township_posts_resolve_to_the_township() -> None:
    f = facts_of("3月5日,婺源县召开会议。江湾镇党委书记俞志明作表态发言。江湾镇要抓好整改。")
    assert posts(f, "俞志明") == [("镇党委书记", "江湾镇")]
    town = next(loc for loc in f.localities if loc.name == "江湾镇")
    assert town.parent == "婺源县" and town.level == "township"


_NAME = st.text(alphabet="王李勇五明华", min_size=1, max_size=4)


@st.composite
def names_and_text(draw: st.DrawFn) -> tuple[list[str], str]:
    """Names, and a text made of them (some padded with spaces inside) and of filler."""
    names = draw(st.lists(_NAME, min_size=1, max_size=6))
    pieces = []
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.booleans()):
            name = draw(st.sampled_from(names))
            gaps = [draw(st.sampled_from(["", "", " ", "  "])) for _ in name[1:]]
            pieces.append(name[0] + "".join(g + c for g, c in zip(gaps, name[1:], strict=True)))
        else:
            pieces.append(draw(st.text(alphabet="王李勇五明华 ,。", max_size=6)))
    return names, "".join(pieces)


@settings(max_examples=500, deadline=None)
@given(case=names_and_text())
def test_name_finder_finds_what_the_alternation_finds(case: tuple[list[str], str]) -> None:
    """The finder behaves as the regular expression `李 ?勇|王 ?五|…` (longest names first) would."""
    names, text = case
    alts = sorted(set(names), key=len, reverse=True)
    regex = re.compile("|".join(" ?".join(re.escape(c) for c in n) for n in alts))
    expected = [(m.group().replace(" ", ""), m.start(), m.end()) for m in regex.finditer(text)]
    assert find_name_mentions(text, names) == expected
