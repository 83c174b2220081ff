"""read → normalize → extract → resolve → write, in batches, into a graph store."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from graph_loader.graph import Label, Node
from graph_loader.models import DocumentFacts
from graph_loader.pipeline import Outcome, run
from graph_loader.resolve import resolve_documents
from graph_loader.settings import Settings, get_settings
from graph_loader.store.base import GraphStore, WriteSummary


@dataclass
class LoadReport:
    """What a load did: documents read, skipped (with reasons), failed, and what was added."""

    read: int = 0
    loaded: int = 0
    already_stored: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    added: WriteSummary = field(default_factory=WriteSummary)


def _same_name(store: GraphStore) -> Callable[[str], list[Node]]:
    def lookup(name: str) -> list[Node]:
        return [n for n in store.find([name], [Label.PERSON], limit=100) if n.name == name]

    return lookup


def write_facts(store: GraphStore, facts: list[DocumentFacts], settings: Settings) -> WriteSummary:
    """Resolve and write one batch of document facts."""
    batch = resolve_documents(facts, settings.person_scope, _same_name(store))
    return store.write(batch, facts)


def load(
    paths: Iterable[str],
    store: GraphStore,
    *,
    batch_size: int = 50,
    workers: int = 1,
    settings: Settings | None = None,
    on_outcome: Callable[[Outcome, str], None] | None = None,
) -> LoadReport:
    """Load documents into ``store``; documents already stored (same content) are skipped.

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
    pending: list[DocumentFacts] = []

    def flush() -> None:
        if pending:
            report.added.add(write_facts(store, pending, settings))
            report.loaded += len(pending)
            pending.clear()

    known = frozenset(store.document_ids())
    for outcome in run(paths, settings, workers, known):
        report.read += 1
        if outcome.stored is not None:
            report.already_stored += 1
            status = "stored"
        elif outcome.facts is None:
            report.skipped.append((outcome.name, outcome.skipped or "unknown reason"))
            status = "skipped"
        elif store.has_document(outcome.facts.doc_id):
            report.already_stored += 1
            status = "stored"
        else:
            pending.append(outcome.facts)
            status = "loaded"
            if len(pending) >= batch_size:
                flush()
        if on_outcome is not None:
            on_outcome(outcome, status)
    flush()
    return report


def rebuild(store: GraphStore, *, batch_size: int = 50, settings: Settings | None = None) -> LoadReport:
    """Re-extract every stored document from its normalized text with the current rules, and reload."""
    from graph_loader.extract.document import extract

    settings = settings or get_settings()
    docs = [store.document(d) for d in store.document_ids()]
    fresh = [extract(d.doc, d.text, d.removed) for d in docs if d is not None]
    store.clear()
    report = LoadReport(read=len(fresh))
    for i in range(0, len(fresh), batch_size):
        chunk = fresh[i : i + batch_size]
        report.added.add(write_facts(store, chunk, settings))
        report.loaded += len(chunk)
    return report
