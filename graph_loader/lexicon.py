"""Chinese lexicons shipped as data files under ``graph_loader/lexicons`` and loaded once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources


def data_lines(name: str) -> Iterator[str]:
    """Yield the non-empty, non-comment lines of a lexicon file."""
    text = resources.files("graph_loader").joinpath("lexicons", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n")


@dataclass(frozen=True)
class Title:
    """A title word ending a post (书记, 副县长…)."""

    word: str
    head: bool
    implied_body: str
    level: str


@dataclass(frozen=True)
class Lexicon:
    """All word lists the extractor uses."""

    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    titles: dict[str, Title]
    body_endings: tuple[tuple[str, str], ...]
    cues: dict[str, tuple[str, ...]]
    title_re: re.Pattern[str]
    not_names: frozenset[str]
    name_followers: frozenset[str]
    translit: frozenset[str]

    def body_kind(self, name: str) -> str | None:
        """Kind of a body from its name's ending, or None when no ending matches.

        The first of ``body_endings`` (longest first) that ends ``name`` decides.
        """
        best: tuple[int, str] | None = None
        for size, endings in self._endings_by_size:
            hit = endings.get(name[len(name) - size :]) if size <= len(name) else None
            if hit is not None and (best is None or hit < best):
                best = hit
        return best[1] if best is not None else None

    @cached_property
    def _endings_by_size(self) -> tuple[tuple[int, dict[str, tuple[int, str]]], ...]:
        """``body_endings`` by length: ending → (its position in ``body_endings``, kind)."""
        by_size: dict[int, dict[str, tuple[int, str]]] = {}
        for i, (ending, kind) in enumerate(self.body_endings):
            by_size.setdefault(len(ending), {}).setdefault(ending, (i, kind))
        return tuple(sorted(by_size.items(), reverse=True))

    def title_suffix(self, role: str) -> str:
        """Longest title word that ends ``role`` ('' when none does)."""
        for size in range(min(len(role), 6), 1, -1):
            if role[-size:] in self.titles:
                return role[-size:]
        return ""


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    """Load every lexicon file once."""
    single: set[str] = set()
    compound: set[str] = set()
    section = ""
    for line in data_lines("surnames.txt"):
        if line.startswith("["):
            section = line.strip("[]")
            continue
        target = compound if section == "compound" else single
        target.update(line.split())
    titles: dict[str, Title] = {}
    for line in data_lines("titles.tsv"):
        word, head, implied, level = (line.split("\t") + ["", "", ""])[:4]
        titles[word] = Title(word, head == "1", implied, level)
    endings = []
    for line in data_lines("bodies.tsv"):
        ending, kind = line.split("\t")
        endings.append((ending, kind))
    endings.sort(key=lambda e: len(e[0]), reverse=True)
    cues: dict[str, list[str]] = {}
    for line in data_lines("cues.tsv"):
        kind, word = line.split("\t")
        cues.setdefault(kind, []).append(word)
    return Lexicon(
        surnames=frozenset(single),
        compound_surnames=frozenset(compound),
        titles=titles,
        body_endings=tuple(endings),
        cues={k: tuple(sorted(v, key=len, reverse=True)) for k, v in cues.items()},
        title_re=re.compile(_alternation(list(titles))),
        not_names=frozenset(data_lines("not_names.txt")),
        name_followers=frozenset(data_lines("name_followers.txt")),
        translit=frozenset("".join(data_lines("translit_chars.txt"))),
    )
