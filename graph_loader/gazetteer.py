"""China's administrative divisions (province, prefecture, county), current and historical.

The data is ``lexicons/divisions.tsv``, built by ``scripts/build_gazetteer.py`` (see ``divisions.md``).
:class:`Gazetteer` looks divisions up by code, full name or short form, walks the hierarchy and finds
every name in a text with one Aho-Corasick automaton.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Literal, NamedTuple, cast

import ahocorasick

Level = Literal["province", "prefecture", "county", "township"]
LEVELS: tuple[Level, ...] = ("province", "prefecture", "county", "township")
LEVEL_RANK: dict[str, int] = {level: i for i, level in enumerate(LEVELS)}

FormKind = Literal["full", "alias", "short"]
_TSV = "lexicons/divisions.tsv"
_COLUMNS = ("code", "name", "level", "parent", "short", "status", "risky_short")
_ALIAS_TAILS = "州县旗"


@dataclass(frozen=True)
class Division:
    """One administrative division.

    Attributes
    ----------
    code : str
        Six-digit GB/T 2260 code (``510904``).
    name : str
        Full name with its level word (``安居区``).
    level : {"province", "prefecture", "county", "township"}
        Administrative level.
    parent : str or None
        Code of the parent division; None for provinces.
    short : tuple of str
        Short forms: the name without level word (``安居``) and, for autonomous units, ``X州/X县/X旗``.
    historical : bool
        True for units that no longer exist (莱芜市 until 2019).
    risky_short : tuple of str
        Forms that are also ordinary words (``清水``, ``安居``); may include the full name (``城区``).
    """

    code: str
    name: str
    level: Level
    parent: str | None
    short: tuple[str, ...]
    historical: bool
    risky_short: tuple[str, ...]

    @property
    def aliases(self) -> tuple[str, ...]:
        """Short forms that keep a level word (凉山州, 北川县): matched like full names."""
        return tuple(
            s
            for s in self.short
            if len(s) >= 3
            and s[-1] in _ALIAS_TAILS
            and self.name.endswith("自治" + s[-1])
            and self.name.startswith(s[:-1])
        )

    def form_kind(self, form: str) -> FormKind | None:
        """Return how ``form`` names this division: ``full``, ``alias``, ``short``, or None."""
        if form == self.name:
            return "full"
        if form in self.aliases:
            return "alias"
        if form in self.short:
            return "short"
        return None

    def is_risky(self, form: str) -> bool:
        """True when ``form`` (a name or short form of this division) is also an ordinary word."""
        return form in self.risky_short


class FormEntry(NamedTuple):
    """A division that a surface form names, and how (``full``, ``alias`` or ``short``)."""

    division: Division
    kind: FormKind


class Gazetteer:
    """Lookup over a set of divisions.

    Parameters
    ----------
    divisions : iterable of Division
        The divisions; codes must be unique and parents must be present.

    Notes
    -----
    Use :meth:`load` for the packaged data; it is read once per process.
    """

    def __init__(self, divisions: Iterable[Division]) -> None:
        self._by_code: dict[str, Division] = {}
        for d in divisions:
            if d.code in self._by_code:
                raise ValueError(f"duplicate division code {d.code}")
            self._by_code[d.code] = d
        self._children: dict[str, list[Division]] = {}
        self._forms: dict[str, list[FormEntry]] = {}
        for d in sorted(self._by_code.values(), key=lambda x: (x.historical, x.code)):
            if d.parent is not None:
                if d.parent not in self._by_code:
                    raise ValueError(f"{d.code} {d.name}: unknown parent {d.parent}")
                self._children.setdefault(d.parent, []).append(d)
            for form in (d.name, *d.short):
                kind = d.form_kind(form)
                assert kind is not None
                self._forms.setdefault(form, []).append(FormEntry(d, kind))
        self._current_forms = {
            f for f, es in self._forms.items() if any(not e.division.historical for e in es)
        }
        # What text matching uses: historical divisions only under names no current division has.
        self._matchable: dict[str, tuple[FormEntry, ...]] = {
            f: tuple(e for e in es if f not in self._current_forms or not e.division.historical)
            for f, es in self._forms.items()
        }
        self._full_codes: dict[str, frozenset[str]] = {
            f: frozenset(
                e.division.code
                for e in es
                if e.kind in ("full", "alias") and len(f) > 2 and not e.division.is_risky(f)
            )
            for f, es in self._matchable.items()
        }
        self._max_form_len = max((len(f) for f in self._forms), default=0)

    # ---------------------------------------------------------------------------------------- loading

    @classmethod
    def load(cls) -> Gazetteer:
        """Return the packaged gazetteer (``lexicons/divisions.tsv``), read once and cached.

        Returns
        -------
        Gazetteer
            The shared instance for this process.
        """
        return _load_packaged()

    @classmethod
    def from_tsv(cls, text: str) -> Gazetteer:
        """Build a gazetteer from the text of a ``divisions.tsv`` file.

        Parameters
        ----------
        text : str
            File content: ``#`` comment lines, a header row, then one row per division.

        Returns
        -------
        Gazetteer
        """
        divisions = []
        header_seen = False
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen:
                header_seen = True
                if tuple(cells[: len(_COLUMNS)]) != _COLUMNS:
                    raise ValueError(f"unexpected divisions.tsv header: {cells}")
                continue
            cells += [""] * (len(_COLUMNS) - len(cells))
            code, name, level, parent, short, status, risky = cells[: len(_COLUMNS)]
            if level not in LEVEL_RANK:
                raise ValueError(f"{code}: unknown level {level!r}")
            divisions.append(
                Division(
                    code=code,
                    name=name,
                    level=cast(Level, level),
                    parent=parent or None,
                    short=tuple(s for s in short.split("|") if s),
                    historical=status == "historical",
                    risky_short=tuple(s for s in risky.split("|") if s),
                )
            )
        return cls(divisions)

    # ----------------------------------------------------------------------------------------- lookup

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Division]:
        return iter(self._by_code.values())

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Division:
        """Return the division with this six-digit code.

        Parameters
        ----------
        code : str
            GB/T 2260 code, e.g. ``"620521"``.

        Returns
        -------
        Division

        Raises
        ------
        KeyError
            If no division has this code.
        """
        return self._by_code[code]

    def lookup(self, name: str) -> list[Division]:
        """Return the divisions that ``name`` names, as a full name or a short form.

        Parameters
        ----------
        name : str
            ``清水县``, ``清水``, ``凉山州``, ``广西`` …

        Returns
        -------
        list of Division
            Current divisions first, then historical ones, each by code; empty if unknown.
        """
        return [e.division for e in self._forms.get(name, ())]

    def entries(self, form: str) -> tuple[FormEntry, ...]:
        """Return every (division, kind) that the surface ``form`` names.

        Parameters
        ----------
        form : str
            A full name, alias or short form.

        Returns
        -------
        tuple of FormEntry
            Current divisions first; empty if ``form`` is not a known name.
        """
        return tuple(self._forms.get(form, ()))

    def has_current(self, form: str) -> bool:
        """True if some current (not historical) division is named ``form`` (in full or short)."""
        return form in self._current_forms

    def matchable(self, form: str) -> tuple[FormEntry, ...]:
        """Like :meth:`entries`, without historical divisions when a current one shares the form."""
        return self._matchable.get(form, ())

    def full_name_codes(self, form: str) -> frozenset[str]:
        """Codes of the divisions that ``form`` names unmistakably.

        That is a full name or alias of more than two characters that is not an ordinary word; the
        set is empty for short forms.
        """
        return self._full_codes.get(form, frozenset())

    def ancestors(self, code: str) -> list[Division]:
        """Return the ancestors of a division, parent first, up to the province.

        Parameters
        ----------
        code : str
            Code of the division.

        Returns
        -------
        list of Division
            Empty for a province.
        """
        out = []
        d = self._by_code[code]
        while d.parent is not None:
            d = self._by_code[d.parent]
            out.append(d)
        return out

    def children(self, code: str) -> list[Division]:
        """Return the direct children of a division (current first, then historical, by code).

        Parameters
        ----------
        code : str
            Code of the parent division.

        Returns
        -------
        list of Division
        """
        return list(self._children.get(code, ()))

    def is_ancestor(self, ancestor: str, code: str) -> bool:
        """True if the division ``ancestor`` is a (strict) ancestor of ``code``."""
        d = self._by_code[code]
        while d.parent is not None:
            if d.parent == ancestor:
                return True
            d = self._by_code[d.parent]
        return False

    # --------------------------------------------------------------------------------------- matching

    @functools.cached_property
    def _by_pair(self) -> tuple[dict[str, tuple[str, ...]], re.Pattern[str]] | None:
        """Forms by their first two characters (longest first), and a pattern for where a form can
        start; None when some form is shorter than two characters (never in the packaged data)."""
        if any(len(f) < 2 for f in self._forms):
            return None
        grouped: dict[str, list[str]] = {}
        for f in self._forms:
            grouped.setdefault(f[:2], []).append(f)
        by_pair = {pair: tuple(sorted(fs, key=len, reverse=True)) for pair, fs in grouped.items()}
        firsts = "".join(sorted({re.escape(p[0]) for p in by_pair}))
        seconds = "".join(sorted({re.escape(p[1]) for p in by_pair}))
        return by_pair, re.compile(f"[{firsts}](?=[{seconds}])")

    @functools.cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        auto = ahocorasick.Automaton()
        for form in self._forms:
            auto.add_word(form, form)
        auto.make_automaton()
        return auto

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """Find every occurrence of every known name or short form in ``text``, overlaps included.

        Parameters
        ----------
        text : str
            Any text.

        Returns
        -------
        list of (start, end, form)
            Half-open character offsets, sorted by start, then longest first.
        """
        if not self._forms:
            return []
        index = self._by_pair
        if index is None:
            hits = [(end + 1 - len(form), end + 1, form) for end, form in self._automaton.iter(text)]
            hits.sort(key=lambda h: (h[0], -h[1]))
            return hits
        # a regular expression finds where a form can start (about one character in eight) and only
        # those places are looked up: the forms start with ~1,000 different characters, which makes
        # an Aho-Corasick trie walk several times slower here
        by_pair, starts = index
        out: list[tuple[int, int, str]] = []
        for m in starts.finditer(text):
            i = m.start()
            for form in by_pair.get(text[i : i + 2], ()):
                if text.startswith(form, i):
                    out.append((i, i + len(form), form))
        return out

    def forms_at(self, text: str, pos: int = 0) -> list[str]:
        """Return the known forms that start at ``text[pos]``, longest first."""
        if self._by_pair is not None:
            forms = self._by_pair[0].get(text[pos : pos + 2])
            return [f for f in forms if text.startswith(f, pos)] if forms else []
        limit = min(self._max_form_len, len(text) - pos)
        return [text[pos : pos + n] for n in range(limit, 1, -1) if text[pos : pos + n] in self._forms]

    def longest_form_at(self, text: str, pos: int = 0) -> str | None:
        """Return the longest known form that starts at ``text[pos]``, or None."""
        forms = self.forms_at(text, pos)
        return forms[0] if forms else None


@functools.cache
def _load_packaged() -> Gazetteer:
    text = resources.files("graph_loader").joinpath(_TSV).read_text(encoding="utf-8")
    return Gazetteer.from_tsv(text)
