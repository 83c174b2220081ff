"""The invented world of one seed: real places with invented townships, chains of officials holding
their posts, the calendar of central inspection campaigns and the journalists; built once per seed."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import random
from collections import Counter
from importlib import resources
from typing import Any

from graph_loader.gazetteer import Division, Gazetteer
from graph_loader.synth.lexicon import (
    COMPOUND_OK,
    GIVEN_CHARS,
    MONGOL,
    TOWN_A,
    TOWN_B,
    UYGHUR_FIRST,
    UYGHUR_SECOND,
)
from graph_loader.synth.model import Campaign, Place, Tenure
from graph_loader.synth.posts import (
    COUNTY_SLOTS,
    ERA_SPLITS,
    PREFECTURE_SLOTS,
    PROVINCE_SLOTS,
    TOWNSHIP_SLOTS,
    YM0,
    YM1,
    slot_roles,
)

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


class World:
    """The invented world of one seed: places, officials with their tenures, campaigns, journalists.

    Built by :func:`world_of` (cached); everything is derived from the seed and the gazetteer.
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
                a, b = rng.choice(TOWN_A), rng.choice(TOWN_B)
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
            return rng.choice(UYGHUR_FIRST) + "·" + rng.choice(UYGHUR_SECOND)
        if province == "150000" and r < 0.12:
            return rng.choice(MONGOL)
        if rng.random() < 0.04:
            surname = rng.choice(COMPOUND_OK)
        else:
            surname = rng.choices(self._surnames, cum_weights=self._surname_cum)[0]
        if rng.random() < 0.18 and len(surname) == 1:
            return surname + rng.choice(GIVEN_CHARS)
        a, b = rng.choice(GIVEN_CHARS), rng.choice(GIVEN_CHARS)
        return surname + a + (b if b != a or rng.random() < 0.3 else rng.choice(GIVEN_CHARS))

    # ----------------------------------------------------------------------------------- tenures

    def _build_tenures(self, rng: random.Random) -> None:
        home: dict[int, str] = {}
        counter = [0]
        for pi, place in enumerate(self.places):
            slots = {
                "province": PROVINCE_SLOTS,
                "prefecture": PREFECTURE_SLOTS,
                "county": COUNTY_SLOTS,
                "township": TOWNSHIP_SLOTS,
            }[place.level]
            if place.word == "街道":
                slots = tuple(s for s in slots if s != "congress")
            chains: dict[str, list[list[Any]]] = {}
            for slot in slots:
                chains[slot] = _chain(rng, ERA_SPLITS.get(slot, ()))
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
                    roles = slot_roles(place, slot, seg[0], self.branch.get(pi))
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
    t = YM0 - rng.randrange(0, 48)
    while t < YM1:
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
def world_of(seed: int) -> World:
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
    w = world_of(seed)
    out: dict[str, int] = dict(Counter(p.level for p in w.places))
    out["officials"] = len(w.names)
    out["tenures"] = sum(len(t) for t in w.tenures.values())
    return out
