"""The ``officials-graph`` command line."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graph_loader.pipeline import run

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


def _json_default(o: object) -> str:
    return str(o)


__all__ = ["app", "json"]
