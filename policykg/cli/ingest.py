"""`policykg validate`, `ingest` and `changes`: records in, and what they changed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from policykg.cli.context import graph_of, settings_of
from policykg.cli.render import Format, render
from policykg.ingest.pipeline import ingest_paths
from policykg.ingest.runlog import last_run
from policykg.ingest.validate import validate_paths
from policykg.ingest.watch import parse_interval, watch

DEFAULT_DIR = Path("data/documents")
Paths = Annotated[list[Path] | None, typer.Argument(help="Record files or folders [default: data/documents].")]


def validate(paths: Paths = None) -> None:
    """Check record files without writing anything; lists every problem with file, line and field."""
    documents = validate_paths(paths or [DEFAULT_DIR])
    typer.echo(f"{len(documents)} documents valid.")


def ingest(
    ctx: typer.Context,
    paths: Paths = None,
    prune: Annotated[bool, typer.Option(help="Retract documents whose files are gone.")] = False,
    watch_: Annotated[bool, typer.Option("--watch", help="Re-ingest on a schedule until interrupted.")] = False,
    interval: Annotated[str, typer.Option(help="Time between --watch runs: 30s, 10m, 1h.")] = "10m",
    runs: Annotated[int | None, typer.Option(help="Stop --watch after this many runs.", hidden=True)] = None,
) -> None:
    """Validate all records, then write each new or changed document in one transaction."""
    paths = paths or [DEFAULT_DIR]
    if watch_:
        watch(settings_of(ctx), paths, parse_interval(interval), prune=prune, runs=runs, log=typer.echo)
        return
    with graph_of(ctx) as graph, Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=None)
        report = ingest_paths(graph, paths, prune=prune,
                              progress=lambda i, n, doc: bar.update(task, completed=i, total=n, description=doc))
    typer.echo(report.summary())


def changes(ctx: typer.Context, fmt: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """What the last ingest run changed: facts added, removed, and figures with old → new values."""
    with graph_of(ctx) as graph:
        run = last_run(graph)
    if run is None:
        typer.echo("No ingest has run yet.")
        return
    columns = ["change", "label", "key", "name", "field", "old", "new", "document"]
    if fmt is Format.table:
        typer.echo(f"Run {run['id']}: {run['documents_new']} new, {run['documents_changed']} changed, "
                   f"{run['documents_unchanged']} unchanged, {run['documents_removed']} removed")
        if not run["changes"]:
            typer.echo("Nothing changed.")
            return
    text = render(run["changes"], fmt, columns)
    if text is not None:
        typer.echo(text)
    if run["changes_total"] > len(run["changes"]):
        typer.echo(f"(the first {len(run['changes'])} of {run['changes_total']} changes; the run log keeps no more)",
                   err=True)


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(ingest)
    app.command()(changes)
