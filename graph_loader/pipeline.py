"""read → normalize → extract for a batch of inputs, one outcome per input; bad inputs never stop a batch."""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from collections import deque
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from typing import BinaryIO

from graph_loader.errors import InputError
from graph_loader.extract.document import content_id, extract
from graph_loader.graph import Edge, Node
from graph_loader.models import DocumentFacts
from graph_loader.normalize import normalize
from graph_loader.read import Source, iter_sources, read_source, stamp
from graph_loader.resolve import resolve_document
from graph_loader.settings import Settings, get_settings


@dataclass
class Outcome:
    """What became of one input: facts, or the one-line reason it was skipped."""

    name: str
    facts: DocumentFacts | None = None
    skipped: str | None = None
    warnings: list[str] = field(default_factory=list)
    stored: str | None = None  # content id of a document the store already holds (not re-extracted)
    resolved: tuple[list[Node], list[Edge]] | None = None  # the document's graph, when asked for
    stamp: str | None = None  # the file's stamp (path, size, mtime), see graph_loader.read.stamp


def process_source(
    src: Source,
    settings: Settings,
    stdin: BinaryIO | None = None,
    known: Container[str] = (),
    resolve_scope: str | None = None,
) -> Outcome:
    """Read, normalize and extract one input; an unusable input becomes a skipped outcome.

    A document whose content id is in ``known`` (already stored) is not extracted again. With
    ``resolve_scope`` (a person scope) the document's nodes and edges are resolved here too, so that
    parallel workers do that work as well.
    """
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
    doc_id = content_id(norm.text)
    if doc_id in known:
        return Outcome(src.name, stored=doc_id, warnings=raw.warnings)
    facts = extract(src.name, norm.text, norm.removed)
    resolved = resolve_document(facts, resolve_scope) if resolve_scope else None
    return Outcome(src.name, facts=facts, warnings=raw.warnings, resolved=resolved)


_WINDOW = 64  # documents per worker per window


_KNOWN: Container[str] = frozenset()  # ids of stored documents, shared with forked workers
_RESOLVE: str | None = None  # person scope when workers also resolve documents


def _process(item: tuple[Source | InputError, Settings]) -> Outcome:
    src, settings = item
    if isinstance(src, InputError):
        return Outcome(str(src).split(":")[0], skipped=str(src))
    stdin = sys.stdin.buffer if src.path is None else None
    return process_source(src, settings, stdin=stdin, known=_KNOWN, resolve_scope=_RESOLVE)


def _process_packed(item: tuple[Source | InputError, Settings]) -> bytes:
    # pickled here, unpickled by the consumer: the pool's result thread then only moves bytes,
    # instead of unpickling whole outcomes while holding the interpreter lock the consumer needs
    return pickle.dumps(_process(item), protocol=pickle.HIGHEST_PROTOCOL)


def _outcomes(
    paths: Iterable[str], settings: Settings, workers: int, stamps: Mapping[str, str], ahead: int
) -> Iterator[Outcome]:
    items = ((src, settings) for src in iter_sources(paths))
    if workers <= 1:
        for item in items:
            mark, known = _unread(item[0], stamps)
            yield _ready(known or _process(item), mark)
        return
    # extraction in worker processes with a bounded look-ahead: workers keep extracting while the
    # consumer (the store) writes, input order is kept, and at most `ahead` results wait in memory;
    # files known by their stamp are answered here, unread
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    files = ((s, st) for s, st in items if isinstance(s, InputError) or s.path is not None)
    ahead = max(ahead, workers * _WINDOW)
    with ctx.Pool(workers) as pool:
        queue: deque[tuple[AsyncResult[bytes] | Outcome, str | None]] = deque()
        for item in files:
            mark, known = _unread(item[0], stamps)
            queue.append((known or pool.apply_async(_process_packed, (item,)), mark))
            if len(queue) >= ahead:
                yield _ready(*queue.popleft())
        while queue:
            yield _ready(*queue.popleft())
    if "-" in paths:
        yield _process((Source(None, "stdin"), settings))


def _unread(src: Source | InputError, stamps: Mapping[str, str]) -> tuple[str | None, Outcome | None]:
    """A file's stamp, and its outcome when the stamp shows it is stored already (left unread)."""
    if not isinstance(src, Source):
        return None, None
    mark = stamp(src)
    if mark is None or mark not in stamps:
        return mark, None
    return mark, Outcome(src.name, stored=stamps[mark])


def _ready(pending: AsyncResult[bytes] | Outcome, mark: str | None) -> Outcome:
    out: Outcome = pending if isinstance(pending, Outcome) else pickle.loads(pending.get())
    out.stamp = mark
    return out


def run(
    paths: Iterable[str],
    settings: Settings | None = None,
    workers: int = 1,
    known: Container[str] = frozenset(),
    resolve_scope: str | None = None,
    stamps: Mapping[str, str] | None = None,
    ahead: int = 0,
) -> Iterator[Outcome]:
    """Process every input named by ``paths`` (files, folders, ``-``), skipping repeated articles.

    The same article saved twice (same normalized content) yields facts once; the second copy is
    reported as a duplicate. With ``workers`` > 1, extraction runs in that many processes; outcomes
    still arrive in input order, streamed (no whole-corpus lists in memory). Documents whose content
    id is in ``known`` come back with ``stored`` set and no facts, without being extracted. With
    ``resolve_scope``, each document's nodes and edges come resolved too (in the workers). Files
    whose stamp (:func:`~graph_loader.read.stamp`) is a key of ``stamps`` come back as ``stored``
    with that content id without being read. ``ahead`` raises the number of documents extracted
    ahead of the consumer (a loader writing batches of N asks for 2N, so workers never wait for a
    write to finish).
    """
    global _KNOWN, _RESOLVE
    _KNOWN, _RESOLVE = known, resolve_scope
    settings = settings or get_settings()
    paths = list(paths)
    seen: dict[str, str] = {}
    for out in _outcomes(paths, settings, workers, stamps or {}, ahead):
        src_name = out.name
        doc_id = out.facts.doc_id if out.facts is not None else out.stored
        if doc_id is not None:
            first = seen.get(doc_id)
            if first is not None:
                yield Outcome(src_name, skipped=f"duplicate of {first} (same content, id {doc_id})")
                continue
            seen[doc_id] = src_name
        yield out


__all__ = ["Outcome", "content_id", "process_source", "run"]
