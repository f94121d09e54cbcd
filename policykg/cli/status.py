"""`policykg status`: which server, which version, what the graph holds."""

from __future__ import annotations

import typer
from rich.console import Console

from policykg.cli.context import graph_of
from policykg.cli.render import Format, render
from policykg.graph.connection import server_info
from policykg.graph.counts import graph_counts


def status(ctx: typer.Context) -> None:
    """Server address, Neo4j version and edition, database, and counts per label and type."""
    with graph_of(ctx) as graph:
        info = server_info(graph)
        counts = graph_counts(graph)
    console = Console()
    console.print(f"Neo4j {info['version']} {info['edition']} at {info['address']}, database {info['database']}")
    console.print(f"{counts['total_nodes']} nodes, {counts['total_relationships']} relationships")
    render([{"label": k, "nodes": v} for k, v in counts["nodes"].items()], Format.table, console=console)
    render([{"type": k, "relationships": v} for k, v in counts["relationships"].items()], Format.table, console=console)


def register(app: typer.Typer) -> None:
    app.command()(status)
