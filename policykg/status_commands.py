"""`policykg status`: which server, which version, what the graph holds."""

from __future__ import annotations

import typer
from rich.console import Console

from graph.connection import server_info
from graph.counts import graph_counts
from policykg.context import driver_of
from policykg.render import Format, render


def status(ctx: typer.Context) -> None:
    """Server address, Neo4j version and edition, database, and counts per label and type."""
    with driver_of(ctx) as (driver, settings):
        info = server_info(driver, settings)
        counts = graph_counts(driver, settings)
    console = Console()
    console.print(f"Neo4j {info['version']} {info['edition']} at {info['address']}, database {info['database']}")
    console.print(f"{counts['total_nodes']} nodes, {counts['total_relationships']} relationships")
    render([{"label": k, "nodes": v} for k, v in counts["nodes"].items()], Format.table, console=console)
    render([{"type": k, "relationships": v} for k, v in counts["relationships"].items()], Format.table, console=console)


def register(app: typer.Typer) -> None:
    app.command()(status)
