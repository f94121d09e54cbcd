"""`policykg schema …`: constraints and indexes, the model, the record format's JSON Schema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.cli import TYPER_SETTINGS
from policykg.cli.output import say
from policykg.cli.render import Format, render

schema_app = typer.Typer(help="The graph model: constraints, indexes and record format.", no_args_is_help=True,
                         **TYPER_SETTINGS)


@schema_app.command()
def apply(ctx: typer.Context) -> None:
    """Create the uniqueness constraints, indexes and full-text indexes (idempotent)."""
    from policykg.cli.context import graph_of
    from policykg.graph.constraints import apply_schema, constraints, indexes

    with graph_of(ctx) as graph:
        ran = apply_schema(graph)
        made = constraints(graph), indexes(graph)
    typer.echo(f"Applied {ran} statements: {len(made[0])} constraints, {len(made[1])} indexes in place.")


@schema_app.command()
def summary(ctx: typer.Context) -> None:
    """Rebuild the region × theme summary (COVERS) from every fact; ingest keeps it otherwise."""
    from policykg.cli.context import graph_of
    from policykg.ingest.summary import rebuild

    with graph_of(ctx) as graph:
        cells = rebuild(graph)
    typer.echo(f"Rebuilt the region × theme summary: {cells} region-theme cells.")


@schema_app.command()
def show() -> None:
    """Print the labels, their keys and properties, and the relationship types."""
    from policykg.schema.describe import model_rows

    nodes, rels = model_rows()
    say(render(nodes, Format.table, title="Labels"))
    say(render(rels, Format.table, title="Relationship types"))


@schema_app.command()
def export(out: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None) -> None:
    """Write the JSON Schema of the record format, for editors that validate YAML while typing."""
    from policykg.schema.describe import record_json_schema

    text = record_json_schema()
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text + "\n", encoding="utf-8")
        typer.echo(f"Wrote {out}")


@schema_app.command("indicators")
def indicators_(fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
                wide: Annotated[bool, typer.Option("--wide", help="Every column, however wide.")] = False) -> None:
    """List the indicator catalogue: keys, names, aliases, unit, kind, what a share is of."""
    from policykg.schema.reference import indicators

    rows = [{"key": i.key, "name_zh": i.name_zh, "name_en": i.name_en, "aliases_zh": ", ".join(i.aliases_zh),
             "unit": i.unit, "kind": i.kind, "share_of": i.share_of, "definition": i.definition}
            for i in indicators().indicators.values()]
    columns = None if wide or fmt is not Format.table else ["key", "name_zh", "unit", "kind"]
    say(render(rows, fmt, columns, title="Indicator catalogue (schema/reference_data/indicators.yaml)"))


def register(app: typer.Typer) -> None:
    app.add_typer(schema_app, name="schema")
