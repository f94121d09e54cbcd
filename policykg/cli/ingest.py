"""`policykg validate`, `ingest` and `changes`: records in, and what they changed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from policykg.cli.output import EMPTY, plural, say
from policykg.cli.render import Format, cell, note, render, terminal_width

DEFAULT_DIR = Path("data/documents")
Paths = Annotated[list[Path] | None, typer.Argument(help="Record files or folders (default: data/documents).",
                                                    show_default=False)]
#: Keys are aligned up to this width (a longer key pushes its own line's name to the right).
KEY_WIDTH = 40
#: How `changes` marks each kind of change in its table view.
SIGNS = {"added": "+", "removed": "-", "changed": "~"}


def validate(paths: Paths = None) -> None:
    """Check record files without writing anything; lists every problem with file, line and field."""
    from policykg.ingest.shared_facts import validation_conflicts
    from policykg.ingest.validate import validate_paths

    documents = validate_paths(paths or [DEFAULT_DIR])
    for conflict in validation_conflicts(documents):
        typer.echo(f"Warning: {conflict}", err=True)
    typer.echo(f"{plural(len(documents), 'document')} valid.")


def ingest(
    ctx: typer.Context,
    paths: Paths = None,
    prune: Annotated[bool, typer.Option("--prune", help="Retract documents whose files are gone.")] = False,
    watch_: Annotated[bool, typer.Option("--watch", help="Re-ingest on a schedule until interrupted.")] = False,
    interval: Annotated[str, typer.Option(metavar="EVERY", help="Time between --watch runs: 30s, 10m, 1h.")] = "10m",
    runs: Annotated[int | None, typer.Option(help="Stop --watch after this many runs.", hidden=True)] = None,
) -> None:
    """Validate all records, then write each new or changed document in one transaction."""
    from policykg.cli.context import graph_of, settings_of
    from policykg.ingest.pipeline import ingest_paths
    from policykg.ingest.watch import parse_interval, watch

    paths = paths or [DEFAULT_DIR]
    if watch_:
        watch(settings_of(ctx), paths, parse_interval(interval), prune=prune, runs=runs, log=typer.echo)
        return
    from rich.console import Console
    from rich.progress import Progress

    with graph_of(ctx) as graph, Progress(transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=None)
        report = ingest_paths(graph, paths, prune=prune,
                              progress=lambda i, n, doc: bar.update(task, completed=i, total=n, description=doc))
    for conflict in report.conflicts:
        typer.echo(f"Warning: {conflict}", err=True)
    typer.echo(report.summary())


def change_lines(changes: Sequence[dict[str, Any]], width: int) -> list[str]:
    """The table view of `changes`: a heading per document, then one line per change, cut to ``width``.

    The long document id is said once, in its heading, not in every row.
    """
    from rich.text import Text

    by_document: dict[str, list[dict[str, Any]]] = {}
    for change in changes:
        by_document.setdefault(str(change.get("document") or "(no document)"), []).append(change)
    label_width = max((len(str(c.get("label") or "")) for c in changes), default=0)
    key_width = min(max((len(str(c.get("key") or "")) for c in changes), default=0), KEY_WIDTH)
    lines: list[str] = []
    for document, items in by_document.items():
        counts = {kind: sum(1 for c in items if c.get("change") == kind) for kind in SIGNS}
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
        lines.append(f"{document}  ({summary})")
        for c in items:
            what = (f"{c.get('field')}: {cell(c.get('old')) or '∅'} → {cell(c.get('new')) or '∅'}"
                    if c.get("change") == "changed" else cell(c.get("name")))
            line = Text(f"  {SIGNS.get(str(c.get('change')), '?')} {str(c.get('label') or '').ljust(label_width)}  "
                        f"{str(c.get('key')).ljust(key_width)}  {what}")
            cut = line.cell_len > width
            line.truncate(width, overflow="ellipsis")
            lines.append(line.plain)
            if cut:  # the whole name (or old → new) on a line of its own, for the reader to copy
                lines.append(f"      {what}")
    return lines


def changes(
    ctx: typer.Context,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table (grouped by document, one line per "
                                                               "change), records, json, csv or markdown.")]
    = Format.table,
) -> None:
    """What the last ingest run changed: facts added, removed, and figures with old → new values."""
    from policykg.cli.context import graph_of
    from policykg.ingest.runlog import last_run

    with graph_of(ctx) as graph:
        run = last_run(graph)
    if run is None:
        typer.echo("No ingest has run yet.")
        return
    columns = ["change", "label", "key", "name", "field", "old", "new", "document"]
    if run["changes_total"] > len(run["changes"]):
        note(f"(the first {len(run['changes'])} of {run['changes_total']} changes; the run log keeps no more)")
    if fmt is not Format.table:
        say(render(run["changes"], fmt, columns))
        return
    typer.echo(f"Run {run['id']}: {run['documents_new']} new, {run['documents_changed']} changed, "
               f"{run['documents_unchanged']} unchanged, {run['documents_removed']} removed")
    if not run["changes"]:
        note(EMPTY)
        return
    typer.echo("\n".join(change_lines(run["changes"], terminal_width())))


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(ingest)
    app.command()(changes)
