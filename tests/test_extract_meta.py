"""Article date, title, source and bylines."""

from __future__ import annotations

from conftest import facts_of


def test_labelled_publication_date_beats_the_page_date_line() -> None:
    f = facts_of(
        "2024年09月03日 星期二\n\n我市召开整改会议\n\n发布日期:2017-08-22\n\n8月21日上午,我市召开会议。"
    )
    assert f.date == "2017-08-22"
    meta = {m.field: m for m in f.metadata}
    assert meta["date"].evidence[0].quote.endswith("2017-08-22")


def test_crawl_stamp_is_not_a_date_and_year_comes_from_the_text() -> None:
    f = facts_of(
        "抓取时间:2021-03-14 22:07:51\n\n市委召开常委会\n\n5月18日,市委召开会议,确保2016年底前完成整改。"
    )
    assert f.date == "2016-05-18"


def test_no_year_anywhere_gives_month_day() -> None:
    assert facts_of("12月7日,清水县召开动员会议。").date == "--12-07"


def test_signed_notice_takes_its_signature_date() -> None:
    f = facts_of(
        "关于做好督察迎检工作的通知\n各乡镇:\n现将有关事项通知如下。\n\n中共江湾镇委员会\n2021年4月9日\n"
    )
    assert f.date == "2021-04-09"


def test_vague_event_date_keeps_only_year_and_month() -> None:
    f = facts_of(
        "2021年06月11日 15:18 来源:中新网四川 编辑:祝欢\n"
        "中新网四川新闻6月11日电 (邹立杨 余坤洋)日前,安居区委书记吴军主持召开安居区生态环境保护委员会第二次会议。"
    )
    assert f.date == "2021-06-11"
    assert f.source == "中新网四川"
    assert set(f.bylines) == {"祝欢", "邹立杨", "余坤洋"}
    meeting = next(e for e in f.events if e.kind == "meeting")
    assert meeting.date == "2021-06"
