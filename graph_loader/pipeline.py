"""read → normalize → extract for a batch of inputs, one outcome per input; bad inputs never stop a batch."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from graph_loader.errors import InputError
from graph_loader.extract.document import content_id, extract
from graph_loader.models import DocumentFacts
from graph_loader.normalize import normalize
from graph_loader.read import Source, iter_sources, read_source
from graph_loader.settings import Settings, get_settings


@dataclass
class Outcome:
    """What became of one input: facts, or the one-line reason it was skipped."""

    name: str
    facts: DocumentFacts | None = None
    skipped: str | None = None
    warnings: list[str] = field(default_factory=list)


def process_source(src: Source, settings: Settings, stdin: BinaryIO | None = None) -> Outcome:
    """Read, normalize and extract one input; an unusable input becomes a skipped outcome."""
    try:
        raw = read_source(src, max_bytes=settings.max_file_bytes, stdin=stdin)
    except InputError as exc:
        return Outcome(src.name, skipped=str(exc))
    if len(raw.text) > settings.max_text_chars:
        return Outcome(
            src.name,
            skipped=f"text has {len(raw.text):,} characters, over the limit of {settings.max_text_chars:,} "
            "(OFFICIALS_GRAPH_MAX_TEXT_CHARS)",
        )
    norm = normalize(raw.text)
    if not norm.text.strip():
        return Outcome(src.name, skipped="no text left after removing page furniture", warnings=raw.warnings)
    facts = extract(src.name, norm.text, norm.removed)
    return Outcome(src.name, facts=facts, warnings=raw.warnings)


def run(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Outcome]:
    """Process every input named by ``paths`` (files, folders, ``-``), skipping repeated articles.

    The same article saved twice (same normalized content) yields facts once; the second copy is
    reported as a duplicate.
    """
    settings = settings or get_settings()
    seen: dict[str, str] = {}
    for src in iter_sources(paths):
        if isinstance(src, InputError):
            yield Outcome(str(src).split(":")[0], skipped=str(src))
            continue
        out = process_source(src, settings, stdin=sys.stdin.buffer if src.path is None else None)
        if out.facts is not None:
            first = seen.get(out.facts.doc_id)
            if first is not None:
                yield Outcome(src.name, skipped=f"duplicate of {first} (same content, id {out.facts.doc_id})")
                continue
            seen[out.facts.doc_id] = src.name
        yield out


__all__ = ["Outcome", "content_id", "process_source", "run"]
