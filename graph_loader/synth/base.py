"""The state of one article being written: its random stream, genre, focal place and date, access to
the world's officials, and the gold facts recorded as the text mentions them.

The genre writers (:mod:`~graph_loader.synth.meetings`, :mod:`~graph_loader.synth.notices`,
:mod:`~graph_loader.synth.inspections`) and the page layout (:mod:`~graph_loader.synth.page`) are mixins
of :class:`ArticleBase`, composed in :class:`graph_loader.synth.article.Article`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from graph_loader.synth.draw import sample, weighted
from graph_loader.synth.gold import Event, event_date, name_or_alts
from graph_loader.synth.lexicon import CLAUSES, OPENERS
from graph_loader.synth.model import Campaign, Official, Place
from graph_loader.synth.posts import bureau_of, months, prefixed
from graph_loader.synth.world import World

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
GENRE_WEIGHTS = (26, 16, 7, 12, 7, 12, 13, 7)
GENRE_LEVELS: dict[str, tuple[tuple[str, int], ...]] = {
    "meeting": (("county", 60), ("prefecture", 28), ("township", 12)),
    "leading_group": (("county", 60), ("township", 25), ("prefecture", 15)),
    "arrival": (("province", 1),),
    "sinking": (("prefecture", 55), ("county", 45)),
    "feedback": (("province", 1),),
    "remediation": (("county", 55), ("prefecture", 45)),
    "accountability": (("county", 80), ("prefecture", 20)),
    "campaign": (("province", 1),),
}
FIRST_DAY = dt.date(2016, 1, 2)
LAST_DAY = dt.date(2024, 12, 28)


class ArticleBase:
    """One article's state and the gold recorded while it is written (see the module docstring).

    :meth:`write` calls the genre's writer, ``_<genre>``, which a mixin defines.
    """

    def __init__(self, world: World, seed: int, i: int) -> None:
        self.w = world
        self.seed = seed
        self.i = i
        self.rng = random.Random(seed * 1_000_003 + i)
        rng = self.rng
        self.genre = weighted(rng, GENRES, GENRE_WEIGHTS)
        levels, weights = zip(*GENRE_LEVELS[self.genre], strict=True)
        self.level = weighted(rng, levels, weights)
        self.fi = world.pick(self.level, rng)
        self.focal = world.places[self.fi]
        self.noise: list[str] = []
        self.localities: dict[str, tuple[str, str | None]] = {}
        self.persons: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
        self.bodies: dict[str, dict[str, Any]] = {}
        self.events: list[Event] = []
        self.assignments: dict[tuple[str, str], list[str]] = {}
        self.bylines: list[str] = []
        self.used: set[int] = set()
        self.date: dt.date = FIRST_DAY  # the main event's date (sets who is in office)
        self.day_known = True  # False when the main event is 日前/近日
        self.notice_date: dt.date | None = None
        self.needs_pub = False
        self.loc(self.focal)

    # ------------------------------------------------------------------------------ world access

    @property
    def ym(self) -> int:
        return months(self.date)

    def off(self, place: Place | int, slot: str) -> Official:
        pi = place if isinstance(place, int) else self.w.index[place.key]
        t = self.w.holder(pi, slot, self.ym)
        return Official(t.person, self.w.names[t.person], self.w.places[pi], t.roles)

    def fresh(self, place: Place | int, slots: Sequence[str], k: int) -> list[Official]:
        """Up to ``k`` officials of these slots not yet used in the article, in random order."""
        pi = place if isinstance(place, int) else self.w.index[place.key]
        cands = [s for s in slots if (pi, s) in self.w.tenures]
        self.rng.shuffle(cands)
        out: list[Official] = []
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
    ) -> Event:
        ev = Event(list(dict.fromkeys(names)), kind, date, precision, locality)
        self.events.append(ev)
        return ev

    # ------------------------------------------------------------------------------ mentions

    def title(self, o: Official, *, local: bool | None = None, sep: str = "、") -> str:
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
                texts.append(prefixed(o.place, part))
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

    def full(self, o: Official, *, local: bool | None = None) -> str:
        """Title and name: ``县委副书记、县长戴国栋``."""
        return self.title(o, local=local) + self.spaced(o.name)

    def nm(self, o: Official) -> str:
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
        clauses = sample(rng, CLAUSES, n)
        if rng.random() < 0.5:
            return f"{who}{verb}，{rng.choice(OPENERS)}。{self.scope()}上下{'；'.join(clauses)}。"
        return f"{who}{verb}，{'；'.join(clauses)}。"

    def clamp(self, d: dt.date) -> dt.date:
        return min(max(d, FIRST_DAY), LAST_DAY)

    def pick_campaign(
        self, *, latest: dt.date = LAST_DAY, earliest: dt.date = dt.date(2015, 1, 1)
    ) -> Campaign:
        camps = [self.w.campaigns[c] for c in self.w.camps_of[self.focal.province]]
        ok = [c for c in camps if earliest <= c.start <= latest]
        return self.rng.choice(ok or camps)

    def team_body(self, camp: Campaign, province: str | None = None, *aliases: str) -> str:
        team = camp.team(province or self.focal.province)
        return self.body([team, *aliases], "inspection_team", None)

    def inspection_event(
        self, camp: Campaign, precision: str, extra: Sequence[str] = (), locality: str | None = None
    ) -> Event:
        loc = locality if locality is not None else self.province().name
        return self.event([*camp.insp(), *extra], "inspection", camp.start, precision, loc)

    def leaders_off(self, camp: Campaign, province: str) -> tuple[Official, Official]:
        lead, dep = camp.leaders[camp.provinces.index(province)]
        prov = self.w.place_of(self.w.gaz.get(province))
        return (Official(lead, self.w.names[lead], prov, ()), Official(dep, self.w.names[dep], prov, ()))

    def team_post(self, o: Official, team: str, pos: str) -> str:
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

    # ------------------------------------------------------------------------------ bodies

    def _bureau_body(self, o: Official) -> str | None:
        """Record the bureau an official heads (as a department of its place); return its name."""
        part = o.roles[0]
        bureau = bureau_of(part.text)
        if bureau is None:
            return None
        if part.fixed:
            return self.body([bureau], "department", o.place.name)
        return self.body([bureau, o.place.prefix + bureau[len(o.place.word) :]], "department", o.place.name)

    # ------------------------------------------------------------------------------ output

    def _gold(self, date: str, note: str, year_known: bool) -> dict[str, Any]:
        """The recorded facts in the shared format (``doc`` is filled in by the caller)."""
        persons = []
        for name, posts in self.persons.items():
            persons.append(
                {
                    "name": name,
                    "posts": [{"role": name_or_alts(alts), "locality": loc} for alts, loc in posts],
                }
            )
        events = []
        for ev in self.events:
            events.append(
                {
                    "name": name_or_alts(ev.names),
                    "kind": ev.kind,
                    "date": event_date(ev.date, ev.precision, year_known),
                    "locality": ev.locality,
                    "chair": ev.chair,
                    "attendees": ev.attendees,
                    "speakers": ev.speakers,
                }
            )
        bodies = [
            {
                "name": name_or_alts(b["name"]),
                "kind": b["kind"],
                "locality": b["locality"],
                "parent": b["parent"],
            }
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
