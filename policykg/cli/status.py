"""`policykg status`: which server, which version, what the graph holds."""

from __future__ import annotations

import typer

from policykg.cli.render import Format, render


def status(ctx: typer.Context) -> None:
    """Server address, Neo4j version and edition, database, and counts per label and type."""
    from policykg.cli.context import graph_of
    from policykg.graph.connection import server_info
    from policykg.graph.counts import graph_counts

    with graph_of(ctx) as graph:
        info = server_info(graph)
        counts = graph_counts(graph)
    typer.echo(f"Neo4j {info['version']} {info['edition']} at {info['address']}, database {info['database']}")
    typer.echo(f"{counts['total_nodes']} nodes, {counts['total_relationships']} relationships")
    render([{"label": k, "nodes": v} for k, v in counts["nodes"].items()], Format.table)
    render([{"type": k, "relationships": v} for k, v in counts["relationships"].items()], Format.table)


def register(app: typer.Typer) -> None:
    app.command()(status)
