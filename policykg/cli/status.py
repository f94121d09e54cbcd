"""`policykg status`: which server, which version, what the graph holds."""

from __future__ import annotations

import typer

from policykg.cli.output import plural, say
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
    typer.echo(f"{plural(counts['total_nodes'], 'node')}, {plural(counts['total_relationships'], 'relationship')}")
    for rows in ([{"label": k, "nodes": v} for k, v in counts["nodes"].items()],
                 [{"type": k, "relationships": v} for k, v in counts["relationships"].items()]):
        if rows:  # an empty graph has no table to print, not an empty one
            say(render(rows, Format.table))


def register(app: typer.Typer) -> None:
    app.command()(status)
