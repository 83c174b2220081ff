"""Pieces of the ground truth in the shared document-facts format: an event with its participants,
a name with its alternatives, and an event date as the scorer expects it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field


def name_or_alts(alts: Sequence[str]) -> str | list[str]:
    """One name, or the list of its alternatives (duplicates dropped, first one canonical)."""
    alts = list(dict.fromkeys(alts))
    return alts[0] if len(alts) == 1 else alts


@dataclass
class Event:
    """An event of the gold as it is being recorded; :meth:`add` a participant once per role."""

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


def event_date(d: dt.date | None, precision: str, year_known: bool) -> str | None:
    if d is None or precision == "none":
        return None
    if precision == "day":
        return d.isoformat() if year_known else d.strftime("--%m-%d")
    if not year_known:
        return None
    if precision == "month":
        return d.strftime("%Y-%m")
    return str(d.year)
