"""Bodies with sub-groups, events with their participants, assignments."""

from __future__ import annotations

from conftest import facts_of

NOTICE = (
    "5月6日,石门县召开迎接中央生态环境保护督察工作会议。"
    "我县已成立迎接中央生态环境保护督察工作领导小组,下设综合协调组等6个工作组。"
    "已成立迎检专项工作组,设案件办理组、宣传报道组和后勤保障组三个分组。"
)


def bodies(f):  # type: ignore[no-untyped-def]
    return {b.name: b for b in f.bodies}


def test_sub_groups_report_to_the_group_set_up_before_them() -> None:
    b = bodies(facts_of(NOTICE))
    assert b["迎接中央生态环境保护督察工作领导小组"].kind == "leading_group"
    assert b["综合协调组"].parent == "迎接中央生态环境保护督察工作领导小组"
    for sub in ("案件办理组", "宣传报道组", "后勤保障组"):
        assert b[sub].parent == "迎检专项工作组"
        assert b[sub].locality == "石门县"
    assert not any(name.startswith(("个", "设")) for name in b)


def test_central_team_mentions_are_one_team() -> None:
    f = facts_of("中央第五生态环境保护督察组进驻广西开展督察。中央环保督察组移交我区信访件120件。")
    teams = [x for x in f.bodies if x.kind == "inspection_team"]
    assert [t.name for t in teams] == ["中央第五生态环境保护督察组"]
    assert "中央环保督察组" in teams[0].aliases
    assert {(a.from_, a.to) for a in f.assignments} >= {("中央第五生态环境保护督察组", "广西壮族自治区")}


def test_sinking_inspection_names_the_city_before_the_cue() -> None:
    f = facts_of("中央环保督察组将于近期进驻四川开展督察工作,已经确定到攀枝花开展下沉督察。")
    pairs = {(a.from_, a.to) for a in f.assignments}
    assert ("中央环保督察组", "四川省") in pairs and ("中央环保督察组", "攀枝花市") in pairs


def test_meeting_roles_chair_attendees_speakers() -> None:
    f = facts_of(
        "8月22日晚,浦江县召开中央环境保护督察交办件办理工作调度会。"
        "县委书记施国荣出席会议并讲话,县委副书记、县长毛建新主持会议。"
        "会议传达了省委书记车国栋的讲话精神。县领导何晓东、楼剑锋出席会议。"
    )
    m = next(e for e in f.events if e.kind == "meeting")
    assert m.chair == ["毛建新"]
    assert set(m.attendees) == {"施国荣", "何晓东", "楼剑锋"}
    assert "施国荣" in m.speakers
    assert "车国栋" not in m.attendees + m.speakers  # relayed, not present
    assert m.date == "--08-22"


def test_planned_meetings_are_not_events() -> None:
    f = facts_of("要适时召开新闻发布会,推进信息公开。")
    assert not [e for e in f.events if e.kind == "meeting"]


def test_task_given_to_a_group() -> None:
    f = facts_of(
        "9月2日,清水县召开会议。县保障中央环境保护督察协调联络组成员参加。"
        "协调联络小组要全面负责督察期间保障工作的组织领导。"
    )
    tasks = [a for a in f.assignments if a.evidence[0].rule == "assign.task"]
    assert tasks and tasks[0].from_ == "县保障中央环境保护督察协调联络组" and tasks[0].to == "清水县"


def test_notice_event_from_the_title_with_its_issuers() -> None:
    f = facts_of(
        "省委省政府办公厅关于持续做好环境保护督察有关工作的通知\n"
        "来源:某网站 发布时间:2017-10-30\n各市(州)党委和人民政府:\n现将有关事项通知如下。\n\n"
        "中共四川省委办公厅\n\n四川省人民政府办公厅\n"
    )
    notice = next(e for e in f.events if e.kind == "notice")
    assert notice.date == "2017-10-30"
    assert notice.organizer and "中共四川省委办公厅" in notice.organizer
