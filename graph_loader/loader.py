"""read → normalize → extract → resolve → write, in batches, into a graph store."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from graph_loader.graph import Label, Node, first_mention
from graph_loader.models import DocumentFacts
from graph_loader.pipeline import Outcome, run
from graph_loader.resolve import merge_resolved, resolve_documents
from graph_loader.settings import Settings, get_settings
from graph_loader.store.base import GraphStore, WriteSummary

_STAMP_BATCH = 2_000  # stamps of already stored files remembered at a time
_GC_THRESHOLD = 100_000  # allocations between collections of the youngest generation while loading


@dataclass
class LoadReport:
    """What a load did: documents read, skipped (with reasons), failed, and what was added."""

    read: int = 0
    loaded: int = 0
    already_stored: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    added: WriteSummary = field(default_factory=WriteSummary)


class Namesakes:
    """Stored persons by exact name (with their first mention), asked of the store once per name
    and kept up to date as batches are written."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.known: dict[str, dict[str, Node]] = {}

    def prefetch(self, names: Iterable[str]) -> None:
        """Ask the store about every name not known yet, in one read."""
        missing = sorted({n for n in names if n not in self.known})
        if missing:
            for name in missing:
                self.known[name] = {}
            for node in self.store.named(missing, Label.PERSON):
                self.known[node.name][node.id] = node

    def __call__(self, name: str) -> list[Node]:
        self.prefetch([name])
        return list(self.known[name].values())

    def add(self, nodes: Iterable[Node]) -> None:
        """Persons just written: remembered with their first mention."""
        for n in nodes:
            if n.label is Label.PERSON and n.name in self.known:
                first = self.known[n.name].get(n.id)
                mentions = (first.evidence if first else []) + n.evidence
                self.known[n.name][n.id] = n.model_copy(update={"evidence": first_mention(mentions)})


def write_facts(
    store: GraphStore, facts: list[DocumentFacts], settings: Settings, namesakes: Namesakes | None = None
) -> WriteSummary:
    """Resolve and write one batch of document facts."""
    namesakes = namesakes or Namesakes(store)
    namesakes.prefetch(p.name for f in facts for p in f.persons)
    batch = resolve_documents(facts, settings.person_scope, namesakes)
    summary = store.write(batch, facts)
    namesakes.add(batch.nodes)
    return summary


def load(
    paths: Iterable[str],
    store: GraphStore,
    *,
    batch_size: int = 50,
    workers: int = 1,
    settings: Settings | None = None,
    on_outcome: Callable[[Outcome, str], None] | None = None,
) -> LoadReport:
    """Load documents into ``store``; documents already stored (same content) are skipped, and files
    loaded before and unchanged since (same path, size and modification time) are not even read.

    Parameters
    ----------
    paths
        Files, folders or ``-``.
    store
        Where to write.
    batch_size
        Documents per transaction; a kill loses at most the batch being written, and a re-run
        completes the load without duplicates.
    workers
        Processes extracting in parallel (writes stay in this process, in input order).
    on_outcome
        Called for every input with its outcome and status (``loaded``, ``stored``, ``skipped``).
    """
    settings = settings or get_settings()
    report = LoadReport()
    pending: list[Outcome] = []
    namesakes = Namesakes(store)
    known = frozenset(store.document_ids())
    stamps = store.sources()
    new_stamps: list[tuple[str, str]] = []  # remembered once their documents are written

    def flush() -> None:
        if pending:
            facts = [o.facts for o in pending if o.facts is not None]
            namesakes.prefetch(
                n.name for o in pending if o.resolved for n in o.resolved[0] if n.label is Label.PERSON
            )
            batch = merge_resolved(
                [(o.facts.doc_id, *o.resolved) for o in pending if o.facts is not None and o.resolved],
                namesakes,
            )
            added = store.write(batch, facts)
            report.added.add(added)
            namesakes.add(batch.nodes)
            # documents another loader stored meanwhile were left as they were by the write
            report.loaded += added.documents
            report.already_stored += len(pending) - added.documents
            pending.clear()
            # what is alive after a batch (the store's in-memory graph, caches) stays alive: keep
            # the cyclic collector from walking those millions of objects again at every
            # collection, which otherwise takes a fifth of the loader's time on a big corpus
            gc.freeze()
        if new_stamps:  # only now: a stamp never points at a document a kill kept from the store
            store.remember_sources(new_stamps)
            new_stamps.clear()

    outcomes = run(
        paths,
        settings,
        workers,
        known,
        resolve_scope=settings.person_scope,
        stamps=stamps,
        ahead=2 * batch_size,
    )
    # a batch in flight is a few hundred thousand young objects, freed by reference counting; at
    # the default threshold the cyclic collector walks them all again every few hundred allocations
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _GC_THRESHOLD), *thresholds[1:])
    try:
        for outcome in outcomes:
            report.read += 1
            doc_id: str | None = None
            if outcome.stored is not None:
                report.already_stored += 1
                status = "stored"
                doc_id = outcome.stored
            elif outcome.facts is None:
                report.skipped.append((outcome.name, outcome.skipped or "unknown reason"))
                status = "skipped"
            else:
                pending.append(outcome)
                status = "loaded"
                doc_id = outcome.facts.doc_id
            if doc_id is not None and outcome.stamp is not None and stamps.get(outcome.stamp) != doc_id:
                new_stamps.append((outcome.stamp, doc_id))
            if len(pending) >= batch_size or len(new_stamps) >= _STAMP_BATCH:
                flush()
            if on_outcome is not None:
                on_outcome(outcome, status)
        flush()
    finally:
        gc.set_threshold(*thresholds)
    return report


def rebuild(store: GraphStore, *, batch_size: int = 50, settings: Settings | None = None) -> LoadReport:
    """Re-extract every stored document from its normalized text with the current rules, and reload."""
    from graph_loader.extract.document import extract

    settings = settings or get_settings()
    docs = [store.document(d) for d in store.document_ids()]
    fresh = [extract(d.doc, d.text, d.removed) for d in docs if d is not None]
    store.clear()
    report = LoadReport(read=len(fresh))
    namesakes = Namesakes(store)
    for i in range(0, len(fresh), batch_size):
        chunk = fresh[i : i + batch_size]
        report.added.add(write_facts(store, chunk, settings, namesakes))
        report.loaded += len(chunk)
    return report
