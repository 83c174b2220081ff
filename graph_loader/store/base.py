"""The contract every graph store keeps; the same tests run against each store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from graph_loader.graph import Edge, GraphBatch, Label, Node, Rel
from graph_loader.models import DocumentFacts, Evidence

Direction = Literal["out", "in", "both"]


@dataclass
class WriteSummary:
    """What a write added: new nodes and relationships by label and type, documents stored."""

    documents: int = 0
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)

    def add(self, other: WriteSummary) -> None:
        """Accumulate another summary into this one."""
        self.documents += other.documents
        for mine, theirs in ((self.nodes, other.nodes), (self.relationships, other.relationships)):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v


class GraphStore(Protocol):
    """A graph store: atomic batch writes, and the few reads every query is built from.

    Chain, path and search logic lives once in :mod:`graph_loader.queries` on top of these reads,
    so every store gives the same answers.
    """

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this content id is already stored."""
        ...

    def write(self, batch: GraphBatch, facts: Sequence[DocumentFacts]) -> WriteSummary:
        """Write one batch atomically: its documents' facts, nodes and edges, merged with what is stored.

        Nodes and edges already present get the new evidence and properties added, never duplicated;
        a failure leaves the store as it was before the batch.
        """
        ...

    def document(self, doc_id: str) -> DocumentFacts | None:
        """The stored facts (with normalized text) of a document."""
        ...

    def document_ids(self) -> list[str]:
        """Content ids of every stored document."""
        ...

    def sources(self) -> dict[str, str]:
        """Source stamps (see :func:`graph_loader.read.stamp`) of files whose document is stored,
        ``{stamp: content id}``: a re-load skips those files without reading them."""
        ...

    def remember_sources(self, stamps: Sequence[tuple[str, str]]) -> None:
        """Remember ``(stamp, content id)`` pairs, for documents already written."""
        ...

    def nodes(
        self, ids: Sequence[str], evidence: bool = True, evidence_limit: int | None = None
    ) -> list[Node]:
        """The nodes with these ids, in the order asked (unknown ids are left out).

        With ``evidence=False`` the nodes come without their evidence lists (cheaper, for answers
        that show only names and properties); ``evidence_limit`` keeps the first pieces of each
        node's evidence (a person may be mentioned by thousands of documents).
        """
        ...

    def edges(
        self,
        ids: Sequence[str],
        direction: Direction = "both",
        types: Sequence[Rel] | None = None,
        evidence_limit: int | None = None,
    ) -> list[Edge]:
        """Edges touching any of ``ids``, in the given direction, optionally of the given types.

        ``evidence_limit`` keeps only the first pieces of evidence of each edge (0: none), for
        answers that quote a few sentences of relationships attested by thousands of documents.
        """
        ...

    def evidence(
        self, keys: Sequence[tuple[str, str, str]], limit: int | None = None
    ) -> dict[tuple[str, str, str], list[Evidence]]:
        """The evidence of relationships given as ``(source, type, target)``, the first ``limit`` of each.

        Evidence is ordered by :func:`~graph_loader.graph.evidence_key` (document, offsets, rule) on
        every store, so answers do not depend on the order documents were loaded in.
        """
        ...

    def named(self, names: Sequence[str], label: Label) -> list[Node]:
        """Nodes of ``label`` whose name is exactly one of ``names``, each with its first piece of
        evidence (in :func:`~graph_loader.graph.evidence_key` order); sorted by id."""
        ...

    def find(
        self, terms: Sequence[str], labels: Sequence[Label] | None = None, limit: int = 50
    ) -> list[Node]:
        """Nodes whose name or an alias contains any of ``terms`` (already normalized by the caller),
        without their evidence; exact names first, then shorter names, then ids."""
        ...

    def counts(self) -> dict[str, dict[str, int]]:
        """``{"nodes": {label: n}, "relationships": {type: n}}``."""
        ...

    def iter_nodes(self) -> Iterator[Node]:
        """Every node (for export)."""
        ...

    def iter_edges(self) -> Iterator[Edge]:
        """Every edge (for export)."""
        ...

    def clear(self) -> None:
        """Remove everything (used before a rebuild from stored facts)."""
        ...

    def close(self) -> None:
        """Release connections and files."""
        ...
