"""The value types of the synthetic world: posts, places, tenures, inspection campaigns, and an
official as one article sees them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from graph_loader.synth.lexicon import cn_num


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
        return f"中央第{cn_num(self.provinces.index(province) + 1)}{self.eco}督察组"

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


class Official(NamedTuple):
    """An official as one article sees them."""

    pid: int
    name: str
    place: Place
    roles: tuple[RolePart, ...]
