"""Sentences with offsets, and the evidence every fact carries."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from graph_loader.models import Evidence
from graph_loader.trusted import trusted

_ENDS = "。！？!?；;"
# `[。！？!?；;]+[”’」』)]?|\n+`, written with a literal first character in every alternative: the regex
# engine then jumps between sentence ends instead of trying the pattern at every character.
_SENTENCE_END = re.compile("|".join(f"{re.escape(c)}[{_ENDS}]*[”’」』)]?" for c in _ENDS) + "|\n\n*")
HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalized text and where it sits."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split normalized text into sentences at 。！？； and line breaks, keeping offsets.

    Examples
    --------
    >>> [s.text for s in split_sentences("会议召开。张三出席\\n李四")]
    ['会议召开。', '张三出席', '李四']
    """
    out: list[Sentence] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add(out, text, pos, end)
        pos = m.end()
    _add(out, text, pos, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()  # strip() removes exactly the characters for which isspace() is true
    if stripped:
        start += len(chunk) - len(chunk.lstrip())
        out.append(Sentence(start, start + len(stripped), stripped))


@dataclass
class Document:
    """Normalized text of one document with its sentences, for the rules to share."""

    doc_id: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split_sentences(self.text)
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding ``offset`` (the nearest one before it when between sentences)."""
        i = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return self.sentences[i] if self.sentences else Sentence(0, len(self.text), self.text)

    def evidence(self, start: int, end: int, rule: str, confidence: float) -> Evidence:
        """Evidence for the span ``[start, end)``: its sentence, offsets, quote and rule."""
        s = self.sentence_at(start)
        if end > s.end:
            # a span crossing a sentence boundary (e.g. a title line and its body) quotes both
            last = self.sentence_at(end - 1)
            s = Sentence(s.start, last.end, self.text[s.start : last.end])
        # built from offsets this module computed: no validation (thousands per document)
        return trusted(
            Evidence,
            {
                "doc_id": self.doc_id,
                "sentence": s.text,
                "sentence_start": s.start,
                "sentence_end": s.end,
                "start": start,
                "end": end,
                "quote": self.text[start:end],
                "rule": rule,
                "confidence": confidence,
            },
        )
