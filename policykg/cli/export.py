"""`policykg export`: the graph, or part of it, as GraphML, GEXF, node-link JSON or CSV.

Everything that can be refused without the server (format, region and theme
names, the destination, the query and its parameters) is refused before
connecting; networkx and the exporter are imported only when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.cli.context import graph_of


def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="graphml, gexf, json (networkx node-link) or csv (nodes.csv + edges.csv).")] = "graphml",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (a directory for csv) [default: policykg-graph.FORMAT].")] = None,
    region: Annotated[list[str] | None, typer.Option("--region", "-r", help="Only the neighbourhood of this region (any name; repeatable).")] = None,
    theme: Annotated[list[str] | None, typer.Option("--theme", "-t", help="Only the neighbourhood of this theme (any name; repeatable).")] = None,
    depth: Annotated[int | None, typer.Option("--depth", "-d", help="Hops from the named regions, themes or answer [default: 1; 0 with --query].")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Only the nodes a canned query's answer names.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE for --query.")] = None,
) -> None:
    """Write the graph for Gephi, Cytoscape, networkx or pandas (labels, keys, names, provenance as attributes)."""
    from policykg.cli import dataframes

    dataframes.allow()  # networkx may use numpy
    from policykg.graph.export import ExportError, prepare, to_networkx, write

    if param and not query:
        raise ExportError("--param needs --query NAME")
    if query and (region or theme):
        raise ExportError("give either --query or --region/--theme, not both")
    export_format, target = prepare(fmt, out, region or [], theme or [], depth)
    if query:
        from policykg.queries import loader
        from policykg.queries.params import parse_assignments
        from policykg.queries.subgraph import query_subgraph

        given = parse_assignments(param or [])
        loader.get(query).bind(given)
    with graph_of(ctx) as graph:
        if query:
            g = query_subgraph(graph, query, given, depth=0 if depth is None else depth)
        else:
            g = to_networkx(graph, region=region or None, theme=theme or None, depth=1 if depth is None else depth)
    written = write(g, export_format, target)
    typer.echo(f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges → {', '.join(map(str, written))}", err=True)


def register(app: typer.Typer) -> None:
    app.command()(export)
