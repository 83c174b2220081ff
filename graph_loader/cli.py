"""The ``officials-graph`` command line."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graph_loader.errors import OfficialsGraphError
from graph_loader.loader import load, rebuild
from graph_loader.pipeline import Outcome, run
from graph_loader.settings import Settings, get_settings
from graph_loader.store import GraphStore, WriteSummary, open_store

app = typer.Typer(
    name="officials-graph",
    help="Officials, bodies and events from Chinese environmental-inspection articles, as a graph.",
    no_args_is_help=True,
    add_completion=False,
)


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"


@app.callback()
def main() -> None:
    """Officials, bodies and events from Chinese environmental-inspection articles, as a graph."""


@app.command("extract")
def extract_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursed) or - for stdin.")],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="jsonl: one object per line; json: a list.")
    ] = Format.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    with_text: Annotated[
        bool, typer.Option(help="Include the normalized text (evidence offsets point into it).")
    ] = True,
    debug: Annotated[bool, typer.Option(help="Report on stderr what normalization removed.")] = False,
) -> None:
    """Extract document facts with evidence from articles (.txt, .html; UTF-8, GB18030, Big5)."""
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    produced = skipped = 0
    docs: list[str] = []
    show = sys.stderr.isatty()
    try:
        for outcome in run(paths):
            for w in outcome.warnings:
                typer.echo(f"warning: {outcome.name}: {w}", err=True)
            if outcome.facts is None:
                skipped += 1
                typer.echo(f"skipped: {outcome.name}: {outcome.skipped}", err=True)
                continue
            produced += 1
            if debug:
                for r in outcome.facts.removed:
                    typer.echo(f"removed [{r.kind}] {outcome.name}: {r.text[:80]}", err=True)
            line = outcome.facts.to_json(with_text=with_text)
            if fmt is Format.jsonl:
                out.write(line + "\n")
                out.flush()
            else:
                docs.append(line)
            if show:
                typer.echo(f"\r{produced} extracted, {skipped} skipped", err=True, nl=False)
        if fmt is Format.json:
            out.write("[" + ",\n".join(docs) + "]\n")
    finally:
        if output:
            out.close()
    if show:
        typer.echo("", err=True)
    if skipped:
        typer.echo(f"{produced} documents extracted, {skipped} skipped", err=True)
        raise typer.Exit(1)
    if not produced:
        typer.echo("no documents found", err=True)
        raise typer.Exit(1)


class StoreKind(StrEnum):
    embedded = "embedded"
    neo4j = "neo4j"


class ExportFormat(StrEnum):
    graphml = "graphml"
    json = "json"
    neo4j_csv = "neo4j-csv"


StoreOpt = Annotated[
    StoreKind | None,
    typer.Option("--store", help="embedded (default, no server) or neo4j (OFFICIALS_GRAPH_NEO4J_*)."),
]
DbOpt = Annotated[Path | None, typer.Option("--db", help="SQLite file of the embedded store.")]


def _settings(store: StoreKind | None, db: Path | None) -> Settings:
    settings = get_settings()
    update: dict[str, object] = {}
    if store is not None:
        update["store"] = store.value
    if db is not None:
        update["db_path"] = db
    return settings.model_copy(update=update) if update else settings


def _open(store: StoreKind | None, db: Path | None) -> tuple[GraphStore, Settings]:
    settings = _settings(store, db)
    try:
        return open_store(settings.store, settings), settings
    except OfficialsGraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _summary_lines(added: WriteSummary) -> list[str]:
    nodes = ", ".join(f"{k} {v}" for k, v in sorted(added.nodes.items())) or "none"
    rels = ", ".join(f"{k} {v}" for k, v in sorted(added.relationships.items())) or "none"
    return [f"nodes added: {nodes}", f"relationships added: {rels}"]


@app.command("load")
def load_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursed) or - for stdin.")],
    store: StoreOpt = None,
    db: DbOpt = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction.")] = 50,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Processes extracting in parallel.")] = 1,
) -> None:
    """Read, extract, resolve and write articles into the graph store.

    Articles already stored are skipped: unchanged files loaded before (same path, size and time) unread, others by content.
    """
    graph, settings = _open(store, db)
    show = sys.stderr.isatty()
    try:
        with (
            typer.progressbar(length=0, label="loading", file=sys.stderr, show_pos=True)
            if show
            else _null() as bar
        ):

            def tick(outcome: Outcome, status: str) -> None:
                if status == "skipped":
                    typer.echo(f"skipped: {outcome.name}: {outcome.skipped}", err=True)
                if bar is not None:
                    bar.update(1)

            report = load(
                paths, graph, batch_size=batch_size, workers=workers, settings=settings, on_outcome=tick
            )
    except OfficialsGraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        graph.close()
    where = settings.store_path if settings.store == "embedded" else settings.neo4j_uri
    lines = [
        f"store: {settings.store} ({where})",
        f"documents read: {report.read}, loaded: {report.loaded}, already stored: {report.already_stored}, "
        f"skipped: {len(report.skipped)}",
        *_summary_lines(report.added),
    ]
    for name, reason in report.skipped:
        lines.append(f"  skipped {name}: {reason}")
    typer.echo("\n".join(lines))
    if report.skipped:
        raise typer.Exit(1)


@contextmanager
def _null() -> Iterator[None]:
    yield None


@app.command("stats")
def stats_cmd(store: StoreOpt = None, db: DbOpt = None) -> None:
    """Counts by node label and relationship type."""
    graph, _ = _open(store, db)
    try:
        counts = graph.counts()
        docs = len(graph.document_ids())
    finally:
        graph.close()
    typer.echo(f"documents: {docs}")
    typer.echo("nodes:")
    for k, v in sorted(counts["nodes"].items()):
        typer.echo(f"  {k:<14}{v:>8}")
    typer.echo("relationships:")
    for k, v in sorted(counts["relationships"].items()):
        typer.echo(f"  {k:<14}{v:>8}")


@app.command("export")
def export_cmd(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="graphml (Gephi), json (node-link), neo4j-csv.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (a folder for neo4j-csv).")],
    store: StoreOpt = None,
    db: DbOpt = None,
) -> None:
    """Export the whole graph."""
    from graph_loader.export import export_graphml, export_json, export_neo4j_csv

    graph, _ = _open(store, db)
    try:
        writer = {"graphml": export_graphml, "json": export_json, "neo4j-csv": export_neo4j_csv}[fmt.value]
        n, e = writer(graph.iter_nodes(), graph.iter_edges(), output)
    finally:
        graph.close()
    typer.echo(f"wrote {n} nodes and {e} relationships to {output}")


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    store: StoreOpt = None,
    db: DbOpt = None,
) -> None:
    """Serve the read-only API (docs at /docs) and the visualization over the configured store."""
    import uvicorn

    from api.main import create_app

    settings = _settings(store, db)
    typer.echo(f"serving {settings.store} store on http://{host}:{port} (API docs at /docs)", err=True)
    # no per-request access log: at hundreds of requests a second it costs more than the answers
    uvicorn.run(create_app(settings=settings), host=host, port=port, log_level="warning", access_log=False)


@app.command("viz")
def viz_cmd(
    node_id: Annotated[str, typer.Argument(help="Id of a person, body, locality or event (see /search).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("page.html"),
    depth: Annotated[int, typer.Option(min=1, max=3, help="Relationships away from the entity.")] = 1,
    hierarchical: Annotated[bool, typer.Option(help="Top-down layout, for chains.")] = False,
    store: StoreOpt = None,
    db: DbOpt = None,
) -> None:
    """Write the interactive neighbourhood page of an entity (works offline: assets inlined)."""
    from graph_loader.viz import neighbourhood, render_html

    graph, _ = _open(store, db)
    try:
        nodes, edges = neighbourhood(graph, node_id, depth=depth)
    except OfficialsGraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    finally:
        graph.close()
    output.write_text(
        render_html(nodes, edges, node_id, hierarchical=hierarchical, link_base=""), encoding="utf-8"
    )
    typer.echo(f"wrote {len(nodes)} nodes and {len(edges)} relationships to {output}")


@app.command("synth")
def synth_cmd(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder for articles/, gold/ and manifest.json.")
    ],
    docs: Annotated[int, typer.Option("--docs", min=1, help="Number of articles.")] = 1000,
    seed: Annotated[int, typer.Option(help="Same seed, same corpus.")] = 7,
    gold: Annotated[bool, typer.Option(help="Write the ground-truth facts too.")] = True,
) -> None:
    """Write a deterministic synthetic corpus of invented officials in real places, with ground truth."""
    from graph_loader.synth import generate

    report = generate(docs, seed, output, gold=gold)
    typer.echo(f"wrote {report.docs} articles to {output}")


@app.command("rebuild")
def rebuild_cmd(store: StoreOpt = None, db: DbOpt = None, batch_size: int = 50) -> None:
    """Re-extract every stored document with the current rules and rebuild the graph."""
    graph, settings = _open(store, db)
    try:
        report = rebuild(graph, batch_size=batch_size, settings=settings)
    finally:
        graph.close()
    typer.echo("\n".join([f"documents re-extracted: {report.loaded}", *_summary_lines(report.added)]))
